package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractOfASigner: the extract of a contact who signs the demo's
// agreement holds the contact, the agreement signed and the signing
// events, and names no other contact; the PDF says the same.
func TestExtractOfASigner(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	js := filepath.Join(dir, "indsigt.json")
	if code, _, stderr := runCLI(t, "extract", "--contact", "1", "--out", js, "--db", db); code != 0 {
		t.Fatalf("extract: exit %d, %s", code, stderr)
	}
	b, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	var x struct {
		Subject  string
		Sections []struct {
			Table string
			Rows  [][]string
		}
	}
	if err := json.Unmarshal(b, &x); err != nil {
		t.Fatal(err)
	}
	rows := map[string]int{}
	for _, s := range x.Sections {
		rows[s.Table] = len(s.Rows)
	}
	if rows["contacts"] != 1 || rows["signatories"] == 0 || rows["events"] == 0 {
		t.Errorf("extract of contact 1 holds %v", rows)
	}
	text := string(b)
	if !strings.Contains(text, "Mette Lindholm") {
		t.Error("the extract does not name the contact")
	}
	for _, other := range []string{"Thomas Ærenlund", "Jens Aagaard", "Sofie Krogh", "Peter Bech", "Lene Østergaard", "Yasmin Haddad"} {
		if strings.Contains(text, other) {
			t.Errorf("the extract of Mette Lindholm names %s", other)
		}
	}
	pdf := filepath.Join(dir, "indsigt.pdf")
	if code, _, stderr := runCLI(t, "extract", "--contact", "1", "--out", pdf, "--db", db); code != 0 {
		t.Fatalf("extract PDF: exit %d, %s", code, stderr)
	}
	pt := strings.Join(strings.Fields(pdfText(t, pdf)), " ")
	if !strings.Contains(pt, "Mette Lindholm") || !strings.Contains(pt, "Underskriver på aftaler") || strings.Contains(pt, "Jens Aagaard") {
		t.Errorf("extract PDF:\n%s", pt)
	}
	// The person reads Danish names and dates, not the columns' ISO values.
	for _, want := range []string{"Kontaktperson fra dato: 1.1.2015", "Telefon (arbejde):", "Udført af:"} {
		if !strings.Contains(pt, want) {
			t.Errorf("extract PDF lacks %q", want)
		}
	}
	if strings.Contains(pt, "valid_from") || strings.Contains(pt, "2015-01-01") {
		t.Errorf("extract PDF shows stored column names or ISO dates:\n%s", pt)
	}
	if code, _, stderr := runCLI(t, "extract", "--placement", "1", "--out", filepath.Join(dir, "p.json"), "--db", db); code != 0 {
		t.Errorf("extract --placement: exit %d, %s", code, stderr)
	}
}
