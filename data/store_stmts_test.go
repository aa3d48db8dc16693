package data

import (
	"context"
	"database/sql"
	"regexp"
	"strings"
	"testing"
)

// An import's look-ups are kept for the transaction only while nothing
// could have changed them: a new placement or event keeps them, any other
// write forgets them.
func TestLookupKeptUntilAWriteCouldChangeIt(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	var id int64
	var was string
	if err := s.db.QueryRow(`SELECT id, name FROM organisations ORDER BY id LIMIT 1`).Scan(&id, &was); err != nil {
		t.Fatal(err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	c := newStmtCache(tx)
	const q = `SELECT name FROM organisations WHERE id = ?`
	name := func() string {
		t.Helper()
		var n string
		if err := lookup(ctx, c, q, id, &n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if got := name(); got != was {
		t.Fatalf("looked up %q, want %q", got, was)
	}
	// Behind the cache's back (no import does this): the answer is kept.
	if _, err := tx.Exec(`UPDATE organisations SET name = 'Bag om' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	if got := name(); got != was {
		t.Errorf("after a write the cache did not see: %q, want the kept %q", got, was)
	}
	if err := logEvent(ctx, c, s.nowText(), "ændret", "test", 1, ""); err != nil {
		t.Fatal(err)
	}
	if got := name(); got != was {
		t.Errorf("after a new event: %q, want the kept %q", got, was)
	}
	// Through the cache, a write that may change an answer forgets them all.
	if _, err := c.ExecContext(ctx, `UPDATE organisations SET name = 'Nyt navn' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	if got := name(); got != "Nyt navn" {
		t.Errorf("after an update through the cache: %q, want Nyt navn", got)
	}
	// "No row" is an answer too, and forgotten the same way.
	var n string
	if err := lookup(ctx, c, q, int64(-1), &n); err == nil {
		t.Errorf("organisation -1 found: %q", n)
	}
}

func TestAppendOnlyOnlyForInserts(t *testing.T) {
	for q, want := range map[string]bool{
		"INSERT INTO placements (pseudonym) VALUES (?)":     true,
		"INSERT INTO events (id) VALUES (?)":                true,
		"INSERT INTO event_actors (event_id) VALUES (?)":    true,
		"INSERT INTO positions (title) VALUES (?)":          false,
		"INSERT INTO placements_x (a) VALUES (?)":           false,
		"UPDATE placements SET notes = ? WHERE id = ?":      false,
		"DELETE FROM events":                                false,
		"INSERT OR REPLACE INTO placements (id) VALUES (?)": false,
	} {
		if got := appendOnly(q); got != want {
			t.Errorf("appendOnly(%q) = %v, want %v", q, got, want)
		}
	}
}

// The cache keeps its answers over inserts into appendOnlyTables because
// their triggers write nothing a look-up reads; and keeps the audit chain's
// newest event because only appendEvent writes events. A migration that
// breaks either must change the cache with it.
func TestAppendOnlyTriggersOnlyRefuse(t *testing.T) {
	s := MustOpenDB(t)
	rows, err := s.db.Query(`SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	looked := `organisations|schemes|target_groups|positions|settings|events|event_actors`
	writes := regexp.MustCompile(`(?i)\b(UPDATE(\s+OR\s+\w+)?|INSERT(\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|DELETE\s+FROM)\s+["\x60]?(` + looked + `)\b`)
	chain := regexp.MustCompile(`(?i)\b(INSERT(\s+OR\s+\w+)?|REPLACE)\s+INTO\s+["\x60]?(events|event_actors)\b`)
	n := 0
	for rows.Next() {
		var name, table, text string
		if err := rows.Scan(&name, &table, &text); err != nil {
			t.Fatal(err)
		}
		n++
		body := text[strings.Index(strings.ToUpper(text), "BEGIN"):]
		if chain.MatchString(body) {
			t.Errorf("trigger %s writes the audit log; appendEvent's cached newest event would go stale", name)
		}
		for _, tbl := range appendOnlyTables {
			if table == tbl && writes.MatchString(body) {
				t.Errorf("trigger %s on %s writes a table an import looks up; take %s out of appendOnlyTables", name, table, table)
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no triggers read")
	}
}

// The import's connection keeps its statement journals in memory, and the
// view and table its batches are written through, and goes back to the
// pool as every other connection is.
func TestImportLeavesThePoolAsItWas(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	if _, err := s.Import(ctx, "test", []ImportRow{partnerRow(2, "Ny Virksomhed ApS", "virksomhed", "")}); err != nil {
		t.Fatal(err)
	}
	// Hold every connection the pool has at once, and ask each.
	var conns []*sql.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range idleConns + 1 {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var store int
		if err := c.QueryRowContext(ctx, "PRAGMA temp_store").Scan(&store); err != nil || store != 0 {
			t.Errorf("a connection of the pool has temp_store %d (%v), want the default 0", store, err)
		}
		var temp string
		if err := c.QueryRowContext(ctx, "SELECT coalesce(group_concat(name), '') FROM sqlite_temp_schema").Scan(&temp); err != nil || temp != "" {
			t.Errorf("a connection of the pool keeps the import's temporary %q (%v)", temp, err)
		}
	}
}
