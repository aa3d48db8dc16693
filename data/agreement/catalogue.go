package agreement

import (
	"strings"

	"partnerskab/data"
)

// Field is one merge field of the template language. Name is one segment
// ("navn"); a field inside a group is written with its group's name in
// front ("virksomhed.navn"), a field of a list item only by its own name
// between the list's section tags ({{#parter}}{{navn}}{{/parter}}).
//
// A field is one of three shapes: a value (no Fields), a group (Fields, not
// List: an object such as "lejemaal"), or a list (List, with the fields of
// each item).
type Field struct {
	Name        string
	Description string
	List        bool
	Fields      []Field
	// Optional is a value that may rightly be empty (an agreement without
	// an end date): merged empty, it is no missing fact.
	Optional bool
}

// Group tells whether the field is a group of fields rather than a value.
func (f Field) Group() bool { return !f.List && len(f.Fields) > 0 }

// field looks up a direct subfield by name.
func (f Field) field(name string) (Field, bool) {
	for _, sub := range f.Fields {
		if sub.Name == name {
			return sub, true
		}
	}
	return Field{}, false
}

// orgFields are the fields every organisation group has (kommune,
// virksomhed, …); kontaktperson is the party's signatory when it has one,
// otherwise its first contact person.
func orgFields(what string, extra ...Field) []Field {
	fs := []Field{
		{Name: "navn", Description: what + "s navn"},
		{Name: "cvr", Description: what + "s CVR-nummer"},
		{Name: "adresse", Description: what + "s adresse på én linje"},
		{Name: "rolle", Description: what + "s rolle i partnerskabet"},
		{Name: "kontaktperson", Description: what + "s kontaktperson (underskriveren, ellers den første kontaktperson)"},
		{Name: "titel", Description: "kontaktpersonens titel"},
		{Name: "part", Description: what + " som part: den juridiske person v/ enheden, fx Slagelse Kommune v/ Center for Arbejdsmarked og Integration"},
		{Name: "juridisk_person", Description: "den juridiske person, " + what + " handler for (overordnet organisation, ellers " + what + " selv)"},
	}
	return append(fs, extra...)
}

// catalogue is built once; Catalogue hands out a copy.
var catalogue = []Field{
	{Name: "aftale", Description: "aftalen selv", Fields: []Field{
		{Name: "titel", Description: "aftalens titel, fx Partnerskabsaftale af 2. orden"},
		{Name: "nummer", Description: "aftalens nummer, fx 2015-001"},
		{Name: "dato", Description: "aftalens dato, fx 21. februar 2015"},
		{Name: "sted", Description: "stedet, aftalen indgås, fx Korsør"},
		{Name: "periode_fra", Description: "aftalen gælder fra, fx 1. marts 2015"},
		{Name: "periode_til", Description: "aftalen gælder til (tom: uden udløb)", Optional: true},
		{Name: "periode", Description: "hele perioden i ord, fx fra 1. marts 2015 til 30. september 2017"},
	}},
	{Name: "kommune", Description: "kommunen blandt parterne", Fields: orgFields("kommunen")},
	{Name: "enhed", Description: "kommunens enhed blandt parterne, fx jobcentret", Fields: orgFields("enheden")},
	{Name: "virksomhed", Description: "den (første) socialøkonomiske virksomhed blandt parterne", Fields: orgFields("virksomheden",
		Field{Name: "rsv", Description: "registreret socialøkonomisk virksomhed: ja, nej eller ukendt"},
		Field{Name: "godkendt_dato", Description: "datoen, helhedsplanens styregruppe godkendte virksomheden (tom: ikke godkendt)", Optional: true},
		Field{Name: "godkendt_reference", Description: "referat eller punkt for styregruppens godkendelse"},
	)},
	{Name: "helhedsplan", Description: "den boligsociale helhedsplan blandt parterne", Fields: orgFields("helhedsplanen")},
	{Name: "boligorganisation", Description: "boligorganisationen blandt parterne", Fields: orgFields("boligorganisationen")},
	{Name: "sekretariat", Description: "sekretariatet for helhedsplanerne blandt parterne", Fields: orgFields("sekretariatet")},
	{Name: "parter", Description: "aftalens parter i den valgte rækkefølge", List: true, Fields: []Field{
		{Name: "navn", Description: "partens navn"},
		{Name: "cvr", Description: "partens CVR-nummer"},
		{Name: "type", Description: "partens art, fx Socialøkonomisk virksomhed"},
		{Name: "rolle", Description: "partens rolle i partnerskabet"},
		{Name: "kontaktperson", Description: "partens kontaktperson"},
		{Name: "titel", Description: "kontaktpersonens titel"},
		{Name: "part", Description: "parten som juridisk person v/ enheden, fx BoligKorsør v/ Boligsocial helhedsplan Motalavej"},
		{Name: "juridisk_person", Description: "den juridiske person, parten handler for"},
	}},
	{Name: "lejemaal", Description: "det valgte lejemål (tomt, når aftalen ikke har et)", Fields: []Field{
		{Name: "udlejer", Description: "udlejers navn"},
		{Name: "udlejer_cvr", Description: "udlejers CVR-nummer"},
		{Name: "udlejer_adresse", Description: "udlejers adresse"},
		{Name: "lejer", Description: "lejers navn"},
		{Name: "lejer_cvr", Description: "lejers CVR-nummer"},
		{Name: "lejer_adresse", Description: "lejers adresse"},
		{Name: "udlejer_part", Description: "udlejer som part: den juridiske person v/ enheden"},
		{Name: "lejer_part", Description: "lejer som part: den juridiske person v/ enheden"},
		{Name: "ejendom", Description: "ejendommen med adresse, fx Kvarterhuset, Motalavej, 4220 Korsør"},
		{Name: "matrikel", Description: "ejendommens matrikelnummer og ejerlav, fx matr.nr. 1234a Korsør Købstads Bygrunde (tom: ikke registreret)", Optional: true},
		{Name: "nettoprisindeks", Description: "ja, når lejen reguleres efter nettoprisindekset"},
		{Name: "regulering", Description: "hvornår lejen reguleres, fx hver 1. januar efter nettoprisindekset (tom: ingen regulering)", Optional: true},
		{Name: "regulering_maaned", Description: "måneden, lejen reguleres i hvert år, fx januar", Optional: true},
		{Name: "lokaler", Description: "de lejede lokaler", List: true, Fields: []Field{
			{Name: "navn", Description: "lokalets navn"},
			{Name: "areal", Description: "lokalets areal, fx 48 m²"},
		}},
		{Name: "samlet_areal", Description: "lokalernes samlede areal, fx 60 m²"},
		{Name: "husleje_pr_m2", Description: "årlig leje pr. m² ekskl. moms, fx 650,00 kr."},
		{Name: "aarlig_husleje", Description: "årlig leje ekskl. moms"},
		{Name: "maanedlig_husleje", Description: "månedlig leje ekskl. moms"},
		{Name: "depositum", Description: "depositum i kroner"},
		{Name: "depositum_maaneder", Description: "depositum i måneders leje, fx 3"},
		{Name: "start", Description: "lejemålets begyndelse, fx 1. september 2015"},
		{Name: "overtagelse", Description: "dagen for overtagelse af lokalerne"},
		{Name: "ophoer", Description: "lejemålets ophør (tom: tidsubegrænset)", Optional: true},
		{Name: "uopsigelig_maaneder", Description: "måneder, lejemålet er uopsigeligt fra begyndelsen"},
		{Name: "varsel_udlejer", Description: "udlejers opsigelsesvarsel i måneder"},
		{Name: "varsel_lejer", Description: "lejers opsigelsesvarsel i måneder"},
		{Name: "forbrug", Description: "betaling for varme, vand og el, fx Aconto"},
		{Name: "forbrug_inkluderet", Description: "ja, når forbrug er inkluderet i lejen"},
		{Name: "forbrug_aconto", Description: "ja, når forbrug betales aconto"},
		{Name: "forbrug_maalt", Description: "ja, når forbrug betales efter lejers egne målere"},
		{Name: "anvendelse", Description: "hvad lokalerne må bruges til"},
		{Name: "moms", Description: "ja, når der betales moms af lejen"},
		{Name: "fremleje", Description: "ja, når fremleje er tilladt"},
		{Name: "delvis_udlejning", Description: "ja, når der er tale om delvis udlejning (kræver datterselskabets godkendelse)"},
		{Name: "mangler_godkendelse", Description: "ja, når en nødvendig godkendelse endnu ikke er givet"},
		{Name: "godkendelser", Description: "godkendelserne af udlejningen", List: true, Fields: []Field{
			{Name: "organ", Description: "hvem der godkender, fx Afdelingsmøde"},
			{Name: "dato", Description: "godkendelsens dato (tom: afventer)", Optional: true},
			{Name: "reference", Description: "referat eller brev"},
		}},
	}},
	{Name: "bemanding", Description: "bemandingen på aftalens dato", Fields: []Field{
		{Name: "job_planlagt", Description: "planlagte arbejdspladser i virksomhederne, fx 16"},
		{Name: "job_besat", Description: "besatte arbejdspladser"},
		{Name: "fleksjobbere", Description: "heraf fleksjobbere"},
		{Name: "beboere", Description: "heraf beboere i området"},
	}},
	{Name: "maal", Description: "partnerskabets mål", List: true, Fields: []Field{
		{Name: "navn", Description: "målets navn"},
		{Name: "maal", Description: "målet, fx 16"},
		{Name: "vaerdi", Description: "den nuværende værdi"},
		{Name: "enhed", Description: "enheden, fx job"},
		{Name: "frist", Description: "fristen (tom: ingen frist)", Optional: true},
		{Name: "milepael", Description: "ja, når målet er en milepæl (nået eller ej) frem for et antal"},
	}},
	{Name: "underskrivere", Description: "underskriverne i underskriftsrækkefølge", List: true, Fields: []Field{
		{Name: "navn", Description: "underskriverens navn"},
		{Name: "titel", Description: "underskriverens titel"},
		{Name: "organisation", Description: "den organisation, underskriveren skriver under for"},
	}},
}

// Catalogue lists the merge fields, in the order the editor and
// `partnerskab help fields` show them. The slice is the caller's own.
func Catalogue() []Field {
	return cloneFields(catalogue)
}

// CatalogueFor is the catalogue with the checklist's decided texts, one
// field afklaring.<code> per item, described by its title: what the editor
// and `help fields` show for a database.
func CatalogueFor(items []data.ChecklistItem) []Field {
	fs := make([]Field, len(items))
	for i, it := range items {
		fs[i] = Field{Name: it.Code, Description: "den besluttede tekst: " + it.Title}
	}
	return catalogueWith(fs)
}

// catalogueWith is the catalogue with the group of decided texts, when the
// checklist has any (a group without fields would read as a value).
func catalogueWith(decided []Field) []Field {
	if len(decided) == 0 {
		return catalogue
	}
	return append(cloneFields(catalogue), Field{Name: data.ChecklistGroup,
		Description: "det, partnerskabet har afklaret (Samarbejde › Afklaringer); tomt, til punktet er afklaret",
		Fields:      decided})
}

// decidedFields are the fields of the decided texts named by code.
func decidedFields(codes []string) []Field {
	fs := make([]Field, len(codes))
	for i, c := range codes {
		fs[i] = Field{Name: c, Description: "den besluttede tekst"}
	}
	return fs
}

func cloneFields(fs []Field) []Field {
	out := make([]Field, len(fs))
	for i, f := range fs {
		out[i] = f
		if f.Fields != nil {
			out[i].Fields = cloneFields(f.Fields)
		}
	}
	return out
}

// CatalogueLine is one line of the catalogue as a flat list, for the
// editor's field list and the help text: Tag is what to write in a
// template to use the field.
type CatalogueLine struct {
	Path        string // "virksomhed.navn", "parter", "parter › navn"
	Tag         string // "{{virksomhed.navn}}", "{{#parter}}…{{/parter}}", "{{navn}}"
	Description string
	Depth       int // 0 for the top level
	Field       Field
}

// CatalogueLines flattens the catalogue, depth first. A value inside a list
// is written with its own name only, so its Tag is "{{navn}}" and its Path
// says which list it belongs to.
func CatalogueLines() []CatalogueLine { return CatalogueLinesOf(catalogue) }

// CatalogueLinesOf flattens the catalogue cat (CatalogueFor's), as CatalogueLines.
func CatalogueLinesOf(cat []Field) []CatalogueLine {
	var out []CatalogueLine
	var walk func(fs []Field, prefix, display string, depth int)
	walk = func(fs []Field, prefix, display string, depth int) {
		for _, f := range fs {
			name := prefix + f.Name
			line := CatalogueLine{Path: display + f.Name, Description: f.Description, Depth: depth, Field: f}
			switch {
			case f.List || f.Group():
				line.Tag = "{{#" + name + "}}…{{/" + name + "}}"
			default:
				line.Tag = "{{" + name + "}}"
			}
			out = append(out, line)
			if f.List {
				walk(f.Fields, "", line.Path+" › ", depth+1)
			} else if f.Group() {
				walk(f.Fields, name+".", name+".", depth+1)
			}
		}
	}
	walk(cat, "", "", 0)
	return out
}

// HelpText is the catalogue as plain text, one field per line, indented by
// depth: `partnerskab help fields` prints it.
func HelpText() string { return HelpTextOf(catalogue) }

// HelpTextOf is HelpText for the catalogue cat (CatalogueFor's).
func HelpTextOf(cat []Field) string {
	var b strings.Builder
	b.WriteString("Flettefelter (Mustache): {{felt}} indsætter en værdi, {{#felt}}…{{/felt}} gentager for hvert\n" +
		"element i en liste eller viser teksten, når feltet har en værdi, og {{^felt}}…{{/felt}} viser teksten,\n" +
		"når feltet er tomt.\n\n")
	for _, l := range CatalogueLinesOf(cat) {
		b.WriteString(strings.Repeat("  ", l.Depth))
		b.WriteString(l.Tag)
		b.WriteString("  ")
		b.WriteString(l.Description)
		b.WriteByte('\n')
	}
	return b.String()
}
