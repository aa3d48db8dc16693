package data

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"partnerskab/data/dk"
)

// oldPlacementIDs is the whole list for q as the search read it before the
// trigram indexes: every word tested on every placement's pseudonym, its
// enterprise's and its scheme's folded name, sorted in list order.
func oldPlacementIDs(t *testing.T, s *Store, q PlacementQuery) []int64 {
	t.Helper()
	var conds []string
	var args []any
	if q.OrganisationID != 0 {
		conds = append(conds, "p.organisation_id = ?")
		args = append(args, q.OrganisationID)
	}
	if q.SchemeID != 0 {
		conds = append(conds, "p.scheme_id = ?")
		args = append(args, q.SchemeID)
	}
	if !q.ActiveOn.IsZero() {
		iso := dk.ISODate(q.ActiveOn)
		conds = append(conds, "p.start_on <= ? AND (p.end_on IS NULL OR p.end_on >= ?)")
		args = append(args, iso, iso)
	}
	schemes, err := s.Schemes(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, word := range strings.Fields(dk.Fold(q.Text)) {
		alts := []string{"instr(p.search_text, ?) > 0", "instr(o.search_text, ?) > 0"}
		args = append(args, word, word)
		for _, sc := range schemes {
			if strings.Contains(dk.Fold(sc.Name), word) {
				alts = append(alts, fmt.Sprintf("p.scheme_id = %d", sc.ID))
			}
		}
		conds = append(conds, "("+strings.Join(alts, " OR ")+")")
	}
	conds = append(conds, "1")
	return queryIDsArgs(t, s, "SELECT p.id FROM placements p JOIN organisations o ON o.id = p.organisation_id WHERE "+
		strings.Join(conds, " AND ")+placementOrder, args...)
}

// queryIDsArgs reads the ids query returns with args.
func queryIDsArgs(t *testing.T, s *Store, query string, args ...any) []int64 {
	t.Helper()
	rows, err := s.DB().Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return ids
}

func idsText(ps []Placement) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "%d,", p.ID)
	}
	return b.String()
}

func idsOf(ids []int64) string {
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, "%d,", id)
	}
	return b.String()
}

// checkSearchMatchesOld compares the search's pages (by offset and after a
// cursor) and counts with the old query, for each text and filter.
func checkSearchMatchesOld(t *testing.T, s *Store, texts []string, filters []PlacementQuery, step int) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.DB().Exec(`INSERT INTO placement_search (placement_search, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Fatalf("the pseudonyms' index is damaged: %v", err)
	}
	// The index holds each placement once, with its enterprise, and
	// nothing else.
	var missing, extra int
	if err := s.DB().QueryRow(`SELECT
		(SELECT count(*) FROM placements p WHERE `+placementFits+` AND NOT EXISTS (SELECT 1 FROM placement_search f
			WHERE f.rowid = p.organisation_id * 4294967296 + p.id)),
		(SELECT count(*) FROM placement_search) - (SELECT count(*) FROM placements p WHERE `+placementFits+`)`).Scan(&missing, &extra); err != nil {
		t.Fatal(err)
	}
	if missing != 0 || extra != 0 {
		t.Errorf("the pseudonyms' index lacks %d placements and holds %d more than there are", missing, extra)
	}
	for _, text := range texts {
		for _, f := range filters {
			q := f
			q.Text = text
			all := oldPlacementIDs(t, s, q)
			n, err := s.CountPlacements(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(all) {
				t.Errorf("CountPlacements(%+v) = %d, the old query finds %d", q, n, len(all))
			}
			for off := 0; off <= len(all)+step; off += step {
				q.Offset, q.Limit = off, 7
				got, err := s.Placements(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				want := all[min(off, len(all)):min(off+7, len(all))]
				if idsText(got) != idsOf(want) {
					t.Fatalf("Placements(%+v):\n got %s\nwant %s", q, idsText(got), idsOf(want))
				}
				if len(got) == 0 {
					continue
				}
				c := got[len(got)-1].Cursor()
				for _, skip := range []int{0, 3} {
					q.After, q.Offset = &c, skip
					next, err := s.Placements(ctx, q)
					if err != nil {
						t.Fatal(err)
					}
					from := min(off+len(got)+skip, len(all))
					if want := all[from:min(from+7, len(all))]; idsText(next) != idsOf(want) {
						t.Fatalf("Placements(%+v) after row %d:\n got %s\nwant %s", q, off+len(got)-1, idsText(next), idsOf(want))
					}
					q.After = nil
				}
			}
		}
	}
}

// placementFits is true of a placement the pseudonyms' index holds.
const placementFits = `p.id BETWEEN 0 AND 4294967295 AND p.organisation_id BETWEEN 0 AND 2147483647`

// A placement whose id does not fit the index's rowid (written by another
// tool) is still found: the search then does without the index.
func TestPlacementSearchWithAnIDTooLarge(t *testing.T) {
	f := newPagingFixture(t, rand.New(rand.NewPCG(7, 7)), 20)
	texts := []string{"qvist", "p.a", "zebra", "bevar"}
	filters := []PlacementQuery{{}, {OrganisationID: f.orgs[0]}}
	mustExec(t, f.s, `INSERT INTO placements (id, pseudonym, search_text, organisation_id, scheme_id, start_on, created_at, updated_at)
		SELECT 5000000000, 'qvist z.', 'qvist z.', organisation_id, scheme_id, start_on, created_at, updated_at
		FROM placements WHERE organisation_id = ? LIMIT 1`, f.orgs[0])
	checkSearchMatchesOld(t, f.s, texts, filters, 3)
	if n, err := f.s.CountPlacements(context.Background(), PlacementQuery{Text: "qvist"}); err != nil || n != 1 {
		t.Errorf("qvist: %d, %v", n, err)
	}
}

// searchTexts are typed texts of 1, 2, 3 and more letters, with Danish
// letters (folded as the search folds them), matching pseudonyms,
// enterprises, schemes, several at once or nothing, and FTS5's own signs.
var searchTexts = []string{"p", "p.", "de", "Del", "deltager", "DELTAGER 4", "øst", "oest", "syerske", "kok nord",
	"nord kok", "café", "cafe", "værk", "vaerk", "praktik", "løn", "fleks", "zebra", "bevar", "zzz", "æ", "ø", "å",
	"aa", "aab", "åby", "p.a", "anonymiseret", "anon", "grøn praktik", `"x"`, "a*", "køk ær", "syning", "p.b ø",
	"ordinært", "ar", "er"}

// The search found through the trigram indexes lists and counts exactly
// what the old query over every placement finds: same rows, same order,
// with every filter, offset and cursor, also after edits, renames,
// deletions and anonymisation.
func TestPlacementSearchMatchesOldQuery(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(14, 3))
	f := newPagingFixture(t, r, 120)
	named := []string{"syerske øst", "Kok nord", "Deltager 4", "deltager 41", "café 2", "Åse B.", "værkfører", "p.ø"}
	for i, id := range f.ids[:len(named)*3] {
		form := f.randomForm(r, id)
		form.Pseudonym = named[i%len(named)]
		mustSavePlacement(t, f.s, form)
	}
	filters := []PlacementQuery{{}, {SchemeID: f.schemes[0]}, {OrganisationID: f.orgs[0]}, {OrganisationID: f.orgs[1]},
		{ActiveOn: f.days[10]}, {ActiveOn: f.days[3], SchemeID: f.schemes[1]}}
	checkSearchMatchesOld(t, f.s, searchTexts, filters, 5)

	// Edits, a rename, deletions and anonymisation.
	for i, id := range f.ids[:10] {
		form := f.randomForm(r, id)
		form.Pseudonym = named[(i+3)%len(named)] + " b"
		mustSavePlacement(t, f.s, form)
	}
	org, err := f.s.Organisation(ctx, f.orgs[3])
	if err != nil {
		t.Fatal(err)
	}
	of := org.Form()
	of.Name = "Grøn Syning Øst"
	mustSaveOrg(t, f.s, of)
	if _, err := f.s.DeletePlacements(ctx, f.ids[10:14]); err != nil {
		t.Fatal(err)
	}
	if n, err := f.s.AnonymisePlacements(ctx, f.ids[14:24]); err != nil || n != 10 {
		t.Fatalf("anonymised %d, %v", n, err)
	}
	f.archive(t, f.orgs[0])
	checkSearchMatchesOld(t, f.s, searchTexts, filters, 5)
}

// An anonymised or deleted pseudonym is gone from the search index: no
// trigram of it finds the placement.
func TestPlacementSearchForgetsPseudonyms(t *testing.T) {
	ctx := context.Background()
	f := newPagingFixture(t, rand.New(rand.NewPCG(5, 5)), 3)
	form := f.randomForm(rand.New(rand.NewPCG(1, 1)), f.ids[0])
	form.Pseudonym = "Qvist X."
	mustSavePlacement(t, f.s, form)
	form = f.randomForm(rand.New(rand.NewPCG(1, 2)), f.ids[1])
	form.Pseudonym = "Qvist Y."
	mustSavePlacement(t, f.s, form)
	found := func() int {
		var n int
		if err := f.s.DB().QueryRow(`SELECT count(*) FROM placement_search WHERE placement_search MATCH '"qvist"'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := found(); n != 2 {
		t.Fatalf("index finds %d of the two pseudonyms", n)
	}
	if _, err := f.s.AnonymisePlacements(ctx, f.ids[:1]); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.DeletePlacements(ctx, f.ids[1:2]); err != nil {
		t.Fatal(err)
	}
	if n := found(); n != 0 {
		t.Errorf("index still finds %d removed pseudonyms", n)
	}
	var secure int
	if err := f.s.DB().QueryRow(`SELECT v FROM placement_search_config WHERE k = 'secure-delete'`).Scan(&secure); err != nil || secure != 1 {
		t.Errorf("secure-delete = %d, %v", secure, err)
	}
}

// On the big test database, where some words match more pseudonyms or
// enterprises than the indexes narrow to, and the list is long.
func TestPlacementSearchMatchesOldQueryOnTheBigDatabase(t *testing.T) {
	s, err := Open(bigDBCopy(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := fillPlacementSearchText(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	org := queryIDs(t, s, `SELECT organisation_id FROM placements GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)
	filters := []PlacementQuery{{}, {OrganisationID: org[0]}, {ActiveOn: bigDBDay}}
	checkSearchMatchesOld(t, s, []string{"deltager", "grøn praktik", "anonymiseret", "praktik", "k.h", "bager", "de",
		"deltager 1", "groen"}, filters, 397)
}
