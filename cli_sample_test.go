package main

import (
	"path/filepath"
	"strings"
	"testing"

	"partnerskab/data"
)

// TestSampleData: sample-data fills a new file with the records it names,
// which the store opens as any other database, and never
// writes into a file that exists.
func TestSampleData(t *testing.T) {
	db := filepath.Join(t.TempDir(), "prøve.db")
	code, stdout, stderr := runCLI(t, "--db", db, "sample-data", "--placements", "1500")
	if code != 0 || !strings.Contains(stdout, "1.500 placeringer") {
		t.Fatalf("sample-data: exit %d, %q %q", code, stdout, stderr)
	}
	s, err := data.OpenExisting(db)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM placements`).Scan(&n); err != nil || n != 1500 {
		t.Errorf("placements in the sample: %d (%v), want 1500", n, err)
	}
	s.Close()

	code, _, stderr = runCLI(t, "--db", db, "sample-data", "--placements", "10")
	if code != 1 || !strings.Contains(stderr, "findes allerede") {
		t.Errorf("sample-data into an existing file: exit %d, %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "--db", filepath.Join(t.TempDir(), "x.db"), "sample-data", "--placements", "0")
	if code != 1 || !strings.Contains(stderr, "--placements skal være mellem 1 og 10.000.000") {
		t.Errorf("sample-data --placements 0: exit %d, %q", code, stderr)
	}
}
