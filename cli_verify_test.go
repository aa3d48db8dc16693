package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// signedDemoPDF exports the demo's sealed agreement and returns its path.
func signedDemoPDF(t *testing.T, db string) string {
	t.Helper()
	var id int64
	for _, a := range agreementsJSON(t, db) {
		if a.Status == "signed" || a.Status == "Underskrevet" {
			id = a.ID
		}
	}
	if id == 0 {
		t.Fatalf("the demo has no signed agreement: %+v", agreementsJSON(t, db))
	}
	path := filepath.Join(t.TempDir(), "underskrevet.pdf")
	if code, _, stderr := runCLI(t, "export", "--agreement", itoa(id), "--out", path, "--db", db); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	return path
}

// A recipient with an installation of their own checks the sealed PDF:
// intact but from a CA they do not know is exit 2 with the CA's
// fingerprint, the one the certificate page prints; with --trust and the
// sender's CA it is exit 0; one changed byte is exit 1, whatever is trusted.
func TestVerifyExitCodesForARecipient(t *testing.T) {
	db := agreementDemoDB(t)
	path := signedDemoPDF(t, db)
	page := squeeze(pdfText(t, path))
	m := regexp.MustCompile(`UdstederensSHA-256([0-9a-f]{64})`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the certificate page prints no issuer fingerprint:\n%s", pdfText(t, path))
	}
	caOnPage := m[1]
	for _, want := range []string{"Sendttilunderskrift", "Forseglet", "Segletsindehaver", "SegletsSHA-256", "(+0"} {
		if !strings.Contains(page, want) {
			t.Errorf("the certificate page lacks %q", want)
		}
	}
	if code, stdout, _ := runCLI(t, "verify", path, "--db", db); code != 0 {
		t.Errorf("verify in the sender's installation: exit %d, want 0\n%s", code, stdout)
	}
	ca := filepath.Join(t.TempDir(), "ca.pem")
	if code, _, stderr := runCLI(t, "seal", "export-ca", "--out", ca, "--db", db); code != 0 {
		t.Fatalf("seal export-ca: %s", stderr)
	}

	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // the recipient's own, empty installation
	code, stdout, _ := runCLI(t, "verify", path)
	if code != 2 {
		t.Errorf("verify by a recipient without the CA: exit %d, want 2\n%s", code, stdout)
	}
	for _, want := range []string{"uændret siden forseglingen", "Udstederens SHA-256: " + caOnPage, "--trust"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the recipient's report lacks %q:\n%s", want, stdout)
		}
	}
	code, stdout, _ = runCLI(t, "verify", path, "--trust", ca)
	if code != 0 || !strings.Contains(stdout, "angivet med --trust") {
		t.Errorf("verify --trust CA.pem: exit %d, want 0\n%s", code, stdout)
	}

	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(string(b), "/Title ")
	changed := filepath.Join(t.TempDir(), "ændret.pdf")
	b[at+8] ^= 1
	if err := os.WriteFile(changed, b, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"verify", changed}, {"verify", changed, "--trust", ca}} {
		if code, stdout, _ := runCLI(t, args...); code != 1 || !strings.Contains(stdout, "Resultat: FEJL") {
			t.Errorf("%v of a changed file: exit %d, want 1\n%s", args, code, stdout)
		}
	}
	notCA := filepath.Join(t.TempDir(), "ikke-ca.pem")
	os.WriteFile(notCA, []byte("hej"), 0o600)
	if code, _, stderr := runCLI(t, "verify", path, "--trust", notCA); code != 1 || !strings.Contains(stderr, "ikke et PEM-certifikat") {
		t.Errorf("verify --trust with a file that is no certificate: exit %d, %s", code, stderr)
	}
}
