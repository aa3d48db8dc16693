package agreement

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"partnerskab/data"
)

// An existing database holds the texts an earlier release installed
// (testdata/shipped): the unedited ones get the new text as a new version,
// the edited one is offered the new text beside it, and an agreement made
// on the old version keeps its version and its text.
func TestUpdateDefaultTemplatesKeepsOldVersions(t *testing.T) {
	ctx := context.Background()
	s := demoOn1March(t, false)
	old := map[string]data.TemplateVersion{}
	ids := map[string]int64{}
	for i, d := range DefaultTemplates() {
		b, err := os.ReadFile(filepath.Join("testdata", "shipped", defaultTemplates[i].file))
		if err != nil {
			t.Fatal(err)
		}
		tp, v, err := s.SaveTemplate(ctx, data.TemplateForm{Name: d.Name, Description: shippedDescriptions[i], Body: string(b)})
		if err != nil {
			t.Fatal(err)
		}
		old[d.Name], ids[d.Name] = v, tp.ID
	}
	// The caseworker has edited the model agreement.
	model := "Samarbejdsaftale (paradigme)"
	edited := old[model].Body + "\nParterne mødes også ved årets afslutning.\n"
	if _, _, err := s.SaveTemplate(ctx, data.TemplateForm{ID: ids[model], Name: model, Description: shippedDescriptions[1], Body: edited}); err != nil {
		t.Fatal(err)
	}
	// An agreement drafted on the old partnership agreement.
	partnership := "Partnerskabsaftale af 2. orden"
	sel, err := DemoSelection(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Draft(ctx, s, old[partnership].ID, sel)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.CreateAgreement(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "træder i kraft ved underskrift") {
		t.Fatal("the old text is not the one the agreement was drafted on")
	}

	u, err := UpdateDefaultTemplates(ctx, s)
	if err != nil {
		t.Fatalf("UpdateDefaultTemplates: %v", err)
	}
	if !slices.Equal(u.Updated, []string{partnership, "Lejeaftale om lokaler"}) || !slices.Equal(u.Offered, []string{model}) {
		t.Fatalf("updated %q, offered %q", u.Updated, u.Offered)
	}
	for _, d := range DefaultTemplates() {
		tp, err := s.Template(ctx, ids[d.Name])
		if err != nil {
			t.Fatal(err)
		}
		vs, err := s.TemplateVersions(ctx, tp.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Name == model {
			if tp.Latest != 2 || vs[0].Body != edited {
				t.Errorf("the edited model agreement was changed: version %d", tp.Latest)
			}
			continue
		}
		if tp.Latest != 2 || len(vs) != 2 || vs[0].Body != d.Body || vs[1].Body != old[d.Name].Body || tp.Description != d.Description {
			t.Errorf("%s: latest %d, %d versions, new text %v, old kept %v, description %q", d.Name, tp.Latest, len(vs),
				vs[0].Body == d.Body, vs[len(vs)-1].Body == old[d.Name].Body, tp.Description)
		}
	}
	offered := findTemplate(t, s, model+OfferedSuffix)
	if v, err := s.LatestVersion(ctx, offered.ID); err != nil || !strings.Contains(v.Body, "»virksomheden«") {
		t.Errorf("the offered model agreement lacks the new text: %v", err)
	}
	// The old agreement keeps its version and text.
	got, err := s.Agreement(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.TemplateVersionID != old[partnership].ID || got.TemplateVersion != 1 || got.Body != a.Body {
		t.Errorf("the old agreement moved: version %d (id %d), body kept %v", got.TemplateVersion, got.TemplateVersionID, got.Body == a.Body)
	}
	// A new draft takes the new text.
	v, err := s.LatestVersion(ctx, ids[partnership])
	if err != nil {
		t.Fatal(err)
	}
	sel.Number = ""
	f2, err := Draft(ctx, s, v.ID, sel)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(f2.Body, "hensigtserklæring") || strings.Contains(f2.Body, "træder i kraft ved underskrift") {
		t.Error("a new draft does not take the new text")
	}
	// Once is enough: a second run changes nothing.
	again, err := UpdateDefaultTemplates(ctx, s)
	if err != nil || len(again.Updated)+len(again.Offered) != 0 {
		t.Errorf("second run: %+v, %v", again, err)
	}
	all, _ := s.Templates(ctx, true)
	if len(all) != 4 {
		t.Errorf("%d templates after two runs, want the three and one offered", len(all))
	}
}

// Every text the program has shipped is known, so the next release
// recognises it as the program's.
func TestShippedBodiesKnowTheCurrentFiles(t *testing.T) {
	for i, d := range DefaultTemplates() {
		b, err := os.ReadFile(filepath.Join("testdata", "shipped", defaultTemplates[i].file))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(shippedBodies[d.Name], data.BodySHA256(string(b))) {
			t.Errorf("%s: the shipped text's sum is not in shippedBodies", d.Name)
		}
		if slices.Contains(shippedBodies[d.Name], data.BodySHA256(d.Body)) {
			t.Errorf("%s: the current text is listed as an old one", d.Name)
		}
	}
}

func findTemplate(tb testing.TB, s *data.Store, name string) data.Template {
	tb.Helper()
	all, err := s.Templates(context.Background(), true)
	if err != nil {
		tb.Fatal(err)
	}
	for _, t := range all {
		if t.Name == name {
			return t
		}
	}
	tb.Fatalf("no template %q", name)
	return data.Template{}
}
