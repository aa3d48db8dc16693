package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackExportImport: the demo's package goes into a database that does
// not exist yet, with the latest status report kept beside it; importing
// it again names the templates with (2).
func TestPackExportImport(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	status := filepath.Join(dir, "status-31.12.2015.pdf")
	if code, _, stderr := runCLI(t, "--db", db, "status-report", "--as-of", "31.12.2015", "--out", status); code != 0 {
		t.Fatalf("status-report: exit %d, %s", code, stderr)
	}
	pdf, err := os.ReadFile(status)
	if err != nil {
		t.Fatal(err)
	}
	zip := filepath.Join(dir, "videndeling.zip")
	code, stdout, stderr := runCLI(t, "--db", db, "pack-export", "--out", zip)
	if code != 0 || !strings.Contains(stdout, "3 skabeloner (3 versioner), 9 punkter på tjeklisten, 6 ordninger, 4 målgrupper, 4 mål og statusrapporten pr. 31.12.2015") {
		t.Fatalf("pack-export: exit %d, %q %q", code, stdout, stderr)
	}
	fresh := filepath.Join(dir, "nyt-omraade", "partnerskab.db")
	report := filepath.Join(dir, "status.pdf")
	code, stdout, stderr = runCLI(t, "--db", fresh, "pack-import", zip, "--report", report)
	if code != 0 || !strings.Contains(stdout, "3 skabeloner (3 versioner), 2 punkter på tjeklisten, 0 ordninger, 0 målgrupper og 4 mål.") ||
		!strings.Contains(stdout, "Pakken har statusrapporten pr. 31.12.2015") {
		t.Fatalf("pack-import: exit %d, %q %q", code, stdout, stderr)
	}
	if got, _ := os.ReadFile(report); string(got) != string(pdf) {
		t.Errorf("the saved status report is %q, want the package's", got)
	}
	if code, _, stderr := runCLI(t, "--db", fresh, "check"); code != 0 {
		t.Errorf("check after the import: exit %d, %s", code, stderr)
	}
	code, stdout, _ = runCLI(t, "--db", fresh, "pack-import", "--no-checklist", zip)
	if code != 0 || !strings.Contains(stdout, "den nye hedder »Lejeaftale om lokaler (2)«") || strings.Contains(stdout, "Tjeklisten:") {
		t.Fatalf("second pack-import: exit %d, %q", code, stdout)
	}
	if _, stdout, _ := runCLI(t, "--db", fresh, "log"); !strings.Contains(stdout, "videndelingspakke fra Slagelse Kommune") {
		t.Errorf("the log does not show the import:\n%s", stdout)
	}
	if _, stdout, _ := runCLI(t, "--db", db, "log"); !strings.Contains(stdout, "eksporteret") || !strings.Contains(stdout, zip) {
		t.Errorf("the log does not show the export:\n%s", stdout)
	}
}

// TestPackImportRefusesAndCreatesNothing: a file that is no package is
// refused with exit 1, and no database appears.
func TestPackImportRefusesAndCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "rapport.zip")
	if err := os.WriteFile(bad, []byte("ikke en zip"), 0o600); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(dir, "ny", "partnerskab.db")
	code, stdout, stderr := runCLI(t, "--db", fresh, "pack-import", bad)
	want := "partnerskab: pack-import: " + bad + ": Videndelingspakken kan ikke indlæses: filen er ikke en zip-fil. Intet er indlæst.\n"
	if code != 1 || stdout != "" || stderr != want {
		t.Fatalf("exit %d, %q %q; want 1 and %q", code, stdout, stderr, want)
	}
	if _, err := os.Stat(filepath.Dir(fresh)); !os.IsNotExist(err) {
		t.Errorf("a refused package left %s behind (%v)", filepath.Dir(fresh), err)
	}
	if code, _, stderr := runCLI(t, "--db", fresh, "pack-import"); code != 2 || !strings.Contains(stderr, "angiv én pakke") {
		t.Errorf("pack-import without a file: exit %d, %q", code, stderr)
	}
}
