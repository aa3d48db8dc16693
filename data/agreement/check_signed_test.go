package agreement

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partnerskab/data"
	"partnerskab/internal/testkit"
)

// copyOf copies a file into a new temporary folder with its seal folder.
func copyOf(t *testing.T, path, sealDir string) string {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "partnerskab.db")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "segl"), os.DirFS(sealDir)); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckSignedFindsRowsThatDisagreeWithTheSeal(t *testing.T) {
	ctx := context.Background()
	s := demoWithAgreements(t)
	signed := demoAgreement(t, s, data.StatusSigned)
	if problems, err := CheckSigned(ctx, s); err != nil || len(problems) > 0 {
		t.Fatalf("CheckSigned of the demo = %q, %v", problems, err)
	}
	pdf, _, err := s.SealedPDF(ctx, signed.ID)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := ReadSealRecord(pdf)
	if err != nil || rec.Number != signed.Number || rec.BodySHA256 != signed.BodySHA256 || len(rec.Signatories) != len(signed.Signatories) ||
		len(rec.Events) == 0 {
		t.Fatalf("the sealed PDF's record = %+v, %v", rec, err)
	}
	base := filepath.Join(t.TempDir(), "demo.db")
	if err := s.Backup(ctx, base); err != nil {
		t.Fatal(err)
	}
	sealDir := SealDir(s.Path())
	otherPDF := bytes.Replace(pdf, []byte("/Producer"), []byte("/Producex"), 1) // a changed copy
	id := signed.ID
	tests := []struct {
		name  string
		stmts []string
		args  []any
		want  string
	}{
		{"the text rewritten, its hash column too", []string{
			`UPDATE agreements SET body = 'En helt anden aftale.', body_sha256 = '` + hexSum([]byte("En helt anden aftale.")) + `' WHERE id = ?`},
			[]any{id}, "teksten i databasen er ikke den, der blev underskrevet"},
		{"the title changed", []string{`UPDATE agreements SET title = 'Noget andet' WHERE id = ?`}, []any{id},
			"titlen er ændret efter underskrivningen"},
		{"a signatory renamed", []string{`UPDATE signatories SET name = 'Falsk Navn' WHERE agreement_id = ? AND position = 1`},
			[]any{id}, "underskriver 1 (Falsk Navn) er ændret efter underskrivningen"},
		{"a signing event edited", []string{
			`UPDATE events SET detail = 'Nogen anden' WHERE id = (SELECT min(id) FROM events WHERE entity = 'aftale' AND entity_id = ? AND signatory_id IS NOT NULL)`},
			[]any{id}, "fra underskrivningen er ændret i hændelsesloggen"},
		{"a signing event removed", []string{
			`DELETE FROM events WHERE id = (SELECT min(id) FROM events WHERE entity = 'aftale' AND entity_id = ? AND signatory_id IS NOT NULL)`},
			[]any{id}, "fra underskrivningen er fjernet fra hændelsesloggen"},
		{"the sealed PDF swapped, its hash column left", []string{`UPDATE agreements SET sealed_pdf = ? WHERE id = ?`},
			[]any{otherPDF, id}, "den gemte PDF passer ikke til den gemte SHA-256"},
		{"the sealed PDF swapped with its hash", []string{`UPDATE agreements SET sealed_pdf = ?, sealed_sha256 = ? WHERE id = ?`},
			[]any{otherPDF, hexSum(otherPDF), id}, "seglet holder ikke: Digest: stemmer ikke"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := copyOf(t, base, sealDir)
			testkit.BehindTheTriggers(t, p, tt.stmts[0], tt.args...)
			st, err := data.OpenToCheck(p)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			problems, err := CheckSigned(ctx, st)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(problems, "\n"), tt.want) {
				t.Errorf("CheckSigned = %q; want %q", problems, tt.want)
			}
			// And verify --db of the genuine file no longer calls it the stored one.
			r, _ := Verify(pdf, nil)
			if c := CompareWithStored(ctx, st, pdf, r); c.Same {
				t.Errorf("CompareWithStored calls the file the stored one: %s", c.Line)
			}
		})
	}
}
