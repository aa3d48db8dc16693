package data

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"partnerskab/data/dk"
)

const meetingColumns = `m.id, coalesce(m.body_id, 0), coalesce(b.name, ''), coalesce(b.code, ''), m.title, m.held_on,
	m.starts_at, m.ends_at, m.place, m.status, m.invited_on, m.approved_on, m.notes, m.example, m.archived_at, m.updated_at`

const meetingFrom = ` FROM meetings m LEFT JOIN bodies b ON b.id = m.body_id`

func scanMeeting(row scanner) (Meeting, error) {
	var m Meeting
	var held string
	var invited, approved, archived, updated sql.NullString
	err := row.Scan(&m.ID, &m.BodyID, &m.Body, &m.BodyCode, &m.Title, &held, &m.Starts, &m.Ends, &m.Place, &m.Status,
		&invited, &approved, &m.Notes, &m.Example, &archived, &updated)
	m.Date = dateCol(sql.NullString{String: held, Valid: true})
	m.InvitedOn, m.ApprovedOn = dateCol(invited), dateCol(approved)
	m.ArchivedAt, m.UpdatedAt = instantCol(archived), instantCol(updated)
	return m, err
}

// Meeting reads one meeting with its people, agenda, action items and
// corrections.
func (s *Store) Meeting(ctx context.Context, id int64) (Meeting, error) {
	m, err := queryOne(ctx, s.db, scanMeeting, "møde", id, "SELECT "+meetingColumns+meetingFrom+" WHERE m.id = ?", id)
	if err != nil {
		return m, err
	}
	if m.People, err = queryAll(ctx, s.db, func(row scanner) (MeetingPerson, error) {
		var p MeetingPerson
		err := row.Scan(&p.ID, &p.Name, &p.Title, &p.Organisation, &p.Archived, &p.Invited, &p.Attended)
		return p, err
	}, "SELECT "+personColumns+`, mp.invited, mp.attended FROM meeting_people mp JOIN contacts k ON k.id = mp.contact_id
		JOIN organisations o ON o.id = k.organisation_id WHERE mp.meeting_id = ? ORDER BY k.sort_key, k.id`, id); err != nil {
		return m, err
	}
	if m.Items, err = queryAll(ctx, s.db, scanAgendaItem, `SELECT a.id, a.title, a.body, coalesce(a.owner_id, 0),
			coalesce(k.name || ', ' || o.name, ''),
			CASE WHEN a.agreement_id IS NOT NULL THEN 'aftale' WHEN a.checklist_id IS NOT NULL THEN 'afklaring'
				WHEN a.risk_id IS NOT NULL THEN 'risiko' WHEN a.target_id IS NOT NULL THEN 'maal' ELSE '' END,
			coalesce(a.agreement_id, a.checklist_id, a.risk_id, a.target_id, 0),
			coalesce('Aftale ' || ag.number || ' ' || ag.title, 'Afklaring: ' || ci.title, 'Risiko: ' || r.title, 'Mål: ' || t.name, ''),
			a.minutes, a.decision
		FROM agenda_items a LEFT JOIN contacts k ON k.id = a.owner_id LEFT JOIN organisations o ON o.id = k.organisation_id
			LEFT JOIN agreements ag ON ag.id = a.agreement_id LEFT JOIN checklist_items ci ON ci.id = a.checklist_id
			LEFT JOIN risks r ON r.id = a.risk_id LEFT JOIN targets t ON t.id = a.target_id
		WHERE a.meeting_id = ? ORDER BY a.position, a.id`, id); err != nil {
		return m, err
	}
	if m.Actions, err = queryAll(ctx, s.db, scanActionItem, "SELECT "+actionColumns+actionFrom+
		" WHERE a.meeting_id = ? ORDER BY a.position, a.id", id); err != nil {
		return m, err
	}
	m.Corrections, err = queryAll(ctx, s.db, func(row scanner) (Correction, error) {
		var c Correction
		var at string
		err := row.Scan(&at, &c.Text)
		c.At = instantCol(sql.NullString{String: at, Valid: true})
		return c, err
	}, `SELECT at, text FROM meeting_corrections WHERE meeting_id = ? ORDER BY id`, id)
	return m, err
}

func scanAgendaItem(row scanner) (AgendaItem, error) {
	var it AgendaItem
	var kind string
	err := row.Scan(&it.ID, &it.Title, &it.Text, &it.OwnerID, &it.Owner, &kind, &it.Link.ID, &it.Link.Title, &it.Minutes, &it.Decision)
	it.Link.Kind = LinkKind(kind)
	return it, err
}

const actionColumns = `a.id, a.meeting_id, a.what, a.owner_id, k.name || ', ' || o.name, a.due_on, a.done_on`

const actionFrom = ` FROM action_items a JOIN contacts k ON k.id = a.owner_id JOIN organisations o ON o.id = k.organisation_id`

func scanActionItem(row scanner) (ActionItem, error) {
	var a ActionItem
	var due string
	var done sql.NullString
	err := row.Scan(&a.ID, &a.MeetingID, &a.What, &a.OwnerID, &a.Owner, &due, &done)
	a.Due, a.Done = dateCol(sql.NullString{String: due, Valid: true}), dateCol(done)
	return a, err
}

// MeetingQuery chooses meetings for the list: text in the title, place or
// body, of one year (0 for all), archived instead of active; one page.
type MeetingQuery struct {
	Text     string
	Year     int
	Archived bool
	Offset   int
	Limit    int
}

const meetingMatch = ` WHERE (m.archived_at IS NOT NULL) = ?1
	AND (?2 = '' OR instr(dkfold(m.title || ' ' || m.place || ' ' || coalesce(b.name, '')), ?2) > 0)
	AND (?3 = 0 OR substr(m.held_on, 1, 4) = printf('%04d', ?3))`

// Meetings lists the meetings q chooses, the newest first (the next
// meeting is near the top, the year's history under it).
func (s *Store) Meetings(ctx context.Context, q MeetingQuery) ([]Meeting, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = -1
	}
	return queryAll(ctx, s.db, scanMeeting, "SELECT "+meetingColumns+meetingFrom+meetingMatch+
		` ORDER BY m.held_on DESC, m.starts_at DESC, m.id DESC LIMIT ?4 OFFSET ?5`,
		q.Archived, dk.Fold(strings.TrimSpace(q.Text)), q.Year, limit, q.Offset)
}

// CountMeetings counts what Meetings finds, without paging.
func (s *Store) CountMeetings(ctx context.Context, q MeetingQuery) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*)"+meetingFrom+meetingMatch,
		q.Archived, dk.Fold(strings.TrimSpace(q.Text)), q.Year).Scan(&n)
	return n, err
}

// ArchiveMeeting hides a meeting that was entered by mistake or cancelled;
// approved minutes stay as they are, archived or not.
func (s *Store) ArchiveMeeting(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "meetings", "møde", id, true)
}

// RestoreMeeting brings an archived meeting back.
func (s *Store) RestoreMeeting(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "meetings", "møde", id, false)
}

// ActionQuery chooses action items across meetings: the open ones only,
// and those due on or before a day (zero for any).
type ActionQuery struct {
	OpenOnly bool
	DueBy    time.Time
}

// ActionItems lists the action items q chooses, soonest deadline first,
// from meetings that are not archived.
func (s *Store) ActionItems(ctx context.Context, q ActionQuery) ([]ActionItem, error) {
	by := ""
	if !q.DueBy.IsZero() {
		by = dk.ISODate(q.DueBy)
	}
	return queryAll(ctx, s.db, scanActionItem, "SELECT "+actionColumns+actionFrom+` JOIN meetings m ON m.id = a.meeting_id
		WHERE m.archived_at IS NULL AND (NOT ?1 OR a.done_on IS NULL) AND (?2 = '' OR a.due_on <= ?2)
		ORDER BY a.due_on, m.held_on, a.position, a.id`, q.OpenOnly, by)
}
