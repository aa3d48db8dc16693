package data

import (
	"context"
	"fmt"
	"strings"

	"partnerskab/data/dk"
)

// RoomImport is one room of an import, with its premises by name: premises
// that do not exist yet are created from the first row that names them
// (with that row's address, owner and notes).
type RoomImport struct {
	Premises PremisesForm // Name finds or creates the premises; the rest is used only to create them
	Owner    string       // the premises' owner, by name or CVR
	Form     RoomForm
}

// premisesField is the import's field name for a problem with the premises
// form: its Name is the room's premises column, the rest are prefixed so
// they do not collide with the room's own Notes.
func premisesField(field string) string {
	if field == "Name" {
		return "PremisesID"
	}
	return "Premises." + field
}

func (r RoomImport) importInto(ctx context.Context, tx dbtx, im *importer) error {
	f := r.Form
	var skip []string
	if name := strings.TrimSpace(r.Premises.Name); name != "" {
		id, err := im.premisesFor(ctx, tx, r)
		if err != nil {
			return err
		}
		f.PremisesID = id
		if id == 0 {
			skip = append(skip, "PremisesID") // the premises' own problems are reported
		}
	}
	room, err := f.Parse()
	if ok, err := im.parseProblems(err, skip...); !ok || im.rowFailed() {
		return err
	}
	_, err = roomKind.write(ctx, im.s, tx, room)
	return err
}

// premisesFor finds the row's premises by name, or creates them.
func (im *importer) premisesFor(ctx context.Context, tx dbtx, r RoomImport) (int64, error) {
	if im.premises == nil {
		x, err := loadNameIndex(ctx, tx, `SELECT id, name, archived_at IS NOT NULL FROM premises`)
		if err != nil {
			return 0, err
		}
		im.premises = x
	}
	name := strings.TrimSpace(r.Premises.Name)
	found := im.premises[dk.Fold(name)]
	for _, p := range found {
		if !p.archived {
			return p.id, nil
		}
	}
	if len(found) > 0 {
		im.problem("PremisesID", "Ejendom", found[0].name+" er arkiveret; genskab ejendommen først")
		return 0, nil
	}
	pf := r.Premises
	if strings.TrimSpace(r.Owner) != "" {
		id, ok, err := im.organisation(ctx, tx, "Premises.OwnerID", "Ejer", r.Owner, "ukendt organisation")
		if err != nil || !ok {
			return 0, err
		}
		pf.OwnerID = id
	}
	p, err := pf.Parse()
	if err == nil {
		p, err = premisesKind.write(ctx, im.s, tx, p)
	}
	if v, ok := AsValidation(err); ok {
		for _, fe := range v.Problems {
			fe.Field = premisesField(fe.Field)
			im.fieldProblem(fe)
		}
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	im.premises.add(p.ID, p.Name)
	return p.ID, nil
}

// LeaseImport is one lease of an import: the parties by name or CVR, and
// the rooms as the cell lists them ("Kvarterhuset/Systue, Kvarterhuset/Café",
// or room names alone when they are unambiguous).
type LeaseImport struct {
	Landlord string
	Tenant   string
	Rooms    string
	Form     LeaseForm
}

func (r LeaseImport) importInto(ctx context.Context, tx dbtx, im *importer) error {
	f := r.Form
	var err error
	if f.LandlordID, _, err = im.organisation(ctx, tx, "LandlordID", "Udlejer", r.Landlord, "ukendt organisation"); err != nil {
		return err
	}
	if f.TenantID, _, err = im.organisation(ctx, tx, "TenantID", "Lejer", r.Tenant, "ukendt virksomhed"); err != nil {
		return err
	}
	if f.RoomIDs, err = im.roomList(ctx, tx, r.Rooms); err != nil {
		return err
	}
	l, err := f.Parse()
	if ok, err := im.parseProblems(err); !ok || im.rowFailed() {
		return err
	}
	_, err = leaseKind.write(ctx, im.s, tx, l)
	return err
}

// roomList resolves a cell of rooms separated by commas. A room whose name
// holds a comma is still found: the longest run of pieces that names a
// room wins.
func (im *importer) roomList(ctx context.Context, tx dbtx, text string) ([]int64, error) {
	if im.rooms == nil {
		x, err := loadRoomIndex(ctx, tx)
		if err != nil {
			return nil, err
		}
		im.rooms = x
	}
	var pieces []string
	for _, p := range strings.Split(text, ",") {
		pieces = append(pieces, strings.TrimSpace(p))
	}
	var ids []int64
	for i := 0; i < len(pieces); {
		if pieces[i] == "" {
			i++
			continue
		}
		matched := false
		for j := len(pieces); j > i && !matched; j-- {
			ref := strings.Join(pieces[i:j], ", ")
			if found := im.rooms.find(ref); len(found) == 1 {
				ids = append(ids, found[0])
				i, matched = j, true
			} else if len(found) > 1 && j == i+1 {
				im.problem("Rooms", "Lokaler", fmt.Sprintf("flere lokaler hedder %s; skriv ejendom/lokale, fx Kvarterhuset/%s", ref, ref))
				i, matched = j, true
			}
		}
		if !matched {
			im.problem("Rooms", "Lokaler", fmt.Sprintf("ukendt lokale (%s)", pieces[i]))
			i++
		}
	}
	return ids, nil
}

// roomIndex holds the rooms in use by "premises/room" and by room name.
type roomIndex struct {
	byPath map[string][]int64 // fold(premises) + "/" + fold(room)
	byName map[string][]int64 // fold(room)
}

func loadRoomIndex(ctx context.Context, tx dbtx) (*roomIndex, error) {
	x := &roomIndex{byPath: map[string][]int64{}, byName: map[string][]int64{}}
	rows, err := tx.QueryContext(ctx, `SELECT r.id, r.name, p.name FROM rooms r JOIN premises p ON p.id = r.premises_id
		WHERE r.archived_at IS NULL AND p.archived_at IS NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var room, premises string
		if err := rows.Scan(&id, &room, &premises); err != nil {
			return nil, err
		}
		path := dk.Fold(premises) + "/" + dk.Fold(room)
		x.byPath[path] = append(x.byPath[path], id)
		x.byName[dk.Fold(room)] = append(x.byName[dk.Fold(room)], id)
	}
	return x, rows.Err()
}

// find looks a reference up as premises/room (at any "/", since either
// name may hold one), else as a room name.
func (x *roomIndex) find(ref string) []int64 {
	for i := 0; i < len(ref); i++ {
		if ref[i] != '/' {
			continue
		}
		path := dk.Fold(strings.TrimSpace(ref[:i])) + "/" + dk.Fold(strings.TrimSpace(ref[i+1:]))
		if ids := x.byPath[path]; len(ids) > 0 {
			return ids
		}
	}
	return x.byName[dk.Fold(ref)]
}
