package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partnerskab/data"
)

// signedDemoRow is the signed example in `agreements --json` after demo.
func signedDemoRow(t *testing.T, db string) agreementRow {
	t.Helper()
	var signed []agreementRow
	for _, r := range agreementsJSON(t, db) {
		if r.Status == "signed" {
			signed = append(signed, r)
		}
	}
	if len(signed) != 1 {
		t.Fatalf("agreements --json lists %d signed agreements after demo, want the example", len(signed))
	}
	return signed[0]
}

func fileSHA(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// exportSigned exports the signed example and returns the file.
func exportSigned(t *testing.T, db, name string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), name)
	code, _, stderr := runCLI(t, "export", "--agreement", itoa(signedDemoRow(t, db).ID), "--out", out, "--db", db)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	return out
}

func TestExportOfTheSignedDemoIsTheStoredBytes(t *testing.T) {
	db := agreementDemoDB(t)
	row := signedDemoRow(t, db)
	if row.Number == "" || row.Title != "Partnerskabsaftale af 2. orden" {
		t.Errorf("signed example = %+v", row)
	}
	a, b := exportSigned(t, db, "a.pdf"), exportSigned(t, db, "b.pdf")
	if fileSHA(t, a) != fileSHA(t, b) {
		t.Error("two exports of the signed agreement differ")
	}
	s, err := data.OpenExisting(db)
	if err != nil {
		t.Fatal(err)
	}
	_, stored, err := s.SealedPDF(context.Background(), row.ID)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if fileSHA(t, a) != stored {
		t.Errorf("the export's SHA-256 %s is not the stored %s", fileSHA(t, a), stored)
	}
	text := squeeze(pdfText(t, a))
	for _, want := range []string{"EKSEMPEL", "Underskriftsbevis", "Underskrevet19.2.2015kl."} {
		if !strings.Contains(text, want) {
			t.Errorf("the signed PDF's text lacks %q", want)
		}
	}
}

func TestVerifyTheExportedDemo(t *testing.T) {
	db := agreementDemoDB(t)
	path := exportSigned(t, db, "underskrevet.pdf")
	code, stdout, stderr := runCLI(t, "verify", path, "--db", db)
	if code != 0 || stderr != "" {
		t.Fatalf("verify: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"Digest: stemmer", "Signatur: gyldig", "): denne installations eget segl",
		"præcis den forseglede PDF, der er gemt for aftale", "Resultat: i orden"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the report lacks %q:\n%s", want, stdout)
		}
	}
	// The flags may also come first.
	if code, _, _ := runCLI(t, "verify", "--db", db, path); code != 0 {
		t.Errorf("verify --db DB FILE: exit %d", code)
	}
}

func TestVerifyCatchesAFlippedByte(t *testing.T) {
	db := agreementDemoDB(t)
	path := exportSigned(t, db, "underskrevet.pdf")
	orig, _ := os.ReadFile(path)
	for _, at := range []int{9, len(orig) / 3, len(orig) / 2, len(orig) - 3} {
		b := bytes.Clone(orig)
		b[at] ^= 0x01
		bad := filepath.Join(t.TempDir(), "ændret.pdf")
		if err := os.WriteFile(bad, b, 0o600); err != nil {
			t.Fatal(err)
		}
		code, stdout, _ := runCLI(t, "verify", bad, "--db", db)
		if code != 1 {
			t.Errorf("byte %d flipped: exit %d\n%s", at, code, stdout)
		}
		if !strings.Contains(stdout, "Resultat: FEJL") || !strings.Contains(stdout, "databasen") {
			t.Errorf("byte %d flipped: the verdict does not name what failed:\n%s", at, stdout)
		}
		if !strings.Contains(stdout, "Databasen: filen er IKKE") {
			t.Errorf("byte %d flipped: --db does not say the file is not the stored one:\n%s", at, stdout)
		}
	}
	// Inside the body the digest is what fails, and the report says so.
	b := bytes.Clone(orig)
	b[len(orig)/3] ^= 0x01
	bad := filepath.Join(t.TempDir(), "ændret.pdf")
	os.WriteFile(bad, b, 0o600)
	if code, stdout, _ := runCLI(t, "verify", bad); code != 1 || !strings.Contains(stdout, "Digest: stemmer ikke") ||
		!strings.Contains(stdout, "digest") {
		t.Errorf("without --db: exit %d\n%s", code, stdout)
	}
}

func TestVerifyRefusesWhatIsNoSealedAgreement(t *testing.T) {
	db := agreementDemoDB(t)
	// The draft's export has no seal.
	draft := filepath.Join(t.TempDir(), "kladde.pdf")
	var id int64
	for _, r := range agreementsJSON(t, db) {
		if r.Status == "draft" {
			id = r.ID
		}
	}
	if code, _, stderr := runCLI(t, "export", "--agreement", itoa(id), "--out", draft, "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, _ := runCLI(t, "verify", draft, "--db", db)
	if code != 1 || !strings.Contains(stdout, "intet segl") || !strings.Contains(stdout, "Databasen: filen er IKKE") {
		t.Errorf("verify of an unsealed draft: exit %d\n%s", code, stdout)
	}
	missing := filepath.Join(t.TempDir(), "findes-ikke.pdf")
	code, stdout, stderr := runCLI(t, "verify", missing)
	if code != 1 {
		t.Errorf("missing file: exit %d", code)
	}
	wantOneLine(t, stdout, stderr, missing, "kan ikke læse")
	if code, _, stderr := runCLI(t, "verify"); code != 1 || !strings.Contains(stderr, "angiv den PDF-fil") {
		t.Errorf("no file: exit %d, %q", code, stderr)
	}
	if _, stdout, _ := runCLI(t, "help"); !strings.Contains(stdout, "verify FIL.pdf [--trust CA.pem] [--db STI]") {
		t.Errorf("help does not list verify:\n%s", stdout)
	}
}
