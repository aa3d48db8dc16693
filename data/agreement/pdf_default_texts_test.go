package agreement

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"partnerskab/data"
)

// defaultTextSelections are the demo's parties as a caseworker would pick
// them for each default template: the partnership's six, the model
// agreement's enterprise and helhedsplan, the lease's landlord and tenant.
func defaultTextSelections(t *testing.T, s *data.Store) map[string]Selection {
	t.Helper()
	ctx := context.Background()
	partnership, err := DemoSelection(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.SearchOrganisations(ctx, data.OrgQuery{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]int64{}
	for _, o := range all {
		byName[o.Name] = o.ID
	}
	pair := func(title string, names ...string) Selection {
		sel := partnership
		sel.Title, sel.PartyIDs, sel.SignatoryContactIDs = title, nil, nil
		for _, n := range names {
			sel.PartyIDs = append(sel.PartyIDs, byName[n])
			ks, err := s.Contacts(ctx, byName[n], false)
			if err != nil || len(ks) == 0 {
				t.Fatalf("%s has no contact person: %v", n, err)
			}
			sel.SignatoryContactIDs = append(sel.SignatoryContactIDs, ks[0].ID)
		}
		return sel
	}
	partnership.Title = "Partnerskabsaftale af 2.\u00a0orden"
	return map[string]Selection{
		"Partnerskabsaftale af 2. orden": partnership,
		"Samarbejdsaftale (paradigme)":   pair("Samarbejdsaftale", "Bevar", "Boligsocial helhedsplan Motalavej"),
		"Lejeaftale om lokaler":          pair("Lejeaftale om lokaler", "BoligKorsør", "Bevar"),
	}
}

// The default texts read as a Danish lawyer asked: each PDF, merged with
// the demo's data, holds the clauses that were missing, names the legal
// persons that sign, and has none of the small faults where data meets text.
func TestDefaultTextsPDF(t *testing.T) {
	ctx := context.Background()
	s := demoOn1March(t, true)
	sels := defaultTextSelections(t, s)
	want := map[string][]string{
		"Partnerskabsaftale af 2. orden": {"Aftalen er en hensigtserklæring", "krav på bestemte ydelser, betaling eller erstatning",
			"De bindende forpligtelser indgås i delaftalerne", "dataansvarlig", "databehandleraftale", "offentlighedsloven",
			"aktindsigt", "fortroligt", "Tillæg", "underskrives af den nye part og af de eksisterende parter",
			"kun ændres ved et skriftligt Tillæg, der er underskrevet af alle parter", "styregruppen for Boligsocial helhedsplan Motalavej",
			"statsstøtte", "Afdelingsmøde: godkendt den 27. maj 2015",
			"Aftalen gælder fra den 1. marts 2015 til og med den 30. september 2017",
			"16 job inden 31. december 2015", "Partnerskabet i drift inden 31. marts 2016",
			"For Slagelse Kommune v/ Center for Arbejdsmarked og Integration", "For BoligKorsør v/ Boligsocial helhedsplan Motalavej"},
		"Samarbejdsaftale (paradigme)": {"»virksomheden«", "»helhedsplanen«", "BoligKorsør v/ Boligsocial helhedsplan Motalavej",
			"forelægges den styregruppen for Boligsocial helhedsplan Motalavej", "dataansvarlig", "Tillæg",
			"For BoligKorsør v/ Boligsocial helhedsplan Motalavej", "For Bevar"},
		"Lejeaftale om lokaler": {"nettoprisindeks", "hver 1. januar", "matr.nr. 1234a Korsør Købstads Bygrunde", "Fødevarestyrelsen",
			"erhvervsansvarsforsikring", "husorden", "beboernes brug", "Udlejers adgang", "Fraflytning", "fraflytningsrapport",
			"lov om almene boliger, jf. lovens § 37", "Tillæg", "For BoligKorsør", "Udlejer"},
	}
	never := map[string][]string{
		"Partnerskabsaftale af 2. orden": {"træder i kraft ved underskrift", "1 milepæl", "Lejer"},
		"Samarbejdsaftale (paradigme)":   {"træder i kraft ved underskrift"},
	}
	roleWords := regexp.MustCompile(`(?i)(^|[^\pL])(udlejer|lejer)([^\pL]|$)`)
	money := regexp.MustCompile(`\d[\d.,]*\s*(mio\.\s*)?kr\.`)
	amount := regexp.MustCompile(`^\d{1,3}(\.\d{3})*,\d{2} kr\.$`)
	for _, d := range DefaultTemplates() {
		t.Run(d.Name, func(t *testing.T) {
			tp := findTemplate(t, s, d.Name)
			v, err := s.LatestVersion(ctx, tp.ID)
			if err != nil {
				t.Fatal(err)
			}
			if v.Body != d.Body {
				t.Fatal("the demo's template is not the default text")
			}
			codes, err := s.ChecklistCodes(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if ps := v.Problems(codes...); len(ps) > 0 {
				t.Fatalf("the default template fails the check: %v", ps)
			}
			sel := sels[d.Name]
			sel.Number = ""
			f, missing, err := DraftMissing(ctx, s, v.ID, sel)
			if err != nil {
				t.Fatal(err)
			}
			if len(missing) > 0 {
				t.Errorf("merge fields left empty by the demo: %+v", missing)
			}
			a, err := s.CreateAgreement(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := DocumentFor(ctx, s, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			path := writePDF(t, doc)
			if dir := os.Getenv("PARTNERSKAB_PDF_DIR"); dir != "" {
				b, _ := os.ReadFile(path)
				os.WriteFile(filepath.Join(dir, a.Number+".pdf"), b, 0o644)
			}
			raw := strings.Join(pages(t, path), "\n")
			text := strings.Join(strings.Fields(raw), " ")
			for _, w := range want[d.Name] {
				if !strings.Contains(text, w) {
					t.Errorf("pdftotext lacks %q", w)
				}
			}
			for _, w := range never[d.Name] {
				if strings.Contains(text, w) {
					t.Errorf("pdftotext still has %q", w)
				}
			}
			if d.Name == "Samarbejdsaftale (paradigme)" {
				if m := roleWords.FindString(text); m != "" {
					t.Errorf("the model agreement names a party by the lease's role: %q", m)
				}
			}
			for _, bad := range []string{", inden", "::", ": :", "kontrollér"} { // the law notes stay in the template
				if strings.Contains(text, bad) {
					t.Errorf("pdftotext has %q", bad)
				}
			}
			for _, m := range money.FindAllString(text, -1) {
				if !amount.MatchString(m) && !strings.HasSuffix(m, " m² kr.") {
					t.Errorf("an amount not written 1.700.000,00 kr.: %q", m)
				}
			}
			// "2. orden" is held together by a no-break space: the text has
			// it, and no line of the PDF ends in "2." with "orden" on the next
			// (the font draws it as its space, so pdftotext reads a space).
			if !strings.Contains(a.Body, "2.\u00a0orden") || strings.Contains(a.Body, "2. orden") {
				t.Error("the merged text has \"2. orden\" without its no-break space")
			}
			if m := regexp.MustCompile(`(?m)\b2\.\s*\n\s*orden`).FindString(raw); m != "" {
				t.Errorf("\"2. orden\" is broken across lines: %q", m)
			}
		})
	}
}

// Templates' own texts tell the caseworker that a lawyer reviews them,
// and every clause that states law carries (kontrollér) in a comment.
func TestDefaultTextsAskForTheLawyer(t *testing.T) {
	law := regexp.MustCompile(`(?i)(lov om|loven|§|forordning|artikel \d|art\. \d)`)
	for _, d := range DefaultTemplates() {
		if !strings.Contains(d.Description, "Kommunens jurist skal gennemgå teksten") {
			t.Errorf("%s: the description does not ask for the municipality's lawyer", d.Name)
		}
		first, _, _ := strings.Cut(d.Body, "\n")
		if !strings.Contains(first, "kommunens jurist") {
			t.Errorf("%s: the template's opening comment does not ask for the lawyer", d.Name)
		}
		if n := strings.Count(d.Body, "{{! (kontrollér)"); n < 2 {
			t.Errorf("%s: %d (kontrollér) comments", d.Name, n)
		}
		// A section that states law has a (kontrollér) comment in it.
		for _, sec := range strings.Split(d.Body, "\n## ")[1:] {
			head, body, _ := strings.Cut(sec, "\n")
			plain := regexp.MustCompile(`\{\{!.*?\}\}`).ReplaceAllString(body, "")
			if law.MatchString(plain) && !strings.Contains(body, "(kontrollér)") && !lawOnlyNamed(plain) {
				t.Errorf("%s: section %q states law without a (kontrollér) comment", d.Name, head)
			}
		}
	}
}

// lawOnlyNamed tells a section that only refers to the rules by name
// ("efter reglerne i lov om almene boliger") from one that states them.
func lawOnlyNamed(s string) bool {
	s = regexp.MustCompile(`(?i)(efter |med respekt for |i øvrigt )?(reglerne i )?lov om (almene boliger|leje af erhvervslokaler m\.v\.)`).ReplaceAllString(s, "")
	return !regexp.MustCompile(`(?i)(lov om|loven|§|forordning|artikel \d|art\. \d)`).MatchString(s)
}
