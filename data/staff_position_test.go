package data

import (
	"context"
	"testing"
	"time"
)

func TestPositionFormIsChecked(t *testing.T) {
	ok := PositionForm{OrganisationID: 8, Title: "Syerske", HoursPerWeek: "18,5", Count: "2"}
	for _, tt := range []struct {
		name  string
		edit  func(*PositionForm)
		field string
		text  string
	}{
		{"no title", func(f *PositionForm) { f.Title = "" }, "Title", "skal udfyldes"},
		{"no hours", func(f *PositionForm) { f.HoursPerWeek = "" }, "HoursPerWeek", "skal udfyldes"},
		{"zero hours", func(f *PositionForm) { f.HoursPerWeek = "0" }, "HoursPerWeek", "mere end 0"},
		{"81 hours", func(f *PositionForm) { f.HoursPerWeek = "81" }, "HoursPerWeek", "mellem 0 og 80 timer (81)"},
		{"no count", func(f *PositionForm) { f.Count = "" }, "Count", "skal udfyldes"},
		{"count 0", func(f *PositionForm) { f.Count = "0" }, "Count", "mellem 1 og 1000"},
		{"count as a decimal", func(f *PositionForm) { f.Count = "1,5" }, "Count", "helt tal"},
		{"no enterprise", func(f *PositionForm) { f.OrganisationID = 0 }, "OrganisationID", "vælg virksomheden"},
		{"CPR in the notes", func(f *PositionForm) { f.Notes = "Tidl. 010203-1234" }, "Notes", "CPR-nummer"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := ok
			tt.edit(&f)
			_, err := f.Parse()
			wantFieldError(t, err, tt.field, tt.text)
		})
	}
	if p, err := ok.Parse(); err != nil || p.HoursPerWeek != 18.5 || p.Count != 2 {
		t.Errorf("valid form = %+v, %v", p, err)
	}
}

func TestPositionsPlanAndFill(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	s.Now = func() time.Time { return time.Date(2016, 3, 1, 12, 0, 0, 0, time.UTC) }
	bevar := demoOrg(t, s, "Bevar")
	// The demo plans 5 + 3 at Bevar and 5 + 3 at Fra de varme lande. On
	// 1.3.2016 A.B., K.M. (Syerske) and L.H. (Butiksmedhjælper) work at
	// Bevar; S.F., N.A., F.Y. (Køkkenmedhjælper) and "Kok 2" at the other.
	plan, err := s.PlanOn(ctx, bevar.ID, s.today())
	if err != nil || plan != (StaffingPlan{Positions: 2, Planned: 8, Filled: 3}) {
		t.Errorf("Bevar's plan = %+v, %v", plan, err)
	}
	if plan, _ := s.PlanOn(ctx, 0, s.today()); plan != (StaffingPlan{Positions: 4, Planned: 16, Filled: 7}) {
		t.Errorf("the whole plan = %+v", plan)
	}
	ps, err := s.Positions(ctx, PositionQuery{OrganisationID: bevar.ID})
	if err != nil || len(ps) != 2 {
		t.Fatalf("Bevar's positions = %+v, %v", ps, err)
	}
	// Danish order: Butiksmedhjælper before Syerske.
	if ps[0].Title != "Butiksmedhjælper" || ps[0].Filled != 1 || ps[1].Title != "Syerske" || ps[1].Filled != 2 ||
		ps[1].OrganisationName != "Bevar" {
		t.Errorf("positions = %+v", ps)
	}
	// A new one, found by search, then archived out of the plan.
	p, err := s.SavePosition(ctx, PositionForm{OrganisationID: bevar.ID, Title: "Værkstedsleder", HoursPerWeek: "37",
		Count: "1", SchemeID: 1})
	if err != nil {
		t.Fatal(err)
	}
	if p.SchemeName != "Ordinært job" {
		t.Errorf("scheme name %q", p.SchemeName)
	}
	if found, _ := s.Positions(ctx, PositionQuery{Text: "værksted"}); len(found) != 1 || found[0].ID != p.ID {
		t.Errorf("search found %+v", found)
	}
	if n, _ := s.CountPositions(ctx, PositionQuery{}); n != 5 {
		t.Errorf("count = %d, want 5", n)
	}
	if err := s.ArchivePosition(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if plan, _ := s.PlanOn(ctx, bevar.ID, s.today()); plan.Planned != 8 {
		t.Errorf("an archived position still planned: %+v", plan)
	}
	if n, _ := s.CountPositions(ctx, PositionQuery{Archived: true}); n != 1 {
		t.Errorf("archived count = %d", n)
	}
}
