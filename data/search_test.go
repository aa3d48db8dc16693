package data

import (
	"context"
	"slices"
	"strings"
	"testing"

	"partnerskab/data/dk"
)

// searchFixture holds organisations whose names test Danish order: Æ, Ø, Å
// after Z, and "Aa" read as "Å".
func searchFixture(t *testing.T) *Store {
	t.Helper()
	s := MustOpenDB(t)
	// Kind "andet" (label "Andet") keeps æøå out of the searchable kind label,
	// so a search for "ø" matches names only.
	for _, f := range []OrganisationForm{
		{Name: "Århus Værksted", Kind: "andet", City: "Aarhus"},
		{Name: "Zebra ApS", Kind: "andet", CVR: "13748136"},
		{Name: "Ærø Café", Kind: "andet"},
		{Name: "Øster Systue", Kind: "andet"},
		{Name: "Aabenraa Kantine", Kind: "andet"},
		{Name: "Bevar", Kind: "virksomhed", City: "Korsør"},
	} {
		mustSaveOrg(t, s, f)
	}
	return s
}

func TestSearchDanishOrder(t *testing.T) {
	ctx := context.Background()
	s := searchFixture(t)
	got, err := s.SearchOrganisations(ctx, OrgQuery{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Bevar", "Zebra ApS", "Ærø Café", "Øster Systue", "Aabenraa Kantine", "Århus Værksted"}
	if names := orgNames(got); !slices.Equal(names, want) {
		t.Errorf("order = %q\nwant    %q", names, want)
	}
	// The list agrees with the collation the rest of the program uses.
	sorted := slices.Clone(want)
	slices.Reverse(sorted)
	dk.Sort(sorted)
	if !slices.Equal(sorted, want) {
		t.Errorf("dk.Sort = %q; the expectation disagrees with the collation", sorted)
	}
	if dk.Compare("Aabenraa Kantine", "Øster Systue") <= 0 {
		t.Errorf(`dk.Compare puts "Aa" before "Ø"; Danish reads "Aa" as "Å"`)
	}
}

func TestSearchText(t *testing.T) {
	ctx := context.Background()
	s := searchFixture(t)
	tests := []struct {
		text string
		want []string
	}{
		{"ø", []string{"Bevar", "Ærø Café", "Øster Systue"}}, // Bevar: Korsør
		{"Ø", []string{"Bevar", "Ærø Café", "Øster Systue"}},
		{"øster", []string{"Øster Systue"}},
		{"ØSTER SYS", []string{"Øster Systue"}},
		{"ærø", []string{"Ærø Café"}},
		{"ÆRØ CAFÉ", []string{"Ærø Café"}},
		{"århus", []string{"Århus Værksted"}},
		{"  værksted  ", []string{"Århus Værksted"}},
		{"1374", []string{"Zebra ApS"}}, // CVR digits
		{"13748136", []string{"Zebra ApS"}},
		{"korsør", []string{"Bevar"}},                          // city
		{"socialøkonomisk", []string{"Bevar"}},                 // kind label
		{"aa", []string{"Aabenraa Kantine", "Århus Værksted"}}, // "Aarhus" is Århus's city
		{"systue café", nil},                                   // every word must match
		{"xyz", nil},
		{"", []string{"Bevar", "Zebra ApS", "Ærø Café", "Øster Systue", "Aabenraa Kantine", "Århus Værksted"}},
	}
	for _, tt := range tests {
		got, err := s.SearchOrganisations(ctx, OrgQuery{Text: tt.text})
		if err != nil {
			t.Fatalf("%q: %v", tt.text, err)
		}
		if names := orgNames(got); !slices.Equal(names, tt.want) {
			t.Errorf("search %q = %q, want %q", tt.text, names, tt.want)
		}
	}
}

func TestSearchDecomposedInput(t *testing.T) {
	// "ø" typed on a Mac may arrive as "o" + combining stroke; "å" as "a" +
	// combining ring. Both are folded to the composed form.
	ctx := context.Background()
	s := searchFixture(t)
	got, err := s.SearchOrganisations(ctx, OrgQuery{Text: "a\u030arhus"})
	if err != nil {
		t.Fatal(err)
	}
	if names := orgNames(got); !slices.Equal(names, []string{"Århus Værksted"}) {
		t.Errorf("search for decomposed å = %q", names)
	}
}

func TestSearchKindFilter(t *testing.T) {
	ctx := context.Background()
	s := searchFixture(t)
	mustSaveOrg(t, s, OrganisationForm{Name: "Fra de varme lande", Kind: "virksomhed"})
	mustSaveOrg(t, s, OrganisationForm{Name: "Sekstanten", Kind: "sekretariat"})
	tests := []struct {
		q    OrgQuery
		want []string
	}{
		{OrgQuery{Kind: KindEnterprise}, []string{"Bevar", "Fra de varme lande"}},
		{OrgQuery{Kind: KindSecretariat}, []string{"Sekstanten"}},
		{OrgQuery{Kind: KindMunicipality}, nil},
		{OrgQuery{Kind: KindEnterprise, Text: "varme"}, []string{"Fra de varme lande"}},
		{OrgQuery{Kind: KindOtherOrg, Text: "ø"}, []string{"Ærø Café", "Øster Systue"}},
	}
	for _, tt := range tests {
		got, err := s.SearchOrganisations(ctx, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if names := orgNames(got); !slices.Equal(names, tt.want) {
			t.Errorf("%+v = %q, want %q", tt.q, names, tt.want)
		}
	}
}

func TestSearchPaging(t *testing.T) {
	ctx := context.Background()
	s := searchFixture(t)
	all, err := s.SearchOrganisations(ctx, OrgQuery{})
	if err != nil || len(all) != 6 {
		t.Fatalf("all = %d, %v", len(all), err)
	}
	var paged []string
	for offset := 0; offset < 8; offset += 2 {
		page, err := s.SearchOrganisations(ctx, OrgQuery{Limit: 2, Offset: offset})
		if err != nil {
			t.Fatal(err)
		}
		wantLen := min(2, max(0, 6-offset))
		if len(page) != wantLen {
			t.Errorf("page at offset %d has %d rows, want %d", offset, len(page), wantLen)
		}
		paged = append(paged, orgNames(page)...)
	}
	if !slices.Equal(paged, orgNames(all)) {
		t.Errorf("pages = %q, want %q", paged, orgNames(all))
	}
	// Limit 0 means the default page of 100, not "nothing".
	many := MustOpenDB(t)
	for i := range 105 {
		mustSaveOrg(t, many, OrganisationForm{Name: "Forening " + string(rune('A'+i%26)) + string(rune('a'+i/26)), Kind: "andet"})
	}
	got, err := many.SearchOrganisations(ctx, OrgQuery{})
	if err != nil || len(got) != 100 {
		t.Errorf("default limit: %d rows, %v; want 100", len(got), err)
	}
	got, err = many.SearchOrganisations(ctx, OrgQuery{Offset: 100})
	if err != nil || len(got) != 5 {
		t.Errorf("offset 100: %d rows, %v; want 5", len(got), err)
	}
}

// What a caseworker types finds what is stored, however either spells
// æ, ø, å and accents: "vaerk" the rooms of Værksted kind, "cafe" the
// Café, "køk" and "koek" the kitchen, a position's title by its digraphs.
func TestSearchFindsTheDigraphsAndTheAccents(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	for q, want := range map[string]string{"vaerk": "Systue", "cafe": "Café", "koek": "Køkken", "køk": "Køkken", "moedelok": "Mødelokale"} {
		rooms, err := s.SearchRooms(ctx, RoomQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rooms {
			found = found || r.Name == want
		}
		if !found {
			t.Errorf("%q finds %d rooms, not %s", q, len(rooms), want)
		}
	}
	orgs, err := s.SearchOrganisations(ctx, OrgQuery{Text: "boligkorsoer"})
	if err != nil || len(orgs) != 1 || orgs[0].Name != "BoligKorsør" {
		t.Errorf("»boligkorsoer« finds %v (%v)", orgs, err)
	}
	ps, err := s.Positions(ctx, PositionQuery{Text: "koekken"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if !strings.Contains(strings.ToLower(p.Title+" "+p.OrganisationName), "køk") && !strings.Contains(p.OrganisationName, "varme") {
			t.Errorf("»koekken« finds the position %q of %s", p.Title, p.OrganisationName)
		}
	}
}

// A file written with the folding before this one has its search texts
// folded anew when it is opened; a signed agreement is left as signed and
// still found.
func TestStoredSearchTextsAreFoldedAnewOnOpen(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	if _, err := s.DB().Exec(`UPDATE rooms SET search_text = 'systue kvarterhuset værksted' WHERE name = 'Systue'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`UPDATE settings SET value = 'nfc-lower' WHERE key = 'fold_version'`); err != nil {
		t.Fatal(err)
	}
	s2 := reopen(t, s)
	var text string
	if err := s2.DB().QueryRow(`SELECT search_text FROM rooms WHERE name = 'Systue'`).Scan(&text); err != nil || text != "systue kvarterhuset vaerksted" {
		t.Errorf("search text after open: %q (%v)", text, err)
	}
	if rooms, _ := s2.SearchRooms(ctx, RoomQuery{Text: "vaerk"}); len(rooms) == 0 {
		t.Error("»vaerk« finds nothing after the file was opened")
	}
}
