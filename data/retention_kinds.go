package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// The retention of contact people, meetings' attendance and notes, form
// drafts and scans (placements: staff_retention.go; signed agreements and
// the audit log's person references: retention_agreements.go).

// AnonymisedName replaces the name of an anonymised contact person.
const AnonymisedName = "anonymiseret"

// DraftMeeting is the meeting form's name in form_drafts.
const DraftMeeting = "møde"

// Contact people are due N years (retention_contact_years) after their end
// date: the day their role ended (Til), or the day they were archived when
// no end was written. Anonymising keeps the row that old meetings, action
// items and checklist items point at; deleting removes it with the
// memberships and the attendance, and is refused while something that must
// be kept names them (an action item, a signatory, an approved agenda).
var _ = registerPurger(&purger{kind: KindContact, one: "kontaktperson", many: "kontaktpersoner", entity: "kontaktpersoner",
	anonymise: func(ctx context.Context, tx *sql.Tx, now string, k DueKey) (bool, error) {
		return execPurge(ctx, tx, "", k.ID, `UPDATE contacts SET name = ?1, sort_key = ?2, title = '', email = '', phone = '',
			role = '', notes = '', anonymised_at = ?3, archived_at = coalesce(archived_at, ?3), updated_at = ?3
			WHERE id = ?4 AND anonymised_at IS NULL`, AnonymisedName, dk.SortKey(AnonymisedName), now, k.ID)
	},
	delete: deleteContact,
})

func deleteContact(ctx context.Context, tx *sql.Tx, _ string, k DueKey) (bool, error) {
	var name string
	err := tx.QueryRowContext(ctx, `SELECT name FROM contacts WHERE id = ?`, k.ID).Scan(&name)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var actions, signs, agenda int
	if err := tx.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM action_items WHERE owner_id = ?1),
		(SELECT count(*) FROM signatories WHERE contact_id = ?1),
		(SELECT count(*) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.owner_id = ?1 AND m.status = 'godkendt')`,
		k.ID).Scan(&actions, &signs, &agenda); err != nil {
		return false, err
	}
	var why []string
	if actions > 0 {
		why = append(why, countNoun(actions, "handlingspunkt", "handlingspunkter"))
	}
	if signs > 0 {
		why = append(why, countNoun(signs, "aftale som underskriver", "aftaler som underskriver"))
	}
	if agenda > 0 {
		why = append(why, countNoun(agenda, "punkt på et godkendt referat", "punkter på godkendte referater"))
	}
	if len(why) > 0 {
		return false, fmt.Errorf("%s er nævnt i %s, som skal bevares, og kan ikke slettes; anonymisér i stedet",
			name, strings.Join(why, " og "))
	}
	// Attendance of approved meetings goes through a permit per meeting.
	meetings, err := queryAll(ctx, tx, func(r scanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, `SELECT meeting_id FROM meeting_people WHERE contact_id = ?`, k.ID)
	if err != nil {
		return false, err
	}
	for _, m := range meetings {
		if err := withPermit(ctx, tx, "meetings", m, func() error {
			_, err := tx.ExecContext(ctx, `DELETE FROM meeting_people WHERE meeting_id = ? AND contact_id = ?`, m, k.ID)
			return err
		}); err != nil {
			return false, err
		}
	}
	for _, q := range []string{
		`DELETE FROM memberships WHERE contact_id = ?`,
		`UPDATE checklist_items SET owner_id = NULL WHERE owner_id = ?`,
		`UPDATE risks SET owner_id = NULL WHERE owner_id = ?`,
		`UPDATE agenda_items SET owner_id = NULL WHERE owner_id = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, k.ID); err != nil {
			return false, err
		}
	}
	return execPurge(ctx, tx, "", k.ID, `DELETE FROM contacts WHERE id = ?`, k.ID)
}

var _ = registerDue(KindContact, func(ctx context.Context, s *Store, day time.Time) ([]RetentionItem, error) {
	n, err := retentionSetting(ctx, s.db, SettingRetentionContactYears, 1)
	if err != nil {
		return nil, err
	}
	return queryAll(ctx, s.db, func(r scanner) (RetentionItem, error) {
		var it RetentionItem
		var org, end string
		err := r.Scan(&it.Key.ID, &it.Title, &org, &end)
		ended := dateCol(sql.NullString{String: end, Valid: true})
		it.DueOn = ended.AddDate(n, 0, 0)
		it.Detail = fmt.Sprintf("%s · ophørt %s · slettes senest %s", org, dk.FormatDate(ended), dk.FormatDate(it.DueOn))
		return it, err
	}, `SELECT k.id, k.name, o.name, coalesce(k.valid_to, substr(k.archived_at, 1, 10)) AS ended
		FROM contacts k JOIN organisations o ON o.id = k.organisation_id
		WHERE k.anonymised_at IS NULL AND coalesce(k.valid_to, substr(k.archived_at, 1, 10)) <= ?
		ORDER BY ended, k.id`, yearsBefore(day, n))
})

// A meeting's attendance (who was invited, who came) and its notes (the
// minutes' personal remarks: who sent regrets, who took the minutes) are
// due N years (retention_meeting_years) after the meeting. Anonymising
// removes them, also from approved minutes (through a purge permit); the
// meeting, its agenda, decisions and corrections stay as the partnership's
// record.
var _ = registerPurger(&purger{kind: KindMeeting, one: "møde", many: "møder", entity: "møder",
	anonymise: func(ctx context.Context, tx *sql.Tx, now string, k DueKey) (bool, error) {
		changed := false
		err := withPermit(ctx, tx, "meetings", k.ID, func() error {
			res, err := tx.ExecContext(ctx, `DELETE FROM meeting_people WHERE meeting_id = ?`, k.ID)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			res, err = tx.ExecContext(ctx, `UPDATE meetings SET notes = '' WHERE id = ? AND notes <> ''`, k.ID)
			if err != nil {
				return err
			}
			m, _ := res.RowsAffected()
			changed = n+m > 0
			_, err = tx.ExecContext(ctx, `DELETE FROM form_drafts WHERE form = ? AND record_id = ?`, DraftMeeting, k.ID)
			return err
		})
		return changed, err
	},
})

var _ = registerDue(KindMeeting, func(ctx context.Context, s *Store, day time.Time) ([]RetentionItem, error) {
	n, err := retentionSetting(ctx, s.db, SettingRetentionMeetingYears, 1)
	if err != nil {
		return nil, err
	}
	return queryAll(ctx, s.db, func(r scanner) (RetentionItem, error) {
		var it RetentionItem
		var held string
		var people int
		err := r.Scan(&it.Key.ID, &it.Title, &held, &people)
		d := dateCol(sql.NullString{String: held, Valid: true})
		it.Title += " " + dk.FormatDate(d)
		it.DueOn = d.AddDate(n, 0, 0)
		it.Detail = fmt.Sprintf("deltagerliste (%s) og noter · slettes senest %s", countNoun(people, "person", "personer"),
			dk.FormatDate(it.DueOn))
		return it, err
	}, `SELECT m.id, m.title, m.held_on, (SELECT count(*) FROM meeting_people WHERE meeting_id = m.id)
		FROM meetings m
		WHERE m.held_on <= ? AND (m.notes <> '' OR EXISTS (SELECT 1 FROM meeting_people WHERE meeting_id = m.id))
		ORDER BY m.held_on, m.id`, yearsBefore(day, n))
})

// A form draft (what was typed and not saved) is discarded N days
// (retention_draft_days, 30) after it was last written.
var _ = registerPurger(&purger{kind: KindDraft, one: "kladde", many: "kladder", entity: "kladder",
	delete: func(ctx context.Context, tx *sql.Tx, _ string, k DueKey) (bool, error) {
		return execPurge(ctx, tx, "", k.ID, `DELETE FROM form_drafts WHERE form = ? AND record_id = ?`, k.Form, k.ID)
	},
})

var _ = registerDue(KindDraft, func(ctx context.Context, s *Store, day time.Time) ([]RetentionItem, error) {
	n, err := retentionSetting(ctx, s.db, SettingRetentionDraftDays, 30)
	if err != nil {
		return nil, err
	}
	// A draft written on day-n or before (any time of that day) is due.
	limit := day.AddDate(0, 0, -n+1).Format(time.DateOnly)
	return queryAll(ctx, s.db, func(r scanner) (RetentionItem, error) {
		var it RetentionItem
		var at string
		err := r.Scan(&it.Key.Form, &it.Key.ID, &at)
		written := instantCol(sql.NullString{String: at, Valid: true})
		it.Title = fmt.Sprintf("Kladde (%s)", it.Key.Form)
		if it.Key.ID != 0 {
			it.Title = fmt.Sprintf("Kladde (%s nr. %d)", it.Key.Form, it.Key.ID)
		}
		it.DueOn = written.AddDate(0, 0, n)
		it.Detail = fmt.Sprintf("ikke gemt, sidst skrevet %s · kasseres efter %d dage", dk.FormatDate(written), n)
		return it, err
	}, `SELECT form, record_id, updated_at FROM form_drafts WHERE updated_at < ? ORDER BY updated_at, form, record_id`, limit)
})

// The scan of paper signatures of an agreement that was never signed
// (cancelled or rejected) is due N years (retention_scan_years) after it
// was attached; a signed agreement's scan goes with the agreement.
var _ = registerPurger(&purger{kind: KindScan, one: "scanning", many: "scanninger", entity: "scanninger",
	delete: func(ctx context.Context, tx *sql.Tx, _ string, k DueKey) (bool, error) {
		return execPurge(ctx, tx, "", k.ID, `DELETE FROM agreement_scans WHERE agreement_id = ?
			AND (SELECT status FROM agreements WHERE id = ?1) IN ('cancelled', 'rejected')`, k.ID)
	},
})

var _ = registerDue(KindScan, func(ctx context.Context, s *Store, day time.Time) ([]RetentionItem, error) {
	n, err := retentionSetting(ctx, s.db, SettingRetentionScanYears, 1)
	if err != nil {
		return nil, err
	}
	return queryAll(ctx, s.db, func(r scanner) (RetentionItem, error) {
		var it RetentionItem
		var number, title, added string
		err := r.Scan(&it.Key.ID, &number, &title, &added)
		at := instantCol(sql.NullString{String: added, Valid: true})
		it.Title = "Scanning af underskrifter, aftale " + number + " " + title
		it.DueOn = at.AddDate(n, 0, 0)
		it.Detail = fmt.Sprintf("aftalen blev aldrig underskrevet · vedhæftet %s · slettes senest %s", dk.FormatDate(at),
			dk.FormatDate(it.DueOn))
		return it, err
	}, `SELECT a.id, a.number, a.title, sc.added_at FROM agreement_scans sc JOIN agreements a ON a.id = sc.agreement_id
		WHERE a.status IN ('cancelled', 'rejected') AND substr(sc.added_at, 1, 10) <= ?
		ORDER BY sc.added_at, a.id`, yearsBefore(day, n))
})
