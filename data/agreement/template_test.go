package agreement

import (
	"reflect"
	"strings"
	"testing"
)

func TestCheckProblems(t *testing.T) {
	for _, c := range []struct {
		name, template string
		want           []Problem
	}{
		{"valid", "Mellem {{virksomhed.navn}} og {{helhedsplan.navn}}.\n{{#parter}}- {{navn}} ({{type}})\n{{/parter}}", nil},
		{"near miss", "Aftale med\n  {{virksomhed.nav}}.", []Problem{
			{2, 3, "ukendt flettefelt »virksomhed.nav« — mente du »virksomhed.navn«?"}}},
		{"swapped letters", "{{aftale.titl}} {{aftlae.dato}}", []Problem{
			{1, 1, "ukendt flettefelt »aftale.titl« — mente du »aftale.titel«?"},
			{1, 17, "ukendt flettefelt »aftlae.dato« — mente du »aftale.dato«?"}}},
		{"prefix", "{{bemanding.fleks}}", []Problem{
			{1, 1, "ukendt flettefelt »bemanding.fleks« — mente du »bemanding.fleksjobbere«?"}}},
		{"far off", "{{budget}}", []Problem{{1, 1, "ukendt flettefelt »budget«; se listen over flettefelter"}}},
		{"columns count characters", "Æøå {{virksomhed.nav}}", []Problem{
			{1, 5, "ukendt flettefelt »virksomhed.nav« — mente du »virksomhed.navn«?"}}},
		{"list as value", "Parter: {{parter}}", []Problem{
			{1, 9, "»parter« er en liste og kan ikke flettes som én værdi; gentag med {{#parter}}…{{/parter}} og brug listens felter indeni"}}},
		{"group as value", "{{lejemaal}}", []Problem{
			{1, 1, "»lejemaal« er en gruppe af felter og kan ikke flettes som én værdi; brug et af dens felter, fx »lejemaal.udlejer«"}}},
		{"list field outside its list", "x\n{{navn}}", []Problem{
			{2, 1, "flettefeltet »navn« hører til listen »parter« og betyder kun noget mellem {{#parter}} og {{/parter}} — mente du »kommune.navn«?"}}},
		{"list field after its list", "{{#parter}}{{navn}}{{/parter}} {{rolle}}", []Problem{
			{1, 32, "flettefeltet »rolle« hører til listen »parter« og betyder kun noget mellem {{#parter}} og {{/parter}} — mente du »kommune.rolle«?"}}},
		{"dotted into a list", "{{parter.navn}}", []Problem{
			{1, 1, "»parter« er en liste; dens felter bruges inde i {{#parter}}…{{/parter}}, fx {{#parter}}{{navn}}{{/parter}}"}}},
		{"nested list", "{{#lejemaal}}{{#lokaler}}{{navn}} {{areal}} {{samlet_areal}} {{aftale.dato}}{{/lokaler}}{{/lejemaal}}", nil},
		{"nested list outside its group", "{{#lokaler}}{{/lokaler}}", []Problem{
			{1, 1, "ukendt flettefelt »lokaler« — mente du »lejemaal.lokaler«?"}}},
		{"unclosed section", "{{#parter}}\n- {{navn}}\n", []Problem{
			{1, 1, "sektionen »parter« lukkes aldrig; afslut den med {{/parter}}"}}},
		{"mismatched section", "{{#parter}}\n{{navn}}\n{{/lejemaal}}", []Problem{
			{1, 1, "sektionen »parter« lukkes aldrig; afslut den med {{/parter}}"},
			{3, 1, "»{{/lejemaal}}« passer ikke til den åbne sektion »parter« fra linje 1; skriv {{/parter}}"}}},
		{"inner section left open", "{{#lejemaal}}{{#moms}}x\n{{/lejemaal}}", []Problem{
			{1, 14, "sektionen »moms« lukkes ikke før »{{/lejemaal}}« i linje 2; afslut den med {{/moms}} først"}}},
		{"close without open", "tekst {{/parter}}", []Problem{
			{1, 7, "»{{/parter}}« lukker en sektion, der ikke er åbnet; åbn den med {{#parter}} eller slet lukningen"}}},
		{"value as condition", "{{#virksomhed.godkendt_dato}}Godkendt {{.}}.{{/virksomhed.godkendt_dato}}{{^lejemaal.moms}}x{{/lejemaal.moms}}", nil},
		{"dot outside a value section", "{{#parter}}{{.}}{{/parter}} {{.}}", []Problem{
			{1, 12, "»{{.}}« kan kun bruges inde i en betinget sektion for en enkelt værdi, fx {{#virksomhed.rsv}}{{.}}{{/virksomhed.rsv}}"},
			{1, 29, "»{{.}}« kan kun bruges inde i en betinget sektion for en enkelt værdi, fx {{#virksomhed.rsv}}{{.}}{{/virksomhed.rsv}}"}}},
		{"unknown section reported once", "{{#partner}}{{navn}}{{/partner}}", []Problem{
			{1, 1, "ukendt flettefelt »partner« — mente du »parter«?"}}},
		{"unclosed tag", "a {{virksomhed.navn}} b\n{{aftale.titel", []Problem{
			{2, 1, "flettefeltet åbnes med »{{« men lukkes aldrig med »}}«"}}},
		{"empty tag", "{{ }}", []Problem{{1, 1, "tomt flettefelt »{{}}«; skriv et feltnavn, fx {{aftale.titel}}"}}},
		{"triple and ampersand", "{{{virksomhed.navn}}} {{& virksomhed.cvr}} {{! en kommentar {{parter}} }}", nil},
		{"partial", "{{> andet}}", []Problem{
			{1, 1, "»{{> andet}}« (at indsætte en anden skabelon) understøttes ikke; skriv teksten ind i skabelonen"}}},
		{"delimiters", "{{=<% %>=}}", []Problem{
			{1, 1, "at skifte skilletegn (»{{=… …=}}«) understøttes ikke; flettefelter skrives altid med {{ }}"}}},
		{"bad dotted name", "{{virksomhed..navn}}", []Problem{
			{1, 1, "»virksomhed..navn« er ikke et gyldigt feltnavn; skriv fx »virksomhed.navn«"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Check(c.template)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Check(%q)\n got %v\nwant %v", c.template, got, c.want)
			}
		})
	}
}

func TestProblemError(t *testing.T) {
	p := Problem{Line: 3, Col: 14, Text: "ukendt flettefelt »x«"}
	if got := p.Error(); got != "3:14: ukendt flettefelt »x«" {
		t.Errorf("Error() = %q", got)
	}
	if got := CheckStrings("ok {{virksomhed.navn}}"); got != nil {
		t.Errorf("CheckStrings(valid) = %v", got)
	}
	if got := CheckStrings("\n {{parter}}"); len(got) != 1 || !strings.HasPrefix(got[0], "2:2: »parter« er en liste") {
		t.Errorf("CheckStrings = %v", got)
	}
}

// Every field of the catalogue can be used where it belongs, and the
// flattened lines' tags check clean in their context.
func TestCatalogueTagsCheck(t *testing.T) {
	lines := CatalogueLines()
	if len(lines) < 60 {
		t.Fatalf("only %d catalogue lines", len(lines))
	}
	var open []string // the list sections around a line, by depth
	for _, l := range lines {
		open = open[:min(len(open), l.Depth)]
		tag := l.Tag
		for i := len(open) - 1; i >= 0; i-- {
			if open[i] != "" {
				tag = "{{#" + open[i] + "}}" + tag + "{{/" + open[i] + "}}"
			}
		}
		if ps := Check(tag); ps != nil {
			t.Errorf("%s: %s: %v", l.Path, tag, ps)
		}
		if l.Description == "" {
			t.Errorf("%s has no description", l.Path)
		}
		name := ""
		if l.Field.List {
			name = l.Tag[len("{{#"):strings.Index(l.Tag, "}}")]
		}
		open = append(open, name)
	}
	if !strings.Contains(HelpText(), "{{virksomhed.navn}}  virksomhedens navn") {
		t.Errorf("HelpText lacks virksomhed.navn:\n%s", HelpText())
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"navn", "navn", 0}, {"nav", "navn", 1}, {"nanv", "navn", 1}, {"vnan", "navn", 2}, {"æøå", "æåø", 1}, {"", "ab", 2},
	} {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestDeeplyNestedSectionsAreRefusedAtOnce: 100.000 nested sections (the
// quadratic case of an earlier Check) give one problem at the first
// section past the limit; a template nested as deep as templates go
// passes.
func TestDeeplyNestedSectionsAreRefusedAtOnce(t *testing.T) {
	deep := strings.Repeat("{{#virksomhed}}\n", 100_000) + strings.Repeat("{{/virksomhed}}\n", 100_000)
	problems := Check(deep)
	if len(problems) != 1 || problems[0].Line != maxSectionDepth+1 ||
		!strings.Contains(problems[0].Text, "indlejret mere end 32 niveauer") {
		t.Fatalf("Check of 100.000 nested sections = %v", problems)
	}
	if _, err := Merge(deep, Facts{}); err == nil {
		t.Error("Merge accepts what Check refuses")
	}
	ok := strings.Repeat("{{#parter}}", 3) + "{{navn}}" + strings.Repeat("{{/parter}}", 3)
	if p := Check(ok); len(p) != 0 {
		t.Errorf("three nested sections: %v", p)
	}
}

func BenchmarkCheckNested(b *testing.B) {
	deep := strings.Repeat("{{#virksomhed}}\n", 100_000) + strings.Repeat("{{/virksomhed}}\n", 100_000)
	for b.Loop() {
		Check(deep)
	}
}
