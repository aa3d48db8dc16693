package agreement

import "testing"

// FuzzParseMerge: whatever a caseworker types, Check, Merge and Parse never
// panic; every problem points into the text (line and column from 1); and
// a template Check accepts is one Merge can render.
func FuzzParseMerge(f *testing.F) {
	for _, d := range DefaultTemplates() {
		f.Add(d.Body)
	}
	for _, s := range []string{"", "{{", "}}", "{{{x}}", "{{#parter}}{{/lejemaal}}", "{{/a}}", "{{.}}", "{{=<% %>=}}",
		"{{> x}}", "{{#a}}{{#b}}", "| a |\n|---|\n{{#parter}}| {{navn}} |\n{{/parter}}", "{{virksomhed.nav}}", "æ{{ø}}å\r\n{{"} {
		f.Add(s)
	}
	facts := Facts{
		"aftale":     Facts{"titel": "T", "dato": "21. februar 2015"},
		"virksomhed": Facts{"navn": "Bevar *", "godkendt_dato": ""},
		"parter":     []Facts{{"navn": "A", "type": "Kommune"}, {"navn": "B|C"}},
		"lejemaal":   Facts{"lokaler": []Facts{{"navn": "Systue", "areal": "48 m²"}}, "moms": Flag(false)},
		"bemanding":  Facts{"job_planlagt": Count(16)},
	}
	f.Fuzz(func(t *testing.T, template string) {
		problems := Check(template)
		lines := 1
		for _, r := range template {
			if r == '\n' {
				lines++
			}
		}
		for _, p := range problems {
			if p.Line < 1 || p.Col < 1 || p.Line > lines || p.Text == "" {
				t.Errorf("problem %v outside the text (%d lines)", p, lines)
			}
		}
		md, err := Merge(template, facts)
		if len(problems) == 0 && err != nil {
			t.Errorf("Check accepts %q but Merge fails: %v", template, err)
		}
		if len(problems) > 0 && err == nil {
			t.Errorf("Merge accepts %q despite %v", template, problems)
		}
		Parse(md)
	})
}
