package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"partnerskab/data/dk"
)

// Placement is one person placed in an enterprise: by initials or a
// pseudonym only. A named person in a flex job reveals reduced working
// capacity (health data), and a target group can stand in for ethnic origin,
// both GDPR art. 9; so the register never holds a name, a CPR number, health
// details, ethnicity or benefit amounts, and person data is deleted or
// anonymised after the case closes (retention.go).
type Placement struct {
	ID             int64
	Pseudonym      string
	OrganisationID int64
	PositionID     int64 // 0 when not on a planned position
	SchemeID       int64
	HoursPerWeek   float64
	Resident       bool // lives in the housing area
	TargetGroupID  int64
	Start          time.Time
	End            time.Time // zero while open-ended
	CaseClosedOn   time.Time
	DeleteBy       time.Time // the person data is due for deletion on this day
	Notes          string
	AnonymisedAt   time.Time
	CreatedAt      time.Time
	UpdatedAt      time.Time

	// Read with the placement, for lists.
	OrganisationName string
	SchemeName       string
	PositionTitle    string
	TargetGroupName  string

	// Warnings are the rules the placement bends without being refused (a
	// work placement longer than its scheme allows, the subsidy ratio);
	// SavePlacement fills them.
	Warnings []string

	cursor PlacementCursor
}

// PlacementCursor marks a placement's place in the list's order, so that
// the next page can start right after it (PlacementQuery.After) instead of
// counting its way there with OFFSET: scrolling deep into 100.000
// placements then costs what the first page costs.
type PlacementCursor struct {
	archivedOrg bool
	orgSortKey  []byte
	orgID       int64
	start       string
	id          int64
}

// Cursor is the placement's place in the list's order.
func (p Placement) Cursor() PlacementCursor { return p.cursor }

// Anonymised tells whether the placement's person data has been removed.
func (p Placement) Anonymised() bool { return !p.AnonymisedAt.IsZero() }

// ActiveOn tells whether the placement runs on day (its end day included).
func (p Placement) ActiveOn(day time.Time) bool {
	return !p.Start.After(day) && (p.End.IsZero() || !p.End.Before(day))
}

// PlacementForm is a placement as typed into the form or a CSV row.
type PlacementForm struct {
	ID             int64
	Pseudonym      string
	OrganisationID int64
	PositionID     int64
	SchemeID       int64
	HoursPerWeek   string
	Resident       string // "ja" or "nej" (also j/n, x, 1/0); empty is nej
	TargetGroupID  int64
	Start          string
	End            string
	CaseClosedOn   string
	DeleteBy       string // empty: case closed + the retention period from the settings
	Notes          string
}

// Form returns the placement as the form shows it.
func (p Placement) Form() PlacementForm {
	f := PlacementForm{ID: p.ID, Pseudonym: p.Pseudonym, OrganisationID: p.OrganisationID, PositionID: p.PositionID,
		SchemeID: p.SchemeID, Resident: "nej", TargetGroupID: p.TargetGroupID,
		Start: formatDateOrEmpty(p.Start), End: formatDateOrEmpty(p.End), CaseClosedOn: formatDateOrEmpty(p.CaseClosedOn),
		DeleteBy: formatDateOrEmpty(p.DeleteBy), Notes: p.Notes}
	if p.ID != 0 || p.HoursPerWeek != 0 {
		f.HoursPerWeek = dk.FormatDecimal(p.HoursPerWeek, -1)
	}
	if p.Resident {
		f.Resident = "ja"
	}
	return f
}

// Labels of the placement form's fields, as the caseworker knows them.
const (
	labelPseudonym = "Initialer eller pseudonym"
	labelStart     = "Start"
	labelEnd       = "Slut"
)

// maxPseudonym is the longest pseudonym, in characters.
const maxPseudonym = 40

// Parse checks the form and returns the placement it describes, or a
// ValidationError naming every field that is wrong. The database-dependent
// rules (the position belongs to the enterprise, nothing archived is chosen
// anew) are checked by SavePlacement.
func (f PlacementForm) Parse() (Placement, error) {
	var c checker
	p := Placement{ID: f.ID, OrganisationID: f.OrganisationID, PositionID: f.PositionID, SchemeID: f.SchemeID,
		TargetGroupID: f.TargetGroupID}
	p.Pseudonym = c.pseudonym("Pseudonym", labelPseudonym, f.Pseudonym)
	if p.OrganisationID == 0 {
		c.add("OrganisationID", "Virksomhed", "required", "vælg virksomheden")
	}
	if p.SchemeID == 0 {
		c.add("SchemeID", "Ordning", "required", "vælg en ordning")
	}
	p.HoursPerWeek = c.hours("HoursPerWeek", "Timer pr. uge", f.HoursPerWeek)
	switch strings.ToLower(strings.TrimSpace(f.Resident)) {
	case "", "nej", "n", "0", "false":
	case "ja", "j", "x", "1", "true":
		p.Resident = true
	default:
		c.add("Resident", "Bor i området", "yes_no", fmt.Sprintf("skal være ja eller nej (%s)", strings.TrimSpace(f.Resident)))
	}
	if strings.TrimSpace(f.Start) == "" {
		c.add("Start", labelStart, "required", "skriv startdatoen, fx 1.9.2015")
	} else {
		p.Start = c.date("Start", labelStart, f.Start)
	}
	p.End = c.date("End", labelEnd, f.End)
	if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
		c.add("End", labelEnd, "date_order", fmt.Sprintf("slutdatoen (%s) ligger før startdatoen (%s)",
			dk.FormatDate(p.End), dk.FormatDate(p.Start)))
	}
	p.CaseClosedOn = c.date("CaseClosedOn", "Sagen afsluttet", f.CaseClosedOn)
	p.DeleteBy = c.date("DeleteBy", "Slettes senest", f.DeleteBy)
	p.Notes = c.freeText("Notes", "Noter", f.Notes)
	return p, c.err()
}

// pseudonym checks what identifies the person: required, short, and neither
// a CPR number nor anything that reads like a full name.
func (c *checker) pseudonym(field, label, s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		c.add(field, label, "required", "skriv initialer eller et pseudonym, fx A.B. eller Syerske 3")
		return s
	}
	if n := utf8.RuneCountInString(s); n > maxPseudonym {
		c.add(field, label, "too_long", fmt.Sprintf("højst %d tegn (har %d); skriv kun initialer eller et pseudonym", maxPseudonym, n))
	}
	if m, ok := dk.FindCPR(s); ok {
		c.add(field, label, "cpr", CPRWarning(m))
		return s
	}
	if hasDigitRun(s, 6) {
		// The schema refuses the same, so a file written by another tool
		// cannot hold a CPR number hidden in a pseudonym either.
		c.add(field, label, "digits", "må ikke indeholde et tal med 6 cifre eller flere; skriv kun initialer eller et pseudonym")
		return s
	}
	if name, ok := fullName(s); ok {
		c.add(field, label, "full_name", fmt.Sprintf("ligner et fuldt navn (%s); skriv kun initialer eller et pseudonym, fx %s",
			name, initials(name)))
	}
	return s
}

// hasDigitRun tells whether s holds n or more ASCII digits in a row.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// fullName finds two or more words in a row that read like a name: each
// starts with a capital and has at least three letters ("Anna Hansen",
// "Lene Østergaard", "Anne-Marie Kjær"). The register may hold initials or a
// pseudonym only (a named flex-jobber is health data), and a program cannot
// know every name, but this is how names are written; initials ("A.B.",
// "Anna B.") and pseudonyms such as "Syerske 3" or "kok nord" pass. It errs
// towards refusing a capitalised two-word pseudonym, which the message
// explains.
func fullName(s string) (string, bool) {
	words := strings.Fields(s)
	for i := 0; i+1 < len(words); i++ {
		j := i
		for j < len(words) && nameLike(words[j]) {
			j++
		}
		if j-i >= 2 {
			return strings.Join(words[i:j], " "), true
		}
	}
	return "", false
}

func nameLike(w string) bool {
	w = strings.TrimRight(w, ",;:")
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) {
		return false
	}
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '-' || r == '\'':
		default:
			return false
		}
	}
	return letters >= 3
}

// initials turns "Anna Hansen" into "A.H." for the message's example.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
		b.WriteByte('.')
	}
	return b.String()
}

// placementSearchText is what search-as-you-type matches in the placement
// itself (the enterprise and scheme are matched through their own rows).
func placementSearchText(pseudonym string) string { return dk.Fold(pseudonym) }

// SavePlacement validates the form and creates or updates the placement in
// one transaction; on any problem nothing is written. The saved placement
// comes back with its warnings.
func (s *Store) SavePlacement(ctx context.Context, f PlacementForm) (Placement, error) {
	saved, err := save(ctx, s, placementKind, f.Parse)
	if err != nil {
		return saved, err
	}
	saved.Warnings, err = s.PlacementWarnings(ctx, saved)
	return saved, err
}

// placementKind is how a placement is saved, after the checks that need the
// database; an empty delete-by date gets its default here. The audit log
// names the record, never the person: a pseudonym in an event would outlive
// the placement's deletion.
var placementKind = &kind[Placement]{
	entity: "placering",
	id:     func(p *Placement) *int64 { return &p.ID },
	check:  checkPlacement,
	row: func(p Placement) row {
		return row{table: "placements", created: true,
			cols: []string{"pseudonym", "search_text", "organisation_id", "position_id", "scheme_id", "hours_per_week", "resident",
				"target_group_id", "start_on", "end_on", "case_closed_on", "delete_by", "notes"},
			args: []any{p.Pseudonym, placementSearchText(p.Pseudonym), p.OrganisationID, nilIfZero(p.PositionID), p.SchemeID,
				p.HoursPerWeek, p.Resident, nilIfZero(p.TargetGroupID), dk.ISODate(p.Start), isoOrNil(p.End),
				isoOrNil(p.CaseClosedOn), isoOrNil(p.DeleteBy), p.Notes}}
	},
	read: (*Store).Placement,
}

func checkPlacement(ctx context.Context, _ *Store, tx dbtx, p *Placement, _ bool, _ *ValidationError) error {
	var c checker
	var was struct {
		org, position, scheme, group sql.NullInt64
		anonymised                   sql.NullString
	}
	if p.ID != 0 {
		err := tx.QueryRowContext(ctx, `SELECT organisation_id, position_id, scheme_id, target_group_id, anonymised_at
			FROM placements WHERE id = ?`, p.ID).Scan(&was.org, &was.position, &was.scheme, &was.group, &was.anonymised)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("placering %d findes ikke: %w", p.ID, ErrNotFound)
		} else if err != nil {
			return err
		}
		if was.anonymised.Valid {
			c.add("Pseudonym", labelPseudonym, "anonymised", "placeringen er anonymiseret og kan ikke ændres")
			return c.err()
		}
	}
	for _, ch := range []struct {
		table, field, label, what string
		id, was                   int64
	}{
		{"organisations", "OrganisationID", "Virksomhed", "virksomheden", p.OrganisationID, was.org.Int64},
		{"schemes", "SchemeID", "Ordning", "ordningen", p.SchemeID, was.scheme.Int64},
		{"target_groups", "TargetGroupID", "Målgruppe", "målgruppen", p.TargetGroupID, was.group.Int64},
		{"positions", "PositionID", "Stilling", "stillingen", p.PositionID, was.position.Int64},
	} {
		if err := checkChoice(ctx, tx, &c, ch.table, ch.field, ch.label, ch.what, ch.id, ch.was); err != nil {
			return err
		}
	}
	if p.PositionID != 0 && !c.has("PositionID") {
		var title, orgName string
		var orgID int64
		err := lookup(ctx, tx, `SELECT p.title, p.organisation_id, o.name FROM positions p
			JOIN organisations o ON o.id = p.organisation_id WHERE p.id = ?`, p.PositionID, &title, &orgID, &orgName)
		if err != nil {
			return err
		}
		if orgID != p.OrganisationID {
			c.add("PositionID", "Stilling", "position_org",
				fmt.Sprintf("stillingen »%s« hører til %s; vælg en af virksomhedens egne stillinger", title, orgName))
		}
	}
	if err := c.err(); err != nil {
		return err
	}
	if p.DeleteBy.IsZero() && !p.CaseClosedOn.IsZero() {
		years, err := retentionPersonYears(ctx, tx)
		if err != nil {
			return err
		}
		p.DeleteBy = p.CaseClosedOn.AddDate(years, 0, 0)
	}
	return nil
}

const placementColumns = `p.id, p.pseudonym, p.organisation_id, p.position_id, p.scheme_id, p.hours_per_week, p.resident,
	p.target_group_id, p.start_on, p.end_on, p.case_closed_on, p.delete_by, p.notes, p.anonymised_at, p.created_at,
	p.updated_at, o.name, sc.name, coalesce(po.title, ''), coalesce(tg.name, ''), o.archived_at IS NOT NULL, o.sort_key`

const placementFrom = ` FROM placements p JOIN organisations o ON o.id = p.organisation_id
	JOIN schemes sc ON sc.id = p.scheme_id LEFT JOIN positions po ON po.id = p.position_id
	LEFT JOIN target_groups tg ON tg.id = p.target_group_id`

func scanPlacement(row scanner) (Placement, error) {
	var p Placement
	var position, group sql.NullInt64
	var start, created, updated string
	var end, closed, deleteBy, anonymised sql.NullString
	err := row.Scan(&p.ID, &p.Pseudonym, &p.OrganisationID, &position, &p.SchemeID, &p.HoursPerWeek, &p.Resident,
		&group, &start, &end, &closed, &deleteBy, &p.Notes, &anonymised, &created, &updated,
		&p.OrganisationName, &p.SchemeName, &p.PositionTitle, &p.TargetGroupName,
		&p.cursor.archivedOrg, &p.cursor.orgSortKey)
	p.cursor.orgID, p.cursor.start, p.cursor.id = p.OrganisationID, start, p.ID
	p.PositionID, p.TargetGroupID = position.Int64, group.Int64
	p.Start = dateCol(sql.NullString{String: start, Valid: true})
	p.End, p.CaseClosedOn, p.DeleteBy = dateCol(end), dateCol(closed), dateCol(deleteBy)
	p.AnonymisedAt = instantCol(anonymised)
	p.CreatedAt = instantCol(sql.NullString{String: created, Valid: true})
	p.UpdatedAt = instantCol(sql.NullString{String: updated, Valid: true})
	return p, err
}

// Placement reads one placement.
func (s *Store) Placement(ctx context.Context, id int64) (Placement, error) {
	return queryOne(ctx, s.db, scanPlacement, "placering", id, "SELECT "+placementColumns+placementFrom+" WHERE p.id = ?", id)
}

// PlacementQuery selects placements for a list.
type PlacementQuery struct {
	Text           string    // search-as-you-type: pseudonym, enterprise, scheme
	OrganisationID int64     // 0 for every enterprise
	SchemeID       int64     // 0 for every scheme
	ActiveOn       time.Time // only the placements running on this day; zero for all
	// After, when set, starts the list right after this placement (the last
	// of the page before); Offset then counts from there.
	After  *PlacementCursor
	Limit  int // 0 means 100
	Offset int
}

// placementOrder lists placements by enterprise (active enterprises first,
// in Danish order), then newest start first. It matches organisations_list
// and placements_list exactly, so SQLite walks the two indexes in order and
// stops at the page's end instead of sorting every placement.
const placementOrder = ` ORDER BY (o.archived_at IS NOT NULL), o.sort_key, o.id, p.start_on DESC, p.id`

// placementWhere is the query's filter on placements p, and the typed
// text resolved (placement_search.go). With withOrg the query has the
// enterprise o at hand (the list walks the enterprises, so their search
// text is read once each); without, the matching enterprises are found
// once by a subquery (IN runs it a single time), so a count need not join
// every placement to its enterprise.
func (s *Store) placementWhere(ctx context.Context, q PlacementQuery, withOrg bool) (string, []any, placementSearch, error) {
	ps, err := s.resolvePlacementSearch(ctx, q.Text)
	if err != nil {
		return "", nil, ps, err
	}
	var args []any
	var conds []string
	if q.OrganisationID != 0 {
		conds = append(conds, "p.organisation_id = ?")
		args = append(args, q.OrganisationID)
	}
	if q.SchemeID != 0 {
		conds = append(conds, "p.scheme_id = ?")
		args = append(args, q.SchemeID)
	}
	if !q.ActiveOn.IsZero() {
		iso := dk.ISODate(q.ActiveOn)
		conds = append(conds, "p.start_on <= ? AND (p.end_on IS NULL OR p.end_on >= ?)")
		args = append(args, iso, iso)
	}
	for _, w := range ps.words {
		cond, wargs := w.condition(withOrg)
		conds = append(conds, cond)
		args = append(args, wargs...)
	}
	if len(conds) == 0 {
		conds = append(conds, "1")
	}
	return strings.Join(conds, " AND "), args, ps, nil
}

// Placements returns one page of placements, by enterprise and newest start.
// A jump deep into the list (a large Offset) starts at the enterprise that
// holds the row, found from the summary counts, so it costs what a page
// costs instead of counting its way there.
func (s *Store) Placements(ctx context.Context, q PlacementQuery) ([]Placement, error) {
	start, found, ok, err := s.jumpStart(ctx, q)
	if err != nil {
		return nil, err
	}
	if !ok {
		return s.placementsPage(ctx, q, nil)
	}
	if !found {
		return nil, nil
	}
	q.Offset -= start.before
	return s.placementsPage(ctx, q, &start)
}

// placementsPage reads the page with OFFSET counted from the list's start,
// from the cursor q.After, or from the first placement of the enterprise
// from. Its ids are found on the two indexes alone (CROSS JOIN keeps the
// enterprises as the outer loop); only the page's rows are then read whole
// with their scheme, position and target group.
func (s *Store) placementsPage(ctx context.Context, q PlacementQuery, from *orgStart) ([]Placement, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	where, args, ps, err := s.placementWhere(ctx, q, true)
	if err != nil {
		return nil, err
	}
	where = "p.organisation_id = o.id AND " + where
	if ps.narrowed {
		// Only these enterprises can hold a match: the walk in list order
		// skips the others without reading their placements (the + keeps
		// SQLite walking organisations_list instead of sorting).
		where = "+o.id IN (SELECT value FROM json_each(?)) AND " + where
		args = append([]any{ps.narrowOrgs}, args...)
	}
	if q.OrganisationID != 0 {
		// Start the outer loop at the one enterprise instead of walking all.
		where = "o.id = ? AND " + where
		args = append([]any{q.OrganisationID}, args...)
	}
	var ids []int64
	switch {
	case q.After != nil:
		c := *q.After
		ids, err = s.pageIDsFrom(ctx, where, args, orgStart{archived: c.archivedOrg, sortKey: c.orgSortKey, id: c.orgID},
			&c, limit, q.Offset)
	case from != nil:
		ids, err = s.pageIDsFrom(ctx, where, args, *from, nil, limit, q.Offset)
	default:
		ids, err = s.pageIDs(ctx, where+placementOrder, append(args, limit, q.Offset))
	}
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	return s.placementsByID(ctx, ids)
}

// pageIDsFrom finds the ids of the page that starts at the enterprise from
// (after the cursor after, if set) and skips offset rows. SQLite seeks to a
// place in organisations_list only with its first column (archived or not)
// pinned, so the active enterprises from there on are read first, then,
// if the page is not full yet, the archived ones from their start.
func (s *Store) pageIDsFrom(ctx context.Context, where string, args []any, from orgStart, after *PlacementCursor,
	limit, offset int) ([]int64, error) {
	const segOrder = ` ORDER BY o.sort_key, o.id, p.start_on DESC, p.id`
	first := where + " AND (o.archived_at IS NOT NULL) = ? AND (o.sort_key, o.id) >= (?, ?)"
	firstArgs := append(append([]any{}, args...), from.archived, from.sortKey, from.id)
	if after != nil {
		first += " AND ((o.sort_key, o.id) > (?, ?) OR p.start_on < ? OR (p.start_on = ? AND p.id > ?))"
		firstArgs = append(firstArgs, after.orgSortKey, after.orgID, after.start, after.start, after.id)
	}
	ids, err := s.pageIDs(ctx, first+segOrder, append(firstArgs, limit, offset))
	if err != nil || from.archived || len(ids) == limit {
		return ids, err
	}
	if len(ids) == 0 && offset > 0 {
		// The offset may reach past the active enterprises: count how much
		// of it they used.
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM organisations o CROSS JOIN placements p WHERE "+first,
			firstArgs...).Scan(&n); err != nil {
			return nil, err
		}
		offset -= n
	} else {
		offset = 0
	}
	more, err := s.pageIDs(ctx, where+" AND (o.archived_at IS NOT NULL) = 1"+segOrder,
		append(append([]any{}, args...), limit-len(ids), offset))
	return append(ids, more...), err
}

// pageIDs runs the ids query where (a filter with its order), LIMIT and
// OFFSET last in args.
func (s *Store) pageIDs(ctx context.Context, where string, args []any) ([]int64, error) {
	rows, err := s.queryPrepared(ctx, "SELECT p.id FROM organisations o CROSS JOIN placements p WHERE "+where+
		" LIMIT ? OFFSET ?", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// placementsByID reads the placements ids whole, in the order given.
func (s *Store) placementsByID(ctx context.Context, ids []int64) ([]Placement, error) {
	list := make([]byte, 0, 8*len(ids)+2)
	list = append(list, '[')
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		if i > 0 {
			list = append(list, ',')
		}
		list = strconv.AppendInt(list, id, 10)
		at[id] = i
	}
	list = append(list, ']')
	rows, err := s.queryPrepared(ctx, "SELECT "+placementColumns+placementFrom+
		" WHERE p.id IN (SELECT value FROM json_each(?))", string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// Room for the whole page at once: growing the slice of wide rows by
	// doubling was a third of the bytes a page allocated.
	out := make([]Placement, len(ids))
	n := 0
	for rows.Next() {
		p, err := scanPlacement(rows)
		if err != nil {
			return nil, err
		}
		out[at[p.ID]] = p
		n++
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if n != len(ids) {
		// A placement deleted between the two queries: keep the others.
		kept := out[:0]
		for _, p := range out {
			if p.ID != 0 {
				kept = append(kept, p)
			}
		}
		out = kept
	}
	return out, nil
}

// CountPlacements counts what Placements would list without a limit, from
// the summary counts when they hold the answer.
func (s *Store) CountPlacements(ctx context.Context, q PlacementQuery) (int, error) {
	if n, ok, err := s.countFromSummaries(ctx, q); ok || err != nil {
		return n, err
	}
	return s.countPlacementsScan(ctx, q)
}

// countPlacementsScan counts by reading the placements that match q.
func (s *Store) countPlacementsScan(ctx context.Context, q PlacementQuery) (int, error) {
	where, args, ps, err := s.placementWhere(ctx, q, false)
	if err != nil {
		return 0, err
	}
	if n, ok, err := s.countSearchFew(ctx, q, ps, where, args); ok || err != nil {
		return n, err
	}
	var n int
	err = s.db.QueryRowContext(ctx, "SELECT count(*) FROM placements p WHERE "+where, args...).Scan(&n)
	return n, err
}

// PlacementWarnings lists what the placement bends without breaking:
// notes that seem to hold sensitive details (special_categories.go); a
// scheme that should last a limited time (a work placement, 13 weeks) run
// longer, counted to today while open-ended; and an enterprise over the
// subsidy ratio rule. The placement need not be saved (the form asks as the
// caseworker types); a saved one is not counted twice.
func (s *Store) PlacementWarnings(ctx context.Context, p Placement) ([]string, error) {
	out := SpecialCategoryWarnings("Noter", p.Notes)
	if p.SchemeID == 0 || p.OrganisationID == 0 || p.Start.IsZero() {
		return out, nil
	}
	sc, err := s.Scheme(ctx, p.SchemeID)
	if err != nil {
		return nil, err
	}
	today := s.today()
	if w := sc.WarnWeeks; w > 0 {
		to := p.End
		if to.IsZero() {
			to = today
		}
		days := int(to.Sub(p.Start).Hours()/24) + 1
		if days > 7*w {
			period := dk.FormatDate(p.Start) + "–" + dk.FormatDate(p.End)
			if p.End.IsZero() {
				period = "fra " + dk.FormatDate(p.Start) + ", uden slutdato"
			}
			out = append(out, fmt.Sprintf("%s i %d uger (%s): længere end de %d uger, ordningen bør vare.",
				sc.Name, (days+6)/7, period, w))
		}
	}
	// The ratio is measured on the day the placement runs: today, or its
	// first day if it does not run today.
	day := p.Start
	if p.ActiveOn(today) {
		day = today
	}
	iso := dk.ISODate(day)
	var subsidised, ordinary int
	var orgName string
	err = s.db.QueryRowContext(ctx, `SELECT o.name,
		(SELECT coalesce(sum(sc.subsidised), 0) FROM placements pl JOIN schemes sc ON sc.id = pl.scheme_id
			WHERE pl.organisation_id = o.id AND pl.id <> ?2 AND pl.start_on <= ?3 AND (pl.end_on IS NULL OR pl.end_on >= ?3)),
		(SELECT coalesce(sum(NOT sc.subsidised AND sc.counts_as_job), 0) FROM placements pl JOIN schemes sc ON sc.id = pl.scheme_id
			WHERE pl.organisation_id = o.id AND pl.id <> ?2 AND pl.start_on <= ?3 AND (pl.end_on IS NULL OR pl.end_on >= ?3))
		FROM organisations o WHERE o.id = ?1`, p.OrganisationID, p.ID, iso).Scan(&orgName, &subsidised, &ordinary)
	if errors.Is(err, sql.ErrNoRows) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	switch {
	case sc.Subsidised:
		subsidised++
	case sc.CountsAsJob:
		ordinary++
	}
	rule, err := s.SubsidyRule(ctx)
	if err != nil {
		return nil, err
	}
	if allowed := rule.Allowed(ordinary); subsidised > allowed {
		out = append(out, fmt.Sprintf("%s har %d i løntilskud eller praktik og %d ordinært ansatte den %s; rimelighedskravet tillader højst %d (%s).",
			orgName, subsidised, ordinary, dk.FormatDate(day), allowed, rule))
	}
	return out, nil
}

// SubsidyRule is the subsidy ratio rule (rimelighedskravet): at most one
// subsidised person (wage subsidy, work placement) per Per ordinary
// employees, and for the employees above Threshold one per PerAbove. It is a
// working assumption (DOMAIN.md), so its numbers live in the settings.
type SubsidyRule struct {
	Per       int
	Threshold int
	PerAbove  int
}

// DefaultSubsidyRule is 1 per 5, and 1 per 10 above 50 employees.
var DefaultSubsidyRule = SubsidyRule{Per: 5, Threshold: 50, PerAbove: 10}

// Allowed is how many subsidised people an enterprise with ordinary
// ordinary employees may have. The rule reads "1 per 5, 1 per 10 above 50":
// the first 50 employees give one per 5 (10 at 50), each further 10 one
// more, so a growing enterprise never loses room. Whole steps only: 4
// ordinary employees allow none, 5 allow one.
func (r SubsidyRule) Allowed(ordinary int) int {
	if ordinary <= 0 || r.Per <= 0 {
		return 0
	}
	if ordinary <= r.Threshold || r.PerAbove <= 0 {
		return ordinary / r.Per
	}
	return r.Threshold/r.Per + (ordinary-r.Threshold)/r.PerAbove
}

// String says the rule in Danish, for the warning.
func (r SubsidyRule) String() string {
	return fmt.Sprintf("1 pr. %d ordinært ansatte, 1 pr. %d over %d", r.Per, r.PerAbove, r.Threshold)
}

// SubsidyRule reads the rule's numbers from the settings; a missing or
// unreadable number falls back to the default.
func (s *Store) SubsidyRule(ctx context.Context) (SubsidyRule, error) {
	r := DefaultSubsidyRule
	for key, dst := range map[string]*int{
		"subsidy_ratio_per": &r.Per, "subsidy_ratio_threshold": &r.Threshold, "subsidy_ratio_per_above": &r.PerAbove,
	} {
		v, err := settingInt(ctx, s.db, key)
		if err != nil {
			return r, err
		}
		if v > 0 {
			*dst = v
		}
	}
	return r, nil
}
