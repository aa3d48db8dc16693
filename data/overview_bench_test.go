package data

import (
	"context"
	"testing"
)

// BenchmarkOverview is what the Overblik tab reads each time it is shown:
// the targets, the residents' share, the leases, the agreements by status,
// the 90-day list and the 24-month chart, on the big database (issue 3's
// budget: under 50 ms).
func BenchmarkOverview(b *testing.B) {
	s, err := Open(bigDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	o, err := s.Overview(ctx, bigDBDay)
	if err != nil {
		b.Fatal(err)
	}
	if o.Placed == 0 || len(o.Due) == 0 || len(o.Chart.Schemes) == 0 {
		b.Fatalf("the overview of the big database is empty: %d placed, %d due, %d schemes in the chart",
			o.Placed, len(o.Due), len(o.Chart.Schemes))
	}
	b.ReportMetric(float64(len(o.Due)), "due-rows")
	for b.Loop() {
		if _, err := s.Overview(ctx, bigDBDay); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOverviewParts splits the overview into its queries, to see
// which one dominates.
func BenchmarkOverviewParts(b *testing.B) {
	s, err := Open(bigDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	until := bigDBDay.AddDate(0, 0, DueWindow)
	for _, part := range []struct {
		name string
		run  func() error
	}{
		{"targets", func() error { _, err := s.Targets(ctx, bigDBDay); return err }},
		{"active counts", func() error { _, err := s.ActiveCounts(ctx, bigDBDay); return err }},
		{"leases", func() error { _, err := s.CountLeasesByStatus(ctx, bigDBDay); return err }},
		{"agreements", func() error { _, err := s.agreementCounts(ctx); return err }},
		{"due/approvals", func() error { _, err := s.dueApprovals(ctx, bigDBDay, until); return err }},
		{"due/placements", func() error { _, err := s.duePlacements(ctx, bigDBDay, until); return err }},
		{"due/leases", func() error { _, err := s.dueLeases(ctx, bigDBDay, until); return err }},
		{"due/agreements", func() error { _, err := s.dueAgreements(ctx, bigDBDay, until); return err }},
		{"due", func() error { _, err := s.Due(ctx, bigDBDay); return err }},
		{"chart", func() error { _, err := s.placementChart(ctx, bigDBDay); return err }},
	} {
		b.Run(part.name, func(b *testing.B) {
			for b.Loop() {
				if err := part.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
