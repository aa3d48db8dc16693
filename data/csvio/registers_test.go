package csvio

import (
	"context"
	"strings"
	"testing"

	"partnerskab/data"
)

// Danish Excel saves "CSV (semikolonsepareret)" in Windows-1252: ø is 0xF8.
func TestImportRoomsWindows1252(t *testing.T) {
	s := demoStore(t)
	raw := "Ejendom;Lokale;Areal m\xb2;Type;F\xe6lles lokale\r\n" +
		"Kvarterhuset;K\xf8kken 2;12,5;K\xf8kken;ja\r\n"
	if _, err := Import(context.Background(), s, "rooms", strings.NewReader(raw), "lokaler.csv"); err != nil {
		t.Fatal(err)
	}
	var area float64
	var kind string
	var shared bool
	err := s.DB().QueryRow(`SELECT r.area_m2, r.kind, r.shared FROM rooms r JOIN premises p ON p.id = r.premises_id
		WHERE p.name = 'Kvarterhuset' AND r.name = 'Køkken 2'`).Scan(&area, &kind, &shared)
	if err != nil || area != 12.5 || kind != "koekken" || !shared {
		t.Errorf("Køkken 2: %v m², %q, shared %v, %v", area, kind, shared, err)
	}
}

// Premises named by several rows are created once, from the first row.
func TestImportRoomsCreatesPremises(t *testing.T) {
	s := demoStore(t)
	before := count(t, s, "premises")
	mustImport(t, s, "rooms", csvText("Lokalested;Adresse;Postnummer;By;Ejer;Lokale;Areal;Delt",
		"Ringparkens beboerhus;Ringparken 1;4220;Korsør;BoligKorsør;Værksted;30;nej",
		"ringparkens beboerhus;;;;;Lager;8;",
		"Kvarterhuset;;;;;Depot;6;x"))
	if n := count(t, s, "premises"); n != before+1 {
		t.Errorf("%d premises after the import, want %d", n, before+1)
	}
	var address, owner string
	var rooms int
	err := s.DB().QueryRow(`SELECT p.address, o.name, (SELECT count(*) FROM rooms r WHERE r.premises_id = p.id)
		FROM premises p JOIN organisations o ON o.id = p.owner_id WHERE p.name = 'Ringparkens beboerhus'`).Scan(&address, &owner, &rooms)
	if err != nil || address != "Ringparken 1" || owner != "BoligKorsør" || rooms != 2 {
		t.Errorf("Ringparkens beboerhus: %q, owner %q, %d rooms, %v", address, owner, rooms, err)
	}
}

func TestImportRoomsRefused(t *testing.T) {
	s := demoStore(t)
	before := counts(t, s)
	_, err := importText(t, s, "rooms", csvText("Ejendom;Postnummer;Ejer;Lokale;Areal m²;Type;Fælles lokale",
		"Kvarterhuset;;;Systue;20;;",              // 2: Kvarterhuset has a Systue
		"Kvarterhuset;;;Værksted 2;-4;;",          // 3: negative area
		"Nyt hus;42;;Sal;40;;",                    // 4: a postcode of two digits for new premises
		"Andet hus;;Boligselskabet X;Sal;40;;",    // 5: unknown owner
		"Kvarterhuset;;;Kælder;12,5;Garage;måske", // 6: unknown kind, not yes or no
		";;;Loft;10;;",                            // 7: no premises
		"Kvarterhuset;;;;1.234,5;;",               // 8: no room name
		"Kvarterhuset;;;Mødelokale 2;12.5;;",      // 9: fine: 12.5 with a point is read as 12,5
	))
	wantProblems(t, err,
		"linje 2, kolonne Lokale: der er allerede et lokale med navnet Systue i Kvarterhuset",
		"linje 3, kolonne Areal m²: arealet skal være større end 0 m² (-4)",
		"linje 4, kolonne Postnummer: skal være 4 cifre (42)",
		"linje 5, kolonne Ejer: ukendt organisation (Boligselskabet X)",
		"linje 6, kolonne Type: ukendt type (Garage); vælg værksted, køkken, café, mødelokale, lager eller andet",
		"linje 6, kolonne Fælles lokale: skriv ja eller nej (måske)",
		"linje 7, kolonne Ejendom: vælg ejendommen",
		"linje 8, kolonne Lokale: skal udfyldes",
	)
	sameCounts(t, before, counts(t, s))
}

const leasesHeader = "Udlejer;Lejer;Lokaler;Start;Slut;Husleje pr. m² pr. år"

func TestImportLeases(t *testing.T) {
	s := demoStore(t)
	mustImport(t, s, "leases", csvText(leasesHeader+";Afdelingsmøde godkendt;Afdelingsmøde reference;Moms;Forbrug",
		// Mødelokale alone is unambiguous; the rent has thousands and øre.
		"BoligKorsør;Bevar;Mødelokale;1.1.2016;31.12.2016;1.050,50;3.12.2015;Referat pkt. 2;ja;efter måler",
		// The same room right after: adjacent leases do not overlap.
		"BoligKorsør;Fra de varme lande;kvarterhuset/mødelokale;1.1.2017;;800;;;;"))
	ls, err := s.SearchLeases(context.Background(), data.LeaseQuery{Text: "mødelokale", Limit: 10})
	if err != nil || len(ls) != 2 {
		t.Fatalf("leases of Mødelokale: %d, %v", len(ls), err)
	}
	l := ls[0]
	if l.TenantName != "Bevar" || l.RentPerM2Year != 105050 || !l.VAT || l.Utilities != data.UtilitiesMetered ||
		len(l.Rooms) != 1 || l.Rooms[0].Name != "Mødelokale" {
		t.Errorf("lease = %+v", l)
	}
	if a, ok := l.Approval(data.ApprovalResidents); !ok || a.Reference != "Referat pkt. 2" {
		t.Errorf("residents' approval = %+v, %v", a, ok)
	}
}

func TestImportLeasesRefused(t *testing.T) {
	s := demoStore(t)
	mustImport(t, s, "partners", csvText("Navn;Type", "Ny Virksomhed;Socialøkonomisk virksomhed"))
	before := counts(t, s)
	_, err := importText(t, s, "leases", csvText(leasesHeader,
		"BoligKorsør;Ny Virksomhed;Kvarterhuset/Systue;1.1.2016;;650",   // 2: Bevar has Systue
		"BoligKorsør;Ny Virksomhed;Mødelokale;1.1.2016;30.6.2016;650",   // 3: fine alone
		"BoligKorsør;Ny Virksomhed;Mødelokale, Loftet;1.6.2016;;650",    // 4: overlaps line 3; Loftet unknown
		"BoligKorsør;Ny Virksomhed;Mødelokale;1.7.2016;31.6.2017;650",   // 5: no 31 June
		"BoligKorsør;Bevarr;Mødelokale;1.1.2020;;650",                   // 6: unknown enterprise
		"Boligselskabet X;Ny Virksomhed;Mødelokale;1.1.2021;;650",       // 7: unknown landlord
		"BoligKorsør;29188505;Mødelokale;1.1.2022;;650",                 // 8: a municipality is no tenant
		"BoligKorsør;Ny Virksomhed;Mødelokale;1.1.2023;;650 kr. pr. m2", // 9: not an amount
		"BoligKorsør;Ny Virksomhed;Mødelokale;1.1.2024;;;",              // 10: no rent
	))
	wantProblems(t, err,
		"linje 2, kolonne Lokaler: Systue er allerede udlejet til Bevar fra 1.9.2015 (uden slutdato) i lejemål 1",
		"linje 4, kolonne Lokaler: ukendt lokale (Loftet)",
		"linje 5, kolonne Slut: datoen findes ikke (31.6.2017)",
		"linje 6, kolonne Lejer: ukendt virksomhed (Bevarr)",
		"linje 7, kolonne Udlejer: ukendt organisation (Boligselskabet X)",
		"linje 8, kolonne Lejer: Slagelse Kommune er kommune; lejer skal være en socialøkonomisk virksomhed",
		"linje 9, kolonne Husleje pr. m² pr. år: ugyldigt beløb (650 kr. pr. m2); skriv fx 1.700.000,00",
		"linje 10, kolonne Husleje pr. m² pr. år: skriv lejen pr. m² pr. år, fx 650,00 (0 hvis lokalerne er gratis)",
	)
	sameCounts(t, before, counts(t, s))

	// Without the unknown room, line 4 overlaps line 3 of the same file.
	_, err = importText(t, s, "leases", csvText(leasesHeader,
		"BoligKorsør;Ny Virksomhed;Mødelokale;1.1.2016;30.6.2016;650",
		"BoligKorsør;Ny Virksomhed;Mødelokale;1.6.2016;;650"))
	ie, ok := data.AsImportError(err)
	if !ok || len(ie.Problems) != 1 || ie.Problems[0].Line != 3 || ie.Problems[0].Column != "Lokaler" ||
		!strings.Contains(ie.Problems[0].Text, "Mødelokale er allerede udlejet til Ny Virksomhed fra 1.1.2016") {
		t.Errorf("overlap within the file: %v", err)
	}
	sameCounts(t, before, counts(t, s))
}

const placementsHeader = "Initialer eller pseudonym;Virksomhed;Stilling;Ordning;Timer pr. uge;Bor i området;Målgruppe;Start;Slut;Sagen afsluttet;Noter"

func TestImportPlacements(t *testing.T) {
	s := demoStore(t)
	positions := count(t, s, "positions")
	mustImport(t, s, "placements", csvText(placementsHeader,
		"X.Y.;Bevar;Syerske;fleksjob;12,5;x;Ledige fleksjobbere;1.3.2016;;;",
		"Z.Q.;bevar;Tilskærer;Løntilskud;20;nej;;1.3.2016;31.5.2016;31.5.2016;",
		"W.;BEVAR;tilskærer;Ordinært job;37;;;1.6.2016;;;"))
	if n := count(t, s, "positions"); n != positions+1 {
		t.Errorf("%d positions, want %d: Tilskærer is created once for Bevar", n, positions+1)
	}
	var hours float64
	var resident bool
	var deleteBy, title string
	err := s.DB().QueryRow(`SELECT p.hours_per_week, p.resident, coalesce(p.delete_by, ''), po.title FROM placements p
		JOIN positions po ON po.id = p.position_id WHERE p.pseudonym = 'Z.Q.'`).Scan(&hours, &resident, &deleteBy, &title)
	if err != nil || hours != 20 || resident || deleteBy != "2017-05-31" || title != "Tilskærer" {
		t.Errorf("Z.Q.: %v hours, resident %v, delete by %q, position %q, %v", hours, resident, deleteBy, title, err)
	}
}

func TestImportPlacementsRefused(t *testing.T) {
	s := demoStore(t)
	before := counts(t, s)
	_, err := importText(t, s, "placements", csvText(placementsHeader,
		"010203-1234;Bevar;;Fleksjob;10;;;1.3.2016;;;",                 // 2: a CPR number
		"Anna Hansen;Bevar;;Fleksjob;10;;;1.3.2016;;;",                 // 3: a full name
		"A.B.;Bevarr;;Fleksjob;10;;;1.3.2016;;;",                       // 4: unknown enterprise
		"A.B.;Bevar;;Fleksjobb;10;;;1.3.2016;;;",                       // 5: unknown scheme
		"A.B.;Bevar;;Fleksjob;81;;;1.3.2016;;;",                        // 6: too many hours
		"A.B.;Bevar;;Fleksjob;10;;;29.2.2015;;;",                       // 7: 2015 had no 29 February
		"A.B.;Bevar;;Fleksjob;10;;;1.3.2016;;;ring på 0102031234",      // 8: CPR in the notes
		"A.B.;Bevar;Køkkenmedhjælper;Fleksjob;10;;Udenbys;1.3.2016;;;", // 9: unknown target group
	))
	wantProblems(t, err,
		"linje 2, kolonne Initialer eller pseudonym: ligner et CPR-nummer (010203-1234); CPR-numre må ikke gemmes her",
		"linje 3, kolonne Initialer eller pseudonym: ligner et fuldt navn (Anna Hansen); skriv kun initialer eller et pseudonym, fx A.H.",
		"linje 4, kolonne Virksomhed: ukendt virksomhed (Bevarr)",
		"linje 5, kolonne Ordning: ukendt ordning (Fleksjobb); skriv en af: Ordinært job, Fleksjob, Løntilskud, Virksomhedspraktik, Job med ydelse, Frivillig",
		"linje 6, kolonne Timer pr. uge: skal være mellem 0 og 80 timer (81)",
		"linje 7, kolonne Start: datoen findes ikke (29.2.2015)",
		"linje 8, kolonne Noter: ligner et CPR-nummer (0102031234); CPR-numre må ikke gemmes her",
		"linje 9, kolonne Målgruppe: ukendt målgruppe (Udenbys); skriv en af: Ledige fleksjobbere, Kvinder 30–50 år uden tilknytning til arbejdsmarkedet, Beboere i området, Andre",
	)
	sameCounts(t, before, counts(t, s))
}

// A file exported and imported into an empty database gives the same
// records: exported again, the files are byte for byte the same.
func TestRoundTrip(t *testing.T) {
	demo := demoStore(t)
	fresh := openStore(t)
	for _, k := range Kinds() {
		first := export(t, demo, k.Name)
		if !strings.HasPrefix(first, "\uFEFF") || !strings.Contains(first, ";") || strings.Count(first, "\r\n") < 3 ||
			strings.Count(first, "\n") != strings.Count(first, "\r\n") {
			t.Errorf("%s: not UTF-8 with BOM, ; and CRLF:\n%s", k.Name, first)
		}
		n := mustImport(t, fresh, k.Name, first)
		if lines := strings.Count(first, "\r\n") - 1; n != lines {
			t.Errorf("%s: imported %d rows from a file of %d", k.Name, n, lines)
		}
		if again := export(t, fresh, k.Name); again != first {
			t.Errorf("%s: exported again, the file differs:\n%s\nwas:\n%s", k.Name, again, first)
		}
	}
	for _, table := range []string{"organisations", "approvals", "premises", "rooms", "leases", "lease_rooms", "placements"} {
		if a, b := count(t, demo, table), count(t, fresh, table); a != b {
			t.Errorf("%s: %d rows in the demo, %d after the round trip", table, a, b)
		}
	}
}

// Export writes Danish dates, decimal commas and money with øre.
func TestExportFormats(t *testing.T) {
	s := demoStore(t)
	leases := export(t, s, "leases")
	for _, want := range []string{"\uFEFFUdlejer;Lejer;Lokaler;Start;Slut;", ";1.9.2015;;1.9.2015;12;6;3;650,00;3;Aconto;",
		"Kvarterhuset/Lager ved systuen, Kvarterhuset/Systue"} {
		if !strings.Contains(leases, want) {
			t.Errorf("leases.csv lacks %q:\n%s", want, leases)
		}
	}
	mustImport(t, s, "rooms", csvText("Ejendom;Lokale;Areal m²", "Kvarterhuset;Skur;7,25"))
	if rooms := export(t, s, "rooms"); !strings.Contains(rooms, ";Skur;7,25;Andet;nej;") {
		t.Errorf("rooms.csv lacks the decimal comma:\n%s", rooms)
	}
}

// Organisations are named by CVR number or by name; a name two share, or
// an archived organisation, is a problem rather than a guess.
func TestImportReferences(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	// A twin name can be saved in the form (an import refuses one).
	if _, err := s.SaveOrganisation(ctx, data.OrganisationForm{Name: "BEVAR", Kind: "andet"}); err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, "partners", csvText("Navn;Type;CVR",
		"Café Solsiden;Socialøkonomisk virksomhed;13748136", // to be named by CVR
		"Lukket Værksted;Socialøkonomisk virksomhed;"))
	if err := s.ArchiveOrganisation(ctx, orgByName(t, s, "Lukket Værksted").ID); err != nil {
		t.Fatal(err)
	}
	before := counts(t, s)
	_, err := importText(t, s, "placements", csvText("Initialer;Virksomhed;Ordning;Start",
		"A.B.;Bevar;Fleksjob;1.3.2016",
		"C.D.;lukket værksted;Fleksjob;1.3.2016"))
	wantProblems(t, err,
		"linje 2, kolonne Virksomhed: flere organisationer hedder Bevar; skriv CVR-nummeret i stedet",
		"linje 3, kolonne Virksomhed: Lukket Værksted er arkiveret; genskab den under Partnere først")
	sameCounts(t, before, counts(t, s))

	mustImport(t, s, "placements", csvText("Initialer;Virksomhed;Ordning;Start", "E.F.;DK 13 74 81 36;Fleksjob;1.3.2016"))
	var org string
	if err := s.DB().QueryRow(`SELECT o.name FROM placements p JOIN organisations o ON o.id = p.organisation_id
		WHERE p.pseudonym = 'E.F.'`).Scan(&org); err != nil || org != "Café Solsiden" {
		t.Errorf("E.F. is placed in %q (%v), want Café Solsiden by its CVR", org, err)
	}
}
