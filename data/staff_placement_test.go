package data

import (
	"context"
	"strings"
	"testing"
	"time"
)

// staffingIDs are the demo's schemes by code, target groups by name and
// enterprises, for building placement forms.
type staffingIDs struct {
	scheme map[string]int64
	group  map[string]int64
	bevar  int64
	varme  int64
}

func demoStaffingIDs(t *testing.T, s *Store) staffingIDs {
	t.Helper()
	ids := staffingIDs{scheme: map[string]int64{}, group: map[string]int64{}}
	schemes, err := s.Schemes(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range schemes {
		ids.scheme[sc.Code] = sc.ID
	}
	groups, err := s.TargetGroups(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		ids.group[g.Name] = g.ID
	}
	ids.bevar = demoOrg(t, s, "Bevar").ID
	ids.varme = demoOrg(t, s, "Fra de varme lande").ID
	return ids
}

// demoPosition finds a demo position by title.
func demoPosition(t *testing.T, s *Store, title string) Position {
	t.Helper()
	ps, err := s.Positions(context.Background(), PositionQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Title == title {
			return p
		}
	}
	t.Fatalf("no position %q", title)
	return Position{}
}

func mustSavePlacement(t *testing.T, s *Store, f PlacementForm) Placement {
	t.Helper()
	p, err := s.SavePlacement(context.Background(), f)
	if err != nil {
		t.Fatalf("SavePlacement(%q): %v", f.Pseudonym, err)
	}
	return p
}

// A valid form to vary: a flex job at Bevar from 1.9.2015.
func okPlacement(ids staffingIDs) PlacementForm {
	return PlacementForm{Pseudonym: "A.H.", OrganisationID: ids.bevar, SchemeID: ids.scheme["fleksjob"],
		HoursPerWeek: "18,5", Resident: "ja", Start: "1.9.2015"}
}

func TestPlacementFormIsChecked(t *testing.T) {
	ids := staffingIDs{scheme: map[string]int64{"fleksjob": 2}, bevar: 8}
	tests := []struct {
		name  string
		edit  func(*PlacementForm)
		field string
		code  string
		texts []string
	}{
		{"CPR number as pseudonym", func(f *PlacementForm) { f.Pseudonym = "010203-1234" },
			"Pseudonym", "cpr", []string{"ligner et CPR-nummer (010203-1234)", "må ikke gemmes"}},
		{"CPR number without dash in the pseudonym", func(f *PlacementForm) { f.Pseudonym = "A.H. 0102031234" },
			"Pseudonym", "cpr", []string{"CPR-nummer (0102031234)"}},
		{"CPR number in the notes", func(f *PlacementForm) { f.Notes = "Ringede om 311299-4321 i dag" },
			"Notes", "cpr", []string{"CPR-nummer (311299-4321)"}},
		{"long number in the pseudonym", func(f *PlacementForm) { f.Pseudonym = "Deltager 4402913" },
			"Pseudonym", "digits", []string{"6 cifre"}},
		{"full name", func(f *PlacementForm) { f.Pseudonym = "Anna Hansen" },
			"Pseudonym", "full_name", []string{"ligner et fuldt navn (Anna Hansen)", "initialer eller et pseudonym", "A.H."}},
		{"full name with Danish letters", func(f *PlacementForm) { f.Pseudonym = "Lene Østergaard" },
			"Pseudonym", "full_name", []string{"Lene Østergaard"}},
		{"three names after a note", func(f *PlacementForm) { f.Pseudonym = "kok Anne-Marie Kjær Holm" },
			"Pseudonym", "full_name", []string{"Anne-Marie Kjær Holm"}},
		{"no pseudonym", func(f *PlacementForm) { f.Pseudonym = "  " },
			"Pseudonym", "required", []string{"initialer eller et pseudonym"}},
		{"pseudonym over 40 characters", func(f *PlacementForm) { f.Pseudonym = strings.Repeat("æ", 41) },
			"Pseudonym", "too_long", []string{"højst 40 tegn (har 41)"}},
		{"81 hours", func(f *PlacementForm) { f.HoursPerWeek = "81" },
			"HoursPerWeek", "range", []string{"mellem 0 og 80 timer (81)"}},
		{"negative hours", func(f *PlacementForm) { f.HoursPerWeek = "-2" },
			"HoursPerWeek", "range", []string{"mellem 0 og 80"}},
		{"hours that are not a number", func(f *PlacementForm) { f.HoursPerWeek = "fuld tid" },
			"HoursPerWeek", "number_format", []string{"fuld tid"}},
		{"end before start", func(f *PlacementForm) { f.End = "31.8.2015" },
			"End", "date_order", []string{"slutdatoen (31.8.2015) ligger før startdatoen (1.9.2015)"}},
		{"no start", func(f *PlacementForm) { f.Start = "" },
			"Start", "required", []string{"startdatoen"}},
		{"start that does not exist", func(f *PlacementForm) { f.Start = "31.2.2015" },
			"Start", "date_invalid", []string{"31.2.2015"}},
		{"resident neither yes nor no", func(f *PlacementForm) { f.Resident = "måske" },
			"Resident", "yes_no", []string{"ja eller nej (måske)"}},
		{"no enterprise", func(f *PlacementForm) { f.OrganisationID = 0 },
			"OrganisationID", "required", []string{"virksomheden"}},
		{"no scheme", func(f *PlacementForm) { f.SchemeID = 0 },
			"SchemeID", "required", []string{"ordning"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := okPlacement(ids)
			tt.edit(&f)
			_, err := f.Parse()
			p := wantFieldError(t, err, tt.field, tt.texts...)
			if p.Code != tt.code {
				t.Errorf("code %q, want %q", p.Code, tt.code)
			}
		})
	}
}

func TestPseudonymsThatPass(t *testing.T) {
	ids := staffingIDs{scheme: map[string]int64{"fleksjob": 2}, bevar: 8}
	for _, name := range []string{"A.B.", "AB", "Anna B.", "Syerske 3", "kok nord", "Kok 2", "Æ.Ø.", "Deltager 50",
		"Ole", "Mor til 3 (Å.K.)"} {
		f := okPlacement(ids)
		f.Pseudonym = name
		if _, err := f.Parse(); err != nil {
			t.Errorf("%q refused: %v", name, err)
		}
	}
}

func TestPlacementIsSavedAndRead(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	ids := demoStaffingIDs(t, s)
	syerske := demoPosition(t, s, "Syerske")
	f := okPlacement(ids)
	f.PositionID = syerske.ID
	f.TargetGroupID = ids.group["Ledige fleksjobbere"]
	f.End = "31.12.2016"
	f.Notes = "Mødes med mentor om fredagen."
	p := mustSavePlacement(t, s, f)
	got, err := s.Placement(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Pseudonym != "A.H." || got.OrganisationName != "Bevar" || got.SchemeName != "Fleksjob" ||
		got.PositionTitle != "Syerske" || got.TargetGroupName != "Ledige fleksjobbere" || got.HoursPerWeek != 18.5 ||
		!got.Resident || got.Start.Format(time.DateOnly) != "2015-09-01" || got.End.Format(time.DateOnly) != "2016-12-31" ||
		got.Notes != f.Notes {
		t.Errorf("read back %+v", got)
	}
	// The form shows it as it was typed, the Danish way.
	back := got.Form()
	if back.HoursPerWeek != "18,5" || back.Start != "1.9.2015" || back.Resident != "ja" {
		t.Errorf("form = %+v", back)
	}
	// The audit log has the record, not the person.
	evs, err := s.Events(ctx, "placering", p.ID)
	if err != nil || len(evs) != 1 || evs[0].Kind != "oprettet" {
		t.Fatalf("events = %+v, %v", evs, err)
	}
	if strings.Contains(evs[0].Detail, "A.H.") {
		t.Errorf("the audit log names the person: %q", evs[0].Detail)
	}
	// An update keeps the id and logs a change.
	f = got.Form()
	f.End = ""
	if _, err := s.SavePlacement(ctx, f); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Placement(ctx, p.ID); !got.End.IsZero() {
		t.Errorf("end not cleared: %v", got.End)
	}
}

func TestPositionMustBelongToTheEnterprise(t *testing.T) {
	s := mustDemo(t)
	ids := demoStaffingIDs(t, s)
	f := okPlacement(ids)
	f.OrganisationID = ids.varme
	f.PositionID = demoPosition(t, s, "Syerske").ID // one of Bevar's
	before := snapshotCounts(t, s)
	_, err := s.SavePlacement(context.Background(), f)
	wantFieldError(t, err, "PositionID", "»Syerske« hører til Bevar")
	sameCounts(t, before, snapshotCounts(t, s))

	// The file refuses it too.
	_, err = s.DB().Exec(`UPDATE placements SET position_id = ? WHERE pseudonym = 'S.F.'`, f.PositionID)
	if err == nil || !strings.Contains(err.Error(), "stillingen hører til en anden virksomhed") {
		t.Errorf("raw update = %v", err)
	}
	// And a position with placements cannot move to another enterprise.
	pf := demoPosition(t, s, "Syerske").Form()
	pf.OrganisationID = ids.varme
	_, err = s.SavePosition(context.Background(), pf)
	wantFieldError(t, err, "OrganisationID", "placering(er)")
}

func TestArchivedChoicesAreNotChosenAnew(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	ids := demoStaffingIDs(t, s)
	existing := mustSavePlacement(t, s, okPlacement(ids))
	if err := s.ArchiveScheme(ctx, ids.scheme["fleksjob"]); err != nil {
		t.Fatal(err)
	}
	f := okPlacement(ids)
	f.Pseudonym = "B.C."
	_, err := s.SavePlacement(ctx, f)
	wantFieldError(t, err, "SchemeID", "»Fleksjob« er arkiveret")
	// A placement already in the scheme can still be edited.
	ef := existing.Form()
	ef.HoursPerWeek = "20"
	if _, err := s.SavePlacement(ctx, ef); err != nil {
		t.Errorf("editing a placement in an archived scheme: %v", err)
	}
}

func TestDeleteByDefaultsFromTheSettings(t *testing.T) {
	s := mustDemo(t)
	ids := demoStaffingIDs(t, s)
	f := okPlacement(ids)
	f.End, f.CaseClosedOn = "31.1.2016", "29.2.2016"
	p := mustSavePlacement(t, s, f)
	if got := p.DeleteBy.Format(time.DateOnly); got != "2017-03-01" {
		t.Errorf("delete-by = %s, want a year after 29.2.2016", got)
	}
	if _, err := s.DB().Exec(`UPDATE settings SET value = '3' WHERE key = 'retention_person_years'`); err != nil {
		t.Fatal(err)
	}
	f.Pseudonym = "B.C."
	f.CaseClosedOn = "15.3.2016"
	if p := mustSavePlacement(t, s, f); p.DeleteBy.Format(time.DateOnly) != "2019-03-15" {
		t.Errorf("delete-by with 3 years = %v", p.DeleteBy)
	}
	// A date the caseworker typed is kept; no case closed, no deadline.
	f.Pseudonym, f.DeleteBy = "C.D.", "1.6.2016"
	if p := mustSavePlacement(t, s, f); p.DeleteBy.Format(time.DateOnly) != "2016-06-01" {
		t.Errorf("typed delete-by = %v", p.DeleteBy)
	}
	f.Pseudonym, f.DeleteBy, f.CaseClosedOn = "D.E.", "", ""
	if p := mustSavePlacement(t, s, f); !p.DeleteBy.IsZero() {
		t.Errorf("delete-by without a closed case = %v", p.DeleteBy)
	}
}

func TestWorkPlacementLongerThanItsSchemeWarns(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t) // the clock says 1.3.2015
	ids := demoStaffingIDs(t, s)
	tests := []struct {
		start, end string
		want       string // part of the warning; "" for none
	}{
		{"1.9.2014", "30.11.2014", ""},          // 91 days: 13 weeks exactly
		{"1.9.2014", "1.12.2014", "i 14 uger"},  // a day more
		{"1.9.2014", "14.12.2014", "i 15 uger"}, // 105 days
		{"1.12.2014", "", ""},                   // open-ended, 13 weeks to today
		{"1.10.2014", "", "fra 1.10.2014, uden slutdato"},
		{"1.4.2015", "", ""}, // has not begun
	}
	for _, tt := range tests {
		f := okPlacement(ids)
		f.OrganisationID = ids.varme // Fra de varme lande: no other placements in 2014
		f.SchemeID = ids.scheme["praktik"]
		f.Start, f.End = tt.start, tt.end
		ws := placementWarnings(t, s, f)
		var long []string
		for _, w := range ws {
			if strings.Contains(w, "13 uger") {
				long = append(long, w)
			}
		}
		switch {
		case tt.want == "" && len(long) > 0:
			t.Errorf("%s–%s: warned %q", tt.start, tt.end, long)
		case tt.want != "" && (len(long) != 1 || !strings.Contains(long[0], tt.want)):
			t.Errorf("%s–%s: warnings %q, want one with %q", tt.start, tt.end, ws, tt.want)
		}
	}
	// Other schemes have no limit.
	f := okPlacement(ids)
	f.Start = "1.1.2010"
	p, _ := f.Parse()
	if ws, _ := s.PlacementWarnings(ctx, p); len(ws) != 0 {
		t.Errorf("a five-year flex job warned %q", ws)
	}
}

func TestSubsidyRuleAllowed(t *testing.T) {
	r := DefaultSubsidyRule
	for _, tt := range []struct{ ordinary, want int }{
		{0, 0}, {4, 0}, {5, 1}, {9, 1}, {10, 2}, {49, 9}, {50, 10}, {59, 10}, {60, 11}, {100, 15}, {-1, 0},
	} {
		if got := r.Allowed(tt.ordinary); got != tt.want {
			t.Errorf("Allowed(%d) = %d, want %d", tt.ordinary, got, tt.want)
		}
	}
	if got := (SubsidyRule{Per: 3, Threshold: 30, PerAbove: 6}).Allowed(42); got != 12 {
		t.Errorf("1 per 3, 1 per 6 above 30: Allowed(42) = %d, want 12", got)
	}
}

func TestSubsidyRatioWarns(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	ids := demoStaffingIDs(t, s)
	org := mustSaveOrg(t, s, OrganisationForm{Name: "Grønt Værksted", Kind: "virksomhed"})
	add := func(who, scheme string) Placement {
		f := okPlacement(ids)
		f.Pseudonym, f.OrganisationID, f.SchemeID, f.Start = who, org.ID, ids.scheme[scheme], "1.1.2015"
		return mustSavePlacement(t, s, f)
	}
	ratio := func(ws []string) string {
		for _, w := range ws {
			if strings.Contains(w, "rimelighedskravet") {
				return w
			}
		}
		return ""
	}
	for i, sc := range []string{"ordinaer", "fleksjob", "ordinaer", "ydelse", "ordinaer"} {
		add(string(rune('A'+i))+".", sc)
	}
	add("V.", "frivillig") // a volunteer is no employee
	if w := ratio(add("L.", "loentilskud").Warnings); w != "" {
		t.Errorf("1 subsidised per 5 ordinary warned: %q", w)
	}
	w := ratio(add("P.", "praktik").Warnings)
	for _, want := range []string{"Grønt Værksted har 2 i løntilskud eller praktik og 5 ordinært ansatte",
		"højst 1", "1 pr. 5 ordinært ansatte"} {
		if !strings.Contains(w, want) {
			t.Errorf("warning %q lacks %q", w, want)
		}
	}
	// The form asks before saving: the same warning for an unsaved placement.
	f := okPlacement(ids)
	f.OrganisationID, f.SchemeID = org.ID, ids.scheme["loentilskud"]
	p, _ := f.Parse()
	ws, err := s.PlacementWarnings(ctx, p)
	if err != nil || !strings.Contains(ratio(ws), "har 3 i løntilskud") {
		t.Errorf("unsaved third: %q %v", ws, err)
	}
	// A warning is not a block, and the rule is a setting.
	if _, err := s.DB().Exec(`UPDATE settings SET value = '1' WHERE key = 'subsidy_ratio_per'`); err != nil {
		t.Fatal(err)
	}
	if ws, _ := s.PlacementWarnings(ctx, p); ratio(ws) != "" {
		t.Errorf("1 per 1: 3 subsidised of 5 ordinary still warned: %q", ws)
	}
}

func TestPlacementsListSortsFiltersAndCounts(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	ids := demoStaffingIDs(t, s)
	aeble := mustSaveOrg(t, s, OrganisationForm{Name: "Æblehaven", Kind: "virksomhed"})
	zebra := mustSaveOrg(t, s, OrganisationForm{Name: "Zebra Tekstil", Kind: "virksomhed"})
	for _, d := range []struct {
		who   string
		org   int64
		start string
	}{{"Æ.1", aeble.ID, "1.1.2015"}, {"Z.1", zebra.ID, "1.1.2014"}, {"Z.2", zebra.ID, "1.6.2014"}} {
		f := okPlacement(ids)
		f.Pseudonym, f.OrganisationID, f.Start = d.who, d.org, d.start
		mustSavePlacement(t, s, f)
	}
	list := func(q PlacementQuery) []string {
		t.Helper()
		ps, err := s.Placements(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range ps {
			out = append(out, p.OrganisationName+":"+p.Pseudonym)
		}
		return out
	}
	all := list(PlacementQuery{})
	want := "Bevar:L.H.|Bevar:K.M.|Bevar:Syerske 3|Bevar:A.B.|Fra de varme lande:Kok 2|Fra de varme lande:N.A.|" +
		"Fra de varme lande:S.F.|Fra de varme lande:F.Y.|Zebra Tekstil:Z.2|Zebra Tekstil:Z.1|Æblehaven:Æ.1"
	if got := strings.Join(all, "|"); got != want {
		t.Errorf("order:\n got %s\nwant %s", got, want)
	}
	if n, _ := s.CountPlacements(ctx, PlacementQuery{}); n != 11 {
		t.Errorf("count = %d, want 11", n)
	}
	// Pages join up.
	var paged []string
	for off := 0; off < 11; off += 4 {
		paged = append(paged, list(PlacementQuery{Limit: 4, Offset: off})...)
	}
	if strings.Join(paged, "|") != want {
		t.Errorf("pages of 4: %v", paged)
	}
	for _, tt := range []struct {
		name string
		q    PlacementQuery
		want string
	}{
		{"enterprise", PlacementQuery{OrganisationID: zebra.ID}, "Zebra Tekstil:Z.2|Zebra Tekstil:Z.1"},
		{"scheme", PlacementQuery{SchemeID: ids.scheme["praktik"]}, "Bevar:Syerske 3|Fra de varme lande:N.A."},
		{"active on 1.3.2016", PlacementQuery{OrganisationID: ids.bevar, ActiveOn: time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)},
			"Bevar:L.H.|Bevar:K.M.|Bevar:A.B."},
		{"pseudonym, folded", PlacementQuery{Text: "æ.1"}, "Æblehaven:Æ.1"},
		{"enterprise name", PlacementQuery{Text: "zebra"}, "Zebra Tekstil:Z.2|Zebra Tekstil:Z.1"},
		{"scheme name", PlacementQuery{Text: "praktik"}, "Bevar:Syerske 3|Fra de varme lande:N.A."},
		{"two words", PlacementQuery{Text: "varme kok"}, "Fra de varme lande:Kok 2"},
		{"nothing", PlacementQuery{Text: "%"}, ""},
	} {
		if got := strings.Join(list(tt.q), "|"); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
		if n, _ := s.CountPlacements(ctx, tt.q); n != len(list(tt.q)) {
			t.Errorf("%s: count %d, listed %d", tt.name, n, len(list(tt.q)))
		}
	}
}

// Paging by cursor (each page starts after the last row of the one before,
// as the list scrolls) gives exactly the rows paging by OFFSET gives, ties
// and archived enterprises included.
func TestPlacementPagesByCursorMatchPagesByOffset(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	ids := demoStaffingIDs(t, s)
	var orgs []int64
	for _, name := range []string{"Åbyhøj Værksted", "Aabenraa Café", "Ærø Køkken", "Bevar"} { // a second "Bevar"
		orgs = append(orgs, mustSaveOrg(t, s, OrganisationForm{Name: name, Kind: "virksomhed"}).ID)
	}
	orgs = append(orgs, ids.bevar, ids.varme)
	schemes := []int64{ids.scheme["fleksjob"], ids.scheme["praktik"], ids.scheme["ordinaer"]}
	for i := range 60 {
		f := okPlacement(ids)
		f.Pseudonym = "P." + string(rune('A'+i%26)) + string(rune('0'+i/26))
		f.OrganisationID = orgs[i%len(orgs)]
		f.SchemeID = schemes[i%len(schemes)]
		f.Start = []string{"1.1.2015", "1.2.2015", "1.1.2015"}[i%3] // many share a start day
		mustSavePlacement(t, s, f)
	}
	if err := s.ArchiveOrganisation(ctx, orgs[1]); err != nil {
		t.Fatal(err)
	}
	names := func(ps []Placement) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Pseudonym+"@"+p.OrganisationName)
		}
		return out
	}
	for _, q := range []PlacementQuery{
		{},
		{SchemeID: ids.scheme["praktik"]},
		{Text: "p."},
		{ActiveOn: time.Date(2015, 1, 15, 0, 0, 0, 0, time.UTC)},
		{OrganisationID: orgs[0]},
	} {
		all, err := s.Placements(ctx, PlacementQuery{Text: q.Text, SchemeID: q.SchemeID, ActiveOn: q.ActiveOn,
			OrganisationID: q.OrganisationID, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var byCursor []Placement
		q.Limit = 7
		for {
			page, err := s.Placements(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			byCursor = append(byCursor, page...)
			if len(page) < q.Limit {
				break
			}
			c := page[len(page)-1].Cursor()
			q.After = &c
		}
		if got, want := strings.Join(names(byCursor), "|"), strings.Join(names(all), "|"); got != want {
			t.Errorf("%+v:\nby cursor %s\n   all    %s", q, got, want)
		}
		// A jump: after the 5th row, skip 3 more.
		if len(all) > 12 {
			c := all[4].Cursor()
			page, err := s.Placements(ctx, PlacementQuery{Text: q.Text, SchemeID: q.SchemeID, ActiveOn: q.ActiveOn,
				OrganisationID: q.OrganisationID, After: &c, Offset: 3, Limit: 4})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := strings.Join(names(page), "|"), strings.Join(names(all[8:12]), "|"); got != want {
				t.Errorf("%+v: after row 5 skip 3: %s, want %s", q, got, want)
			}
		}
	}
	// The archived enterprise's placements come last.
	all, _ := s.Placements(ctx, PlacementQuery{Limit: 1000})
	if last := all[len(all)-1]; last.OrganisationID != orgs[1] {
		t.Errorf("last row is at %s, want the archived Aabenraa Café", last.OrganisationName)
	}
}
