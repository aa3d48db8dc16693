package data

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The import's rule lives here: every row is checked, and one bad row keeps
// them all out, whichever kind of record it holds and wherever it is in the
// file. These tests call Store.Import as csvio does, without a file.

// importCols names the file's columns for the fields the rows use.
var importCols = map[string]string{"Name": "Navn", "Kind": "Type", "CVR": "CVR", "PremisesID": "Ejendom",
	"Area": "Areal m²", "Pseudonym": "Initialer", "OrganisationID": "Virksomhed", "SchemeID": "Ordning",
	"Start": "Start", "ParentID": "Hører under"}

func partnerRow(line int, name, kind, cvr string) ImportRow {
	return ImportRow{Line: line, Columns: importCols, Record: PartnerImport{Form: OrganisationForm{Name: name, Kind: kind, CVR: cvr}}}
}

func roomRow(line int, premises, room, area string) ImportRow {
	return ImportRow{Line: line, Columns: importCols,
		Record: RoomImport{Premises: PremisesForm{Name: premises}, Form: RoomForm{Name: room, Area: area}}}
}

func problemLines(t *testing.T, err error) []string {
	t.Helper()
	ie, ok := AsImportError(err)
	if !ok {
		t.Fatalf("error %v (%T) is not an ImportError", err, err)
	}
	var out []string
	for _, p := range ie.Problems {
		out = append(out, p.Error())
	}
	return out
}

func TestImportIsAllOrNothing(t *testing.T) {
	good := []ImportRow{
		partnerRow(2, "Ringparkens Værksted", "virksomhed", "13748136"),
		roomRow(3, "Medborgerhuset", "Værksted", "40"), // creates the premises
		roomRow(4, "Medborgerhuset", "Lager", "12,5"),  // finds them again
	}
	for _, tc := range []struct {
		name string
		rows []ImportRow
		want []string
	}{
		{"a bad last row", append(slices.Clone(good), roomRow(5, "Medborgerhuset", "Kælder", "0")),
			[]string{"linje 5, kolonne Areal m²: arealet skal være større end 0 m² (0)"}},
		{"a bad first row", append([]ImportRow{partnerRow(2, "", "virksomhed", "")}, good[1:]...),
			[]string{"linje 2, kolonne Navn: skal udfyldes"}},
		{"bad rows of two kinds", append(slices.Clone(good),
			partnerRow(5, "Tvilling", "andet", "13748136"), roomRow(6, "", "Skur", "7")),
			[]string{"linje 5, kolonne CVR: CVR 13748136 er allerede registreret for Ringparkens Værksted",
				"linje 6, kolonne Ejendom: vælg ejendommen"}},
		{"bad rows saved out of order", append([]ImportRow{{Line: 2, Columns: importCols, Record: PartnerImport{
			Form: OrganisationForm{Name: "Jobcenter Nord", Kind: "kommunal_enhed"}, Parent: "Nordby Kommune"}}},
			append(slices.Clone(good), roomRow(5, "Medborgerhuset", "Kælder", "-3"))...),
			[]string{"linje 2, kolonne Hører under: ukendt kommune", "linje 5, kolonne Areal m²"}},
		{"a problem the reader found with the line", append(slices.Clone(good), ImportRow{Line: 5, Columns: importCols,
			Record:   PartnerImport{Form: OrganisationForm{Name: "Fin", Kind: "andet"}},
			Problems: []RowError{{Line: 5, Text: "rækken har en værdi (x) i felt 9, men der er ingen kolonneoverskrift over det"}}}),
			[]string{"linje 5: rækken har en værdi (x) i felt 9, men der er ingen kolonneoverskrift over det"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustDemo(t)
			before := snapshotCounts(t, s)
			n, err := s.Import(context.Background(), "test.csv", tc.rows)
			if n != 0 {
				t.Errorf("Import = %d rows", n)
			}
			got := problemLines(t, err)
			for _, w := range tc.want {
				if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
					t.Errorf("problems %q lack %q", got, w)
				}
			}
			if !slices.IsSortedFunc(got, func(a, b string) int { return lineOf(a) - lineOf(b) }) {
				t.Errorf("problems not in line order: %q", got)
			}
			sameCounts(t, before, snapshotCounts(t, s))
			if n := countRows(t, s, "premises"); n != 1 {
				t.Errorf("%d premises after a refused import; the one a row created must go too", n)
			}
		})
	}

	t.Run("good rows", func(t *testing.T) {
		s := mustDemo(t)
		before := snapshotCounts(t, s)
		n, err := s.Import(context.Background(), "Lokaler fra test.csv", good)
		if err != nil || n != len(good) {
			t.Fatalf("Import = %d, %v", n, err)
		}
		after := snapshotCounts(t, s)
		for table, added := range map[string]int{"organisations": 1, "rooms": 2, "premises": 1} {
			if after[table]-before[table] != added {
				t.Errorf("%s: %d rows added, want %d", table, after[table]-before[table], added)
			}
		}
		var detail string
		if err := s.DB().QueryRow(`SELECT detail FROM events WHERE kind = 'importeret' AND entity = 'import'`).Scan(&detail); err != nil ||
			detail != "3 rækker: Lokaler fra test.csv" {
			t.Errorf("the import's event: %q, %v", detail, err)
		}
		var actor string
		if err := s.DB().QueryRow(`SELECT a.actor FROM events e JOIN event_actors a ON a.event_id = e.id
			WHERE e.kind = 'importeret' AND e.entity = 'import'`).Scan(&actor); err != nil || actor != CurrentActor() {
			t.Errorf("the import's actor: %q, %v; want %q", actor, err, CurrentActor())
		}
	})

	t.Run("no rows", func(t *testing.T) {
		s := mustDemo(t)
		before := snapshotCounts(t, s)
		if n, err := s.Import(context.Background(), "tom.csv", nil); n != 0 || err != nil {
			t.Errorf("Import of nothing = %d, %v", n, err)
		}
		sameCounts(t, before, snapshotCounts(t, s))
	})
}

// lineOf reads N from "linje N…".
func lineOf(problem string) int {
	var n int
	fmt.Sscanf(problem, "linje %d", &n)
	return n
}

// A municipal unit may come before its municipality in the file: rows that
// name another row of the same file are saved after the rest.
func TestImportSavesReferringRowsLast(t *testing.T) {
	s := MustOpenDB(t)
	unit := ImportRow{Line: 2, Columns: importCols, Record: PartnerImport{
		Form: OrganisationForm{Name: "Jobcenter Korsør", Kind: "kommunal_enhed", CVR: "29188505"}, Parent: "Slagelse Kommune"}}
	municipality := partnerRow(3, "Slagelse Kommune", "kommune", "29188505")
	if n, err := s.Import(context.Background(), "partnere.csv", []ImportRow{unit, municipality}); err != nil || n != 2 {
		t.Fatalf("Import = %d, %v", n, err)
	}
	var parent string
	if err := s.DB().QueryRow(`SELECT p.name FROM organisations o JOIN organisations p ON p.id = o.parent_id
		WHERE o.name = 'Jobcenter Korsør'`).Scan(&parent); err != nil || parent != "Slagelse Kommune" {
		t.Errorf("the unit belongs to %q (%v)", parent, err)
	}
}
