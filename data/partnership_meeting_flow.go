package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// A meeting moves planned → called → held → minutes approved through the
// functions here; each step is an event, and each refuses what does not
// fit with a Danish reason.

// DefaultNoticeDays is the notice the partnership agreement promises
// ("med 14 dages varsel"); the setting meeting_notice_days overrides it.
const DefaultNoticeDays = 14

// NoticeDays is the notice a meeting is called with.
func (s *Store) NoticeDays(ctx context.Context) (int, error) {
	n, err := settingInt(ctx, s.db, "meeting_notice_days")
	if err != nil || n <= 0 {
		return DefaultNoticeDays, err
	}
	return n, nil
}

// InviteBy is the last day the invitation to a meeting on date can go out
// with notice days' notice.
func InviteBy(date time.Time, notice int) time.Time { return dateOf(date).AddDate(0, 0, -notice) }

// NoticeWarning is the warning for an invitation sent on day to meeting m
// with less than notice days' notice, or "" when the notice is kept.
func NoticeWarning(m Meeting, day time.Time, notice int) string {
	by := InviteBy(m.Date, notice)
	day = dateOf(day)
	if !day.After(by) {
		return ""
	}
	days := int(dateOf(m.Date).Sub(day).Hours() / 24)
	return fmt.Sprintf("Indkaldelsen skulle være sendt senest %s (%d dages varsel); mødet %s er om %d %s.",
		dk.FormatDate(by), notice, dk.FormatDate(m.Date), days, plural(days, "dag", "dage"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ErrMeetingStep is a step the meeting's status does not allow.
var ErrMeetingStep = errors.New("mødet")

// stepError says why a step cannot be taken.
func stepError(text string) error { return fmt.Errorf("%w: %s", ErrMeetingStep, text) }

// InvitationCheck tells what sending the invitation on day would say:
// the notice warning ("" when kept), or an error when the invitation
// cannot go out at all (no agenda, nobody invited, not planned).
func (s *Store) InvitationCheck(ctx context.Context, id int64, day time.Time) (string, error) {
	m, err := s.Meeting(ctx, id)
	if err != nil {
		return "", err
	}
	if err := canInvite(m); err != nil {
		return "", err
	}
	notice, err := s.NoticeDays(ctx)
	if err != nil {
		return "", err
	}
	return NoticeWarning(m, day, notice), nil
}

func canInvite(m Meeting) error {
	switch {
	case m.Archived():
		return stepError("mødet er arkiveret")
	case m.Status != MeetingPlanned && m.Status != MeetingCalled:
		return stepError("mødet er " + strings.ToLower(m.Status.Label()) + " og indkaldes ikke igen")
	case len(m.Items) == 0:
		return stepError("indkaldelsen mangler en dagsorden; tilføj mindst ét punkt")
	case len(m.Invited()) == 0:
		return stepError("ingen er indbudt; vælg, hvem indkaldelsen går til")
	}
	return nil
}

// SendInvitation records that the invitation with the agenda went out on
// day: the meeting is called. A short notice is allowed (the caseworker
// was warned by InvitationCheck) and kept in the event.
func (s *Store) SendInvitation(ctx context.Context, id int64, day time.Time) (Meeting, error) {
	warning, err := s.InvitationCheck(ctx, id, day)
	if err != nil {
		return Meeting{}, err
	}
	detail := "indkaldt " + dk.FormatDate(day)
	if warning != "" {
		detail += "; " + warning
	}
	return s.meetingStep(ctx, id, "indkaldt", detail,
		`UPDATE meetings SET status = 'indkaldt', invited_on = ?, updated_at = ? WHERE id = ? AND status IN ('planlagt', 'indkaldt')`,
		dk.ISODate(day))
}

// MarkHeld records that the meeting took place; the minutes can then be
// written and approved. A meeting is not held before its day.
func (s *Store) MarkHeld(ctx context.Context, id int64) (Meeting, error) {
	m, err := s.Meeting(ctx, id)
	if err != nil {
		return m, err
	}
	today := dateOf(s.Now())
	switch {
	case m.Archived():
		return m, stepError("mødet er arkiveret")
	case m.Status == MeetingHeld || m.Status == MeetingApproved:
		return m, stepError("mødet er allerede afholdt")
	case m.Date.After(today):
		return m, stepError("mødet er først " + dk.FormatDate(m.Date))
	}
	return s.meetingStep(ctx, id, "afholdt", "", `UPDATE meetings SET status = 'afholdt', updated_at = ? WHERE id = ? AND status IN ('planlagt', 'indkaldt')`)
}

// ApproveMinutes approves the minutes of a held meeting on day. It happens
// once: from then on the meeting, its agenda, minutes and action items
// (but for their done dates) are fixed, and a change is a correction.
func (s *Store) ApproveMinutes(ctx context.Context, id int64, day time.Time) (Meeting, error) {
	m, err := s.Meeting(ctx, id)
	if err != nil {
		return m, err
	}
	switch {
	case m.Approved():
		return m, stepError("referatet er allerede godkendt " + dk.FormatDate(m.ApprovedOn))
	case m.Status != MeetingHeld:
		return m, stepError("mødet er ikke afholdt endnu; markér det som afholdt først")
	case dateOf(day).Before(m.Date):
		return m, stepError("referatet kan ikke godkendes før mødet (" + dk.FormatDate(m.Date) + ")")
	case !m.hasMinutes():
		return m, stepError("referatet er tomt; skriv referat eller beslutning til mindst ét punkt")
	}
	return s.meetingStep(ctx, id, "referat godkendt", "godkendt "+dk.FormatDate(day),
		`UPDATE meetings SET status = 'godkendt', approved_on = ?, updated_at = ? WHERE id = ? AND status = 'afholdt'`, dk.ISODate(day))
}

func (m Meeting) hasMinutes() bool {
	if strings.TrimSpace(m.Notes) != "" {
		return true
	}
	for _, it := range m.Items {
		if strings.TrimSpace(it.Minutes+it.Decision) != "" {
			return true
		}
	}
	return false
}

// meetingStep runs one status change (q with args, then now and id) and its event.
func (s *Store) meetingStep(ctx context.Context, id int64, event, detail, q string, args ...any) (Meeting, error) {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := s.nowText()
		res, err := tx.ExecContext(ctx, q, append(args, now, id)...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return stepError("mødet er ændret imens; åbn det igen")
		}
		return logEvent(ctx, tx, now, event, "møde", id, detail)
	})
	if err != nil {
		return Meeting{}, err
	}
	return s.Meeting(ctx, id)
}

// AddCorrection adds a correction to approved minutes: the minutes stay as
// approved, the correction is kept beside them (and printed with them).
func (s *Store) AddCorrection(ctx context.Context, id int64, text string) (Meeting, error) {
	var c checker
	text = c.required("Correction", "Rettelse", text)
	c.noCPR("Correction", "Rettelse", text)
	if err := c.err(); err != nil {
		return Meeting{}, err
	}
	m, err := s.Meeting(ctx, id)
	if err != nil {
		return m, err
	}
	if !m.Approved() {
		return m, stepError("kun et godkendt referat rettes med en rettelse; ret ellers mødet direkte")
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		now := s.nowText()
		if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_corrections (meeting_id, at, text) VALUES (?, ?, ?)`, id, now, text); err != nil {
			return err
		}
		return logEvent(ctx, tx, now, "rettet", "møde", id, text)
	})
	if err != nil {
		return Meeting{}, err
	}
	return s.Meeting(ctx, id)
}

// SetActionDone marks an action item done on day, or open again (zero
// day). It works after the minutes are approved too: following up is what
// action items are for.
func (s *Store) SetActionDone(ctx context.Context, id int64, day time.Time) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		now := s.nowText()
		res, err := tx.ExecContext(ctx, `UPDATE action_items SET done_on = ? WHERE id = ?`, isoOrNil(day), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("handlingspunkt %d findes ikke: %w", id, ErrNotFound)
		}
		detail := "genåbnet"
		if !day.IsZero() {
			detail = "udført " + dk.FormatDate(day)
		}
		return logEvent(ctx, tx, now, "ændret", "handlingspunkt", id, detail)
	})
}

// MeetingYear is one year's meetings against the budget of the memo (5–7
// a year, settings meetings_per_year_min and _max).
type MeetingYear struct {
	Year     int
	Held     int // held or approved
	Planned  int // planned or called
	Min, Max int
}

// Text is the count as the overview says it: "4 af 5–7 møder i 2015 (2 planlagt)".
func (y MeetingYear) Text() string {
	s := fmt.Sprintf("%d af %d–%d møder i %d", y.Held, y.Min, y.Max, y.Year)
	if y.Planned > 0 {
		s += fmt.Sprintf(" (%d planlagt)", y.Planned)
	}
	return s
}

// MeetingYear counts the year's meetings that are not archived.
func (s *Store) MeetingYear(ctx context.Context, year int) (MeetingYear, error) {
	return s.meetingYearUntil(ctx, year, time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC))
}

// meetingYearUntil counts the year's meetings as they stood on day: held
// are those held by then, the rest of the year is planned.
func (s *Store) meetingYearUntil(ctx context.Context, year int, day time.Time) (MeetingYear, error) {
	y := MeetingYear{Year: year}
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(status IN ('afholdt', 'godkendt') AND held_on <= ?2), 0),
			coalesce(sum(status IN ('planlagt', 'indkaldt') OR held_on > ?2), 0)
		FROM meetings WHERE archived_at IS NULL AND substr(held_on, 1, 4) = printf('%04d', ?1)`, year, dk.ISODate(day)).Scan(&y.Held, &y.Planned)
	if err != nil {
		return y, err
	}
	if y.Min, err = settingInt(ctx, s.db, "meetings_per_year_min"); err != nil {
		return y, err
	}
	y.Max, err = settingInt(ctx, s.db, "meetings_per_year_max")
	return y, err
}
