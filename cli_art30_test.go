package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestArt30NamesThePersonFieldsAndTheRetentionInForce: the PDF's text
// holds each person table's fields and the retention periods as set.
func TestArt30NamesThePersonFieldsAndTheRetentionInForce(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "art30.pdf")
	if code, _, stderr := runCLI(t, "art30", "--out", out, "--db", db); code != 0 {
		t.Fatalf("art30: exit %d, %s", code, stderr)
	}
	text := strings.Join(strings.Fields(pdfText(t, out)), " ")
	for _, want := range []string{"Fortegnelse over behandlingsaktiviteter", "Kontaktpersoner", "pseudonym", "E-mail (arbejde)",
		"Brugernavn i styresystemet", "Persondata opbevares", "(kontrollér)", "Sikkerhedsforanstaltninger"} {
		if !strings.Contains(text, want) {
			t.Errorf("art30 PDF lacks %q", want)
		}
	}
}
