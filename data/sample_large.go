package data

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// SampleSize is how many records BuildSample writes. The benchmarks and the
// performance scripts measure on a sample the size of a large partnership
// run for many years (LargeSample); made-up names and dates, no real person.
type SampleSize struct {
	Enterprises, Premises, RoomsPer, Leases, Placements, Agreements int
	// Landlords are the housing associations (and their side-activity
	// companies) that own the premises and let the rooms.
	Landlords int
}

// LargeSample: 5.000 enterprises, 20.000 rooms in 2.000 premises, 10.000
// leases and 100.000 placements.
var LargeSample = SampleSize{Enterprises: 5_000, Premises: 2_000, RoomsPer: 10, Leases: 10_000,
	Placements: 100_000, Agreements: 3_000, Landlords: 40}

// WithPlacements is the same sample with n placements.
func (s SampleSize) WithPlacements(n int) SampleSize {
	s.Placements = n
	return s
}

// SampleDay is "today" in a sample: its records were written then, and its
// dates spread around it (2013–2026), so what needs a day (the overview's
// 90 days, the placements due for deletion) uses it.
var SampleDay = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

// sampleSchemes are the seeded schemes by code with the share of placements
// each gets (of 100): mostly ordinary and flex jobs, fewer of the rest.
var sampleSchemes = []struct {
	code  string
	share int
}{
	{"ordinaer", 25}, {"fleksjob", 30}, {"loentilskud", 15}, {"praktik", 15}, {"ydelse", 8}, {"frivillig", 7},
}

// BuildSample fills a new database with raw SQL in one transaction (the save
// paths would take minutes): names get their Danish sort keys and folded
// search text as the store writes them, every row satisfies the schema's
// checks and triggers (no two leases of a room overlap), and the same seed
// gives the same file content every run.
func BuildSample(path string, size SampleSize) error {
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	s.Now = func() time.Time { return SampleDay.Add(8 * time.Hour) }
	now := s.nowText()
	// One connection with room for the whole file in its page cache, so the
	// transaction is written once at commit instead of spilling pages as it
	// grows, and the statement journals the triggers need kept in memory.
	s.db.SetMaxOpenConns(1)
	for _, pragma := range []string{`PRAGMA cache_size = -262144`, `PRAGMA temp_store = MEMORY`} {
		if _, err := s.db.ExecContext(ctx, pragma); err != nil {
			return err
		}
	}
	r := rand.New(rand.NewPCG(2026, 3))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	// day returns a date n days after from, as stored.
	day := func(from time.Time, n int) string { return from.AddDate(0, 0, n).Format("2006-01-02") }
	start2013 := time.Date(2013, 1, 1, 0, 0, 0, 0, time.UTC)

	return s.tx(ctx, func(tx *sql.Tx) error {
		prep := func(q string) (*sql.Stmt, error) { return tx.PrepareContext(ctx, q) }
		insOrg, err := prep(`INSERT INTO organisations (name, sort_key, search_text, kind, parent_id, cvr, city, role,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		org := func(name string, kind OrgKind, parent any, cvr, city, role string) (int64, error) {
			o := Organisation{Name: name, Kind: kind, CVR: cvr, City: city, Role: role}
			res, err := insOrg.ExecContext(ctx, name, dk.SortKey(name), orgSearchText(o), string(kind), parent,
				nilIfEmpty(cvr), city, role, now, now)
			if err != nil {
				return 0, fmt.Errorf("organisation %q: %w", name, err)
			}
			return res.LastInsertId()
		}
		cvrN := 0
		nextCVR := func() string {
			for {
				cvrN++
				if c, ok := sampleCVR(cvrN); ok {
					return c
				}
			}
		}

		// The public side: a municipality with two units, a secretariat, a
		// helhedsplan, and the landlords.
		kommune, err := org("Slagelse Kommune", KindMunicipality, nil, "29188505", "Slagelse", "Kommunen")
		if err != nil {
			return err
		}
		for _, name := range []string{"Center for Arbejdsmarked og Integration", "Jobcenter Slagelse"} {
			if _, err := org(name, KindMunicipalUnit, kommune, "29188505", "Slagelse", "Kommunal enhed"); err != nil {
				return err
			}
		}
		if _, err := org("Sekstanten", OrgKind("sekretariat"), nil, "", "Slagelse", "Sekretariat"); err != nil {
			return err
		}
		if _, err := org("Boligsocial helhedsplan Motalavej", OrgKind("helhedsplan"), nil, "", "Korsør", "Helhedsplan"); err != nil {
			return err
		}
		landlords := make([]int64, size.Landlords)
		for i := range landlords {
			name := fmt.Sprintf("Bolig%s %d", pick(nameSecond), i+1)
			if i%2 == 1 {
				name = fmt.Sprintf("Bolig%s %d Udlejning ApS", pick(nameSecond), i)
			}
			if landlords[i], err = org(name, OrgKind("boligorganisation"), nil, nextCVR(), pick(cities), "Udlejer"); err != nil {
				return err
			}
		}

		// The enterprises; the steering group has approved most of them.
		insApproval, err := prep(`INSERT INTO approvals (body, organisation_id, lease_id, approved_on, reference,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		enterprises := make([]int64, size.Enterprises)
		for i := range enterprises {
			name := strings.TrimSpace(pick(nameFirst) + pick(nameSecond) + " " + pick(nameForm))
			cvr := ""
			if r.IntN(10) < 8 {
				cvr = nextCVR()
			}
			if enterprises[i], err = org(name, KindEnterprise, nil, cvr, pick(cities), pick(roles)); err != nil {
				return err
			}
			if r.IntN(100) < 97 {
				if _, err := insApproval.ExecContext(ctx, "styregruppe", enterprises[i], nil,
					day(start2013, r.IntN(4900)), "Styregruppemøde", now, now); err != nil {
					return fmt.Errorf("approval: %w", err)
				}
			}
		}

		// Premises and rooms; each premises' rooms are split into groups of
		// one to three that are let together, one lease after the other.
		insPremises, err := prep(`INSERT INTO premises (name, sort_key, search_text, address, postcode, city, owner_id,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		insRoom, err := prep(`INSERT INTO rooms (premises_id, name, sort_key, search_text, area_m2, kind, shared,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		roomNames := []string{"Systue", "Køkken", "Café", "Mødelokale", "Lager", "Værksted", "Butik", "Kontor",
			"Fællesrum", "Åbent værksted", "Øvelokale", "Ærmeværksted"}
		type roomGroup struct {
			landlord int64
			rooms    []int64
		}
		var groups []roomGroup
		for p := range size.Premises {
			pr := Premises{Name: fmt.Sprintf("%s%s %d", pick(nameFirst), pick([]string{"huset", "centret", "gården", "pavillonen"}), p+1),
				Address: fmt.Sprintf("%svej %d", pick(nameFirst), 1+r.IntN(120)), Postcode: "4220", City: pick(cities)}
			landlord := landlords[r.IntN(len(landlords))]
			res, err := insPremises.ExecContext(ctx, pr.Name, dk.SortKey(pr.Name), premisesSearchText(pr), pr.Address,
				pr.Postcode, pr.City, landlord, now, now)
			if err != nil {
				return fmt.Errorf("premises: %w", err)
			}
			pid, _ := res.LastInsertId()
			var g roomGroup
			for k := range size.RoomsPer {
				room := Room{PremisesName: pr.Name, Name: fmt.Sprintf("%s %d", pick(roomNames), k+1),
					Kind: RoomKinds[r.IntN(len(RoomKinds))]}
				res, err := insRoom.ExecContext(ctx, pid, room.Name, dk.SortKey(room.Name), roomSearchText(room),
					float64(8+r.IntN(120)), string(room.Kind), boolInt(r.IntN(10) == 0), now, now)
				if err != nil {
					return fmt.Errorf("room: %w", err)
				}
				id, _ := res.LastInsertId()
				g.landlord = landlord
				g.rooms = append(g.rooms, id)
				if len(g.rooms) == 3 || r.IntN(2) == 0 || k == size.RoomsPer-1 {
					groups = append(groups, g)
					g = roomGroup{}
				}
			}
		}

		// Leases: each goes to a random room group; a group's leases follow
		// one another in time, so none overlap. All but a group's last lease
		// have ended; the last is open-ended, ends later, or has had notice.
		perGroup := make([]int, len(groups))
		for range size.Leases {
			perGroup[r.IntN(len(groups))]++
		}
		insLease, err := prep(`INSERT INTO leases (landlord_id, tenant_id, start_on, end_on, handover_on,
			non_terminable_months, notice_months_landlord, notice_months_tenant, rent_ore_per_m2_year, deposit_months,
			utilities, use, vat, subletting, notice_given_on, notice_given_by, partial_letting, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		insLeaseRoom, err := prep(`INSERT INTO lease_rooms (lease_id, room_id) VALUES (?, ?)`)
		if err != nil {
			return err
		}
		utilities := []string{"inkluderet", "aconto", "maalt"}
		for gi, g := range groups {
			from := start2013.AddDate(0, 0, r.IntN(3*365))
			for k := range perGroup[gi] {
				last := k == perGroup[gi]-1
				start := from
				months := 6 + r.IntN(48)
				endT := start.AddDate(0, months, -1)
				var end, noticeOn, noticeBy any
				switch {
				case !last:
					end = endT.Format("2006-01-02")
				case r.IntN(10) < 5:
					// open-ended: runs until notice is given
				case r.IntN(3) == 0:
					// notice given: it ends at the end of a month after the notice
					endT = SampleDay.AddDate(0, 1+r.IntN(8), 0)
					endT = time.Date(endT.Year(), endT.Month()+1, 0, 0, 0, 0, 0, time.UTC)
					if endT.Before(start) {
						endT = start.AddDate(0, 6, 0)
					}
					end = endT.Format("2006-01-02")
					noticeOn = endT.AddDate(0, -6, 0).Format("2006-01-02")
					if noticeOn.(string) < start.Format("2006-01-02") {
						noticeOn = start.Format("2006-01-02")
					}
					noticeBy = pick([]string{"udlejer", "lejer"})
				default:
					end = endT.Format("2006-01-02")
				}
				// A partial letting also needs the side-activity company's approval.
				partial := r.IntN(4) == 0
				res, err := insLease.ExecContext(ctx, g.landlord, enterprises[r.IntN(len(enterprises))],
					start.Format("2006-01-02"), end, start.Format("2006-01-02"), []int{0, 6, 12, 24}[r.IntN(4)],
					[]int{3, 6}[r.IntN(2)], []int{1, 3}[r.IntN(2)], int64(400+r.IntN(900))*100, float64(r.IntN(4)),
					pick(utilities), "Socialøkonomisk virksomhed", boolInt(r.IntN(4) == 0), boolInt(r.IntN(8) == 0),
					noticeOn, noticeBy, boolInt(partial), now, now)
				if err != nil {
					return fmt.Errorf("lease: %w", err)
				}
				lid, _ := res.LastInsertId()
				for _, room := range g.rooms {
					if _, err := insLeaseRoom.ExecContext(ctx, lid, room); err != nil {
						return fmt.Errorf("lease %d room %d: %w", lid, room, err)
					}
				}
				// Most leases have the residents' meeting's and the board's
				// approval; some also the side-activity company's.
				if r.IntN(10) < 9 {
					bodies := []string{"afdelingsmoede", "bestyrelse"}
					if partial {
						bodies = append(bodies, "datterselskab")
					}
					for _, body := range bodies {
						if _, err := insApproval.ExecContext(ctx, body, nil, lid, day(start, -30-r.IntN(60)),
							"Referat (eksempel)", now, now); err != nil {
							return fmt.Errorf("lease approval: %w", err)
						}
					}
				}
				from = endT.AddDate(0, 0, 1+r.IntN(90))
			}
		}

		// Positions: two per enterprise.
		schemeIDs, err := idsByCode(ctx, tx, `SELECT code, id FROM schemes`)
		if err != nil {
			return err
		}
		var groupIDs []int64
		if err := func() error {
			rows, err := tx.QueryContext(ctx, `SELECT id FROM target_groups ORDER BY position`)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					return err
				}
				groupIDs = append(groupIDs, id)
			}
			return rows.Err()
		}(); err != nil {
			return err
		}
		insPosition, err := prep(`INSERT INTO positions (organisation_id, title, hours_per_week, count, created_at,
			updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		titles := []string{"Syerske", "Køkkenmedhjælper", "Caféassistent", "Butiksmedhjælper", "Gartner", "Pedel",
			"Cykelmekaniker", "Rengøring", "Chauffør", "Lagermedarbejder"}
		positions := make([][2]int64, len(enterprises))
		for i, e := range enterprises {
			for k := range 2 {
				res, err := insPosition.ExecContext(ctx, e, pick(titles), float64(10+r.IntN(28)), 1+r.IntN(5), now, now)
				if err != nil {
					return fmt.Errorf("position: %w", err)
				}
				positions[i][k], _ = res.LastInsertId()
			}
		}

		// Placements, started 2013 to ten months from today, each lasting
		// as long as its scheme usually does: a work placement weeks, a flex
		// job years. Half of those still running have no end date yet. Most
		// that have ended have a closed case and a deletion deadline a year
		// later; those long past it have been anonymised, the rest are due.
		insPlacement, err := prep(`INSERT INTO placements (pseudonym, search_text, organisation_id, position_id,
			scheme_id, hours_per_week, resident, target_group_id, start_on, end_on, case_closed_on, delete_by,
			anonymised_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		const letters = "ABCDEFGHIJKLMNOPRSTUVYÆØÅ"
		initials := []rune(letters)
		span := int(SampleDay.AddDate(0, 10, 0).Sub(start2013).Hours() / 24)
		weeks := map[string][2]int{ // shortest and longest, in weeks
			"ordinaer": {13, 260}, "fleksjob": {26, 312}, "loentilskud": {4, 52}, "praktik": {4, 26},
			"ydelse": {13, 52}, "frivillig": {4, 156},
		}
		for i := range size.Placements {
			n := r.IntN(100)
			code := sampleSchemes[len(sampleSchemes)-1].code
			for _, sc := range sampleSchemes {
				if n < sc.share {
					code = sc.code
					break
				}
				n -= sc.share
			}
			ei := r.IntN(len(enterprises))
			var position any
			if r.IntN(5) > 0 {
				position = positions[ei][r.IntN(2)]
			}
			who := fmt.Sprintf("%c.%c.", initials[r.IntN(len(initials))], initials[r.IntN(len(initials))])
			if i%50 == 0 {
				who = fmt.Sprintf("Deltager %d", i)
			}
			start := start2013.AddDate(0, 0, r.IntN(span))
			w := weeks[code]
			endT := start.AddDate(0, 0, 7*(w[0]+r.IntN(w[1]-w[0]+1))-1)
			var end, closed, deleteBy, anonymised any
			var group any = groupIDs[r.IntN(len(groupIDs))]
			switch {
			case !endT.Before(SampleDay) && r.IntN(2) == 0:
				// running, no end date yet
			case !endT.Before(SampleDay):
				end = endT.Format("2006-01-02")
			default:
				end = endT.Format("2006-01-02")
				if r.IntN(10) < 8 {
					closedT := endT.AddDate(0, 0, r.IntN(60))
					deleteByT := closedT.AddDate(1, 0, 0)
					closed, deleteBy = closedT.Format("2006-01-02"), deleteByT.Format("2006-01-02")
					if deleteByT.AddDate(0, 3, 0).Before(SampleDay) {
						// what AnonymisePlacements leaves
						who, group = AnonymisedPseudonym, nil
						anonymised = deleteByT.AddDate(0, 0, 7+r.IntN(60)).Format(time.RFC3339)
					}
				}
			}
			if _, err := insPlacement.ExecContext(ctx, who, placementSearchText(who), enterprises[ei], position,
				schemeIDs[code], float64(5+r.IntN(33)), boolInt(r.IntN(10) < 4), group,
				start.Format("2006-01-02"), end, closed, deleteBy, anonymised, now, now); err != nil {
				return fmt.Errorf("placement %d: %w", i, err)
			}
		}

		// Agreements in every status, some expiring around today.
		insAgreement, err := prep(`INSERT INTO agreements (number, title, status, valid_from, valid_to,
			agreement_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		statuses := []string{"draft", "pending", "signed", "signed", "signed", "rejected", "cancelled"}
		for i := range size.Agreements {
			from := start2013.AddDate(0, 0, r.IntN(span))
			var to any
			if r.IntN(3) > 0 {
				to = from.AddDate(1+r.IntN(4), 0, -1).Format("2006-01-02")
			}
			if _, err := insAgreement.ExecContext(ctx, fmt.Sprintf("A-%05d", i+1),
				fmt.Sprintf("Lejeaftale og samarbejde %d", i+1), pick(statuses), from.Format("2006-01-02"), to,
				from.Format("2006-01-02"), now, now); err != nil {
				return fmt.Errorf("agreement: %w", err)
			}
		}

		// The targets of the demo case.
		for i, t := range []struct {
			name, unit, deadline, measure string
			goal                          float64
		}{
			{"Arbejdspladser i de to socialøkonomiske virksomheder", "job", "2015-12-31", "besatte_job", 16},
			{"Fleksjobbere i socialøkonomiske virksomheder (jobcentrets business case)", "personer", "", "fleksjob", 30},
			{"Partnerskabet i drift", "milepæl", "2016-03-31", "manuel", 1},
		} {
			if _, err := tx.ExecContext(ctx, `INSERT INTO targets (name, goal, unit, deadline, measure, position,
				created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, t.name, t.goal, t.unit, nilIfEmpty(t.deadline),
				t.measure, i+1, now, now); err != nil {
				return err
			}
		}
		return nil
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
