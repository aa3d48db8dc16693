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

// Parse checks the form and returns the organisation it describes, or a
// ValidationError naming every field that is wrong. The database-dependent
// rules (a CVR that another organisation has) are checked by Save.
func (f OrganisationForm) Parse() (Organisation, error) {
	var c checker
	o := Organisation{ID: f.ID, ParentID: f.ParentID}
	o.Name = c.required("Name", "Navn", f.Name)
	c.noCPR("Name", "Navn", o.Name)
	kind, ok := OrgKindByLabel(strings.TrimSpace(f.Kind))
	if !ok {
		if strings.TrimSpace(f.Kind) == "" {
			c.add("Kind", "Type", "kind", "vælg en type")
		} else {
			labels := make([]string, len(OrgKinds))
			for i, k := range OrgKinds {
				labels[i] = k.Label()
			}
			c.add("Kind", "Type", "kind", "ukendt type ("+strings.TrimSpace(f.Kind)+"); skriv en af: "+strings.Join(labels, ", "))
		}
	}
	o.Kind = kind
	if s := strings.TrimSpace(f.CVR); s != "" {
		v, err := dk.NormalizeCVR(s)
		if err != nil {
			c.addErr("CVR", "CVR-nummer", err)
		}
		o.CVR = v
	}
	if s := strings.TrimSpace(f.PNumber); s != "" {
		v, err := dk.NormalizePNumber(s)
		if err != nil {
			c.addErr("PNumber", "P-nummer", err)
		}
		o.PNumber = v
	}
	if s := strings.TrimSpace(f.EAN); s != "" {
		v, err := dk.NormalizeEAN(s)
		if err != nil {
			c.addErr("EAN", "EAN-nummer", err)
		}
		o.EAN = v
	}
	switch RSV(strings.ToLower(strings.TrimSpace(f.RSV))) {
	case "", RSVUnknown:
		o.RSV = RSVUnknown
	case RSVYes:
		o.RSV = RSVYes
	case RSVNo:
		o.RSV = RSVNo
	default:
		c.add("RSV", "RSV-registreret", "rsv", "skal være ja, nej eller ukendt")
	}
	o.RSVCheckedOn = c.date("RSVCheckedOn", "RSV tjekket den", f.RSVCheckedOn)
	o.Address = c.freeText("Address", "Adresse", f.Address)
	o.Postcode = strings.TrimSpace(f.Postcode)
	if o.Postcode != "" && !isDigits(o.Postcode, 4) {
		c.add("Postcode", "Postnummer", "postcode", "skal være 4 cifre ("+o.Postcode+")")
	}
	o.City = c.freeText("City", "By", f.City)
	o.Role = c.freeText("Role", "Rolle i partnerskabet", f.Role)
	o.Notes = c.freeText("Notes", "Noter", f.Notes)
	if o.Kind == KindEnterprise {
		o.ApprovedOn = c.date("ApprovedOn", "Godkendt af styregruppen den", f.ApprovedOn)
		o.ApprovalRef = c.freeText("ApprovalRef", "Reference til godkendelsen", f.ApprovalRef)
		if o.ApprovedOn.IsZero() && o.ApprovalRef != "" && !c.has("ApprovedOn") {
			c.add("ApprovedOn", "Godkendt af styregruppen den", "required", "skriv datoen for godkendelsen")
		}
	}
	if o.Kind.ParentKind() == "" {
		o.ParentID = 0
	}
	return o, c.err()
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// SaveOrganisation validates the form and creates or updates the
// organisation in one transaction. On any problem nothing is written.
func (s *Store) SaveOrganisation(ctx context.Context, f OrganisationForm) (Organisation, error) {
	return save(ctx, s, organisationKind, f.Parse)
}

// organisationKind is how an organisation is saved: the checks that need the
// database (a CVR another organisation has, a parent that is a
// municipality), its row, and its steering-group approval.
var organisationKind = &kind[Organisation]{
	entity: "organisation",
	id:     func(o *Organisation) *int64 { return &o.ID },
	check:  checkOrganisation,
	row: func(o Organisation) row {
		return row{table: "organisations", created: true,
			cols: []string{"name", "sort_key", "search_text", "kind", "parent_id", "cvr", "p_number", "ean", "rsv",
				"rsv_checked_on", "address", "postcode", "city", "role", "notes"},
			args: []any{o.Name, dk.SortKey(o.Name), orgSearchText(o), string(o.Kind), nilIfZero(o.ParentID),
				nilIfEmpty(o.CVR), nilIfEmpty(o.PNumber), nilIfEmpty(o.EAN), string(o.RSV), isoOrNil(o.RSVCheckedOn),
				o.Address, o.Postcode, o.City, o.Role, o.Notes}}
	},
	after: func(ctx context.Context, tx dbtx, o Organisation, _ bool, now string) error {
		return saveSteeringApproval(ctx, tx, o, now)
	},
	detail: func(o Organisation) string { return o.Name },
	read:   (*Store).Organisation,
}

func checkOrganisation(ctx context.Context, _ *Store, tx dbtx, o *Organisation, _ bool, _ *ValidationError) error {
	var c checker
	if o.CVR != "" && o.Kind != KindMunicipalUnit {
		var other string
		var archived sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT name, archived_at FROM organisations
			WHERE cvr = ? AND id <> ? AND kind <> 'kommunal_enhed'`, o.CVR, o.ID).Scan(&other, &archived)
		if err == nil {
			text := fmt.Sprintf("CVR %s er allerede registreret for %s", o.CVR, other)
			if archived.Valid {
				text += " (arkiveret; genskab den i stedet)"
			}
			c.add("CVR", "CVR-nummer", "cvr_duplicate", text)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	if o.ParentID != 0 {
		var kind string
		err := tx.QueryRowContext(ctx, `SELECT kind FROM organisations WHERE id = ?`, o.ParentID).Scan(&kind)
		if want := o.Kind.ParentKind(); err != nil || OrgKind(kind) != want || o.ParentID == o.ID {
			c.add("ParentID", "Hører under", "parent", "skal være en "+strings.ToLower(want.Label()))
		}
	}
	return c.err()
}

// saveSteeringApproval keeps an enterprise's approval in step with its
// form. For other kinds the form has no approval fields, so a row from when
// the organisation was an enterprise is left alone rather than lost.
func saveSteeringApproval(ctx context.Context, tx dbtx, o Organisation, now string) error {
	if o.Kind != KindEnterprise {
		return nil
	}
	if o.ApprovedOn.IsZero() && o.ApprovalRef == "" {
		_, err := tx.ExecContext(ctx, `DELETE FROM approvals WHERE organisation_id = ? AND body = 'styregruppe'`, o.ID)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO approvals (body, organisation_id, approved_on, reference, created_at, updated_at)
		VALUES ('styregruppe', ?, ?, ?, ?, ?)
		ON CONFLICT (organisation_id, body) WHERE organisation_id IS NOT NULL
		DO UPDATE SET approved_on = excluded.approved_on, reference = excluded.reference, updated_at = excluded.updated_at`,
		o.ID, isoOrNil(o.ApprovedOn), o.ApprovalRef, now, now)
	return err
}

// orgSearchText is what search-as-you-type matches: name, CVR, city, kind
// and role, folded so that "ø" finds "Ø".
func orgSearchText(o Organisation) string {
	return dk.Fold(strings.Join([]string{o.Name, o.CVR, o.City, o.Kind.Label(), o.Role}, " "))
}

func nilIfZero(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

const orgColumns = `o.id, o.name, o.kind, o.parent_id, o.cvr, o.p_number, o.ean, o.rsv, o.rsv_checked_on,
	o.address, o.postcode, o.city, o.role, o.notes, o.archived_at, o.created_at, o.updated_at,
	a.approved_on, a.reference`

const orgFrom = ` FROM organisations o LEFT JOIN approvals a ON a.organisation_id = o.id AND a.body = 'styregruppe'`

func scanOrganisation(row scanner) (Organisation, error) {
	var o Organisation
	var parent sql.NullInt64
	var cvr, pnr, ean, rsvOn, archived, approvedOn, ref sql.NullString
	var created, updated string
	err := row.Scan(&o.ID, &o.Name, &o.Kind, &parent, &cvr, &pnr, &ean, &o.RSV, &rsvOn,
		&o.Address, &o.Postcode, &o.City, &o.Role, &o.Notes, &archived, &created, &updated, &approvedOn, &ref)
	if err != nil {
		return o, err
	}
	o.ParentID = parent.Int64
	o.CVR, o.PNumber, o.EAN = cvr.String, pnr.String, ean.String
	o.RSVCheckedOn = dateCol(rsvOn)
	o.ArchivedAt = instantCol(archived)
	o.CreatedAt = instantCol(sql.NullString{String: created, Valid: true})
	o.UpdatedAt = instantCol(sql.NullString{String: updated, Valid: true})
	o.ApprovedOn = dateCol(approvedOn)
	o.ApprovalRef = ref.String
	return o, nil
}

// Organisation reads one organisation, archived or not.
func (s *Store) Organisation(ctx context.Context, id int64) (Organisation, error) {
	return queryOne(ctx, s.db, scanOrganisation, "organisation", id, "SELECT "+orgColumns+orgFrom+" WHERE o.id = ?", id)
}

// ErrNotFound is a record that does not exist.
var ErrNotFound = errors.New("findes ikke")

// OrgQuery selects organisations for a list.
type OrgQuery struct {
	Text     string  // search-as-you-type; matches name, CVR, city, kind, role
	Kind     OrgKind // "" for all kinds
	Archived bool    // list the archived ones instead of the active ones
	Limit    int     // 0 means 100
	Offset   int
}

// SearchOrganisations returns one page of organisations, sorted the Danish way.
func (s *Store) SearchOrganisations(ctx context.Context, q OrgQuery) ([]Organisation, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	where, args := q.where()
	args = append(args, limit, q.Offset)
	from := orgFrom
	if match := trigramMatch(q.Text); match != "" {
		ids, few, err := s.orgMatches(ctx, match)
		if err != nil {
			return nil, err
		}
		if few {
			// A word found in few organisations: read those and sort them.
			from, args = orgFromMatches, append([]any{ids}, args...)
		}
	}
	// Otherwise the WHERE pins (archived_at IS NOT NULL), so ordering by sort_key, id
	// walks organisations_list in order and stops at the page's end. Naming
	// the pinned expression in ORDER BY as well makes SQLite sort every
	// matching row in a temporary B-tree instead (10 ms rather than 0,2 ms
	// over 10.000 organisations).
	return queryAll(ctx, s.db, scanOrganisation, "SELECT "+orgColumns+from+" WHERE "+where+
		" ORDER BY o.sort_key, o.id LIMIT ? OFFSET ?", args...)
}

// CountOrganisations counts what SearchOrganisations would list without a limit.
func (s *Store) CountOrganisations(ctx context.Context, q OrgQuery) (int, error) {
	where, args := q.where()
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM organisations o WHERE "+where, args...).Scan(&n)
	return n, err
}

// where is the query's filter: every typed word must occur in the folded
// search text (instr, not LIKE, so % and _ are plain characters).
func (q OrgQuery) where() (string, []any) {
	where := []string{"(o.archived_at IS NOT NULL) = ?"}
	args := []any{q.Archived}
	for _, word := range strings.Fields(dk.Fold(q.Text)) {
		where = append(where, "instr(o.search_text, ?) > 0")
		args = append(args, word)
	}
	if q.Kind != "" {
		where = append(where, "o.kind = ?")
		args = append(args, string(q.Kind))
	}
	return strings.Join(where, " AND "), args
}

// ArchiveOrganisation hides an organisation from lists; its history stays.
func (s *Store) ArchiveOrganisation(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "organisations", "organisation", id, true)
}

// RestoreOrganisation brings an archived organisation back into the lists.
func (s *Store) RestoreOrganisation(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "organisations", "organisation", id, false)
}

func dateCol(ns sql.NullString) time.Time {
	if !ns.Valid || ns.String == "" {
		return time.Time{}
	}
	t, err := dk.ParseISODate(ns.String)
	if err != nil {
		return time.Time{}
	}
	return t
}

func instantCol(ns sql.NullString) time.Time {
	if !ns.Valid || ns.String == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, ns.String)
	if err != nil {
		return time.Time{}
	}
	return t
}
