package agreement

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerskab/data"
)

// draftStore opens a fresh database with the seed's registers (no
// templates) and a fixed clock.
func draftStore(tb testing.TB) *data.Store {
	tb.Helper()
	s, err := data.Open(filepath.Join(tb.TempDir(), "partnerskab.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	s.Now = func() time.Time { return time.Date(2015, 3, 1, 9, 30, 0, 0, time.UTC) }
	tb.Cleanup(func() { s.Close() })
	if err := s.LoadDemo(context.Background()); err != nil {
		tb.Fatalf("LoadDemo: %v", err)
	}
	return s
}

const draftTestTemplate = `# {{aftale.titel}}

Aftale nr. {{aftale.nummer}} indgået i {{aftale.sted}} den {{aftale.dato}}.

## Parter

{{#parter}}
- **{{navn}}** ({{type}})
{{/parter}}

## Lokaler

{{#lejemaal}}{{lejer}} lejer {{samlet_areal}} af {{udlejer}}.{{/lejemaal}}
`

func draftSaveTemplate(tb testing.TB, s *data.Store, name, body string) data.TemplateVersion {
	tb.Helper()
	_, v, err := s.SaveTemplate(context.Background(), data.TemplateForm{Name: name, Body: body})
	if err != nil {
		tb.Fatalf("SaveTemplate: %v", err)
	}
	return v
}

func TestDraftMergesAndCreates(t *testing.T) {
	s := draftStore(t)
	ctx := context.Background()
	v := draftSaveTemplate(t, s, "Partnerskabsaftale", draftTestTemplate)
	sel, err := DemoSelection(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	sel.Number, sel.Title = "", "" // the store numbers it; the title comes from the template
	f, err := Draft(ctx, s, v.ID, sel)
	if err != nil {
		t.Fatalf("Draft: %v", err)
	}
	if f.Number != "2015-001" || f.Title != "Partnerskabsaftale" || f.Date != "21.2.2015" || f.TemplateVersionID != v.ID {
		t.Errorf("form: number %q title %q date %q version %d", f.Number, f.Title, f.Date, f.TemplateVersionID)
	}
	for _, want := range []string{"# Partnerskabsaftale", "nr. 2015-001", "i Korsør den 21. februar 2015",
		"- **Bevar** (Socialøkonomisk virksomhed)", "- **Fra de varme lande**", "Bevar lejer 60 m² af BoligKorsør."} {
		if !strings.Contains(f.Body, want) {
			t.Errorf("merged body lacks %q:\n%s", want, f.Body)
		}
	}
	a, err := s.CreateAgreement(ctx, f)
	if err != nil {
		t.Fatalf("CreateAgreement: %v", err)
	}
	if a.Number != "2015-001" || a.TemplateVersionID != v.ID || len(a.Parties) != len(sel.PartyIDs) ||
		len(a.Signatories) != len(sel.SignatoryContactIDs) {
		t.Errorf("agreement %s version %d, %d parties, %d signatories", a.Number, a.TemplateVersionID, len(a.Parties), len(a.Signatories))
	}
	roles := map[string]string{}
	for _, p := range a.Parties {
		roles[p.Name] = p.Role
	}
	// The landlord acts through the helhedsplan here, not as the lease's
	// party: the partnership agreement does not call Bevar "Lejer".
	if roles["Bevar"] != "" || roles["Sekstanten"] != "" {
		t.Errorf("roles = %q, want none from the lease", roles)
	}
	// The next draft gets the next number.
	if f2, err := Draft(ctx, s, v.ID, Selection{AgreementDate: sel.AgreementDate, PartyIDs: sel.PartyIDs}); err != nil || f2.Number != "2015-002" {
		t.Errorf("second draft: number %q, %v", f2.Number, err)
	}
}

// The real checker guards the store: a template with an unknown field is
// saved, but neither Draft nor CreateAgreement will use it.
func TestTemplateWithErrorsCannotBeUsed(t *testing.T) {
	s := draftStore(t)
	ctx := context.Background()
	v := draftSaveTemplate(t, s, "Med fejl", "# Aftale\n\nMellem {{virksomhed.nav}} og kommunen.\n")
	if got := v.Problems(); len(got) != 1 || !strings.HasPrefix(got[0], "3:8: ") || !strings.Contains(got[0], "virksomhed.navn") {
		t.Errorf("Problems = %q, want one at 3:8 suggesting virksomhed.navn", got)
	}
	sel, _ := DemoSelection(ctx, s)
	_, err := Draft(ctx, s, v.ID, sel)
	var tpe *data.TemplateProblemsError
	if !errors.As(err, &tpe) || !strings.Contains(err.Error(), `Skabelonen "Med fejl" (version 1) har fejl og kan ikke bruges: 3:8: `) {
		t.Errorf("Draft from a broken template: %v", err)
	}
	good := draftSaveTemplate(t, s, "Uden fejl", draftTestTemplate)
	f, err := Draft(ctx, s, good.ID, sel)
	if err != nil {
		t.Fatal(err)
	}
	f.TemplateVersionID = v.ID
	_, err = s.CreateAgreement(ctx, f)
	if ve, ok := data.AsValidation(err); !ok {
		t.Errorf("CreateAgreement from a broken template: %v", err)
	} else if p, ok := ve.For("TemplateVersionID"); !ok || !strings.Contains(p.Text, "har fejl og kan ikke bruges: 3:8:") {
		t.Errorf("CreateAgreement from a broken template: %v", err)
	}
}

func TestDocumentFor(t *testing.T) {
	s := draftStore(t)
	ctx := context.Background()
	v := draftSaveTemplate(t, s, "Partnerskabsaftale", draftTestTemplate)
	sel, _ := DemoSelection(ctx, s)
	f, err := Draft(ctx, s, v.ID, sel)
	if err != nil {
		t.Fatal(err)
	}
	f.Example = true
	a, err := s.CreateAgreement(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := DocumentFor(ctx, s, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Number != "2015-001" || doc.Title != sel.Title || !doc.Draft || !doc.Example || doc.Place != "Korsør" ||
		!doc.Date.Equal(sel.AgreementDate) || doc.Template != "Partnerskabsaftale" || doc.Version != 1 {
		t.Errorf("document head: %+v", doc)
	}
	if len(doc.Body) == 0 || doc.Body[0].Kind != BlockHeading || doc.Body[0].Inlines[0].Text != sel.Title {
		t.Errorf("body does not start with the title heading: %+v", doc.Body)
	}
	parties := map[string]Party{}
	for _, p := range doc.Parties {
		parties[p.Name] = p
	}
	if p := parties["Bevar"]; p.Kind != "Socialøkonomisk virksomhed" || p.Contact != "Lene Østergaard, indehaver" || p.Role != "" {
		t.Errorf("Bevar in the parties' table: %+v", p)
	}
	if p := parties["Slagelse Kommune v/ Center for Arbejdsmarked og Integration"]; p.CVR != "29188505" || p.Kind != "Kommune" {
		t.Errorf("Slagelse Kommune v/ the centre in the parties' table: %+v (%v)", p, parties)
	}
	if len(doc.Signers) != len(sel.SignatoryContactIDs) || doc.Signers[0].Name == "" || doc.Signers[0].Organisation == "" {
		t.Errorf("signers: %+v", doc.Signers)
	}
	if err := s.SendForSigning(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if doc, _ := DocumentFor(ctx, s, a.ID); doc.Draft {
		t.Error("an agreement sent for signing still prints UDKAST")
	}
	if _, err := DocumentFor(ctx, s, 999); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("DocumentFor(999): %v", err)
	}
}

func TestInstallDefaultTemplates(t *testing.T) {
	s := draftStore(t)
	ctx := context.Background()
	if n, err := InstallDefaultTemplates(ctx, s); err != nil || n != 3 {
		t.Fatalf("first install: %d, %v; want 3", n, err)
	}
	// A second install (the next start) adds nothing and keeps the caseworker's edits.
	ts, _ := s.Templates(ctx, false)
	if _, _, err := s.SaveTemplate(ctx, data.TemplateForm{ID: ts[0].ID, Name: ts[0].Name, Body: "# Rettet\n"}); err != nil {
		t.Fatal(err)
	}
	if n, err := InstallDefaultTemplates(ctx, s); err != nil || n != 0 {
		t.Errorf("second install: %d, %v; want 0", n, err)
	}
	codes, err := s.ChecklistCodes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tpl := range ts {
		vs, _ := s.TemplateVersions(ctx, tpl.ID)
		if p := vs[len(vs)-1].Problems(codes...); len(p) > 0 {
			t.Errorf("default template %q has problems: %q", tpl.Name, p)
		}
	}
}

func TestLoadDemoDraftsThePartnershipAgreement(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "partnerskab.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := LoadDemo(ctx, s); err != nil {
		t.Fatalf("LoadDemo: %v", err)
	}
	list, _ := s.Agreements(ctx, data.AgreementQuery{})
	// the draft, the signed example (2015-002), and under it the lease and
	// the two enterprises' model agreements
	if len(list) != 5 {
		t.Fatalf("%d agreements in the demo, want 5", len(list))
	}
	var top []data.Agreement
	for _, a := range list {
		if a.ParentID == 0 {
			top = append(top, a)
		}
	}
	if len(top) != 2 {
		t.Fatalf("%d top agreements in the demo, want 2", len(top))
	}
	subs, err := s.SubAgreements(ctx, top[1].ID)
	var titles []string
	for _, n := range subs {
		titles = append(titles, n.Title)
	}
	if err != nil || strings.Join(titles, "|") != "Samarbejdsaftale: Fra de varme lande|Samarbejdsaftale: Bevar|Lejeaftale om lokaler: Bevar" {
		t.Errorf("under %s: %q (%v)", top[1].Number, titles, err)
	}
	a, _ := s.Agreement(ctx, top[0].ID)
	if a.Status != data.StatusDraft || !a.Example || a.TemplateName != "Partnerskabsaftale af 2. orden" || len(a.Parties) != 6 ||
		!strings.Contains(a.Body, "Fra de varme lande") {
		t.Errorf("demo draft: status %s example %v template %q, %d parties", a.Status, a.Example, a.TemplateName, len(a.Parties))
	}
	if err := LoadDemo(ctx, s); !errors.Is(err, data.ErrNotEmpty) {
		t.Errorf("second LoadDemo: %v, want ErrNotEmpty", err)
	}
}

// The agreements are found however the search is spelt, the signed one too
// (its stored text is never rewritten).
func TestAgreementsAreFoundByTheirFoldedText(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if err := LoadDemo(ctx, s); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"partnerskabsaftale", "PARTNERSKABSAFTALE", "2015-002", "sekstanten"} {
		as, err := s.Agreements(ctx, data.AgreementQuery{Text: q})
		if err != nil || len(as) == 0 {
			t.Errorf("%q finds %d agreements (%v)", q, len(as), err)
		}
	}
}
