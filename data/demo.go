package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNotEmpty refuses to load the demo case over real data.
var ErrNotEmpty = errors.New("databasen er ikke tom; eksemplet indlæses kun i en tom database")

// The demo case comes from the municipal memo behind the program (Slagelse
// Kommune, 23.2.2015): the real organisations, invented contact people (the
// demo must not put real people's names on records they never made), and
// plausible example figures where the memo gives none, marked as examples.
// A unit comes after the legal person it acts for (its parent).
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
	{key: "boligkorsoer", form: OrganisationForm{Name: "BoligKorsør", Kind: "boligorganisation", City: "Korsør",
		Role: "Boligorganisation; udlejer lokaler i Kvarterhuset efter lov om almene boliger"}},
	{key: "helhedsplan", parent: "boligkorsoer", form: OrganisationForm{Name: "Boligsocial helhedsplan Motalavej", Kind: "helhedsplan",
		Address: "Motalavej", Postcode: "4220", City: "Korsør",
		Role: "Styregruppen godkender virksomhederne som del af helhedsplanen; kommunal medfinansiering til 30.9.2017"}},
	{key: "jobenheden", parent: "kommune", form: OrganisationForm{Name: "Jobenheden, Projekt Ringparken og Motalavej", Kind: "kommunal_enhed", City: "Korsør",
		Role: "Lokalt beskæftigelsesprojekt; opnåede puljen på 1.700.000,00 kr. bag Fra de varme lande"}},
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

// LoadDemo fills an empty database with the seed's case in one
// transaction, and then plans the next meeting from what it holds.
func (s *Store) LoadDemo(ctx context.Context) error {
	if err := s.loadDemo(ctx); err != nil {
		return err
	}
	return s.demoPlannedMeeting(ctx)
}

func (s *Store) loadDemo(ctx context.Context) error {
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
				o, err = organisationKind.write(ctx, s, tx, o)
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
				_, err = contactKind.write(ctx, s, tx, k)
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
	if err := s.demoPremises(ctx, tx, org); err != nil {
		return err
	}
	if err := s.demoStaffing(ctx, tx, org); err != nil {
		return err
	}
	if err := s.demoPartnership(ctx, tx); err != nil {
		return err
	}
	_, err := exec(`INSERT INTO settings (key, value) VALUES ('default_place', 'Korsør'),
		('organisation_name', 'Slagelse Kommune, Center for Arbejdsmarked og Integration')
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
	if err != nil {
		return err
	}
	return logEvent(ctx, tx, now, "indlæst", "eksempel", 0, "Eksemplet fra kommissoriet (Slagelse Kommune, 23.2.2015)")
}

// demoPremises adds Kvarterhuset, its rooms and the two enterprises' leases
// through the same saves as the forms, so the demo obeys every rule.
func (s *Store) demoPremises(ctx context.Context, tx *sql.Tx, org map[string]int64) error {
	p, err := PremisesForm{Name: "Kvarterhuset", Address: "Motalavej", Postcode: "4220", City: "Korsør",
		OwnerID: org["boligkorsoer"], CadastralNumber: "1234a", CadastralDistrict: "Korsør Købstads Bygrunde",
		Notes: "Fællesareal i afdelingen; finansieret gennem helhedsplanen. Matrikelnummeret er et eksempel."}.Parse()
	if err == nil {
		p, err = premisesKind.write(ctx, s, tx, p)
	}
	if err != nil {
		return fmt.Errorf("eksempel: Kvarterhuset: %w", err)
	}
	room := map[string]int64{}
	for _, f := range []RoomForm{
		{Name: "Systue", Kind: "vaerksted", Area: "48"},
		{Name: "Lager ved systuen", Kind: "lager", Area: "12"},
		{Name: "Køkken", Kind: "koekken", Area: "36"},
		{Name: "Café", Kind: "cafe", Area: "60"},
		{Name: "Mødelokale", Kind: "moedelokale", Area: "25", Shared: "ja"},
	} {
		f.PremisesID, f.Notes = p.ID, "Areal er et eksempel."
		r, err := f.Parse()
		if err == nil {
			r, err = roomKind.write(ctx, s, tx, r)
		}
		if err != nil {
			return fmt.Errorf("eksempel: lokale %s: %w", f.Name, err)
		}
		room[f.Name] = r.ID
	}
	leases := []struct {
		tenant, start, use, rent string
		rooms                    []string
	}{
		{"bevar", "1.9.2015", "Systue: genbrug og re-design af tekstiler, salg fra værkstedet", "650,00", []string{"Systue", "Lager ved systuen"}},
		{"varmelande", "1.10.2015", "Produktionskøkken og café med catering", "700,00", []string{"Køkken", "Café"}},
	}
	for _, d := range leases {
		f := NewLeaseForm()
		f.LandlordID, f.TenantID = org["boligkorsoer"], org[d.tenant]
		for _, name := range d.rooms {
			f.RoomIDs = append(f.RoomIDs, room[name])
		}
		f.Start, f.Handover, f.Use, f.Rent = d.start, d.start, d.use, d.rent
		f.NonTerminableMonths, f.NoticeMonthsLandlord, f.NoticeMonthsTenant = "12", "6", "3"
		f.RentAdjustment, f.RentAdjustmentMonth = string(AdjustNetPrice), "januar"
		f.ResidentsOn, f.ResidentsRef = "27.5.2015", "Afdelingsmøde 27.5.2015 (eksempel)"
		f.BoardOn, f.BoardRef = "16.6.2015", "Organisationsbestyrelsen 16.6.2015 (eksempel)"
		f.Notes = "Husleje, depositum og vilkår er eksempler."
		l, err := f.Parse()
		if err == nil {
			_, err = leaseKind.write(ctx, s, tx, l)
		}
		if err != nil {
			return fmt.Errorf("eksempel: lejemål for %s: %w", d.tenant, err)
		}
	}
	return nil
}

// demoStaffing adds the enterprises' planned positions and the people placed
// in them, by initials or a pseudonym ("Syerske 3", "Kok 2"), through the
// same rules as the form. "Syerske 3"'s case has closed, so her placement
// shows under "Til sletning" once its delete-by date has passed.
func (s *Store) demoStaffing(ctx context.Context, tx *sql.Tx, org map[string]int64) error {
	ids := func(q string) (map[string]int64, error) {
		rows, err := tx.QueryContext(ctx, q)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		m := map[string]int64{}
		for rows.Next() {
			var key string
			var id int64
			if err := rows.Scan(&key, &id); err != nil {
				return nil, err
			}
			m[key] = id
		}
		return m, rows.Err()
	}
	schemes, err := ids(`SELECT code, id FROM schemes`)
	if err != nil {
		return err
	}
	groups, err := ids(`SELECT name, id FROM target_groups`)
	if err != nil {
		return err
	}
	positions := []struct{ org, title, hours, count string }{
		{"bevar", "Syerske", "20", "5"}, {"bevar", "Butiksmedhjælper", "15", "3"},
		{"varmelande", "Køkkenmedhjælper", "25", "5"}, {"varmelande", "Caféassistent", "20", "3"},
	}
	pos := map[string]int64{}
	for _, d := range positions {
		f := PositionForm{OrganisationID: org[d.org], Title: d.title, HoursPerWeek: d.hours, Count: d.count,
			Notes: "Antal er et eksempel."}
		p, err := f.Parse()
		if err == nil {
			p, err = positionKind.write(ctx, s, tx, p)
		}
		if err != nil {
			return fmt.Errorf("eksempel: stilling %s: %w", d.title, err)
		}
		pos[d.title] = p.ID
	}
	placements := []struct {
		who, org, position, scheme, group, start, end, closed, hours, resident string
	}{
		{"A.B.", "bevar", "Syerske", "fleksjob", "Ledige fleksjobbere", "2015-10-01", "", "", "12", "ja"},
		{"K.M.", "bevar", "Syerske", "fleksjob", "Ledige fleksjobbere", "2015-11-01", "", "", "15", "nej"},
		{"Syerske 3", "bevar", "Syerske", "praktik", "Kvinder 30–50 år uden tilknytning til arbejdsmarkedet", "2015-10-15", "2016-01-07", "2016-01-29", "20", "ja"},
		{"L.H.", "bevar", "Butiksmedhjælper", "loentilskud", "Beboere i området", "2016-01-04", "", "", "25", "ja"},
		{"S.F.", "varmelande", "Køkkenmedhjælper", "fleksjob", "Ledige fleksjobbere", "2015-11-01", "", "", "10", "nej"},
		{"N.A.", "varmelande", "Køkkenmedhjælper", "praktik", "Kvinder 30–50 år uden tilknytning til arbejdsmarkedet", "2015-11-02", "", "", "20", "ja"},
		{"Kok 2", "varmelande", "Caféassistent", "ordinaer", "Andre", "2016-02-01", "", "", "30", "nej"},
		{"F.Y.", "varmelande", "Køkkenmedhjælper", "frivillig", "Beboere i området", "2015-10-01", "", "", "6", "ja"},
	}
	for _, d := range placements {
		f := PlacementForm{Pseudonym: d.who, OrganisationID: org[d.org], PositionID: pos[d.position],
			SchemeID: schemes[d.scheme], TargetGroupID: groups[d.group], HoursPerWeek: d.hours, Resident: d.resident,
			Start: d.start, End: d.end, CaseClosedOn: d.closed, Notes: "Eksempel."}
		p, err := f.Parse()
		if err == nil {
			_, err = placementKind.write(ctx, s, tx, p)
		}
		if err != nil {
			return fmt.Errorf("eksempel: placering %s: %w", d.who, err)
		}
	}
	return nil
}
