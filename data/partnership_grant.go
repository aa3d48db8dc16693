package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// Grant is money the partnership or one of its enterprises obtained: from
// whom, for what, how much, for which period, on which conditions, and
// when it must be reported on.
type Grant struct {
	ID             int64
	Grantor        string
	Purpose        string
	Amount         int64 // øre
	Start, End     time.Time
	OrganisationID int64 // the enterprise it funds; 0 when it funds a project
	Organisation   string
	Project        string
	Conditions     string
	Notes          string
	Reports        []GrantReport
	ArchivedAt     time.Time
	UpdatedAt      time.Time
}

// Archived tells whether the grant is archived.
func (g Grant) Archived() bool { return !g.ArchivedAt.IsZero() }

// Funds is what the grant funds: the enterprise, the project, or both.
func (g Grant) Funds() string {
	switch {
	case g.Organisation != "" && g.Project != "":
		return g.Organisation + ", " + g.Project
	case g.Organisation != "":
		return g.Organisation
	}
	return g.Project
}

// GrantReport is one reporting deadline of a grant.
type GrantReport struct {
	ID   int64
	What string
	Due  time.Time
	Done time.Time
	row  int
}

// GrantForm is a grant as typed.
type GrantForm struct {
	ID             int64
	Grantor        string
	Purpose        string
	Amount         string
	Start          string
	End            string
	OrganisationID int64
	Project        string
	Conditions     string
	Notes          string
	Reports        []GrantReportForm
}

// GrantReportForm is one reporting deadline as typed.
type GrantReportForm struct {
	ID   int64
	What string
	Due  string
	Done string
}

// Blank tells whether nothing was typed in the row.
func (f GrantReportForm) Blank() bool { return strings.TrimSpace(f.What+f.Due+f.Done) == "" }

// ReportField names a field of one reporting deadline in a ValidationError.
func ReportField(i int, name string) string { return fmt.Sprintf("Reports.%d.%s", i, name) }

// Form returns the grant as the form shows it.
func (g Grant) Form() GrantForm {
	f := GrantForm{ID: g.ID, Grantor: g.Grantor, Purpose: g.Purpose, Start: formatDateOrEmpty(g.Start),
		End: formatDateOrEmpty(g.End), OrganisationID: g.OrganisationID, Project: g.Project, Conditions: g.Conditions, Notes: g.Notes}
	if g.ID != 0 {
		f.Amount = dk.FormatAmount(g.Amount)
	}
	for _, r := range g.Reports {
		f.Reports = append(f.Reports, GrantReportForm{ID: r.ID, What: r.What, Due: formatDateOrEmpty(r.Due), Done: formatDateOrEmpty(r.Done)})
	}
	return f
}

// Parse checks the form and returns the grant it describes.
func (f GrantForm) Parse() (Grant, error) {
	var c checker
	g := Grant{ID: f.ID, OrganisationID: f.OrganisationID}
	g.Grantor = c.required("Grantor", "Bevilget af", f.Grantor)
	c.noCPR("Grantor", "Bevilget af", g.Grantor)
	g.Purpose = c.required("Purpose", "Formål", f.Purpose)
	c.noCPR("Purpose", "Formål", g.Purpose)
	const amountLabel = "Beløb (kr.)"
	switch s := strings.TrimSpace(f.Amount); {
	case s == "":
		c.add("Amount", amountLabel, "required", "skriv beløbet, fx 1.700.000,00")
	default:
		v, err := dk.ParseMoney(s)
		switch {
		case err != nil:
			c.addErr("Amount", amountLabel, err)
		case v < 0:
			c.add("Amount", amountLabel, "negative", "et tilskud kan ikke være negativt ("+s+")")
		default:
			g.Amount = v
		}
	}
	g.Start = c.date("Start", "Periode fra", f.Start)
	g.End = c.date("End", "Periode til", f.End)
	c.dateOrder("End", "Periode til", g.Start, g.End, "slutdatoen")
	g.Project = c.freeText("Project", "Projekt", f.Project)
	g.Conditions = c.freeText("Conditions", "Betingelser", f.Conditions)
	g.Notes = c.freeText("Notes", "Noter", f.Notes)
	for i, r := range f.Reports {
		if r.Blank() {
			continue
		}
		n := fmt.Sprintf("Afrapportering %d", i+1)
		rep := GrantReport{ID: r.ID, row: i}
		rep.What = c.required(ReportField(i, "What"), n+", hvad", r.What)
		c.noCPR(ReportField(i, "What"), n+", hvad", rep.What)
		if strings.TrimSpace(r.Due) == "" {
			c.add(ReportField(i, "Due"), n+", frist", "required", "skriv fristen, fx 31.1.2016")
		}
		rep.Due = c.date(ReportField(i, "Due"), n+", frist", r.Due)
		rep.Done = c.date(ReportField(i, "Done"), n+", afleveret", r.Done)
		g.Reports = append(g.Reports, rep)
	}
	return g, c.err()
}

// SaveGrant validates and creates or updates a grant with its reporting
// deadlines.
func (s *Store) SaveGrant(ctx context.Context, f GrantForm) (Grant, error) {
	return save(ctx, s, grantKind, f.Parse)
}

var grantKind = &kind[Grant]{
	entity: "tilskud",
	id:     func(g *Grant) *int64 { return &g.ID },
	check: func(ctx context.Context, _ *Store, tx dbtx, g *Grant, _ bool, _ *ValidationError) error {
		if g.OrganisationID == 0 {
			return nil
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM organisations WHERE id = ?`, g.OrganisationID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return &ValidationError{Problems: []FieldError{{Field: "OrganisationID", Label: "Virksomhed", Code: "missing",
				Text: "organisationen findes ikke længere"}}}
		}
		return nil
	},
	row: func(g Grant) row {
		return row{table: "grants", created: true,
			cols: []string{"grantor", "purpose", "amount_ore", "start_on", "end_on", "organisation_id", "project", "conditions", "notes"},
			args: []any{g.Grantor, g.Purpose, g.Amount, isoOrNil(g.Start), isoOrNil(g.End), nilIfZero(g.OrganisationID),
				g.Project, g.Conditions, g.Notes}}
	},
	after: func(ctx context.Context, tx dbtx, g Grant, _ bool, _ string) error {
		var keep []int64
		for i, r := range g.Reports {
			id, err := upsertPart(ctx, tx, "grant_reports", r.ID, g.ID, []string{"position", "what", "due_on", "done_on"},
				[]any{i + 1, r.What, dk.ISODate(r.Due), isoOrNil(r.Done)})
			if err != nil {
				return err
			}
			keep = append(keep, id)
		}
		return deleteOtherParts(ctx, tx, "grant_reports", g.ID, keep)
	},
	detail: func(g Grant) string { return g.Grantor + ": " + dk.FormatMoney(g.Amount) },
	read:   (*Store).Grant,
}

const grantColumns = `g.id, g.grantor, g.purpose, g.amount_ore, g.start_on, g.end_on, coalesce(g.organisation_id, 0),
	coalesce(o.name, ''), g.project, g.conditions, g.notes, g.archived_at, g.updated_at`

const grantFrom = ` FROM grants g LEFT JOIN organisations o ON o.id = g.organisation_id`

func scanGrant(row scanner) (Grant, error) {
	var g Grant
	var start, end, archived, updated sql.NullString
	err := row.Scan(&g.ID, &g.Grantor, &g.Purpose, &g.Amount, &start, &end, &g.OrganisationID, &g.Organisation, &g.Project,
		&g.Conditions, &g.Notes, &archived, &updated)
	g.Start, g.End, g.ArchivedAt, g.UpdatedAt = dateCol(start), dateCol(end), instantCol(archived), instantCol(updated)
	return g, err
}

// Grant reads one grant with its reporting deadlines.
func (s *Store) Grant(ctx context.Context, id int64) (Grant, error) {
	g, err := queryOne(ctx, s.db, scanGrant, "tilskud", id, "SELECT "+grantColumns+grantFrom+" WHERE g.id = ?", id)
	if err != nil {
		return g, err
	}
	g.Reports, err = queryAll(ctx, s.db, func(row scanner) (GrantReport, error) {
		var r GrantReport
		var due string
		var done sql.NullString
		err := row.Scan(&r.ID, &r.What, &due, &done)
		r.Due, r.Done = dateCol(sql.NullString{String: due, Valid: true}), dateCol(done)
		return r, err
	}, `SELECT id, what, due_on, done_on FROM grant_reports WHERE grant_id = ? ORDER BY position, id`, id)
	return g, err
}

// Grants lists the grants, the newest period first.
func (s *Store) Grants(ctx context.Context, archived bool) ([]Grant, error) {
	return queryAll(ctx, s.db, scanGrant, "SELECT "+grantColumns+grantFrom+` WHERE (g.archived_at IS NOT NULL) = ?
		ORDER BY g.start_on DESC, g.grantor COLLATE `+CollationName+`, g.id`, archived)
}

// ArchiveGrant hides a grant that is spent and reported on.
func (s *Store) ArchiveGrant(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "grants", "tilskud", id, true)
}

// RestoreGrant brings an archived grant back.
func (s *Store) RestoreGrant(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "grants", "tilskud", id, false)
}

// GrantTotal sums the active grants.
func (s *Store) GrantTotal(ctx context.Context) (n int, ore int64, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(amount_ore), 0) FROM grants WHERE archived_at IS NULL`).Scan(&n, &ore)
	return n, ore, err
}
