package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"partnerskab/data/dk"
)

// A signed agreement is never edited. When its retention is due (N years,
// retention_agreement_years, after it ended: its Til date, else its date,
// else the day it was signed) it is listed with the advice to journalise it
// in the municipality's records system first, and then deleted whole: the
// record with its sealed PDF, its parties, signatories, signatures and scan.
// 001's triggers refuse all of that; the purge runs under a purge permit
// for the one agreement (migration 004), inside its transaction. The audit
// log keeps that the signing steps happened, with the signatories' names
// redacted.

// JournaliseAdvice is what "Til sletning" says before a signed agreement is
// deleted.
const JournaliseAdvice = "Journalisér aftalen og den forseglede PDF i kommunens ESDH-system, før den slettes her: sletningen kan ikke fortrydes."

var _ = registerPurger(&purger{kind: KindAgreement, one: "aftale", many: "aftaler", entity: "aftaler",
	delete: deleteSignedAgreement,
})

func deleteSignedAgreement(ctx context.Context, tx *sql.Tx, now string, k DueKey) (bool, error) {
	var number, status string
	err := tx.QueryRowContext(ctx, `SELECT number, status FROM agreements WHERE id = ?`, k.ID).Scan(&number, &status)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if status != string(StatusSigned) {
		return false, fmt.Errorf("aftale %s er ikke underskrevet; kun en underskrevet aftale slettes efter slettefristen", number)
	}
	var children []string
	children, err = queryAll(ctx, tx, func(r scanner) (string, error) {
		var n string
		return n, r.Scan(&n)
	}, `SELECT number FROM agreements WHERE parent_id = ? ORDER BY number`, k.ID)
	if err != nil {
		return false, err
	}
	if len(children) > 0 {
		return false, fmt.Errorf("aftale %s har tillæg eller underaftaler (%s), der skal slettes først", number, children[0])
	}
	err = withPermit(ctx, tx, "agreements", k.ID, func() error {
		for _, q := range []string{
			`UPDATE agenda_items SET agreement_id = NULL WHERE agreement_id = ?`,
			`DELETE FROM signatures WHERE signatory_id IN (SELECT id FROM signatories WHERE agreement_id = ?)`,
			`DELETE FROM agreement_scans WHERE agreement_id = ?`,
			`DELETE FROM agreement_parties WHERE agreement_id = ?`,
			`DELETE FROM signatories WHERE agreement_id = ?`,
			`DELETE FROM agreements WHERE id = ?`,
			`DELETE FROM form_drafts WHERE form IN ('agreement_text', 'agreement_new') AND record_id = ?`,
		} {
			if _, err := tx.ExecContext(ctx, q, k.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return false, err
	}
	// The signing steps name the signatories: their names go with the agreement.
	ids, err := queryAll(ctx, tx, func(r scanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, `SELECT id FROM events WHERE entity = 'aftale' AND entity_id = ? AND signatory_id IS NOT NULL AND detail <> ?`,
		k.ID, RedactedDetail)
	if err != nil {
		return false, err
	}
	for _, id := range ids {
		if _, err := redactEvent(ctx, tx, now, id); err != nil {
			return false, err
		}
	}
	return true, nil
}

var _ = registerDue(KindAgreement, func(ctx context.Context, s *Store, day time.Time) ([]RetentionItem, error) {
	n, err := retentionSetting(ctx, s.db, SettingRetentionAgreementYears, 5)
	if err != nil {
		return nil, err
	}
	return queryAll(ctx, s.db, func(r scanner) (RetentionItem, error) {
		var it RetentionItem
		var number, title, ended string
		err := r.Scan(&it.Key.ID, &number, &title, &ended)
		end := dateCol(sql.NullString{String: ended, Valid: true})
		it.Title = "Aftale " + number + " " + title
		it.DueOn = end.AddDate(n, 0, 0)
		it.Detail = fmt.Sprintf("underskrevet · udløb %s · slettes senest %s", dk.FormatDate(end), dk.FormatDate(it.DueOn))
		it.Advice = JournaliseAdvice
		return it, err
	}, `SELECT id, number, title, coalesce(valid_to, agreement_date, substr(signed_at, 1, 10)) AS ended
		FROM agreements WHERE status = 'signed' AND coalesce(valid_to, agreement_date, substr(signed_at, 1, 10)) <= ?
		ORDER BY ended, id`, yearsBefore(day, n))
})

// RedactedDetail replaces the detail of an audit event whose person
// reference is due for deletion.
const RedactedDetail = "[slettet efter slettefristen]"

// The audit log's person references: a signing step names its signatory.
// They are due N years (retention_audit_years) after the event, except the
// signing steps of an agreement still kept (they are its evidence, and go
// when it goes). (A correction of approved minutes is logged with its
// text, but the correction itself is kept for good in meeting_corrections.)
// "Anonymising" an event redacts its detail (redactEvent).
var _ = registerPurger(&purger{kind: KindEvent, one: "hændelse", many: "hændelser", entity: "hændelser",
	anonymise: func(ctx context.Context, tx *sql.Tx, now string, k DueKey) (bool, error) {
		return redactEvent(ctx, tx, now, k.ID)
	},
})

// personEventWhere selects the events whose detail names a person.
const personEventWhere = `e.signatory_id IS NOT NULL AND e.detail <> '` +
	RedactedDetail + `'`

var _ = registerDue(KindEvent, func(ctx context.Context, s *Store, day time.Time) ([]RetentionItem, error) {
	n, err := retentionSetting(ctx, s.db, SettingRetentionAuditYears, 5)
	if err != nil {
		return nil, err
	}
	return queryAll(ctx, s.db, func(r scanner) (RetentionItem, error) {
		var it RetentionItem
		var at, kind, entity string
		var entityID sql.NullInt64
		err := r.Scan(&it.Key.ID, &at, &kind, &entity, &entityID)
		when := instantCol(sql.NullString{String: at, Valid: true})
		it.Title = fmt.Sprintf("Loggens hændelse nr. %d (%s, %s %s)", it.Key.ID, kind, entity, nullText(entityID))
		it.DueOn = when.AddDate(n, 0, 0)
		it.Detail = fmt.Sprintf("nævner en person · skrevet %s · slettes senest %s", dk.FormatDate(when), dk.FormatDate(it.DueOn))
		return it, err
	}, `SELECT e.id, e.at, e.kind, e.entity, e.entity_id FROM events e
		WHERE `+personEventWhere+` AND substr(e.at, 1, 10) <= ?
		AND NOT (e.entity = 'aftale' AND EXISTS (SELECT 1 FROM agreements a WHERE a.id = e.entity_id AND a.status IN ('signed', 'pending')))
		ORDER BY e.id`, yearsBefore(day, n))
})

// redactEvent replaces the detail of event id with RedactedDetail. The
// chain stays verifiable: the event keeps its hash (the next event is
// chained to it), and event_redactions keeps redacted_hash, the chain's
// hash over the event as it now reads with the original hash in place of
// the previous one, which CheckChain checks instead (so kind, time, record
// and signatory remain covered). What the detail said is gone for good.
func redactEvent(ctx context.Context, tx *sql.Tx, now string, id int64) (bool, error) {
	e, err := scanChained(tx.QueryRowContext(ctx, chainedColumns+` WHERE e.id = ?`, id))
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if e.detail == RedactedDetail {
		return false, nil
	}
	e.detail = RedactedDetail
	if _, err := tx.ExecContext(ctx, `INSERT INTO event_redactions (event_id, redacted_hash, at) VALUES (?, ?, ?)`,
		id, eventHash(e.hash.String, e), now); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE events SET detail = ? WHERE id = ?`, RedactedDetail, id); err != nil {
		return false, err
	}
	return true, nil
}
