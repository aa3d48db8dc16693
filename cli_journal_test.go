package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The caseworker files the draft under a journal and KLE number from the
// command line; both print in the PDF (header, under the title). A KLE
// number of the wrong shape is refused with a Danish message naming the
// field, and nothing is saved.
func TestJournalAndKLEOnTheAgreementPDF(t *testing.T) {
	db := agreementDemoDB(t)
	var draft int64
	var number string
	for _, a := range agreementsJSON(t, db) {
		if a.Status == "draft" {
			draft, number = a.ID, a.Number
		}
	}
	code, stdout, stderr := runCLI(t, "journal", "--agreement", itoa(draft), "--journal", "  15/12345 ", "--kle", "27.12.00g01", "--db", db)
	if code != 0 || !strings.Contains(stdout, "journalnummer 15/12345, KLE-nummer 27.12.00 G01") {
		t.Fatalf("journal: exit %d, %s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, "journal", "--agreement", itoa(draft), "--kle", "27.12", "--db", db)
	if code != 1 || stdout != "" || !strings.Contains(stderr, "KLE-nummer: skal skrives som emnenummer") {
		t.Errorf("a bad KLE number: exit %d, %q %q", code, stdout, stderr)
	}
	if _, stdout, _ := runCLI(t, "journal", "--agreement", itoa(draft), "--db", db); !strings.Contains(stdout, "KLE-nummer 27.12.00 G01") {
		t.Errorf("the refused KLE number replaced the saved one: %s", stdout)
	}
	path := filepath.Join(t.TempDir(), "kladde.pdf")
	if code, _, stderr := runCLI(t, "export", "--agreement", itoa(draft), "--out", path, "--db", db); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	text := pdfText(t, path)
	if !strings.Contains(text, "Aftale "+number+" · J.nr. 15/12345 · KLE 27.12.00 G01") {
		t.Errorf("the page header lacks the journal and KLE numbers:\n%s", text)
	}
	for _, want := range []string{"J.nr. 15/12345", "KLE 27.12.00 G01"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if code, _, stderr := runCLI(t, "journal", "--agreement", itoa(draft), "--journal", "sag 010203-1234", "--db", db); code != 1 ||
		!strings.Contains(stderr, "Journalnummer") || !strings.Contains(stderr, "CPR") {
		t.Errorf("a CPR number in the journal number: exit %d, %s", code, stderr)
	}
}
