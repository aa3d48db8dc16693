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

// Premises is a building with an address whose rooms are let, such as
// Kvarterhuset on Motalavej.
type Premises struct {
	ID        int64
	Name      string
	Address   string
	Postcode  string
	City      string
	OwnerID   int64  // the organisation that owns it; 0 if not recorded
	OwnerName string // read from the store
	Notes     string
	// The land register's identification of the property: matrikelnummer
	// ("12a") within an ejerlav ("Korsør Købstads Bygrunde"); both or none.
	CadastralNumber   string
	CadastralDistrict string
	// Read from the store: the premises' rooms that are not archived.
	RoomCount  int
	AreaM2     float64
	ArchivedAt time.Time
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Archived tells whether the premises are archived.
func (p Premises) Archived() bool { return !p.ArchivedAt.IsZero() }

// PremisesForm is premises as typed into the form or a CSV row.
type PremisesForm struct {
	ID       int64
	Name     string
	Address  string
	Postcode string
	City     string
	OwnerID  int64
	Notes    string
	// CadastralNumber and CadastralDistrict: matrikelnummer and ejerlav.
	CadastralNumber   string
	CadastralDistrict string
}

// Form returns the premises as the form shows them.
func (p Premises) Form() PremisesForm {
	return PremisesForm{ID: p.ID, Name: p.Name, Address: p.Address, Postcode: p.Postcode, City: p.City,
		OwnerID: p.OwnerID, Notes: p.Notes, CadastralNumber: p.CadastralNumber, CadastralDistrict: p.CadastralDistrict}
}

// Parse checks the form and returns the premises it describes.
func (f PremisesForm) Parse() (Premises, error) {
	var c checker
	p := Premises{ID: f.ID, OwnerID: f.OwnerID}
	p.Name = c.required("Name", "Navn", f.Name)
	c.noCPR("Name", "Navn", p.Name)
	p.Address = c.freeText("Address", "Adresse", f.Address)
	p.Postcode = strings.TrimSpace(f.Postcode)
	if p.Postcode != "" && !isDigits(p.Postcode, 4) {
		c.add("Postcode", "Postnummer", "postcode", "skal være 4 cifre ("+p.Postcode+")")
	}
	p.City = c.freeText("City", "By", f.City)
	p.Notes = c.freeText("Notes", "Noter", f.Notes)
	p.CadastralNumber, p.CadastralDistrict = parseCadastre(&c, f.CadastralNumber, f.CadastralDistrict)
	return p, c.err()
}

// SavePremises validates the form and creates or updates the premises.
func (s *Store) SavePremises(ctx context.Context, f PremisesForm) (Premises, error) {
	return save(ctx, s, premisesKind, f.Parse)
}

// premisesKind is how premises are saved, after the checks that need the
// database: the owner exists, and no other premises in use have the same
// name (two "Kvarterhuset" would make every room ambiguous).
var premisesKind = &kind[Premises]{
	entity: "ejendom",
	id:     func(p *Premises) *int64 { return &p.ID },
	check: func(ctx context.Context, _ *Store, tx dbtx, p *Premises, _ bool, _ *ValidationError) error {
		var c checker
		if p.OwnerID != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM organisations WHERE id = ?`, p.OwnerID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				c.add("OwnerID", "Ejer", "missing", fmt.Sprintf("organisation %d findes ikke", p.OwnerID))
			}
		}
		var twin int64
		lo, hi := sameNameRange(p.Name)
		err := tx.QueryRowContext(ctx, `SELECT id FROM premises WHERE sort_key >= ? AND sort_key < ? AND id <> ?
			AND archived_at IS NULL`, lo, hi, p.ID).Scan(&twin)
		if err == nil {
			c.add("Name", "Navn", "duplicate", "der er allerede en ejendom med navnet "+p.Name)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		return c.err()
	},
	row: func(p Premises) row {
		return row{table: "premises", created: true,
			cols: []string{"name", "sort_key", "search_text", "address", "postcode", "city", "owner_id", "notes", "cadastral_number", "cadastral_district"},
			args: []any{p.Name, dk.SortKey(p.Name), premisesSearchText(p), p.Address, p.Postcode, p.City, nilIfZero(p.OwnerID), p.Notes, p.CadastralNumber, p.CadastralDistrict}}
	},
	after: func(ctx context.Context, tx dbtx, p Premises, created bool, _ string) error {
		if created {
			return nil
		}
		return refreshRoomSearch(ctx, tx, p.ID) // the rooms' search text holds the premises' name
	},
	detail: func(p Premises) string { return p.Name },
	read:   (*Store).Premises,
}

// premisesSearchText is what search-as-you-type matches for premises.
func premisesSearchText(p Premises) string {
	return dk.Fold(strings.Join([]string{p.Name, p.Address, p.Postcode, p.City}, " "))
}

const premisesColumns = `p.id, p.name, p.address, p.postcode, p.city, p.owner_id, coalesce(o.name, ''), p.notes,
	p.cadastral_number, p.cadastral_district, p.archived_at, p.created_at, p.updated_at,
	(SELECT count(*) FROM rooms r WHERE r.premises_id = p.id AND r.archived_at IS NULL),
	(SELECT total(r.area_m2) FROM rooms r WHERE r.premises_id = p.id AND r.archived_at IS NULL)`

const premisesFrom = ` FROM premises p LEFT JOIN organisations o ON o.id = p.owner_id`

func scanPremises(row scanner) (Premises, error) {
	var p Premises
	var owner sql.NullInt64
	var archived sql.NullString
	var created, updated string
	err := row.Scan(&p.ID, &p.Name, &p.Address, &p.Postcode, &p.City, &owner, &p.OwnerName, &p.Notes,
		&p.CadastralNumber, &p.CadastralDistrict, &archived, &created, &updated, &p.RoomCount, &p.AreaM2)
	p.OwnerID = owner.Int64
	p.ArchivedAt = instantCol(archived)
	p.CreatedAt = instantCol(sql.NullString{String: created, Valid: true})
	p.UpdatedAt = instantCol(sql.NullString{String: updated, Valid: true})
	return p, err
}

// Premises reads one premises, archived or not.
func (s *Store) Premises(ctx context.Context, id int64) (Premises, error) {
	return queryOne(ctx, s.db, scanPremises, "ejendom", id, "SELECT "+premisesColumns+premisesFrom+" WHERE p.id = ?", id)
}

// AllPremises lists the premises in Danish order, for the room form's
// choice of building; archived ones only when asked.
func (s *Store) AllPremises(ctx context.Context, withArchived bool) ([]Premises, error) {
	return queryAll(ctx, s.db, scanPremises, "SELECT "+premisesColumns+premisesFrom+
		" WHERE (? OR p.archived_at IS NULL) ORDER BY p.sort_key, p.id", withArchived)
}

// ArchivePremises hides premises from the lists; their rooms and leases stay.
func (s *Store) ArchivePremises(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "premises", "ejendom", id, true)
}

// RestorePremises brings archived premises back into the lists.
func (s *Store) RestorePremises(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "premises", "ejendom", id, false)
}
