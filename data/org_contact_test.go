package data

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

func TestSaveContact(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	org := mustSaveOrg(t, s, OrganisationForm{Name: "Sekstanten", Kind: "sekretariat"})
	k, err := s.SaveContact(ctx, ContactForm{OrganisationID: org.ID, Name: " Jens Aagaard ", Title: "Sekretariatsleder",
		Email: "jens.aagaard@example.dk", Phone: "+45 58 57 00 03", Role: "Projektleder", ValidFrom: "1.1.2015", ValidTo: "31-12-2016"})
	if err != nil {
		t.Fatalf("SaveContact: %v", err)
	}
	want := Contact{ID: k.ID, OrganisationID: org.ID, Name: "Jens Aagaard", Title: "Sekretariatsleder",
		Email: "jens.aagaard@example.dk", Phone: "+45 58 57 00 03", Role: "Projektleder",
		ValidFrom: time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC), ValidTo: time.Date(2016, 12, 31, 0, 0, 0, 0, time.UTC)}
	if k != want {
		t.Errorf("stored contact\n got %+v\nwant %+v", k, want)
	}
	var from, to string
	if err := s.DB().QueryRow("SELECT valid_from, valid_to FROM contacts WHERE id = ?", k.ID).Scan(&from, &to); err != nil {
		t.Fatal(err)
	}
	if from != "2015-01-01" || to != "2016-12-31" {
		t.Errorf("stored dates %q, %q", from, to)
	}
	// Edit keeps the record.
	f := k.Form()
	if f.ValidFrom != "1.1.2015" || f.ValidTo != "31.12.2016" {
		t.Errorf("Form dates %q, %q", f.ValidFrom, f.ValidTo)
	}
	f.Title = "Sekretariatschef"
	if _, err := s.SaveContact(ctx, f); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "contacts"); n != 1 {
		t.Errorf("%d contacts after edit, want 1", n)
	}
	if got := eventKinds(t, s, "kontaktperson", k.ID); !slices.Equal(got, []string{"oprettet", "ændret"}) {
		t.Errorf("events = %q", got)
	}
}

func TestSaveContactRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	org := mustSaveOrg(t, s, OrganisationForm{Name: "Sekstanten", Kind: "sekretariat"})
	existing, err := s.SaveContact(ctx, ContactForm{OrganisationID: org.ID, Name: "Sofie Krogh", Email: "sofie@example.dk"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		edit  func(*ContactForm)
		field string
		texts []string
	}{
		{"e-mail without @", func(f *ContactForm) { f.Email = "sofie.example.dk" }, "Email", []string{"ikke en gyldig e-mailadresse", "sofie.example.dk"}},
		{"e-mail with a name", func(f *ContactForm) { f.Email = "Sofie <sofie@example.dk>" }, "Email", []string{"ikke en gyldig e-mailadresse"}},
		{"to before from", func(f *ContactForm) { f.ValidFrom = "1.3.2015"; f.ValidTo = "28.2.2015" }, "ValidTo", []string{"før fra-datoen", "28.2.2015", "1.3.2015"}},
		{"from date that does not exist", func(f *ContactForm) { f.ValidFrom = "31.2.2015" }, "ValidFrom", []string{"datoen findes ikke"}},
		{"to date that does not exist", func(f *ContactForm) { f.ValidTo = "29.2.2015" }, "ValidTo", []string{"datoen findes ikke"}},
		{"date gibberish", func(f *ContactForm) { f.ValidFrom = "næste uge" }, "ValidFrom", []string{"ukendt datoformat"}},
		{"phone", func(f *ContactForm) { f.Phone = "ring til receptionen" }, "Phone", []string{"ikke et telefonnummer"}},
		{"no name", func(f *ContactForm) { f.Name = "" }, "Name", []string{"skal udfyldes"}},
		{"CPR in notes", func(f *ContactForm) { f.Notes = "cpr 241275-1234" }, "Notes", []string{"CPR-numre må ikke gemmes"}},
		{"CPR in title", func(f *ContactForm) { f.Title = "2412751234" }, "Title", []string{"CPR-numre må ikke gemmes"}},
		{"no organisation", func(f *ContactForm) { f.OrganisationID = 0 }, "OrganisationID", []string{"vælg organisationen"}},
		{"missing organisation", func(f *ContactForm) { f.OrganisationID = 999 }, "OrganisationID", []string{"findes ikke"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshotCounts(t, s)
			for _, f := range []ContactForm{{OrganisationID: org.ID, Name: "Ny person"}, existing.Form()} {
				tt.edit(&f)
				_, err := s.SaveContact(ctx, f)
				wantFieldError(t, err, tt.field, tt.texts...)
			}
			sameCounts(t, before, snapshotCounts(t, s))
			if got, err := s.Contact(ctx, existing.ID); err != nil || got != existing {
				t.Errorf("existing contact changed: %+v, %v", got, err)
			}
		})
	}
	// Same day for from and to is fine.
	if _, err := s.SaveContact(ctx, ContactForm{OrganisationID: org.ID, Name: "Dagsgæst", ValidFrom: "1.3.2015", ValidTo: "01.03.2015"}); err != nil {
		t.Errorf("from = to refused: %v", err)
	}
}

func TestContactsArchiveAndOrder(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	org := mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed"})
	other := mustSaveOrg(t, s, OrganisationForm{Name: "Sekstanten", Kind: "sekretariat"})
	ids := map[string]int64{}
	for _, name := range []string{"Åse Holm", "Øjvind Lund", "Bo Berg", "Ærling Dam", "Aage Kruse", "Zenia Bak"} {
		k, err := s.SaveContact(ctx, ContactForm{OrganisationID: org.ID, Name: name})
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = k.ID
	}
	if _, err := s.SaveContact(ctx, ContactForm{OrganisationID: other.ID, Name: "Anden Person"}); err != nil {
		t.Fatal(err)
	}
	names := func(withArchived bool) []string {
		t.Helper()
		ks, err := s.Contacts(ctx, org.ID, withArchived)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, k := range ks {
			out = append(out, k.Name)
		}
		return out
	}
	// Danish order; "Aage" reads as "Åge", before "Åse".
	want := []string{"Bo Berg", "Zenia Bak", "Ærling Dam", "Øjvind Lund", "Aage Kruse", "Åse Holm"}
	if got := names(false); !slices.Equal(got, want) {
		t.Errorf("Contacts = %q\nwant       %q", got, want)
	}
	if err := s.ArchiveContact(ctx, ids["Ærling Dam"]); err != nil {
		t.Fatal(err)
	}
	if got := names(false); slices.Contains(got, "Ærling Dam") || len(got) != 5 {
		t.Errorf("after archive: %q", got)
	}
	// With archived ones, they come last.
	if got := names(true); !slices.Equal(got, []string{"Bo Berg", "Zenia Bak", "Øjvind Lund", "Aage Kruse", "Åse Holm", "Ærling Dam"}) {
		t.Errorf("with archived: %q", got)
	}
	k, err := s.Contact(ctx, ids["Ærling Dam"])
	if err != nil || !k.Archived() {
		t.Errorf("archived contact = %+v, %v", k, err)
	}
	if err := s.RestoreContact(ctx, ids["Ærling Dam"]); err != nil {
		t.Fatal(err)
	}
	if got := names(false); !slices.Equal(got, want) {
		t.Errorf("after restore: %q", got)
	}
	if got := eventKinds(t, s, "kontaktperson", ids["Ærling Dam"]); !slices.Equal(got, []string{"oprettet", "arkiveret", "genskabt"}) {
		t.Errorf("events = %q", got)
	}
	if err := s.ArchiveContact(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("archive of missing contact = %v, want ErrNotFound", err)
	}
}
