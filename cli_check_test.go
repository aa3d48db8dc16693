package main

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"

	"partnerskab/internal/testkit"
)

// rawExec runs statements on a database file with a plain SQLite
// connection, as any SQLite tool could.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestCheckAndVerifyFindASignedAgreementRewritten: a conflict clause is
// refused outright; a body rewritten behind the triggers (with its hash
// column to match) is found by check and by verify --db, from the seal.
func TestCheckAndVerifyFindASignedAgreementRewritten(t *testing.T) {
	db := agreementDemoDB(t)
	pdf := exportSigned(t, db, "underskrevet.pdf")
	id := itoa(signedDemoRow(t, db).ID)
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(`INSERT OR REPLACE INTO agreements (id, number, title, status, body, created_at, updated_at)
		SELECT id, number, title, 'draft', 'En anden tekst', created_at, updated_at FROM agreements WHERE id = ` + id)
	conn.Close()
	if err == nil || !strings.Contains(err.Error(), "kan ikke erstattes") {
		t.Errorf("INSERT OR REPLACE over the signed agreement: %v", err)
	}
	if code, stdout, stderr := runCLI(t, "check", "--db", db); code != 0 {
		t.Fatalf("check of the untouched demo: exit %d\n%s%s", code, stdout, stderr)
	}
	newSum := sha256.Sum256([]byte("En anden tekst"))
	testkit.BehindTheTriggers(t, db, `UPDATE agreements SET body = 'En anden tekst', body_sha256 = '`+hex.EncodeToString(newSum[:])+`' WHERE id = `+id)
	code, _, stderr := runCLI(t, "check", "--db", db)
	if code != 1 || !strings.Contains(stderr, "teksten i databasen er ikke den, der blev underskrevet") {
		t.Errorf("check after the rewrite: exit %d\n%s", code, stderr)
	}
	code, stdout, _ := runCLI(t, "verify", pdf, "--db", db)
	if code != 1 || !strings.Contains(stdout, "aftalens rækker passer ikke til seglet") || strings.Contains(stdout, "i orden") {
		t.Errorf("verify --db after the rewrite: exit %d\n%s", code, stdout)
	}
}

// TestRestoreRefusesABackupWithAnExtraTrigger: the backup that passed
// check before, with a trigger that wipes the placements on the next
// import.
func TestRestoreRefusesABackupWithAnExtraTrigger(t *testing.T) {
	db := demoDB(t)
	backup := filepath.Join(t.TempDir(), "kopi.db")
	if code, _, stderr := runCLI(t, "backup", "--out", backup, "--db", db); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	rawExec(t, backup, `CREATE TRIGGER efter_import AFTER INSERT ON events BEGIN
		DELETE FROM placements; UPDATE contacts SET email = 'x@example.com'; END`)
	before := sum(t, db)
	code, _, stderr := runCLI(t, "check", "--db", backup)
	if code != 1 || !strings.Contains(stderr, "skema: triggeren »efter_import« er ikke lavet af Partnerskab (på tabellen »events«)") {
		t.Errorf("check of the altered backup: exit %d\n%s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "restore", "--from", backup, "--db", db)
	if code != 1 || !strings.Contains(stderr, "triggeren »efter_import« er ikke lavet af Partnerskab") {
		t.Errorf("restore of the altered backup: exit %d\n%s%s", code, stdout, stderr)
	}
	if sum(t, db) != before {
		t.Error("the refused restore changed the database")
	}
}
