package data

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestContactExtractNamesThePersonAndNoOther: for every contact of the
// demo, the extract holds the contact's row, its meetings, memberships and
// signatures and their events, and no other contact's name.
func TestContactExtractNamesThePersonAndNoOther(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	type contact struct {
		id   int64
		name string
	}
	all, err := queryAll(ctx, s.db, func(r scanner) (contact, error) {
		var c contact
		return c, r.Scan(&c.id, &c.name)
	}, `SELECT id, name FROM contacts ORDER BY id`)
	if err != nil || len(all) < 2 {
		t.Fatalf("contacts: %v %v", all, err)
	}
	sawSigner, sawMeeting := false, false
	for _, c := range all {
		x, err := s.ContactExtract(ctx, c.id)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(x)
		text := string(b)
		if !strings.Contains(text, c.name) {
			t.Errorf("extract of %s does not name them", c.name)
		}
		for _, other := range all {
			if other.id != c.id && strings.Contains(text, other.name) {
				t.Errorf("extract of %s names %s", c.name, other.name)
			}
		}
		var n int
		s.db.QueryRow(`SELECT count(*) FROM signatories WHERE contact_id = ?1 OR (contact_id IS NULL AND name = ?2)`, c.id, c.name).Scan(&n)
		if got := rowsOf(x, "signatories"); got != n {
			t.Errorf("extract of %s has %d signatory rows, the file %d", c.name, got, n)
		}
		sawSigner = sawSigner || n > 0
		s.db.QueryRow(`SELECT count(*) FROM meeting_people WHERE contact_id = ?`, c.id).Scan(&n)
		if got := rowsOf(x, "meeting_people"); got != n {
			t.Errorf("extract of %s has %d meeting rows, the file %d", c.name, got, n)
		}
		sawMeeting = sawMeeting || n > 0
		s.db.QueryRow(`SELECT count(*) FROM events WHERE entity = 'kontaktperson' AND entity_id = ?`, c.id).Scan(&n)
		if rowsOf(x, "events") < n {
			t.Errorf("extract of %s has fewer events than the %d about the contact", c.name, n)
		}
	}
	// data's demo has no agreements: the signers are tried by the CLI's
	// TestExtractOfASigner on the whole demo.
	_ = sawSigner
	if !sawMeeting {
		t.Error("the demo tried no contact invited to a meeting")
	}
}

// TestPlacementExtractHoldsItsRowAndEventsOnly.
func TestPlacementExtractHoldsItsRowAndEventsOnly(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	var ids []int64
	var names []string
	rows, _ := s.db.Query(`SELECT id, pseudonym FROM placements ORDER BY id`)
	for rows.Next() {
		var id int64
		var n string
		rows.Scan(&id, &n)
		ids, names = append(ids, id), append(names, n)
	}
	rows.Close()
	if len(ids) < 2 {
		t.Fatalf("placements: %v", names)
	}
	x, err := s.PlacementExtract(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if rowsOf(x, "placements") != 1 {
		t.Errorf("placement rows: %d", rowsOf(x, "placements"))
	}
	b, _ := json.Marshal(x)
	if !strings.Contains(string(b), names[0]) {
		t.Errorf("extract does not hold %s", names[0])
	}
	for _, n := range names[1:] {
		if n != names[0] && strings.Contains(string(b), `"`+n+`"`) {
			t.Errorf("extract of %s holds %s", names[0], n)
		}
	}
}

func rowsOf(x Extract, table string) int {
	for _, s := range x.Sections {
		if s.Table == table {
			return len(s.Rows)
		}
	}
	return -1
}

// The extract is read by the person it is about: every column it shows
// has a Danish name, not the stored one.
func TestExtractNamesEveryColumnInDanish(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	var xs []Extract
	for _, id := range []int64{1, 2, 3} {
		x, err := s.ContactExtract(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		xs = append(xs, x)
	}
	x, err := s.PlacementExtract(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range append(xs, x) {
		for _, sec := range x.Sections {
			for i, c := range sec.Columns {
				if sec.Labels[i] == c {
					t.Errorf("%s.%s has no Danish name in the extract", sec.Table, c)
				}
			}
		}
	}
	if got := ExtractDisplay("2015-02-21"); got != "21.2.2015" {
		t.Errorf("a stored date reads %q", got)
	}
	if got := ExtractDisplay("1.700.000,00 kr."); got != "1.700.000,00 kr." {
		t.Errorf("a text that is no date reads %q", got)
	}
}
