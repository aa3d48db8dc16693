package data

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"partnerskab/data/dk"
)

// tallyRecount counts what placement_days and placement_months hold straight
// from the placements, as "table period scheme: starts/resident starts/ends/
// resident ends/deletes", leaving out what counts nothing.
const tallyRecount = `WITH dated AS (
		SELECT start_on AS d, scheme_id, 1 AS s, resident AS rs, 0 AS e, 0 AS re, 0 AS x FROM placements
		UNION ALL SELECT end_on, scheme_id, 0, 0, 1, resident, 0 FROM placements WHERE end_on IS NOT NULL
		UNION ALL SELECT delete_by, scheme_id, 0, 0, 0, 0, 1 FROM placements
			WHERE delete_by IS NOT NULL AND anonymised_at IS NULL)
	SELECT 'day', d, scheme_id, sum(s), sum(rs), sum(e), sum(re), sum(x) FROM dated GROUP BY d, scheme_id
	UNION ALL
	SELECT 'month', substr(d, 1, 7), scheme_id, sum(s), sum(rs), sum(e), sum(re), sum(x) FROM dated
		GROUP BY substr(d, 1, 7), scheme_id`

const tallyStored = `SELECT 'day', day, scheme_id, starts, resident_starts, ends, resident_ends, deletes FROM placement_days
	UNION ALL
	SELECT 'month', month, scheme_id, starts, resident_starts, ends, resident_ends, deletes FROM placement_months`

func tallyLines(t *testing.T, s *Store, q string) []string {
	t.Helper()
	rows, err := s.DB().Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var table, period string
		var scheme, st, rst, en, ren, del int64
		if err := rows.Scan(&table, &period, &scheme, &st, &rst, &en, &ren, &del); err != nil {
			t.Fatal(err)
		}
		if st != 0 || rst != 0 || en != 0 || ren != 0 || del != 0 {
			out = append(out, fmt.Sprintf("%s %s %d: %d/%d/%d/%d/%d", table, period, scheme, st, rst, en, ren, del))
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// wantTallies fails unless the tallies equal a recount of the placements.
func wantTallies(t *testing.T, s *Store, after string) {
	t.Helper()
	got, want := tallyLines(t, s, tallyStored), tallyLines(t, s, tallyRecount)
	if !slices.Equal(got, want) {
		for _, l := range want {
			if !slices.Contains(got, l) {
				t.Errorf("after %s the tallies lack %s", after, l)
			}
		}
		for _, l := range got {
			if !slices.Contains(want, l) {
				t.Errorf("after %s the tallies hold %s, the placements do not", after, l)
			}
		}
		t.FailNow()
	}
}

// The overview's tallies always equal a recount of the placements, through
// every way a placement is written: new ones, edits of every counted field
// (dates, scheme, resident, delete-by), anonymisation and deletion, many
// of them at random; and the figures read from them equal the placements
// counted one by one on days across the years.
func TestPlacementTalliesEqualARecount(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	ids := demoStaffingIDs(t, s)
	wantTallies(t, s, "the demo")
	var schemes []int64
	for _, id := range ids.scheme {
		schemes = append(schemes, id)
	}
	slices.Sort(schemes)
	r := rand.New(rand.NewPCG(16, 3))
	base := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)
	date := func() time.Time { return base.AddDate(0, 0, r.IntN(5*365)) }
	form := func(f PlacementForm) PlacementForm {
		start := date()
		f.OrganisationID = []int64{ids.bevar, ids.varme}[r.IntN(2)]
		f.PositionID = 0
		f.SchemeID = schemes[r.IntN(len(schemes))]
		f.Resident = []string{"ja", "nej"}[r.IntN(2)]
		f.Start, f.End, f.CaseClosedOn, f.DeleteBy = dk.FormatDate(start), "", "", ""
		switch r.IntN(4) {
		case 0: // running, no end
		case 1:
			f.End = dk.FormatDate(start.AddDate(0, 0, r.IntN(400)))
		default:
			end := start.AddDate(0, 0, r.IntN(400))
			f.End, f.CaseClosedOn = dk.FormatDate(end), dk.FormatDate(end.AddDate(0, 0, r.IntN(30)))
			if r.IntN(2) == 0 {
				f.DeleteBy = dk.FormatDate(end.AddDate(0, 0, 30+r.IntN(400)))
			}
		}
		return f
	}
	var live []int64
	for i := range 300 {
		switch op := r.IntN(10); {
		case op < 5 || len(live) == 0:
			p := mustSavePlacement(t, s, form(PlacementForm{Pseudonym: fmt.Sprintf("T.%d", i), HoursPerWeek: "20"}))
			live = append(live, p.ID)
		case op < 8:
			p, err := s.Placement(ctx, live[r.IntN(len(live))])
			if err != nil {
				t.Fatal(err)
			}
			f := p.Form()
			if p.Anonymised() {
				// An anonymised placement keeps its pseudonym; its dates may still change.
				g := form(f)
				f.Start, f.End, f.CaseClosedOn, f.DeleteBy, f.SchemeID = g.Start, g.End, g.CaseClosedOn, g.DeleteBy, g.SchemeID
			} else {
				f = form(f)
			}
			if _, err := s.SavePlacement(ctx, f); err != nil {
				// Some random edits are refused (an anonymised placement's
				// rules); a refused save must leave the tallies as they were.
				wantTallies(t, s, fmt.Sprintf("edit %d refused (%v)", i, err))
				continue
			}
		case op < 9:
			k := r.IntN(len(live))
			if _, err := s.AnonymisePlacements(ctx, []int64{live[k]}); err != nil {
				t.Fatal(err)
			}
		default:
			k := r.IntN(len(live))
			if _, err := s.DeletePlacements(ctx, []int64{live[k]}); err != nil {
				t.Fatal(err)
			}
			live = slices.Delete(live, k, k+1)
		}
		if i%25 == 0 {
			wantTallies(t, s, fmt.Sprintf("%d random edits", i+1))
		}
	}
	wantTallies(t, s, "300 random edits")

	// The figures read from the tallies against the placements one by one.
	for d := base; d.Before(base.AddDate(6, 0, 0)); d = d.AddDate(0, 0, 37) {
		day := dk.ISODate(d)
		var placed, flex, residents, overdue int
		for _, p := range allPlacements(t, s) {
			if p.countsAsJob && p.runsBetween(day, day) {
				placed++
				if p.flex {
					flex++
				}
				if p.resident {
					residents++
				}
			}
			if p.deleteBy != "" && !p.anonymised && p.deleteBy <= day {
				overdue++
			}
		}
		c, err := s.ActiveCounts(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if c != (ActiveCounts{Jobs: placed, Flex: flex, Residents: residents}) {
			t.Errorf("%s: counted %+v, the placements hold %d jobs, %d flex, %d residents", day, c, placed, flex, residents)
		}
		n, err := s.overdueCount(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		due, err := s.DuePlacements(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if n != overdue || len(due) != overdue {
			t.Errorf("%s: %d counted due for deletion, %d listed, the placements hold %d", day, n, len(due), overdue)
		}
		o, err := s.Overview(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		wantChart(t, s, o)
	}
}
