package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// choose picks the option of a drop-down that starts with text.
func choose(t *testing.T, c *widgets.ChoiceSelect, text string) {
	t.Helper()
	for i, o := range c.Options {
		if strings.HasPrefix(o, text) {
			c.SetSelectedIndex(i)
			return
		}
	}
	t.Fatalf("no option %q in %q", text, c.Options)
}

// fillPlacement types a valid placement: a work placement at Bevar.
func fillPlacement(t *testing.T, p *placementPanel, who string) {
	t.Helper()
	p.NewRecord()
	typeInto(p.Entry("Pseudonym"), who)
	pick(t, p.org, "Bevar")
	choose(t, p.position, "Syerske")
	choose(t, p.scheme, "Virksomhedspraktik")
	typeInto(p.Entry("HoursPerWeek"), "18,5")
	checkIn(p.Field("Resident")).SetChecked(true)
	choose(t, p.group, "Beboere i området")
	typeInto(p.Entry("Start"), "1.9.2015")
	typeInto(p.Entry("End"), "14.12.2015")
	typeInto(p.Entry("CaseClosedOn"), "18.12.2015")
}

func placementsNamed(t *testing.T, s *data.Store, who string) []data.Placement {
	t.Helper()
	ps, err := s.Placements(context.Background(), data.PlacementQuery{Text: who, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var out []data.Placement
	for _, p := range ps {
		if p.Pseudonym == who {
			out = append(out, p)
		}
	}
	return out
}

func TestPlacementWithACPRNumberIsRefused(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Staffing.placements
	before := countRows(t, s, "placements")
	fillPlacement(t, p, "010203-1234")
	// Warned as it is typed, before any save.
	f := p.Field("Pseudonym")
	if !f.Msg.Visible() {
		t.Fatal("no warning while a CPR number is typed as the pseudonym")
	}
	mustContain(t, f.Msg.Text, "ligner et CPR-nummer (010203-1234)")
	test.Tap(p.SaveButton)
	if n := countRows(t, s, "placements"); n != before {
		t.Fatalf("a CPR number reached the database: %d placements, had %d", n, before)
	}
	mustContain(t, f.Msg.Text, "CPR-numre må ikke gemmes")
	mustContain(t, p.Form.State.Text, "Ikke gemt")
	if p.Entry("Pseudonym").Text != "010203-1234" || p.Entry("Start").Text != "1.9.2015" {
		t.Errorf("the form lost what was typed: %q %q", p.Entry("Pseudonym").Text, p.Entry("Start").Text)
	}
	// A full name is refused too, with what to write instead.
	typeInto(p.Entry("Pseudonym"), "Anna Hansen")
	test.Tap(p.SaveButton)
	if n := countRows(t, s, "placements"); n != before {
		t.Fatal("a full name reached the database")
	}
	mustContain(t, f.Msg.Text, "ligner et fuldt navn (Anna Hansen); skriv kun initialer eller et pseudonym, fx A.H.")
	// So is a CPR number in the notes.
	typeInto(p.Entry("Pseudonym"), "A.H.")
	typeInto(p.Entry("Notes"), "Se journal 0102031234")
	test.Tap(p.SaveButton)
	if n := countRows(t, s, "placements"); n != before {
		t.Fatal("a CPR number in the notes reached the database")
	}
	mustContain(t, p.Field("Notes").Msg.Text, "CPR-nummer (0102031234)")
}

func TestPlacementSavedThroughTheFormReachesTheStore(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Staffing.placements
	fillPlacement(t, p, "R.T.")
	// 1.9.–14.12.2015 is 15 weeks of a 13-week scheme: a warning as typed,
	// not a block.
	if !p.warnings.Visible() {
		t.Fatal("no warning for a 15-week work placement")
	}
	mustContain(t, p.warnings.Text, "Virksomhedspraktik i 15 uger")
	test.Tap(p.SaveButton)

	got := placementsNamed(t, s, "R.T.")
	if len(got) != 1 {
		t.Fatalf("store holds %d placements R.T., want 1", len(got))
	}
	pl := got[0]
	if pl.OrganisationName != "Bevar" || pl.PositionTitle != "Syerske" || pl.SchemeName != "Virksomhedspraktik" ||
		pl.HoursPerWeek != 18.5 || !pl.Resident || pl.TargetGroupName != "Beboere i området" ||
		pl.Start.Format("2.1.2006") != "1.9.2015" || pl.End.Format("2.1.2006") != "14.12.2015" {
		t.Errorf("saved %+v", pl)
	}
	// The delete-by date defaults to a year after the case closed.
	if pl.DeleteBy.Format("2.1.2006") != "18.12.2016" {
		t.Errorf("delete-by %v", pl.DeleteBy)
	}
	if p.Original.ID != pl.ID || p.Form.Dirty() || p.Entry("DeleteBy").Text != "18.12.2016" {
		t.Errorf("form after save: record %d, dirty %v, delete-by %q", p.Original.ID, p.Form.Dirty(), p.Entry("DeleteBy").Text)
	}
	if !p.warnings.Visible() || p.warnings.Importance != widget.WarningImportance || !strings.Contains(p.warnings.Text, "15 uger") {
		t.Errorf("after save the warning is %q (shown %v)", p.warnings.Text, p.warnings.Visible())
	}
	// The list shows it, found by search.
	typeInto(p.List.Search, "r.t.")
	if names := p.List.Names(); len(names) != 1 || names[0] != "R.T." {
		t.Errorf("search lists %v", names)
	}
	// A position of another enterprise cannot be chosen: the drop-down
	// offers the chosen enterprise's positions only.
	pick(t, p.org, "Fra de varme lande")
	for _, o := range p.position.Options {
		if o == "Syerske" {
			t.Errorf("Fra de varme lande offers Bevar's position: %q", p.position.Options)
		}
	}
}

func TestAnonymiseThroughTheDueTab(t *testing.T) {
	w, s := newTestWindow(t, true)
	st := w.Staffing
	// Open the placement that is due, so the form shows its pseudonym.
	due, err := s.DuePlacements(context.Background(), staffingToday())
	if err != nil || len(due) != 1 || due[0].Pseudonym != "Syerske 3" {
		t.Fatalf("the demo's due placements = %+v, %v", due, err)
	}
	st.OpenPlacement(due[0].ID)
	if st.placements.Entry("Pseudonym").Text != "Syerske 3" || widgets.TabContent(w.Tabs.Selected()) != st.content {
		t.Fatalf("OpenPlacement showed %q", st.placements.Entry("Pseudonym").Text)
	}
	st.ShowDue()
	if st.Tabs.SelectedIndex() != subDue {
		t.Fatal("ShowDue did not select Til sletning")
	}
	mustContain(t, st.due.count.Text, "1 placering har overskredet slettefristen")
	events := countRows(t, s, "events")

	test.Tap(st.due.anonymiseButton)
	// The confirmation names how many.
	test.Tap(button(t, w, "Anonymisér 1"))

	pl, err := s.Placement(context.Background(), due[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !pl.Anonymised() || pl.Pseudonym != "anonymiseret" || pl.Notes != "" || pl.TargetGroupID != 0 {
		t.Errorf("after Anonymisér the store holds %+v", pl)
	}
	if n := countRows(t, s, "events"); n != events+1 {
		t.Errorf("%d events written, want one", n-events)
	}
	if len(st.due.rows) != 0 || st.due.anonymiseButton.Disabled() == false {
		t.Errorf("the due list still shows %d rows", len(st.due.rows))
	}
	// The open form no longer shows the person.
	if st.placements.Entry("Pseudonym").Text != "anonymiseret" || !st.placements.SaveButton.Disabled() {
		t.Errorf("form shows %q after anonymising", st.placements.Entry("Pseudonym").Text)
	}
}

func TestDeleteThroughTheDueTabAsksFirst(t *testing.T) {
	w, s := newTestWindow(t, true)
	st := w.Staffing
	st.ShowDue()
	before := countRows(t, s, "placements")
	test.Tap(st.due.deleteButton)
	test.Tap(button(t, w, "Annullér"))
	if n := countRows(t, s, "placements"); n != before {
		t.Fatal("cancel deleted")
	}
	test.Tap(st.due.deleteButton)
	test.Tap(button(t, w, "Slet 1"))
	if n := countRows(t, s, "placements"); n != before-1 {
		t.Fatalf("%d placements after Slet, want %d", n, before-1)
	}
}

func TestPlacementDraftIsOfferedBack(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Staffing.placements
	fillPlacement(t, p, "H.J.")
	pause() // the caseworker stops typing: the draft is written
	if n := len(placementsNamed(t, s, "H.J.")); n != 0 {
		t.Fatal("a draft saved the placement")
	}
	w2 := New(test.NewTempApp(t), s)
	defer w2.Win.Close()
	w2.OfferDrafts()
	test.Tap(button(t, w2, "Hent ændringerne tilbage"))
	p2 := w2.Staffing.placements
	if p2.Entry("Pseudonym").Text != "H.J." || pickedTitle(p2.org) != "Bevar" || p2.Entry("Start").Text != "1.9.2015" || !p2.Form.Dirty() {
		t.Fatalf("restored: %q %q %q dirty %v", p2.Entry("Pseudonym").Text, pickedTitle(p2.org), p2.Entry("Start").Text, p2.Form.Dirty())
	}
	if widgets.TabContent(w2.Tabs.Selected()) != w2.Staffing.content || w2.Staffing.Tabs.SelectedIndex() != subPlacements {
		t.Error("the restored draft is not in front")
	}
	test.Tap(p2.SaveButton)
	if n := len(placementsNamed(t, s, "H.J.")); n != 1 {
		t.Errorf("saving the restored draft stored %d placements", n)
	}
}

func TestPositionSavedThroughTheForm(t *testing.T) {
	w, s := newTestWindow(t, true)
	st := w.Staffing
	st.Tabs.SelectIndex(subPositions)
	p := st.positions
	mustContain(t, p.plan.Text, "Planlagt: 16 job i 4 stillinger")
	st.NewRecord() // Ctrl+N acts on the sub-tab in front
	pick(t, p.org, "Fra de varme lande")
	typeInto(p.Entry("Title"), "Opvasker")
	typeInto(p.Entry("HoursPerWeek"), "81")
	st.Save()
	mustContain(t, p.Field("HoursPerWeek").Msg.Text, "mellem 0 og 80 timer (81)")
	typeInto(p.Entry("HoursPerWeek"), "15")
	typeInto(p.Entry("Count"), "2")
	st.Save()
	ps, err := s.Positions(context.Background(), data.PositionQuery{Text: "opvasker"})
	if err != nil || len(ps) != 1 || ps[0].OrganisationName != "Fra de varme lande" || ps[0].Count != 2 || ps[0].HoursPerWeek != 15 {
		t.Fatalf("store holds %+v, %v", ps, err)
	}
	mustContain(t, p.plan.Text, "Planlagt: 18 job i 5 stillinger")
	// The placement form offers the new position at its enterprise.
	pl := st.placements
	st.Tabs.SelectIndex(subPlacements)
	pl.NewRecord()
	pick(t, pl.org, "Fra de varme lande")
	choose(t, pl.position, "Opvasker")
}

func TestSchemeAddedInTheListsIsOffered(t *testing.T) {
	w, s := newTestWindow(t, true)
	st := w.Staffing
	st.Tabs.SelectIndex(subLists)
	e := st.schemes
	st.NewRecord()
	typeInto(e.Entry("Name"), "Nyttejob")
	countChecks(e)[0].SetChecked(true)
	typeInto(e.Entry("WarnWeeks"), "otte")
	st.Save()
	mustContain(t, e.Field("WarnWeeks").Msg.Text, "helt tal (otte)")
	typeInto(e.Entry("WarnWeeks"), "8")
	st.Save()
	sc, ok := data.FindScheme(mustSchemes(t, s), "Nyttejob")
	if !ok || !sc.Subsidised || sc.WarnWeeks != 8 {
		t.Fatalf("store holds %+v (%v)", sc, ok)
	}
	st.Tabs.SelectIndex(subPlacements)
	choose(t, st.placements.scheme, "Nyttejob")
	// A duplicate target group is refused with its message.
	g := st.groups
	g.NewRecord()
	typeInto(g.Entry("Name"), "beboere i OMRÅDET")
	g.Save()
	mustContain(t, g.Field("Name").Msg.Text, "»Beboere i området« findes allerede")
}

func mustSchemes(t *testing.T, s *data.Store) []data.Scheme {
	t.Helper()
	list, err := s.Schemes(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestStaffingShortcutsAndEscape(t *testing.T) {
	w, s := newTestWindow(t, true)
	w.Tabs.SelectIndex(3)
	st := w.Staffing
	menuItem(t, w, fyne.KeyF).Action()
	if w.Win.Canvas().Focused() != st.placements.List.Search {
		t.Error("Ctrl+F did not focus the placements' search")
	}
	menuItem(t, w, fyne.KeyN).Action()
	if w.Win.Canvas().Focused() != st.placements.Entry("Pseudonym") {
		t.Error("Ctrl+N did not put the cursor in the pseudonym")
	}
	typeInto(st.placements.Entry("Pseudonym"), "Z.Z.")
	if !st.Dirty() {
		t.Fatal("typing did not make the tab dirty")
	}
	st.placements.Entry("Pseudonym").TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	test.Tap(button(t, w, "Kassér ændringerne"))
	if st.placements.Entry("Pseudonym").Text != "" || st.Dirty() {
		t.Errorf("Esc left %q", st.placements.Entry("Pseudonym").Text)
	}
	if n := len(placementsNamed(t, s, "Z.Z.")); n != 0 {
		t.Error("Esc saved")
	}
}

// The list reads a long list page by page, each starting where the one
// before ended; what it shows is the store's list, in order.
func TestLongPlacementListReadsInPages(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Staffing.placements
	schemes := mustSchemes(t, s)
	flex, _ := data.FindScheme(schemes, "fleksjob")
	orgs, err := s.SearchOrganisations(context.Background(), data.OrgQuery{Kind: data.KindEnterprise})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 450 {
		_, err := s.SavePlacement(context.Background(), data.PlacementForm{
			Pseudonym: fmt.Sprintf("L%d", i), OrganisationID: orgs[i%len(orgs)].ID, SchemeID: flex.ID,
			Start: fmt.Sprintf("%d.1.2015", 1+i%28)})
		if err != nil {
			t.Fatal(err)
		}
	}
	w.Staffing.Reload()
	all, err := s.Placements(context.Background(), data.PlacementQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, pl := range all {
		want = append(want, pl.Pseudonym)
	}
	got := p.List.Names()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("the list shows %d rows differing from the store's %d", len(got), len(want))
	}
	if len(p.cursors) < 2 {
		t.Errorf("pages after the first did not start from a cursor: %d cursors", len(p.cursors))
	}
}

// countChecks are the scheme form's "Tæller som" boxes: tilskud, fleksjob, job.
func countChecks(e *schemeList) []*widget.Check {
	var out []*widget.Check
	for _, o := range e.Field("Counts").Input.(*fyne.Container).Objects {
		out = append(out, &o.(*widgets.Check).Check)
	}
	return out
}

// Sensitive details in the notes get a warning as they are typed, with the
// reason, and the save goes through: the caseworker decides.
func TestPlacementNotesWarnOfSensitiveDetails(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Staffing.placements
	p.NewRecord()
	typeInto(p.Entry("Notes"), "diagnose depression, somalisk baggrund")
	if !p.warnings.Visible() {
		t.Fatal("no warning for health and ethnicity in the notes of an unfinished form")
	}
	mustContain(t, p.warnings.Text, "»diagnose«, »depression« ligner helbredsoplysninger")
	mustContain(t, p.warnings.Text, "»somalisk« ligner etnisk oprindelse")
	fillPlacement(t, p, "S.B.")
	typeInto(p.Entry("Notes"), "kontanthjælp 11.000 kr.")
	mustContain(t, p.warnings.Text, "»kontanthjælp« ligner sociale ydelser og økonomi")
	mustContain(t, p.warnings.Text, "»11.000 kr.« ligner beløb")
	test.Tap(p.SaveButton)
	got := placementsNamed(t, s, "S.B.")
	if len(got) != 1 || got[0].Notes != "kontanthjælp 11.000 kr." {
		t.Fatalf("a warning blocked the save: %+v", got)
	}
	mustContain(t, p.warnings.Text, "»kontanthjælp«")
	typeInto(p.Entry("Notes"), "Møder kl. 8")
	if strings.Contains(p.warnings.Text, "art. 9") {
		t.Errorf("clean notes still warned: %q", p.warnings.Text)
	}
}
