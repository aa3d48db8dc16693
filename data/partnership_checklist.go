package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// ChecklistStatus is how far the collaboration has come with one item.
type ChecklistStatus string

// The statuses of a checklist item.
const (
	ChecklistOpen    ChecklistStatus = "aaben"
	ChecklistWorking ChecklistStatus = "under_afklaring"
	ChecklistSettled ChecklistStatus = "afklaret"
)

// ChecklistStatuses are the statuses in their order.
var ChecklistStatuses = []ChecklistStatus{ChecklistOpen, ChecklistWorking, ChecklistSettled}

// Label is the status in Danish.
func (st ChecklistStatus) Label() string {
	switch st {
	case ChecklistOpen:
		return "Åben"
	case ChecklistWorking:
		return "Under afklaring"
	case ChecklistSettled:
		return "Afklaret"
	}
	return string(st)
}

// ChecklistItem is one thing the collaboration must clarify ("Gennem
// samarbejdet afklares: …"). Once settled, its decided text is the merge
// field afklaring.<Code>, so agreements say what the partnership decided.
type ChecklistItem struct {
	ID          int64
	Code        string // the merge field's last part: "jobcentrets_rolle"
	Title       string
	Description string
	Status      ChecklistStatus
	OwnerID     int64
	Owner       string
	DiscussedID int64 // the meeting where it was discussed
	Discussed   string
	SettledID   int64 // the meeting where it was settled
	Settled     string
	Decision    string
	Position    int
	ArchivedAt  time.Time
	UpdatedAt   time.Time
}

// Archived tells whether the item is archived.
func (c ChecklistItem) Archived() bool { return !c.ArchivedAt.IsZero() }

// MergeField is the item's merge field: "afklaring.jobcentrets_rolle".
func (c ChecklistItem) MergeField() string { return ChecklistGroup + "." + c.Code }

// ChecklistGroup is the merge-field group of the decided texts.
const ChecklistGroup = "afklaring"

// ChecklistForm is a checklist item as typed.
type ChecklistForm struct {
	ID          int64
	Code        string
	Title       string
	Description string
	Status      string
	OwnerID     int64
	DiscussedID int64
	SettledID   int64
	Decision    string
	Position    string
}

// Form returns the item as the form shows it.
func (c ChecklistItem) Form() ChecklistForm {
	return ChecklistForm{ID: c.ID, Code: c.Code, Title: c.Title, Description: c.Description, Status: string(c.Status),
		OwnerID: c.OwnerID, DiscussedID: c.DiscussedID, SettledID: c.SettledID, Decision: c.Decision,
		Position: positionText(c.ID, c.Position)}
}

// Parse checks the form and returns the item it describes. A new item
// without a field name gets one from its title.
func (f ChecklistForm) Parse() (ChecklistItem, error) {
	var c checker
	it := ChecklistItem{ID: f.ID, OwnerID: f.OwnerID, DiscussedID: f.DiscussedID, SettledID: f.SettledID}
	it.Title = c.required("Title", "Emne", f.Title)
	c.noCPR("Title", "Emne", it.Title)
	it.Description = c.freeText("Description", "Beskrivelse", f.Description)
	it.Decision = c.freeText("Decision", "Besluttet tekst", f.Decision)
	it.Code = strings.TrimSpace(f.Code)
	if it.Code == "" {
		it.Code = fieldName(it.Title)
	}
	if p := checkFieldName(it.Code); p != "" {
		c.add("Code", "Flettefelt", "field_name", p)
	}
	it.Status = ChecklistStatus(strings.TrimSpace(f.Status))
	if it.Status == "" {
		it.Status = ChecklistOpen
	}
	switch it.Status {
	case ChecklistOpen, ChecklistWorking:
	case ChecklistSettled:
		if it.Decision == "" && !c.has("Decision") {
			c.add("Decision", "Besluttet tekst", "required", "et afklaret punkt skal have den tekst, der blev besluttet")
		}
	default:
		c.add("Status", "Status", "invalid", "ukendt status ("+string(it.Status)+")")
	}
	it.Position = c.position(f.Position)
	return it, c.err()
}

// fieldName makes a merge-field name of a title: lower case letters,
// digits and underscores, æ ø å written ae oe aa, at most 40 long.
func fieldName(title string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(title) {
		var w string
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			w = string(r)
		case r == 'æ':
			w = "ae"
		case r == 'ø':
			w = "oe"
		case r == 'å':
			w = "aa"
		default:
			if f := dk.Fold(string(r)); len(f) == 1 && f[0] >= 'a' && f[0] <= 'z' {
				w = f
			} else {
				gap = b.Len() > 0
				continue
			}
		}
		if gap {
			b.WriteByte('_')
			gap = false
		}
		b.WriteString(w)
		if b.Len() >= 40 {
			break
		}
	}
	s := strings.TrimRight(b.String()[:min(b.Len(), 40)], "_")
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		s = "punkt_" + s
	}
	return strings.TrimRight(s, "_")
}

// checkFieldName says what is wrong with a merge-field name, or "".
func checkFieldName(code string) string {
	switch {
	case code == "":
		return "skriv flettefeltets navn, fx jobcentrets_rolle"
	case len(code) > 40:
		return fmt.Sprintf("højst 40 tegn (%d)", len(code))
	}
	for _, r := range code {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return "kun små bogstaver a–z, tal og _ (" + code + "); skriv æ, ø, å som ae, oe, aa"
		}
	}
	if code[0] < 'a' || code[0] > 'z' {
		return "skal begynde med et bogstav a–z (" + code + ")"
	}
	return ""
}

// SaveChecklistItem validates and creates or updates a checklist item. Its
// merge field is given when the item is created and never changes after
// (templates use it); it must be its own: no other item, archived or not,
// may have it (the group afklaring holds nothing else, so no other field
// can clash).
func (s *Store) SaveChecklistItem(ctx context.Context, f ChecklistForm) (ChecklistItem, error) {
	return save(ctx, s, checklistKind(strings.TrimSpace(f.Position) == ""), f.Parse)
}

// checklistKind is how a checklist item is saved; atEnd puts a new one last.
func checklistKind(atEnd bool) *kind[ChecklistItem] {
	return &kind[ChecklistItem]{
		entity: "afklaring",
		id:     func(c *ChecklistItem) *int64 { return &c.ID },
		check: func(ctx context.Context, _ *Store, tx dbtx, c *ChecklistItem, created bool, parsed *ValidationError) error {
			var problems []FieldError
			if !created {
				if err := tx.QueryRowContext(ctx, `SELECT code FROM checklist_items WHERE id = ?`, c.ID).Scan(&c.Code); err != nil {
					if err == sql.ErrNoRows {
						return fmt.Errorf("afklaring %d findes ikke: %w", c.ID, ErrNotFound)
					}
					return err
				}
			} else if !parsed.Any("Code") {
				var other string
				var archived bool
				err := tx.QueryRowContext(ctx, `SELECT title, archived_at IS NOT NULL FROM checklist_items WHERE code = ? AND id <> ?`,
					c.Code, c.ID).Scan(&other, &archived)
				switch {
				case err == nil:
					text := fmt.Sprintf("flettefeltet %s bruges allerede af »%s«", c.MergeField(), other)
					if archived {
						text += " (arkiveret)"
					}
					problems = append(problems, FieldError{Field: "Code", Label: "Flettefelt", Code: "duplicate", Text: text + "; vælg et andet navn"})
				case err != sql.ErrNoRows:
					return err
				}
			}
			if e := personExists(ctx, tx, c.OwnerID, "OwnerID", "Ansvarlig"); e != nil {
				problems = append(problems, *e)
			}
			for _, m := range []struct {
				id           int64
				field, label string
			}{{c.DiscussedID, "DiscussedID", "Drøftet på mødet"}, {c.SettledID, "SettledID", "Afklaret på mødet"}} {
				if m.id == 0 {
					continue
				}
				var n int
				if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM meetings WHERE id = ?`, m.id).Scan(&n); err != nil {
					return err
				}
				if n == 0 {
					problems = append(problems, FieldError{Field: m.field, Label: m.label, Code: "missing", Text: "mødet findes ikke længere"})
				}
			}
			if len(problems) > 0 {
				return &ValidationError{Problems: problems}
			}
			if created && atEnd {
				var err error
				c.Position, err = lastPosition(ctx, tx, "checklist_items")
				return err
			}
			return nil
		},
		row: func(c ChecklistItem) row {
			return row{table: "checklist_items", created: true,
				cols: []string{"title", "description", "status", "owner_id", "discussed_meeting_id", "settled_meeting_id", "decision", "position"},
				args: []any{c.Title, c.Description, string(c.Status), nilIfZero(c.OwnerID), nilIfZero(c.DiscussedID),
					nilIfZero(c.SettledID), c.Decision, c.Position},
				once: []string{"code"}, onceArg: []any{c.Code}}
		},
		detail: func(c ChecklistItem) string { return c.Title + " (" + c.Status.Label() + ")" },
		read:   (*Store).ChecklistItem,
	}
}

const checklistColumns = `c.id, c.code, c.title, c.description, c.status, coalesce(c.owner_id, 0), coalesce(k.name || ', ' || o.name, ''),
	coalesce(c.discussed_meeting_id, 0), coalesce(md.title || ' ' || md.held_on, ''),
	coalesce(c.settled_meeting_id, 0), coalesce(ms.title || ' ' || ms.held_on, ''),
	c.decision, c.position, c.archived_at, c.updated_at`

const checklistFrom = ` FROM checklist_items c LEFT JOIN contacts k ON k.id = c.owner_id
	LEFT JOIN organisations o ON o.id = k.organisation_id
	LEFT JOIN meetings md ON md.id = c.discussed_meeting_id LEFT JOIN meetings ms ON ms.id = c.settled_meeting_id`

func scanChecklistItem(row scanner) (ChecklistItem, error) {
	var c ChecklistItem
	var archived, updated sql.NullString
	err := row.Scan(&c.ID, &c.Code, &c.Title, &c.Description, &c.Status, &c.OwnerID, &c.Owner, &c.DiscussedID, &c.Discussed,
		&c.SettledID, &c.Settled, &c.Decision, &c.Position, &archived, &updated)
	c.Discussed, c.Settled = meetingLabel(c.Discussed), meetingLabel(c.Settled)
	c.ArchivedAt, c.UpdatedAt = instantCol(archived), instantCol(updated)
	return c, err
}

// meetingLabel turns "Partnerskabsmøde 2015-03-05" (title and ISO date as
// the query joins them) into "Partnerskabsmøde 5.3.2015".
func meetingLabel(s string) string {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return s
	}
	d, err := dk.ParseISODate(s[i+1:])
	if err != nil {
		return s
	}
	return s[:i] + " " + dk.FormatDate(d)
}

// ChecklistItem reads one checklist item, archived or not.
func (s *Store) ChecklistItem(ctx context.Context, id int64) (ChecklistItem, error) {
	return queryOne(ctx, s.db, scanChecklistItem, "afklaring", id, "SELECT "+checklistColumns+checklistFrom+" WHERE c.id = ?", id)
}

// Checklist lists the checklist in its order; archived items only when asked (last).
func (s *Store) Checklist(ctx context.Context, withArchived bool) ([]ChecklistItem, error) {
	return queryAll(ctx, s.db, scanChecklistItem, "SELECT "+checklistColumns+checklistFrom+
		` WHERE ? OR c.archived_at IS NULL ORDER BY c.archived_at IS NOT NULL, c.position, c.id`, withArchived)
}

// ArchiveChecklistItem hides an item the partnership no longer needs to clarify.
func (s *Store) ArchiveChecklistItem(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "checklist_items", "afklaring", id, true)
}

// RestoreChecklistItem brings an archived item back.
func (s *Store) RestoreChecklistItem(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "checklist_items", "afklaring", id, false)
}

// DecidedTexts are the merge fields of the checklist: every item's field
// name with its decided text ("" until it is settled). Archived items keep
// their fields, so a template that used one stays valid.
func (s *Store) DecidedTexts(ctx context.Context) (map[string]string, []ChecklistItem, error) {
	items, err := s.Checklist(ctx, true)
	if err != nil {
		return nil, nil, err
	}
	out := make(map[string]string, len(items))
	for _, c := range items {
		if c.Status == ChecklistSettled {
			out[c.Code] = c.Decision
		} else {
			out[c.Code] = ""
		}
	}
	return out, items, nil
}

// ChecklistCounts counts the active items per status.
func (s *Store) ChecklistCounts(ctx context.Context) (map[ChecklistStatus]int, error) {
	out := map[ChecklistStatus]int{}
	rows, err := s.db.QueryContext(ctx, `SELECT status, count(*) FROM checklist_items WHERE archived_at IS NULL GROUP BY status`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[ChecklistStatus(st)] = n
	}
	return out, rows.Err()
}

// ChecklistCodes are the field names of every checklist item, archived or
// not: the names a template may use as afklaring.<name>.
func (s *Store) ChecklistCodes(ctx context.Context) ([]string, error) {
	return checklistCodes(ctx, s.db)
}

func checklistCodes(ctx context.Context, q queryer) ([]string, error) {
	return queryAll(ctx, q, func(row scanner) (string, error) {
		var c string
		return c, row.Scan(&c)
	}, `SELECT code FROM checklist_items ORDER BY code`)
}
