package data

import (
	"context"
	"testing"
)

// BenchmarkStatusReport counts the status report's ten sections on the big
// database as of its day (the PDF is rendered in data/agreement): what the
// caseworker waits for between "Gem som PDF…" and the file dialog.
func BenchmarkStatusReport(b *testing.B) {
	s, err := Open(bigDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	r, err := s.StatusReport(ctx, bigDBDay, bigDBDay.AddDate(-1, 0, 0))
	if err != nil {
		b.Fatal(err)
	}
	if len(r.Goals) == 0 || len(r.Placements.Months) == 0 {
		b.Fatalf("the big database's report is empty: %d goals, %d months", len(r.Goals), len(r.Placements.Months))
	}
	for b.Loop() {
		if _, err := s.StatusReport(ctx, bigDBDay, bigDBDay.AddDate(-1, 0, 0)); err != nil {
			b.Fatal(err)
		}
	}
}
