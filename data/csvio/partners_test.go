package csvio

import (
	"context"
	"strings"
	"testing"

	"partnerskab/data"
	"partnerskab/data/dk"
)

const partnersHeader = "Navn;Type;Hører under;CVR;P-nummer;EAN;RSV;RSV tjekket;Adresse;Postnummer;By;Rolle;Noter;Godkendt af styregruppen;Godkendelsesreference"

func TestImportPartners(t *testing.T) {
	s := openStore(t)
	text := "\uFEFF" + csvText(partnersHeader,
		"Bevar;Socialøkonomisk virksomhed;;DK-1000 0009;;;ja;1.3.2015;Motalavej 2;4220;Korsør;Systue;;14.4.2015;Styregruppemøde 14.4.2015",
		// The unit comes before its municipality: the file's order does not matter.
		"Jobcenter Slagelse;Kommunal enhed;slagelse kommune;29188505;;5798007149727;;;;;Slagelse;Visitation;;;",
		"Slagelse Kommune;kommune;;29188505;;;;;Rådhuspladsen 11;4200;Slagelse;;;;",
		";;;;;;;;;;;;;;", // an empty row as Excel leaves them
	)
	if n := mustImport(t, s, "partners", text); n != 3 {
		t.Errorf("imported %d rows, want 3", n)
	}
	bevar := orgByName(t, s, "Bevar")
	if bevar.Kind != data.KindEnterprise || bevar.CVR != "10000009" || bevar.RSV != data.RSVYes ||
		dk.FormatDate(bevar.RSVCheckedOn) != "1.3.2015" || bevar.Postcode != "4220" || bevar.Role != "Systue" {
		t.Errorf("Bevar = %+v", bevar)
	}
	if dk.FormatDate(bevar.ApprovedOn) != "14.4.2015" || bevar.ApprovalRef != "Styregruppemøde 14.4.2015" {
		t.Errorf("Bevar's approval = %v %q", bevar.ApprovedOn, bevar.ApprovalRef)
	}
	unit := orgByName(t, s, "Jobcenter Slagelse")
	if unit.ParentID != orgByName(t, s, "Slagelse Kommune").ID || unit.EAN != "5798007149727" {
		t.Errorf("Jobcenter Slagelse = %+v; want it under Slagelse Kommune", unit)
	}
	evs, err := s.Events(context.Background(), "import", 0)
	if err != nil || len(evs) != 1 || !strings.Contains(evs[0].Detail, "3 rækker: Partnere fra test.csv") {
		t.Errorf("audit log of the import = %+v, %v; want one event naming the file", evs, err)
	}
}

// Every bad row is listed with its line and column, and nothing is saved.
func TestImportPartnersRefused(t *testing.T) {
	s := demoStore(t)
	before := counts(t, s)
	text := csvText("navn;TYPE;cvr;Noter;Godkendt af styregruppen;Hoerer under",
		"Ny virksomhed;Socialøkonomisk virksomhed;29188506;;;",                 // 2: check digit
		"Anden virksomhed;Socialøkonomisk virksomhed;;;30.2.2015;",             // 3: no such day
		"Tredje virksomhed;Socialøkonomisk virksomhed;;Kontakt: 010203-1234;;", // 4: a CPR number
		"Fjerde;Kommunal enhed;;;;Roskilde Kommune",                            // 5: unknown municipality
		"Femte;Socialøkonomisk virksomhed;13748136;;;",                         // 6: fine alone
		"\"Sjette; med semikolon\";Socialøkonomisk virksomhed;13748136;;;",     // 7: CVR of line 6
		"Syvende;Socialøkonomisk virksomhed;29188505;;;",                       // 8: Slagelse Kommune's CVR
		";Socialøkonomisk virksomhed;;;;",                                      // 9: no name
		"Ottende;Firma;;;;",                                                    // 10: no such type
		"Niende;Socialøkonomisk virksomhed;;\"To linjer\nmed 0102031234 i\";;", // 11: CPR on line 2 of a field
		"Tiende;Socialøkonomisk virksomhed;;;;;overskydende",                   // 13: a value with no header
	)
	_, err := importText(t, s, "partners", text)
	wantProblems(t, err,
		"linje 2, kolonne cvr: kontrolcifferet passer ikke (29188506)",
		"linje 3, kolonne Godkendt af styregruppen: datoen findes ikke (30.2.2015)",
		"linje 4, kolonne Noter: ligner et CPR-nummer (010203-1234); CPR-numre må ikke gemmes her",
		"linje 5, kolonne Hoerer under: ukendt kommune (Roskilde Kommune)",
		"linje 7, kolonne cvr: CVR 13748136 er allerede registreret for Femte",
		"linje 8, kolonne cvr: CVR 29188505 er allerede registreret for Slagelse Kommune",
		"linje 9, kolonne navn: skal udfyldes",
		"linje 10, kolonne TYPE: ukendt type (Firma); skriv en af: Kommune, Kommunal enhed, Boligorganisation, Boligsocial helhedsplan, Sekretariat, Socialøkonomisk virksomhed, Andet",
		"linje 11, kolonne Noter: ligner et CPR-nummer (0102031234); CPR-numre må ikke gemmes her",
		"linje 13: rækken har en værdi (overskydende) i felt 7, men der er ingen kolonneoverskrift over det",
	)
	sameCounts(t, before, counts(t, s))
}

func TestImportMissingAndUnknownColumns(t *testing.T) {
	s := openStore(t)
	_, err := importText(t, s, "partners", csvText("CVR;Adresse;Telefon;cvr-nummer", "13748136;Motalavej;12345678;13748136"))
	wantProblems(t, err,
		"linje 1, kolonne Telefon: ukendt kolonne; se kolonnerne for partners med 'partnerskab help import'",
		"linje 1, kolonne cvr-nummer: kolonnen står der to gange",
		"linje 1, kolonne Navn: kolonnen mangler",
		"linje 1, kolonne Type: kolonnen mangler",
	)
	if n := count(t, s, "organisations"); n != 0 {
		t.Errorf("%d organisations after a refused import", n)
	}
}

func TestImportEmptyFile(t *testing.T) {
	s := openStore(t)
	for _, text := range []string{"", "\uFEFF"} {
		_, err := importText(t, s, "partners", text)
		wantProblems(t, err, "linje 1: filen er tom; første linje skal navngive kolonnerne")
	}
	// A header and nothing else imports nothing, and is no problem.
	if n := mustImport(t, s, "partners", csvText("Navn;Type")); n != 0 {
		t.Errorf("imported %d rows from a file with only a header", n)
	}
}

func TestImportUnknownKind(t *testing.T) {
	s := openStore(t)
	_, err := importText(t, s, "kontrakter", csvText("Navn"))
	if err == nil || !strings.Contains(err.Error(), `ukendt slags "kontrakter"; vælg en af partners, rooms, leases, placements`) {
		t.Errorf("err = %v", err)
	}
}

func TestImportBadQuotes(t *testing.T) {
	s := openStore(t)
	_, err := importText(t, s, "partners", csvText("Navn;Type", "Bevar;Andet", `Systue 5" bred;Andet`))
	wantProblems(t, err, `linje 3: et anførselstegn står forkert; et felt med " skal stå i anførselstegn, og " i feltet skrives ""`)
}

// Quoted fields keep their semicolons, quotes and line breaks.
func TestImportQuotedFields(t *testing.T) {
	s := openStore(t)
	mustImport(t, s, "partners", csvText("Navn;Type;Rolle;Noter",
		`"Café ""Solsiden""; Korsør";Andet;"Udlejer; ejer";"Linje et`, `linje to"`,
		`Næste;Andet;;`))
	o := orgByName(t, s, `Café "Solsiden"; Korsør`)
	if o.Role != "Udlejer; ejer" || o.Notes != "Linje et\nlinje to" {
		t.Errorf("role %q, notes %q", o.Role, o.Notes)
	}
	// The row after a field with a line break is numbered by the file's lines.
	_, err := importText(t, s, "partners", csvText("Navn;Type;Noter", `A;Andet;"1`, `2`, `3"`, `B;Firma;`))
	wantProblems(t, err, "linje 5, kolonne Type: ukendt type (Firma); skriv en af: Kommune, Kommunal enhed, Boligorganisation, Boligsocial helhedsplan, Sekretariat, Socialøkonomisk virksomhed, Andet")
}

// A header without ";" may use "," (an English spreadsheet) or tabs.
func TestImportOtherDelimiters(t *testing.T) {
	s := openStore(t)
	mustImport(t, s, "partners", csvText("Navn,Type,Noter", `Komma,Andet,"12,5 m²"`))
	mustImport(t, s, "partners", csvText("Navn\tType", "Tabulator\tAndet"))
	if o := orgByName(t, s, "Komma"); o.Notes != "12,5 m²" {
		t.Errorf("notes %q", o.Notes)
	}
	orgByName(t, s, "Tabulator")
}

func TestImportEncodings(t *testing.T) {
	for name, raw := range map[string][]byte{
		"UTF-8 med BOM":  []byte("\uFEFFNavn;Type;By\r\nBevar Køkken;Andet;Korsør\r\n"),
		"UTF-8 uden BOM": []byte("Navn;Type;By\nBevar Køkken;Andet;Korsør\n"),
		// Windows-1252: ø is 0xF8, as Danish Excel writes "CSV (semikolonsepareret)".
		"Windows-1252": []byte("Navn;Type;By\r\nBevar K\xf8kken;Andet;Kors\xf8r\r\n"),
		"UTF-16":       utf16LE("Navn\tType\tBy\r\nBevar Køkken\tAndet\tKorsør\r\n"),
	} {
		t.Run(name, func(t *testing.T) {
			s := openStore(t)
			if _, err := Import(context.Background(), s, "partners", strings.NewReader(string(raw)), "x.csv"); err != nil {
				t.Fatal(err)
			}
			if o := orgByName(t, s, "Bevar Køkken"); o.City != "Korsør" {
				t.Errorf("city %q", o.City)
			}
		})
	}
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s { // the test text has no characters outside the BMP
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestHeaderKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Areal m²", "areal (m2)"}, {"Hører under", "HOERER UNDER"}, {"Beboer i området", "beboer i omraadet"},
		{"P-nummer", "p nummer"}, {" Navn ", "NAVN"}, {"Café", "cafe"},
	} {
		if headerKey(tc.a) != headerKey(tc.b) {
			t.Errorf("%q and %q are different columns (%q, %q)", tc.a, tc.b, headerKey(tc.a), headerKey(tc.b))
		}
	}
	if headerKey("Noter") == headerKey("Note") {
		t.Error("Noter and Note fold to one key; they are matched as aliases, not by folding")
	}
}

// No two columns of a kind can be named by the same header, and every
// column's export header is read back as that column.
func TestCatalogueIsUnambiguous(t *testing.T) {
	for _, k := range Kinds() {
		seen := map[string]string{}
		fields := map[string]bool{}
		for _, c := range k.Columns {
			for _, h := range append([]string{c.Header}, c.Aliases...) {
				if other, dup := seen[headerKey(h)]; dup && other != c.Header {
					t.Errorf("%s: %q names both %s and %s", k.Name, h, other, c.Header)
				}
				seen[headerKey(h)] = c.Header
			}
			if k.match(c.Header) != &k.Columns[slicesIndex(k.Columns, c.Header)] {
				t.Errorf("%s: %q is not read back as its column", k.Name, c.Header)
			}
			if fields[c.Field] {
				t.Errorf("%s: two columns report on field %s", k.Name, c.Field)
			}
			fields[c.Field] = true
		}
	}
}

func slicesIndex(cols []Column, header string) int {
	for i, c := range cols {
		if c.Header == header {
			return i
		}
	}
	return -1
}
