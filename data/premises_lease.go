package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// Utilities says how heating, water and electricity are paid.
type Utilities string

// The ways utilities are paid.
const (
	UtilitiesIncluded Utilities = "inkluderet" // in the rent
	UtilitiesOnAcct   Utilities = "aconto"     // on account, settled yearly
	UtilitiesMetered  Utilities = "maalt"      // by the tenant's own meters
)

// UtilitiesValues lists the ways in the order the form offers them.
var UtilitiesValues = []Utilities{UtilitiesIncluded, UtilitiesOnAcct, UtilitiesMetered}

// Label is the Danish name.
func (u Utilities) Label() string {
	switch u {
	case UtilitiesIncluded:
		return "Inkluderet i lejen"
	case UtilitiesOnAcct:
		return "Aconto"
	case UtilitiesMetered:
		return "Efter måler"
	}
	return string(u)
}

// LeaseSide is a party to a lease, for notice.
type LeaseSide string

// The sides of a lease.
const (
	Landlord LeaseSide = "udlejer"
	Tenant   LeaseSide = "lejer"
)

// Label is the Danish name.
func (s LeaseSide) Label() string {
	switch s {
	case Landlord:
		return "Udlejer"
	case Tenant:
		return "Lejer"
	}
	return string(s)
}

// ApprovalBody is who must approve letting common rooms of non-profit
// housing to an outside enterprise.
type ApprovalBody string

// The bodies that approve a lease.
const (
	ApprovalResidents  ApprovalBody = "afdelingsmoede" // the residents' meeting of the housing section
	ApprovalBoard      ApprovalBody = "bestyrelse"     // the housing association's board
	ApprovalSubsidiary ApprovalBody = "datterselskab"  // the side-activity company, for a partial letting
)

// ApprovalBodies lists the bodies in the order the form shows them.
var ApprovalBodies = []ApprovalBody{ApprovalResidents, ApprovalBoard, ApprovalSubsidiary}

// Label is the Danish name.
func (b ApprovalBody) Label() string {
	switch b {
	case ApprovalResidents:
		return "Afdelingsmøde"
	case ApprovalBoard:
		return "Organisationsbestyrelse"
	case ApprovalSubsidiary:
		return "Datterselskab"
	}
	return string(b)
}

// Approval is one body's approval of a lease.
type Approval struct {
	Body       ApprovalBody
	ApprovedOn time.Time
	Reference  string // minutes, agenda item, letter
}

// Lease is the letting of rooms to an enterprise.
type Lease struct {
	ID           int64
	LandlordID   int64
	TenantID     int64
	LandlordName string // read from the store
	TenantName   string // read from the store
	RoomIDs      []int64
	Rooms        []Room // read from the store, in Danish order
	Start        time.Time
	End          time.Time // zero: open-ended
	Handover     time.Time // zero: not recorded
	// NonTerminableMonths: the lease cannot end during its first N months.
	NonTerminableMonths  int
	NoticeMonthsLandlord int
	NoticeMonthsTenant   int
	RentPerM2Year        int64   // øre per m² per year, excl. VAT
	DepositMonths        float64 // the deposit, in months of rent
	Utilities            Utilities
	Use                  string
	VAT                  bool
	Subletting           bool
	// PartialLetting (delvis udlejning) needs the side-activity company's approval.
	PartialLetting bool
	// RentAdjustment and the month of its yearly adjustment (0: none).
	RentAdjustment      RentAdjustment
	RentAdjustmentMonth time.Month
	NoticeGivenOn       time.Time
	NoticeGivenBy       LeaseSide
	Approvals           []Approval
	Notes               string
	ArchivedAt          time.Time
	CreatedAt           time.Time
	UpdatedAt           time.Time
}

// Archived tells whether the lease is archived.
func (l Lease) Archived() bool { return !l.ArchivedAt.IsZero() }

// Approval returns the approval of body b, if the lease records one.
func (l Lease) Approval(b ApprovalBody) (Approval, bool) {
	for _, a := range l.Approvals {
		if a.Body == b {
			return a, true
		}
	}
	return Approval{}, false
}

// Title names the lease in lists: "Bevar — Systue, Lager ved systuen".
func (l Lease) Title() string {
	var names []string
	for _, r := range l.Rooms {
		names = append(names, r.Name)
	}
	if len(names) == 0 {
		return l.TenantName
	}
	return l.TenantName + " — " + strings.Join(names, ", ")
}

// LandlordKinds are the kinds of organisation that may let rooms: the
// housing association, or its side-activity company (kind "andet").
var LandlordKinds = []OrgKind{KindHousingAssoc, KindOtherOrg}

// TenantKinds are the kinds of organisation that may rent rooms.
var TenantKinds = []OrgKind{KindEnterprise}

// LeaseForm is a lease as typed into the form or a CSV row.
type LeaseForm struct {
	ID                   int64
	LandlordID           int64
	TenantID             int64
	RoomIDs              []int64
	Start                string
	End                  string // empty: open-ended
	Handover             string
	NonTerminableMonths  string
	NoticeMonthsLandlord string
	NoticeMonthsTenant   string
	Rent                 string // kr. per m² per year excl. VAT: 650 or 650,00
	DepositMonths        string // 3 or 1,5
	Utilities            string // code or Danish label
	Use                  string
	VAT                  string // ja/nej
	Subletting           string // ja/nej
	PartialLetting       string // ja/nej
	RentAdjustment       string // ingen/nettoprisindeks
	RentAdjustmentMonth  string // januar or 1; only with nettoprisindeks
	NoticeGivenOn        string
	NoticeGivenBy        string // udlejer/lejer
	ResidentsOn          string // the residents' meeting's approval
	ResidentsRef         string
	BoardOn              string // the board's approval
	BoardRef             string
	SubsidiaryOn         string // the side-activity company's approval
	SubsidiaryRef        string
	Notes                string
}

// approvalFields names the form's fields per body.
var approvalFields = []struct {
	body    ApprovalBody
	on, ref string
	label   string
}{
	{ApprovalResidents, "ResidentsOn", "ResidentsRef", "Afdelingsmøde"},
	{ApprovalBoard, "BoardOn", "BoardRef", "Organisationsbestyrelse"},
	{ApprovalSubsidiary, "SubsidiaryOn", "SubsidiaryRef", "Datterselskab"},
}

func (f *LeaseForm) approval(b ApprovalBody) (on, ref *string) {
	switch b {
	case ApprovalResidents:
		return &f.ResidentsOn, &f.ResidentsRef
	case ApprovalBoard:
		return &f.BoardOn, &f.BoardRef
	default:
		return &f.SubsidiaryOn, &f.SubsidiaryRef
	}
}

// NewLeaseForm is the form for a new lease, with the usual terms filled in:
// three months' notice each way, rent in three months' deposit, utilities
// on account.
func NewLeaseForm() LeaseForm {
	return LeaseForm{NonTerminableMonths: "0", NoticeMonthsLandlord: "3", NoticeMonthsTenant: "3",
		DepositMonths: "3", Utilities: string(UtilitiesOnAcct), VAT: "nej", Subletting: "nej", PartialLetting: "nej",
		RentAdjustment: string(AdjustNone)}
}

// Form returns the lease as the form shows it.
func (l Lease) Form() LeaseForm {
	f := LeaseForm{ID: l.ID, LandlordID: l.LandlordID, TenantID: l.TenantID, RoomIDs: slices.Clone(l.RoomIDs),
		Start: formatDateOrEmpty(l.Start), End: formatDateOrEmpty(l.End), Handover: formatDateOrEmpty(l.Handover),
		NonTerminableMonths:  strconv.Itoa(l.NonTerminableMonths),
		NoticeMonthsLandlord: strconv.Itoa(l.NoticeMonthsLandlord), NoticeMonthsTenant: strconv.Itoa(l.NoticeMonthsTenant),
		Rent: dk.FormatAmount(l.RentPerM2Year), DepositMonths: dk.FormatDecimal(l.DepositMonths, -1),
		Utilities: string(l.Utilities), Use: l.Use,
		VAT: YesNo(l.VAT), Subletting: YesNo(l.Subletting), PartialLetting: YesNo(l.PartialLetting),
		RentAdjustment: string(l.RentAdjustment), RentAdjustmentMonth: monthText(l.RentAdjustmentMonth),
		NoticeGivenOn: formatDateOrEmpty(l.NoticeGivenOn), NoticeGivenBy: string(l.NoticeGivenBy), Notes: l.Notes}
	for _, a := range l.Approvals {
		on, ref := f.approval(a.Body)
		*on, *ref = formatDateOrEmpty(a.ApprovedOn), a.Reference
	}
	return f
}

// maxMonths bounds the month fields: a typo of 300 for 3 should not pass.
const maxMonths = 120

// months reads a whole number of months; empty is 0.
func (c *checker) months(field, label, s string) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		c.add(field, label, "months", "skriv et helt antal måneder, fx 3 ("+s+")")
	case n < 0:
		c.add(field, label, "months", "kan ikke være negativ ("+s+")")
	case n > maxMonths:
		c.add(field, label, "months", fmt.Sprintf("højst %d måneder (%s)", maxMonths, s))
	}
	return n
}

// Parse checks the form and returns the lease it describes. The rules that
// need the database (the parties' kinds, the rooms, overlapping leases) are
// checked by SaveLease. When notice has been given and no end is written,
// the end is the one the notice gives (see EndAfterNotice).
func (f LeaseForm) Parse() (Lease, error) {
	var c checker
	l := Lease{ID: f.ID, LandlordID: f.LandlordID, TenantID: f.TenantID}
	if l.LandlordID == 0 {
		c.add("LandlordID", "Udlejer", "required", "vælg udlejeren")
	}
	if l.TenantID == 0 {
		c.add("TenantID", "Lejer", "required", "vælg lejeren")
	} else if l.TenantID == l.LandlordID {
		c.add("TenantID", "Lejer", "same", "udlejer og lejer kan ikke være den samme organisation")
	}
	for _, id := range f.RoomIDs {
		if id != 0 && !slices.Contains(l.RoomIDs, id) {
			l.RoomIDs = append(l.RoomIDs, id)
		}
	}
	if len(l.RoomIDs) == 0 {
		c.add("Rooms", "Lokaler", "required", "vælg mindst ét lokale")
	}
	if strings.TrimSpace(f.Start) == "" {
		c.add("Start", "Startdato", "required", "skriv startdatoen, fx 1.9.2015")
	} else {
		l.Start = c.date("Start", "Startdato", f.Start)
	}
	l.End = c.date("End", "Slutdato", f.End)
	if !l.Start.IsZero() && !l.End.IsZero() && l.End.Before(l.Start) {
		c.add("End", "Slutdato", "date_order", fmt.Sprintf("slutdatoen (%s) ligger før startdatoen (%s)",
			dk.FormatDate(l.End), dk.FormatDate(l.Start)))
	}
	l.Handover = c.date("Handover", "Overtagelsesdag", f.Handover)
	l.NonTerminableMonths = c.months("NonTerminableMonths", "Uopsigelig (måneder)", f.NonTerminableMonths)
	l.NoticeMonthsLandlord = c.months("NoticeMonthsLandlord", "Opsigelsesvarsel for udlejer (måneder)", f.NoticeMonthsLandlord)
	l.NoticeMonthsTenant = c.months("NoticeMonthsTenant", "Opsigelsesvarsel for lejer (måneder)", f.NoticeMonthsTenant)
	const rentLabel = "Husleje (kr. pr. m² pr. år ekskl. moms)"
	if s := strings.TrimSpace(f.Rent); s == "" {
		c.add("Rent", rentLabel, "required", "skriv lejen pr. m² pr. år, fx 650,00 (0 hvis lokalerne er gratis)")
	} else if v, err := dk.ParseMoney(s); err != nil {
		c.addErr("Rent", rentLabel, err)
	} else if v < 0 {
		c.add("Rent", rentLabel, "negative", "lejen kan ikke være negativ ("+s+")")
	} else {
		l.RentPerM2Year = v
	}
	if s := strings.TrimSpace(f.DepositMonths); s != "" {
		v, err := dk.ParseDecimal(s)
		switch {
		case err != nil:
			c.addErr("DepositMonths", "Depositum (måneders leje)", err)
		case v < 0:
			c.add("DepositMonths", "Depositum (måneders leje)", "negative", "depositum kan ikke være negativt ("+s+")")
		case v > maxMonths:
			c.add("DepositMonths", "Depositum (måneders leje)", "months", fmt.Sprintf("højst %d måneder (%s)", maxMonths, s))
		default:
			l.DepositMonths = v
		}
	}
	l.Utilities = UtilitiesOnAcct
	if s := strings.TrimSpace(f.Utilities); s != "" {
		l.Utilities = ""
		for _, u := range UtilitiesValues {
			if strings.EqualFold(s, string(u)) || strings.EqualFold(s, u.Label()) {
				l.Utilities = u
			}
		}
		if l.Utilities == "" {
			c.add("Utilities", "Forbrug", "utilities", "skriv inkluderet, aconto eller efter måler ("+s+")")
		}
	}
	l.Use = c.freeText("Use", "Anvendelse", f.Use)
	l.VAT = c.yesNo("VAT", "Moms", f.VAT)
	l.Subletting = c.yesNo("Subletting", "Fremleje", f.Subletting)
	l.PartialLetting = c.yesNo("PartialLetting", "Delvis udlejning", f.PartialLetting)
	l.RentAdjustment, l.RentAdjustmentMonth = parseRentAdjustment(&c, f.RentAdjustment, f.RentAdjustmentMonth)
	for _, a := range approvalFields {
		on, ref := f.approval(a.body)
		ap := Approval{Body: a.body}
		ap.ApprovedOn = c.date(a.on, a.label+", dato", *on)
		ap.Reference = c.freeText(a.ref, a.label+", reference", *ref)
		if ap.ApprovedOn.IsZero() && ap.Reference != "" && !c.has(a.on) {
			c.add(a.on, a.label+", dato", "required", "skriv datoen for godkendelsen")
		}
		if !ap.ApprovedOn.IsZero() || ap.Reference != "" {
			l.Approvals = append(l.Approvals, ap)
		}
	}
	l.NoticeGivenOn = c.date("NoticeGivenOn", "Opsagt den", f.NoticeGivenOn)
	switch s := strings.ToLower(strings.TrimSpace(f.NoticeGivenBy)); s {
	case "":
	case string(Landlord), string(Tenant):
		l.NoticeGivenBy = LeaseSide(s)
	default:
		c.add("NoticeGivenBy", "Opsagt af", "side", "skriv udlejer eller lejer ("+strings.TrimSpace(f.NoticeGivenBy)+")")
	}
	switch {
	case !l.NoticeGivenOn.IsZero() && l.NoticeGivenBy == "" && !c.has("NoticeGivenBy"):
		c.add("NoticeGivenBy", "Opsagt af", "required", "vælg, hvem der har opsagt lejemålet")
	case l.NoticeGivenOn.IsZero() && l.NoticeGivenBy != "" && !c.has("NoticeGivenOn"):
		c.add("NoticeGivenOn", "Opsagt den", "required", "skriv datoen for opsigelsen")
	case !l.NoticeGivenOn.IsZero() && !l.End.IsZero() && l.NoticeGivenOn.After(l.End):
		c.add("NoticeGivenOn", "Opsagt den", "date_order", fmt.Sprintf("opsigelsen (%s) ligger efter lejemålets slutdato (%s)",
			dk.FormatDate(l.NoticeGivenOn), dk.FormatDate(l.End)))
	}
	if l.End.IsZero() && !l.NoticeGivenOn.IsZero() && l.NoticeGivenBy != "" && !l.Start.IsZero() {
		l.End = EndAfterNotice(l, l.NoticeGivenBy, l.NoticeGivenOn)
	}
	l.Notes = c.freeText("Notes", "Noter", f.Notes)
	return l, c.err()
}

// SaveLease validates the form and creates or updates the lease with its
// rooms and approvals in one transaction. A lease of a room that another
// lease lets in an overlapping period is refused, naming that lease.
func (s *Store) SaveLease(ctx context.Context, f LeaseForm) (Lease, error) {
	return save(ctx, s, leaseKind, f.Parse)
}

// leaseKind is how a lease is saved: the checks that need the database
// (the parties' kinds, the rooms, an overlap), its row, its rooms and its
// approvals. The triggers in the schema refuse overlaps too; checking here
// first is what lets the message name the lease in the way.
var leaseKind = &kind[Lease]{
	entity: "lejemål",
	id:     func(l *Lease) *int64 { return &l.ID },
	check:  checkLease,
	row: func(l Lease) row {
		return row{table: "leases", created: true,
			cols: []string{"landlord_id", "tenant_id", "start_on", "end_on", "handover_on", "non_terminable_months",
				"notice_months_landlord", "notice_months_tenant", "rent_ore_per_m2_year", "deposit_months", "utilities", "use",
				"vat", "subletting", "partial_letting", "notice_given_on", "notice_given_by", "notes",
				"rent_adjustment", "rent_adjustment_month"},
			args: []any{l.LandlordID, l.TenantID, dk.ISODate(l.Start), isoOrNil(l.End), isoOrNil(l.Handover),
				l.NonTerminableMonths, l.NoticeMonthsLandlord, l.NoticeMonthsTenant, l.RentPerM2Year, l.DepositMonths,
				string(l.Utilities), l.Use, l.VAT, l.Subletting, l.PartialLetting, isoOrNil(l.NoticeGivenOn),
				nilIfEmpty(string(l.NoticeGivenBy)), l.Notes, string(l.RentAdjustment), monthOrNil(l.RentAdjustmentMonth)}}
	},
	// Rooms let go of leave first: the update trigger checks the dates
	// against the rooms the lease holds at that moment.
	before: func(ctx context.Context, tx dbtx, l Lease, created bool, _ string) error {
		if created {
			return nil
		}
		had, err := leaseRoomIDs(ctx, tx, l.ID)
		if err != nil {
			return err
		}
		for _, id := range had {
			if !slices.Contains(l.RoomIDs, id) {
				if _, err := tx.ExecContext(ctx, `DELETE FROM lease_rooms WHERE lease_id = ? AND room_id = ?`, l.ID, id); err != nil {
					return err
				}
			}
		}
		return nil
	},
	after: func(ctx context.Context, tx dbtx, l Lease, _ bool, now string) error {
		has, err := leaseRoomIDs(ctx, tx, l.ID)
		if err != nil {
			return err
		}
		for _, id := range l.RoomIDs {
			if !slices.Contains(has, id) {
				if _, err := tx.ExecContext(ctx, `INSERT INTO lease_rooms (lease_id, room_id) VALUES (?, ?)`, l.ID, id); err != nil {
					return err
				}
			}
		}
		return saveLeaseApprovals(ctx, tx, l, now)
	},
	detail: func(l Lease) string { return l.TenantName },
	read:   (*Store).Lease,
}

func checkLease(ctx context.Context, _ *Store, tx dbtx, l *Lease, _ bool, parsed *ValidationError) error {
	var c checker
	checkParty := func(field, label string, id int64, kinds []OrgKind, want string) string {
		var name string
		var kind OrgKind
		err := tx.QueryRowContext(ctx, `SELECT name, kind FROM organisations WHERE id = ?`, id).Scan(&name, &kind)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			c.add(field, label, "missing", fmt.Sprintf("organisation %d findes ikke", id))
		case err != nil:
			c.add(field, label, "missing", err.Error())
		case !slices.Contains(kinds, kind):
			c.add(field, label, "kind", fmt.Sprintf("%s er %s; %s", name, strings.ToLower(kind.Label()), want))
		}
		return name
	}
	checkParty("LandlordID", "Udlejer", l.LandlordID, LandlordKinds, "udlejer skal være en boligorganisation eller dens datterselskab (type andet)")
	l.TenantName = checkParty("TenantID", "Lejer", l.TenantID, TenantKinds, "lejer skal være en socialøkonomisk virksomhed")

	var archived bool
	if l.ID != 0 {
		var at sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT archived_at FROM leases WHERE id = ?`, l.ID).Scan(&at)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("lejemål %d findes ikke: %w", l.ID, ErrNotFound)
		} else if err != nil {
			return err
		}
		archived = at.Valid
	}
	rooms, err := roomsInTx(ctx, tx, l.RoomIDs)
	if err != nil {
		return err
	}
	var had []int64
	if l.ID != 0 {
		if had, err = leaseRoomIDs(ctx, tx, l.ID); err != nil {
			return err
		}
	}
	for _, id := range l.RoomIDs {
		r, ok := rooms[id]
		switch {
		case !ok:
			c.add("Rooms", "Lokaler", "missing", fmt.Sprintf("lokale %d findes ikke", id))
		case r.Archived() && !slices.Contains(had, id):
			c.add("Rooms", "Lokaler", "archived", r.Name+" er arkiveret; genskab lokalet først")
		}
	}
	if !c.has("Rooms") && !archived && !parsed.Any("Start", "End", "Rooms") {
		if text, err := overlapText(ctx, tx, *l); err != nil {
			return err
		} else if text != "" {
			c.add("Rooms", "Lokaler", "overlap", text)
		}
	}
	return c.err()
}

// roomsInTx reads the rooms with the given ids inside tx.
func roomsInTx(ctx context.Context, tx dbtx, ids []int64) (map[int64]Room, error) {
	out := map[int64]Room{}
	if len(ids) == 0 {
		return out, nil
	}
	in, args := idList(ids)
	rows, err := tx.QueryContext(ctx, "SELECT "+roomColumns+roomFrom+" WHERE r.id IN ("+in+")", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanRoom(rows)
		if err != nil {
			return nil, err
		}
		out[r.ID] = r
	}
	return out, rows.Err()
}

func leaseRoomIDs(ctx context.Context, tx dbtx, leaseID int64) ([]int64, error) {
	return queryAll(ctx, tx, func(row scanner) (int64, error) {
		var id int64
		err := row.Scan(&id)
		return id, err
	}, `SELECT room_id FROM lease_rooms WHERE lease_id = ?`, leaseID)
}

// openEnd stands for "no end" in date comparisons, as in the triggers.
const openEnd = "9999-12-31"

// overlapText names every lease (not archived, not l itself) that lets one
// of l's rooms in a period overlapping l's: "Systue er allerede udlejet til
// Bevar fra 1.9.2015 (uden slutdato) i lejemål 1". Empty when none does.
func overlapText(ctx context.Context, tx dbtx, l Lease) (string, error) {
	in, args := idList(l.RoomIDs)
	end := openEnd
	if !l.End.IsZero() {
		end = dk.ISODate(l.End)
	}
	args = append(args, l.ID, end, dk.ISODate(l.Start))
	parts, err := queryAll(ctx, tx, func(row scanner) (string, error) {
		var room, tenant string
		var id int64
		var start string
		var end sql.NullString
		if err := row.Scan(&room, &id, &tenant, &start, &end); err != nil {
			return "", err
		}
		other := Lease{Start: dateCol(sql.NullString{String: start, Valid: true}), End: dateCol(end)}
		period := "fra " + dk.FormatDate(other.Start) + " (uden slutdato)"
		if !other.End.IsZero() {
			period = "fra " + dk.FormatDate(other.Start) + " til " + dk.FormatDate(other.End)
		}
		return fmt.Sprintf("%s er allerede udlejet til %s %s i lejemål %d", room, tenant, period, id), nil
	}, `SELECT r.name, o.id, t.name, o.start_on, o.end_on
		FROM lease_rooms lr
		JOIN leases o ON o.id = lr.lease_id
		JOIN rooms r ON r.id = lr.room_id
		JOIN organisations t ON t.id = o.tenant_id
		WHERE lr.room_id IN (`+in+`) AND o.id <> ? AND o.archived_at IS NULL
		  AND o.start_on <= ? AND ? <= coalesce(o.end_on, '`+openEnd+`')
		ORDER BY r.sort_key, o.start_on, o.id`, args...)
	return strings.Join(parts, "; "), err
}

// saveLeaseApprovals keeps the approvals table in step with the form: a
// body with neither date nor reference has no row.
func saveLeaseApprovals(ctx context.Context, tx dbtx, l Lease, now string) error {
	for _, b := range ApprovalBodies {
		a, ok := l.Approval(b)
		if !ok {
			if _, err := tx.ExecContext(ctx, `DELETE FROM approvals WHERE lease_id = ? AND body = ?`, l.ID, string(b)); err != nil {
				return err
			}
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO approvals (body, lease_id, approved_on, reference, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (lease_id, body) WHERE lease_id IS NOT NULL
			DO UPDATE SET approved_on = excluded.approved_on, reference = excluded.reference, updated_at = excluded.updated_at`,
			string(b), l.ID, isoOrNil(a.ApprovedOn), a.Reference, now, now); err != nil {
			return err
		}
	}
	return nil
}

const leaseColumns = `l.id, l.landlord_id, l.tenant_id, ll.name, t.name, l.start_on, l.end_on, l.handover_on,
	l.non_terminable_months, l.notice_months_landlord, l.notice_months_tenant, l.rent_ore_per_m2_year,
	l.deposit_months, l.utilities, l.use, l.vat, l.subletting, l.partial_letting, l.notice_given_on,
	l.notice_given_by, l.notes, l.archived_at, l.created_at, l.updated_at, l.rent_adjustment,
	coalesce(l.rent_adjustment_month, 0)`

const leaseFrom = ` FROM leases l JOIN organisations t ON t.id = l.tenant_id JOIN organisations ll ON ll.id = l.landlord_id`

func scanLease(row scanner) (Lease, error) {
	var l Lease
	var start, created, updated string
	var end, handover, noticeOn, noticeBy, archived sql.NullString
	err := row.Scan(&l.ID, &l.LandlordID, &l.TenantID, &l.LandlordName, &l.TenantName, &start, &end, &handover,
		&l.NonTerminableMonths, &l.NoticeMonthsLandlord, &l.NoticeMonthsTenant, &l.RentPerM2Year,
		&l.DepositMonths, &l.Utilities, &l.Use, &l.VAT, &l.Subletting, &l.PartialLetting, &noticeOn,
		&noticeBy, &l.Notes, &archived, &created, &updated, &l.RentAdjustment, &l.RentAdjustmentMonth)
	l.Start = dateCol(sql.NullString{String: start, Valid: true})
	l.End, l.Handover, l.NoticeGivenOn = dateCol(end), dateCol(handover), dateCol(noticeOn)
	l.NoticeGivenBy = LeaseSide(noticeBy.String)
	l.ArchivedAt = instantCol(archived)
	l.CreatedAt = instantCol(sql.NullString{String: created, Valid: true})
	l.UpdatedAt = instantCol(sql.NullString{String: updated, Valid: true})
	return l, err
}

// queryLeases runs a lease query and fills in each lease's rooms and
// approvals with one more query each (not one per lease).
func (s *Store) queryLeases(ctx context.Context, q string, args ...any) ([]Lease, error) {
	out, err := queryAll(ctx, s.db, scanLease, q, args...)
	if err != nil || len(out) == 0 {
		return out, err
	}
	ids := make([]int64, len(out))
	index := map[int64]int{}
	for i, l := range out {
		ids[i] = l.ID
		index[l.ID] = i
	}
	in, idArgs := idList(ids)
	rrows, err := s.db.QueryContext(ctx, "SELECT lr.lease_id, "+roomColumns+
		" FROM lease_rooms lr JOIN rooms r ON r.id = lr.room_id JOIN premises p ON p.id = r.premises_id WHERE lr.lease_id IN ("+in+
		") ORDER BY p.sort_key, p.id, r.sort_key, r.id", idArgs...)
	if err != nil {
		return nil, err
	}
	for rrows.Next() {
		var leaseID int64
		var r Room
		var archived sql.NullString
		var created, updated string
		if err := rrows.Scan(&leaseID, &r.ID, &r.PremisesID, &r.PremisesName, &r.Name, &r.AreaM2, &r.Kind, &r.Shared,
			&r.Notes, &archived, &created, &updated); err != nil {
			rrows.Close()
			return nil, err
		}
		r.ArchivedAt = instantCol(archived)
		l := &out[index[leaseID]]
		l.Rooms = append(l.Rooms, r)
		l.RoomIDs = append(l.RoomIDs, r.ID)
	}
	rrows.Close()
	if err := rrows.Err(); err != nil {
		return nil, err
	}
	arows, err := s.db.QueryContext(ctx, `SELECT lease_id, body, approved_on, reference FROM approvals
		WHERE lease_id IN (`+in+`) ORDER BY lease_id, CASE body WHEN 'afdelingsmoede' THEN 1 WHEN 'bestyrelse' THEN 2 ELSE 3 END`, idArgs...)
	if err != nil {
		return nil, err
	}
	defer arows.Close()
	for arows.Next() {
		var leaseID int64
		var a Approval
		var on sql.NullString
		if err := arows.Scan(&leaseID, &a.Body, &on, &a.Reference); err != nil {
			return nil, err
		}
		a.ApprovedOn = dateCol(on)
		l := &out[index[leaseID]]
		l.Approvals = append(l.Approvals, a)
	}
	return out, arows.Err()
}

// Lease reads one lease with its rooms and approvals, archived or not.
func (s *Store) Lease(ctx context.Context, id int64) (Lease, error) {
	ls, err := s.queryLeases(ctx, "SELECT "+leaseColumns+leaseFrom+" WHERE l.id = ?", id)
	if err != nil {
		return Lease{}, err
	}
	if len(ls) == 0 {
		return Lease{}, fmt.Errorf("lejemål %d findes ikke: %w", id, ErrNotFound)
	}
	return ls[0], nil
}

// LeaseQuery selects leases for a list.
type LeaseQuery struct {
	Text     string      // search-as-you-type: tenant, landlord, rooms, premises
	Status   LeaseStatus // "" for all
	Day      time.Time   // the day Status refers to; zero means today
	Archived bool        // list the archived ones instead
	Limit    int         // 0 means 100
	Offset   int
}

// where is the query's filter. The status conditions are Terms' rules
// written in SQL; Parse stores the end a notice gives, so end_on is all a
// lease that was given notice needs.
func (q LeaseQuery) where() (string, []any) {
	where := []string{"(l.archived_at IS NOT NULL) = ?"}
	args := []any{q.Archived}
	for _, word := range strings.Fields(dk.Fold(q.Text)) {
		where = append(where, `(instr(t.search_text, ?) > 0 OR instr(ll.search_text, ?) > 0 OR EXISTS (
			SELECT 1 FROM lease_rooms lr JOIN rooms r ON r.id = lr.room_id WHERE lr.lease_id = l.id AND instr(r.search_text, ?) > 0))`)
		args = append(args, word, word, word)
	}
	if q.Status != "" {
		day := q.Day
		if day.IsZero() {
			day = time.Now()
		}
		iso := dk.ISODate(day)
		ended := "(l.end_on IS NOT NULL AND l.end_on < ?)"
		switch q.Status {
		case LeaseEnded:
			where = append(where, ended)
			args = append(args, iso)
		case LeaseNoticeGiven:
			where = append(where, "NOT "+ended+" AND l.notice_given_on <= ?")
			args = append(args, iso, iso)
		case LeasePlanned:
			where = append(where, "NOT "+ended+" AND coalesce(l.notice_given_on > ?, 1) AND l.start_on > ?")
			args = append(args, iso, iso, iso)
		case LeaseActive:
			where = append(where, "NOT "+ended+" AND coalesce(l.notice_given_on > ?, 1) AND l.start_on <= ?")
			args = append(args, iso, iso, iso)
		}
	}
	return strings.Join(where, " AND "), args
}

// SearchLeases returns one page of leases with their rooms and approvals,
// sorted by tenant (Danish order), then start.
func (s *Store) SearchLeases(ctx context.Context, q LeaseQuery) ([]Lease, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	where, args := q.where()
	args = append(args, limit, q.Offset)
	return s.queryLeases(ctx, "SELECT "+leaseColumns+leaseFrom+" WHERE "+where+
		" ORDER BY t.sort_key, t.id, l.start_on, l.id LIMIT ? OFFSET ?", args...)
}

// CountLeases counts what SearchLeases would list without a limit. Only a
// search needs the parties' names; without one, the leases table alone
// answers.
func (s *Store) CountLeases(ctx context.Context, q LeaseQuery) (int, error) {
	where, args := q.where()
	from := " FROM leases l"
	if strings.TrimSpace(q.Text) != "" {
		from = leaseFrom
	}
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*)"+from+" WHERE "+where, args...).Scan(&n)
	return n, err
}

// LeasesOfRoom lists the leases (archived ones too) that let room id,
// newest first.
func (s *Store) LeasesOfRoom(ctx context.Context, roomID int64) ([]Lease, error) {
	return s.queryLeases(ctx, "SELECT "+leaseColumns+leaseFrom+
		" WHERE l.id IN (SELECT lease_id FROM lease_rooms WHERE room_id = ?) ORDER BY l.start_on DESC, l.id DESC", roomID)
}

// LeaseParties lists the organisations (not archived) that may be landlord
// and tenant of a lease, each in Danish order.
func (s *Store) LeaseParties(ctx context.Context) (landlords, tenants []Organisation, err error) {
	pick := func(kinds []OrgKind) ([]Organisation, error) {
		var out []Organisation
		for _, k := range kinds {
			for offset := 0; ; offset += 1000 {
				page, err := s.SearchOrganisations(ctx, OrgQuery{Kind: k, Limit: 1000, Offset: offset})
				if err != nil {
					return nil, err
				}
				out = append(out, page...)
				if len(page) < 1000 {
					break
				}
			}
		}
		slices.SortStableFunc(out, func(a, b Organisation) int { return dk.Compare(a.Name, b.Name) })
		return out, nil
	}
	if landlords, err = pick(LandlordKinds); err != nil {
		return nil, nil, err
	}
	tenants, err = pick(TenantKinds)
	return landlords, tenants, err
}

// ArchiveLease hides a lease from the lists; an archived lease no longer
// holds its rooms, so they can be let again.
func (s *Store) ArchiveLease(ctx context.Context, id int64) error {
	return s.setArchived(ctx, "leases", "lejemål", id, true)
}

// RestoreLease brings an archived lease back, unless another lease has let
// one of its rooms in the meantime (the ValidationError names it).
func (s *Store) RestoreLease(ctx context.Context, id int64) error {
	l, err := s.Lease(ctx, id)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if len(l.RoomIDs) > 0 {
			text, err := overlapText(ctx, tx, l)
			if err != nil {
				return err
			}
			if text != "" {
				return &ValidationError{Problems: []FieldError{{Field: "Rooms", Label: "Lokaler", Code: "overlap", Text: text}}}
			}
		}
		now := s.nowText()
		if _, err := tx.ExecContext(ctx, `UPDATE leases SET archived_at = NULL, updated_at = ? WHERE id = ?`, now, id); err != nil {
			return err
		}
		return logEvent(ctx, tx, now, "genskabt", "lejemål", id, "")
	})
}
