package data

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Package data's tests cannot import package agreement (it imports data),
// so they register a stand-in for the template language: a field named
// "ukendt…" is an error at its line and column. agreement's own tests run
// the real checker through the same seam.
func init() {
	RegisterTemplateChecker(fakeTemplateCheck)
}

func fakeTemplateCheck(body string) []string {
	var out []string
	for i, line := range strings.Split(body, "\n") {
		if col := strings.Index(line, "{{ukendt"); col >= 0 {
			out = append(out, fmt.Sprintf("%d:%d: ukendt felt", i+1, col+1))
		}
	}
	return out
}

const partnershipBody = "# Partnerskabsaftale\n\n## Parter\n\n{{#parter}}- {{navn}}\n{{/parter}}\n"

func mustSaveTemplate(tb testing.TB, s *Store, f TemplateForm) (Template, TemplateVersion) {
	tb.Helper()
	t, v, err := s.SaveTemplate(context.Background(), f)
	if err != nil {
		tb.Fatalf("SaveTemplate(%q): %v", f.Name, err)
	}
	return t, v
}

func sha(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func TestTemplateVersions(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	tpl, v1 := mustSaveTemplate(t, s, TemplateForm{Name: "Partnerskabsaftale", Description: "2. orden", Body: partnershipBody})
	if v1.Version != 1 || v1.SHA256 != sha(partnershipBody) || v1.TemplateID != tpl.ID {
		t.Errorf("first save: version %d sha %s, want 1 and %s", v1.Version, v1.SHA256, sha(partnershipBody))
	}
	// The same body again adds no version; a changed description is no new text.
	_, same := mustSaveTemplate(t, s, TemplateForm{ID: tpl.ID, Name: "Partnerskabsaftale", Description: "Af 2. orden", Body: partnershipBody})
	if same.ID != v1.ID || same.Version != 1 {
		t.Errorf("unchanged body gave version %d (id %d), want version 1 (id %d)", same.Version, same.ID, v1.ID)
	}
	body2 := partnershipBody + "\n## Formål\n\nAt skabe job.\n"
	tpl2, v2 := mustSaveTemplate(t, s, TemplateForm{ID: tpl.ID, Name: "Partnerskabsaftale", Description: "Af 2. orden", Body: body2})
	if v2.Version != 2 || v2.SHA256 != sha(body2) || tpl2.Latest != 2 || tpl2.Description != "Af 2. orden" {
		t.Errorf("second save: version %d sha %s latest %d desc %q", v2.Version, v2.SHA256, tpl2.Latest, tpl2.Description)
	}
	vs, err := s.TemplateVersions(ctx, tpl.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Version != 2 || vs[1].Version != 1 || vs[1].Body != partnershipBody {
		t.Fatalf("versions = %+v, want 2 then 1 with the first body kept", vs)
	}
	latest, err := s.LatestVersion(ctx, tpl.ID)
	if err != nil || latest.ID != v2.ID {
		t.Errorf("LatestVersion = %+v, %v; want version 2", latest, err)
	}
	if got := eventKinds(t, s, "skabelon", tpl.ID); strings.Join(got, ",") != "oprettet,ny version,ændret,ny version" {
		t.Errorf("events = %q", got)
	}
	// Versions are history: the file refuses to change or delete one.
	if _, err := s.DB().Exec(`UPDATE template_versions SET body = 'x' WHERE id = ?`, v1.ID); err == nil {
		t.Error("a version's body was changed")
	}
	if _, err := s.DB().Exec(`DELETE FROM template_versions WHERE id = ?`, v1.ID); err == nil {
		t.Error("a version was deleted while its template exists")
	}
}

func TestTemplateFormProblems(t *testing.T) {
	s := MustOpenDB(t)
	before := countRows(t, s, "templates")
	_, _, err := s.SaveTemplate(context.Background(), TemplateForm{Name: " ", Body: "\n"})
	wantFieldError(t, err, "Name", "skal udfyldes")
	wantFieldError(t, err, "Body", "skal udfyldes")
	_, _, err = s.SaveTemplate(context.Background(), TemplateForm{Name: "Aftale", Body: "Borger 010203-1234 deltager."})
	wantFieldError(t, err, "Body", "CPR")
	mustSaveTemplate(t, s, TemplateForm{Name: "Lejeaftale", Body: "tekst"})
	_, _, err = s.SaveTemplate(context.Background(), TemplateForm{Name: "Lejeaftale", Body: "anden tekst"})
	wantFieldError(t, err, "Name", "findes allerede", "Lejeaftale")
	if n := countRows(t, s, "templates"); n != before+1 {
		t.Errorf("%d templates, want %d: refused saves must write nothing", n, before+1)
	}
	if n := countRows(t, s, "template_versions"); n != 1 {
		t.Errorf("%d versions, want 1", n)
	}
}

// A template with errors is saved (work in progress) and its version
// reports them; it cannot become an agreement (agreement_test.go).
func TestTemplateWithErrorsIsSaved(t *testing.T) {
	s := MustOpenDB(t)
	_, v := mustSaveTemplate(t, s, TemplateForm{Name: "Kladde", Body: "# Aftale\n\nHej {{ukendt.felt}}\n"})
	if got := v.Problems(); len(got) != 1 || got[0] != "3:5: ukendt felt" {
		t.Errorf("Problems = %q, want [3:5: ukendt felt]", got)
	}
}

func TestTemplatesSortedAndArchived(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	var ids []int64
	for _, name := range []string{"Åbningsaftale", "Zoneaftale", "Ærindeaftale", "Lejeaftale"} {
		tpl, _ := mustSaveTemplate(t, s, TemplateForm{Name: name, Body: "tekst"})
		ids = append(ids, tpl.ID)
	}
	if err := s.ArchiveTemplate(ctx, ids[3]); err != nil {
		t.Fatal(err)
	}
	active, err := s.Templates(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tpl := range active {
		names = append(names, tpl.Name)
	}
	if strings.Join(names, ",") != "Zoneaftale,Ærindeaftale,Åbningsaftale" {
		t.Errorf("active templates = %q, want Danish order without the archived one", names)
	}
	all, _ := s.Templates(ctx, true)
	if len(all) != 4 || all[3].Name != "Lejeaftale" || !all[3].Archived() {
		t.Errorf("with archived: %+v", all)
	}
}

func TestDeleteUnusedTemplate(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	tpl, _ := mustSaveTemplate(t, s, TemplateForm{Name: "Forsøg", Body: "en"})
	mustSaveTemplate(t, s, TemplateForm{ID: tpl.ID, Name: "Forsøg", Body: "to"})
	if err := s.DeleteTemplate(ctx, tpl.ID); err != nil {
		t.Fatalf("DeleteTemplate: %v", err)
	}
	if n := countRows(t, s, "template_versions"); n != 0 {
		t.Errorf("%d versions left after deleting the template", n)
	}
	if _, err := s.Template(ctx, tpl.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Template after delete: %v", err)
	}
}
