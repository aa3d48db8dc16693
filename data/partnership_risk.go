package data

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// RiskKind tells a barrier (in the way now) from a risk (may happen).
type RiskKind string

// The kinds of the register.
const (
	KindBarrier RiskKind = "barriere"
	KindRisk    RiskKind = "risiko"
)

// RiskKinds are the kinds in their order.
var RiskKinds = []RiskKind{KindBarrier, KindRisk}

// Label is the kind in Danish.
func (k RiskKind) Label() string {
	if k == KindBarrier {
		return "Barriere"
	}
	if k == KindRisk {
		return "Risiko"
	}
	return string(k)
}

// RiskStatus is where the partnership is with a barrier or risk.
type RiskStatus string

// The statuses.
const (
	RiskOpen     RiskStatus = "aaben"
	RiskHandling RiskStatus = "haandteres"
	RiskClosed   RiskStatus = "lukket"
)

// RiskStatuses are the statuses in their order.
var RiskStatuses = []RiskStatus{RiskOpen, RiskHandling, RiskClosed}

// Label is the status in Danish.
func (st RiskStatus) Label() string {
	switch st {
	case RiskOpen:
		return "Åben"
	case RiskHandling:
		return "Håndteres"
	case RiskClosed:
		return "Lukket"
	}
	return string(st)
}

// Risk is one barrier or risk: how likely, how bad, how it is met, by
// whom, and when it is looked at again.
type Risk struct {
	ID          int64
	Kind        RiskKind
	Title       string
	Description string
	Likelihood  int // 1–5
	Impact      int // 1–5
	Response    string
	OwnerID     int64
	Owner       string
	Status      RiskStatus
	Review      time.Time
	ArchivedAt  time.Time
	UpdatedAt   time.Time
}

// Archived tells whether the risk is archived.
func (r Risk) Archived() bool { return !r.ArchivedAt.IsZero() }

// Score is likelihood times impact, 1–25.
func (r Risk) Score() int { return r.Likelihood * r.Impact }

// ReviewDue tells whether the risk is still open and its review date has come by day.
func (r Risk) ReviewDue(day time.Time) bool {
	return r.Status != RiskClosed && !r.Review.IsZero() && !r.Review.After(dateOf(day))
}

// RiskForm is a risk as typed.
type RiskForm struct {
	ID          int64
	Kind        string
	Title       string
	Description string
	Likelihood  string
	Impact      string
	Response    string
	OwnerID     int64
	Status      string
	Review      string
}

// Form returns the risk as the form shows it.
func (r Risk) Form() RiskForm {
	f := RiskForm{ID: r.ID, Kind: string(r.Kind), Title: r.Title, Description: r.Description, Response: r.Response,
		OwnerID: r.OwnerID, Status: string(r.Status), Review: formatDateOrEmpty(r.Review)}
	if r.Likelihood > 0 {
		f.Likelihood = strconv.Itoa(r.Likelihood)
	}
	if r.Impact > 0 {
		f.Impact = strconv.Itoa(r.Impact)
	}
	return f
}

// Parse checks the form and returns the risk it describes.
func (f RiskForm) Parse() (Risk, error) {
	var c checker
	r := Risk{ID: f.ID, OwnerID: f.OwnerID, Kind: RiskKind(strings.TrimSpace(f.Kind)), Status: RiskStatus(strings.TrimSpace(f.Status))}
	if r.Kind != KindBarrier && r.Kind != KindRisk {
		c.add("Kind", "Art", "required", "vælg barriere eller risiko")
	}
	r.Title = c.required("Title", "Titel", f.Title)
	c.noCPR("Title", "Titel", r.Title)
	r.Description = c.freeText("Description", "Beskrivelse", f.Description)
	r.Likelihood = c.score("Likelihood", "Sandsynlighed (1–5)", f.Likelihood)
	r.Impact = c.score("Impact", "Konsekvens (1–5)", f.Impact)
	r.Response = c.freeText("Response", "Imødegåelse", f.Response)
	if r.Status == "" {
		r.Status = RiskOpen
	}
	if r.Status != RiskOpen && r.Status != RiskHandling && r.Status != RiskClosed {
		c.add("Status", "Status", "invalid", "ukendt status ("+string(r.Status)+")")
	}
	r.Review = c.date("Review", "Næste gennemgang", f.Review)
	return r, c.err()
}

// score reads a required score of 1 to 5.
func (c *checker) score(field, label, s string) int {
	s = strings.TrimSpace(s)
	if s == "" {
		c.add(field, label, "required", "skriv et tal fra 1 til 5")
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		c.add(field, label, "number", fmt.Sprintf("skal være et helt tal fra 1 til 5 (%s)", s))
		return 0
	}
	if n < 1 || n > 5 {
		c.add(field, label, "range", fmt.Sprintf("skal være fra 1 til 5 (%d)", n))
	}
	return n
}

// SaveRisk validates and creates or updates a barrier or risk.
func (s *Store) SaveRisk(ctx context.Context, f RiskForm) (Risk, error) {
	return save(ctx, s, riskKind, f.Parse)
}

var riskKind = &kind[Risk]{
	entity: "risiko",
	id:     func(r *Risk) *int64 { return &r.ID },
	check: func(ctx context.Context, _ *Store, tx dbtx, r *Risk, _ bool, _ *ValidationError) error {
		if e := personExists(ctx, tx, r.OwnerID, "OwnerID", "Ansvarlig"); e != nil {
			return &ValidationError{Problems: []FieldError{*e}}
		}
		return nil
	},
	row: func(r Risk) row {
		return row{table: "risks", created: true,
			cols: []string{"kind", "title", "description", "likelihood", "impact", "response", "owner_id", "status", "review_on"},
			args: []any{string(r.Kind), r.Title, r.Description, r.Likelihood, r.Impact, r.Response, nilIfZero(r.OwnerID),
				string(r.Status), isoOrNil(r.Review)}}
	},
	detail: func(r Risk) string { return r.Kind.Label() + ": " + r.Title },
	read:   (*Store).Risk,
}

const riskColumns = `r.id, r.kind, r.title, r.description, r.likelihood, r.impact, r.response, coalesce(r.owner_id, 0),
	coalesce(k.name || ', ' || o.name, ''), r.status, r.review_on, r.archived_at, r.updated_at`

const riskFrom = ` FROM risks r LEFT JOIN contacts k ON k.id = r.owner_id LEFT JOIN organisations o ON o.id = k.organisation_id`

func scanRisk(row scanner) (Risk, error) {
	var r Risk
	var review, archived, updated sql.NullString
	err := row.Scan(&r.ID, &r.Kind, &r.Title, &r.Description, &r.Likelihood, &r.Impact, &r.Response, &r.OwnerID, &r.Owner,
		&r.Status, &review, &archived, &updated)
	r.Review, r.ArchivedAt, r.UpdatedAt = dateCol(review), instantCol(archived), instantCol(updated)
	return r, err
}

// Risk reads one barrier or risk.
func (s *Store) Risk(ctx context.Context, id int64) (Risk, error) {
	return queryOne(ctx, s.db, scanRisk, "risiko", id, "SELECT "+riskColumns+riskFrom+" WHERE r.id = ?", id)
}

// Risks lists the register: the open ones first, the gravest (score)
// first among them, then by title the Danish way.
func (s *Store) Risks(ctx context.Context, archived bool) ([]Risk, error) {
	return queryAll(ctx, s.db, scanRisk, "SELECT "+riskColumns+riskFrom+` WHERE (r.archived_at IS NOT NULL) = ?
		ORDER BY r.status = 'lukket', r.likelihood * r.impact DESC, r.title COLLATE `+CollationName+`, r.id`, archived)
}

// ArchiveRisk hides a barrier or risk that no longer matters.
func (s *Store) ArchiveRisk(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "risks", "risiko", id, true)
}

// RestoreRisk brings an archived barrier or risk back.
func (s *Store) RestoreRisk(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "risks", "risiko", id, false)
}

// RiskLine is the risk on one line for lists: "Risiko · 3×4 = 12 · Samarbejde".
func RiskLine(r Risk) string {
	return fmt.Sprintf("%s · %d×%d = %d · %s", r.Kind.Label(), r.Likelihood, r.Impact, r.Score(), r.Title)
}
