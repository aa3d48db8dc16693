package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"partnerskab/data/dk"
)

// A typed word matches a placement by its pseudonym, its enterprise or its
// scheme (placementWhere). Tested on every placement, that is 100.000 text
// tests for a page or a count on the big database. A word of three letters
// or more is looked up first in the trigram indexes (organisation_search,
// placement_search): the enterprises it matches become a list of ids, and
// when its pseudonyms are few too, only the enterprises that can hold a
// match are read. The indexes only narrow: every row read is tested with
// the same conditions as before, so the rows and counts are the same.

// placementSearchFew is how many pseudonyms a word may match for the
// search to read only their enterprises, and for a count to read only those
// placements; more, and they lie so close together that walking the list
// in order fills a page as quickly (and a count reads them all anyway).
const placementSearchFew = 1000

// searchWord is one typed word, folded, and what it matches outside the
// placement's own text.
type searchWord struct {
	word    string
	schemes []int64 // the schemes whose folded name holds the word
	// orgs are the ids of the enterprises whose search text holds the
	// word, as a JSON array; orgsKnown is false for a word the trigram
	// index cannot look up (shorter than three letters) or that matches
	// more than orgSearchFew enterprises, and then each row's enterprise
	// is tested.
	orgs      string
	orgN      int
	orgsKnown bool
	// pseudonyms are the placements whose search text holds the word
	// (JSON), when known and at most placementSearchFew.
	pseudonyms      string
	pseudonymOrgs   map[int64]bool
	pseudonymN      int
	pseudonymsKnown bool
	// pseudonymsOutside is how many of them are placed outside orgs.
	pseudonymsOutside int
	orgSet            map[int64]bool
}

// placementSearch is the typed text resolved word by word.
type placementSearch struct {
	words []searchWord
	// narrowOrgs, when narrowed, are the only enterprises (JSON ids) that
	// can hold a row matching every word.
	narrowOrgs string
	narrowed   bool
}

// resolvePlacementSearch looks up each word of text in the schemes and the
// trigram indexes.
func (s *Store) resolvePlacementSearch(ctx context.Context, text string) (placementSearch, error) {
	var ps placementSearch
	words := strings.Fields(dk.Fold(text))
	if len(words) == 0 {
		return ps, nil
	}
	schemes, err := s.Schemes(ctx, true)
	if err != nil {
		return ps, err
	}
	usable, err := s.placementSearchUsable(ctx)
	if err != nil {
		return ps, err
	}
	var narrow map[int64]bool
	for _, word := range words {
		w := searchWord{word: word}
		for _, sc := range schemes {
			if strings.Contains(dk.Fold(sc.Name), word) {
				w.schemes = append(w.schemes, sc.ID)
			}
		}
		if utf8.RuneCountInString(word) >= 3 {
			if err := s.resolveWord(ctx, &w, usable); err != nil {
				return ps, err
			}
		}
		// A word that matches a scheme can match in every enterprise.
		if w.orgsKnown && w.pseudonymsKnown && len(w.schemes) == 0 {
			can := map[int64]bool{}
			for id := range w.orgSet {
				can[id] = true
			}
			for id := range w.pseudonymOrgs {
				can[id] = true
			}
			if narrow == nil {
				narrow = can
			} else {
				for id := range narrow {
					if !can[id] {
						delete(narrow, id)
					}
				}
			}
		}
		ps.words = append(ps.words, w)
	}
	if narrow != nil {
		ps.narrowOrgs, ps.narrowed = jsonIDs(narrow), true
	}
	return ps, nil
}

// resolveWord finds the enterprises and pseudonyms that hold w.word in the
// trigram indexes. An enterprise found is tested again as placementWhere
// tests a row (that index folds case once more, so it may find a little
// more, never less).
func (s *Store) resolveWord(ctx context.Context, w *searchWord, usable bool) error {
	match := `"` + strings.ReplaceAll(w.word, `"`, `""`) + `"`
	// One row back each: reading the matches row by row through
	// database/sql cost more than finding them.
	var n int
	var ids string
	err := s.scanPrepared(ctx, `SELECT count(*), coalesce(json_group_array(id), '[]')
		FROM (SELECT o.id FROM organisation_search f CROSS JOIN organisations o ON o.id = f.rowid
			WHERE organisation_search MATCH ? AND instr(o.search_text, ?) > 0 LIMIT ?)`,
		[]any{match, w.word, orgSearchFew + 1}, &n, &ids)
	if err != nil {
		return err
	}
	if n <= orgSearchFew {
		if w.orgSet, err = idSet(ids); err != nil {
			return err
		}
		w.orgs, w.orgN, w.orgsKnown = ids, n, true
	}
	if !usable {
		return nil
	}
	// Each entry's rowid is the enterprise's id times 2^32 plus the
	// placement's (migration 014), so this reads nothing but the index.
	// It compares the folded text exactly as instr does (case_sensitive
	// 1); the rows read later are tested again anyway.
	var keys string
	err = s.scanPrepared(ctx, `SELECT count(*), coalesce(json_group_array(rowid), '[]')
		FROM (SELECT rowid FROM placement_search WHERE placement_search MATCH ? LIMIT ?)`,
		[]any{match, placementSearchFew + 1}, &n, &keys)
	if err != nil || n > placementSearchFew {
		return err
	}
	var list []int64
	if err := json.Unmarshal([]byte(keys), &list); err != nil {
		return err
	}
	pids := make([]byte, 0, 8*len(list)+2)
	pids = append(pids, '[')
	w.pseudonymOrgs = map[int64]bool{}
	for i, key := range list {
		id, org := key&0xffffffff, key>>32
		if i > 0 {
			pids = append(pids, ',')
		}
		pids = strconv.AppendInt(pids, id, 10)
		w.pseudonymOrgs[org] = true
		if !w.orgSet[org] {
			w.pseudonymsOutside++
		}
	}
	w.pseudonyms, w.pseudonymN, w.pseudonymsKnown = string(append(pids, ']')), n, true
	return nil
}

// placementSearchUsable tells whether the pseudonyms' index holds every
// placement: it leaves out one whose ids do not fit its rowid (migration
// 014), which only a file written by another tool can hold.
func (s *Store) placementSearchUsable(ctx context.Context) (bool, error) {
	var outside bool
	err := s.scanPrepared(ctx, `SELECT EXISTS (SELECT 1 FROM placements WHERE id < 0)
		OR EXISTS (SELECT 1 FROM placements WHERE id > 4294967295)
		OR EXISTS (SELECT 1 FROM placements WHERE organisation_id < 0)
		OR EXISTS (SELECT 1 FROM placements WHERE organisation_id > 2147483647)`, nil, &outside)
	return !outside, err
}

// scanPrepared runs query, a statement kept prepared, and scans its one
// row into dest: parsing and planning the trigram queries anew was a part
// of each keystroke's cost.
func (s *Store) scanPrepared(ctx context.Context, query string, args []any, dest ...any) error {
	rows, err := s.queryPrepared(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Close()
}

// idSet reads a JSON array of ids.
func idSet(list string) (map[int64]bool, error) {
	var ids []int64
	if err := json.Unmarshal([]byte(list), &ids); err != nil {
		return nil, err
	}
	set := make(map[int64]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set, nil
}

// jsonIDs writes a set of ids as a JSON array.
func jsonIDs(set map[int64]bool) string {
	list := []byte{'['}
	first := true
	for id := range set {
		if !first {
			list = append(list, ',')
		}
		first = false
		list = strconv.AppendInt(list, id, 10)
	}
	return string(append(list, ']'))
}

// condition is the word's filter on placement p (with its enterprise o at
// hand when withOrg), and its arguments: the pseudonym, the enterprise and
// the scheme, as the word matches them.
func (w searchWord) condition(withOrg bool) (string, []any) {
	alts := []string{"instr(p.search_text, ?) > 0"}
	args := []any{w.word}
	switch {
	case w.orgsKnown && w.orgN == 0:
		// No enterprise holds the word: nothing to test.
	case w.orgsKnown && withOrg:
		alts = append(alts, "o.id IN (SELECT value FROM json_each(?))")
		args = append(args, w.orgs)
	case w.orgsKnown:
		alts = append(alts, "p.organisation_id IN (SELECT value FROM json_each(?))")
		args = append(args, w.orgs)
	case withOrg:
		alts = append(alts, "instr(o.search_text, ?) > 0")
		args = append(args, w.word)
	default:
		alts = append(alts, "p.organisation_id IN (SELECT id FROM organisations WHERE instr(search_text, ?) > 0)")
		args = append(args, w.word)
	}
	if len(w.schemes) > 0 {
		ids := make([]string, len(w.schemes))
		for i, id := range w.schemes {
			ids[i] = strconv.FormatInt(id, 10)
		}
		alts = append(alts, "p.scheme_id IN ("+strings.Join(ids, ",")+")")
	}
	return "(" + strings.Join(alts, " OR ") + ")", args
}

// countSearchFew counts what q lists from the placements the typed word
// that matches fewest rows can match, when some word's pseudonyms and
// enterprises are known and it matches no scheme: the placements of its
// enterprises (an index range each), and its pseudonyms in other
// enterprises (by id). ok is false when no word allows it.
func (s *Store) countSearchFew(ctx context.Context, q PlacementQuery, ps placementSearch, where string,
	args []any) (int, bool, error) {
	if len(ps.words) == 1 && q.OrganisationID == 0 && q.SchemeID == 0 && q.ActiveOn.IsZero() {
		// One word and no filter: the placements of the enterprises it
		// matches (their summary counts), and its pseudonyms placed
		// elsewhere (the index knows where).
		if w := ps.words[0]; w.orgsKnown && w.pseudonymsKnown && len(w.schemes) == 0 {
			var n int
			err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(n), 0) FROM placement_org_counts
				WHERE organisation_id IN (SELECT value FROM json_each(?))`, w.orgs).Scan(&n)
			return n + w.pseudonymsOutside, err == nil, err
		}
	}
	best := -1
	bestCost := 0
	for i, w := range ps.words {
		if !w.orgsKnown || !w.pseudonymsKnown || len(w.schemes) > 0 {
			continue
		}
		var inOrgs int
		if w.orgN > 0 {
			if err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(n), 0) FROM placement_org_counts
				WHERE organisation_id IN (SELECT value FROM json_each(?))`, w.orgs).Scan(&inOrgs); err != nil {
				return 0, false, err
			}
		}
		if cost := inOrgs + w.pseudonymN; best < 0 || cost < bestCost {
			best, bestCost = i, cost
		}
	}
	if best < 0 {
		return 0, false, nil
	}
	w := ps.words[best]
	var inOrgs, elsewhere int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM placements p
		WHERE p.organisation_id IN (SELECT value FROM json_each(?)) AND `+where,
		append([]any{w.orgs}, args...)...).Scan(&inOrgs)
	if err != nil {
		return 0, false, err
	}
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM placements p WHERE p.id IN (SELECT value FROM json_each(?))
		AND p.organisation_id NOT IN (SELECT value FROM json_each(?)) AND `+where,
		append([]any{w.pseudonyms, w.orgs}, args...)...).Scan(&elsewhere)
	return inOrgs + elsewhere, err == nil, err
}
