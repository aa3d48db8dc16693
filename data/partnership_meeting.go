package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// MeetingStatus is where a meeting is in its life: planned, called (the
// invitation with the agenda went out), held, and its minutes approved.
type MeetingStatus string

// The statuses in the order of a meeting's life.
const (
	MeetingPlanned  MeetingStatus = "planlagt"
	MeetingCalled   MeetingStatus = "indkaldt"
	MeetingHeld     MeetingStatus = "afholdt"
	MeetingApproved MeetingStatus = "godkendt"
)

// MeetingStatuses are the statuses in the order of a meeting's life.
var MeetingStatuses = []MeetingStatus{MeetingPlanned, MeetingCalled, MeetingHeld, MeetingApproved}

// Label is the status in Danish.
func (st MeetingStatus) Label() string {
	switch st {
	case MeetingPlanned:
		return "Planlagt"
	case MeetingCalled:
		return "Indkaldt"
	case MeetingHeld:
		return "Afholdt"
	case MeetingApproved:
		return "Referat godkendt"
	}
	return string(st)
}

// LinkKind is what an agenda item is about, besides its own text.
type LinkKind string

// The records an agenda item can be about.
const (
	LinkAgreement LinkKind = "aftale"
	LinkChecklist LinkKind = "afklaring"
	LinkRisk      LinkKind = "risiko"
	LinkTarget    LinkKind = "maal"
)

// Link is the record an agenda item is about; the zero Link is none.
type Link struct {
	Kind  LinkKind
	ID    int64
	Title string // as read: "Afklaring: Jobcentrets rolle"
}

// linkColumn is the agenda_items column that holds a link of kind k.
func linkColumn(k LinkKind) string {
	switch k {
	case LinkAgreement:
		return "agreement_id"
	case LinkChecklist:
		return "checklist_id"
	case LinkRisk:
		return "risk_id"
	case LinkTarget:
		return "target_id"
	}
	return ""
}

// Meeting is one meeting of the partnership or one of its bodies.
type Meeting struct {
	ID          int64
	BodyID      int64  // 0: another kind of meeting ("andet")
	Body        string // the body's name as read; "" for none
	BodyCode    string
	Title       string
	Date        time.Time
	Starts      string // "09:30", or ""
	Ends        string
	Place       string
	Status      MeetingStatus
	InvitedOn   time.Time
	ApprovedOn  time.Time
	Notes       string // the minutes' opening note, or what the agenda says beforehand
	People      []MeetingPerson
	Items       []AgendaItem
	Actions     []ActionItem
	Corrections []Correction
	Example     bool // the demo case's: its documents print EKSEMPEL
	ArchivedAt  time.Time
	UpdatedAt   time.Time
}

// Archived tells whether the meeting is archived.
func (m Meeting) Archived() bool { return !m.ArchivedAt.IsZero() }

// Approved tells whether the minutes are approved, and so fixed.
func (m Meeting) Approved() bool { return m.Status == MeetingApproved }

// Kind is the body's name, or "Andet møde".
func (m Meeting) Kind() string {
	if m.Body == "" {
		return "Andet møde"
	}
	return m.Body
}

// When is the meeting's date and time on one line: "21.2.2015 kl. 9.30–11.00".
func (m Meeting) When() string {
	s := dk.FormatDate(m.Date)
	switch {
	case m.Starts != "" && m.Ends != "":
		s += " kl. " + dk.FormatClock(m.Starts) + "–" + dk.FormatClock(m.Ends)
	case m.Starts != "":
		s += " kl. " + dk.FormatClock(m.Starts)
	}
	return s
}

// Invited and Attended are the people invited and those who came.
func (m Meeting) Invited() []Person {
	return m.peopleWhere(func(p MeetingPerson) bool { return p.Invited })
}
func (m Meeting) Attended() []Person {
	return m.peopleWhere(func(p MeetingPerson) bool { return p.Attended })
}

func (m Meeting) peopleWhere(keep func(MeetingPerson) bool) []Person {
	var out []Person
	for _, p := range m.People {
		if keep(p) {
			out = append(out, p.Person)
		}
	}
	return out
}

// MeetingPerson is a person on a meeting's list: invited, attended, or both.
type MeetingPerson struct {
	Person
	Invited, Attended bool
}

// AgendaItem is one point on the agenda, with its minutes and decision.
type AgendaItem struct {
	ID       int64
	Title    string
	Text     string
	OwnerID  int64
	Owner    string // the owner's label as read
	Link     Link
	Minutes  string
	Decision string
	row      int // the form's row, for messages
}

// ActionItem is what someone must do by when, decided at a meeting.
type ActionItem struct {
	ID        int64
	MeetingID int64
	What      string
	OwnerID   int64
	Owner     string
	Due       time.Time
	Done      time.Time
	row       int
}

// Open tells whether the action item is still to be done.
func (a ActionItem) Open() bool { return a.Done.IsZero() }

// Correction is a correction of approved minutes, added afterwards.
type Correction struct {
	At   time.Time
	Text string
}

// MeetingForm is a meeting as typed: its own fields, the people, the
// agenda and the action items. The status is not typed: it moves with
// SendInvitation, MarkHeld and ApproveMinutes.
type MeetingForm struct {
	ID       int64
	BodyID   int64
	Title    string
	Date     string
	Starts   string
	Ends     string
	Place    string
	Notes    string
	Invited  []int64
	Attended []int64
	Items    []AgendaItemForm
	Actions  []ActionItemForm
}

// AgendaItemForm is one agenda point as typed.
type AgendaItemForm struct {
	ID       int64
	Title    string
	Text     string
	OwnerID  int64
	LinkKind LinkKind
	LinkID   int64
	Minutes  string
	Decision string
}

// Blank tells whether nothing was typed in the item (an empty row).
func (f AgendaItemForm) Blank() bool {
	return strings.TrimSpace(f.Title+f.Text+f.Minutes+f.Decision) == "" && f.OwnerID == 0 && f.LinkID == 0
}

// ActionItemForm is one action item as typed.
type ActionItemForm struct {
	ID      int64
	What    string
	OwnerID int64
	Due     string
	Done    string
}

// Blank tells whether nothing was typed in the action item.
func (f ActionItemForm) Blank() bool {
	return strings.TrimSpace(f.What+f.Due+f.Done) == "" && f.OwnerID == 0
}

// Form returns the meeting as the form shows it.
func (m Meeting) Form() MeetingForm {
	f := MeetingForm{ID: m.ID, BodyID: m.BodyID, Title: m.Title, Date: formatDateOrEmpty(m.Date),
		Starts: clockOrEmpty(m.Starts), Ends: clockOrEmpty(m.Ends), Place: m.Place, Notes: m.Notes}
	for _, p := range m.People {
		if p.Invited {
			f.Invited = append(f.Invited, p.ID)
		}
		if p.Attended {
			f.Attended = append(f.Attended, p.ID)
		}
	}
	for _, it := range m.Items {
		f.Items = append(f.Items, AgendaItemForm{ID: it.ID, Title: it.Title, Text: it.Text, OwnerID: it.OwnerID,
			LinkKind: it.Link.Kind, LinkID: it.Link.ID, Minutes: it.Minutes, Decision: it.Decision})
	}
	for _, a := range m.Actions {
		f.Actions = append(f.Actions, ActionItemForm{ID: a.ID, What: a.What, OwnerID: a.OwnerID,
			Due: formatDateOrEmpty(a.Due), Done: formatDateOrEmpty(a.Done)})
	}
	return f
}

func clockOrEmpty(hhmm string) string {
	if hhmm == "" {
		return ""
	}
	return dk.FormatClock(hhmm)
}

// ItemField and ActionField name a field of one agenda item or action
// item in a ValidationError ("Items.2.Title"), so the window can put the
// message on that row's entry.
func ItemField(i int, name string) string   { return fmt.Sprintf("Items.%d.%s", i, name) }
func ActionField(i int, name string) string { return fmt.Sprintf("Actions.%d.%s", i, name) }

// Parse checks the form and returns the meeting it describes. Empty rows
// of the agenda and the action items are dropped.
func (f MeetingForm) Parse() (Meeting, error) {
	var c checker
	m := Meeting{ID: f.ID, BodyID: f.BodyID}
	m.Title = c.required("Title", "Titel", f.Title)
	c.noCPR("Title", "Titel", m.Title)
	if strings.TrimSpace(f.Date) == "" {
		c.add("Date", "Dato", "required", "skriv mødets dato, fx 21.2.2015")
	}
	m.Date = c.date("Date", "Dato", f.Date)
	m.Starts = c.clock("Starts", "Starter kl.", f.Starts)
	m.Ends = c.clock("Ends", "Slutter kl.", f.Ends)
	if m.Starts != "" && m.Ends != "" && m.Ends <= m.Starts {
		c.add("Ends", "Slutter kl.", "time_order", fmt.Sprintf("mødet slutter (%s) før det starter (%s)",
			dk.FormatClock(m.Ends), dk.FormatClock(m.Starts)))
	}
	m.Place = c.freeText("Place", "Sted", f.Place)
	m.Notes = c.freeText("Notes", "Noter", f.Notes)
	seen := map[int64]bool{}
	for _, id := range f.Invited {
		if id != 0 && !seen[id] {
			seen[id] = true
			m.People = append(m.People, MeetingPerson{Person: Person{ID: id}, Invited: true})
		}
	}
	for _, id := range f.Attended {
		if id == 0 {
			continue
		}
		if seen[id] {
			for i := range m.People {
				if m.People[i].ID == id {
					m.People[i].Attended = true
				}
			}
			continue
		}
		seen[id] = true
		m.People = append(m.People, MeetingPerson{Person: Person{ID: id}, Attended: true})
	}
	for i, it := range f.Items {
		if it.Blank() {
			continue
		}
		n := fmt.Sprintf("punkt %d", i+1)
		item := AgendaItem{ID: it.ID, OwnerID: it.OwnerID, Link: Link{Kind: it.LinkKind, ID: it.LinkID}, row: i}
		item.Title = c.required(ItemField(i, "Title"), "Dagsorden, "+n+", overskrift", it.Title)
		c.noCPR(ItemField(i, "Title"), "Dagsorden, "+n+", overskrift", item.Title)
		item.Text = c.freeText(ItemField(i, "Text"), "Dagsorden, "+n+", tekst", it.Text)
		item.Minutes = c.freeText(ItemField(i, "Minutes"), "Referat, "+n, it.Minutes)
		item.Decision = c.freeText(ItemField(i, "Decision"), "Beslutning, "+n, it.Decision)
		if it.LinkID != 0 && linkColumn(it.LinkKind) == "" {
			c.add(ItemField(i, "Link"), "Dagsorden, "+n+", vedrører", "invalid", "ukendt slags henvisning ("+string(it.LinkKind)+")")
		}
		if it.LinkID == 0 {
			item.Link = Link{}
		}
		m.Items = append(m.Items, item)
	}
	for i, a := range f.Actions {
		if a.Blank() {
			continue
		}
		n := fmt.Sprintf("Handlingspunkt %d", i+1)
		act := ActionItem{ID: a.ID, OwnerID: a.OwnerID, row: i}
		act.What = c.required(ActionField(i, "What"), n+", hvad", a.What)
		c.noCPR(ActionField(i, "What"), n+", hvad", act.What)
		if a.OwnerID == 0 {
			c.add(ActionField(i, "OwnerID"), n+", ansvarlig", "required", "vælg, hvem der er ansvarlig")
		}
		if strings.TrimSpace(a.Due) == "" {
			c.add(ActionField(i, "Due"), n+", frist", "required", "skriv fristen, fx 1.4.2015")
		}
		act.Due = c.date(ActionField(i, "Due"), n+", frist", a.Due)
		if !act.Due.IsZero() && !m.Date.IsZero() && act.Due.Before(m.Date) {
			c.add(ActionField(i, "Due"), n+", frist", "date_order", fmt.Sprintf("fristen (%s) ligger før mødet (%s)",
				dk.FormatDate(act.Due), dk.FormatDate(m.Date)))
		}
		act.Done = c.date(ActionField(i, "Done"), n+", udført", a.Done)
		m.Actions = append(m.Actions, act)
	}
	return m, c.err()
}

// clock parses an optional time of day.
func (c *checker) clock(field, label, s string) string {
	t, err := dk.ParseClock(s)
	if err != nil {
		c.addErr(field, label, err)
	}
	return t
}

// SaveMeeting validates and creates or updates a meeting with its people,
// agenda and action items, all in one transaction. Approved minutes are
// refused: they change only by a correction.
func (s *Store) SaveMeeting(ctx context.Context, f MeetingForm) (Meeting, error) {
	return save(ctx, s, meetingKind, f.Parse)
}

// ErrMinutesApproved is a change to approved minutes.
var ErrMinutesApproved = fmt.Errorf("referatet er godkendt og kan ikke ændres; tilføj en rettelse")

var meetingKind = &kind[Meeting]{
	entity: "møde",
	id:     func(m *Meeting) *int64 { return &m.ID },
	check: func(ctx context.Context, _ *Store, tx dbtx, m *Meeting, created bool, parsed *ValidationError) error {
		if !created {
			var st string
			err := tx.QueryRowContext(ctx, `SELECT status FROM meetings WHERE id = ?`, m.ID).Scan(&st)
			if err == sql.ErrNoRows {
				return fmt.Errorf("møde %d findes ikke: %w", m.ID, ErrNotFound)
			}
			if err != nil {
				return err
			}
			if MeetingStatus(st) == MeetingApproved {
				return ErrMinutesApproved
			}
		}
		var problems []FieldError
		if m.BodyID != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM bodies WHERE id = ?`, m.BodyID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				problems = append(problems, FieldError{Field: "BodyID", Label: "Møde i", Code: "missing", Text: "organet findes ikke længere"})
			}
		}
		for _, p := range m.People {
			if e := personExists(ctx, tx, p.ID, "Invited", "Indbudte"); e != nil {
				problems = append(problems, *e)
				break
			}
		}
		for _, it := range m.Items {
			if e := personExists(ctx, tx, it.OwnerID, ItemField(it.row, "OwnerID"), fmt.Sprintf("Dagsorden, punkt %d, ansvarlig", it.row+1)); e != nil {
				problems = append(problems, *e)
			}
			if it.Link.ID != 0 && !parsed.Any(ItemField(it.row, "Link")) {
				if err := linkExists(ctx, tx, it.Link); err != nil {
					problems = append(problems, FieldError{Field: ItemField(it.row, "Link"),
						Label: fmt.Sprintf("Dagsorden, punkt %d, vedrører", it.row+1), Code: "missing", Text: err.Error()})
				}
			}
		}
		for _, a := range m.Actions {
			if parsed.Any(ActionField(a.row, "OwnerID")) {
				continue
			}
			if e := personExists(ctx, tx, a.OwnerID, ActionField(a.row, "OwnerID"), fmt.Sprintf("Handlingspunkt %d, ansvarlig", a.row+1)); e != nil {
				problems = append(problems, *e)
			}
		}
		if len(problems) > 0 {
			return &ValidationError{Problems: problems}
		}
		return nil
	},
	row: func(m Meeting) row {
		return row{table: "meetings", created: true,
			cols: []string{"body_id", "title", "held_on", "starts_at", "ends_at", "place", "notes"},
			args: []any{nilIfZero(m.BodyID), m.Title, dk.ISODate(m.Date), m.Starts, m.Ends, m.Place, m.Notes}}
	},
	after:  saveMeetingParts,
	detail: func(m Meeting) string { return m.Title + " " + dk.FormatDate(m.Date) },
	read:   (*Store).Meeting,
}

// linkExists refuses a link to a record that is not there.
func linkExists(ctx context.Context, tx dbtx, l Link) error {
	table := map[LinkKind]string{LinkAgreement: "agreements", LinkChecklist: "checklist_items", LinkRisk: "risks", LinkTarget: "targets"}[l.Kind]
	if table == "" {
		return fmt.Errorf("ukendt slags henvisning (%s)", l.Kind)
	}
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+table+" WHERE id = ?", l.ID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("det, punktet vedrører, findes ikke længere")
	}
	return nil
}

// saveMeetingParts writes the people, the agenda and the action items as
// the form has them: rows with an id are updated (so an action item keeps
// its id while it is followed up), new rows inserted, the rest deleted.
func saveMeetingParts(ctx context.Context, tx dbtx, m Meeting, _ bool, _ string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM meeting_people WHERE meeting_id = ?`, m.ID); err != nil {
		return err
	}
	for _, p := range m.People {
		if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_people (meeting_id, contact_id, invited, attended) VALUES (?, ?, ?, ?)`,
			m.ID, p.ID, p.Invited, p.Attended); err != nil {
			return err
		}
	}
	var keepItems []int64
	for i, it := range m.Items {
		cols := map[string]any{"agreement_id": nil, "checklist_id": nil, "risk_id": nil, "target_id": nil}
		if c := linkColumn(it.Link.Kind); c != "" && it.Link.ID != 0 {
			cols[c] = it.Link.ID
		}
		args := []any{i + 1, it.Title, it.Text, nilIfZero(it.OwnerID), cols["agreement_id"], cols["checklist_id"],
			cols["risk_id"], cols["target_id"], it.Minutes, it.Decision}
		id, err := upsertPart(ctx, tx, "agenda_items", it.ID, m.ID,
			[]string{"position", "title", "body", "owner_id", "agreement_id", "checklist_id", "risk_id", "target_id", "minutes", "decision"}, args)
		if err != nil {
			return err
		}
		keepItems = append(keepItems, id)
	}
	if err := deleteOtherParts(ctx, tx, "agenda_items", m.ID, keepItems); err != nil {
		return err
	}
	var keepActions []int64
	for i, a := range m.Actions {
		id, err := upsertPart(ctx, tx, "action_items", a.ID, m.ID, []string{"position", "what", "owner_id", "due_on", "done_on"},
			[]any{i + 1, a.What, a.OwnerID, dk.ISODate(a.Due), isoOrNil(a.Done)})
		if err != nil {
			return err
		}
		keepActions = append(keepActions, id)
	}
	return deleteOtherParts(ctx, tx, "action_items", m.ID, keepActions)
}

// upsertPart updates row id of table (a part of meeting or grant parent)
// or inserts it when id is 0 or not the parent's, returning its id.
func upsertPart(ctx context.Context, tx dbtx, table string, id, parent int64, cols []string, args []any) (int64, error) {
	parentCol := partParent[table]
	if id != 0 {
		res, err := tx.ExecContext(ctx, "UPDATE "+table+" SET "+strings.Join(cols, " = ?, ")+" = ? WHERE id = ? AND "+parentCol+" = ?",
			append(append([]any{}, args...), id, parent)...)
		if err != nil {
			return 0, err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return id, nil
		}
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO "+table+" ("+parentCol+", "+strings.Join(cols, ", ")+") VALUES (?"+
		strings.Repeat(", ?", len(cols))+")", append([]any{parent}, args...)...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// partParent is the column that ties a part to its record.
var partParent = map[string]string{"agenda_items": "meeting_id", "action_items": "meeting_id", "grant_reports": "grant_id"}

// deleteOtherParts deletes the parts of parent in table that are not in keep.
func deleteOtherParts(ctx context.Context, tx dbtx, table string, parent int64, keep []int64) error {
	q := "DELETE FROM " + table + " WHERE " + partParent[table] + " = ?"
	args := []any{parent}
	if len(keep) > 0 {
		q += " AND id NOT IN (?" + strings.Repeat(", ?", len(keep)-1) + ")"
		for _, id := range keep {
			args = append(args, id)
		}
	}
	_, err := tx.ExecContext(ctx, q, args...)
	return err
}
