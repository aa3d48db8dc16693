package data

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"partnerskab/data/dk"
)

// An import writes its placements a batch at a time and their summaries,
// search index and audit events set by set (import_bulk.go): what it leaves
// in the file must be what saving the same placements one by one leaves.

// placementCols names the file's columns for a placement's fields.
var placementCols = map[string]string{"Pseudonym": "Initialer", "OrganisationID": "Virksomhed", "PositionID": "Stilling",
	"SchemeID": "Ordning", "HoursPerWeek": "Timer pr. uge", "Resident": "Bor i området", "TargetGroupID": "Målgruppe",
	"Start": "Start", "End": "Slut", "CaseClosedOn": "Sagen afsluttet", "DeleteBy": "Slettes senest", "Notes": "Noter"}

func placementRow(line int, r PlacementImport) ImportRow {
	return ImportRow{Line: line, Columns: placementCols, Record: r}
}

// randomPlacements are n placements of a file from line 2 on, spread over
// the demo's enterprises, positions old and new, schemes, target groups and
// periods, some ended, closed or due for deletion, with pseudonyms the
// search tests look for.
func randomPlacements(r *rand.Rand, n int) []ImportRow {
	enterprises := []string{"Bevar", "fra de varme lande", "BEVAR"}
	positions := []string{"", "Syerske", "Pakker", "pakker", "Kok"}
	schemes := []string{"Fleksjob", "Løntilskud", "Virksomhedspraktik", "Ordinært job", "Job med ydelse", "Frivillig"}
	groups := []string{"", "Ledige fleksjobbere", "Beboere i området", "Andre"}
	names := []string{"Deltager %d", "syerske øst %d", "Kok nord %d", "Åse B. %d", "p.ø %d"}
	base := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)
	rows := make([]ImportRow, n)
	for i := range rows {
		start := base.AddDate(0, 0, r.IntN(5*365))
		f := PlacementForm{Pseudonym: fmt.Sprintf(names[r.IntN(len(names))], i), HoursPerWeek: fmt.Sprintf("%d,5", r.IntN(37)),
			Resident: []string{"ja", "nej", ""}[r.IntN(3)], Start: dk.FormatDate(start), Notes: []string{"", "Række"}[r.IntN(2)]}
		// Running, ended, closed, or closed with a delete-by date of its own.
		end := start.AddDate(0, 0, r.IntN(400))
		closed := end.AddDate(0, 0, r.IntN(30))
		period := r.IntN(4)
		if period >= 1 {
			f.End = dk.FormatDate(end)
		}
		if period >= 2 {
			f.CaseClosedOn = dk.FormatDate(closed)
		}
		if period == 3 {
			f.DeleteBy = dk.FormatDate(closed.AddDate(0, 0, 30+r.IntN(400)))
		}
		rows[i] = placementRow(i+2, PlacementImport{Enterprise: enterprises[r.IntN(len(enterprises))],
			Position: positions[r.IntN(len(positions))], Scheme: schemes[r.IntN(len(schemes))],
			TargetGroup: groups[r.IntN(len(groups))], Form: f})
	}
	return rows
}

// wantNoBulkImportMark fails if an import left its row in bulk_import.
func wantNoBulkImportMark(t *testing.T, s *Store) {
	t.Helper()
	if n := countRows(t, s, "bulk_import"); n != 0 {
		t.Errorf("bulk_import holds %d rows after the import", n)
	}
}

// The summaries, the search index and the audit log after imports of more
// than a batch equal a recount, whatever else writes placements before and
// after.
func TestImportedPlacementsKeepTheSummaries(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(16, 16))
	var changes, before int
	read := func() {
		if err := s.DB().QueryRow(`SELECT (SELECT n FROM placement_list_changes), (SELECT coalesce(max(id), 0) FROM placements)`).
			Scan(&changes, &before); err != nil {
			t.Fatal(err)
		}
	}
	read()
	wasChanges, first := changes, before+1
	n := bulkBatch + 700
	if got, err := s.Import(ctx, "placeringer.csv", randomPlacements(r, n)); err != nil || got != n {
		t.Fatalf("Import = %d, %v", got, err)
	}
	read()
	if before != first+n-1 || changes != wasChanges+n {
		t.Errorf("%d placements up to id %d and %d list changes; want up to %d and %d", n, before, changes-wasChanges, first+n-1, n)
	}
	wantNoBulkImportMark(t, s)
	wantTallies(t, s, "an import")
	checkPlacementSummaries(t, s, "an import")
	ids := demoStaffingIDs(t, s)
	filters := []PlacementQuery{{}, {SchemeID: ids.scheme["fleksjob"]}, {OrganisationID: ids.bevar},
		{ActiveOn: time.Date(2016, 6, 1, 0, 0, 0, 0, time.UTC)}}
	checkSearchMatchesOld(t, s, []string{"p", "deltager 4", "øst", "kok nord", "åse", "p.ø 1"}, filters, 1000)

	// One event per imported placement, created by the user, in the chain.
	var without, more int
	if err := s.DB().QueryRow(`SELECT
		(SELECT count(*) FROM placements p WHERE p.id >= ?1 AND NOT EXISTS (SELECT 1 FROM events e
			JOIN event_actors a ON a.event_id = e.id WHERE e.entity = 'placering' AND e.entity_id = p.id
			AND e.kind = 'oprettet' AND e.detail = '' AND a.actor = ?2)),
		(SELECT count(*) FROM events WHERE entity = 'placering' AND entity_id >= ?1) - ?3`,
		first, CurrentActor(), n).Scan(&without, &more); err != nil {
		t.Fatal(err)
	}
	if without != 0 || more != 0 {
		t.Errorf("%d imported placements without their event, %d events more than placements", without, more)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("Check after the import: %q, %v", problems, err)
	}

	// The form's saves, deletions and anonymisation after the import, and a
	// second import after them, keep the summaries too.
	mustSavePlacement(t, s, okPlacement(ids))
	if _, err := s.DeletePlacements(ctx, []int64{int64(first), int64(first + 5)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AnonymisePlacements(ctx, []int64{int64(first + 1), int64(first + n - 1)}); err != nil {
		t.Fatal(err)
	}
	p, err := s.Placement(ctx, int64(first+2))
	if err != nil {
		t.Fatal(err)
	}
	f := p.Form()
	f.OrganisationID, f.PositionID, f.SchemeID, f.Start, f.End = ids.varme, 0, ids.scheme["loentilskud"], "1.2.2017", ""
	mustSavePlacement(t, s, f)
	if _, err := s.Import(ctx, "flere.csv", randomPlacements(r, 300)); err != nil {
		t.Fatal(err)
	}
	wantNoBulkImportMark(t, s)
	wantTallies(t, s, "edits and a second import")
	checkPlacementSummaries(t, s, "edits and a second import")
	checkSearchMatchesOld(t, s, []string{"deltager 4", "øst"}, filters[:2], 1000)
	if problems, err := s.CheckChain(ctx); err != nil || len(problems) > 0 {
		t.Errorf("audit chain: %q, %v", problems, err)
	}
}

// A file whose bad rows come after a whole batch was written is refused
// with the form's Danish messages, naming line and column, and leaves the
// file as it was: no placement, event, summary or mark.
func TestImportRefusedAfterABatch(t *testing.T) {
	s := mustDemo(t)
	before := snapshotCounts(t, s)
	tallies := tallyLines(t, s, tallyStored)
	rows := randomPlacements(rand.New(rand.NewPCG(1, 2)), bulkBatch+10)
	bad := func(line int, f PlacementForm) ImportRow {
		f.Start = "1.3.2016"
		return placementRow(line, PlacementImport{Enterprise: "Bevar", Scheme: "Fleksjob", Form: f})
	}
	at := len(rows) + 2 // the line after the good rows
	rows = append(rows,
		bad(at, PlacementForm{Pseudonym: "A.B.", HoursPerWeek: "81"}),                    // the CHECK on hours
		bad(at+1, PlacementForm{Pseudonym: "010203-1234"}),                               // a CPR number
		bad(at+2, PlacementForm{Pseudonym: "C.D.", Notes: "ring på 0102031234"}),         // a CPR number in the notes
		bad(at+3, PlacementForm{Pseudonym: "E.F.", End: "1.1.2016", HoursPerWeek: "10"})) // ends before it starts
	n, err := s.Import(context.Background(), "placeringer.csv", rows)
	if n != 0 {
		t.Errorf("Import = %d rows", n)
	}
	want := []string{
		fmt.Sprintf("linje %d, kolonne Timer pr. uge: skal være mellem 0 og 80 timer (81)", at),
		fmt.Sprintf("linje %d, kolonne Initialer: ligner et CPR-nummer (010203-1234); CPR-numre må ikke gemmes her", at+1),
		fmt.Sprintf("linje %d, kolonne Noter: ligner et CPR-nummer (0102031234); CPR-numre må ikke gemmes her", at+2),
		fmt.Sprintf("linje %d, kolonne Slut: slutdatoen (1.1.2016) ligger før startdatoen (1.3.2016)", at+3),
	}
	if got := problemLines(t, err); !slices.Equal(got, want) {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	sameCounts(t, before, snapshotCounts(t, s))
	if got := tallyLines(t, s, tallyStored); !slices.Equal(got, tallies) {
		t.Errorf("the tallies changed with a refused import")
	}
	checkPlacementSummaries(t, s, "a refused import")
	wantNoBulkImportMark(t, s)
}

// unparsedPlacement is a placement that reaches the import's batch without
// the form's Parse, as a file written by another tool might hold one if a
// rule of Parse were ever looser than the schema's: the schema's CHECKs and
// guard triggers must refuse it there.
type unparsedPlacement struct{ p Placement }

func (r unparsedPlacement) importInto(ctx context.Context, tx dbtx, im *importer) error {
	return im.stagePlacement(ctx, tx, r.p)
}

// The schema judges every row of a batch: a row that only the schema
// refuses refuses the import with its line and the schema's reason in
// Danish, and nothing of the import stays, not even the rows of the same
// statement before it.
func TestImportBatchKeepsTheSchemaGuards(t *testing.T) {
	s := mustDemo(t)
	ids := demoStaffingIDs(t, s)
	ok := Placement{Pseudonym: "G.H.", OrganisationID: ids.bevar, SchemeID: ids.scheme["fleksjob"], HoursPerWeek: 10,
		Start: time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		name string
		bad  func(p Placement) Placement
		want string
	}{
		{"six digits in the pseudonym", func(p Placement) Placement { p.Pseudonym = "AB123456"; return p },
			"en værdi overholder ikke databasens regler"},
		{"too many hours", func(p Placement) Placement { p.HoursPerWeek = 81; return p },
			"en værdi overholder ikke databasens regler"},
		{"a CPR number in the notes", func(p Placement) Placement { p.Notes = "ring 010203-1234"; return p },
			"ligner et CPR-nummer; CPR-numre må ikke gemmes (placements)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshotCounts(t, s)
			rows := randomPlacements(rand.New(rand.NewPCG(3, 4)), bulkBatch+maxPlacementsPerStatement+9)
			line := bulkBatch + maxPlacementsPerStatement/2 // in the middle of a statement's rows
			rows[line-2] = ImportRow{Line: line, Columns: placementCols, Record: unparsedPlacement{tc.bad(ok)}}
			_, err := s.Import(context.Background(), "placeringer.csv", rows)
			got := problemLines(t, err)
			if len(got) != 1 || !strings.HasPrefix(got[0], fmt.Sprintf("linje %d: %s", line, tc.want)) {
				t.Errorf("problems %q, want one for line %d: %s", got, line, tc.want)
			}
			sameCounts(t, before, snapshotCounts(t, s))
			wantTallies(t, s, "a refused import")
			checkPlacementSummaries(t, s, "a refused import")
			wantNoBulkImportMark(t, s)
		})
	}
	// Checked the same way, the good placement goes in.
	rows := []ImportRow{{Line: 2, Columns: placementCols, Record: unparsedPlacement{ok}}}
	if n, err := s.Import(context.Background(), "placeringer.csv", rows); n != 1 || err != nil {
		t.Errorf("Import of a good placement = %d, %v", n, err)
	}
}

// A mark of an import left in the file (never by the program: the import
// deletes it in its own transaction) is reported by Check, and keeps the
// next import out rather than letting it count twice.
func TestCheckFindsABulkImportMarkLeftBehind(t *testing.T) {
	s := mustDemo(t)
	path := s.Path()
	s.Close()
	rawDB(t, path, `INSERT INTO bulk_import (id) VALUES (1)`)
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	problems, err := s2.Check(context.Background())
	if err != nil || !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, "bulk_import") }) {
		t.Errorf("Check = %q, %v; want the mark named", problems, err)
	}
	before := snapshotCounts(t, s2)
	if _, err := s2.Import(context.Background(), "placeringer.csv", randomPlacements(rand.New(rand.NewPCG(5, 6)), 3)); err == nil {
		t.Error("an import ran with a mark left in the file")
	}
	sameCounts(t, before, snapshotCounts(t, s2))
}

// Rows that create positions while earlier batches are being written: each
// waits for its turn with the transaction, and the audit log chains the
// positions' events and the batches' in the order they were written.
func TestImportCreatesPositionsBesideTheBatches(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	positions, events := countRows(t, s, "positions"), countRows(t, s, "events")
	var lastBefore int64
	if err := s.DB().QueryRow(`SELECT coalesce(max(id), 0) FROM placements`).Scan(&lastBefore); err != nil {
		t.Fatal(err)
	}
	rows := randomPlacements(rand.New(rand.NewPCG(7, 8)), 3*bulkBatch)
	titles := 0
	for i := firstBatch + 1; i < len(rows); i += 251 {
		r := rows[i].Record.(PlacementImport)
		r.Position = fmt.Sprintf("Stilling %d", i)
		rows[i].Record = r
		titles++
	}
	if n, err := s.Import(ctx, "placeringer.csv", rows); err != nil || n != len(rows) {
		t.Fatalf("Import = %d, %v", n, err)
	}
	if n := countRows(t, s, "positions"); n < positions+titles {
		t.Errorf("%d positions, want at least %d", n, positions+titles)
	}
	var wrong int
	if err := s.DB().QueryRow(`SELECT count(*) FROM placements p JOIN positions po ON po.id = p.position_id
		WHERE po.organisation_id IS NOT p.organisation_id`).Scan(&wrong); err != nil || wrong != 0 {
		t.Errorf("%d placements on another enterprise's position: %v", wrong, err)
	}
	// A placement and a position created by each row that names a new one,
	// and the import itself.
	added := countRows(t, s, "positions") - positions
	if n := countRows(t, s, "events"); n != events+len(rows)+added+1 {
		t.Errorf("%d events, want %d", n, events+len(rows)+added+1)
	}
	// The writer can be two batches behind at most: the last positions
	// come after events it wrote.
	var interleaved bool
	if err := s.DB().QueryRow(`SELECT (SELECT max(id) FROM events WHERE entity = ?1 AND kind = 'oprettet') >
		(SELECT min(id) FROM events WHERE entity = ?2 AND entity_id > ?3)`, positionKind.entity, placementKind.entity,
		lastBefore).Scan(&interleaved); err != nil || !interleaved {
		t.Errorf("no position was created after a batch was written (%v)", err)
	}
	if problems, err := s.CheckChain(ctx); err != nil || len(problems) > 0 {
		t.Errorf("audit chain: %q, %v", problems, err)
	}
	wantTallies(t, s, "an import that creates positions")
	checkPlacementSummaries(t, s, "an import that creates positions")
	wantNoBulkImportMark(t, s)
}
