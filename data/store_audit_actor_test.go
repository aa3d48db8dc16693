package data

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryEventNamesItsActor: a save, a backup, an export and a restore
// each leave an event naming the operating-system user, and the chain
// still holds; an actor changed or added afterwards breaks it.
func TestEveryEventNamesItsActor(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	o := mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "andet"})
	backup := filepath.Join(t.TempDir(), "kopi.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	before, err := s.AuditLog(ctx, s.Now().AddDate(0, 0, -1))
	if err != nil {
		t.Fatal(err)
	}
	if b := before[len(before)-1]; b.Kind != EventBackup || b.Actor != CurrentActor() || !strings.Contains(b.Detail, "kopi.db") {
		t.Errorf("after a backup the last event is %+v", b)
	}
	if _, err := s.Restore(ctx, backup, nil); err != nil {
		t.Fatal(err)
	}
	events, err := s.AuditLog(ctx, s.Now().AddDate(0, 0, -1))
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]Event{}
	for _, e := range events {
		if e.Actor != CurrentActor() {
			t.Errorf("event %d (%s %s) names actor %q, want %q", e.ID, e.Kind, e.Entity, e.Actor, CurrentActor())
		}
		kinds[e.Kind] = e
	}
	// The restored file is the backup's, so the backup's own event (written
	// after the copy) is not in it; the restore's event is.
	for _, k := range []string{"oprettet", EventRestored} {
		if _, ok := kinds[k]; !ok {
			t.Errorf("no %q event in %v", k, events)
		}
	}
	if !strings.Contains(kinds[EventRestored].Detail, "kopi.db") {
		t.Errorf("restore event says %q, want the backup named", kinds[EventRestored].Detail)
	}
	if err := s.LogExport(ctx, "organisation", o.ID, "CSV: partners", "p.csv"); err != nil {
		t.Fatal(err)
	}
	events, _ = s.AuditLog(ctx, s.Now().AddDate(0, 0, -1))
	last := events[len(events)-1]
	if last.Kind != EventExported || last.Actor != CurrentActor() || !strings.Contains(last.Detail, "p.csv") {
		t.Errorf("export event = %+v", last)
	}
	if p, err := s.CheckChain(ctx); err != nil || len(p) > 0 {
		t.Fatalf("chain before tampering: %v %v", p, err)
	}
	if _, err := s.DB().Exec(`UPDATE event_actors SET actor = 'en anden' WHERE event_id = ?`, last.ID); err == nil {
		t.Error("an actor could be changed")
	}
	if _, err := s.DB().Exec(`INSERT INTO event_actors (event_id, actor) VALUES (?, 'en anden')`, events[0].ID); err == nil {
		t.Error("an actor could be added to an old event")
	}
	// Removing an actor (the trigger cannot stop a delete that the cascade
	// needs) is found by the chain.
	mustExec(t, s, `DELETE FROM event_actors WHERE event_id = ?`, last.ID)
	if p, _ := s.CheckChain(ctx); len(p) == 0 {
		t.Error("an event's actor was removed and the chain did not notice")
	}
}

// TestAuditLogSince leaves out the events before the day asked for.
func TestAuditLogSince(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "andet"})
	all, err := s.AuditLog(ctx, s.Now().AddDate(-1, 0, 0))
	if err != nil || len(all) == 0 {
		t.Fatalf("AuditLog: %v %v", all, err)
	}
	later, err := s.AuditLog(ctx, s.Now().AddDate(0, 0, 1))
	if err != nil || len(later) != 0 {
		t.Errorf("events after tomorrow: %v %v", later, err)
	}
}
