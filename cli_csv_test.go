package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	good := filepath.Join(dir, "partnere.csv")
	writeFile(t, good, "\uFEFFNavn;Type;CVR\r\nBevar;Socialøkonomisk virksomhed;13748136\r\nBoligKorsør;Boligorganisation;\r\n")
	code, stdout, stderr := runCLI(t, "--db", db, "import", "partners", good)
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "2 rækker importeret fra "+good) {
		t.Fatalf("import = %d, %q, %q", code, stdout, stderr)
	}

	// A bad file: exit 1, every problem on its own line, nothing imported.
	bad := filepath.Join(dir, "daarlig.csv")
	writeFile(t, bad, "Navn;Type;CVR\r\nNy;Socialøkonomisk virksomhed;13748136\r\nAnden;Firma;29188506\r\n")
	code, stdout, stderr = runCLI(t, "import", "partners", bad, "--db", db)
	want := "partnerskab: " + bad + ": intet er importeret; 3 fejl:\n" +
		"linje 2, kolonne CVR: CVR 13748136 er allerede registreret for Bevar\n" +
		"linje 3, kolonne Type: ukendt type (Firma); skriv en af: Kommune, Kommunal enhed, Boligorganisation, Boligsocial helhedsplan, Sekretariat, Socialøkonomisk virksomhed, Andet\n" +
		"linje 3, kolonne CVR: kontrolcifferet passer ikke (29188506)\n"
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("bad import = %d, stdout %q, stderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
	code, stdout, _ = runCLI(t, "--db", db, "export-csv", "partners", "--out", "-")
	if code != 0 || strings.Count(stdout, "\r\n") != 3 || strings.Contains(stdout, "Anden") {
		t.Errorf("after a refused import the database holds:\n%s", stdout)
	}
}

func TestImportCommandUsage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import"}, 2, "skriv slags og fil"},
		{[]string{"import", "partners"}, 2, "skriv slags og fil"},
		{[]string{"import", "kontrakter", "x.csv"}, 2, `ukendt slags "kontrakter"`},
		{[]string{"import", "partners", filepath.Join(dir, "findes-ikke.csv")}, 1, "filen findes ikke"},
		{[]string{"export-csv"}, 2, "skriv slags og fil"},
		{[]string{"export-csv", "partners"}, 2, "angiv filen med --out"},
		{[]string{"export-csv", "lejere", "--out", "x.csv"}, 2, `ukendt slags "lejere"`},
		{[]string{"export-csv", "partners", "--out", filepath.Join(dir, "x.csv")}, 1, "findes ikke"},
	} {
		code, stdout, stderr := runCLI(t, append([]string{"--db", db}, tc.args...)...)
		if code != tc.code || stdout != "" || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q = %d, %q, %q; want %d and %q", tc.args, code, stdout, stderr, tc.code, tc.want)
		}
	}
}

// Export, then import into a new database: the same file comes out again.
func TestExportCommandRoundTrip(t *testing.T) {
	dir := t.TempDir()
	demo, fresh := filepath.Join(dir, "demo.db"), filepath.Join(dir, "ny.db")
	if code, _, stderr := runCLI(t, "--db", demo, "demo"); code != 0 {
		t.Fatal(stderr)
	}
	for _, kind := range []string{"partners", "rooms", "leases", "placements"} {
		first, again := filepath.Join(dir, kind+".csv"), filepath.Join(dir, kind+"-igen.csv")
		code, stdout, stderr := runCLI(t, "--db", demo, "export-csv", kind, "--out", first)
		if code != 0 || !strings.Contains(stdout, "eksporteret til "+first) {
			t.Fatalf("export %s = %d, %q, %q", kind, code, stdout, stderr)
		}
		if code, _, stderr := runCLI(t, "--db", fresh, "import", kind, first); code != 0 {
			t.Fatalf("import %s: %s", kind, stderr)
		}
		if code, _, stderr := runCLI(t, "--db", fresh, "export-csv", kind, "--out", again); code != 0 {
			t.Fatalf("export %s again: %s", kind, stderr)
		}
		if sum(t, first) != sum(t, again) {
			t.Errorf("%s: the file exported after the round trip differs", kind)
		}
	}
	// Two databases, eight files, and the seal folder the demo's signed example made.
	if names := dirNames(t, dir); len(names) != 2+8+1 {
		t.Errorf("files left in the directory: %v (a temporary export file left behind?)", names)
	}
}

func TestHelpImport(t *testing.T) {
	var out strings.Builder
	e := &env{stdout: &out, stderr: &out}
	if code := cmdHelpImport(e, nil); code != 0 {
		t.Fatalf("help import = %d", code)
	}
	for _, want := range []string{"partners (Partnere)", "rooms (Lokaler)", "leases (Lejemål)", "placements (Placeringer)",
		"  Kolonne", "  Navn ", "  Husleje pr. m² pr. år ", "Initialer eller pseudonym", "linje N, kolonne NAVN"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help import lacks %q:\n%s", want, out.String())
		}
	}
	code, stdout, _ := runCLI(t, "import", "--help")
	if code != 0 || stdout != out.String() {
		t.Errorf("import --help = %d, %q", code, stdout)
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}
