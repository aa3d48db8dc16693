package data

import (
	"bytes"
	"context"
	"testing"

	"partnerskab/data/dk"
)

// A file whose sort keys come from another key scheme gets new keys on
// open, so the lists sort right again.
func TestStaleSortKeysAreRecomputedOnOpen(t *testing.T) {
	s := mustDemo(t)
	path := s.Path()
	if _, err := s.DB().Exec(`UPDATE organisations SET sort_key = x'00'; UPDATE contacts SET sort_key = x'00';
		UPDATE settings SET value = 'old' WHERE key = 'sort_key_version'`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	for _, table := range []string{"organisations", "contacts", "rooms", "premises"} {
		rows, err := s2.DB().Query("SELECT name, sort_key FROM " + table)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var name string
			var key []byte
			rows.Scan(&name, &key)
			if !bytes.Equal(key, dk.SortKey(name)) {
				t.Errorf("%s %q kept a stale key", table, name)
			}
			n++
		}
		rows.Close()
		if n == 0 {
			t.Errorf("%s: no rows to check", table)
		}
	}
	orgs, _ := s2.SearchOrganisations(context.Background(), OrgQuery{})
	if orgs[0].Name != "Bevar" {
		t.Errorf("first organisation after re-keying is %q", orgs[0].Name)
	}
}
