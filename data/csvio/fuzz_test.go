package csvio

import (
	"bytes"
	"context"
	"encoding/binary"
	"testing"

	"partnerskab/data"
)

// FuzzImport: whatever bytes a file holds, reading it never panics, and an
// import into the store is all or nothing: a refused one leaves every
// table as it was. The seeds run as ordinary tests.
func FuzzImport(f *testing.F) {
	for _, seed := range []string{
		csvText("Navn;Type;CVR", "Bevar;Socialøkonomisk virksomhed;29188505", "Slagelse Kommune;Kommune;"),
		csvText("Ejendom;Lokale;Areal m²", "Kvarterhuset;Systue;48,5"),
		csvText("Udlejer;Lejer;Lokaler;Start", "BoligKorsør;Bevar;Kvarterhuset/Systue;1.9.2015"),
		csvText("Initialer;Virksomhed;Ordning;Start", "AB;Bevar;Fleksjob;1.3.2015"),
		csvText("Navn;Type;Noter", "Ond;Andet;=cmd|' /C calc'!A0", "Pæn;Andet;'- punkt"),
		"Navn;Type\rBevar;Andet\r",
		"Navn;Type\r\n\"Bevar;Andet\r\n",
		"Navn;Type\r\nNul\x00;Andet\r\n",
		"\xef\xbb\xbfNavn;Type\r\n",
		"", ";;;;\r\n", "\xff\xfe",
	} {
		f.Add([]byte(seed))
	}
	f.Add(utf16Bytes("Navn;Type\r\nÆble;Andet\r\n", binary.LittleEndian))
	s := openStore(f)
	if err := s.LoadDemo(context.Background()); err != nil {
		f.Fatal(err)
	}
	tables := []string{"organisations", "premises", "rooms", "leases", "lease_rooms", "placements", "positions", "events"}
	f.Fuzz(func(t *testing.T, file []byte) {
		for _, k := range Kinds() {
			k.Read(bytes.NewReader(file))
		}
		before := map[string]int{}
		for _, tb := range tables {
			before[tb] = count(t, s, tb)
		}
		for _, k := range Kinds() {
			if _, err := Import(context.Background(), s, k.Name, bytes.NewReader(file), "fuzz.csv"); err != nil {
				if _, ok := data.AsImportError(err); !ok && err.Error() == "" {
					t.Errorf("an import error without a message")
				}
				for _, tb := range tables {
					if n := count(t, s, tb); n != before[tb] {
						t.Fatalf("a refused %s import changed %s: %d rows, before %d", k.Name, tb, n, before[tb])
					}
				}
			} else {
				for _, tb := range tables {
					before[tb] = count(t, s, tb)
				}
			}
		}
	})
}
