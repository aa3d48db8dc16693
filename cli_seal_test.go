package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerskab/data/agreement"
	"partnerskab/internal/testkit"
)

func runCLIWithInput(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runWithInput(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// forgedCase imports the organisation's .p12 into db's installation with
// `seal import` (the password on standard input) and returns a PDF of the
// draft agreement sealed with another company's certificate from the same
// CA, and one sealed with the organisation's own.
func forgedCase(t *testing.T, db string) (forged, genuine []byte) {
	t.Helper()
	ca := testkit.NewCA(t, "Offentlig Test-CA")
	dir := t.TempDir()
	ours := filepath.Join(dir, "slagelse.p12")
	if err := os.WriteFile(ours, ca.IssueP12(t, "Slagelse Kommune", "29188505", "hemmelig"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLIWithInput(t, "forkert\n", "seal", "import", ours, "--db", db); code != 1 ||
		!strings.Contains(stderr, "forkert adgangskode") {
		t.Errorf("seal import with a wrong password: exit %d, %s", code, stderr)
	}
	code, stdout, stderr := runCLIWithInput(t, "hemmelig\n", "seal", "import", ours, "--db", db)
	if code != 0 || !strings.Contains(stdout, "Slagelse Kommune organisationscertifikat") {
		t.Fatalf("seal import: exit %d, %s%s", code, stdout, stderr)
	}
	draft := filepath.Join(dir, "kladde.pdf")
	if code, _, stderr := runCLI(t, "export", "--agreement", itoa(agreementsJSON(t, db)[0].ID), "--out", draft, "--db", db); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	pdf, err := os.ReadFile(draft)
	if err != nil {
		t.Fatal(err)
	}
	sealWith := func(p12 []byte, password string) []byte {
		sealDir := filepath.Join(t.TempDir(), "segl")
		if err := agreement.ImportP12(sealDir, p12, password, false); err != nil {
			t.Fatal(err)
		}
		s, err := agreement.OpenSealer(sealDir, "")
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.Seal(pdf, time.Date(2015, 2, 21, 14, 32, 0, 0, time.UTC), "Underskrevet aftale 2015-001", "Korsør")
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	forged = sealWith(ca.IssueP12(t, "Fremmed Firma ApS", "13748136", "x"), "x")
	genuine = sealWith(mustRead(t, ours), "hemmelig")
	return forged, genuine
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestVerifyRefusesASealFromAnotherHolderOfTheSameCA: with the
// organisation's certificate imported, a PDF sealed by another company's
// certificate from the same public CA is not "i orden" (exit 1), and the
// report says whose seal it is.
func TestVerifyRefusesASealFromAnotherHolderOfTheSameCA(t *testing.T) {
	db := agreementDemoDB(t)
	forged, genuine := forgedCase(t, db)
	dir := t.TempDir()
	forgedPath := filepath.Join(dir, "forfalsket.pdf")
	genuinePath := filepath.Join(dir, "ægte.pdf")
	os.WriteFile(forgedPath, forged, 0o600)
	os.WriteFile(genuinePath, genuine, 0o600)

	code, stdout, _ := runCLI(t, "verify", forgedPath, "--db", db)
	if code != 1 {
		t.Errorf("verify of the forged PDF: exit %d, want 1:\n%s", code, stdout)
	}
	for _, want := range []string{"Digest: stemmer", "Signatur: gyldig", "Indehaver: Fremmed Firma ApS",
		"IKKE en indehaver, denne installation kender", "Resultat: FEJL"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the report on the forged PDF lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "i orden") {
		t.Errorf("the forged PDF is called i orden:\n%s", stdout)
	}
	// Without --db (the installation at the default place, with this
	// seal folder): the verdict is the seal's alone.
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	if err := os.CopyFS(filepath.Join(config, "Partnerskab", "segl"), os.DirFS(agreement.SealDir(db))); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCLI(t, "verify", forgedPath)
	if code != 1 || !strings.Contains(stdout, "IKKE en indehaver, denne installation kender") || strings.Contains(stdout, "i orden") {
		t.Errorf("verify of the forged PDF without --db: exit %d\n%s", code, stdout)
	}
	code, stdout, _ = runCLI(t, "verify", genuinePath)
	if code != 0 || !strings.Contains(stdout, "Indehaver: Slagelse Kommune") ||
		!strings.Contains(stdout, "organisationscertifikatet, der blev importeret") || !strings.Contains(stdout, "Resultat: i orden") {
		t.Errorf("verify of the organisation's own seal: exit %d\n%s", code, stdout)
	}
}

// TestSealShowAndExportCA: seal show names the seal, its holder, how the
// keys are kept (here: no keyring) and whom the installation trusts;
// export-ca writes the CA a recipient needs.
func TestSealShowAndExportCA(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	db := agreementDemoDB(t)
	code, stdout, stderr := runCLI(t, "seal", "show", "--db", db)
	if code != 0 {
		t.Fatalf("seal show: exit %d, %s", code, stderr)
	}
	for _, want := range []string{"Segl: Partnerskab-segl for", "Indehaver: Slagelse Kommune", "Certifikatets SHA-256: ",
		"Nøgler: Ingen nøglering på denne computer", "kun læsbare for din bruger (0600)", "Denne installation stoler på segl fra:",
		"(eget segl), SHA-256"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("seal show lacks %q:\n%s", want, stdout)
		}
	}
	out := filepath.Join(t.TempDir(), "ca.pem")
	if code, _, stderr := runCLI(t, "seal", "export-ca", "--out", out, "--db", db); code != 0 {
		t.Fatalf("seal export-ca: %s", stderr)
	}
	if b := mustRead(t, out); !bytes.HasPrefix(b, []byte("-----BEGIN CERTIFICATE-----")) {
		t.Errorf("export-ca wrote %q", b[:min(len(b), 40)])
	}
	if code, _, stderr := runCLI(t, "seal", "export-ca", "--db", db); code != 1 || !strings.Contains(stderr, "--out") {
		t.Errorf("export-ca without --out: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "seal", "import", "--db", db); code != 1 || !strings.Contains(stderr, "adgangskoden læses fra standard-input") {
		t.Errorf("seal import without a file: exit %d, %s", code, stderr)
	}
}
