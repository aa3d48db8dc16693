package agreement

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partnerskab/data"
)

// treeTestTemplate uses the tree's fields as the default texts will.
const treeTestTemplate = `# {{aftale.titel}}

{{#hovedaftale}}Aftalen hører under aftale {{nummer}} {{titel}}.{{/hovedaftale}}

## Underaftaler

{{#underaftaler}}
- {{nummer}} {{titel}} ({{status}})
{{/underaftaler}}

## Tiltrædelser

{{#tiltraedelser}}
- {{navn}} fra {{fra}}
{{/tiltraedelser}}
`

// treeText merges the test template for sel, saves it as a draft and
// returns pdftotext's text of its PDF, with white space squeezed to one space.
func treeText(t *testing.T, s *data.Store, v data.TemplateVersion, sel Selection) string {
	t.Helper()
	ctx := context.Background()
	f, err := Draft(ctx, s, v.ID, sel)
	if err != nil {
		t.Fatalf("Draft: %v", err)
	}
	a, err := s.CreateAgreement(ctx, f)
	if err != nil {
		t.Fatalf("CreateAgreement: %v", err)
	}
	pdf, err := ExportPDF(ctx, s, nil, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "aftale.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(run(t, "pdftotext", "-enc", "UTF-8", path, "-")), " ")
}

// treeSetup is the demo with its agreements, the test template and the
// demo's selection to merge it with.
func treeSetup(t *testing.T) (*data.Store, data.TemplateVersion, Selection) {
	t.Helper()
	s := demoWithAgreements(t)
	v := draftSaveTemplate(t, s, "Træets felter", treeTestTemplate)
	sel, err := DemoSelection(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	sel.Number = ""
	return s, v, sel
}

func TestTreeMergeFieldsInThePDF(t *testing.T) {
	s, v, sel := treeSetup(t)
	ctx := context.Background()
	signed := demoAgreement(t, s, data.StatusSigned)

	// The partnership agreement merged again lists what hangs under it.
	top := sel
	top.AgreementID = signed.ID
	text := treeText(t, s, v, top)
	for _, want := range []string{"2015-003 Lejeaftale om lokaler: Bevar (Kladde)", "2015-004 Samarbejdsaftale: Bevar (Kladde)",
		"2015-005 Samarbejdsaftale: Fra de varme lande (Kladde)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the partnership agreement's PDF lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "hører under aftale") {
		t.Errorf("a top agreement names a parent: %s", text)
	}

	// A sub-agreement names the agreement it hangs under.
	sub := sel
	sub.Title, sub.ParentID = "Samarbejdsaftale: Sekstanten", signed.ID
	text = treeText(t, s, v, sub)
	if want := "Aftalen hører under aftale " + signed.Number + " Partnerskabsaftale af 2. orden."; !strings.Contains(text, want) {
		t.Errorf("the sub-agreement's PDF lacks %q:\n%s", want, text)
	}
	if strings.Contains(text, "(Kladde)") {
		t.Errorf("a new agreement lists sub-agreements: %s", text)
	}
	var created data.Agreement
	list, _ := s.Agreements(ctx, data.AgreementQuery{Text: "Sekstanten"})
	for _, a := range list {
		if a.Title == sub.Title {
			created = a
		}
	}
	if created.ParentID != signed.ID {
		t.Errorf("the drafted sub-agreement hangs under %d, want %d", created.ParentID, signed.ID)
	}
}

func TestTreeFieldsAreInTheCatalogue(t *testing.T) {
	help := HelpTextOf(Catalogue())
	for _, want := range []string{"{{#underaftaler}}…{{/underaftaler}}", "hovedaftale.nummer",
		"den aftale, denne aftale hører under", "de parter, der har tiltrådt aftalen ved et tillæg"} {
		if !strings.Contains(help, want) {
			t.Errorf("the catalogue's help lacks %q", want)
		}
	}
	if problems := CheckStrings(treeTestTemplate); len(problems) > 0 {
		t.Errorf("the tree's fields fail the template check: %q", problems)
	}
}

func TestMergeAgainListsTheSubAgreementsMadeSince(t *testing.T) {
	s, v, sel := treeSetup(t)
	ctx := context.Background()
	sel.Title = "Ny partnerskabsaftale"
	f, err := Draft(ctx, s, v.ID, sel)
	if err != nil {
		t.Fatal(err)
	}
	top, err := s.CreateAgreement(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	sub := sel
	sub.Title, sub.ParentID = "Samarbejdsaftale: Sekstanten", top.ID
	f, _ = Draft(ctx, s, v.ID, sub)
	child, err := s.CreateAgreement(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	line := child.Number + " Samarbejdsaftale: Sekstanten (Kladde)"
	if strings.Contains(top.Body, line) {
		t.Fatal("the sub-agreement is listed before it was made")
	}
	again, missing, err := MergeAgain(ctx, s, top.ID)
	if err != nil || len(missing) != 0 {
		t.Fatalf("MergeAgain: %v, missing %v", err, missing)
	}
	if !strings.Contains(again.Body, line) || again.Number != top.Number {
		t.Errorf("merged again: %s\n%s", again.Number, again.Body)
	}
	signed := demoAgreement(t, s, data.StatusSigned)
	if _, _, err := MergeAgain(ctx, s, signed.ID); err == nil || !strings.Contains(err.Error(), "kun en kladde flettes igen") {
		t.Errorf("merging a signed agreement again: %v", err)
	}
}

// The default texts use the tree: the partnership agreement merged again
// lists its sub-agreements, and the demo's lease names the agreement it
// hangs under.
func TestDefaultTextsShowTheTree(t *testing.T) {
	s, _, sel := treeSetup(t)
	ctx := context.Background()
	signed := demoAgreement(t, s, data.StatusSigned)
	list, err := s.Agreements(ctx, data.AgreementQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var partnership data.TemplateVersion
	var lease data.Agreement
	for _, a := range list {
		full, err := s.Agreement(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if full.Status == data.StatusDraft && strings.HasPrefix(full.TemplateName, "Partnerskabsaftale") {
			partnership.ID = full.TemplateVersionID
		}
		if strings.HasPrefix(full.Title, "Lejeaftale") {
			lease = full
		}
	}
	if partnership.ID == 0 || lease.ID == 0 {
		t.Fatalf("the demo lacks the partnership draft (%d) or the lease (%d)", partnership.ID, lease.ID)
	}
	top := sel
	top.AgreementID = signed.ID
	text := treeText(t, s, partnership, top)
	if want := "Delaftale " + lease.Number + ", " + lease.Title + ", hører under denne aftale (Kladde)."; !strings.Contains(text, want) {
		t.Errorf("the partnership agreement merged again lacks %q:\n%s", want, text)
	}
	pdf, err := ExportPDF(ctx, s, nil, lease.ID)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "lejeaftale.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	text = strings.Join(strings.Fields(run(t, "pdftotext", "-enc", "UTF-8", path, "-")), " ")
	if want := "delaftale under aftale " + signed.Number + " (Partnerskabsaftale af 2. orden)"; !strings.Contains(text, want) {
		t.Errorf("the lease's PDF lacks %q:\n%s", want, text)
	}
}
