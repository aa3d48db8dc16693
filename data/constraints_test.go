package data

import (
	"context"
	"strings"
	"testing"
)

// The file guards itself: another SQLite tool writing to it directly still
// cannot store what can never be valid.
func TestSchemaConstraints(t *testing.T) {
	const now = "'2015-03-01T09:30:00Z'"
	tests := []struct {
		name string
		sql  string
		want string // part of SQLite's message
	}{
		{"organisation kind",
			`INSERT INTO organisations (name, sort_key, search_text, kind, created_at, updated_at)
			 VALUES ('X', x'00', 'x', 'foo', ` + now + `, ` + now + `)`, "CHECK"},
		{"organisation CVR with letters",
			`INSERT INTO organisations (name, sort_key, search_text, kind, cvr, created_at, updated_at)
			 VALUES ('X', x'00', 'x', 'andet', '2918850X', ` + now + `, ` + now + `)`, "CHECK"},
		{"second organisation with the municipality's CVR",
			`INSERT INTO organisations (name, sort_key, search_text, kind, cvr, created_at, updated_at)
			 VALUES ('X', x'00', 'x', 'andet', '29188505', ` + now + `, ` + now + `)`, "UNIQUE"},
		{"date that does not exist",
			`UPDATE organisations SET rsv_checked_on = '2015-02-31' WHERE name = 'Bevar'`, "CHECK"},
		{"Danish date format in a date column",
			`UPDATE organisations SET rsv_checked_on = '21.2.2015' WHERE name = 'Bevar'`, "CHECK"},
		{"contact to before from",
			`INSERT INTO contacts (organisation_id, name, sort_key, valid_from, valid_to, created_at, updated_at)
			 VALUES ((SELECT id FROM organisations WHERE name = 'Bevar'), 'X', x'00', '2015-03-01', '2015-02-28', ` + now + `, ` + now + `)`, "CHECK"},
		{"contact of a missing organisation",
			`INSERT INTO contacts (organisation_id, name, sort_key, created_at, updated_at)
			 VALUES (999, 'X', x'00', ` + now + `, ` + now + `)`, "FOREIGN KEY"},
		{"negative area",
			`UPDATE rooms SET area_m2 = -12 WHERE name = 'Systue'`, "CHECK"},
		{"lease ending before it starts",
			`UPDATE leases SET end_on = '2015-08-31' WHERE start_on = '2015-09-01'`, "CHECK"},
		{"placement pseudonym over 40 characters",
			`UPDATE placements SET pseudonym = printf('%.50c', 'x') WHERE pseudonym = 'A.B.'`, "CHECK"},
		{"approval of an enterprise by the residents' meeting",
			`INSERT INTO approvals (body, organisation_id, approved_on, created_at, updated_at)
			 VALUES ('afdelingsmoede', (SELECT id FROM organisations WHERE name = 'Bevar'), '2015-05-27', ` + now + `, ` + now + `)`, "CHECK"},
		{"lease overlapping another lease of the same room",
			`INSERT INTO lease_rooms (lease_id, room_id) VALUES (
				(SELECT id FROM leases WHERE start_on = '2016-06-01'), (SELECT id FROM rooms WHERE name = 'Systue'))`,
			"lejemål overlapper et andet lejemål af samme lokale"},
		{"lease moved into another lease's time",
			`UPDATE leases SET end_on = NULL WHERE start_on = '2015-01-01'`,
			"lejemål overlapper et andet lejemål af samme lokale"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustDemo(t)
			db := s.DB()
			// A lease of the same landlord to Fra de varme lande, open-ended
			// from 1.6.2016, and one that ended before Bevar's began, holding the
			// Systue: both are legal on their own.
			mustExec(t, s, `INSERT INTO leases (landlord_id, tenant_id, start_on, created_at, updated_at)
				VALUES ((SELECT id FROM organisations WHERE name = 'BoligKorsør'),
				        (SELECT id FROM organisations WHERE name = 'Fra de varme lande'), '2016-06-01', `+now+`, `+now+`)`)
			mustExec(t, s, `INSERT INTO leases (landlord_id, tenant_id, start_on, end_on, created_at, updated_at)
				VALUES ((SELECT id FROM organisations WHERE name = 'BoligKorsør'),
				        (SELECT id FROM organisations WHERE name = 'Sekstanten'), '2015-01-01', '2015-08-31', `+now+`, `+now+`)`)
			mustExec(t, s, `INSERT INTO lease_rooms (lease_id, room_id) VALUES (
				(SELECT id FROM leases WHERE start_on = '2015-01-01'), (SELECT id FROM rooms WHERE name = 'Systue'))`)
			before := snapshotCounts(t, s)
			_, err := db.Exec(tt.sql)
			if err == nil {
				t.Fatalf("accepted: %s", tt.sql)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
			sameCounts(t, before, snapshotCounts(t, s))
			if problems, err := s.Check(context.Background()); err != nil || len(problems) > 0 {
				t.Errorf("Check after the refused write = %q, %v", problems, err)
			}
		})
	}
}

// The triggers refuse overlaps only: back-to-back leases and an archived
// old lease are fine.
func TestLeaseOverlapAllowsWhatIsLegal(t *testing.T) {
	s := mustDemo(t)
	const now = "'2015-03-01T09:30:00Z'"
	// Bevar's lease of the Systue is open-ended from 1.9.2015; a lease that
	// ends the day before is legal.
	mustExec(t, s, `INSERT INTO leases (landlord_id, tenant_id, start_on, end_on, created_at, updated_at)
		VALUES ((SELECT id FROM organisations WHERE name = 'BoligKorsør'),
		        (SELECT id FROM organisations WHERE name = 'Sekstanten'), '2015-01-01', '2015-08-31', `+now+`, `+now+`)`)
	mustExec(t, s, `INSERT INTO lease_rooms (lease_id, room_id) VALUES (
		(SELECT id FROM leases WHERE start_on = '2015-01-01'), (SELECT id FROM rooms WHERE name = 'Systue'))`)
	// Ending Bevar's lease and letting the room to someone else afterwards.
	mustExec(t, s, `UPDATE leases SET end_on = '2016-05-31' WHERE start_on = '2015-09-01'`)
	mustExec(t, s, `INSERT INTO leases (landlord_id, tenant_id, start_on, created_at, updated_at)
		VALUES ((SELECT id FROM organisations WHERE name = 'BoligKorsør'),
		        (SELECT id FROM organisations WHERE name = 'Fra de varme lande'), '2016-06-01', `+now+`, `+now+`)`)
	mustExec(t, s, `INSERT INTO lease_rooms (lease_id, room_id) VALUES (
		(SELECT id FROM leases WHERE start_on = '2016-06-01'), (SELECT id FROM rooms WHERE name = 'Systue'))`)
	// Re-opening Bevar's lease would now overlap.
	if _, err := s.DB().Exec(`UPDATE leases SET end_on = NULL WHERE start_on = '2015-09-01'`); err == nil ||
		!strings.Contains(err.Error(), "overlapper") {
		t.Errorf("re-opening an ended lease over a later one = %v, want the overlap error", err)
	}
	// An archived lease no longer blocks the room.
	mustExec(t, s, `UPDATE leases SET archived_at = `+now+` WHERE start_on = '2016-06-01'`)
	mustExec(t, s, `UPDATE leases SET end_on = NULL WHERE start_on = '2015-09-01'`)
}

func mustExec(t *testing.T, s *Store, q string, args ...any) {
	t.Helper()
	if _, err := s.DB().Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
