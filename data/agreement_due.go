package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"partnerskab/data/dk"
)

// An agreement's notice date in the list of what is due: the last day to
// give notice before it runs out is its end date less its notice period.
// The notice period is the lease's (the longer of the two sides' notice,
// so that neither side misses its day) for an agreement made on a lease;
// an agreement without one has no notice period of its own and shows only
// its end date. An agreement that has ended shows neither.

// DueAgreementNotice is the last day to give notice before a signed
// agreement runs out; DueAgreementEnds the day an agreement given notice
// (or cancelled) ends.
const (
	DueAgreementNotice DueKind = "agreement_notice"
	DueAgreementEnds   DueKind = "agreement_ends"
)

// dueAgreementNotices: the signed agreements, not ended, whose last day to
// give notice falls in the window.
func (s *Store) dueAgreementNotices(ctx context.Context, day, until time.Time) ([]DueItem, error) {
	items, err := s.dueRows(ctx, "aftalers varsler", `SELECT a.id, a.valid_to, a.number, a.title,
			max(l.notice_months_landlord, l.notice_months_tenant)
		FROM agreements a JOIN leases l ON l.id = a.lease_id
		WHERE a.status = 'signed' AND a.valid_to > ?
			AND NOT EXISTS (SELECT 1 FROM agreement_endings e WHERE e.agreement_id = a.id)
		ORDER BY a.valid_to, a.number`,
		func(rows *sql.Rows) (DueItem, error) {
			d := DueItem{Kind: DueAgreementNotice, Entity: EntityAgreement}
			var end, number, title string
			err := rows.Scan(&d.ID, &end, &number, &title, &d.Count)
			d.NextEnd, d.Subject = dateCol(sql.NullString{String: end, Valid: true}), number+" "+title
			d.Date = addMonths(d.NextEnd, -d.Count)
			return d, err
		}, dk.ISODate(day))
	if err != nil {
		return nil, err
	}
	out := items[:0]
	for _, d := range items {
		if d.Count > 0 && !d.Date.Before(day) && !d.Date.After(until) {
			out = append(out, d)
		}
	}
	return out, nil
}

// agreementNoticeText is the due row's text: "Sidste frist for opsigelse af
// aftale (3 måneders varsel før udløb 31.3.2017): 2015-003 Lejekontrakt".
func agreementNoticeText(d DueItem) string {
	months := "1 måneds"
	if d.Count != 1 {
		months = fmt.Sprintf("%d måneders", d.Count)
	}
	return fmt.Sprintf("Sidste frist for opsigelse af aftale (%s varsel før udløb %s): %s", months, dk.FormatDate(d.NextEnd), d.Subject)
}

// dueAgreementEndings: the agreements whose recorded ending falls in the
// window (notice given today for a day to come); Subject says how.
func (s *Store) dueAgreementEndings(ctx context.Context, day, until time.Time) ([]DueItem, error) {
	return s.dueRows(ctx, "aftalers afslutning", `SELECT a.id, e.ended_on, e.kind, a.number, a.title
		FROM agreement_endings e JOIN agreements a ON a.id = e.agreement_id
		WHERE e.ended_on BETWEEN ? AND ? ORDER BY e.ended_on, a.number`,
		func(rows *sql.Rows) (DueItem, error) {
			d := DueItem{Kind: DueAgreementEnds, Entity: EntityAgreement}
			var on, kind, number, title string
			err := rows.Scan(&d.ID, &on, &kind, &number, &title)
			d.Date = dateCol(sql.NullString{String: on, Valid: true})
			d.Subject = number + " " + title + " (" + EndingKind(kind).pastLabel() + ")"
			return d, err
		}, dk.ISODate(day), dk.ISODate(until))
}
