package data

import (
	"context"
	"fmt"
	"strings"

	"partnerskab/data/dk"
)

// PlacementImport is one placement of an import, with its enterprise,
// position, scheme and target group by name. A position the enterprise
// does not have yet is created (one post, the placement's hours), so that a
// spreadsheet of placements can be imported without planning first.
type PlacementImport struct {
	Enterprise  string // by name or CVR
	Position    string // the position's title; empty for none
	Scheme      string // by name or code
	TargetGroup string // by name; empty for none
	Form        PlacementForm
}

func (r PlacementImport) importInto(ctx context.Context, tx dbtx, im *importer) error {
	f := r.Form
	var err error
	if f.OrganisationID, _, err = im.organisation(ctx, tx, "OrganisationID", "Virksomhed", r.Enterprise, "ukendt virksomhed"); err != nil {
		return err
	}
	if err := im.loadLists(ctx); err != nil {
		return err
	}
	if name := strings.TrimSpace(r.Scheme); name != "" {
		if sc, ok := im.scheme(name); ok {
			f.SchemeID = sc.ID
		} else {
			im.problem("SchemeID", "Ordning", fmt.Sprintf("ukendt ordning (%s); skriv en af: %s", name, im.schemeNames()))
		}
	}
	if name := strings.TrimSpace(r.TargetGroup); name != "" {
		if g, ok := im.targetGroup(name); ok {
			f.TargetGroupID = g.ID
		} else {
			im.problem("TargetGroupID", "Målgruppe", fmt.Sprintf("ukendt målgruppe (%s); skriv en af: %s", name, im.groupNames()))
		}
	}
	p, err := f.Parse()
	if ok, err := im.parseProblems(err); !ok || im.rowFailed() {
		return err
	}
	if title := strings.TrimSpace(r.Position); title != "" {
		if p.PositionID, err = im.positionFor(ctx, tx, p, title); err != nil || p.PositionID == 0 {
			return err
		}
	}
	if p.ID == 0 {
		return im.stagePlacement(ctx, tx, p)
	}
	_, err = placementKind.write(ctx, im.s, tx, p)
	return err
}

// loadLists reads the schemes and target groups once per import, archived
// ones too (the save says when one is archived).
func (im *importer) loadLists(ctx context.Context) error {
	if im.schemes != nil {
		return nil
	}
	var err error
	if im.schemes, err = im.s.Schemes(ctx, true); err != nil {
		return err
	}
	im.groups, err = im.s.TargetGroups(ctx, true)
	return err
}

// scheme and targetGroup find a name in the lists, remembering what they
// found per name as written: a file names the same few thousands of times, and
// the lists do not change while a file of placements is imported.
func (im *importer) scheme(name string) (Scheme, bool) {
	return remember(&im.schemeByName, name, func(name string) (Scheme, bool) { return FindScheme(im.schemes, name) })
}

func (im *importer) targetGroup(name string) (TargetGroup, bool) {
	return remember(&im.groupByName, name, func(name string) (TargetGroup, bool) { return FindTargetGroup(im.groups, name) })
}

// found is a remembered answer of a search by name.
type found[T any] struct {
	v  T
	ok bool
}

func remember[T any](m *map[string]found[T], name string, find func(string) (T, bool)) (T, bool) {
	if *m == nil {
		*m = map[string]found[T]{}
	}
	if f, ok := (*m)[name]; ok {
		return f.v, f.ok
	}
	v, ok := find(name)
	if ok { // a refused file of made-up names is not remembered name by name
		(*m)[name] = found[T]{v: v, ok: true}
	}
	return v, ok
}

func (im *importer) schemeNames() string {
	var names []string
	for _, sc := range im.schemes {
		if !sc.Archived() {
			names = append(names, sc.Name)
		}
	}
	return strings.Join(names, ", ")
}

func (im *importer) groupNames() string {
	var names []string
	for _, g := range im.groups {
		if !g.Archived() {
			names = append(names, g.Name)
		}
	}
	return strings.Join(names, ", ")
}

// positionFor finds the enterprise's position by title, or creates it.
func (im *importer) positionFor(ctx context.Context, tx dbtx, p Placement, title string) (int64, error) {
	if im.positions == nil {
		x := map[int64]map[string]int64{}
		rows, err := tx.QueryContext(ctx, `SELECT id, organisation_id, title FROM positions WHERE archived_at IS NULL`)
		if err != nil {
			return 0, err
		}
		defer rows.Close()
		for rows.Next() {
			var id, org int64
			var t string
			if err := rows.Scan(&id, &org, &t); err != nil {
				return 0, err
			}
			if x[org] == nil {
				x[org] = map[string]int64{}
			}
			x[org][dk.Fold(t)] = id
		}
		if err := rows.Err(); err != nil {
			return 0, err
		}
		im.positions = x
		im.titleKeys = map[string]string{}
	}
	key, ok := im.titleKeys[title]
	if !ok {
		// Folding is the cost of a look-up; a file repeats its few titles.
		key = dk.Fold(title)
		im.titleKeys[title] = key
	}
	if id, ok := im.positions[p.OrganisationID][key]; ok {
		return id, nil
	}
	hours := "37"
	if p.HoursPerWeek > 0 {
		hours = dk.FormatDecimal(p.HoursPerWeek, -1)
	}
	pos, err := PositionForm{OrganisationID: p.OrganisationID, Title: title, HoursPerWeek: hours, Count: "1",
		Notes: fmt.Sprintf("Oprettet ved import af placeringer (linje %d).", im.cur.Line)}.Parse()
	if err == nil {
		pos, err = positionKind.write(ctx, im.s, tx, pos)
	}
	if v, ok := AsValidation(err); ok {
		for _, fe := range v.Problems {
			if fe.Field == "Title" {
				fe.Field, fe.Label = "PositionID", "Stilling"
			}
			im.fieldProblem(fe)
		}
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if im.positions[p.OrganisationID] == nil {
		im.positions[p.OrganisationID] = map[string]int64{}
	}
	im.positions[p.OrganisationID][key] = pos.ID
	return pos.ID, nil
}
