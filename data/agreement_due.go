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
// agreement runs out.
const DueAgreementNotice DueKind = "agreement_notice"

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
