package data

import (
	"context"
	"fmt"
	"testing"
)

// growthSizes are the placements of the samples BenchmarkGrowth measures
// on; the rest of each sample is LargeSample's. The samples come from the
// cache folder (CachedSample): the first `make bench` builds them (the
// largest takes a few minutes), later runs reuse them.
var growthSizes = []int{1_000, 10_000, 100_000, 1_000_000}

// BenchmarkGrowth runs what a caseworker waits for on samples from 1.000
// to 1.000.000 placements: what Overblik reads, the Placeringer list's
// first page, a jump to its middle (dragging the scroll bar there), a
// search as typed, and the count the list shows. Cost must grow with the
// logarithm of the data, not with the data: scripts/growth-check.sh holds
// every operation at 1.000.000 to at most 3× its time at 100.000. Only
// `make bench` runs it (`make test` runs no benchmark).
func BenchmarkGrowth(b *testing.B) {
	ctx := context.Background()
	stores := map[int]*Store{}
	defer func() {
		for _, s := range stores {
			s.Close()
		}
	}()
	store := func(b *testing.B, n int) *Store {
		if s, ok := stores[n]; ok {
			return s
		}
		path, err := CachedSample(LargeSample.WithPlacements(n))
		if err != nil {
			b.Fatalf("sample of %d placements: %v", n, err)
		}
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		stores[n] = s
		return s
	}
	ops := []struct {
		name string
		run  func(s *Store, n int) (int, error)
	}{
		{"overview", func(s *Store, n int) (int, error) {
			o, err := s.Overview(ctx, SampleDay)
			return len(o.Due), err
		}},
		{"first-page", func(s *Store, n int) (int, error) {
			page, err := s.Placements(ctx, PlacementQuery{Limit: 100})
			return len(page), err
		}},
		{"jump-middle", func(s *Store, n int) (int, error) {
			page, err := s.Placements(ctx, PlacementQuery{Limit: 100, Offset: n / 2})
			return len(page), err
		}},
		{"search", func(s *Store, n int) (int, error) {
			page, err := s.Placements(ctx, PlacementQuery{Limit: 100, Text: "deltager"})
			return len(page), err
		}},
		{"count", func(s *Store, n int) (int, error) {
			return s.CountPlacements(ctx, PlacementQuery{})
		}},
	}
	for _, op := range ops {
		for _, n := range growthSizes {
			b.Run(fmt.Sprintf("%s/%d", op.name, n), func(b *testing.B) {
				s := store(b, n)
				if got, err := op.run(s, n); err != nil || got == 0 {
					b.Fatalf("%s on %d placements: %d rows, %v; it measures nothing", op.name, n, got, err)
				}
				for b.Loop() {
					if _, err := op.run(s, n); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
