package data

import (
	"context"
	"errors"
	"slices"
	"testing"
)

// Every kind that can be archived comes back whole with "Genskab": the
// record is active again, both steps are in its audit log, and restoring
// something that does not exist says so.
func TestEveryArchivedKindCanBeRestored(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	tpl, _ := mustSaveTemplate(t, s, TemplateForm{Name: "Samarbejdsaftale", Body: partnershipBody})
	type kind struct {
		name, entity     string
		id               int64
		archive, restore func(context.Context, int64) error
		archived         func(int64) (bool, error)
	}
	kinds := []kind{
		{"room", "lokale", idOf(t, s, "rooms", "Mødelokale"), s.ArchiveRoom, s.RestoreRoom,
			func(id int64) (bool, error) { r, err := s.Room(ctx, id); return r.Archived(), err }},
		{"premises", "ejendom", idOf(t, s, "premises", "Kvarterhuset"), s.ArchivePremises, s.RestorePremises,
			func(id int64) (bool, error) { p, err := s.Premises(ctx, id); return p.Archived(), err }},
		{"position", "stilling", rowIDOf(t, s, "SELECT id FROM positions WHERE title = 'Caféassistent'"), s.ArchivePosition, s.RestorePosition,
			func(id int64) (bool, error) { p, err := s.Position(ctx, id); return p.Archived(), err }},
		{"target group", "målgruppe", idOf(t, s, "target_groups", "Andre"), s.ArchiveTargetGroup, s.RestoreTargetGroup,
			func(id int64) (bool, error) { g, err := s.TargetGroup(ctx, id); return g.Archived(), err }},
		{"scheme", "ordning", idOf(t, s, "schemes", "Frivillig"), s.ArchiveScheme, s.RestoreScheme,
			func(id int64) (bool, error) { sc, err := s.Scheme(ctx, id); return sc.Archived(), err }},
		{"template", "skabelon", tpl.ID, s.ArchiveTemplate, s.RestoreTemplate,
			func(id int64) (bool, error) { tp, err := s.Template(ctx, id); return tp.Archived(), err }},
		{"organisation", "organisation", idOf(t, s, "organisations", "Jobenheden, Projekt Ringparken og Motalavej"),
			s.ArchiveOrganisation, s.RestoreOrganisation,
			func(id int64) (bool, error) { o, err := s.Organisation(ctx, id); return o.Archived(), err }},
		{"contact", "kontaktperson", idOf(t, s, "contacts", "Peter Bech"), s.ArchiveContact, s.RestoreContact,
			func(id int64) (bool, error) { k, err := s.Contact(ctx, id); return k.Archived(), err }},
		{"lease", "lejemål", rowIDOf(t, s, "SELECT id FROM leases WHERE tenant_id = "+sqlOrg("Bevar")), s.ArchiveLease, s.RestoreLease,
			func(id int64) (bool, error) { l, err := s.Lease(ctx, id); return l.Archived(), err }},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			wantArchived := func(step string, want bool) {
				t.Helper()
				got, err := k.archived(k.id)
				if err != nil {
					t.Fatalf("%s: read: %v", step, err)
				}
				if got != want {
					t.Fatalf("%s: archived = %v, want %v", step, got, want)
				}
			}
			wantArchived("before", false)
			if err := k.archive(ctx, k.id); err != nil {
				t.Fatalf("archive: %v", err)
			}
			wantArchived("archived", true)
			if err := k.restore(ctx, k.id); err != nil {
				t.Fatalf("restore: %v", err)
			}
			wantArchived("restored", false)
			// Restoring an active record leaves it active.
			if err := k.restore(ctx, k.id); err != nil {
				t.Fatalf("second restore: %v", err)
			}
			wantArchived("restored twice", false)
			kinds := eventKinds(t, s, k.entity, k.id)
			if i := slices.Index(kinds, "arkiveret"); i < 0 || !slices.Contains(kinds[i:], "genskabt") {
				t.Errorf("audit log of %s %d: %q, want arkiveret then genskabt", k.entity, k.id, kinds)
			}
			if err := k.restore(ctx, 99999); !errors.Is(err, ErrNotFound) {
				t.Errorf("restoring a %s that does not exist: %v, want ErrNotFound", k.name, err)
			}
		})
	}
}

// rowIDOf reads the id that q selects.
func rowIDOf(tb testing.TB, s *Store, q string) int64 {
	tb.Helper()
	var id int64
	if err := s.DB().QueryRow(q).Scan(&id); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return id
}
