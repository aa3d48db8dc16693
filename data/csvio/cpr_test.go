package csvio

import (
	"bytes"
	"os"
	"testing"
)

// A row with a CPR number, in any cell and in any of the forms people write
// one, is refused with its line and column, once, and nothing of the file
// reaches the database; a P-number in its own column is no CPR number.
func TestImportRefusesARowWithACPRNumber(t *testing.T) {
	s := demoStore(t)
	text := csvText("Navn;Type;Hører under;P-nummer;Noter",
		"Kvartershuset;virksomhed;;1003425917;ring om tirsdagen",
		"Systuen;virksomhed;;;født 01.01.90/4711")
	_, err := importText(t, s, "partners", text)
	wantProblems(t, err, "linje 3, kolonne Noter: ligner et CPR-nummer (01.01.90/4711); CPR-numre må ikke gemmes her")
	if _, err := s.DB().Exec("PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(s.Path() + suffix)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("01.01.90/4711")) || bytes.Contains(b, []byte("Kvartershuset")) {
			t.Errorf("the file%s holds the refused import", suffix)
		}
	}
}
