package agreement

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"partnerskab/data"
)

// TestDemoDraftsPDF drafts each default template for the demo case's
// parties, as the caseworker would, and reads the exported PDF back.
func TestDemoDraftsPDF(t *testing.T) {
	ctx := context.Background()
	s := demoOn1March(t, false)
	amount := regexp.MustCompile(`\d{1,3}(\.\d{3})*,\d{2} kr\.`)
	for i, d := range DefaultTemplates() {
		t.Run(d.Name, func(t *testing.T) {
			_, v, err := s.SaveTemplate(ctx, data.TemplateForm{Name: d.Name, Description: d.Description, Body: d.Body})
			if err != nil {
				t.Fatalf("SaveTemplate: %v", err)
			}
			sel, err := DemoSelection(ctx, s)
			if err != nil {
				t.Fatal(err)
			}
			sel.Number, sel.Title = fmt.Sprintf("2015-%03d", i+1), d.Name
			form, err := Draft(ctx, s, v.ID, sel)
			if err != nil {
				t.Fatalf("Draft: %v", err)
			}
			a, err := s.CreateAgreement(ctx, form)
			if err != nil {
				t.Fatalf("CreateAgreement: %v", err)
			}
			doc, err := DocumentFor(ctx, s, a.ID)
			if err != nil {
				t.Fatalf("DocumentFor: %v", err)
			}
			path := writePDF(t, doc)
			if dir := os.Getenv("PARTNERSKAB_PDF_DIR"); dir != "" { // to look at the pages
				b, _ := os.ReadFile(path)
				os.WriteFile(filepath.Join(dir, fmt.Sprintf("demo-%d.pdf", i+1)), b, 0o644)
			}
			ps := pages(t, path)
			text := strings.Join(ps, "\n")
			if len(doc.Parties) == 0 {
				t.Fatal("the demo draft has no parties")
			}
			for _, p := range doc.Parties {
				if !strings.Contains(strings.Join(strings.Fields(text), " "), p.Name) {
					t.Errorf("pdftotext lacks the party %q", p.Name)
				}
			}
			for _, want := range []string{"21. februar 2015", doc.Title, fmt.Sprintf("Side 1 af %d", len(ps))} {
				if !strings.Contains(text, want) {
					t.Errorf("pdftotext lacks %q", want)
				}
			}
			if i == 0 && !regexp.MustCompile(`\b16\b`).MatchString(text) {
				t.Error("the partnership agreement's PDF lacks the 16 jobs")
			}
			if i == 2 && !amount.MatchString(text) {
				t.Error("the lease's PDF shows no amount like 1.700,00 kr.")
			}
		})
	}
}
