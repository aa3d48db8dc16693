package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"partnerskab/data/dk"
)

// References by name: a spreadsheet names an organisation ("Bevar", or its
// CVR number), not its id. Names are matched Danish-folded and exact
// ("bevar" finds "Bevar"; "Bevarr" finds nothing), and an ambiguous name is
// a problem rather than a guess.

type orgRef struct {
	id       int64
	name     string
	kind     OrgKind
	archived bool
}

// orgIndex holds every organisation by folded name and by CVR, loaded once
// per import and kept up to date as the import saves organisations.
type orgIndex struct {
	byName map[string][]orgRef
	byCVR  map[string]orgRef
}

func loadOrgIndex(ctx context.Context, tx dbtx) (*orgIndex, error) {
	x := &orgIndex{byName: map[string][]orgRef{}, byCVR: map[string]orgRef{}}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, kind, cvr, archived_at IS NOT NULL FROM organisations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r orgRef
		var cvr sql.NullString
		if err := rows.Scan(&r.id, &r.name, &r.kind, &cvr, &r.archived); err != nil {
			return nil, err
		}
		x.put(r, cvr.String)
	}
	return x, rows.Err()
}

func (x *orgIndex) put(r orgRef, cvr string) {
	key := dk.Fold(r.name)
	x.byName[key] = append(x.byName[key], r)
	if cvr != "" && r.kind != KindMunicipalUnit {
		x.byCVR[cvr] = r
	}
}

func (x *orgIndex) add(o Organisation) {
	if x == nil {
		return // not loaded yet: the first lookup will read it from the table
	}
	for key, refs := range x.byName { // an update may have renamed it
		for i, r := range refs {
			if r.id == o.ID {
				x.byName[key] = append(refs[:i:i], refs[i+1:]...)
				break
			}
		}
	}
	x.put(orgRef{id: o.ID, name: o.Name, kind: o.Kind, archived: o.Archived()}, o.CVR)
}

// organisation resolves a reference to an organisation by CVR number or
// name. When it cannot, it records the problem on field (unknown says what
// was looked for: "ukendt virksomhed") and returns ok false.
func (im *importer) organisation(ctx context.Context, tx dbtx, field, label, text, unknown string) (int64, bool, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, false, nil
	}
	if im.orgs == nil {
		x, err := loadOrgIndex(ctx, tx)
		if err != nil {
			return 0, false, err
		}
		im.orgs = x
	}
	var found []orgRef
	if cvr, err := dk.NormalizeCVR(text); err == nil {
		if r, ok := im.orgs.byCVR[cvr]; ok {
			found = []orgRef{r}
		}
	}
	if found == nil {
		found = im.orgs.byName[dk.Fold(text)]
	}
	switch {
	case len(found) == 0:
		im.problem(field, label, fmt.Sprintf("%s (%s)", unknown, text))
	case len(found) > 1:
		im.problem(field, label, fmt.Sprintf("flere organisationer hedder %s; skriv CVR-nummeret i stedet", text))
	case found[0].archived:
		im.problem(field, label, fmt.Sprintf("%s er arkiveret; genskab den under Partnere først", found[0].name))
	default:
		return found[0].id, true, nil
	}
	return 0, false, nil
}

// nameIndex holds records by folded name (premises, which have no CVR).
type nameIndex map[string][]nameRef

type nameRef struct {
	id       int64
	name     string
	archived bool
}

// loadNameIndex reads id, name and whether archived from query.
func loadNameIndex(ctx context.Context, tx dbtx, query string) (nameIndex, error) {
	x := nameIndex{}
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r nameRef
		if err := rows.Scan(&r.id, &r.name, &r.archived); err != nil {
			return nil, err
		}
		key := dk.Fold(r.name)
		x[key] = append(x[key], r)
	}
	return x, rows.Err()
}

func (x nameIndex) add(id int64, name string) {
	key := dk.Fold(name)
	x[key] = append(x[key], nameRef{id: id, name: name})
}
