package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"partnerskab/data/dk"
)

// Templates are Markdown with Mustache merge fields. The template language
// lives in package agreement, which imports data; data cannot import it
// back. So the language registers its checker here once, from its init,
// the way database/sql drivers register themselves: every program that can
// merge a template (main, the window, the CLI, agreement's own tests) has
// imported agreement and so has the checker, and the rule "a template with
// errors cannot be used for an agreement" is enforced here, in data, by
// CreateAgreement. Saving is allowed with errors: the caseworker keeps work
// in progress as a new version, and the version carries its problems.

// TemplateChecker returns a template body's problems, each as
// "LINE:COL: text", or nothing when the body can be merged; decided are
// the checklist's field names, which the body may use as afklaring.<name>.
type TemplateChecker func(body string, decided []string) []string

var (
	checkerMu       sync.RWMutex
	templateChecker TemplateChecker
)

// RegisterTemplateChecker sets the function that checks template bodies;
// package agreement calls it from its init.
func RegisterTemplateChecker(check TemplateChecker) {
	checkerMu.Lock()
	defer checkerMu.Unlock()
	templateChecker = check
}

// CheckTemplateBody returns the body's problems with the registered checker.
// Without one (a program that never imported package agreement) every body
// is refused: an unchecked template must not become an agreement.
func CheckTemplateBody(body string, decided ...string) []string {
	checkerMu.RLock()
	check := templateChecker
	checkerMu.RUnlock()
	if check == nil {
		return []string{"1:1: skabelonsproget er ikke indlæst i programmet; skabelonen kan ikke kontrolleres"}
	}
	return check(body, decided)
}

// TemplateProblemsError refuses a template whose check fails.
type TemplateProblemsError struct {
	Name     string
	Version  int
	Problems []string
}

func (e *TemplateProblemsError) Error() string {
	return fmt.Sprintf("Skabelonen %q (version %d) har fejl og kan ikke bruges: %s", e.Name, e.Version,
		strings.Join(e.Problems, "; "))
}

// Template is an agreement template; its text lives in its versions.
type Template struct {
	ID          int64
	Name        string
	Description string
	Latest      int // the newest version's number
	ArchivedAt  time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Archived tells whether the template is archived.
func (t Template) Archived() bool { return !t.ArchivedAt.IsZero() }

// TemplateVersion is one saved text of a template. It never changes.
type TemplateVersion struct {
	ID         int64
	TemplateID int64
	Version    int
	Body       string
	SHA256     string // hex of the body's UTF-8 bytes
	CreatedAt  time.Time
}

// Problems are the version's template errors ("LINE:COL: text"), checked
// now with the registered checker and the checklist's field names
// decided; empty when it can be used.
func (v TemplateVersion) Problems(decided ...string) []string {
	return CheckTemplateBody(v.Body, decided...)
}

// TemplateForm is a template as typed in the editor.
type TemplateForm struct {
	ID          int64
	Name        string
	Description string
	Body        string
}

// Form returns the template and one of its versions as the editor shows them.
func (t Template) Form(v TemplateVersion) TemplateForm {
	return TemplateForm{ID: t.ID, Name: t.Name, Description: t.Description, Body: v.Body}
}

// Parse checks what needs no database: a name, a body, no CPR number.
// Template errors (unknown fields, unclosed sections) do not stop a save.
func (f TemplateForm) Parse() (Template, string, error) {
	var c checker
	t := Template{ID: f.ID}
	t.Name = c.required("Name", "Navn", f.Name)
	c.noCPR("Name", "Navn", t.Name)
	t.Description = c.freeText("Description", "Beskrivelse", f.Description)
	body := strings.ReplaceAll(f.Body, "\r\n", "\n")
	if strings.TrimSpace(body) == "" {
		c.add("Body", "Skabelonens tekst", "required", "skal udfyldes")
	}
	c.text("Body", "Skabelonens tekst", body)
	c.noCPR("Body", "Skabelonens tekst", body)
	return t, body, c.err()
}

// BodySHA256 is the sum a version of body records (TemplateVersion.SHA256).
func BodySHA256(body string) string { return bodySHA256(body) }

func bodySHA256(body string) string {
	h := sha256.Sum256([]byte(body))
	return hex.EncodeToString(h[:])
}

// SaveTemplate creates or updates a template. A body that differs from the
// newest version's becomes a new version; the same body adds none. It
// returns the template and its newest version.
func (s *Store) SaveTemplate(ctx context.Context, f TemplateForm) (Template, TemplateVersion, error) {
	t, body, err := f.Parse()
	if err != nil {
		return t, TemplateVersion{}, err
	}
	var v TemplateVersion
	err = s.tx(ctx, func(tx *sql.Tx) error {
		t, v, err = s.saveTemplate(ctx, tx, t, body)
		return err
	})
	if err != nil {
		return t, v, err
	}
	t, err = s.Template(ctx, t.ID)
	if err != nil {
		return t, v, err
	}
	v, err = s.TemplateVersion(ctx, v.ID)
	return t, v, err
}

func (s *Store) saveTemplate(ctx context.Context, tx *sql.Tx, t Template, body string) (Template, TemplateVersion, error) {
	var c checker
	var other int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM templates WHERE name = ? AND id <> ?`, t.Name, t.ID).Scan(&other)
	if err == nil {
		c.add("Name", "Navn", "name_duplicate", fmt.Sprintf("der findes allerede en skabelon med navnet %q", t.Name))
	} else if !errors.Is(err, sql.ErrNoRows) {
		return t, TemplateVersion{}, err
	}
	if err := c.err(); err != nil {
		return t, TemplateVersion{}, err
	}
	now := s.nowText()
	if t.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO templates (name, sort_key, description, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?)`, t.Name, dk.SortKey(t.Name), t.Description, now, now)
		if err != nil {
			return t, TemplateVersion{}, err
		}
		t.ID, _ = res.LastInsertId()
		if err := logEvent(ctx, tx, now, "oprettet", "skabelon", t.ID, t.Name); err != nil {
			return t, TemplateVersion{}, err
		}
	} else {
		var name, desc string
		err := tx.QueryRowContext(ctx, `SELECT name, description FROM templates WHERE id = ?`, t.ID).Scan(&name, &desc)
		if errors.Is(err, sql.ErrNoRows) {
			return t, TemplateVersion{}, fmt.Errorf("skabelon %d findes ikke: %w", t.ID, ErrNotFound)
		} else if err != nil {
			return t, TemplateVersion{}, err
		}
		if name != t.Name || desc != t.Description {
			if _, err := tx.ExecContext(ctx, `UPDATE templates SET name = ?, sort_key = ?, description = ?, updated_at = ?
				WHERE id = ?`, t.Name, dk.SortKey(t.Name), t.Description, now, t.ID); err != nil {
				return t, TemplateVersion{}, err
			}
			if err := logEvent(ctx, tx, now, "ændret", "skabelon", t.ID, t.Name); err != nil {
				return t, TemplateVersion{}, err
			}
		}
	}
	v := TemplateVersion{TemplateID: t.ID, Body: body, SHA256: bodySHA256(body)}
	var latest sql.NullInt64
	var latestID sql.NullInt64
	var latestSum sql.NullString
	err = tx.QueryRowContext(ctx, `SELECT id, version, sha256 FROM template_versions WHERE template_id = ?
		ORDER BY version DESC LIMIT 1`, t.ID).Scan(&latestID, &latest, &latestSum)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return t, v, err
	}
	if latestSum.Valid && latestSum.String == v.SHA256 {
		v.ID, v.Version = latestID.Int64, int(latest.Int64)
		return t, v, nil
	}
	v.Version = int(latest.Int64) + 1
	res, err := tx.ExecContext(ctx, `INSERT INTO template_versions (template_id, version, body, sha256, created_at)
		VALUES (?, ?, ?, ?, ?)`, t.ID, v.Version, v.Body, v.SHA256, now)
	if err != nil {
		return t, v, err
	}
	v.ID, _ = res.LastInsertId()
	if _, err := tx.ExecContext(ctx, `UPDATE templates SET updated_at = ? WHERE id = ?`, now, t.ID); err != nil {
		return t, v, err
	}
	return t, v, logEvent(ctx, tx, now, "ny version", "skabelon", t.ID, fmt.Sprintf("version %d", v.Version))
}

const templateColumns = `t.id, t.name, t.description, t.archived_at, t.created_at, t.updated_at,
	(SELECT max(version) FROM template_versions WHERE template_id = t.id)`

func scanTemplate(row scanner) (Template, error) {
	var t Template
	var archived sql.NullString
	var created, updated string
	var latest sql.NullInt64
	if err := row.Scan(&t.ID, &t.Name, &t.Description, &archived, &created, &updated, &latest); err != nil {
		return t, err
	}
	t.ArchivedAt = instantCol(archived)
	t.CreatedAt = instantCol(sql.NullString{String: created, Valid: true})
	t.UpdatedAt = instantCol(sql.NullString{String: updated, Valid: true})
	t.Latest = int(latest.Int64)
	return t, nil
}

// Template reads one template, archived or not.
func (s *Store) Template(ctx context.Context, id int64) (Template, error) {
	return queryOne(ctx, s.db, scanTemplate, "skabelon", id, "SELECT "+templateColumns+" FROM templates t WHERE t.id = ?", id)
}

// Templates lists the templates sorted the Danish way; withArchived adds the
// archived ones (after the active ones).
func (s *Store) Templates(ctx context.Context, withArchived bool) ([]Template, error) {
	q := "SELECT " + templateColumns + " FROM templates t"
	if !withArchived {
		q += " WHERE t.archived_at IS NULL"
	}
	q += " ORDER BY t.archived_at IS NOT NULL, t.sort_key, t.id"
	return queryAll(ctx, s.db, scanTemplate, q)
}

const versionColumns = `id, template_id, version, body, sha256, created_at`

func scanVersion(row scanner) (TemplateVersion, error) {
	var v TemplateVersion
	var created string
	if err := row.Scan(&v.ID, &v.TemplateID, &v.Version, &v.Body, &v.SHA256, &created); err != nil {
		return v, err
	}
	v.CreatedAt = instantCol(sql.NullString{String: created, Valid: true})
	return v, nil
}

// TemplateVersion reads one version by its id.
func (s *Store) TemplateVersion(ctx context.Context, id int64) (TemplateVersion, error) {
	return queryOne(ctx, s.db, scanVersion, "skabelonversion", id, "SELECT "+versionColumns+" FROM template_versions WHERE id = ?", id)
}

// TemplateVersions lists a template's versions, newest first.
func (s *Store) TemplateVersions(ctx context.Context, templateID int64) ([]TemplateVersion, error) {
	return queryAll(ctx, s.db, scanVersion, "SELECT "+versionColumns+` FROM template_versions
		WHERE template_id = ? ORDER BY version DESC`, templateID)
}

// LatestVersion reads a template's newest version.
func (s *Store) LatestVersion(ctx context.Context, templateID int64) (TemplateVersion, error) {
	v, err := scanVersion(s.db.QueryRowContext(ctx, "SELECT "+versionColumns+` FROM template_versions
		WHERE template_id = ? ORDER BY version DESC LIMIT 1`, templateID))
	if errors.Is(err, sql.ErrNoRows) {
		return v, fmt.Errorf("skabelon %d har ingen version: %w", templateID, ErrNotFound)
	}
	return v, err
}

// ArchiveTemplate hides a template from the list of templates to draft
// from; agreements made from it keep their version.
func (s *Store) ArchiveTemplate(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "templates", "skabelon", id, true)
}

// RestoreTemplate brings an archived template back.
func (s *Store) RestoreTemplate(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "templates", "skabelon", id, false)
}

// ErrTemplateInUse refuses to delete a template that an agreement uses.
var ErrTemplateInUse = errors.New("skabelonen bruges af en aftale")

// DeleteTemplate deletes a template and its versions, but only when no
// agreement was made from any of them: an agreement must be able to show
// the text it came from. Such a template can be archived instead.
func (s *Store) DeleteTemplate(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var name string
		err := tx.QueryRowContext(ctx, `SELECT name FROM templates WHERE id = ?`, id).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("skabelon %d findes ikke: %w", id, ErrNotFound)
		} else if err != nil {
			return err
		}
		numbers, err := queryAll(ctx, tx, func(row scanner) (string, error) {
			var n string
			err := row.Scan(&n)
			return n, err
		}, `SELECT a.number FROM agreements a
			JOIN template_versions v ON v.id = a.template_version_id
			WHERE v.template_id = ? ORDER BY a.number`, id)
		if err != nil {
			return err
		}
		if len(numbers) > 0 {
			return fmt.Errorf("skabelonen %q bruges af %s (%s) og kan ikke slettes; arkivér den i stedet: %w",
				name, countNoun(len(numbers), "aftale", "aftaler"), strings.Join(numbers, ", "), ErrTemplateInUse)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM templates WHERE id = ?`, id); err != nil {
			return err
		}
		return logEvent(ctx, tx, s.nowText(), "slettet", "skabelon", id, name)
	})
}

func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
