package data

import (
	"context"
	"database/sql"
	"testing"
)

// BenchmarkPlacementsPage is one page of 100 placements as the Placeringer
// list asks for it while scrolling: sorted by enterprise (Danish order) and
// newest start, filtered as the list's search and filters allow, on the big
// database of 100.000 placements (issue 3's budget: under 5 ms a page).
func BenchmarkPlacementsPage(b *testing.B) {
	ctx := context.Background()
	s, err := Open(bigDBCopy(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := fillPlacementSearchText(ctx, s); err != nil {
		b.Fatal(err)
	}
	var org, praktik int64
	if err := s.DB().QueryRow(`SELECT organisation_id FROM placements GROUP BY organisation_id
		ORDER BY count(*) DESC LIMIT 1`).Scan(&org); err != nil {
		b.Fatal(err)
	}
	if err := s.DB().QueryRow(`SELECT id FROM schemes WHERE code = 'praktik'`).Scan(&praktik); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		q    PlacementQuery
	}{
		{"first", PlacementQuery{}},
		{"enterprise", PlacementQuery{OrganisationID: org}},
		{"active-today", PlacementQuery{ActiveOn: bigDBDay}},
		{"scheme", PlacementQuery{SchemeID: praktik}},
		// A jump straight to a row deep in the list (dragging the scroll bar
		// there): nothing read before it, so OFFSET counts the way.
		{"jump-offset-50000", PlacementQuery{Offset: 50_000}},
		{"jump-offset-99900", PlacementQuery{Offset: 99_900}},
		{"jump-scheme-offset-5000", PlacementQuery{SchemeID: praktik, Offset: 5_000}},
		{"jump-active-today-offset-10000", PlacementQuery{ActiveOn: bigDBDay, Offset: 10_000}},
		{"search-deltager", PlacementQuery{Text: "deltager"}},
		{"search-enterprise-and-scheme", PlacementQuery{Text: "grøn praktik"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			q := bc.q
			q.Limit = 100
			page, err := s.Placements(ctx, q)
			if err != nil {
				b.Fatal(err)
			}
			if len(page) == 0 {
				b.Fatalf("%+v: empty page; the benchmark measures nothing", q)
			}
			for b.Loop() {
				if _, err := s.Placements(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// Scrolling, as the list reads: each page starts after the last row of
	// the page before.
	for _, bc := range []struct {
		name string
		q    PlacementQuery
	}{
		{"scroll-at-50000", PlacementQuery{Offset: 49_900}},
		{"scroll-at-99900", PlacementQuery{Offset: 99_800}},
		{"scroll-active-today-at-10000", PlacementQuery{ActiveOn: bigDBDay, Offset: 9_900}},
		{"scroll-scheme-at-5000", PlacementQuery{SchemeID: praktik, Offset: 4_900}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			q := bc.q
			q.Limit = 100
			before, err := s.Placements(ctx, q)
			if err != nil || len(before) != 100 {
				b.Fatalf("page before: %d rows, %v", len(before), err)
			}
			c := before[len(before)-1].Cursor()
			q.After, q.Offset = &c, 0
			for b.Loop() {
				if page, err := s.Placements(ctx, q); err != nil || len(page) == 0 {
					b.Fatalf("%d rows, %v", len(page), err)
				}
			}
		})
	}
	// The list counts once per search or filter change.
	for _, bc := range []struct {
		name string
		q    PlacementQuery
	}{
		{"count-all", PlacementQuery{}},
		{"count-active-today", PlacementQuery{ActiveOn: bigDBDay}},
		{"count-search", PlacementQuery{Text: "deltager"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.CountPlacements(ctx, bc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDuePlacements lists what is due for deletion on the big database.
func BenchmarkDuePlacements(b *testing.B) {
	ctx := context.Background()
	s, err := Open(bigDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	due, err := s.DuePlacements(ctx, bigDBDay)
	if err != nil || len(due) == 0 {
		b.Fatalf("due = %d, %v", len(due), err)
	}
	b.ReportMetric(float64(len(due)), "due-rows")
	for b.Loop() {
		if _, err := s.DuePlacements(ctx, bigDBDay); err != nil {
			b.Fatal(err)
		}
	}
}

// fillPlacementSearchText gives the big database's placements the search
// text the store writes (the generator inserts raw rows without it).
func fillPlacementSearchText(ctx context.Context, s *Store) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, pseudonym FROM placements WHERE search_text = ''`)
		if err != nil {
			return err
		}
		type row struct {
			id   int64
			name string
		}
		var all []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.name); err != nil {
				rows.Close()
				return err
			}
			all = append(all, r)
		}
		rows.Close()
		st, err := tx.PrepareContext(ctx, `UPDATE placements SET search_text = ? WHERE id = ?`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, r := range all {
			if _, err := st.ExecContext(ctx, placementSearchText(r.name), r.id); err != nil {
				return err
			}
		}
		return nil
	})
}
