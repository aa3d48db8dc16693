package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"partnerskab/data"
	"partnerskab/data/agreement"
)

// agreementDemoDB makes a database with the whole demo case: the
// registers, the default templates and the draft partnership agreement.
func agreementDemoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "partnerskab.db")
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := agreement.LoadDemo(context.Background(), s); err != nil {
		t.Fatalf("agreement.LoadDemo: %v", err)
	}
	return db
}

func agreementsJSON(t *testing.T, db string) []agreementRow {
	t.Helper()
	code, stdout, stderr := runCLI(t, "agreements", "--json", "--db", db)
	if code != 0 || stderr != "" {
		t.Fatalf("agreements --json: exit %d, %s", code, stderr)
	}
	var rows []agreementRow
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil {
		t.Fatalf("agreements --json printed %q: %v", stdout, err)
	}
	return rows
}

func TestAgreementsListsTheDemoDraft(t *testing.T) {
	db := agreementDemoDB(t)
	rows := agreementsJSON(t, db)
	if len(rows) != 5 || rows[0].Status != "draft" || rows[0].Number != "2015-001" || rows[1].Status != "signed" ||
		rows[0].Title != "Partnerskabsaftale af 2. orden" || rows[0].Date != "2015-02-21" || rows[0].ID == 0 || rows[0].Parent != 0 {
		t.Errorf("agreements --json = %+v, want the demo's draft and its signed example", rows)
	}
	// Under the signed example: the lease and the two model agreements.
	for _, r := range rows[2:] {
		if r.Parent != rows[1].ID || r.Status != "draft" {
			t.Errorf("%s %s hangs under %d, want %d", r.Number, r.Title, r.Parent, rows[1].ID)
		}
	}
	// The raw JSON uses the documented names.
	_, stdout, _ := runCLI(t, "agreements", "--json", "--db", db)
	for _, k := range []string{`"id"`, `"number"`, `"title"`, `"status"`, `"date"`} {
		if !strings.Contains(stdout, k) {
			t.Errorf("JSON lacks %s: %s", k, stdout)
		}
	}
	code, stdout, _ := runCLI(t, "agreements", "--db", db)
	if code != 0 || !strings.Contains(stdout, "2015-001") || !strings.Contains(stdout, "Kladde") || !strings.Contains(stdout, "21.2.2015") {
		t.Errorf("agreements: exit %d\n%s", code, stdout)
	}
	// The demo installs the three default templates.
	s, err := data.OpenExisting(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts, _ := s.Templates(context.Background(), false)
	if len(ts) != 3 {
		t.Errorf("%d templates in the demo, want 3", len(ts))
	}
}

func TestAgreementsEmpty(t *testing.T) {
	db := filepath.Join(t.TempDir(), "tom.db")
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if rows := agreementsJSON(t, db); len(rows) != 0 {
		t.Errorf("rows = %+v", rows)
	}
	_, stdout, _ := runCLI(t, "agreements", "--json", "--db", db)
	if strings.TrimSpace(stdout) != "[]" {
		t.Errorf("no agreements as JSON = %q, want []", stdout)
	}
	if _, stdout, _ := runCLI(t, "agreements", "--db", db); stdout != "Ingen aftaler.\n" {
		t.Errorf("no agreements as text = %q", stdout)
	}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils) is needed to read the exported PDF: %v", err)
	}
	out, err := exec.Command(bin, "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// squeeze drops all white space: a name wrapped over two lines of a table
// cell, or a diagonal mark read letter by letter, is still found in order.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

func TestExportDemoDraft(t *testing.T) {
	db := agreementDemoDB(t)
	id := agreementsJSON(t, db)[0].ID
	out := filepath.Join(t.TempDir(), "aftale.pdf")
	code, stdout, stderr := runCLI(t, "export", "--agreement", itoa(id), "--out", out, "--db", db)
	if code != 0 || stderr != "" || !strings.Contains(stdout, out) {
		t.Fatalf("export: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("%s is no PDF (%v)", out, err)
	}
	text := squeeze(pdfText(t, out))
	for _, want := range []string{"Slagelse Kommune", "Center for Arbejdsmarked og Integration", "Sekstanten",
		"Boligsocial helhedsplan Motalavej", "BoligKorsør", "Jobenheden, Projekt Ringparken og Motalavej", "Bevar",
		"Fra de varme lande", "UDKAST", "EKSEMPEL", "Side 1 af", "2015-001"} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("the export left %d files in its folder, want only the PDF", len(entries))
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func TestExportRefused(t *testing.T) {
	db := agreementDemoDB(t)
	id := itoa(agreementsJSON(t, db)[0].ID)
	dir := t.TempDir()

	code, stdout, stderr := runCLI(t, "export", "--agreement", "999", "--out", filepath.Join(dir, "x.pdf"), "--db", db)
	if code != 1 {
		t.Errorf("unknown id: exit %d", code)
	}
	wantOneLine(t, stdout, stderr, db, "aftale 999 findes ikke")

	missing := filepath.Join(dir, "findes-ikke", "x.pdf")
	code, stdout, stderr = runCLI(t, "export", "--agreement", id, "--out", missing, "--db", db)
	if code != 1 {
		t.Errorf("unwritable path: exit %d", code)
	}
	wantOneLine(t, stdout, stderr, missing, "kan ikke skrive")
	if !strings.Contains(stderr, "mappen findes ikke") {
		t.Errorf("stderr %q does not say why", stderr)
	}

	code, stdout, stderr = runCLI(t, "export", "--agreement", "2015-001", "--out", filepath.Join(dir, "x.pdf"), "--db", db)
	if code != 1 {
		t.Errorf("a number for an id: exit %d", code)
	}
	wantOneLine(t, stdout, stderr, "2015-001", "skal være aftalens id")
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused exports wrote %d files", len(entries))
	}
}

func TestTemplateCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "god.md")
	bad := filepath.Join(dir, "fejl.md")
	os.WriteFile(good, []byte("# {{aftale.titel}}\n\n{{#parter}}- {{navn}}\n{{/parter}}\n"), 0o600)
	os.WriteFile(bad, []byte("# Aftale\n\nMellem {{virksomhed.nav}} og\n{{#parter}}- {{navn}}\n"), 0o600)

	code, stdout, stderr := runCLI(t, "template", "check", good)
	if code != 0 || stderr != "" || !strings.Contains(stdout, "ingen fejl") {
		t.Errorf("good template: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, "template", "check", bad)
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if code != 1 || stdout != "" || len(lines) != 2 {
		t.Fatalf("bad template: exit %d, stdout %q, stderr %q; want 1 and two problems", code, stdout, stderr)
	}
	if !strings.HasPrefix(lines[0], bad+":3:8: ") || !strings.Contains(lines[0], "virksomhed.navn") {
		t.Errorf("first problem %q, want %s:3:8: … suggesting virksomhed.navn", lines[0], bad)
	}
	if !strings.HasPrefix(lines[1], bad+":4:") {
		t.Errorf("second problem %q, want the unclosed section at line 4", lines[1])
	}
	code, stdout, stderr = runCLI(t, "template", "check", filepath.Join(dir, "ingen.md"))
	if code != 1 {
		t.Errorf("missing file: exit %d", code)
	}
	wantOneLine(t, stdout, stderr, "ingen.md", "kan ikke læse")
	if code, _, stderr := runCLI(t, "template", "tjek", good); code != 1 || !strings.Contains(stderr, "template check FIL.md") {
		t.Errorf("unknown subcommand: exit %d, %q", code, stderr)
	}
}

func TestHelpFields(t *testing.T) {
	var out bytes.Buffer
	if code := cmdHelpFields(&env{stdout: &out, stderr: &out}, nil); code != 0 {
		t.Errorf("exit %d", code)
	}
	text := out.String()
	for _, want := range []string{"{{virksomhed.navn}}", "{{#parter}}…{{/parter}}", "\n  {{navn}}", "{{lejemaal.samlet_areal}}"} {
		if !strings.Contains(text, want) {
			t.Errorf("help fields lacks %q", want)
		}
	}
	if _, stdout, _ := runCLI(t, "help"); !strings.Contains(stdout, "template check FIL.md") || !strings.Contains(stdout, "export --agreement ID") {
		t.Errorf("help does not list the agreement commands:\n%s", stdout)
	}
}
