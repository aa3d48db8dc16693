package data

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// Every CHECK and trigger of the schema, written to the file with raw SQL
// as another SQLite tool would: what lies on the boundary is accepted, what
// lies just past it is refused, with the guard's own message. Each case runs
// in a transaction that is rolled back, so all share one database.

// guardCase is one guard: ok holds statements on the boundary, each of
// which must succeed; bad holds statements just past it, each of which must
// be refused with an error containing want. The bad ones run after the ok
// ones, in the same transaction.
type guardCase struct {
	name string
	ok   []string
	bad  []string
	want string
}

// guardFixture is the demo with agreements in every state the triggers
// tell apart: a draft, one sent for signing and not yet signed, one
// pending with the first signature given, one
// pending with every signature given (not yet sealed) and one signed and
// sealed.
type guardFixture struct {
	s                                     *Store
	draft, sent, pending, allSigned, seal Agreement
}

func newGuardFixture(t *testing.T) guardFixture {
	t.Helper()
	s := mustDemo(t)
	ctx := context.Background()
	_, v := mustSaveTemplate(t, s, TemplateForm{Name: "Samarbejdsaftale", Body: partnershipBody})
	f := guardFixture{s: s}
	mk := func(signers int, sealed bool) Agreement {
		a := mustCreate(t, s, draftForm(t, s, v))
		if signers < 0 {
			return a
		}
		if err := s.SendForSigning(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		a, _ = s.Agreement(ctx, a.ID)
		for _, g := range a.Signatories[:signers] {
			signOnScreen(t, s, a, g)
		}
		if sealed {
			if err := s.StoreSealed(ctx, a.ID, fakeSealed); err != nil {
				t.Fatal(err)
			}
		}
		a, _ = s.Agreement(ctx, a.ID)
		return a
	}
	f.draft = mk(-1, false)
	f.sent = mk(0, false)
	f.pending = mk(1, false)
	f.allSigned = mk(2, false)
	f.seal = mk(2, true)
	return f
}

// sqlOrg, sqlRoom, … are subqueries for the demo's records by name.
func sqlOrg(name string) string { return "(SELECT id FROM organisations WHERE name = '" + name + "')" }
func sqlRoom(name string) string {
	return "(SELECT id FROM rooms WHERE name = '" + name + "')"
}
func sqlScheme(code string) string { return "(SELECT id FROM schemes WHERE code = '" + code + "')" }
func sqlPosition(title string) string {
	return "(SELECT id FROM positions WHERE title = '" + title + "')"
}
func sqlLeaseOf(tenant string) string {
	return "(SELECT id FROM leases WHERE tenant_id = " + sqlOrg(tenant) + ")"
}

const (
	guardNow = "'2015-03-01T09:30:00Z'"
	sha64    = "'0000000000000000000000000000000000000000000000000000000000000000'"
	sha63    = "'000000000000000000000000000000000000000000000000000000000000000'"
	// lastLease is the lease inserted last in the case's transaction.
	lastLease = "(SELECT max(id) FROM leases)"
)

// insLease inserts a lease of the BoligKorsør's rooms to tenant; end may be NULL.
func insLease(tenant, start, end string) string {
	return `INSERT INTO leases (landlord_id, tenant_id, start_on, end_on, created_at, updated_at) VALUES (` +
		sqlOrg("BoligKorsør") + `, ` + sqlOrg(tenant) + `, '` + start + `', ` + end + `, ` + guardNow + `, ` + guardNow + `)`
}

func insLeaseRoom(lease, room string) string {
	return `INSERT INTO lease_rooms (lease_id, room_id) VALUES (` + lease + `, ` + sqlRoom(room) + `)`
}

func insPlacement(pseudonym, org, position, start string) string {
	return `INSERT INTO placements (pseudonym, organisation_id, position_id, scheme_id, start_on, created_at, updated_at)
		VALUES ('` + pseudonym + `', ` + sqlOrg(org) + `, ` + position + `, ` + sqlScheme("fleksjob") + `, '` + start + `', ` +
		guardNow + `, ` + guardNow + `)`
}

// rowID reads the id one query selects, as text for the statements.
func (f guardFixture) rowID(t *testing.T, q string) string {
	t.Helper()
	var id int64
	if err := f.s.DB().QueryRow(q).Scan(&id); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return fmt.Sprint(id)
}

// cases are the guards. The rows they change are named by id, so that a
// boundary value written first (a one-letter name) does not hide the row
// from the statements after it.
func (f guardFixture) cases(t *testing.T) []guardCase {
	id := func(a Agreement) string { return fmt.Sprint(a.ID) }
	draft, pending, allSigned, sealed := id(f.draft), id(f.pending), id(f.allSigned), id(f.seal)
	firstSigner := fmt.Sprint(f.pending.Signatories[0].ID)  // has signed
	sentSigner := fmt.Sprint(f.sent.Signatories[0].ID)      // has not, of an agreement nobody has signed
	secondSigner := fmt.Sprint(f.pending.Signatories[1].ID) // has not
	draftSigner := fmt.Sprint(f.draft.Signatories[0].ID)
	sealedSigner := fmt.Sprint(f.seal.Signatories[0].ID)
	bevar := "WHERE id = " + f.rowID(t, "SELECT id FROM organisations WHERE name = 'Bevar'")
	sofie := "WHERE id = " + f.rowID(t, "SELECT id FROM contacts WHERE name = 'Sofie Krogh'")
	systue := "WHERE id = " + f.rowID(t, "SELECT id FROM rooms WHERE name = 'Systue'")
	bevarsLease := "WHERE id = " + f.rowID(t, "SELECT id FROM leases WHERE tenant_id = "+sqlOrg("Bevar"))
	ab := "WHERE id = " + f.rowID(t, "SELECT id FROM placements WHERE pseudonym = 'A.B.'")
	syerske := "WHERE id = " + f.rowID(t, "SELECT id FROM positions WHERE title = 'Syerske'")
	praktik := "WHERE id = " + f.rowID(t, "SELECT id FROM schemes WHERE code = 'praktik'")
	andre := "WHERE id = " + f.rowID(t, "SELECT id FROM target_groups WHERE name = 'Andre'")
	set := func(table, where string) func(col, v string) string {
		return func(col, v string) string { return "UPDATE " + table + " SET " + col + " = " + v + " " + where }
	}
	setOrg, setContact, setRoom := set("organisations", bevar), set("contacts", sofie), set("rooms", systue)
	setLease, setPlacement, setPosition := set("leases", bevarsLease), set("placements", ab), set("positions", syerske)
	setScheme := set("schemes", praktik)
	setAgreement := func(id, col, v string) string {
		return "UPDATE agreements SET " + col + " = " + v + " WHERE id = " + id
	}
	signatureOf := func(agreement string) string {
		return "signatory_id IN (SELECT id FROM signatories WHERE agreement_id = " + agreement + ")"
	}
	insSignature := func(signatory, method, extra, values string) string {
		return `INSERT INTO signatures (signatory_id, method, signed_at` + extra + `) VALUES (` + signatory + `, '` + method + `', ` + guardNow + values + `)`
	}
	insScan := func(agreement, sum string) string {
		return `INSERT INTO agreement_scans (agreement_id, pdf, sha256, added_at) VALUES (` + agreement + `, x'25504446', ` + sum + `, ` + guardNow + `)`
	}
	// A complete, valid seal of the agreement whose every signatory has signed.
	sealAll := func(id, sum, signedAt string) string {
		return "UPDATE agreements SET status = 'signed', sealed_pdf = x'25504446', sealed_sha256 = " + sum +
			", signed_at = " + signedAt + " WHERE id = " + id
	}
	dateCases := func(name, table, col, where string) guardCase {
		set := func(v string) string { return "UPDATE " + table + " SET " + col + " = " + v + " " + where }
		ok := []string{set("'2016-02-29'"), set("'2015-12-31'")}
		if !strings.HasSuffix(col, "start_on") {
			ok = append(ok, set("NULL"))
		}
		return guardCase{name: name + " is a real ISO date",
			ok:   ok,
			bad:  []string{set("'2015-02-29'"), set("'2015-12-32'"), set("'2015-2-1'"), set("'21.2.2015'"), set("''")},
			want: "date(" + col + ") IS " + col}
	}
	flag := func(name string, stmt func(string) string, col string) guardCase {
		return guardCase{name: name + " is 0 or 1", ok: []string{stmt("1"), stmt("0")}, bad: []string{stmt("2"), stmt("-1")},
			want: "CHECK constraint failed: " + col}
	}
	nonBlank := func(name string, stmt func(string) string, col string) guardCase {
		return guardCase{name: name + " is not blank", ok: []string{stmt("'X'")}, bad: []string{stmt("''"), stmt("'  '")},
			want: "CHECK constraint failed: trim(" + col + ")"}
	}
	overlap := "lejemål overlapper et andet lejemål af samme lokale"
	locked := func(what string) string { return "aftalens " + what + " kan kun ændres, mens aftalen er en kladde" }

	return []guardCase{
		// organisations
		nonBlank("organisation name", func(v string) string { return setOrg("name", v) }, "name"),
		{name: "organisation kind is one of the kinds",
			ok:   []string{setOrg("kind", "'andet'"), setOrg("kind", "'virksomhed'")},
			bad:  []string{setOrg("kind", "'Virksomhed'"), setOrg("kind", "'forening'")},
			want: "CHECK constraint failed: kind IN"},
		{name: "CVR is 8 digits",
			ok:   []string{setOrg("cvr", "'12345678'"), setOrg("cvr", "NULL")},
			bad:  []string{setOrg("cvr", "'1234567'"), setOrg("cvr", "'123456789'"), setOrg("cvr", "'1234567X'"), setOrg("cvr", "''")},
			want: "CHECK constraint failed: cvr"},
		{name: "P-number is 10 digits",
			ok:   []string{setOrg("p_number", "'1234567890'"), setOrg("p_number", "NULL")},
			bad:  []string{setOrg("p_number", "'123456789'"), setOrg("p_number", "'12345678901'"), setOrg("p_number", "'123456789O'")},
			want: "CHECK constraint failed: p_number"},
		{name: "EAN is 13 digits",
			ok:   []string{setOrg("ean", "'5798007149727'"), setOrg("ean", "NULL")},
			bad:  []string{setOrg("ean", "'579800714972'"), setOrg("ean", "'57980071497270'"), setOrg("ean", "'579800714972 '")},
			want: "CHECK constraint failed: ean"},
		{name: "RSV is ja, nej or ukendt",
			ok:   []string{setOrg("rsv", "'ja'"), setOrg("rsv", "'nej'"), setOrg("rsv", "'ukendt'")},
			bad:  []string{setOrg("rsv", "'Ja'"), setOrg("rsv", "'måske'")},
			want: "CHECK constraint failed: rsv IN"},
		dateCases("RSV checked on", "organisations", "rsv_checked_on", bevar),
		{name: "an organisation is not its own parent",
			ok:   []string{"UPDATE organisations SET parent_id = " + sqlOrg("Slagelse Kommune") + " WHERE name = 'Jobcenter Slagelse'"},
			bad:  []string{"UPDATE organisations SET parent_id = id WHERE name = 'Jobcenter Slagelse'"},
			want: "CHECK constraint failed: parent_id IS NULL OR parent_id <> id"},
		{name: "a CVR is unique except for municipal units",
			ok: []string{`INSERT INTO organisations (name, sort_key, search_text, kind, cvr, created_at, updated_at)
				VALUES ('Borgerservice', x'00', 'borgerservice', 'kommunal_enhed', '29188505', ` + guardNow + `, ` + guardNow + `)`},
			bad: []string{`INSERT INTO organisations (name, sort_key, search_text, kind, cvr, created_at, updated_at)
				VALUES ('Tvilling', x'00', 'tvilling', 'andet', '29188505', ` + guardNow + `, ` + guardNow + `)`},
			want: "UNIQUE constraint failed: organisations.cvr"},

		// contacts
		nonBlank("contact name", func(v string) string { return setContact("name", v) }, "name"),
		{name: "a contact's period may be one day, not less",
			ok:   []string{setContact("valid_from", "'2015-03-01'") + "; " + setContact("valid_to", "'2015-03-01'")},
			bad:  []string{setContact("valid_to", "'2014-12-31'")},
			want: "CHECK constraint failed: valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from"},
		dateCases("contact valid from", "contacts", "valid_from", sofie),
		dateCases("contact valid to", "contacts", "valid_to", sofie),
		dateCases("contact case closed", "contacts", "case_closed_on", sofie),
		dateCases("contact delete by", "contacts", "delete_by", sofie),
		{name: "a contact belongs to an organisation that exists",
			ok:   []string{setContact("organisation_id", sqlOrg("Bevar"))},
			bad:  []string{setContact("organisation_id", "(SELECT max(id) + 1 FROM organisations)")},
			want: "FOREIGN KEY constraint failed"},

		// approvals
		{name: "an approval's body is a known one",
			ok:   []string{"UPDATE approvals SET body = 'datterselskab' WHERE body = 'afdelingsmoede' AND lease_id = " + sqlLeaseOf("Bevar")},
			bad:  []string{"UPDATE approvals SET body = 'generalforsamling' WHERE body = 'datterselskab'"},
			want: "CHECK constraint failed: body IN"},
		{name: "an approval is of an organisation or of a lease, never both or neither",
			ok: []string{"INSERT INTO approvals (body, lease_id, created_at, updated_at) VALUES ('datterselskab', " +
				sqlLeaseOf("Bevar") + ", " + guardNow + ", " + guardNow + ")"},
			bad: []string{"UPDATE approvals SET lease_id = " + sqlLeaseOf("Bevar") + " WHERE body = 'styregruppe'",
				"UPDATE approvals SET lease_id = NULL WHERE body = 'afdelingsmoede'"},
			want: "CHECK constraint failed: (organisation_id IS NULL) <> (lease_id IS NULL)"},
		{name: "only the steering group approves an organisation",
			ok: []string{"INSERT INTO approvals (body, organisation_id, created_at, updated_at) VALUES ('styregruppe', " +
				sqlOrg("Fra de varme lande") + ", " + guardNow + ", " + guardNow + ")"},
			bad: []string{"INSERT INTO approvals (body, organisation_id, created_at, updated_at) VALUES ('bestyrelse', " +
				sqlOrg("Fra de varme lande") + ", " + guardNow + ", " + guardNow + ")",
				"INSERT INTO approvals (body, lease_id, created_at, updated_at) VALUES ('styregruppe', " +
					sqlLeaseOf("Bevar") + ", " + guardNow + ", " + guardNow + ")"},
			want: "CHECK constraint failed: (body = 'styregruppe') = (organisation_id IS NOT NULL)"},
		dateCases("approval date", "approvals", "approved_on", "WHERE body = 'afdelingsmoede'"),
		{name: "one approval per body and organisation",
			bad: []string{"INSERT INTO approvals (body, organisation_id, created_at, updated_at) VALUES ('styregruppe', " +
				sqlOrg("Bevar") + ", " + guardNow + ", " + guardNow + ")"},
			want: "UNIQUE constraint failed: approvals.organisation_id, approvals.body"},
		{name: "one approval per body and lease",
			bad: []string{"INSERT INTO approvals (body, lease_id, created_at, updated_at) VALUES ('afdelingsmoede', " +
				sqlLeaseOf("Bevar") + ", " + guardNow + ", " + guardNow + ")"},
			want: "UNIQUE constraint failed: approvals.lease_id, approvals.body"},

		// premises and rooms
		nonBlank("premises name", func(v string) string { return "UPDATE premises SET name = " + v }, "name"),
		{name: "a postcode is empty or 4 digits",
			ok:   []string{"UPDATE premises SET postcode = ''", "UPDATE premises SET postcode = '4220'"},
			bad:  []string{"UPDATE premises SET postcode = '422'", "UPDATE premises SET postcode = '42200'", "UPDATE premises SET postcode = '42a0'"},
			want: "CHECK constraint failed: postcode"},
		nonBlank("room name", func(v string) string { return setRoom("name", v) }, "name"),
		{name: "a room's area is more than 0 m²",
			ok:   []string{setRoom("area_m2", "0.01")},
			bad:  []string{setRoom("area_m2", "0"), setRoom("area_m2", "-1")},
			want: "CHECK constraint failed: area_m2 > 0"},
		{name: "a room's kind is a known one",
			ok:   []string{setRoom("kind", "'andet'")},
			bad:  []string{setRoom("kind", "'kontor'")},
			want: "CHECK constraint failed: kind IN"},
		flag("a room's shared flag", func(v string) string { return setRoom("shared", v) }, "shared"),

		// leases
		dateCases("lease start", "leases", "start_on", bevarsLease),
		dateCases("lease end", "leases", "end_on", bevarsLease),
		dateCases("lease handover", "leases", "handover_on", bevarsLease),
		{name: "a lease may last one day, not less",
			ok:   []string{setLease("end_on", "'2015-09-01'")},
			bad:  []string{setLease("end_on", "'2015-08-31'")},
			want: "CHECK constraint failed: end_on IS NULL OR end_on >= start_on"},
		{name: "a landlord is not its own tenant",
			ok:   []string{setLease("tenant_id", sqlOrg("Sekstanten"))},
			bad:  []string{setLease("tenant_id", "landlord_id"), setLease("landlord_id", "tenant_id")},
			want: "CHECK constraint failed: landlord_id <> tenant_id"},
		{name: "notice has a date and a side, or neither",
			ok:   []string{"UPDATE leases SET notice_given_on = '2016-01-15', notice_given_by = 'lejer' " + bevarsLease},
			bad:  []string{setLease("notice_given_on", "NULL"), setLease("notice_given_by", "NULL")},
			want: "CHECK constraint failed: (notice_given_on IS NULL) = (notice_given_by IS NULL)"},
		{name: "notice is given by the landlord or the tenant",
			ok:   []string{"UPDATE leases SET notice_given_on = '2016-01-15', notice_given_by = 'udlejer' " + bevarsLease},
			bad:  []string{setLease("notice_given_by", "'kommunen'"), setLease("notice_given_by", "'Lejer'")},
			want: "CHECK constraint failed: notice_given_by"},
		{name: "notice given on is a real ISO date",
			ok:   []string{"UPDATE leases SET notice_given_on = '2016-02-29', notice_given_by = 'lejer' " + bevarsLease},
			bad:  []string{setLease("notice_given_on", "'2015-02-29'"), setLease("notice_given_on", "'2016-2-1'"), setLease("notice_given_on", "'1.2.2016'")},
			want: "date(notice_given_on) IS notice_given_on"},
		{name: "the non-terminable months are 0 or more",
			ok: []string{setLease("non_terminable_months", "0")}, bad: []string{setLease("non_terminable_months", "-1")},
			want: "CHECK constraint failed: non_terminable_months >= 0"},
		{name: "the landlord's notice is 0 months or more",
			ok: []string{setLease("notice_months_landlord", "0")}, bad: []string{setLease("notice_months_landlord", "-1")},
			want: "CHECK constraint failed: notice_months_landlord >= 0"},
		{name: "the tenant's notice is 0 months or more",
			ok: []string{setLease("notice_months_tenant", "0")}, bad: []string{setLease("notice_months_tenant", "-1")},
			want: "CHECK constraint failed: notice_months_tenant >= 0"},
		{name: "the rent is 0 øre or more",
			ok: []string{setLease("rent_ore_per_m2_year", "0")}, bad: []string{setLease("rent_ore_per_m2_year", "-1")},
			want: "CHECK constraint failed: rent_ore_per_m2_year >= 0"},
		{name: "the deposit is 0 months or more",
			ok: []string{setLease("deposit_months", "0")}, bad: []string{setLease("deposit_months", "-0.5")},
			want: "CHECK constraint failed: deposit_months >= 0"},
		{name: "utilities are included, on account or metered",
			ok:   []string{setLease("utilities", "'inkluderet'"), setLease("utilities", "'maalt'")},
			bad:  []string{setLease("utilities", "'gratis'")},
			want: "CHECK constraint failed: utilities IN"},
		flag("a lease's VAT flag", func(v string) string { return setLease("vat", v) }, "vat"),
		flag("a lease's subletting flag", func(v string) string { return setLease("subletting", v) }, "subletting"),
		flag("a lease's partial letting flag", func(v string) string { return setLease("partial_letting", v) }, "partial_letting"),

		// The overlap triggers, on the day: Bevar's lease of the Systue runs from 1.9.2015.
		{name: "a new lease of a room may end the day before another begins, not on it",
			ok:   []string{insLease("Sekstanten", "2015-01-01", "'2015-08-31'"), insLeaseRoom(lastLease, "Systue")},
			bad:  []string{insLease("Sekstanten", "2015-02-01", "'2015-09-01'") + "; " + insLeaseRoom(lastLease, "Lager ved systuen")},
			want: overlap},
		{name: "a new lease of a room may begin the day after another ends, not on it",
			ok: []string{setLease("end_on", "'2016-05-31'"), insLease("Fra de varme lande", "2016-06-01", "NULL"),
				insLeaseRoom(lastLease, "Lager ved systuen")},
			bad:  []string{insLease("Sekstanten", "2016-05-31", "NULL") + "; " + insLeaseRoom(lastLease, "Systue")},
			want: overlap},
		{name: "an open-ended lease overlaps every later one",
			bad:  []string{insLease("Sekstanten", "2030-01-01", "'2030-12-31'") + "; " + insLeaseRoom(lastLease, "Systue")},
			want: overlap},
		{name: "an archived lease holds no room, and cannot be restored over another",
			ok: []string{setLease("archived_at", guardNow), insLease("Sekstanten", "2015-01-01", "NULL"),
				insLeaseRoom(lastLease, "Systue")},
			bad:  []string{setLease("archived_at", "NULL")},
			want: overlap},
		{name: "a room may be added to an archived lease, which then cannot be restored over another",
			ok: []string{insLease("Sekstanten", "2015-01-01", "NULL") + "; UPDATE leases SET archived_at = " + guardNow + " WHERE id = " + lastLease,
				insLeaseRoom(lastLease, "Systue")},
			bad:  []string{"UPDATE leases SET archived_at = NULL WHERE id = " + lastLease},
			want: overlap},
		{name: "a lease's end may be moved to the day before the next one, not onto it",
			ok: []string{insLease("Sekstanten", "2015-01-01", "'2015-06-30'"), insLeaseRoom(lastLease, "Systue"),
				"UPDATE leases SET end_on = '2015-08-31' WHERE id = " + lastLease},
			bad:  []string{"UPDATE leases SET end_on = '2015-09-01' WHERE id = " + lastLease, "UPDATE leases SET end_on = NULL WHERE id = " + lastLease},
			want: overlap},
		{name: "a lease's start may be moved to the day after the one before, not onto its end",
			ok: []string{insLease("Sekstanten", "2015-01-01", "'2015-06-30'"), insLeaseRoom(lastLease, "Systue"),
				setLease("start_on", "'2015-07-01'")},
			bad:  []string{setLease("start_on", "'2015-06-30'")},
			want: overlap},

		// schemes and target groups
		nonBlank("scheme name", func(v string) string { return setScheme("name", v) }, "name"),
		{name: "a scheme's warning comes after 1 to 520 weeks",
			ok:   []string{setScheme("warn_weeks", "1"), setScheme("warn_weeks", "520"), setScheme("warn_weeks", "NULL")},
			bad:  []string{setScheme("warn_weeks", "0"), setScheme("warn_weeks", "521")},
			want: "CHECK constraint failed: warn_weeks"},
		flag("a scheme's subsidised flag", func(v string) string { return setScheme("subsidised", v) }, "subsidised"),
		flag("a scheme's flex flag", func(v string) string { return setScheme("flex", v) }, "flex"),
		flag("a scheme's counts-as-job flag", func(v string) string { return setScheme("counts_as_job", v) }, "counts_as_job"),
		{name: "a scheme's code is unique",
			ok: []string{"INSERT INTO schemes (code, name) VALUES ('ny', 'Ny ordning')"}, bad: []string{"INSERT INTO schemes (code, name) VALUES ('praktik', 'Anden')"},
			want: "UNIQUE constraint failed: schemes.code"},
		{name: "a scheme's name is unique",
			bad:  []string{"INSERT INTO schemes (code, name) VALUES ('ny', 'Fleksjob')"},
			want: "UNIQUE constraint failed: schemes.name"},
		nonBlank("target group name", func(v string) string { return "UPDATE target_groups SET name = " + v + " " + andre }, "name"),
		{name: "a target group's name is unique",
			bad:  []string{"INSERT INTO target_groups (name) VALUES ('Andre')"},
			want: "UNIQUE constraint failed: target_groups.name"},

		// positions and placements
		nonBlank("position title", func(v string) string { return setPosition("title", v) }, "title"),
		{name: "a position has more than 0 and at most 80 hours a week",
			ok:   []string{setPosition("hours_per_week", "80"), setPosition("hours_per_week", "0.5")},
			bad:  []string{setPosition("hours_per_week", "0"), setPosition("hours_per_week", "80.5"), setPosition("hours_per_week", "-1")},
			want: "CHECK constraint failed: hours_per_week > 0 AND hours_per_week <= 80"},
		{name: "a position is for 1 person or more",
			ok: []string{setPosition("count", "1")}, bad: []string{setPosition("count", "0"), setPosition("count", "-1")},
			want: "CHECK constraint failed: count > 0"},
		{name: "a pseudonym is at most 40 characters",
			ok:   []string{setPlacement("pseudonym", "printf('%.40c', 'x')")},
			bad:  []string{"UPDATE placements SET pseudonym = printf('%.41c', 'x') WHERE length(pseudonym) = 40"},
			want: "CHECK constraint failed: trim(pseudonym) <> '' AND length(pseudonym) <= 40"},
		{name: "a pseudonym holds no run of six digits",
			ok: []string{insPlacement("Nr. 12345", "Bevar", "NULL", "2016-01-01"), insPlacement("12-34-56", "Bevar", "NULL", "2016-01-01"),
				insPlacement("Nr. 123 456", "Bevar", "NULL", "2016-01-01")},
			bad:  []string{insPlacement("Nr. 123456", "Bevar", "NULL", "2016-01-01"), insPlacement("Nr. 9876543", "Bevar", "NULL", "2016-01-01")},
			want: "CHECK constraint failed: trim(pseudonym)"},
		{name: "a pseudonym is not blank",
			bad:  []string{setPlacement("pseudonym", "''"), setPlacement("pseudonym", "'   '")},
			want: "CHECK constraint failed: trim(pseudonym)"},
		{name: "a placement has 0 to 80 hours a week",
			ok:   []string{setPlacement("hours_per_week", "0"), setPlacement("hours_per_week", "80")},
			bad:  []string{setPlacement("hours_per_week", "-0.5"), setPlacement("hours_per_week", "80.5")},
			want: "CHECK constraint failed: hours_per_week >= 0 AND hours_per_week <= 80"},
		flag("a placement's resident flag", func(v string) string { return setPlacement("resident", v) }, "resident"),
		dateCases("placement start", "placements", "start_on", ab),
		dateCases("placement end", "placements", "end_on", ab),
		dateCases("placement case closed", "placements", "case_closed_on", ab),
		dateCases("placement delete by", "placements", "delete_by", ab),
		{name: "a placement may last one day, not less",
			ok:   []string{setPlacement("end_on", "start_on")},
			bad:  []string{setPlacement("end_on", "date(start_on, '-1 day')")},
			want: "CHECK constraint failed: end_on IS NULL OR end_on >= start_on"},
		{name: "an anonymised placement keeps no person data",
			ok: []string{"UPDATE placements SET pseudonym = 'anonymiseret', search_text = 'anonymiseret', notes = '', target_group_id = NULL, anonymised_at = " +
				guardNow + " " + ab},
			bad: []string{"UPDATE placements SET notes = 'x' WHERE anonymised_at IS NOT NULL",
				"UPDATE placements SET target_group_id = (SELECT min(id) FROM target_groups) WHERE anonymised_at IS NOT NULL",
				"UPDATE placements SET pseudonym = 'A.B.' WHERE anonymised_at IS NOT NULL",
				"UPDATE placements SET search_text = 'a.b.' WHERE anonymised_at IS NOT NULL",
				"UPDATE placements SET anonymised_at = " + guardNow + " WHERE pseudonym = 'K.M.'"},
			want: "CHECK constraint failed: anonymised_at IS NULL OR"},
		{name: "an anonymised placement stays anonymous",
			ok: []string{"UPDATE placements SET pseudonym = 'anonymiseret', search_text = 'anonymiseret', notes = '', target_group_id = NULL, anonymised_at = " +
				guardNow + " " + ab, "UPDATE placements SET anonymised_at = '2016-01-01T00:00:00Z' WHERE anonymised_at IS NOT NULL"},
			bad:  []string{"UPDATE placements SET anonymised_at = NULL WHERE anonymised_at IS NOT NULL"},
			want: "en anonymiseret placering kan ikke gøres personhenførbar igen"},
		{name: "a new placement's position is one of its enterprise's",
			ok:   []string{insPlacement("X.Y.", "Bevar", sqlPosition("Syerske"), "2016-01-01"), insPlacement("X.Z.", "Bevar", "NULL", "2016-01-01")},
			bad:  []string{insPlacement("X.Y.", "Fra de varme lande", sqlPosition("Syerske"), "2016-01-01")},
			want: "stillingen hører til en anden virksomhed end placeringen"},
		{name: "a placement cannot be moved to a position of another enterprise",
			ok: []string{setPlacement("position_id", sqlPosition("Butiksmedhjælper")),
				"UPDATE placements SET organisation_id = " + sqlOrg("Fra de varme lande") + ", position_id = " + sqlPosition("Køkkenmedhjælper") + " WHERE pseudonym = 'A.B.'"},
			bad: []string{setPlacement("position_id", sqlPosition("Syerske")),
				setPlacement("organisation_id", sqlOrg("Bevar"))},
			want: "stillingen hører til en anden virksomhed end placeringen"},
		{name: "a position with placements stays with their enterprise",
			ok: []string{"INSERT INTO positions (organisation_id, title, created_at, updated_at) VALUES (" + sqlOrg("Bevar") + ", 'Ny', " + guardNow + ", " + guardNow + ")",
				"UPDATE positions SET organisation_id = " + sqlOrg("Fra de varme lande") + " WHERE title = 'Ny'"},
			bad:  []string{setPosition("organisation_id", sqlOrg("Fra de varme lande"))},
			want: "stillingen hører til en anden virksomhed end placeringen"},

		// targets
		nonBlank("target name", func(v string) string { return "UPDATE targets SET name = " + v + " WHERE position = 1" }, "name"),
		{name: "a target's goal is 0 or more",
			ok: []string{"UPDATE targets SET goal = 0 WHERE position = 1"}, bad: []string{"UPDATE targets SET goal = -1 WHERE position = 1"},
			want: "CHECK constraint failed: goal >= 0"},
		{name: "a target is measured in a known way",
			ok:   []string{"UPDATE targets SET measure = 'manuel' WHERE position = 1"},
			bad:  []string{"UPDATE targets SET measure = 'gæt' WHERE position = 1"},
			want: "CHECK constraint failed: measure IN"},
		dateCases("target deadline", "targets", "deadline", "WHERE position = 1"),

		// templates and their versions
		nonBlank("template name", func(v string) string { return "UPDATE templates SET name = " + v }, "name"),
		{name: "a template version counts from 1",
			ok: []string{"INSERT INTO template_versions (template_id, version, body, sha256, created_at) SELECT id, 2, 'x', " + sha64 + ", " + guardNow + " FROM templates"},
			bad: []string{"INSERT INTO template_versions (template_id, version, body, sha256, created_at) SELECT id, 0, 'x', " + sha64 + ", " + guardNow + " FROM templates",
				"INSERT INTO template_versions (template_id, version, body, sha256, created_at) SELECT id, -1, 'x', " + sha64 + ", " + guardNow + " FROM templates"},
			want: "CHECK constraint failed: version > 0"},
		{name: "a template version's SHA-256 has 64 hex digits",
			bad:  []string{"INSERT INTO template_versions (template_id, version, body, sha256, created_at) SELECT id, 2, 'x', " + sha63 + ", " + guardNow + " FROM templates"},
			want: "CHECK constraint failed: length(sha256) = 64"},
		{name: "a template version number is used once",
			bad: []string{"INSERT INTO template_versions (template_id, version, body, sha256, created_at) SELECT id, 1, 'x', " + sha64 + ", " + guardNow + " FROM templates"},
			// migration 002's guard against INSERT OR REPLACE refuses it before UNIQUE does
			want: "en skabelonversion kan ikke erstattes; gem en ny version"},
		{name: "a template version is never changed",
			bad:  []string{"UPDATE template_versions SET body = 'ændret'", "UPDATE template_versions SET created_at = " + guardNow},
			want: "en skabelonversion kan ikke ændres; gem en ny version"},
		{name: "a template version goes only with its template",
			ok: []string{"INSERT INTO templates (name, sort_key, created_at, updated_at) VALUES ('Ubrugt', x'00', " + guardNow + ", " + guardNow + ")",
				"INSERT INTO template_versions (template_id, version, body, sha256, created_at) SELECT id, 1, 'x', " + sha64 + ", " + guardNow + " FROM templates WHERE name = 'Ubrugt'",
				"DELETE FROM templates WHERE name = 'Ubrugt'"},
			bad:  []string{"DELETE FROM template_versions"},
			want: "en skabelonversion kan ikke slettes for sig; den er historik"},

		// agreements
		nonBlank("agreement title", func(v string) string { return setAgreement(draft, "title", v) }, "title"),
		{name: "an agreement's status is a known one",
			bad:  []string{setAgreement(draft, "status", "'archived'"), setAgreement(draft, "status", "'Draft'")},
			want: "CHECK constraint failed: status IN"},
		dateCases("agreement date", "agreements", "agreement_date", "WHERE id = "+draft),
		dateCases("agreement valid from", "agreements", "valid_from", "WHERE id = "+draft),
		dateCases("agreement valid to", "agreements", "valid_to", "WHERE id = "+draft),
		dateCases("agreement case closed", "agreements", "case_closed_on", "WHERE id = "+draft),
		dateCases("agreement delete by", "agreements", "delete_by", "WHERE id = "+draft),
		{name: "an agreement may be valid for one day, not less",
			ok:   []string{setAgreement(draft, "valid_to", "valid_from")},
			bad:  []string{setAgreement(draft, "valid_to", "date(valid_from, '-1 day')")},
			want: "CHECK constraint failed: valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from"},
		{name: "an agreement is not its own parent",
			ok: []string{setAgreement(draft, "parent_id", sealed)}, bad: []string{setAgreement(draft, "parent_id", "id")},
			want: "CHECK constraint failed: parent_id IS NULL OR parent_id <> id"},
		flag("an agreement's parallel signing flag", func(v string) string { return setAgreement(draft, "parallel_signing", v) }, "parallel_signing"),
		flag("an agreement's typed signatures flag", func(v string) string { return setAgreement(draft, "allow_typed", v) }, "allow_typed"),
		flag("an agreement's example flag", func(v string) string { return setAgreement(draft, "example", v) }, "example"),
		{name: "an agreement number is used once",
			bad:  []string{setAgreement(draft, "number", "(SELECT number FROM agreements WHERE id = "+sealed+")")},
			want: "en aftale, der er sendt til underskrift eller underskrevet, kan ikke erstattes"},
		{name: "an agreement's text changes only while it is a draft",
			ok:   []string{setAgreement(draft, "body", "'Ny tekst'"), setAgreement(draft, "template_version_id", "NULL"), setAgreement(pending, "title", "'Ny titel'")},
			bad:  []string{setAgreement(pending, "body", "'Ny tekst'"), setAgreement(pending, "template_version_id", "NULL")},
			want: "aftalens tekst kan kun ændres, mens aftalen er en kladde"},
		{name: "an agreement is locked as signed only with every signature and the seal",
			ok: []string{sealAll(allSigned, sha64, guardNow)},
			bad: []string{sealAll(pending, sha64, guardNow), sealAll(draft, sha64, guardNow),
				"UPDATE agreements SET status = 'signed', sealed_pdf = NULL, sealed_sha256 = " + sha64 + ", signed_at = " + guardNow + " WHERE id = " + pending},
			want: "aftalen kan kun låses som underskrevet fra Til underskrift, med alle underskrifter og den forseglede PDF"},
		{name: "the seal needs its SHA-256 and the time of signing",
			bad:  []string{sealAll(allSigned, sha63, guardNow), sealAll(allSigned, "NULL", guardNow), sealAll(allSigned, sha64, "NULL")},
			want: "aftalen kan kun låses som underskrevet"},
		{name: "a sealed PDF is stored only with the status signed",
			bad: []string{setAgreement(allSigned, "sealed_pdf", "x'25504446'"), setAgreement(allSigned, "sealed_sha256", sha64),
				setAgreement(draft, "sealed_pdf", "x'25504446'")},
			want: "den forseglede PDF gemmes kun sammen med status Underskrevet"},
		{name: "a rejection says who and why",
			ok: []string{"UPDATE agreements SET status = 'rejected', rejected_reason = 'x', rejected_by = " + firstSigner + " WHERE id = " + pending},
			bad: []string{"UPDATE agreements SET status = 'rejected', rejected_reason = '', rejected_by = " + secondSigner + " WHERE id = " + allSigned,
				"UPDATE agreements SET status = 'rejected', rejected_reason = '  ', rejected_by = " + secondSigner + " WHERE id = " + allSigned,
				"UPDATE agreements SET status = 'rejected', rejected_reason = 'Uenig' WHERE id = " + allSigned},
			want: "en afvisning skal sige hvem og hvorfor"},
		{name: "a signed agreement is never changed",
			bad: []string{setAgreement(sealed, "title", "'Ny titel'"), setAgreement(sealed, "status", "'draft'"),
				setAgreement(sealed, "case_closed_on", "'2020-01-01'"), setAgreement(sealed, "search_text", "''")},
			want: SignedMessage},
		{name: "a signed agreement is never deleted; a draft may be",
			ok:   []string{"DELETE FROM agreements WHERE id = " + draft},
			bad:  []string{"DELETE FROM agreements WHERE id = " + sealed},
			want: SignedMessage},

		// parties and signatories
		{name: "parties are added only to a draft",
			ok: []string{"INSERT INTO agreement_parties (agreement_id, organisation_id, position) VALUES (" + draft + ", " + sqlOrg("BoligKorsør") + ", 9)"},
			bad: []string{"INSERT INTO agreement_parties (agreement_id, organisation_id, position) VALUES (" + pending + ", " + sqlOrg("BoligKorsør") + ", 9)",
				"INSERT INTO agreement_parties (agreement_id, organisation_id, position) VALUES (" + sealed + ", " + sqlOrg("BoligKorsør") + ", 9)"},
			want: locked("parter")},
		{name: "parties are changed only in a draft",
			ok:   []string{"UPDATE agreement_parties SET role = 'Ny' WHERE agreement_id = " + draft},
			bad:  []string{"UPDATE agreement_parties SET role = 'Ny' WHERE agreement_id = " + pending},
			want: locked("parter")},
		{name: "parties are removed only from a draft",
			ok:   []string{"DELETE FROM agreement_parties WHERE agreement_id = " + draft},
			bad:  []string{"DELETE FROM agreement_parties WHERE agreement_id = " + pending},
			want: locked("parter")},
		{name: "a signed agreement's parties stand",
			bad:  []string{"UPDATE agreement_parties SET role = 'Ny' WHERE agreement_id = " + sealed, "DELETE FROM agreement_parties WHERE agreement_id = " + sealed},
			want: SignedMessage},
		nonBlank("signatory name", func(v string) string { return "UPDATE signatories SET name = " + v + " WHERE id = " + draftSigner }, "name"),
		{name: "signatories are added only to a draft",
			ok: []string{"INSERT INTO signatories (agreement_id, position, name) VALUES (" + draft + ", 9, 'Ny')"},
			bad: []string{"INSERT INTO signatories (agreement_id, position, name) VALUES (" + pending + ", 9, 'Ny')",
				"INSERT INTO signatories (agreement_id, position, name) VALUES (" + sealed + ", 9, 'Ny')"},
			want: locked("underskrivere")},
		{name: "a signatory's place in the order is used once",
			bad:  []string{"INSERT INTO signatories (agreement_id, position, name) SELECT agreement_id, position, 'Ny' FROM signatories WHERE id = " + draftSigner},
			want: "UNIQUE constraint failed: signatories.agreement_id, signatories.position"},
		{name: "signatories are changed only in a draft",
			ok: []string{"UPDATE signatories SET name = 'Ny', title = 'Ny', organisation_name = 'Ny', position = 7 WHERE id = " + draftSigner},
			bad: []string{"UPDATE signatories SET name = 'Ny' WHERE id = " + secondSigner, "UPDATE signatories SET title = 'Ny' WHERE id = " + secondSigner,
				"UPDATE signatories SET organisation_name = 'Ny' WHERE id = " + secondSigner, "UPDATE signatories SET position = 7 WHERE id = " + secondSigner,
				"UPDATE signatories SET contact_id = NULL WHERE id = " + secondSigner},
			want: locked("underskrivere")},
		{name: "signatories are removed only from a draft",
			ok:   []string{"DELETE FROM signatories WHERE id = " + draftSigner},
			bad:  []string{"DELETE FROM signatories WHERE id = " + secondSigner},
			want: locked("underskrivere")},
		{name: "a signed agreement's signatories stand",
			bad:  []string{"UPDATE signatories SET name = 'Ny' WHERE id = " + sealedSigner, "DELETE FROM signatories WHERE id = " + sealedSigner},
			want: SignedMessage},

		// signatures
		{name: "a signature is given only while the agreement is sent for signing",
			ok: []string{insSignature(sentSigner, "typed", ", typed_name", ", 'L'")},
			bad: []string{insSignature(draftSigner, "typed", ", typed_name", ", 'L'"),
				insSignature("(SELECT max(id) + 1 FROM signatories)", "typed", ", typed_name", ", 'L'")},
			want: "der kan kun skrives under på en aftale, der er sendt til underskrift"},
		{name: "a signature's method is drawn, typed or on paper",
			bad:  []string{insSignature(secondSigner, "stempel", ", typed_name", ", 'L'")},
			want: "CHECK constraint failed: method IN"},
		{name: "a drawn signature has its strokes and its image",
			ok: []string{insSignature(sentSigner, "drawn", ", image_png, strokes", ", x'89504e47', '[]'")},
			bad: []string{insSignature(secondSigner, "drawn", ", image_png", ", x'89504e47'"),
				insSignature(secondSigner, "drawn", ", strokes", ", '[]'")},
			want: "CHECK constraint failed: method <> 'drawn' OR (image_png IS NOT NULL AND strokes IS NOT NULL)"},
		{name: "a typed signature has a name",
			bad:  []string{insSignature(secondSigner, "typed", ", typed_name", ", '  '"), insSignature(secondSigner, "typed", "", "")},
			want: "CHECK constraint failed: method <> 'typed' OR trim(typed_name) <> ''"},
		{name: "a paper signature has the date on the paper",
			ok:   []string{insSignature(sentSigner, "paper", ", signed_on", ", '2015-02-23'")},
			bad:  []string{insSignature(secondSigner, "paper", "", "")},
			want: "CHECK constraint failed: method <> 'paper' OR signed_on IS NOT NULL"},
		{name: "a paper signature's date is a real date",
			bad:  []string{insSignature(secondSigner, "paper", ", signed_on", ", '2015-02-29'"), insSignature(secondSigner, "paper", ", signed_on", ", '23.2.2015'")},
			want: "date(signed_on) IS signed_on"},
		{name: "one signature per signatory",
			bad:  []string{insSignature(firstSigner, "typed", ", typed_name", ", 'S'")},
			want: "en afgivet underskrift kan ikke erstattes"},
		{name: "a given signature is never changed, also before the seal",
			bad: []string{"UPDATE signatures SET place = 'Slagelse' WHERE " + signatureOf(pending),
				"UPDATE signatures SET image_png = x'89504e47' WHERE " + signatureOf(pending),
				"UPDATE signatures SET strokes = '[]' WHERE " + signatureOf(pending),
				"UPDATE signatures SET signed_at = '2015-01-01T00:00:00Z' WHERE " + signatureOf(pending),
				"UPDATE signatures SET method = 'typed', typed_name = 'Anden' WHERE " + signatureOf(allSigned)},
			want: "en afgivet underskrift kan ikke ændres"},
		{name: "a given signature is never deleted, also before the seal",
			bad:  []string{"DELETE FROM signatures WHERE " + signatureOf(pending), "DELETE FROM signatures WHERE " + signatureOf(allSigned)},
			want: "en afgivet underskrift kan ikke slettes"},
		{name: "a signed agreement's signatures stand",
			bad:  []string{"UPDATE signatures SET place = 'Slagelse' WHERE " + signatureOf(sealed), "DELETE FROM signatures WHERE " + signatureOf(sealed)},
			want: SignedMessage},

		// the scan of paper signatures
		{name: "a scan is attached only while the agreement is sent for signing",
			ok:   []string{insScan(pending, sha64)},
			bad:  []string{insScan(draft, sha64), insScan(sealed, sha64)},
			want: "en scanning kan kun vedhæftes en aftale, der er sendt til underskrift"},
		{name: "a scan's SHA-256 has 64 hex digits",
			bad:  []string{insScan(pending, sha63)},
			want: "CHECK constraint failed: length(sha256) = 64"},
		{name: "a scan is never changed",
			ok:   []string{insScan(pending, sha64)},
			bad:  []string{"UPDATE agreement_scans SET pdf = x'00'", "UPDATE agreement_scans SET sha256 = " + sha64},
			want: SignedMessage},
		{name: "a scan goes only before the seal",
			ok:   []string{insScan(pending, sha64), "DELETE FROM agreement_scans WHERE agreement_id = " + pending, insScan(allSigned, sha64), sealAll(allSigned, sha64, guardNow)},
			bad:  []string{"DELETE FROM agreement_scans WHERE agreement_id = " + allSigned},
			want: SignedMessage},

		// the audit log of a signed agreement is its evidence
		{name: "a signed agreement's events are never changed",
			bad:  []string{"UPDATE events SET at = '2000-01-01T00:00:00Z' WHERE entity = 'aftale' AND entity_id = " + sealed},
			want: SignedMessage},
		{name: "no event is ever changed (the audit log is a hash chain)",
			bad:  []string{"UPDATE events SET detail = detail WHERE entity = 'aftale' AND entity_id = " + pending},
			want: "hændelsesloggen kan ikke ændres; der kan kun tilføjes hændelser"},
		{name: "a signed agreement's events are never deleted",
			ok:   []string{"DELETE FROM events WHERE entity = 'aftale' AND entity_id = " + draft},
			bad:  []string{"DELETE FROM events WHERE entity = 'aftale' AND entity_id = " + sealed},
			want: SignedMessage},

		// drafts and settings
		{name: "one draft per form and record",
			ok: []string{"INSERT INTO form_drafts (form, record_id, data, updated_at) VALUES ('organisation', 1, '{}', " + guardNow + ")",
				"INSERT INTO form_drafts (form, record_id, data, updated_at) VALUES ('organisation', 2, '{}', " + guardNow + ")"},
			bad:  []string{"INSERT INTO form_drafts (form, record_id, data, updated_at) VALUES ('organisation', 1, '{}', " + guardNow + ")"},
			want: "UNIQUE constraint failed: form_drafts.form, form_drafts.record_id"},
		{name: "one value per setting",
			bad:  []string{"INSERT INTO settings (key, value) VALUES ('subsidy_ratio_per', '6')"},
			want: "UNIQUE constraint failed: settings.key"},
	}
}

func TestSchemaGuardsOnTheirBoundaries(t *testing.T) {
	f := newGuardFixture(t)
	ctx := context.Background()
	before := snapshotCounts(t, f.s)
	for _, c := range f.cases(t) {
		t.Run(c.name, func(t *testing.T) {
			tx, err := f.s.DB().BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			for _, q := range c.ok {
				for _, stmt := range strings.Split(q, "; ") {
					res, err := tx.ExecContext(ctx, stmt)
					if err != nil {
						t.Fatalf("refused on the boundary: %s\n  %v", stmt, err)
					}
					if n, _ := res.RowsAffected(); n == 0 {
						t.Fatalf("touches no row, so proves nothing: %s", stmt)
					}
				}
			}
			for _, q := range c.bad {
				stmts := strings.Split(q, "; ")
				for _, stmt := range stmts[:len(stmts)-1] { // the set-up of the refused statement
					if _, err := tx.ExecContext(ctx, stmt); err != nil {
						t.Fatalf("set-up refused: %s\n  %v", stmt, err)
					}
				}
				stmt := stmts[len(stmts)-1]
				res, err := tx.ExecContext(ctx, stmt)
				if err == nil {
					n, _ := res.RowsAffected()
					t.Errorf("accepted past the boundary (%d rows): %s", n, stmt)
					continue
				}
				if !strings.Contains(err.Error(), c.want) {
					t.Errorf("%s\n  refused with %q, want %q", stmt, err, c.want)
				}
			}
		})
	}
	sameCounts(t, before, snapshotCounts(t, f.s))
	if problems, err := f.s.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("Check after the refused writes = %q, %v", problems, err)
	}
}
