package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"partnerskab/data/dk"
)

// ErrNotEmpty refuses to load the demo case over real data.
var ErrNotEmpty = errors.New("databasen er ikke tom; eksemplet indlæses kun i en tom database")

// The demo case comes from the municipal memo behind the program (Slagelse
// Kommune, 23.2.2015): the real organisations, invented contact people (the
// demo must not put real people's names on records they never made), and
// plausible example figures where the memo gives none, marked as examples.
var demoOrganisations = []struct {
	key    string
	parent string
	form   OrganisationForm
}{
	{key: "kommune", form: OrganisationForm{Name: "Slagelse Kommune", Kind: "kommune", CVR: "29188505",
		Address: "Rådhuspladsen 11", Postcode: "4200", City: "Slagelse",
		Role: "Kommunen; prioriterer etablering af socialøkonomiske virksomheder"}},
	{key: "cai", parent: "kommune", form: OrganisationForm{Name: "Center for Arbejdsmarked og Integration", Kind: "kommunal_enhed",
		CVR: "29188505", City: "Slagelse",
		Role: "Projektledelse sammen med Sekstanten; jobcentrets business case om 30 fleksjobbere"}},
	{key: "jobcenter", parent: "kommune", form: OrganisationForm{Name: "Jobcenter Slagelse", Kind: "kommunal_enhed",
		CVR: "29188505", City: "Slagelse",
		Role: "Visitation af fleksjobbere og ledige; jobcentrets rolle afklares i samarbejdet"}},
	{key: "sekstanten", form: OrganisationForm{Name: "Sekstanten", Kind: "sekretariat", City: "Slagelse",
		Role: "Sekretariat for de boligsociale helhedsplaner; projektledelse; styregruppen følger målene"}},
	{key: "helhedsplan", form: OrganisationForm{Name: "Boligsocial helhedsplan Motalavej", Kind: "helhedsplan",
		Address: "Motalavej", Postcode: "4220", City: "Korsør",
		Role: "Styregruppen godkender virksomhederne som del af helhedsplanen; kommunal medfinansiering til 30.9.2017"}},
	{key: "boligkorsoer", form: OrganisationForm{Name: "BoligKorsør", Kind: "boligorganisation", City: "Korsør",
		Role: "Boligorganisation; udlejer lokaler i Kvarterhuset efter lov om almene boliger"}},
	{key: "jobenheden", form: OrganisationForm{Name: "Jobenheden, Projekt Ringparken og Motalavej", Kind: "andet", City: "Korsør",
		Role: "Lokalt beskæftigelsesprojekt; opnåede puljen på 1,7 mio. kr. bag Fra de varme lande"}},
	{key: "bevar", form: OrganisationForm{Name: "Bevar", Kind: "virksomhed", RSV: "ukendt",
		Address: "Kvarterhuset, Motalavej", Postcode: "4220", City: "Korsør",
		Role:       "Systue med genbrug og re-design af brugte tekstiler; ejerledet",
		Notes:      "Kerneområder: inklusion, jobskabelse og formidling af forbilleder. Godkendelsesdato og reference er eksempler.",
		ApprovedOn: "14.4.2015", ApprovalRef: "Styregruppemøde 14.4.2015, punkt 3 (eksempel)"}},
	{key: "varmelande", form: OrganisationForm{Name: "Fra de varme lande", Kind: "virksomhed", RSV: "ukendt",
		Address: "Kvarterhuset, Motalavej", Postcode: "4220", City: "Korsør",
		Role:  "Catering, café og køkken; startet på en puljebevilling på 1.700.000,00 kr.",
		Notes: "Kerneområder: inklusion, jobskabelse og udvikling af kendte kompetencer. Afventer styregruppens godkendelse."}},
}

var demoContacts = []struct {
	org  string
	form ContactForm
}{
	{"cai", ContactForm{Name: "Mette Lindholm", Title: "Specialkonsulent, socialøkonomi", Email: "mette.lindholm@example.dk",
		Phone: "58 57 00 01", Role: "Projektleder (kommunen)", ValidFrom: "1.1.2015", Notes: "Opdigtet person (eksempel)."}},
	{"cai", ContactForm{Name: "Thomas Ærenlund", Title: "Projekt- og udviklingskonsulent", Email: "thomas.aerenlund@example.dk",
		Phone: "58 57 00 02", Role: "Projektgruppen", ValidFrom: "1.1.2015", Notes: "Opdigtet person (eksempel)."}},
	{"sekstanten", ContactForm{Name: "Jens Aagaard", Title: "Sekretariatsleder", Email: "jens.aagaard@example.dk",
		Phone: "58 57 00 03", Role: "Projektleder (Sekstanten)", ValidFrom: "1.1.2015", Notes: "Opdigtet person (eksempel)."}},
	{"helhedsplan", ContactForm{Name: "Sofie Krogh", Title: "Projektleder", Email: "sofie.krogh@example.dk",
		Phone: "58 57 00 04", Role: "Projektgruppen; helhedsplanens projektleder", ValidFrom: "1.1.2015", Notes: "Opdigtet person (eksempel)."}},
	{"jobenheden", ContactForm{Name: "Amina Hadžić", Title: "Koordinator", Email: "amina.hadzic@example.dk",
		Phone: "58 57 00 05", Role: "Projektgruppen; initiativtager til Fra de varme lande", ValidFrom: "1.1.2015", Notes: "Opdigtet person (eksempel)."}},
	{"bevar", ContactForm{Name: "Lene Østergaard", Title: "Indehaver", Email: "lene@example.dk",
		Phone: "20 00 00 06", Role: "Ejer og daglig leder", ValidFrom: "1.1.2015", Notes: "Opdigtet person (eksempel)."}},
	{"varmelande", ContactForm{Name: "Yasmin Haddad", Title: "Daglig leder", Email: "yasmin@example.dk",
		Phone: "20 00 00 07", Role: "Daglig leder af køkken og café", ValidFrom: "1.8.2015", Notes: "Opdigtet person (eksempel)."}},
	{"boligkorsoer", ContactForm{Name: "Peter Bech", Title: "Forretningsfører", Email: "peter.bech@example.dk",
		Phone: "58 57 00 08", Role: "Udlejers kontaktperson", ValidFrom: "1.1.2015", Notes: "Opdigtet person (eksempel)."}},
}

// LoadDemo fills an empty database with the seed's case in one transaction.
func (s *Store) LoadDemo(ctx context.Context) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM premises)
			+ (SELECT count(*) FROM placements) + (SELECT count(*) FROM targets)`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrNotEmpty
		}
		ids := map[string]int64{}
		for _, d := range demoOrganisations {
			f := d.form
			f.ParentID = ids[d.parent]
			o, err := f.Parse()
			if err == nil {
				o, err = s.saveOrganisation(ctx, tx, o)
			}
			if err != nil {
				return fmt.Errorf("eksempel %s: %w", d.form.Name, err)
			}
			ids[d.key] = o.ID
		}
		for _, d := range demoContacts {
			f := d.form
			f.OrganisationID = ids[d.org]
			k, err := f.Parse()
			if err == nil {
				_, err = s.saveContact(ctx, tx, k)
			}
			if err != nil {
				return fmt.Errorf("eksempel %s: %w", d.form.Name, err)
			}
		}
		return s.demoRegisters(ctx, tx, ids)
	})
}

// demoRegisters adds the premises, rooms, leases, staffing and targets.
func (s *Store) demoRegisters(ctx context.Context, tx *sql.Tx, org map[string]int64) error {
	now := s.nowText()
	exec := func(q string, args ...any) (int64, error) {
		res, err := tx.ExecContext(ctx, q, args...)
		if err != nil {
			return 0, fmt.Errorf("eksempel: %w", err)
		}
		return res.LastInsertId()
	}
	house, err := exec(`INSERT INTO premises (name, sort_key, address, postcode, city, owner_id, notes, created_at, updated_at)
		VALUES ('Kvarterhuset', ?, 'Motalavej', '4220', 'Korsør', ?, 'Fællesareal i afdelingen; finansieret gennem helhedsplanen.', ?, ?)`,
		dk.SortKey("Kvarterhuset"), org["boligkorsoer"], now, now)
	if err != nil {
		return err
	}
	rooms := []struct {
		name, kind string
		m2         float64
		shared     int
	}{
		{"Systue", "vaerksted", 48, 0}, {"Lager ved systuen", "lager", 12, 0},
		{"Køkken", "koekken", 36, 0}, {"Café", "cafe", 60, 0}, {"Mødelokale", "moedelokale", 25, 1},
	}
	room := map[string]int64{}
	for _, r := range rooms {
		id, err := exec(`INSERT INTO rooms (premises_id, name, sort_key, area_m2, kind, shared, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, 'Areal er et eksempel.', ?, ?)`, house, r.name, dk.SortKey(r.name), r.m2, r.kind, r.shared, now, now)
		if err != nil {
			return err
		}
		room[r.name] = id
	}
	leases := []struct {
		tenant, start, use string
		rooms              []string
		rentKr             int64
	}{
		{"bevar", "2015-09-01", "Systue: genbrug og re-design af tekstiler, salg fra værkstedet", []string{"Systue", "Lager ved systuen"}, 650},
		{"varmelande", "2015-10-01", "Produktionskøkken og café med catering", []string{"Køkken", "Café"}, 700},
	}
	for _, l := range leases {
		id, err := exec(`INSERT INTO leases (landlord_id, tenant_id, start_on, handover_on, non_terminable_months,
			notice_months_landlord, notice_months_tenant, rent_ore_per_m2_year, deposit_months, utilities, use, vat,
			subletting, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, 12, 6, 3, ?, 3, 'aconto', ?, 0, 0, 'Husleje, depositum og vilkår er eksempler.', ?, ?)`,
			org["boligkorsoer"], org[l.tenant], l.start, l.start, l.rentKr*100, l.use, now, now)
		if err != nil {
			return err
		}
		for _, r := range l.rooms {
			if _, err := exec(`INSERT INTO lease_rooms (lease_id, room_id) VALUES (?, ?)`, id, room[r]); err != nil {
				return err
			}
		}
		for _, a := range []struct{ body, on, ref string }{
			{"afdelingsmoede", "2015-05-27", "Afdelingsmøde 27.5.2015 (eksempel)"},
			{"bestyrelse", "2015-06-16", "Organisationsbestyrelsen 16.6.2015 (eksempel)"},
		} {
			if _, err := exec(`INSERT INTO approvals (body, lease_id, approved_on, reference, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)`, a.body, id, a.on, a.ref, now, now); err != nil {
				return err
			}
		}
	}
	scheme := func(code string) (int64, error) {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM schemes WHERE code = ?`, code).Scan(&id)
		return id, err
	}
	group := func(name string) (int64, error) {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM target_groups WHERE name = ?`, name).Scan(&id)
		return id, err
	}
	positions := []struct {
		org, title string
		hours      float64
		count      int
	}{
		{"bevar", "Syerske", 20, 5}, {"bevar", "Butiksmedhjælper", 15, 3},
		{"varmelande", "Køkkenmedhjælper", 25, 5}, {"varmelande", "Caféassistent", 20, 3},
	}
	pos := map[string]int64{}
	for _, p := range positions {
		id, err := exec(`INSERT INTO positions (organisation_id, title, hours_per_week, count, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, 'Antal er et eksempel.', ?, ?)`, org[p.org], p.title, p.hours, p.count, now, now)
		if err != nil {
			return err
		}
		pos[p.title] = id
	}
	placements := []struct {
		who, org, position, scheme, group, start, end string
		hours                                         float64
		resident                                      int
	}{
		{"A.B.", "bevar", "Syerske", "fleksjob", "Ledige fleksjobbere", "2015-10-01", "", 12, 1},
		{"K.M.", "bevar", "Syerske", "fleksjob", "Ledige fleksjobbere", "2015-11-01", "", 15, 0},
		{"Syerske 3", "bevar", "Syerske", "praktik", "Kvinder 30–50 år uden tilknytning til arbejdsmarkedet", "2015-10-15", "2016-01-07", 20, 1},
		{"L.H.", "bevar", "Butiksmedhjælper", "loentilskud", "Beboere i området", "2016-01-04", "", 25, 1},
		{"S.F.", "varmelande", "Køkkenmedhjælper", "fleksjob", "Ledige fleksjobbere", "2015-11-01", "", 10, 0},
		{"N.A.", "varmelande", "Køkkenmedhjælper", "praktik", "Kvinder 30–50 år uden tilknytning til arbejdsmarkedet", "2015-11-02", "", 20, 1},
		{"Kok 2", "varmelande", "Caféassistent", "ordinaer", "Andre", "2016-02-01", "", 30, 0},
		{"F.Y.", "varmelande", "Køkkenmedhjælper", "frivillig", "Beboere i området", "2015-10-01", "", 6, 1},
	}
	for _, p := range placements {
		sid, err := scheme(p.scheme)
		if err != nil {
			return fmt.Errorf("eksempel: ordning %s: %w", p.scheme, err)
		}
		gid, err := group(p.group)
		if err != nil {
			return fmt.Errorf("eksempel: målgruppe %s: %w", p.group, err)
		}
		if _, err := exec(`INSERT INTO placements (pseudonym, organisation_id, position_id, scheme_id, hours_per_week, resident,
			target_group_id, start_on, end_on, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Eksempel.', ?, ?)`, p.who, org[p.org], pos[p.position], sid, p.hours, p.resident,
			gid, p.start, nilIfEmpty(p.end), now, now); err != nil {
			return err
		}
	}
	targets := []struct {
		name, unit, deadline, measure string
		goal                          float64
		notes                         string
	}{
		{"Arbejdspladser i de to socialøkonomiske virksomheder", "job", "2015-12-31", "besatte_job", 16,
			"Op til 16 arbejdspladser ved etableringen, besat med beboere og folk udefra, heriblandt fleksjobbere."},
		{"Fleksjobbere i socialøkonomiske virksomheder (jobcentrets business case)", "personer", "", "fleksjob", 30,
			"Jobcentrets business case: ansættelse af 30 fleksjobbere med begrænset arbejdsevne."},
		{"Partnerskabet i drift", "milepæl", "2016-03-31", "manuel", 1, "Drift af partnerskabsaftalen primo 2016."},
		{"Projektet forankret i Helhedsplanen Motalavej", "milepæl", "2015-12-31", "manuel", 1, "Forankring inden ultimo 2015."},
	}
	for i, t := range targets {
		if _, err := exec(`INSERT INTO targets (name, goal, unit, deadline, measure, notes, position, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, t.name, t.goal, t.unit, nilIfEmpty(t.deadline), t.measure, t.notes, i+1, now, now); err != nil {
			return err
		}
	}
	_, err = exec(`INSERT INTO settings (key, value) VALUES ('default_place', 'Korsør'),
		('organisation_name', 'Slagelse Kommune, Center for Arbejdsmarked og Integration')
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
	if err != nil {
		return err
	}
	return logEvent(ctx, tx, now, "indlæst", "eksempel", 0, "Eksemplet fra kommissoriet (Slagelse Kommune, 23.2.2015)")
}
