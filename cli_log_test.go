package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"partnerskab/data"
)

// TestLogNamesTheActorOfExportsAndBackups: `log --json` lists an agreement
// PDF, a CSV file and a backup, each with the operating-system user, and
// `--since` leaves out what came before the day given.
func TestLogNamesTheActorOfExportsAndBackups(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	for _, args := range [][]string{
		{"export", "--agreement", "1", "--out", filepath.Join(dir, "aftale.pdf")},
		{"export-csv", "partners", "--out", filepath.Join(dir, "partnere.csv")},
		{"backup", "--out", filepath.Join(dir, "kopi.db")},
	} {
		if code, _, stderr := runCLI(t, append(args, "--db", db)...); code != 0 {
			t.Fatalf("%v: exit %d, %s", args, code, stderr)
		}
	}
	code, stdout, stderr := runCLI(t, "log", "--json", "--db", db)
	if code != 0 {
		t.Fatalf("log --json: exit %d, %s", code, stderr)
	}
	var events []struct {
		Actor, Kind, Entity, Detail string
	}
	if err := json.Unmarshal([]byte(stdout), &events); err != nil {
		t.Fatalf("log --json is not a JSON array: %v\n%s", err, stdout)
	}
	found := map[string]bool{}
	for _, e := range events {
		for _, f := range []string{"aftale.pdf", "partnere.csv", "kopi.db"} {
			if strings.Contains(e.Detail, f) {
				found[f] = true
				if e.Actor != data.CurrentActor() {
					t.Errorf("%s %s: actor %q, want %q", e.Kind, e.Detail, e.Actor, data.CurrentActor())
				}
			}
		}
	}
	if len(found) != 3 {
		t.Errorf("log names only %v of the three files:\n%s", found, stdout)
	}
	code, stdout, _ = runCLI(t, "log", "--db", db)
	if code != 0 || !strings.Contains(stdout, data.CurrentActor()) || !strings.Contains(stdout, "sikkerhedskopi taget") {
		t.Errorf("log: exit %d\n%s", code, stdout)
	}
	code, stdout, stderr = runCLI(t, "log", "--json", "--since", "1.1.2100", "--db", db)
	if code != 0 || strings.TrimSpace(stdout) != "[]" {
		t.Errorf("log --since 1.1.2100: exit %d, %q %s", code, stdout, stderr)
	}
	code, _, stderr = runCLI(t, "log", "--since", "31.2.2015", "--db", db)
	if code != 2 || !strings.Contains(stderr, "--since") {
		t.Errorf("log --since 31.2.2015: exit %d, %s", code, stderr)
	}
}
