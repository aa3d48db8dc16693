package agreement

import (
	"fmt"

	"partnerskab/assets"
)

// DefaultTemplate is one of the templates the program comes with.
type DefaultTemplate struct {
	Name        string
	Description string
	Body        string
}

// defaultTemplates name the files in assets/templates in the order the
// Skabeloner tab lists them.
var defaultTemplates = []struct{ file, name, description string }{
	{"partnerskabsaftale.md", "Partnerskabsaftale af 2. orden",
		"Rammeaftale mellem kommunen, sekretariatet, boligsiden og de socialøkonomiske virksomheder: fælles hensigt, roller, delaftaler, mødeforum, persondata, offentlighed, uenighed, nye parter og tillæg. En hensigtserklæring; delaftalerne binder. Kommunens jurist skal gennemgå teksten, før den bruges."},
	{"samarbejdsaftale.md", "Samarbejdsaftale (paradigme)",
		"Delaftale mellem én socialøkonomisk virksomhed og én boligsocial helhedsplan: gensidige krav, kontaktpersoner, persondata, varighed, opsigelse og uenighed. Kommunens jurist skal gennemgå teksten, før den bruges."},
	{"lejeaftale.md", "Lejeaftale om lokaler",
		"Delaftale om en virksomheds leje af lokaler i fællesarealerne: det lejede, leje og depositum, regulering, forbrug, forsikring, husorden, tilladelser, adgang, fraflytning, opsigelse og godkendelser efter lov om almene boliger. Kommunens jurist skal gennemgå teksten, før den bruges."},
}

// DefaultTemplates returns the templates the program comes with, read from
// the embedded files.
func DefaultTemplates() []DefaultTemplate {
	out := make([]DefaultTemplate, 0, len(defaultTemplates))
	for _, d := range defaultTemplates {
		b, err := assets.Templates.ReadFile("templates/" + d.file)
		if err != nil {
			// The files are embedded at build time; a missing one is a
			// build mistake that the tests catch, never a user's.
			panic(fmt.Sprintf("default template %s: %v", d.file, err))
		}
		out = append(out, DefaultTemplate{Name: d.name, Description: d.description, Body: string(b)})
	}
	return out
}
