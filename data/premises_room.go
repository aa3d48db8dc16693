package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// RoomKind is what a room is used for.
type RoomKind string

// The kinds of room.
const (
	RoomWorkshop RoomKind = "vaerksted"
	RoomKitchen  RoomKind = "koekken"
	RoomCafe     RoomKind = "cafe"
	RoomMeeting  RoomKind = "moedelokale"
	RoomStorage  RoomKind = "lager"
	RoomOther    RoomKind = "andet"
)

// RoomKinds lists the kinds in the order the form offers them.
var RoomKinds = []RoomKind{RoomWorkshop, RoomKitchen, RoomCafe, RoomMeeting, RoomStorage, RoomOther}

var roomKindLabels = map[RoomKind]string{
	RoomWorkshop: "Værksted",
	RoomKitchen:  "Køkken",
	RoomCafe:     "Café",
	RoomMeeting:  "Mødelokale",
	RoomStorage:  "Lager",
	RoomOther:    "Andet",
}

// Label is the kind's Danish name.
func (k RoomKind) Label() string {
	if l, ok := roomKindLabels[k]; ok {
		return l
	}
	return string(k)
}

// RoomKindByLabel finds a kind from its Danish name or its code, ignoring case.
func RoomKindByLabel(s string) (RoomKind, bool) {
	s = strings.TrimSpace(s)
	for _, k := range RoomKinds {
		if strings.EqualFold(string(k), s) || strings.EqualFold(k.Label(), s) {
			return k, true
		}
	}
	return "", false
}

// Room is a room of some premises that can be let.
type Room struct {
	ID           int64
	PremisesID   int64
	PremisesName string // read from the store
	Name         string
	AreaM2       float64
	Kind         RoomKind
	// Shared marks a room used in common (a meeting room the enterprises
	// and the residents share). It informs; it does not lift the rule that
	// two leases of one room may not overlap.
	Shared     bool
	Notes      string
	ArchivedAt time.Time
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Archived tells whether the room is archived.
func (r Room) Archived() bool { return !r.ArchivedAt.IsZero() }

// Label names the room the way lists and the lease form show it:
// "Kvarterhuset · Systue (48 m²)".
func (r Room) Label() string {
	s := r.Name
	if r.PremisesName != "" {
		s = r.PremisesName + " · " + s
	}
	return s + " (" + FormatArea(r.AreaM2) + ")"
}

// FormatArea writes an area the Danish way with at most two decimals: 48 m², 12,5 m².
func FormatArea(m2 float64) string {
	return dk.FormatDecimal(math.Round(m2*100)/100, -1) + " m²"
}

// RoomForm is a room as typed into the form or a CSV row.
type RoomForm struct {
	ID         int64
	PremisesID int64
	Name       string
	Area       string // m², as typed: 48 or 12,5
	Kind       string // code or Danish label; empty means Andet
	Shared     string // ja/nej
	Notes      string
}

// Form returns the room as the form shows it.
func (r Room) Form() RoomForm {
	return RoomForm{ID: r.ID, PremisesID: r.PremisesID, Name: r.Name, Area: dk.FormatDecimal(r.AreaM2, -1),
		Kind: string(r.Kind), Shared: YesNo(r.Shared), Notes: r.Notes}
}

// Parse checks the form and returns the room it describes.
func (f RoomForm) Parse() (Room, error) {
	var c checker
	r := Room{ID: f.ID, PremisesID: f.PremisesID}
	if r.PremisesID == 0 {
		c.add("PremisesID", "Ejendom", "required", "vælg ejendommen")
	}
	r.Name = c.required("Name", "Navn", f.Name)
	c.noCPR("Name", "Navn", r.Name)
	if s := strings.TrimSpace(f.Area); s == "" {
		c.add("Area", "Areal (m²)", "required", "skriv arealet i m², fx 48 eller 12,5")
	} else if v, err := dk.ParseDecimal(s); err != nil {
		c.addErr("Area", "Areal (m²)", err)
	} else if v <= 0 {
		c.add("Area", "Areal (m²)", "area", "arealet skal være større end 0 m² ("+s+")")
	} else {
		r.AreaM2 = v
	}
	r.Kind = RoomOther
	if s := strings.TrimSpace(f.Kind); s != "" {
		k, ok := RoomKindByLabel(s)
		if !ok {
			c.add("Kind", "Type", "kind", "ukendt type ("+s+"); vælg værksted, køkken, café, mødelokale, lager eller andet")
		}
		r.Kind = k
	}
	r.Shared = c.yesNo("Shared", "Fælles lokale", f.Shared)
	r.Notes = c.freeText("Notes", "Noter", f.Notes)
	return r, c.err()
}

// YesNo is how forms and CSV files write a yes/no value.
func YesNo(b bool) string {
	if b {
		return "ja"
	}
	return "nej"
}

// yesNo reads ja/nej (and what spreadsheets write for them); empty is nej.
func (c *checker) yesNo(field, label, s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "nej", "n", "0", "false", "falsk":
		return false
	case "ja", "j", "1", "true", "sand", "x":
		return true
	}
	c.add(field, label, "yesno", "skriv ja eller nej ("+strings.TrimSpace(s)+")")
	return false
}

// SaveRoom validates the form and creates or updates the room.
func (s *Store) SaveRoom(ctx context.Context, f RoomForm) (Room, error) {
	return save(ctx, s, roomKind, f.Parse)
}

// roomKind is how a room is saved, after the checks that need the database:
// the premises exist, and no other room of the same premises in use has
// the same name (a lease naming "Systue" must be unambiguous).
var roomKind = &kind[Room]{
	entity: "lokale",
	id:     func(r *Room) *int64 { return &r.ID },
	check:  checkRoom,
	row: func(r Room) row {
		return row{table: "rooms", created: true,
			cols: []string{"premises_id", "name", "sort_key", "search_text", "area_m2", "kind", "shared", "notes"},
			args: []any{r.PremisesID, r.Name, dk.SortKey(r.Name), roomSearchText(r), r.AreaM2, string(r.Kind), r.Shared, r.Notes}}
	},
	detail: func(r Room) string { return r.PremisesName + " · " + r.Name },
	read:   (*Store).Room,
}

func checkRoom(ctx context.Context, _ *Store, tx dbtx, r *Room, _ bool) error {
	var c checker
	var premisesName string
	var premisesArchived sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT name, archived_at FROM premises WHERE id = ?`, r.PremisesID).
		Scan(&premisesName, &premisesArchived)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		c.add("PremisesID", "Ejendom", "missing", fmt.Sprintf("ejendom %d findes ikke", r.PremisesID))
	case err != nil:
		return err
	case premisesArchived.Valid && r.ID == 0:
		c.add("PremisesID", "Ejendom", "archived", premisesName+" er arkiveret; genskab ejendommen først")
	default:
		var twin int64
		lo, hi := sameNameRange(r.Name)
		err := tx.QueryRowContext(ctx, `SELECT id FROM rooms WHERE premises_id = ? AND sort_key >= ? AND sort_key < ?
			AND id <> ? AND archived_at IS NULL`, r.PremisesID, lo, hi, r.ID).Scan(&twin)
		if err == nil {
			c.add("Name", "Navn", "duplicate", "der er allerede et lokale med navnet "+r.Name+" i "+premisesName)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	r.PremisesName = premisesName
	return c.err()
}

// sameNameRange is the range of sort keys of the names that collate equal
// to name ("Systue", "systue", "Sýstue"): a sort key is the primary
// collation key, a 0x00 terminator and the name itself, and no primary key
// holds 0x00, so those keys are exactly the ones in [primary 00, primary 01).
func sameNameRange(name string) (lo, hi []byte) {
	k := dk.SortKey(name)
	primary := k[:len(k)-len(name)-1]
	lo = append(append([]byte{}, primary...), 0x00)
	hi = append(append([]byte{}, primary...), 0x01)
	return lo, hi
}

// roomSearchText is what search-as-you-type matches for a room (in the room
// list and in the lease list): its name, its premises and its kind.
func roomSearchText(r Room) string {
	return dk.Fold(strings.Join([]string{r.Name, r.PremisesName, r.Kind.Label()}, " "))
}

// refreshRoomSearch recomputes the search text of the rooms of premises
// premisesID, after the premises were renamed.
func refreshRoomSearch(ctx context.Context, tx dbtx, premisesID int64) error {
	rooms, err := queryAll(ctx, tx, func(row scanner) (Room, error) {
		var r Room
		err := row.Scan(&r.ID, &r.Name, &r.Kind, &r.PremisesName)
		return r, err
	}, `SELECT r.id, r.name, r.kind, p.name FROM rooms r JOIN premises p ON p.id = r.premises_id
		WHERE r.premises_id = ?`, premisesID)
	if err != nil {
		return err
	}
	for _, r := range rooms {
		if _, err := tx.ExecContext(ctx, `UPDATE rooms SET search_text = ? WHERE id = ?`, roomSearchText(r), r.ID); err != nil {
			return err
		}
	}
	return nil
}

const roomColumns = `r.id, r.premises_id, p.name, r.name, r.area_m2, r.kind, r.shared, r.notes, r.archived_at,
	r.created_at, r.updated_at`

const roomFrom = ` FROM rooms r JOIN premises p ON p.id = r.premises_id`

func scanRoom(row scanner) (Room, error) {
	var r Room
	var archived sql.NullString
	var created, updated string
	err := row.Scan(&r.ID, &r.PremisesID, &r.PremisesName, &r.Name, &r.AreaM2, &r.Kind, &r.Shared, &r.Notes,
		&archived, &created, &updated)
	r.ArchivedAt = instantCol(archived)
	r.CreatedAt = instantCol(sql.NullString{String: created, Valid: true})
	r.UpdatedAt = instantCol(sql.NullString{String: updated, Valid: true})
	return r, err
}

func (s *Store) queryRooms(ctx context.Context, q string, args ...any) ([]Room, error) {
	return queryAll(ctx, s.db, scanRoom, q, args...)
}

// Room reads one room, archived or not.
func (s *Store) Room(ctx context.Context, id int64) (Room, error) {
	return queryOne(ctx, s.db, scanRoom, "lokale", id, "SELECT "+roomColumns+roomFrom+" WHERE r.id = ?", id)
}

// RoomsByID reads the rooms with the given ids (archived or not), in
// Danish order by premises and name; ids that do not exist are left out.
func (s *Store) RoomsByID(ctx context.Context, ids []int64) ([]Room, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := idList(ids)
	return s.queryRooms(ctx, "SELECT "+roomColumns+roomFrom+" WHERE r.id IN ("+in+") ORDER BY p.sort_key, p.id, r.sort_key, r.id", args...)
}

// idList is "?, ?, ?" and its arguments for an IN (…) list.
func idList(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", "), args
}

// RoomQuery selects rooms (and their premises) for a list.
type RoomQuery struct {
	Text     string // search-as-you-type: room name, premises name, kind; for premises also address and city
	Archived bool   // include archived premises and rooms
	Limit    int    // 0 means 100
	Offset   int
}

func (q RoomQuery) limit() int {
	if q.Limit <= 0 {
		return 100
	}
	return q.Limit
}

// roomWhere filters rooms (alias r, premises p): every typed word must occur
// in the room's folded search text.
func (q RoomQuery) roomWhere() (string, []any) {
	where := []string{"1"}
	var args []any
	if !q.Archived {
		where = append(where, "r.archived_at IS NULL AND p.archived_at IS NULL")
	}
	for _, word := range strings.Fields(dk.Fold(q.Text)) {
		where = append(where, "instr(r.search_text, ?) > 0")
		args = append(args, word)
	}
	return strings.Join(where, " AND "), args
}

// SearchRooms returns one page of rooms in Danish order by premises, then
// room: the lease form's choice of rooms.
func (s *Store) SearchRooms(ctx context.Context, q RoomQuery) ([]Room, error) {
	where, args := q.roomWhere()
	args = append(args, q.limit(), q.Offset)
	return s.queryRooms(ctx, "SELECT "+roomColumns+roomFrom+" WHERE "+where+
		" ORDER BY p.sort_key, p.id, r.sort_key, r.id LIMIT ? OFFSET ?", args...)
}

// CountRooms counts what SearchRooms would list without a limit.
func (s *Store) CountRooms(ctx context.Context, q RoomQuery) (int, error) {
	where, args := q.roomWhere()
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*)"+roomFrom+" WHERE "+where, args...).Scan(&n)
	return n, err
}

// PremisesRow is one line of the rooms list, which groups rooms under their
// premises: either the premises themselves (Room.ID is 0) or one room.
type PremisesRow struct {
	Premises Premises
	Room     Room
}

// IsRoom tells whether the row is a room rather than its premises' heading.
func (r PremisesRow) IsRoom() bool { return r.Room.ID != 0 }

// premisesRowsUnion is the grouped list as (premises key, premises id,
// 0 for premises / 1 for a room, room key, room id): premises show when
// they match or hold a matching room; rooms when they match.
func (q RoomQuery) premisesRowsUnion() (string, []any) {
	roomWhere, roomArgs := q.roomWhere()
	premWhere := []string{"1"}
	var premArgs []any
	if !q.Archived {
		premWhere = append(premWhere, "p.archived_at IS NULL")
	}
	words := strings.Fields(dk.Fold(q.Text))
	if len(words) > 0 {
		var match []string
		for _, w := range words {
			match = append(match, "instr(p.search_text, ?) > 0")
			premArgs = append(premArgs, w)
		}
		premWhere = append(premWhere, "(("+strings.Join(match, " AND ")+") OR EXISTS (SELECT 1 FROM rooms r WHERE r.premises_id = p.id AND "+roomWhere+"))")
		premArgs = append(premArgs, roomArgs...)
	}
	q1 := "SELECT p.sort_key AS pk, p.id AS pid, 0 AS is_room, x'' AS rk, 0 AS rid FROM premises p WHERE " + strings.Join(premWhere, " AND ")
	q2 := "SELECT p.sort_key, p.id, 1, r.sort_key, r.id" + roomFrom + " WHERE " + roomWhere
	return q1 + " UNION ALL " + q2, append(premArgs, roomArgs...)
}

// SearchPremisesRows returns one page of the grouped rooms list: each
// premises followed by its rooms, both in Danish order.
func (s *Store) SearchPremisesRows(ctx context.Context, q RoomQuery) ([]PremisesRow, error) {
	union, args := q.premisesRowsUnion()
	args = append(args, q.limit(), q.Offset)
	type key struct{ premises, room int64 }
	keys, err := queryAll(ctx, s.db, func(row scanner) (key, error) {
		var k key
		err := row.Scan(&k.premises, &k.room)
		return k, err
	}, "SELECT pid, rid FROM ("+union+") ORDER BY pk, pid, is_room, rk, rid LIMIT ? OFFSET ?", args...)
	if err != nil {
		return nil, err
	}
	premises := map[int64]Premises{}
	var roomIDs []int64
	for _, k := range keys {
		if k.room != 0 {
			roomIDs = append(roomIDs, k.room)
		} else if _, ok := premises[k.premises]; !ok {
			p, err := s.Premises(ctx, k.premises)
			if err != nil {
				return nil, err
			}
			premises[k.premises] = p
		}
	}
	rooms, err := s.RoomsByID(ctx, roomIDs)
	if err != nil {
		return nil, err
	}
	byID := map[int64]Room{}
	for _, r := range rooms {
		byID[r.ID] = r
	}
	out := make([]PremisesRow, 0, len(keys))
	for _, k := range keys {
		row := PremisesRow{Room: byID[k.room]}
		if p, ok := premises[k.premises]; ok {
			row.Premises = p
		} else {
			row.Premises = Premises{ID: k.premises, Name: row.Room.PremisesName}
		}
		out = append(out, row)
	}
	return out, nil
}

// CountPremisesRows counts what SearchPremisesRows would list without a limit.
func (s *Store) CountPremisesRows(ctx context.Context, q RoomQuery) (int, error) {
	union, args := q.premisesRowsUnion()
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM ("+union+")", args...).Scan(&n)
	return n, err
}

// ArchiveRoom hides a room from the lists and the lease form; leases that
// let it keep it.
func (s *Store) ArchiveRoom(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "rooms", "lokale", id, true)
}

// RestoreRoom brings an archived room back.
func (s *Store) RestoreRoom(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "rooms", "lokale", id, false)
}
