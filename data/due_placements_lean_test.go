package data

import (
	"context"
	"testing"
	"time"

	"partnerskab/data/dk"
)

// TestDuePlacementsReadWhatThePlacementsHold compares the lean list of
// placements due for deletion with the placements read whole (the query it
// replaced), field by field, on days before, among and after the big test
// database's delete-by dates, also with an open-ended placement and one
// without a closed case.
func TestDuePlacementsReadWhatThePlacementsHold(t *testing.T) {
	ctx := context.Background()
	s, err := Open(bigDBCopy(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.ExecContext(ctx, `UPDATE placements SET case_closed_on = NULL
		WHERE id IN (SELECT id FROM placements WHERE delete_by IS NOT NULL AND anonymised_at IS NULL ORDER BY id LIMIT 5)`); err != nil {
		t.Fatal(err)
	}
	var days []time.Time
	for d := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2029; d = d.AddDate(0, 2, 5) {
		days = append(days, d)
	}
	listed, open, unclosed := 0, 0, 0
	for _, day := range append(days, bigDBDay) {
		got, err := s.DuePlacements(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		want, err := queryAll(ctx, s.db, scanPlacement, "SELECT "+placementColumns+placementFrom+
			` WHERE p.delete_by IS NOT NULL AND p.delete_by <= ? AND p.anonymised_at IS NULL
			ORDER BY p.delete_by, p.id`, dk.ISODate(day))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d listed, the placements hold %d", dk.FormatDate(day), len(got), len(want))
		}
		for i, w := range want {
			lean := DuePlacement{ID: w.ID, Pseudonym: w.Pseudonym, OrganisationName: w.OrganisationName,
				SchemeName: w.SchemeName, Start: w.Start, End: w.End, CaseClosedOn: w.CaseClosedOn, DeleteBy: w.DeleteBy}
			if got[i] != lean {
				t.Fatalf("%s, row %d: listed %+v, the placement holds %+v", dk.FormatDate(day), i, got[i], lean)
			}
			if w.End.IsZero() {
				open++
			}
			if w.CaseClosedOn.IsZero() {
				unclosed++
			}
		}
		listed += len(got)
	}
	if listed == 0 || unclosed == 0 {
		t.Fatalf("compared %d rows, %d open-ended, %d without a closed case: a case is missing", listed, open, unclosed)
	}
}
