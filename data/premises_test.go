package data

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// mustSavePremises saves a valid premises form and fails the test otherwise.
func mustSavePremises(tb testing.TB, s *Store, f PremisesForm) Premises {
	tb.Helper()
	p, err := s.SavePremises(context.Background(), f)
	if err != nil {
		tb.Fatalf("SavePremises(%q): %v", f.Name, err)
	}
	return p
}

// mustSaveRoom saves a valid room form and fails the test otherwise.
func mustSaveRoom(tb testing.TB, s *Store, f RoomForm) Room {
	tb.Helper()
	r, err := s.SaveRoom(context.Background(), f)
	if err != nil {
		tb.Fatalf("SaveRoom(%q): %v", f.Name, err)
	}
	return r
}

// demoRoom finds a room of the demo by name.
func demoRoom(tb testing.TB, s *Store, name string) Room {
	tb.Helper()
	var id int64
	if err := s.DB().QueryRow("SELECT id FROM rooms WHERE name = ?", name).Scan(&id); err != nil {
		tb.Fatalf("room %q: %v", name, err)
	}
	r, err := s.Room(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func TestSavePremisesAndRooms(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	owner := mustSaveOrg(t, s, OrganisationForm{Name: "BoligKorsør", Kind: "boligorganisation"})
	p := mustSavePremises(t, s, PremisesForm{Name: " Kvarterhuset ", Address: "Motalavej 2", Postcode: "4220",
		City: "Korsør", OwnerID: owner.ID})
	if p.Name != "Kvarterhuset" || p.OwnerName != "BoligKorsør" || p.Postcode != "4220" {
		t.Errorf("saved %+v", p)
	}
	r := mustSaveRoom(t, s, RoomForm{PremisesID: p.ID, Name: "Systue", Area: "48,5", Kind: "Værksted", Shared: "nej"})
	if r.AreaM2 != 48.5 || r.Kind != RoomWorkshop || r.Shared || r.PremisesName != "Kvarterhuset" {
		t.Errorf("saved room %+v", r)
	}
	if r.Label() != "Kvarterhuset · Systue (48,5 m²)" {
		t.Errorf("label %q", r.Label())
	}
	mustSaveRoom(t, s, RoomForm{PremisesID: p.ID, Name: "Mødelokale", Area: "25", Kind: "moedelokale", Shared: "ja"})
	p, err := s.Premises(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.RoomCount != 2 || p.AreaM2 != 73.5 {
		t.Errorf("premises count %d area %v, want 2 and 73,5", p.RoomCount, p.AreaM2)
	}
	if got := eventKinds(t, s, "lokale", r.ID); len(got) != 1 || got[0] != "oprettet" {
		t.Errorf("room events %v", got)
	}
	// The form round-trips.
	again, err := r.Form().Parse()
	if err != nil || again.AreaM2 != 48.5 || again.Kind != RoomWorkshop {
		t.Errorf("Form().Parse() = %+v, %v", again, err)
	}
}

func TestBadRoomsAndPremisesAreRefused(t *testing.T) {
	s := mustDemo(t)
	house := demoRoom(t, s, "Systue").PremisesID
	tests := []struct {
		name  string
		form  RoomForm
		field string
		text  string
	}{
		{"negative area", RoomForm{PremisesID: house, Name: "Depot", Area: "-12"}, "Area", "større end 0"},
		{"zero area", RoomForm{PremisesID: house, Name: "Depot", Area: "0"}, "Area", "større end 0"},
		{"area with two commas", RoomForm{PremisesID: house, Name: "Depot", Area: "12,3,4"}, "Area", "ugyldigt tal (12,3,4)"},
		{"area missing", RoomForm{PremisesID: house, Name: "Depot"}, "Area", "skriv arealet"},
		{"ambiguous area", RoomForm{PremisesID: house, Name: "Depot", Area: "1.234"}, "Area", "tvetydigt"},
		{"no name", RoomForm{PremisesID: house, Area: "10"}, "Name", "skal udfyldes"},
		{"no premises", RoomForm{Name: "Depot", Area: "10"}, "PremisesID", "vælg ejendommen"},
		{"unknown kind", RoomForm{PremisesID: house, Name: "Depot", Area: "10", Kind: "kælder"}, "Kind", "ukendt type (kælder)"},
		{"shared maybe", RoomForm{PremisesID: house, Name: "Depot", Area: "10", Shared: "måske"}, "Shared", "ja eller nej"},
		{"CPR in notes", RoomForm{PremisesID: house, Name: "Depot", Area: "10", Notes: "nøgle hos 010203-1234"}, "Notes", "CPR"},
		{"same name in the same premises", RoomForm{PremisesID: house, Name: "systue", Area: "10"}, "Name",
			"allerede et lokale med navnet systue i Kvarterhuset"},
		{"premises that do not exist", RoomForm{PremisesID: 999, Name: "Depot", Area: "10"}, "PremisesID", "findes ikke"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshotCounts(t, s)
			_, err := s.SaveRoom(context.Background(), tt.form)
			wantFieldError(t, err, tt.field, tt.text)
			sameCounts(t, before, snapshotCounts(t, s))
		})
	}
	for name, f := range map[string]PremisesForm{
		"postcode": {Name: "Remisen", Postcode: "42200"},
		"name":     {Name: "  "},
		"twin":     {Name: "KVARTERHUSET"},
	} {
		before := snapshotCounts(t, s)
		_, err := s.SavePremises(context.Background(), f)
		switch name {
		case "postcode":
			wantFieldError(t, err, "Postcode", "4 cifre (42200)")
		case "name":
			wantFieldError(t, err, "Name", "skal udfyldes")
		case "twin":
			wantFieldError(t, err, "Name", "allerede en ejendom med navnet KVARTERHUSET")
		}
		sameCounts(t, before, snapshotCounts(t, s))
	}
}

func TestNoNewRoomInArchivedPremises(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	house := demoRoom(t, s, "Systue").PremisesID
	if err := s.ArchivePremises(ctx, house); err != nil {
		t.Fatal(err)
	}
	_, err := s.SaveRoom(ctx, RoomForm{PremisesID: house, Name: "Depot", Area: "8"})
	wantFieldError(t, err, "PremisesID", "Kvarterhuset er arkiveret")
	if err := s.RestorePremises(ctx, house); err != nil {
		t.Fatal(err)
	}
	mustSaveRoom(t, s, RoomForm{PremisesID: house, Name: "Depot", Area: "8"})
}

// The rooms list groups rooms under their premises, both in Danish order,
// and searches room, premises, kind, address and city.
func TestPremisesRowsGroupAndSearch(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	aa := mustSavePremises(t, s, PremisesForm{Name: "Åhuset", City: "Korsør"})
	zz := mustSavePremises(t, s, PremisesForm{Name: "Zonen", Address: "Ringparken 3", City: "Slagelse"})
	mustSaveRoom(t, s, RoomForm{PremisesID: aa.ID, Name: "Værksted", Area: "30", Kind: "vaerksted"})
	mustSaveRoom(t, s, RoomForm{PremisesID: zz.ID, Name: "Ølstue", Area: "20"})
	mustSaveRoom(t, s, RoomForm{PremisesID: zz.ID, Name: "Aula", Area: "90"})

	lines := func(q RoomQuery) []string {
		t.Helper()
		rows, err := s.SearchPremisesRows(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		n, err := s.CountPremisesRows(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if n != len(rows) && q.Limit == 0 {
			t.Errorf("count %d, rows %d", n, len(rows))
		}
		var out []string
		for _, r := range rows {
			if r.IsRoom() {
				out = append(out, "  "+r.Room.Name)
			} else {
				out = append(out, r.Premises.Name)
			}
		}
		return out
	}
	want := "Kvarterhuset|  Café|  Køkken|  Lager ved systuen|  Mødelokale|  Systue|Zonen|  Aula|  Ølstue|Åhuset|  Værksted"
	if got := strings.Join(lines(RoomQuery{}), "|"); got != want {
		t.Errorf("grouped list\n got %s\nwant %s", got, want)
	}
	// Paging cuts the same list.
	if got := strings.Join(lines(RoomQuery{Offset: 6, Limit: 3}), "|"); got != "Zonen|  Aula|  Ølstue" {
		t.Errorf("page 6–8 = %s", got)
	}
	for q, want := range map[string]string{
		"ølstue":      "Zonen|  Ølstue",
		"ZONEN":       "Zonen|  Aula|  Ølstue",
		"ringparken":  "Zonen",
		"værksted":    "Kvarterhuset|  Systue|Åhuset|  Værksted",
		"kvarter sys": "Kvarterhuset|  Lager ved systuen|  Systue",
	} {
		if got := strings.Join(lines(RoomQuery{Text: q}), "|"); got != want {
			t.Errorf("search %q = %s, want %s", q, got, want)
		}
	}
	// Renaming premises keeps their rooms findable under the new name.
	f := zz.Form()
	f.Name = "Ærtehuset"
	mustSavePremises(t, s, f)
	if got := strings.Join(lines(RoomQuery{Text: "ærtehuset"}), "|"); got != "Ærtehuset|  Aula|  Ølstue" {
		t.Errorf("after rename: %s", got)
	}
	// Archived rooms leave the list unless asked for.
	aula := demoRoom(t, s, "Aula")
	if err := s.ArchiveRoom(ctx, aula.ID); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(lines(RoomQuery{Text: "ærtehuset"}), "|"); got != "Ærtehuset|  Ølstue" {
		t.Errorf("archived room still listed: %s", got)
	}
	if got := strings.Join(lines(RoomQuery{Text: "ærtehuset", Archived: true}), "|"); got != "Ærtehuset|  Aula|  Ølstue" {
		t.Errorf("with archived: %s", got)
	}
}

func TestRoomNotFound(t *testing.T) {
	s := MustOpenDB(t)
	if _, err := s.Room(context.Background(), 42); !errors.Is(err, ErrNotFound) {
		t.Errorf("Room(42) = %v, want ErrNotFound", err)
	}
	if _, err := s.Premises(context.Background(), 42); !errors.Is(err, ErrNotFound) {
		t.Errorf("Premises(42) = %v, want ErrNotFound", err)
	}
}

// BenchmarkRoomsPage is one page of the grouped rooms list with its count,
// and the lease form's room choice, on the big database (20.000 rooms).
func BenchmarkRoomsPage(b *testing.B) {
	s, err := Open(bigDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for _, q := range []struct {
		name string
		q    RoomQuery
	}{
		{"all", RoomQuery{Limit: 200}},
		{"all_far_down", RoomQuery{Limit: 200, Offset: 20000}},
		{"search", RoomQuery{Limit: 200, Text: "køkken"}},
	} {
		b.Run(q.name, func(b *testing.B) {
			if rows, err := s.SearchPremisesRows(ctx, q.q); err != nil || len(rows) == 0 {
				b.Fatalf("%d rows, %v", len(rows), err)
			}
			for b.Loop() {
				if _, err := s.SearchPremisesRows(ctx, q.q); err != nil {
					b.Fatal(err)
				}
				if _, err := s.CountPremisesRows(ctx, q.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("lease_form_choice", func(b *testing.B) {
		for b.Loop() {
			q := RoomQuery{Text: "kvarter", Limit: 12}
			if _, err := s.SearchRooms(ctx, q); err != nil {
				b.Fatal(err)
			}
			if _, err := s.CountRooms(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	})
}
