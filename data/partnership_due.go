package data

import (
	"context"
	"database/sql"
	"time"

	"partnerskab/data/dk"
)

// The partnership's work in the overview's list of what is due: meetings
// to call, action items, risk reviews and grant reports. What is late
// (an action item past its deadline) keeps its own date and is marked.

// The kinds of due row from the partnership's work.
const (
	DueMeetingCall DueKind = "meeting_call" // the last day to call a planned meeting with notice
	DueActionItem  DueKind = "action_item"  // an open action item's deadline
	DueRiskReview  DueKind = "risk_review"  // a barrier or risk is to be reviewed
	DueGrantReport DueKind = "grant_report" // a grant's reporting deadline
	EntityMeeting          = "meeting"
	EntityRisk             = "risk"
	EntityGrant            = "grant"
)

// dueMeetings: the planned meetings whose invitation must go out by until
// (late ones too, until the meeting has been), dated the last day to call.
func (s *Store) dueMeetings(ctx context.Context, day, until time.Time) ([]DueItem, error) {
	notice, err := s.NoticeDays(ctx)
	if err != nil {
		return nil, err
	}
	return s.dueRows(ctx, "møder", `SELECT id, title, held_on FROM meetings
		WHERE status = 'planlagt' AND archived_at IS NULL AND held_on >= ? AND date(held_on, printf('-%d days', ?)) <= ?
		ORDER BY held_on, id`,
		func(rows *sql.Rows) (DueItem, error) {
			d := DueItem{Kind: DueMeetingCall, Entity: EntityMeeting}
			var title, held string
			err := rows.Scan(&d.ID, &title, &held)
			date := dateCol(sql.NullString{String: held, Valid: true})
			d.Date, d.NextEnd, d.Subject = InviteBy(date, notice), date, title
			d.Late = d.Date.Before(day)
			return d, err
		}, dk.ISODate(day), notice, dk.ISODate(until))
}

// dueActions: the open action items due by until, the late ones included.
func (s *Store) dueActions(ctx context.Context, day, until time.Time) ([]DueItem, error) {
	actions, err := s.ActionItems(ctx, ActionQuery{OpenOnly: true, DueBy: until})
	if err != nil {
		return nil, err
	}
	out := make([]DueItem, 0, len(actions))
	for _, a := range actions {
		out = append(out, DueItem{Date: a.Due, Kind: DueActionItem, Subject: a.What + " (" + a.Owner + ")",
			Entity: EntityMeeting, ID: a.MeetingID, Late: a.Due.Before(day)})
	}
	return out, nil
}

// dueRisks: the barriers and risks (not closed) to review by until.
func (s *Store) dueRisks(ctx context.Context, day, until time.Time) ([]DueItem, error) {
	return s.dueRows(ctx, "risici", `SELECT id, kind, title, review_on FROM risks
		WHERE archived_at IS NULL AND status <> 'lukket' AND review_on <= ? ORDER BY review_on, id`,
		func(rows *sql.Rows) (DueItem, error) {
			d := DueItem{Kind: DueRiskReview, Entity: EntityRisk}
			var kind, title, review string
			err := rows.Scan(&d.ID, &kind, &title, &review)
			d.Date, d.Subject = dateCol(sql.NullString{String: review, Valid: true}), RiskKind(kind).Label()+": "+title
			d.Late = d.Date.Before(day)
			return d, err
		}, dk.ISODate(until))
}

// dueGrants: the grant reports not yet handed in, due by until.
func (s *Store) dueGrants(ctx context.Context, day, until time.Time) ([]DueItem, error) {
	return s.dueRows(ctx, "tilskud", `SELECT g.id, r.what, g.grantor, r.due_on FROM grant_reports r JOIN grants g ON g.id = r.grant_id
		WHERE g.archived_at IS NULL AND r.done_on IS NULL AND r.due_on <= ? ORDER BY r.due_on, r.id`,
		func(rows *sql.Rows) (DueItem, error) {
			d := DueItem{Kind: DueGrantReport, Entity: EntityGrant}
			var what, grantor, due string
			err := rows.Scan(&d.ID, &what, &grantor, &due)
			d.Date, d.Subject = dateCol(sql.NullString{String: due, Valid: true}), what+", "+grantor
			d.Late = d.Date.Before(day)
			return d, err
		}, dk.ISODate(until))
}
