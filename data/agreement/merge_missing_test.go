package agreement

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"partnerskab/data"
)

// The facts of an agreement between Bevar and the job centre: no
// helhedsplan among the parties, Bevar without a CVR number.
func factsWithoutPlan() Facts {
	return Facts{
		"aftale":     Facts{"titel": "Samarbejdsaftale", "nummer": "2015-003", "dato": "1. marts 2015", "periode_til": ""},
		"virksomhed": Facts{"navn": "Bevar", "cvr": ""},
		"enhed":      Facts{"navn": "Center for Arbejdsmarked og Integration", "cvr": "29188505"},
		"parter": []Facts{{"navn": "Bevar", "cvr": ""},
			{"navn": "Center for Arbejdsmarked og Integration", "cvr": "29188505"}},
	}
}

func TestAValueTheTextNeedsIsMarkedMissing(t *testing.T) {
	md, missing, err := MergeMissing("Aftalen er indgået mellem {{virksomhed.navn}} og {{helhedsplan.navn}}.\n\n"+
		"Styregruppen for {{helhedsplan.navn}} godkendte den.\n", factsWithoutPlan())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md, "og .") || strings.Contains(md, "for  godkendte") {
		t.Errorf("an empty field merged as nothing: %q", md)
	}
	for _, want := range []string{"mellem Bevar og [[MANGLER: helhedsplan.navn]].", "Styregruppen for [[MANGLER: helhedsplan.navn]] godkendte"} {
		if !strings.Contains(md, want) {
			t.Errorf("merged text lacks %q:\n%s", want, md)
		}
	}
	if len(missing) != 1 || missing[0].Path != "helhedsplan.navn" || missing[0].Line != 1 ||
		missing[0].Reason != "ingen af parterne er af typen boligsocial helhedsplan" {
		t.Errorf("missing %+v", missing)
	}
	if got := data.MissingFields(md); len(got) != 1 || got[0] != "helhedsplan.navn" {
		t.Errorf("the store reads the markers as %v", got)
	}
}

func TestAnEmptyValueOfAPartyThatIsThereSaysWhose(t *testing.T) {
	_, missing, err := MergeMissing("{{virksomhed.navn}} (CVR {{virksomhed.cvr}})", factsWithoutPlan())
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) != 1 || missing[0].Path != "virksomhed.cvr" || missing[0].Reason != "virksomhedens CVR-nummer er ikke udfyldt for Bevar" {
		t.Errorf("missing %+v", missing)
	}
}

// What the text only says when it is there is no missing value: sections
// that ask, inverted sections, optional values, and the items of a list.
func TestWhatTheTextAsksForIsNotMissing(t *testing.T) {
	for name, tmpl := range map[string]string{
		"section on the value":  "{{#virksomhed.cvr}}CVR {{virksomhed.cvr}}{{/virksomhed.cvr}}",
		"section on the group":  "{{#helhedsplan}}Helhedsplanen {{navn}}{{/helhedsplan}}",
		"dotted inside a group": "{{#helhedsplan}}Helhedsplanen {{helhedsplan.navn}}{{/helhedsplan}}",
		"inverted section":      "{{^helhedsplan}}Ingen helhedsplan.{{/helhedsplan}}",
		"optional value":        "Gælder til {{aftale.periode_til}}",
		"a list's items":        "{{#parter}}| {{navn}} | {{cvr}} |\n{{/parter}}",
		"a comment":             "{{! {{helhedsplan.navn}} }}tekst",
	} {
		md, missing, err := MergeMissing(tmpl, factsWithoutPlan())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(missing) != 0 || strings.Contains(md, "MANGLER") {
			t.Errorf("%s: marked %+v in %q", name, missing, md)
		}
	}
	// Inside a section that is there, a value of another group that is
	// not is still missing.
	_, missing, _ := MergeMissing("{{#virksomhed}}{{navn}} og {{helhedsplan.navn}}{{/virksomhed}}", factsWithoutPlan())
	if len(missing) != 1 || missing[0].Path != "helhedsplan.navn" {
		t.Errorf("inside another group's section: %+v", missing)
	}
}

// A value that merely looks like a marker is escaped, never read as one.
func TestAValueCannotPassAsAMarker(t *testing.T) {
	f := factsWithoutPlan()
	f["virksomhed"] = Facts{"navn": "[[MANGLER: x]] ApS", "cvr": "13748136"}
	md, missing, err := MergeMissing("{{virksomhed.navn}}", f)
	if err != nil || len(missing) != 0 {
		t.Fatalf("%v %+v", err, missing)
	}
	if got := data.MissingFields(md); len(got) != 0 {
		t.Errorf("a name was read as the marker of %v (%q)", got, md)
	}
}

// The case a caseworker met: the default Samarbejdsaftale with Bevar and
// the municipal centre but no helhedsplan. The draft says what is missing
// and why, and the store will not send it for signing until it is fixed.
func TestADraftWithoutItsHelhedsplanIsNotSentForSigning(t *testing.T) {
	s := draftStore(t)
	ctx := context.Background()
	body, err := os.ReadFile("../../assets/templates/samarbejdsaftale.md")
	if err != nil {
		t.Fatal(err)
	}
	v := draftSaveTemplate(t, s, "Samarbejdsaftale (paradigme)", string(body))
	sel, err := DemoSelection(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	var keep []int64
	for _, id := range sel.PartyIDs {
		o, _ := s.Organisation(ctx, id)
		if o.Kind == data.KindEnterprise && o.Name == "Bevar" || o.Kind == data.KindMunicipalUnit {
			keep = append(keep, id)
		}
	}
	sel.PartyIDs, sel.Number, sel.LeaseID = keep, "", 0
	f, missing, err := DraftMissing(ctx, s, v.ID, sel)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, m := range missing {
		paths = append(paths, m.Path)
		if m.Path == "helhedsplan.navn" && m.Reason != "ingen af parterne er af typen boligsocial helhedsplan" {
			t.Errorf("reason %q", m.Reason)
		}
	}
	if len(paths) == 0 || paths[0] != "helhedsplan.navn" {
		t.Fatalf("missing %v", paths)
	}
	if strings.Contains(f.Body, " og .") || !strings.Contains(f.Body, "[[MANGLER: helhedsplan.navn]]") {
		t.Errorf("body:\n%s", f.Body)
	}
	a, err := s.CreateAgreement(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	err = s.SendForSigning(ctx, a.ID)
	var v2 *data.ValidationError
	if !errors.As(err, &v2) || !strings.Contains(err.Error(), "tomme flettefelter (helhedsplan.navn") {
		t.Fatalf("sending a text with a missing field: %v", err)
	}
	if got, _ := s.Agreement(ctx, a.ID); got.Status != data.StatusDraft {
		t.Errorf("status %s after the refusal", got.Status)
	}
	// Fixed by hand, it goes.
	fixed := a.Form()
	fixed.Body = strings.ReplaceAll(a.Body, data.MissingMarker("helhedsplan.navn"), "Boligsocial helhedsplan Motalavej")
	for _, p := range data.MissingFields(fixed.Body) {
		fixed.Body = strings.ReplaceAll(fixed.Body, data.MissingMarker(p), "udfyldt")
	}
	if _, err := s.SaveAgreementDraft(ctx, a.ID, fixed); err != nil {
		t.Fatal(err)
	}
	if err := s.SendForSigning(ctx, a.ID); err != nil {
		t.Errorf("the fixed text was refused: %v", err)
	}
}

// A value that ends in a full stop is not followed by a second one.
func TestNoDoubleFullStopAfterKroner(t *testing.T) {
	f := factsWithoutPlan()
	f["lejemaal"] = Facts{"depositum": "19.500,00 kr.", "anvendelse": "Systue"}
	md, _, err := MergeMissing("Depositum: {{lejemaal.depositum}}. Brug: {{lejemaal.anvendelse}}.", f)
	if err != nil {
		t.Fatal(err)
	}
	if md != "Depositum: 19.500,00 kr. Brug: Systue.\n" && md != "Depositum: 19.500,00 kr. Brug: Systue." {
		t.Errorf("merged %q", md)
	}
}
