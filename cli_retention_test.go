package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestDueAndPurgeCoverEveryKind(t *testing.T) {
	db := demoDB(t)
	code, stdout, stderr := runCLI(t, "due", "--json", "--on", "1.1.2040", "--db", db)
	if code != 0 || stderr != "" {
		t.Fatalf("due: exit %d, %s", code, stderr)
	}
	var rows []dueRow
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil {
		t.Fatalf("due --json printed %q: %v", stdout, err)
	}
	kinds := map[string]string{}
	for _, r := range rows {
		if kinds[r.Kind] == "" {
			kinds[r.Kind] = r.Key
		}
	}
	// By 2040 the demo's placements, meetings and signed agreement are due (its contact people have no end date).
	for _, k := range []string{"placering", "møde", "aftale"} {
		if kinds[k] == "" {
			t.Errorf("due lists no %s: %v", k, kinds)
		}
	}
	for _, r := range rows {
		if r.Kind == "aftale" && !strings.Contains(r.Advice, "ESDH") {
			t.Errorf("a signed agreement without the advice to journalise it: %+v", r)
		}
	}
	code, stdout, stderr = runCLI(t, "purge", "--anonymise", kinds["møde"], "--db", db)
	if code != 0 || !strings.Contains(stdout, "1 af 1 poster er anonymiseret") {
		t.Errorf("purge --anonymise %s: exit %d, %q %q", kinds["møde"], code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "ledger", "--db", db)
	if code != 0 || !strings.Contains(stdout, kinds["møde"]) || !strings.Contains(stdout, "anonymiseret") {
		t.Errorf("ledger: exit %d, %q", code, stdout)
	}
	if code, _, stderr := runCLI(t, "purge", "--delete", "hus:3", "--db", db); code != 1 || !strings.Contains(stderr, "ukendt slags") {
		t.Errorf("purge of an unknown kind: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "purge", "kontaktperson:1", "--db", db); code != 1 || !strings.Contains(stderr, "--anonymise eller --delete") {
		t.Errorf("purge without an action: exit %d, %q", code, stderr)
	}
}

func TestRestoreSaysWhatItDeletedAgain(t *testing.T) {
	db := demoDB(t)
	backup := filepath.Join(t.TempDir(), "kopi.db")
	if code, _, stderr := runCLI(t, "backup", "--out", backup, "--db", db); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	if code, stdout, stderr := runCLI(t, "purge", "--delete", "placering:1", "placering:2", "--db", db); code != 0 {
		t.Fatalf("purge: %q %q", stdout, stderr)
	}
	code, stdout, stderr := runCLI(t, "--db", db, "restore", "--from", backup)
	if code != 0 || !strings.Contains(stdout, "2 placeringer fra sikkerhedskopien er slettet igen, som de var blevet.") {
		t.Errorf("restore: exit %d, %q %q", code, stdout, stderr)
	}
	_, stdout, _ = runCLI(t, "ledger", "--json", "--db", db)
	var rows []ledgerRow
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil || len(rows) != 2 {
		t.Errorf("ledger after the restore: %q, %v", stdout, err)
	}
}
