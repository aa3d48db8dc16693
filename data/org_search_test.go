package data

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// searchOrganisationsByWalk is the search as it was before the trigram
// index: every organisation's search text read in list order.
func searchOrganisationsByWalk(t *testing.T, s *Store, q OrgQuery) []Organisation {
	t.Helper()
	where, args := q.where()
	got, err := queryAll(context.Background(), s.db, scanOrganisation, "SELECT "+orgColumns+orgFrom+" WHERE "+where+
		" ORDER BY o.sort_key, o.id LIMIT ? OFFSET ?", append(args, q.Limit, q.Offset)...)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func orgIDNames(os []Organisation) string {
	var b strings.Builder
	for _, o := range os {
		fmt.Fprintf(&b, "%d %s|", o.ID, o.Name)
	}
	return b.String()
}

// checkOrgSearchMatchesWalk searches for pieces of every organisation's
// name, city and CVR number (and for what nothing holds) and compares
// with the walk: same organisations, same Danish order.
func checkOrgSearchMatchesWalk(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	all, err := s.SearchOrganisations(ctx, OrgQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"xyzzy", "køkken korsør", `"a`, "ø", "ab"}
	for _, o := range all {
		for _, field := range []string{o.Name, o.City, o.CVR} {
			r := []rune(field)
			for i := 0; i+3 <= len(r); i += 2 {
				texts = append(texts, string(r[i:min(i+3+i%4, len(r))]))
			}
		}
		if w := strings.Fields(o.Name); len(w) > 1 {
			texts = append(texts, w[len(w)-1]+" "+w[0])
		}
	}
	for _, text := range texts {
		if utf8.RuneCountInString(strings.TrimSpace(text)) == 0 {
			continue
		}
		for _, q := range []OrgQuery{{Text: text, Limit: 100}, {Text: text, Limit: 3, Offset: 2},
			{Text: text, Archived: true, Limit: 100}, {Text: text, Kind: KindMunicipalUnit, Limit: 100}} {
			got, err := s.SearchOrganisations(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if want := searchOrganisationsByWalk(t, s, q); orgIDNames(got) != orgIDNames(want) {
				t.Fatalf("SearchOrganisations(%+v):\n got %s\nwant %s", q, orgIDNames(got), orgIDNames(want))
			}
		}
	}
}

// The trigram index finds exactly what reading every organisation finds,
// also after renames (the index follows the search text), archiving and new
// organisations.
func TestOrgSearchByIndexMatchesTheWalk(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	for _, name := range []string{"Åbyhøj Værksted", "Aabenraa Café", "Ærø Køkken", "Zebra Køkken Korsør", "Øster Syning"} {
		mustSaveOrg(t, s, OrganisationForm{Name: name, Kind: "virksomhed", City: "Korsør"})
	}
	checkOrgSearchMatchesWalk(t, s)
	orgs, err := s.SearchOrganisations(ctx, OrgQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range orgs[:6] {
		f := o.Form()
		f.Name = fmt.Sprintf("Omdøbt %c%d Køkken", 'Æ'+rune(i%3), i)
		f.City = "Slagelse"
		mustSaveOrg(t, s, f)
	}
	if err := s.ArchiveOrganisation(ctx, orgs[7].ID); err != nil {
		t.Fatal(err)
	}
	checkOrgSearchMatchesWalk(t, s)
	var stale int
	if err := s.DB().QueryRow(`SELECT count(*) FROM organisation_search WHERE organisation_search MATCH ?`,
		trigramMatch("Omdøbt")).Scan(&stale); err != nil || stale != 6 {
		t.Errorf("the index finds %d renamed organisations (%v), want 6", stale, err)
	}
}
