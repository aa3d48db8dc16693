package data

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"partnerskab/data/dk"
)

// placementSummaryRecount is each summary table as a recount of placements
// gives it, row by row, next to what the triggers keep.
var placementSummaryRecount = []struct{ kept, recount string }{
	{`SELECT organisation_id, n FROM placement_org_counts ORDER BY 1`,
		`SELECT organisation_id, count(*) FROM placements GROUP BY 1 ORDER BY 1`},
	{`SELECT scheme_id, organisation_id, n FROM placement_org_scheme_counts ORDER BY 1, 2`,
		`SELECT scheme_id, organisation_id, count(*) FROM placements GROUP BY 1, 2 ORDER BY 1, 2`},
	{`SELECT scheme_id, n, ended FROM placement_scheme_counts ORDER BY 1`,
		`SELECT scheme_id, count(*), count(end_on) FROM placements GROUP BY 1 ORDER BY 1`},
	{`SELECT scheme_id, day, starts, ends FROM placement_day_counts ORDER BY 1, 2`,
		`SELECT scheme_id, day, sum(s), sum(e) FROM (SELECT scheme_id, start_on AS day, 1 AS s, 0 AS e FROM placements
			UNION ALL SELECT scheme_id, end_on, 0, 1 FROM placements WHERE end_on IS NOT NULL) GROUP BY 1, 2 ORDER BY 1, 2`},
}

// queryIDs reads the ids query returns.
func queryIDs(t *testing.T, s *Store, query string) []int64 {
	t.Helper()
	return queryIDsArgs(t, s, query)
}

// tableText reads every row of query as one line of text each.
func tableText(t *testing.T, s *Store, query string) string {
	t.Helper()
	rows, err := s.DB().Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, vals...)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func checkPlacementSummaries(t *testing.T, s *Store, when string) {
	t.Helper()
	for _, q := range placementSummaryRecount {
		kept, recount := tableText(t, s, q.kept), tableText(t, s, q.recount)
		if kept != recount {
			t.Fatalf("%s: %s\nkept:\n%s\nrecount:\n%s", when, q.kept, kept, recount)
		}
	}
}

// pagingFixture is the demo with a few hundred placements spread over
// enterprises (one archived, Danish letters first and last, two named
// alike), schemes and periods, saved through SavePlacement.
type pagingFixture struct {
	s       *Store
	orgs    []int64
	schemes []int64
	days    []time.Time
	ids     []int64
	// archived is the enterprise archived now: no new placement goes there.
	archived int64
}

func newPagingFixture(t *testing.T, r *rand.Rand, n int) *pagingFixture {
	t.Helper()
	s := mustDemo(t)
	ids := demoStaffingIDs(t, s)
	f := &pagingFixture{s: s}
	for _, name := range []string{"Åbyhøj Værksted", "Aabenraa Café", "Ærø Køkken", "Bevar", "Zebra Cykler", "Øster Syning"} {
		f.orgs = append(f.orgs, mustSaveOrg(t, s, OrganisationForm{Name: name, Kind: "virksomhed"}).ID)
	}
	f.orgs = append(f.orgs, ids.bevar, ids.varme)
	for _, sc := range ids.scheme {
		f.schemes = append(f.schemes, sc)
	}
	base := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 40 {
		f.days = append(f.days, base.AddDate(0, 0, 20*i))
	}
	for range n {
		f.ids = append(f.ids, mustSavePlacement(t, s, f.randomForm(r, 0)).ID)
	}
	f.archive(t, f.orgs[1])
	return f
}

// archive archives the enterprise id and brings the one archived before back.
func (f *pagingFixture) archive(t *testing.T, id int64) {
	t.Helper()
	ctx := context.Background()
	if f.archived != 0 {
		if err := f.s.RestoreOrganisation(ctx, f.archived); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.s.ArchiveOrganisation(ctx, id); err != nil {
		t.Fatal(err)
	}
	f.archived = id
}

// randomForm is a valid placement at a random enterprise, scheme and
// period; some share a start day, some have no end, some last one day.
func (f *pagingFixture) randomForm(r *rand.Rand, id int64) PlacementForm {
	start := f.days[r.IntN(len(f.days))]
	org := f.orgs[r.IntN(len(f.orgs))]
	for org == f.archived {
		org = f.orgs[r.IntN(len(f.orgs))]
	}
	form := PlacementForm{ID: id, Pseudonym: fmt.Sprintf("P.%c%d", 'A'+r.IntN(26), r.IntN(100)),
		OrganisationID: org, SchemeID: f.schemes[r.IntN(len(f.schemes))],
		HoursPerWeek: "10", Start: dk.FormatDate(start)}
	switch r.IntN(4) {
	case 0:
	case 1:
		form.End = form.Start
	default:
		form.End = dk.FormatDate(start.AddDate(0, 0, r.IntN(400)))
	}
	return form
}

// The summary counts always equal a recount of placements: after new
// placements, edits that move them to another enterprise, scheme or period
// (or only change the notes), anonymisation and deletion.
func TestPlacementSummariesEqualARecount(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 16))
	f := newPagingFixture(t, r, 120)
	checkPlacementSummaries(t, f.s, "after saving new placements")
	for round := range 6 {
		for range 25 {
			id := f.ids[r.IntN(len(f.ids))]
			p, err := f.s.Placement(ctx, id)
			if errors.Is(err, ErrNotFound) {
				continue // deleted in an earlier round
			} else if err != nil {
				t.Fatal(err)
			}
			if p.Anonymised() || p.OrganisationID == f.archived {
				continue
			}
			form := f.randomForm(r, id)
			if r.IntN(3) == 0 {
				form = p.Form()
				form.Notes = fmt.Sprintf("runde %d", round)
			}
			mustSavePlacement(t, f.s, form)
		}
		checkPlacementSummaries(t, f.s, fmt.Sprintf("round %d, after edits", round))
		pick := []int64{f.ids[r.IntN(len(f.ids))], f.ids[r.IntN(len(f.ids))]}
		if _, err := f.s.AnonymisePlacements(ctx, pick[:1]); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.DeletePlacements(ctx, pick[1:]); err != nil {
			t.Fatal(err)
		}
		checkPlacementSummaries(t, f.s, fmt.Sprintf("round %d, after anonymising and deleting", round))
		for range 5 {
			f.ids = append(f.ids, mustSavePlacement(t, f.s, f.randomForm(r, 0)).ID)
		}
	}
	all := queryIDs(t, f.s, `SELECT id FROM placements`) // the demo's own placements too
	if _, err := f.s.DeletePlacements(ctx, all); err != nil {
		t.Fatal(err)
	}
	checkPlacementSummaries(t, f.s, "after deleting every placement")
	if n := countRows(t, f.s, "placement_day_counts") + countRows(t, f.s, "placement_org_counts"); n != 0 {
		t.Errorf("%d summary rows left with no placements", n)
	}
}

// pageText names a page's rows in order, for comparing two pages.
func pageText(ps []Placement) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "%d %s@%s|", p.ID, p.Pseudonym, p.OrganisationName)
	}
	return b.String()
}

// checkFastPathsMatchOffset compares the list's jumps and counts with the
// OFFSET query and the count over the placements themselves, for every
// filter the list offers and offsets across the whole list and past it.
func checkFastPathsMatchOffset(t *testing.T, s *Store, orgs, schemes []int64, days []time.Time, step int) {
	t.Helper()
	ctx := context.Background()
	queries := []PlacementQuery{{}, {Text: "p."}, {Text: "café"}}
	for _, sc := range schemes {
		queries = append(queries, PlacementQuery{SchemeID: sc})
		for _, o := range orgs[:3] {
			queries = append(queries, PlacementQuery{SchemeID: sc, OrganisationID: o})
		}
	}
	for _, o := range orgs {
		queries = append(queries, PlacementQuery{OrganisationID: o})
	}
	for i, d := range days {
		queries = append(queries, PlacementQuery{ActiveOn: d}, PlacementQuery{ActiveOn: d, SchemeID: schemes[i%len(schemes)]},
			PlacementQuery{ActiveOn: d, OrganisationID: orgs[i%len(orgs)]})
	}
	for _, q := range queries {
		want, err := s.countPlacementsScan(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.CountPlacements(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("CountPlacements(%+v) = %d, a recount gives %d", q, got, want)
		}
		checkCursorPagesMatchOffset(t, s, q, want, step)
		for off := 0; off <= want+step; off += step {
			for _, limit := range []int{1, 7} {
				q.Offset, q.Limit = off, limit
				got, err := s.Placements(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				want, err := s.placementsPage(ctx, q, nil)
				if err != nil {
					t.Fatal(err)
				}
				if pageText(got) != pageText(want) {
					t.Fatalf("Placements(%+v):\n got %s\nwant %s", q, pageText(got), pageText(want))
				}
			}
		}
	}
}

// checkCursorPagesMatchOffset compares pages that start after a row (and
// skip a few more, up to past the active enterprises into the archived
// ones) with the same rows of the whole list read by OFFSET.
func checkCursorPagesMatchOffset(t *testing.T, s *Store, q PlacementQuery, n, step int) {
	t.Helper()
	ctx := context.Background()
	q.Offset, q.Limit = 0, n+1
	all, err := s.placementsPage(ctx, q, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(all); i += step {
		c := all[i].Cursor()
		for _, off := range []int{0, 3, 50, n} {
			q.After, q.Offset, q.Limit = &c, off, 7
			got, err := s.Placements(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			from := min(i+1+off, len(all))
			want := all[from:min(from+7, len(all))]
			if pageText(got) != pageText(want) {
				t.Fatalf("Placements(%+v) after row %d:\n got %s\nwant %s", q, i, pageText(got), pageText(want))
			}
		}
	}
}

// A jump and a count read from the summaries give exactly what the OFFSET
// query and a recount give (same rows, same order, Æ Ø Å after Z), also
// after edits, archiving and deletions.
func TestPlacementJumpsAndCountsMatchOffset(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(3, 16))
	f := newPagingFixture(t, r, 150)
	checkFastPathsMatchOffset(t, f.s, f.orgs, f.schemes, f.days, 1)
	for _, id := range f.ids[:30] {
		if p, err := f.s.Placement(ctx, id); err != nil {
			t.Fatal(err)
		} else if p.OrganisationID != f.archived {
			mustSavePlacement(t, f.s, f.randomForm(r, id))
		}
	}
	if _, err := f.s.DeletePlacements(ctx, f.ids[30:40]); err != nil {
		t.Fatal(err)
	}
	f.archive(t, f.orgs[2])
	checkFastPathsMatchOffset(t, f.s, f.orgs, f.schemes, f.days, 1)
}

// The same on the big test database's 10.000 placements, at offsets across
// the list.
func TestPlacementJumpsMatchOffsetOnTheBigDatabase(t *testing.T) {
	s, err := Open(bigDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	orgs := queryIDs(t, s, `SELECT organisation_id FROM placements GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3`)
	// Work placements, and an id that is no scheme's: an empty list.
	schemes := append(queryIDs(t, s, `SELECT id FROM schemes WHERE code = 'praktik'`), -1)
	days := []time.Time{bigDBDay, bigDBDay.AddDate(-5, 0, 0), bigDBDay.AddDate(1, 0, 0), time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)}
	checkFastPathsMatchOffset(t, s, orgs, schemes, days, 997)
}
