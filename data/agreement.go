package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// An agreement is drafted from one template version (package agreement
// merges it with the store's facts), stays editable while it is a draft,
// and is then sent for signing; signing, rejecting and cancelling belong to
// the signing feature. Its number ("2015-001") is given when it is created,
// from the year of its date, and never changes.

// AgreementStatus is where an agreement is in its life.
type AgreementStatus string

// The statuses, in the order of an agreement's life (AgreementStatuses in
// overview.go lists them as text for the counts).
const (
	StatusDraft     AgreementStatus = "draft"
	StatusPending   AgreementStatus = "pending"
	StatusSigned    AgreementStatus = "signed"
	StatusRejected  AgreementStatus = "rejected"
	StatusCancelled AgreementStatus = "cancelled"
)

// Label is the status's Danish name: Kladde, Til underskrift, Underskrevet,
// Afvist, Annulleret.
func (st AgreementStatus) Label() string { return AgreementStatusLabel(string(st)) }

// AgreementParty is one party to an agreement, in the agreement's order.
type AgreementParty struct {
	OrganisationID int64
	Name           string
	Kind           OrgKind
	CVR            string
	Role           string // the party's role in this agreement ("Udlejer"); may be empty
	Position       int    // 1, 2, …
}

// Signatory is one person who signs, in signing order. Name, title and
// organisation are copied from the contact when the draft is saved, so the
// agreement keeps what it said even if the contact changes later.
type Signatory struct {
	ID               int64
	ContactID        int64 // 0 for a signatory typed by hand
	Position         int   // 1, 2, …
	Name             string
	Title            string
	OrganisationName string
}

// Agreement is a drafted, pending or signed agreement.
type Agreement struct {
	ID                int64
	Number            string
	Title             string
	Status            AgreementStatus
	TemplateVersionID int64 // 0 when not made from a template
	TemplateID        int64
	TemplateName      string
	TemplateVersion   int
	Body              string // the merged Markdown; empty in list rows
	BodySHA256        string // set when sent for signing
	Place             string
	Date              time.Time
	ValidFrom         time.Time
	ValidTo           time.Time
	LeaseID           int64
	ParentID          int64
	Example           bool
	SentAt            time.Time
	Parties           []AgreementParty // empty in list rows
	Signatories       []Signatory      // empty in list rows
	CreatedAt         time.Time
	UpdatedAt         time.Time
	JournalNumber     string // in the records system (agreement_journal.go)
	KLE               string // "27.12.00 G01"
}

// PartyForm is one chosen party.
type PartyForm struct {
	OrganisationID int64
	Role           string
}

// SignatoryForm is one chosen signatory: a contact person (name, title and
// organisation are filled from the contact when left empty), or a person
// typed by hand (ContactID 0).
type SignatoryForm struct {
	ContactID    int64
	Name         string
	Title        string
	Organisation string
}

// AgreementForm is an agreement as drafted: agreement.Draft fills it from a
// template version and a selection, the Aftaler tab edits it.
type AgreementForm struct {
	Number            string // empty: the next number of the date's year (CreateAgreement only)
	Title             string
	TemplateVersionID int64 // CreateAgreement only; the draft keeps the version it came from
	Body              string
	Place             string
	Date              string // "21.2.2015"
	ValidFrom         string
	ValidTo           string
	LeaseID           int64
	ParentID          int64
	Example           bool // the demo case: the PDF says EKSEMPEL
	Parties           []PartyForm
	Signatories       []SignatoryForm
	JournalNumber     string
	KLE               string
}

// Form returns the agreement as the drafting form shows it.
func (a Agreement) Form() AgreementForm {
	f := AgreementForm{Number: a.Number, Title: a.Title, TemplateVersionID: a.TemplateVersionID, Body: a.Body,
		Place: a.Place, Date: formatDateOrEmpty(a.Date), ValidFrom: formatDateOrEmpty(a.ValidFrom),
		ValidTo: formatDateOrEmpty(a.ValidTo), LeaseID: a.LeaseID, ParentID: a.ParentID, Example: a.Example,
		JournalNumber: a.JournalNumber, KLE: a.KLE}
	for _, p := range a.Parties {
		f.Parties = append(f.Parties, PartyForm{OrganisationID: p.OrganisationID, Role: p.Role})
	}
	for _, g := range a.Signatories {
		f.Signatories = append(f.Signatories, SignatoryForm{ContactID: g.ContactID, Name: g.Name, Title: g.Title,
			Organisation: g.OrganisationName})
	}
	return f
}

var numberPattern = regexp.MustCompile(`^[0-9]{4}-[0-9]{3,}$`)

// Parse checks what needs no database.
func (f AgreementForm) Parse() (Agreement, error) {
	var c checker
	a := Agreement{Status: StatusDraft, TemplateVersionID: f.TemplateVersionID, LeaseID: f.LeaseID,
		ParentID: f.ParentID, Example: f.Example}
	a.Number = strings.TrimSpace(f.Number)
	if a.Number != "" && !numberPattern.MatchString(a.Number) {
		c.add("Number", "Nummer", "number", "skal skrives som år-løbenummer, fx 2015-001 ("+a.Number+")")
	}
	a.Title = c.required("Title", "Titel", f.Title)
	c.noCPR("Title", "Titel", a.Title)
	// The body is merged from checked records, but the caseworker edits it
	// freely afterwards, so it is scanned like any free text.
	a.Body = strings.ReplaceAll(f.Body, "\r\n", "\n")
	if strings.TrimSpace(a.Body) == "" {
		c.add("Body", "Aftalens tekst", "required", "skal udfyldes")
	}
	c.text("Body", "Aftalens tekst", a.Body)
	c.noCPR("Body", "Aftalens tekst", a.Body)
	a.Place = c.freeText("Place", "Sted", f.Place)
	a.JournalNumber, a.KLE = parseJournal(&c, f)
	a.Date = c.date("Date", "Dato", f.Date)
	a.ValidFrom = c.date("ValidFrom", "Gælder fra", f.ValidFrom)
	a.ValidTo = c.date("ValidTo", "Gælder til", f.ValidTo)
	if !a.ValidFrom.IsZero() && !a.ValidTo.IsZero() && a.ValidTo.Before(a.ValidFrom) {
		c.add("ValidTo", "Gælder til", "date_order", fmt.Sprintf("slutdatoen (%s) ligger før startdatoen (%s)",
			dk.FormatDate(a.ValidTo), dk.FormatDate(a.ValidFrom)))
	}
	seen := map[int64]bool{}
	for i, p := range f.Parties {
		if p.OrganisationID == 0 || seen[p.OrganisationID] {
			continue
		}
		seen[p.OrganisationID] = true
		a.Parties = append(a.Parties, AgreementParty{OrganisationID: p.OrganisationID,
			Role: c.freeText("Parties", "Parter", p.Role), Position: i + 1})
	}
	for i := range a.Parties {
		a.Parties[i].Position = i + 1
	}
	if len(a.Parties) < 2 {
		c.add("Parties", "Parter", "parties", "vælg mindst to parter")
	}
	seenContact := map[int64]bool{}
	for _, g := range f.Signatories {
		if g.ContactID != 0 {
			if seenContact[g.ContactID] {
				c.add("Signatories", "Underskrivere", "signatory_duplicate", "den samme kontaktperson er valgt to gange")
				continue
			}
			seenContact[g.ContactID] = true
		} else if strings.TrimSpace(g.Name) == "" {
			c.add("Signatories", "Underskrivere", "required", "skriv underskriverens navn")
			continue
		}
		a.Signatories = append(a.Signatories, Signatory{ContactID: g.ContactID, Position: len(a.Signatories) + 1,
			Name: c.freeText("Signatories", "Underskrivere", g.Name), Title: c.freeText("Signatories", "Underskrivere", g.Title),
			OrganisationName: c.freeText("Signatories", "Underskrivere", g.Organisation)})
	}
	return a, c.err()
}

// ErrNotDraft refuses to change an agreement that is no longer a draft.
var ErrNotDraft = errors.New("aftalen er ikke længere en kladde")

// NextAgreementNumber is the next free number of year: "2015-001", then
// "2015-002", … Numbers of other shapes (imported ones) are not counted.
func (s *Store) NextAgreementNumber(ctx context.Context, year int) (string, error) {
	return nextAgreementNumber(ctx, s.db, year)
}

func nextAgreementNumber(ctx context.Context, q queryRower, year int) (string, error) {
	prefix := fmt.Sprintf("%04d-", year)
	var n sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT max(CAST(substr(number, 6) AS INTEGER)) FROM agreements
		WHERE substr(number, 1, 5) = ? AND substr(number, 6) <> '' AND substr(number, 6) NOT GLOB '*[^0-9]*'`,
		prefix).Scan(&n)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s%03d", prefix, n.Int64+1), nil
}

// CreateAgreement saves a new draft. Its template version must pass the
// template check: a template with errors cannot be used for an agreement.
func (s *Store) CreateAgreement(ctx context.Context, f AgreementForm) (Agreement, error) {
	a, err := f.Parse()
	if err != nil {
		return a, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		a, err = s.createAgreement(ctx, tx, a)
		return err
	})
	if err != nil {
		return a, err
	}
	return s.Agreement(ctx, a.ID)
}

func (s *Store) createAgreement(ctx context.Context, tx *sql.Tx, a Agreement) (Agreement, error) {
	var c checker
	var templateName string
	var version int
	if a.TemplateVersionID == 0 {
		c.add("TemplateVersionID", "Skabelon", "required", "vælg en skabelon")
	} else {
		var body string
		err := tx.QueryRowContext(ctx, `SELECT t.name, v.version, v.body FROM template_versions v
			JOIN templates t ON t.id = v.template_id WHERE v.id = ?`, a.TemplateVersionID).Scan(&templateName, &version, &body)
		if errors.Is(err, sql.ErrNoRows) {
			c.add("TemplateVersionID", "Skabelon", "not_found", fmt.Sprintf("skabelonversion %d findes ikke", a.TemplateVersionID))
		} else if err != nil {
			return a, err
		} else if codes, err := checklistCodes(ctx, tx); err != nil {
			return a, err
		} else if problems := CheckTemplateBody(body, codes...); len(problems) > 0 {
			e := &TemplateProblemsError{Name: templateName, Version: version, Problems: problems}
			c.add("TemplateVersionID", "Skabelon", "template_problems", e.Error())
		}
	}
	if a.Number == "" {
		year := a.Date.Year()
		if a.Date.IsZero() {
			year = s.Now().Year()
		}
		n, err := nextAgreementNumber(ctx, tx, year)
		if err != nil {
			return a, err
		}
		a.Number = n
	} else {
		var other string
		err := tx.QueryRowContext(ctx, `SELECT title FROM agreements WHERE number = ?`, a.Number).Scan(&other)
		if err == nil {
			c.add("Number", "Nummer", "number_duplicate", fmt.Sprintf("nummer %s er allerede givet til %q", a.Number, other))
		} else if !errors.Is(err, sql.ErrNoRows) {
			return a, err
		}
	}
	if err := s.checkAgreementRefs(ctx, tx, &a, &c); err != nil {
		return a, err
	}
	if err := c.err(); err != nil {
		return a, err
	}
	now := s.nowText()
	res, err := tx.ExecContext(ctx, `INSERT INTO agreements (number, title, template_version_id, status, body,
		parent_id, lease_id, place, agreement_date, valid_from, valid_to, example, search_text, created_at, updated_at)
		VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.Number, a.Title, a.TemplateVersionID, a.Body, nilIfZero(a.ParentID), nilIfZero(a.LeaseID), a.Place,
		isoOrNil(a.Date), isoOrNil(a.ValidFrom), isoOrNil(a.ValidTo), a.Example, agreementSearchText(a), now, now)
	if err != nil {
		return a, err
	}
	a.ID, _ = res.LastInsertId()
	if err := writeAgreementPeople(ctx, tx, a); err != nil {
		return a, err
	}
	if err := writeJournal(ctx, tx, a); err != nil {
		return a, err
	}
	return a, logEvent(ctx, tx, now, "oprettet", "aftale", a.ID,
		fmt.Sprintf("%s %s fra skabelonen %q version %d", a.Number, a.Title, templateName, version))
}

// checkAgreementRefs checks the parties, lease, parent and signatories
// against the store, and fills the parties' names and the signatories from
// their contacts.
func (s *Store) checkAgreementRefs(ctx context.Context, tx *sql.Tx, a *Agreement, c *checker) error {
	for i, p := range a.Parties {
		var kind string
		var cvr sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT name, kind, cvr FROM organisations WHERE id = ?`, p.OrganisationID).
			Scan(&a.Parties[i].Name, &kind, &cvr)
		if errors.Is(err, sql.ErrNoRows) {
			c.add("Parties", "Parter", "not_found", fmt.Sprintf("organisation %d findes ikke", p.OrganisationID))
			continue
		} else if err != nil {
			return err
		}
		a.Parties[i].Kind, a.Parties[i].CVR = OrgKind(kind), cvr.String
	}
	if a.LeaseID != 0 {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM leases WHERE id = ?`, a.LeaseID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			c.add("LeaseID", "Lejemål", "not_found", fmt.Sprintf("lejemål %d findes ikke", a.LeaseID))
		}
	}
	if err := checkAgreementParent(ctx, tx, a.ID, a.ParentID, c); err != nil {
		return err
	}
	for i, g := range a.Signatories {
		if g.ContactID == 0 {
			continue
		}
		var name, title string
		var o, parent Organisation
		var parentName sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT k.name, k.title, o.name, coalesce(o.parent_id, 0), p.name FROM contacts k
			JOIN organisations o ON o.id = k.organisation_id LEFT JOIN organisations p ON p.id = o.parent_id
			WHERE k.id = ?`, g.ContactID).Scan(&name, &title, &o.Name, &o.ParentID, &parentName)
		parent.ID, parent.Name = o.ParentID, parentName.String
		// The signatory signs for the legal person, through the unit.
		org := PartyLine(o, parent)
		if errors.Is(err, sql.ErrNoRows) {
			c.add("Signatories", "Underskrivere", "not_found", fmt.Sprintf("kontaktperson %d findes ikke", g.ContactID))
			continue
		} else if err != nil {
			return err
		}
		if g.Name == "" {
			a.Signatories[i].Name = name
		}
		if g.Title == "" {
			a.Signatories[i].Title = title
		}
		if g.OrganisationName == "" {
			a.Signatories[i].OrganisationName = org
		}
	}
	return nil
}

// writeAgreementPeople replaces the parties and signatories of a draft.
func writeAgreementPeople(ctx context.Context, tx *sql.Tx, a Agreement) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM agreement_parties WHERE agreement_id = ?`, a.ID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM signatories WHERE agreement_id = ?`, a.ID); err != nil {
		return err
	}
	for _, p := range a.Parties {
		if _, err := tx.ExecContext(ctx, `INSERT INTO agreement_parties (agreement_id, organisation_id, role, position)
			VALUES (?, ?, ?, ?)`, a.ID, p.OrganisationID, p.Role, p.Position); err != nil {
			return err
		}
	}
	for _, g := range a.Signatories {
		if _, err := tx.ExecContext(ctx, `INSERT INTO signatories (agreement_id, contact_id, position, name, title, organisation_name)
			VALUES (?, ?, ?, ?, ?, ?)`, a.ID, nilIfZero(g.ContactID), g.Position, g.Name, g.Title, g.OrganisationName); err != nil {
			return err
		}
	}
	return nil
}

// agreementSearchText is what search-as-you-type matches: number, title and
// the parties' names, folded.
func agreementSearchText(a Agreement) string {
	parts := []string{a.Number, a.Title}
	for _, p := range a.Parties {
		parts = append(parts, p.Name)
	}
	return dk.Fold(strings.Join(parts, " "))
}

// SaveAgreementDraft saves the edited draft id: text, title, place, dates,
// parties and signatories. Once the agreement is sent for signing it is
// refused (ErrNotDraft); the number and the template version never change.
func (s *Store) SaveAgreementDraft(ctx context.Context, id int64, f AgreementForm) (Agreement, error) {
	f.Number = "" // kept as given at creation (an imported one may have another shape)
	a, err := f.Parse()
	if err != nil {
		return a, err
	}
	a.ID = id
	err = s.tx(ctx, func(tx *sql.Tx) error {
		return s.saveAgreementDraft(ctx, tx, &a)
	})
	if err != nil {
		return a, err
	}
	return s.Agreement(ctx, id)
}

func (s *Store) saveAgreementDraft(ctx context.Context, tx *sql.Tx, a *Agreement) error {
	old, err := readAgreement(ctx, tx, a.ID)
	if err != nil {
		return err
	}
	if old.Status != StatusDraft {
		return notDraftError(old)
	}
	a.Number, a.TemplateVersionID, a.Status = old.Number, old.TemplateVersionID, old.Status
	var c checker
	if err := s.checkAgreementRefs(ctx, tx, a, &c); err != nil {
		return err
	}
	if err := c.err(); err != nil {
		return err
	}
	textChanged := a.Body != old.Body
	a.Example = a.Example || old.Example
	otherChanged := a.Title != old.Title || a.Place != old.Place || !a.Date.Equal(old.Date) ||
		!a.ValidFrom.Equal(old.ValidFrom) || !a.ValidTo.Equal(old.ValidTo) || a.LeaseID != old.LeaseID ||
		a.ParentID != old.ParentID || !sameParties(a.Parties, old.Parties) || !sameSignatories(a.Signatories, old.Signatories) ||
		a.JournalNumber != old.JournalNumber || a.KLE != old.KLE
	if !textChanged && !otherChanged {
		return nil
	}
	now := s.nowText()
	if _, err := tx.ExecContext(ctx, `UPDATE agreements SET title = ?, body = ?, parent_id = ?, lease_id = ?, place = ?,
		agreement_date = ?, valid_from = ?, valid_to = ?, search_text = ?, updated_at = ? WHERE id = ?`,
		a.Title, a.Body, nilIfZero(a.ParentID), nilIfZero(a.LeaseID), a.Place, isoOrNil(a.Date), isoOrNil(a.ValidFrom),
		isoOrNil(a.ValidTo), agreementSearchText(*a), now, a.ID); err != nil {
		return err
	}
	if err := writeAgreementPeople(ctx, tx, *a); err != nil {
		return err
	}
	if err := writeJournal(ctx, tx, *a); err != nil {
		return err
	}
	if textChanged {
		if err := logEvent(ctx, tx, now, "tekst ændret", "aftale", a.ID, a.Number); err != nil {
			return err
		}
	}
	if otherChanged {
		return logEvent(ctx, tx, now, "ændret", "aftale", a.ID, a.Number)
	}
	return nil
}

func notDraftError(a Agreement) error {
	return fmt.Errorf("aftale %s har status %s; den kan kun ændres, mens den er en kladde: %w",
		a.Number, a.Status.Label(), ErrNotDraft)
}

func sameParties(a, b []AgreementParty) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].OrganisationID != b[i].OrganisationID || a[i].Role != b[i].Role {
			return false
		}
	}
	return true
}

func sameSignatories(a, b []Signatory) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.ContactID != y.ContactID || x.Name != y.Name || x.Title != y.Title || x.OrganisationName != y.OrganisationName {
			return false
		}
	}
	return true
}

// BodyCPRProblem refuses an agreement text that holds a CPR number, with
// the message the text field shows; nil when the text holds none.
func BodyCPRProblem(body string) error {
	var c checker
	c.noCPR("Body", "Aftalens tekst", body)
	return c.err()
}

// SendForSigning moves a draft to "Til underskrift": from then on its text,
// parties and signatories are fixed (the schema's triggers guard it too),
// and the SHA-256 of the text that was sent is recorded.
func (s *Store) SendForSigning(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		a, err := readAgreement(ctx, tx, id)
		if err != nil {
			return err
		}
		if a.Status != StatusDraft {
			return notDraftError(a)
		}
		if len(a.Signatories) == 0 {
			return &ValidationError{Problems: []FieldError{{Field: "Signatories", Label: "Underskrivere",
				Code: "required", Text: "vælg mindst én underskriver, før aftalen sendes til underskrift"}}}
		}
		if missing := MissingFields(a.Body); len(missing) > 0 {
			return missingFieldsError(missing)
		}
		// A text saved before the body was checked (or by another tool) is
		// still never sent out with a CPR number in it.
		if err := BodyCPRProblem(a.Body); err != nil {
			return err
		}
		h := sha256.Sum256([]byte(a.Body))
		now := s.nowText()
		if _, err := tx.ExecContext(ctx, `UPDATE agreements SET status = 'pending', sent_at = ?, body_sha256 = ?,
			updated_at = ? WHERE id = ?`, now, hex.EncodeToString(h[:]), now, id); err != nil {
			return err
		}
		return logEvent(ctx, tx, now, "sendt til underskrift", "aftale", id, a.Number)
	})
}

// DeleteAgreementDraft deletes a draft that is not wanted after all. An
// agreement that has been sent for signing is never deleted this way.
func (s *Store) DeleteAgreementDraft(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		a, err := readAgreement(ctx, tx, id)
		if err != nil {
			return err
		}
		if a.Status != StatusDraft {
			return notDraftError(a)
		}
		var children int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM agreements WHERE parent_id = ?`, id).Scan(&children); err != nil {
			return err
		}
		if children > 0 {
			return fmt.Errorf("aftale %s har %s under sig og kan ikke slettes", a.Number,
				countNoun(children, "underaftale", "underaftaler"))
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM agreements WHERE id = ?`, id); err != nil {
			return err
		}
		return logEvent(ctx, tx, s.nowText(), "slettet", "aftale", id, a.Number+" "+a.Title)
	})
}

const agreementColumns = `a.id, a.number, a.title, a.status, a.template_version_id, v.template_id, t.name, v.version,
	a.body_sha256, a.place, a.agreement_date, a.valid_from, a.valid_to, a.lease_id, a.parent_id, a.example, a.sent_at,
	a.created_at, a.updated_at, a.journal_number, a.kle_number`

const agreementFrom = ` FROM agreements a LEFT JOIN template_versions v ON v.id = a.template_version_id
	LEFT JOIN templates t ON t.id = v.template_id`

func scanAgreement(row scanner, extra ...any) (Agreement, error) {
	var a Agreement
	var tv, tid, version, lease, parent sql.NullInt64
	var tname, sum, date, from, to, sent sql.NullString
	var created, updated string
	dest := []any{&a.ID, &a.Number, &a.Title, &a.Status, &tv, &tid, &tname, &version, &sum, &a.Place, &date, &from, &to,
		&lease, &parent, &a.Example, &sent, &created, &updated, &a.JournalNumber, &a.KLE}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return a, err
	}
	a.TemplateVersionID, a.TemplateID, a.TemplateName, a.TemplateVersion = tv.Int64, tid.Int64, tname.String, int(version.Int64)
	a.BodySHA256 = sum.String
	a.Date, a.ValidFrom, a.ValidTo = dateCol(date), dateCol(from), dateCol(to)
	a.LeaseID, a.ParentID = lease.Int64, parent.Int64
	a.SentAt = instantCol(sent)
	a.CreatedAt = instantCol(sql.NullString{String: created, Valid: true})
	a.UpdatedAt = instantCol(sql.NullString{String: updated, Valid: true})
	return a, nil
}

// scanAgreementRow is scanAgreement for a list row, which has no extra columns.
func scanAgreementRow(row scanner) (Agreement, error) { return scanAgreement(row) }

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// readAgreement reads one agreement with its body, parties and signatories.
func readAgreement(ctx context.Context, q querier, id int64) (Agreement, error) {
	var body string
	a, err := scanAgreement(q.QueryRowContext(ctx, "SELECT "+agreementColumns+", a.body"+agreementFrom+" WHERE a.id = ?", id), &body)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("aftale %d findes ikke: %w", id, ErrNotFound)
	} else if err != nil {
		return a, err
	}
	a.Body = body
	a.Parties, err = queryAll(ctx, q, func(row scanner) (AgreementParty, error) {
		var p AgreementParty
		var cvr sql.NullString
		err := row.Scan(&p.OrganisationID, &p.Name, &p.Kind, &cvr, &p.Role, &p.Position)
		p.CVR = cvr.String
		return p, err
	}, `SELECT p.organisation_id, o.name, o.kind, o.cvr, p.role, p.position
		FROM agreement_parties p JOIN organisations o ON o.id = p.organisation_id
		WHERE p.agreement_id = ? ORDER BY p.position`, id)
	if err != nil {
		return a, err
	}
	a.Signatories, err = queryAll(ctx, q, func(row scanner) (Signatory, error) {
		var g Signatory
		var contact sql.NullInt64
		err := row.Scan(&g.ID, &contact, &g.Position, &g.Name, &g.Title, &g.OrganisationName)
		g.ContactID = contact.Int64
		return g, err
	}, `SELECT id, contact_id, position, name, title, organisation_name
		FROM signatories WHERE agreement_id = ? ORDER BY position`, id)
	return a, err
}

// Agreement reads one agreement with its text, parties and signatories.
func (s *Store) Agreement(ctx context.Context, id int64) (Agreement, error) {
	return readAgreement(ctx, s.db, id)
}

// AgreementQuery selects agreements for a list.
type AgreementQuery struct {
	Text   string          // search-as-you-type; matches number, title and the parties' names
	Status AgreementStatus // "" for every status
	Limit  int             // 0 means 100
	Offset int
}

func (q AgreementQuery) where() (string, []any) {
	where := []string{"1 = 1"}
	var args []any
	for _, word := range strings.Fields(dk.Fold(q.Text)) {
		where = append(where, "instr("+FoldFunction+"(a.search_text), ?) > 0") // a signed agreement keeps the folding it was signed with
		args = append(args, word)
	}
	if q.Status != "" {
		where = append(where, "a.status = ?")
		args = append(args, string(q.Status))
	}
	return strings.Join(where, " AND "), args
}

// Agreements returns one page of agreements, newest date first (then the
// highest number). List rows carry no body, parties or signatories: read
// those with Agreement.
func (s *Store) Agreements(ctx context.Context, q AgreementQuery) ([]Agreement, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	where, args := q.where()
	return queryAll(ctx, s.db, scanAgreementRow, "SELECT "+agreementColumns+agreementFrom+" WHERE "+where+
		" ORDER BY a.agreement_date DESC, a.number DESC, a.id LIMIT ? OFFSET ?", append(args, limit, q.Offset)...)
}

// CountAgreements counts what Agreements would list without a limit.
func (s *Store) CountAgreements(ctx context.Context, q AgreementQuery) (int, error) {
	where, args := q.where()
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM agreements a WHERE "+where, args...).Scan(&n)
	return n, err
}
