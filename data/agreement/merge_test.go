package agreement

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the merged default templates")

// The default templates merged with the demo case's facts, compared with
// testdata/NAME.golden; `go test ./data/agreement -run TestMergeGolden -update`
// rewrites them after a deliberate change (read the diff).
func TestMergeGolden(t *testing.T) {
	_, _, facts := templDemo(t)
	files := map[string]string{
		"Partnerskabsaftale af 2. orden": "partnerskabsaftale",
		"Samarbejdsaftale (paradigme)":   "samarbejdsaftale",
		"Lejeaftale om lokaler":          "lejeaftale",
	}
	defaults := DefaultTemplates()
	if len(defaults) != len(files) {
		t.Fatalf("%d default templates, want %d", len(defaults), len(files))
	}
	for _, d := range defaults {
		t.Run(files[d.Name], func(t *testing.T) {
			if ps := Check(d.Body, decidedCodes(facts)...); ps != nil {
				t.Fatalf("the default template has problems: %v", ps)
			}
			if d.Description == "" {
				t.Error("no description")
			}
			md, err := Merge(d.Body, facts)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", files[d.Name]+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if md != string(want) {
				t.Errorf("merged %s differs from %s:\n%s", d.Name, path, firstDiff(md, string(want)))
			}
			if strings.Contains(md, "{{") || strings.Contains(md, "}}") {
				t.Error("a tag is left in the merged text")
			}
			if strings.Contains(md, "\n\n\n") {
				t.Error("the merged text has runs of blank lines where sections were left out")
			}
		})
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// What a reader would check in the merged partnership agreement: every
// party by name, the 16 jobs, Danish dates.
func TestMergePartnershipContent(t *testing.T) {
	_, _, facts := templDemo(t)
	md, err := Merge(DefaultTemplates()[0].Body, facts)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| **Bevar** | Systue med genbrug", "| **Fra de varme lande** |",
		"| **Sekstanten** |", "| **Slagelse Kommune v/ Center for Arbejdsmarked og Integration** |",
		"| **BoligKorsør v/ Boligsocial helhedsplan Motalavej** |", "| **Slagelse Kommune v/ Jobenheden, Projekt Ringparken og Motalavej** |",
		"op til 16 arbejdspladser", "5–7 gange om året",
		"gælder fra den 1. marts 2015 til og med den 30. september 2017", "i Korsør den 21. februar 2015",
		"lejer Bevar lokaler på i alt 60 m² i Kvarterhuset, Motalavej, 4220 Korsør af BoligKorsør fra den 1. september 2015",
		"- Arbejdspladser i de to socialøkonomiske virksomheder: 16 job inden 31. december 2015",
		"- Partnerskabet i drift inden 31. marts 2016",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("merged partnership agreement lacks %q", want)
		}
	}
}

func TestMergeEscapesValuesAsMarkdown(t *testing.T) {
	facts := Facts{"virksomhed": Facts{"navn": "Bevar & *Co* | A/S", "rolle": "linje 1\nlinje 2"}}
	md, err := Merge("{{virksomhed.navn}}; {{virksomhed.rolle}}; {{{virksomhed.navn}}}", facts)
	if err != nil {
		t.Fatal(err)
	}
	if want := `Bevar & \*Co\* \| A/S; linje 1 linje 2; Bevar & *Co* | A/S`; md != want {
		t.Errorf("Merge = %q, want %q", md, want)
	}
}

func TestMergeValuesAndConditions(t *testing.T) {
	facts := Facts{
		"bemanding": Facts{"job_planlagt": Count(1600), "fleksjobbere": Count(0)},
		"lejemaal":  Facts{"moms": Flag(false), "fremleje": Flag(true)},
	}
	md, err := Merge("{{bemanding.job_planlagt}} job{{#bemanding.fleksjobbere}}, fleks{{/bemanding.fleksjobbere}}."+
		"{{#lejemaal}} moms: {{moms}}{{^moms}} (ingen){{/moms}}{{#fremleje}}, fremleje{{/fremleje}}{{/lejemaal}}", facts)
	if err != nil {
		t.Fatal(err)
	}
	if want := "1.600 job. moms: nej (ingen), fremleje"; md != want {
		t.Errorf("Merge = %q, want %q", md, want)
	}
}

func TestMergeRefusesTemplateWithProblems(t *testing.T) {
	_, err := Merge("Hej {{virksomhed.nav}}", Facts{})
	var te *TemplateError
	if !errors.As(err, &te) || len(te.Problems) != 1 || te.Problems[0].Line != 1 || te.Problems[0].Col != 5 {
		t.Fatalf("Merge = %v, want a TemplateError at 1:5", err)
	}
	if !strings.Contains(err.Error(), "mente du »virksomhed.navn«") {
		t.Errorf("error text %q lacks the suggestion", err)
	}
}
