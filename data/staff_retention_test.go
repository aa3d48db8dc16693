package data

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

func TestDuePlacementsFollowTheDeleteByDate(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	// "Syerske 3"'s case closed 29.1.2016; a year later she is due.
	due := func(day string) []string {
		t.Helper()
		d, _ := time.Parse(time.DateOnly, day)
		ps, err := s.DuePlacements(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range ps {
			out = append(out, p.Pseudonym)
		}
		return out
	}
	if got := due("2017-01-28"); len(got) != 0 {
		t.Errorf("due the day before: %v", got)
	}
	if got := due("2017-01-29"); strings.Join(got, ",") != "Syerske 3" {
		t.Errorf("due on the day: %v", got)
	}
	// Soonest first; an anonymised one is no longer due.
	ids := demoStaffingIDs(t, s)
	f := okPlacement(ids)
	f.End, f.CaseClosedOn, f.DeleteBy = "1.10.2015", "1.11.2015", "1.12.2016"
	early := mustSavePlacement(t, s, f)
	if got := due("2017-02-01"); strings.Join(got, ",") != "A.H.,Syerske 3" {
		t.Errorf("order: %v", got)
	}
	if _, err := s.AnonymisePlacements(ctx, []int64{early.ID}); err != nil {
		t.Fatal(err)
	}
	if got := due("2017-02-01"); strings.Join(got, ",") != "Syerske 3" {
		t.Errorf("after anonymising: %v", got)
	}
}

// secretPlacements saves two placements whose pseudonym and notes are
// strings found nowhere else, and a draft of one of them, and returns them.
func secretPlacements(t *testing.T, s *Store) (ids []int64, secrets []string) {
	t.Helper()
	st := demoStaffingIDs(t, s)
	for i, who := range []string{"Qxzwy", "Wvqzx"} {
		f := okPlacement(st)
		f.Pseudonym = who
		f.Notes = "Notat-" + who + "-hemmeligt"
		f.TargetGroupID = st.group["Kvinder 30–50 år uden tilknytning til arbejdsmarkedet"]
		f.End, f.CaseClosedOn = "1.10.2015", "1.11.2015"
		p := mustSavePlacement(t, s, f)
		ids = append(ids, p.ID)
		secrets = append(secrets, who, f.Notes)
		if i == 0 {
			f.ID = p.ID
			if _, err := s.SaveDraft(context.Background(), DraftPlacement, p.ID, f); err != nil {
				t.Fatal(err)
			}
		}
	}
	return ids, secrets
}

// fileHolds tells which of secrets occur in the database file or its
// write-ahead log, as bytes on disk.
func fileHolds(t *testing.T, s *Store, secrets []string) []string {
	t.Helper()
	var all []byte
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(s.Path() + suffix)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	var found []string
	for _, sec := range secrets {
		if bytes.Contains(all, []byte(sec)) {
			found = append(found, sec)
		}
	}
	return found
}

func TestAnonymiseRemovesThePersonDataFromTheFile(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	ids, secrets := secretPlacements(t, s)
	// The check can fail: before, the file holds every secret.
	if _, err := s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	if found := fileHolds(t, s, secrets); len(found) != len(secrets) {
		t.Fatalf("before anonymising the file holds only %q of %q; the check looks in the wrong place", found, secrets)
	}
	events := countRows(t, s, "events")
	before, _ := s.Placement(ctx, ids[0])

	n, err := s.AnonymisePlacements(ctx, append(ids, ids[0], 999999))
	if err != nil || n != 2 {
		t.Fatalf("AnonymisePlacements = %d, %v; want 2", n, err)
	}
	wantGone(t, s, secrets)

	// What the counts need is kept; the person is gone.
	p, err := s.Placement(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if p.Pseudonym != "anonymiseret" || p.Notes != "" || p.TargetGroupID != 0 || !p.Anonymised() {
		t.Errorf("anonymised placement = %+v", p)
	}
	if p.OrganisationID != before.OrganisationID || p.SchemeID != before.SchemeID || !p.Start.Equal(before.Start) ||
		!p.End.Equal(before.End) || p.Resident != before.Resident || p.HoursPerWeek != before.HoursPerWeek {
		t.Errorf("anonymising lost what the counts need: %+v, was %+v", p, before)
	}
	if drafts, _ := s.Drafts(ctx); len(drafts) != 0 {
		t.Errorf("the draft of an anonymised placement is kept: %+v", drafts)
	}
	// One event: what, when, how many.
	if got := countRows(t, s, "events"); got != events+1 {
		t.Fatalf("%d events written, want 1", got-events)
	}
	var kind, entity, detail, at string
	s.DB().QueryRow(`SELECT kind, entity, detail, at FROM events ORDER BY id DESC LIMIT 1`).Scan(&kind, &entity, &detail, &at)
	if kind != "anonymiseret" || entity != "placeringer" || !strings.HasPrefix(detail, "2 placeringer anonymiseret") ||
		at != "2015-03-01T09:30:00Z" {
		t.Errorf("event = %s %s %q at %s", kind, entity, detail, at)
	}
	// It cannot be undone or edited back into a person.
	f := p.Form()
	f.Pseudonym = "Qxzwy"
	_, err = s.SavePlacement(ctx, f)
	wantFieldError(t, err, "Pseudonym", "anonymiseret")
	if _, err := s.DB().Exec(`UPDATE placements SET anonymised_at = NULL, pseudonym = 'Qxzwy' WHERE id = ?`, ids[0]); err == nil {
		t.Error("the file let an anonymised placement be named again")
	}
	// Nothing to do is no event.
	if n, err := s.AnonymisePlacements(ctx, ids); n != 0 || err != nil || countRows(t, s, "events") != events+1 {
		t.Errorf("anonymising again = %d, %v", n, err)
	}
}

func TestDeleteRemovesThePlacementsFromTheFile(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	ids, secrets := secretPlacements(t, s)
	placements, events := countRows(t, s, "placements"), countRows(t, s, "events")
	n, err := s.DeletePlacements(ctx, ids)
	if err != nil || n != 2 {
		t.Fatalf("DeletePlacements = %d, %v", n, err)
	}
	if got := countRows(t, s, "placements"); got != placements-2 {
		t.Errorf("%d placements left, want %d", got, placements-2)
	}
	if got := countRows(t, s, "events"); got != events+1 {
		t.Errorf("%d events written, want 1", got-events)
	}
	var detail string
	s.DB().QueryRow(`SELECT detail FROM events WHERE kind = 'slettet' AND entity = 'placeringer'`).Scan(&detail)
	if !strings.HasPrefix(detail, "2 placeringer slettet") {
		t.Errorf("event detail %q", detail)
	}
	wantGone(t, s, secrets)
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("Check after deleting = %q, %v", problems, err)
	}
}

func TestRetentionYearsSetting(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	for value, want := range map[string]int{"1": 1, "5": 5, "0": 1, "x": 1} {
		if _, err := s.DB().Exec(`UPDATE settings SET value = ? WHERE key = 'retention_person_years'`, value); err != nil {
			t.Fatal(err)
		}
		if got, err := s.RetentionPersonYears(ctx); err != nil || got != want {
			t.Errorf("setting %q: %d, %v; want %d", value, got, err, want)
		}
	}
}
