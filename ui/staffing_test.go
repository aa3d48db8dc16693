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
)

// choose picks the option of a drop-down that starts with text.
func choose(t *testing.T, c *choiceSelect, text string) {
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
	typeInto(p.pseudonym, who)
	pick(t, p.org, "Bevar")
	choose(t, p.position, "Syerske")
	choose(t, p.scheme, "Virksomhedspraktik")
	typeInto(p.hours, "18,5")
	p.resident.SetChecked(true)
	choose(t, p.group, "Beboere i området")
	typeInto(p.start, "1.9.2015")
	typeInto(p.end, "14.12.2015")
	typeInto(p.closed, "18.12.2015")
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
	f := p.form.fields.byName("Pseudonym")
	if !f.msg.Visible() {
		t.Fatal("no warning while a CPR number is typed as the pseudonym")
	}
	mustContain(t, f.msg.Text, "ligner et CPR-nummer (010203-1234)")
	test.Tap(p.saveButton)
	if n := countRows(t, s, "placements"); n != before {
		t.Fatalf("a CPR number reached the database: %d placements, had %d", n, before)
	}
	mustContain(t, f.msg.Text, "CPR-numre må ikke gemmes")
	mustContain(t, p.form.state.Text, "Ikke gemt")
	if p.pseudonym.Text != "010203-1234" || p.start.Text != "1.9.2015" {
		t.Errorf("the form lost what was typed: %q %q", p.pseudonym.Text, p.start.Text)
	}
	// A full name is refused too, with what to write instead.
	typeInto(p.pseudonym, "Anna Hansen")
	test.Tap(p.saveButton)
	if n := countRows(t, s, "placements"); n != before {
		t.Fatal("a full name reached the database")
	}
	mustContain(t, f.msg.Text, "ligner et fuldt navn (Anna Hansen); skriv kun initialer eller et pseudonym, fx A.H.")
	// So is a CPR number in the notes.
	typeInto(p.pseudonym, "A.H.")
	typeInto(p.notes, "Se journal 0102031234")
	test.Tap(p.saveButton)
	if n := countRows(t, s, "placements"); n != before {
		t.Fatal("a CPR number in the notes reached the database")
	}
	mustContain(t, p.form.fields.byName("Notes").msg.Text, "CPR-nummer (0102031234)")
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
	test.Tap(p.saveButton)

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
	if p.original.ID != pl.ID || p.form.dirty || p.deleteBy.Text != "18.12.2016" {
		t.Errorf("form after save: record %d, dirty %v, delete-by %q", p.original.ID, p.form.dirty, p.deleteBy.Text)
	}
	if !p.warnings.Visible() || p.warnings.Importance != widget.WarningImportance || !strings.Contains(p.warnings.Text, "15 uger") {
		t.Errorf("after save the warning is %q (shown %v)", p.warnings.Text, p.warnings.Visible())
	}
	// The list shows it, found by search.
	typeInto(p.list.search, "r.t.")
	if names := p.list.names(); len(names) != 1 || names[0] != "R.T." {
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
	if st.placements.pseudonym.Text != "Syerske 3" || w.Tabs.Selected().Content != st.content {
		t.Fatalf("OpenPlacement showed %q", st.placements.pseudonym.Text)
	}
	st.ShowDue()
	if st.tabs.SelectedIndex() != subDue {
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
	if st.placements.pseudonym.Text != "anonymiseret" || !st.placements.saveButton.Disabled() {
		t.Errorf("form shows %q after anonymising", st.placements.pseudonym.Text)
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
	waitForDraft(t, s, draftPlacement, 0, "H.J.")
	if n := len(placementsNamed(t, s, "H.J.")); n != 0 {
		t.Fatal("a draft saved the placement")
	}
	w2 := New(test.NewTempApp(t), s)
	defer w2.Win.Close()
	w2.OfferDrafts()
	test.Tap(button(t, w2, "Hent ændringerne tilbage"))
	p2 := w2.Staffing.placements
	if p2.pseudonym.Text != "H.J." || pickedTitle(p2.org) != "Bevar" || p2.start.Text != "1.9.2015" || !p2.form.dirty {
		t.Fatalf("restored: %q %q %q dirty %v", p2.pseudonym.Text, pickedTitle(p2.org), p2.start.Text, p2.form.dirty)
	}
	if w2.Tabs.Selected().Content != w2.Staffing.content || w2.Staffing.tabs.SelectedIndex() != subPlacements {
		t.Error("the restored draft is not in front")
	}
	test.Tap(p2.saveButton)
	if n := len(placementsNamed(t, s, "H.J.")); n != 1 {
		t.Errorf("saving the restored draft stored %d placements", n)
	}
}

func TestPositionSavedThroughTheForm(t *testing.T) {
	w, s := newTestWindow(t, true)
	st := w.Staffing
	st.tabs.SelectIndex(subPositions)
	p := st.positions
	mustContain(t, p.plan.Text, "Planlagt: 16 job i 4 stillinger")
	st.NewRecord() // Ctrl+N acts on the sub-tab in front
	pick(t, p.org, "Fra de varme lande")
	typeInto(p.title, "Opvasker")
	typeInto(p.hours, "81")
	st.Save()
	mustContain(t, p.form.fields.byName("HoursPerWeek").msg.Text, "mellem 0 og 80 timer (81)")
	typeInto(p.hours, "15")
	typeInto(p.count, "2")
	st.Save()
	ps, err := s.Positions(context.Background(), data.PositionQuery{Text: "opvasker"})
	if err != nil || len(ps) != 1 || ps[0].OrganisationName != "Fra de varme lande" || ps[0].Count != 2 || ps[0].HoursPerWeek != 15 {
		t.Fatalf("store holds %+v, %v", ps, err)
	}
	mustContain(t, p.plan.Text, "Planlagt: 18 job i 5 stillinger")
	// The placement form offers the new position at its enterprise.
	pl := st.placements
	st.tabs.SelectIndex(subPlacements)
	pl.NewRecord()
	pick(t, pl.org, "Fra de varme lande")
	choose(t, pl.position, "Opvasker")
}

func TestSchemeAddedInTheListsIsOffered(t *testing.T) {
	w, s := newTestWindow(t, true)
	st := w.Staffing
	st.tabs.SelectIndex(subLists)
	e := st.lists.schemes
	st.NewRecord()
	typeInto(e.name, "Nyttejob")
	e.subsidised.SetChecked(true)
	typeInto(e.warnWeeks, "otte")
	st.Save()
	mustContain(t, e.form.fields.byName("WarnWeeks").msg.Text, "helt tal (otte)")
	typeInto(e.warnWeeks, "8")
	st.Save()
	sc, ok := data.FindScheme(mustSchemes(t, s), "Nyttejob")
	if !ok || !sc.Subsidised || sc.WarnWeeks != 8 {
		t.Fatalf("store holds %+v (%v)", sc, ok)
	}
	st.tabs.SelectIndex(subPlacements)
	choose(t, st.placements.scheme, "Nyttejob")
	// A duplicate target group is refused with its message.
	g := st.lists.groups
	g.newRecord()
	typeInto(g.name, "beboere i OMRÅDET")
	g.save()
	mustContain(t, g.form.fields.byName("Name").msg.Text, "»Beboere i området« findes allerede")
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
	if w.Win.Canvas().Focused() != st.placements.list.search {
		t.Error("Ctrl+F did not focus the placements' search")
	}
	menuItem(t, w, fyne.KeyN).Action()
	if w.Win.Canvas().Focused() != st.placements.pseudonym {
		t.Error("Ctrl+N did not put the cursor in the pseudonym")
	}
	typeInto(st.placements.pseudonym, "Z.Z.")
	if !st.Dirty() {
		t.Fatal("typing did not make the tab dirty")
	}
	st.placements.pseudonym.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if st.placements.pseudonym.Text != "" || st.Dirty() {
		t.Errorf("Esc left %q", st.placements.pseudonym.Text)
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
	got := p.list.names()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("the list shows %d rows differing from the store's %d", len(got), len(want))
	}
	if len(p.cursors) < 2 {
		t.Errorf("pages after the first did not start from a cursor: %d cursors", len(p.cursors))
	}
}
