package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDevNullIsNotADatabase: --db /dev/null is refused before SQLite
// could make a journal beside it.
func TestDevNullIsNotADatabase(t *testing.T) {
	csv := filepath.Join(t.TempDir(), "p.csv")
	os.WriteFile(csv, []byte("Navn;Type\r\nBevar;Andet\r\n"), 0o600)
	os.Remove("/dev/null-journal")
	for _, args := range [][]string{{"import", "partners", csv}, {"report"}, {"check"}, {"demo"}} {
		code, stdout, stderr := runCLI(t, append(args, "--db", os.DevNull)...)
		if code != 1 {
			t.Errorf("%v --db /dev/null: exit %d", args, code)
		}
		wantOneLine(t, stdout, stderr, os.DevNull, "er ikke en almindelig fil")
	}
	for _, side := range []string{"-journal", "-wal", "-shm", "-lock"} {
		if _, err := os.Stat(os.DevNull + side); err == nil {
			t.Errorf("%s%s was made", os.DevNull, side)
		}
	}
}

// TestARefusedImportIntoANewPathCreatesNothing: no folder, no empty database.
func TestARefusedImportIntoANewPathCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "dårlig.csv")
	os.WriteFile(bad, []byte("Navn;Type\r\nBevar;Ukendt type\r\n"), 0o600)
	db := filepath.Join(dir, "ny", "mappe", "partnerskab.db")
	if code, _, stderr := runCLI(t, "import", "partners", bad, "--db", db); code != 1 || !strings.Contains(stderr, "intet er importeret") {
		t.Fatalf("import of a bad file: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "ny")); !os.IsNotExist(err) {
		t.Errorf("a refused import made the folder (%v)", err)
	}
	good := filepath.Join(dir, "god.csv")
	os.WriteFile(good, []byte("Navn;Type\r\nBevar;Andet\r\n"), 0o600)
	if code, stdout, stderr := runCLI(t, "import", "partners", good, "--db", db); code != 0 || !strings.Contains(stdout, "1 række importeret") {
		t.Fatalf("import of a good file: exit %d, %s%s", code, stdout, stderr)
	}
	if st, err := os.Stat(db); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the new database: %v, mode %v", err, st.Mode())
	}
	if code, stdout, _ := runCLI(t, "report", "--db", db); code != 0 || !strings.Contains(stdout, "Organisationer: Bevar") {
		t.Errorf("report of the new database:\n%s", stdout)
	}
}

// TestMessagesAreDanishAndSayWhatIsWrong: the flag parser's, a missing
// file's and a folder's.
func TestMessagesAreDanishAndSayWhatIsWrong(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"backup", "--ud", "x.db"}, "backup: ukendt flag --ud; kommandoen kender --out (filen der skal skrives)"},
		{[]string{"backup", "--out"}, "backup: flaget --out mangler en værdi"},
		{[]string{"report", "--json=måske"}, `report: ugyldig værdi "måske" til --json`},
		{[]string{"check", "--hurtigt"}, "check: ukendt flag --hurtigt; kommandoen har ingen flag"},
		{[]string{"verify", filepath.Join(dir, "findes-ikke.pdf")}, "filen findes ikke"},
		{[]string{"verify", filepath.Join(dir, "ingen-mappe", "x.pdf")}, "mappen " + filepath.Join(dir, "ingen-mappe") + " findes ikke"},
		{[]string{"verify", dir}, "det er en mappe, ikke en fil"},
		{[]string{"template", "check", filepath.Join(dir, "x.md")}, "filen findes ikke"},
	} {
		code, stdout, stderr := runCLI(t, append(tc.args, "--db", db)...)
		if code == 0 || stdout != "" || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", tc.args, code, stdout, stderr, tc.want)
		}
		for _, english := range []string{"flag provided", "no such file", "Usage of", "defined:", "invalid value"} {
			if strings.Contains(stderr, english) {
				t.Errorf("%v: %q is English", tc.args, stderr)
			}
		}
	}
}
