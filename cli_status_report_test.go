package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// TestStatusReportCommandWritesAndStoresTheReport: status-report writes the
// PDF of the demo as of 31.12.2015, prints the summary as JSON with --json,
// and stores the report for the next one's trend.
func TestStatusReportCommandWritesAndStoresTheReport(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "status.pdf")
	code, stdout, stderr := runCLI(t, "status-report", "--as-of", "31.12.2015", "--out", out, "--json", "--db", db)
	if code != 0 {
		t.Fatalf("status-report: exit %d, %s", code, stderr)
	}
	var rep struct {
		AsOf  string `json:"asOf"`
		Goals []struct {
			Name string `json:"name"`
		} `json:"goals"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || rep.AsOf != "2015-12-31" || len(rep.Goals) == 0 {
		t.Errorf("status-report --json: %v, %+v\n%s", err, rep, stdout)
	}
	text := strings.Join(strings.Fields(pdfText(t, out)), " ")
	for _, want := range []string{"Status for partnerskabet", "1. Mål og resultater", "10. Tilskud og afrapportering", "under 3"} {
		if !strings.Contains(text, want) {
			t.Errorf("the status report lacks %q", want)
		}
	}
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow(`SELECT count(*) FROM status_reports WHERE as_of = '2015-12-31'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("status reports stored: %d, %v", n, err)
	}
}

// TestStatusReportCommandRefusesBadInput: a bad date, a missing --as-of, a
// period starting after the day and a folder that does not exist each get a
// Danish message, and no file and no stored report.
func TestStatusReportCommandRefusesBadInput(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "status.pdf")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--as-of", "31.13.2015", "--out", out}, "status-report: --as-of:"},
		{[]string{"--out", out}, "angiv opgørelsesdatoen med --as-of DATO"},
		{[]string{"--as-of", "31.12.2015", "--from", "i går", "--out", out}, "status-report: --from:"},
		{[]string{"--as-of", "31.12.2015", "--from", "1.1.2016", "--out", out}, "ligger før startdatoen"},
		{[]string{"--as-of", "31.12.2015"}, "angiv filen med --out FIL.pdf"},
		{[]string{"--as-of", "31.12.2015", "--out", filepath.Join(dir, "mangler", "status.pdf")}, "mappen findes ikke"},
	} {
		code, _, stderr := runCLI(t, append(append([]string{"status-report"}, tc.args...), "--db", db)...)
		if code == 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("status-report %q: exit %d, %q; want %q", tc.args, code, stderr, tc.want)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a refused report left a file: %v", err)
	}
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow(`SELECT count(*) FROM status_reports`).Scan(&n); err != nil || n != 0 {
		t.Errorf("refused reports stored: %d, %v", n, err)
	}
}
