package csvio

import (
	"context"
	"testing"

	"partnerskab/data"
)

// The import keeps what it looks up for the whole file and the audit
// chain's newest event; rows that create positions on the way change both.
// Each row must still see what the rows before it created, and the audit
// log must chain as if every row had been saved from the form.
func TestImportPlacementsSeesWhatEarlierRowsCreated(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	positions, events := count(t, s, "positions"), count(t, s, "events")
	mustImport(t, s, "placements", csvText(placementsHeader,
		"A.A.;Bevar;Pakker;Fleksjob;10;;;1.3.2016;;;",             // creates Pakker for Bevar
		"B.B.;Bevar;pakker;Løntilskud;12;;;2.3.2016;;;",           // finds it
		"C.C.;Fra de varme lande;Pakker;Fleksjob;8;;;3.3.2016;;;", // another enterprise: its own Pakker
		"D.D.;Bevar;Pakker;Fleksjob;10;;;4.3.2016;;;",             // Bevar's, not Kvarterhuset's
	))
	if n := count(t, s, "positions"); n != positions+2 {
		t.Errorf("%d positions, want %d: one Pakker for each enterprise", n, positions+2)
	}
	// Four placements, two positions and the import itself.
	if n := count(t, s, "events"); n != events+7 {
		t.Errorf("%d events, want %d", n, events+7)
	}
	var wrong int
	if err := s.DB().QueryRow(`SELECT count(*) FROM placements p JOIN positions po ON po.id = p.position_id
		WHERE p.pseudonym IN ('A.A.', 'B.B.', 'C.C.', 'D.D.') AND po.organisation_id IS NOT p.organisation_id`).Scan(&wrong); err != nil || wrong != 0 {
		t.Errorf("%d placements on another enterprise's position: %v", wrong, err)
	}
	var pakker int
	if err := s.DB().QueryRow(`SELECT count(DISTINCT p.position_id) FROM placements p
		WHERE p.pseudonym IN ('A.A.', 'B.B.', 'D.D.')`).Scan(&pakker); err != nil || pakker != 1 {
		t.Errorf("Bevar's three placements on %d positions, want 1: %v", pakker, err)
	}
	// A save from the form, and a second import, chain on from it.
	bevar := orgByName(t, s, "Bevar")
	schemes, err := s.Schemes(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePlacement(ctx, data.PlacementForm{Pseudonym: "E.E.", OrganisationID: bevar.ID,
		SchemeID: schemes[0].ID, Start: "1.4.2016"}); err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, "placements", csvText(placementsHeader, "F.F.;Bevar;Lagerstyrer;Fleksjob;10;;;1.5.2016;;;"))
	problems, err := s.CheckChain(ctx)
	if err != nil || len(problems) > 0 {
		t.Errorf("audit chain: %v %v", problems, err)
	}
}

// A row refused after rows that created positions keeps them out too.
func TestImportRefusedAfterCreatingPositions(t *testing.T) {
	s := demoStore(t)
	before := counts(t, s)
	_, err := importText(t, s, "placements", csvText(placementsHeader,
		"A.A.;Bevar;Pakker;Fleksjob;10;;;1.3.2016;;;",
		"B.B.;Bevar;Pakker;Fleksjob;10;;;1.3.2016;;;",
		"C.C.;Bevar;Pakker;Fleksjobb;10;;;1.3.2016;;;"))
	wantProblems(t, err, "linje 4, kolonne Ordning: ukendt ordning (Fleksjobb); skriv en af: Ordinært job, Fleksjob, Løntilskud, Virksomhedspraktik, Job med ydelse, Frivillig")
	sameCounts(t, before, counts(t, s))
	problems, err := s.CheckChain(context.Background())
	if err != nil || len(problems) > 0 {
		t.Errorf("audit chain: %v %v", problems, err)
	}
}
