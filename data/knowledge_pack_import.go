package data

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// Importing a package adds to what the installation has and never
// overwrites: templates become new templates (a name already taken gets
// " (2)"), the checklist's items are a starting point (new ones arrive
// open, with the source's decided text as a proposal; an item with the
// same merge field keeps its own text and only an empty proposal is
// filled), and schemes, target groups and goals arrive where missing. All
// of it in one transaction, with its audit event.

// PackImportOptions is what the caseworker chose.
type PackImportOptions struct {
	File          string   // the package's file, for the audit log
	SkipChecklist bool     // take no checklist items
	Checklist     []string // the merge fields to take; nil takes all
}

// PackRename is a template that arrived under another name.
type PackRename struct{ From, To string }

// PackImportReport says what came in.
type PackImportReport struct {
	Source          string
	Created         time.Time
	Templates       int
	Versions        int
	Renamed         []PackRename
	ChecklistNew    int // added as open items
	ChecklistFilled int // existing items given the decided text as a proposal
	ChecklistKnown  int // existing items left as they were
	SchemesNew      int
	SchemesKnown    int
	GroupsNew       int
	GroupsKnown     int
	GoalsNew        int
	GoalsKnown      int
	ReportAsOf      time.Time // zero when the package has no status report
	Problems        []string  // imported templates that fail the template check
}

// Summary is the report's first line: "3 skabeloner (12 versioner), 14
// punkter på tjeklisten, …".
func (r PackImportReport) Summary() string {
	return joinAnd([]string{
		countNoun(r.Templates, "skabelon", "skabeloner") + " (" + countNoun(r.Versions, "version", "versioner") + ")",
		countNoun(r.ChecklistNew+r.ChecklistFilled, "punkt", "punkter") + " på tjeklisten",
		countNoun(r.SchemesNew, "ordning", "ordninger"),
		countNoun(r.GroupsNew, "målgruppe", "målgrupper"),
		countNoun(r.GoalsNew, "mål", "mål"),
	})
}

// Lines is the whole report, a line each.
func (r PackImportReport) Lines() []string {
	lines := []string{fmt.Sprintf("Indlæst fra %s (pakken er lavet %s): %s.", r.Source, dk.FormatDate(r.Created), r.Summary())}
	for _, n := range r.Renamed {
		lines = append(lines, fmt.Sprintf("Skabelonen »%s« fandtes allerede; den nye hedder »%s«.", n.From, n.To))
	}
	var list []string
	if r.ChecklistNew > 0 {
		list = append(list, countNoun(r.ChecklistNew, "nyt punkt", "nye punkter")+" (åbne, med pakkens besluttede tekst som forslag)")
	}
	if r.ChecklistFilled > 0 {
		list = append(list, countNoun(r.ChecklistFilled, "punkt", "punkter")+" fik pakkens besluttede tekst som forslag")
	}
	if r.ChecklistKnown > 0 {
		list = append(list, countNoun(r.ChecklistKnown, "punkt", "punkter")+" fandtes allerede og er ikke ændret")
	}
	if len(list) > 0 {
		lines = append(lines, "Tjeklisten: "+joinAnd(list)+".")
	}
	var known []string
	for _, k := range []struct {
		n         int
		one, many string
	}{{r.SchemesKnown, "ordning", "ordninger"}, {r.GroupsKnown, "målgruppe", "målgrupper"}, {r.GoalsKnown, "mål", "mål"}} {
		if k.n > 0 {
			known = append(known, countNoun(k.n, k.one, k.many))
		}
	}
	if len(known) > 0 {
		lines = append(lines, "Fandtes allerede og er ikke ændret: "+joinAnd(known)+".")
	}
	if !r.ReportAsOf.IsZero() {
		lines = append(lines, "Pakken har statusrapporten pr. "+dk.FormatDate(r.ReportAsOf)+" til gennemlæsning.")
	}
	for _, p := range r.Problems {
		lines = append(lines, p)
	}
	return lines
}

// ImportKnowledgePack adds the package's content to the database in one
// transaction; on any problem nothing is imported.
func (s *Store) ImportKnowledgePack(ctx context.Context, p *KnowledgePack, opt PackImportOptions) (PackImportReport, error) {
	r := PackImportReport{Source: p.Manifest.SourceArea, ReportAsOf: p.ReportAsOf}
	r.Created, _ = time.Parse(time.RFC3339, p.Manifest.Created)
	if r.Source == "" {
		r.Source = "et andet område"
	}
	take := map[string]bool{}
	for _, c := range opt.Checklist {
		take[c] = true
	}
	var imported []int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, t := range p.Templates {
			id, name, err := s.importPackTemplate(ctx, tx, t)
			if err != nil {
				return err
			}
			imported = append(imported, id)
			r.Templates++
			r.Versions += len(t.Versions)
			if name != t.Name {
				r.Renamed = append(r.Renamed, PackRename{From: t.Name, To: name})
			}
		}
		if !opt.SkipChecklist {
			for _, c := range p.Checklist {
				if opt.Checklist != nil && !take[c.Code] {
					continue
				}
				if err := s.importPackChecklistItem(ctx, tx, c, &r); err != nil {
					return err
				}
			}
		}
		if err := s.importPackLists(ctx, tx, p.Lists, &r); err != nil {
			return err
		}
		if err := s.importPackGoals(ctx, tx, p.Goals, &r); err != nil {
			return err
		}
		file := opt.File
		if abs, err := filepath.Abs(file); err == nil && file != "" {
			file = abs
		}
		detail := "videndelingspakke fra " + r.Source
		if file != "" {
			detail += " (" + file + ")"
		}
		return logEvent(ctx, tx, s.nowText(), "importeret", "videndelingspakke", 0, detail+": "+r.Summary())
	})
	if err != nil {
		if IsPackRefused(err) {
			return PackImportReport{}, err
		}
		return PackImportReport{}, packRefused("%v", DanishError(err))
	}
	codes, err := s.ChecklistCodes(ctx)
	if err != nil {
		return r, err
	}
	for _, id := range imported {
		t, err := s.Template(ctx, id)
		if err != nil {
			return r, err
		}
		v, err := s.LatestVersion(ctx, id)
		if err != nil {
			return r, err
		}
		if problems := v.Problems(codes...); len(problems) > 0 {
			r.Problems = append(r.Problems, fmt.Sprintf("Skabelonen »%s« har fejl, der skal rettes, før den kan bruges: %s",
				t.Name, strings.Join(problems, "; ")))
		}
	}
	return r, nil
}

// importPackTemplate adds a template under a name of its own, with its
// versions numbered as in the source and their dates.
func (s *Store) importPackTemplate(ctx context.Context, tx *sql.Tx, t PackTemplate) (int64, string, error) {
	var parsed Template
	for _, v := range t.Versions {
		var err error
		if parsed, _, err = (TemplateForm{Name: t.Name, Description: t.Description, Body: v.Body}).Parse(); err != nil {
			return 0, "", packRefused("skabelonen »%s« version %d: %v", t.Name, v.Version, err)
		}
	}
	name, err := freeTemplateName(ctx, tx, parsed.Name)
	if err != nil {
		return 0, "", err
	}
	now := s.nowText()
	res, err := tx.ExecContext(ctx, `INSERT INTO templates (name, sort_key, description, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?)`, name, dk.SortKey(name), parsed.Description, now, now)
	if err != nil {
		return 0, "", err
	}
	id, _ := res.LastInsertId()
	for _, v := range t.Versions {
		body := strings.ReplaceAll(v.Body, "\r\n", "\n")
		if _, err := tx.ExecContext(ctx, `INSERT INTO template_versions (template_id, version, body, sha256, created_at)
			VALUES (?, ?, ?, ?, ?)`, id, v.Version, body, bodySHA256(body), v.Created); err != nil {
			return 0, "", err
		}
	}
	detail := fmt.Sprintf("%s: %s fra en videndelingspakke", name, countNoun(len(t.Versions), "version", "versioner"))
	return id, name, logEvent(ctx, tx, now, "importeret", "skabelon", id, detail)
}

// freeTemplateName is name, or "name (2)", "name (3)", … when it is taken.
func freeTemplateName(ctx context.Context, tx *sql.Tx, name string) (string, error) {
	for n := 1; ; n++ {
		try := name
		if n > 1 {
			try = fmt.Sprintf("%s (%d)", name, n)
		}
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM templates WHERE name = ?`, try).Scan(&taken); err != nil {
			return "", err
		}
		if taken == 0 {
			return try, nil
		}
	}
}

// importPackChecklistItem adds an item as open with the decided text as a
// proposal, or gives an existing open item with no text of its own the
// proposal.
func (s *Store) importPackChecklistItem(ctx context.Context, tx *sql.Tx, c PackChecklistItem, r *PackImportReport) error {
	var id int64
	var status, decision, description string
	err := tx.QueryRowContext(ctx, `SELECT id, status, decision, description FROM checklist_items WHERE code = ?`, c.Code).
		Scan(&id, &status, &decision, &description)
	switch {
	case err == sql.ErrNoRows:
		it, err := ChecklistForm{Code: c.Code, Title: c.Title, Description: c.Description, Decision: c.Decision,
			Status: string(ChecklistOpen)}.Parse()
		if err != nil {
			return packRefused("tjeklistepunktet »%s«: %v", c.Title, err)
		}
		if _, err := checklistKind(true).write(ctx, s, tx, it); err != nil {
			return err
		}
		r.ChecklistNew++
		return nil
	case err != nil:
		return err
	}
	if strings.TrimSpace(c.Decision) == "" || strings.TrimSpace(decision) != "" || ChecklistStatus(status) == ChecklistSettled {
		r.ChecklistKnown++
		return nil
	}
	var ch checker
	proposal := ch.freeText("Decision", "Besluttet tekst", c.Decision)
	if description == "" {
		description = ch.freeText("Description", "Beskrivelse", c.Description)
	}
	if err := ch.err(); err != nil {
		return packRefused("tjeklistepunktet »%s«: %v", c.Title, err)
	}
	now := s.nowText()
	if _, err := tx.ExecContext(ctx, `UPDATE checklist_items SET decision = ?, description = ?, updated_at = ? WHERE id = ?`,
		proposal, description, now, id); err != nil {
		return err
	}
	r.ChecklistFilled++
	return logEvent(ctx, tx, now, "ændret", "afklaring", id, "forslag til besluttet tekst fra en videndelingspakke")
}

// importPackLists adds the schemes and target groups this database has
// under no name compared as search compares.
func (s *Store) importPackLists(ctx context.Context, tx *sql.Tx, l PackLists, r *PackImportReport) error {
	schemes, err := queryAll(ctx, tx, scanScheme, "SELECT "+schemeColumns+" FROM schemes")
	if err != nil {
		return err
	}
	for _, sc := range l.Schemes {
		if _, known := FindScheme(schemes, sc.Name); known {
			r.SchemesKnown++
			continue
		}
		f := SchemeForm{Name: sc.Name, Subsidised: sc.Subsidised, Flex: sc.Flex, CountsAsJob: sc.CountsAsJob}
		if sc.WarnWeeks > 0 {
			f.WarnWeeks = fmt.Sprint(sc.WarnWeeks)
		}
		parsed, err := f.Parse()
		if err != nil {
			return packRefused("ordningen »%s«: %v", sc.Name, err)
		}
		added, err := schemeKind(true).write(ctx, s, tx, parsed)
		if err != nil {
			return err
		}
		schemes = append(schemes, added)
		r.SchemesNew++
	}
	groups, err := queryAll(ctx, tx, scanTargetGroup, "SELECT "+targetGroupColumns+" FROM target_groups")
	if err != nil {
		return err
	}
	for _, name := range l.TargetGroups {
		if _, known := FindTargetGroup(groups, name); known {
			r.GroupsKnown++
			continue
		}
		parsed, err := TargetGroupForm{Name: name}.Parse()
		if err != nil {
			return packRefused("målgruppen »%s«: %v", name, err)
		}
		added, err := targetGroupKind(true).write(ctx, s, tx, parsed)
		if err != nil {
			return err
		}
		groups = append(groups, added)
		r.GroupsNew++
	}
	return nil
}

// importPackGoals adds the goals this database has under no name.
func (s *Store) importPackGoals(ctx context.Context, tx *sql.Tx, goals []PackGoal, r *PackImportReport) error {
	have, err := queryAll(ctx, tx, scanTarget, "SELECT "+targetColumns+" FROM targets")
	if err != nil {
		return err
	}
	names := map[string]bool{}
	for _, t := range have {
		names[dk.Fold(t.Name)] = true
	}
	for _, g := range goals {
		if names[dk.Fold(g.Name)] {
			r.GoalsKnown++
			continue
		}
		f := TargetForm{Name: g.Name, Measure: g.Measure, Unit: g.Unit, Notes: g.Notes}
		if Measure(g.Measure) != MeasureMilestone {
			f.Goal = dk.FormatDecimal(g.Goal, -1)
		}
		parsed, err := f.Parse()
		if err != nil {
			return packRefused("målet »%s«: %v", g.Name, err)
		}
		if _, err := targetKind(true).write(ctx, s, tx, parsed); err != nil {
			return err
		}
		names[dk.Fold(g.Name)] = true
		r.GoalsNew++
	}
	return nil
}
