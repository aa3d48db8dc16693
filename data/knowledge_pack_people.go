package data

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"partnerskab/data/dk"
)

// A package leaves the installation for another housing area, so it must
// not name anybody: before it is written, every text in it is searched for
// the contact people's names, e-mails and phone numbers, the placements'
// initials and pseudonyms, and anything like a CPR number.

// personNeedle is something that identifies a person, and what it is.
type personNeedle struct{ text, what string }

// packPeople are the contact people's names, e-mails and phone numbers
// and the placements' pseudonyms: none of them may be in a package.
func (s *Store) packPeople(ctx context.Context) ([]personNeedle, error) {
	var out []personNeedle
	rows, err := s.db.QueryContext(ctx, `SELECT name, email, phone FROM contacts`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name, email, phone string
		if err := rows.Scan(&name, &email, &phone); err != nil {
			return nil, err
		}
		out = append(out, personNeedle{name, "en kontaktpersons navn"}, personNeedle{email, "en kontaktpersons e-mail"},
			personNeedle{phone, "en kontaktpersons telefonnummer"})
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	prows, err := s.db.QueryContext(ctx, `SELECT pseudonym FROM placements WHERE anonymised_at IS NULL`)
	if err != nil {
		return nil, err
	}
	defer prows.Close()
	for prows.Next() {
		var p string
		if err := prows.Scan(&p); err != nil {
			return nil, err
		}
		out = append(out, personNeedle{p, "en placerets initialer eller pseudonym"})
	}
	return out, prows.Err()
}

// checkPackPeople refuses a package whose texts name a person of this
// database or hold something like a CPR number, naming the text to mend.
func (s *Store) checkPackPeople(ctx context.Context, p *KnowledgePack) error {
	needles, err := s.packPeople(ctx)
	if err != nil {
		return err
	}
	check := func(where, text string) error {
		if _, found := dk.FindCPR(text); found {
			return fmt.Errorf("videndelingspakken kan ikke laves: %s indeholder noget, der ligner et CPR-nummer; ret teksten først", where)
		}
		folded := dk.Fold(text)
		for _, n := range needles {
			if containsWord(folded, dk.Fold(n.text)) {
				return fmt.Errorf("videndelingspakken kan ikke laves: %s nævner %s (%s); ret teksten, så pakken ikke indeholder persondata",
					where, n.what, n.text)
			}
		}
		return nil
	}
	for _, t := range p.Templates {
		if err := check(fmt.Sprintf("skabelonen »%s«", t.Name), t.Name+"\n"+t.Description); err != nil {
			return err
		}
		for _, v := range t.Versions {
			if err := check(fmt.Sprintf("skabelonen »%s« (version %d)", t.Name, v.Version), v.Body); err != nil {
				return err
			}
		}
	}
	for _, c := range p.Checklist {
		if err := check(fmt.Sprintf("tjeklistepunktet »%s«", c.Title), c.Title+"\n"+c.Description+"\n"+c.Decision); err != nil {
			return err
		}
	}
	for _, sc := range p.Lists.Schemes {
		if err := check(fmt.Sprintf("ordningen »%s«", sc.Name), sc.Name); err != nil {
			return err
		}
	}
	for _, g := range p.Lists.TargetGroups {
		if err := check(fmt.Sprintf("målgruppen »%s«", g), g); err != nil {
			return err
		}
	}
	for _, g := range p.Goals {
		if err := check(fmt.Sprintf("målet »%s«", g.Name), g.Name+"\n"+g.Unit+"\n"+g.Notes); err != nil {
			return err
		}
	}
	return check("området", p.Manifest.SourceArea)
}

// containsWord tells whether needle occurs in haystack with no letter or
// digit right before or after it, so that the initials "A.B." are found
// but "Kok 2" is not found in "Kok 20".
func containsWord(haystack, needle string) bool {
	needle = strings.TrimSpace(needle)
	if needle == "" {
		return false
	}
	wordy := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for from := 0; ; {
		i := strings.Index(haystack[from:], needle)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(needle)
		before, after := ' ', ' '
		if i > 0 {
			before = lastRune(haystack[:i])
		}
		if j < len(haystack) {
			after = []rune(haystack[j:])[0]
		}
		first, last := []rune(needle)[0], lastRune(needle)
		if (!wordy(first) || !wordy(before)) && (!wordy(last) || !wordy(after)) {
			return true
		}
		from = i + 1
	}
}

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}
