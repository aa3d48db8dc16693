package agreement

import (
	"context"
	"fmt"
	"slices"

	"partnerskab/data"
)

// shippedBodies are the SHA-256 sums of every text of a default template
// that an earlier release of the program installed, by the template's
// name. A database whose template still holds one of them has the
// program's text, not the caseworker's: the new text may replace it.
// Add the old sum here whenever a file in assets/templates changes.
var shippedBodies = map[string][]string{
	"Partnerskabsaftale af 2. orden": {
		"561e365b83b9b3bf500b45b1b362b21e05fa0b943b165543c27cc8587aab8b55",
		"e66fa9622b4fb3e4cc8d4a973bd673e674ea15dae906f7abe51fdbe2a039e6b7",
	},
	"Samarbejdsaftale (paradigme)": {"be303346983d1a9a6b02c47b4002cabe666043fd0cabe410974cd5b45a0971e3"},
	"Lejeaftale om lokaler":        {"f2ed0c57b697b0a7aa8eebebb2175f7fc25df6a9c133ed7822ade336661036b7"},
}

// OfferedSuffix names the copy of a new default text that is offered next
// to a template the caseworker has edited.
const OfferedSuffix = " (ny standardtekst)"

// DefaultsUpdate says what UpdateDefaultTemplates did, by template name.
type DefaultsUpdate struct {
	Updated []string // got the new text as a new version
	Offered []string // edited by the caseworker: the new text is a template of its own
}

// UpdateDefaultTemplates brings the default templates of an existing
// database up to this release's texts, the way a mature program updates
// what it shipped without touching what the user wrote:
//
//   - a template whose newest version is a text the program shipped gets
//     the new text as a new version (and the new description); the old
//     versions stay, and every agreement keeps the version it was made
//     from, so nothing signed or drafted changes;
//   - a template the caseworker has edited is left as it is, and the new
//     text is offered beside it as a template of its own, named with
//     OfferedSuffix, to compare and copy from; archiving that copy declines
//     it (a deleted copy is offered again at the next start);
//   - an archived, renamed or deleted default is the caseworker's choice
//     and is left alone.
func UpdateDefaultTemplates(ctx context.Context, s *data.Store) (DefaultsUpdate, error) {
	var u DefaultsUpdate
	have, err := s.Templates(ctx, true)
	if err != nil {
		return u, err
	}
	byName := map[string]data.Template{}
	for _, t := range have {
		byName[t.Name] = t
	}
	for _, d := range DefaultTemplates() {
		t, ok := byName[d.Name]
		if !ok || t.Archived() {
			continue
		}
		v, err := s.LatestVersion(ctx, t.ID)
		if err != nil {
			return u, err
		}
		sum := data.BodySHA256(d.Body)
		switch {
		case v.SHA256 == sum:
			if t.Description != d.Description && slices.Contains(shippedDescriptions, t.Description) {
				if _, _, err := s.SaveTemplate(ctx, data.TemplateForm{ID: t.ID, Name: t.Name, Description: d.Description, Body: v.Body}); err != nil {
					return u, err
				}
			}
		case slices.Contains(shippedBodies[d.Name], v.SHA256):
			if _, _, err := s.SaveTemplate(ctx, data.TemplateForm{ID: t.ID, Name: t.Name, Description: d.Description, Body: d.Body}); err != nil {
				return u, fmt.Errorf("standardskabelonen %q: %w", d.Name, err)
			}
			u.Updated = append(u.Updated, d.Name)
		default:
			name := d.Name + OfferedSuffix
			if _, taken := byName[name]; taken {
				continue
			}
			desc := "Programmets nye standardtekst til »" + d.Name + "«. Din egen skabelon er ikke ændret; sammenlign og kopiér det, du vil bruge, og arkivér denne, når du er færdig. " + d.Description
			if _, _, err := s.SaveTemplate(ctx, data.TemplateForm{Name: name, Description: desc, Body: d.Body}); err != nil {
				return u, fmt.Errorf("standardskabelonen %q: %w", d.Name, err)
			}
			u.Offered = append(u.Offered, d.Name)
		}
	}
	return u, nil
}

// shippedDescriptions are the descriptions earlier releases gave the
// default templates: one still in place is replaced by the new one.
var shippedDescriptions = []string{
	"Rammeaftale mellem kommunen, sekretariatet, boligsiden og de socialøkonomiske virksomheder: fælles hensigt, roller, delaftaler, mødeforum, evaluering og opsigelse.",
	"Delaftale mellem én socialøkonomisk virksomhed og én boligsocial helhedsplan: gensidige krav, kontaktpersoner, varighed og opsigelse.",
	"Delaftale om en virksomheds leje af lokaler i fællesarealerne: det lejede, leje og depositum, forbrug, opsigelse og godkendelser.",
}
