package agreement

import (
	"context"
	"fmt"
	"strings"
	"time"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// Facts are the values a template is merged with, keyed by the catalogue's
// names: a group is a Facts, a list a []Facts, a value a string (already
// formatted the Danish way), a Count or a Flag. A group that the agreement
// does not have (no lease chosen) is left out, so {{#lejemaal}} is false.
type Facts map[string]any

// Count is a number of things, printed the Danish way (1.000); 0 counts as
// empty in a section, so {{#bemanding.fleksjobbere}} means "if any".
type Count int

// String writes the count with a dot between thousands.
func (c Count) String() string { return dk.FormatDecimal(float64(c), 0) }

// Flag is a yes or no, printed "ja" or "nej"; "nej" counts as empty in a
// section, so {{#lejemaal.moms}}…{{/lejemaal.moms}} means "if VAT is paid".
type Flag bool

// String writes the flag in Danish.
func (f Flag) String() string { return data.YesNo(bool(f)) }

// Selection is what a caseworker chooses for an agreement: the facts are
// read from the store for these.
type Selection struct {
	AgreementDate       time.Time
	Number              string
	Title               string
	Place               string
	ValidFrom, ValidTo  time.Time
	PartyIDs            []int64 // in the order the parties' table lists them
	LeaseID             int64   // 0: none
	SignatoryContactIDs []int64 // in signing order
	ParentID            int64   // the agreement it hangs under; 0: none (facts_tree.go)
	AgreementID         int64   // the agreement merged again; 0 for a new one, which has no sub-agreements yet
}

// orgGroups maps the catalogue's organisation groups to the kind of party
// that fills each: the first party of that kind.
var orgGroups = []struct {
	name string
	kind data.OrgKind
}{
	{"kommune", data.KindMunicipality},
	{"enhed", data.KindMunicipalUnit},
	{"virksomhed", data.KindEnterprise},
	{"helhedsplan", data.KindMasterPlan},
	{"boligorganisation", data.KindHousingAssoc},
	{"sekretariat", data.KindSecretariat},
}

// BuildFacts reads what the selection points at and returns the facts a
// template is merged with. Dates are written long (21. februar 2015),
// money in kroner (1.700.000,00 kr.), areas in m² (48 m²). The staffing
// and the targets are counted on the agreement's date (today when it has
// none): what the agreement can truthfully say on the day it is made.
//
// Which party is "kommune", "virksomhed" … follows their kinds: the first
// party of each kind. When no municipality is among the parties but a
// municipal unit is, "kommune" is the unit's municipality. A party's
// contact person is its first signatory, otherwise its first contact
// person in Danish order.
func BuildFacts(ctx context.Context, s *data.Store, sel Selection) (Facts, error) {
	day := sel.AgreementDate
	if day.IsZero() {
		n := s.Now().Local()
		day = time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
	}
	f := Facts{"aftale": agreementFacts(sel)}

	signers := make([]data.Contact, 0, len(sel.SignatoryContactIDs))
	for _, id := range sel.SignatoryContactIDs {
		k, err := s.Contact(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("underskriver: %w", err)
		}
		signers = append(signers, k)
	}
	orgs := map[int64]data.Organisation{}
	org := func(id int64) (data.Organisation, error) {
		if o, ok := orgs[id]; ok {
			return o, nil
		}
		o, err := s.Organisation(ctx, id)
		if err != nil {
			return o, fmt.Errorf("part: %w", err)
		}
		orgs[id] = o
		return o, nil
	}
	contact := func(o data.Organisation) (data.Contact, error) {
		for _, k := range signers {
			if k.OrganisationID == o.ID {
				return k, nil
			}
		}
		ks, err := s.Contacts(ctx, o.ID, false)
		if err != nil || len(ks) == 0 {
			return data.Contact{}, err
		}
		return ks[0], nil
	}
	orgFacts := func(o data.Organisation) (Facts, error) {
		k, err := contact(o)
		if err != nil {
			return nil, err
		}
		var parent data.Organisation
		if o.ParentID != 0 {
			if parent, err = org(o.ParentID); err != nil {
				return nil, err
			}
		}
		legal := o
		if parent.ID != 0 {
			legal = parent
		}
		of := Facts{"navn": o.Name, "cvr": o.CVR, "adresse": addressOf(o), "rolle": o.Role,
			"kontaktperson": k.Name, "titel": k.Title, "type": o.Kind.Label(),
			"part": data.PartyLine(o, parent), "juridisk_person": legal.Name}
		return of, nil
	}

	parties := make([]Facts, 0, len(sel.PartyIDs))
	for _, id := range sel.PartyIDs {
		o, err := org(id)
		if err != nil {
			return nil, err
		}
		pf, err := orgFacts(o)
		if err != nil {
			return nil, err
		}
		parties = append(parties, pf)
		for _, g := range orgGroups {
			if _, done := f[g.name]; done || o.Kind != g.kind {
				continue
			}
			gf := Facts{}
			for k, v := range pf {
				if k != "type" {
					gf[k] = v
				}
			}
			if o.Kind == data.KindEnterprise {
				gf["rsv"] = strings.ToLower(o.RSV.Label())
				gf["godkendt_dato"] = factDate(o.ApprovedOn)
				gf["godkendt_reference"] = o.ApprovalRef
			}
			f[g.name] = gf
		}
	}
	f["parter"] = parties
	// A legal person that acts through a unit among the parties (the
	// municipality through its centre, the housing organisation through
	// its helhedsplan) fills its group from the unit's parent.
	for _, g := range []struct {
		name string
		unit data.OrgKind
	}{{"kommune", data.KindMunicipalUnit}, {"boligorganisation", data.KindMasterPlan}} {
		if _, ok := f[g.name]; ok {
			continue
		}
		for _, id := range sel.PartyIDs {
			if o := orgs[id]; o.Kind == g.unit && o.ParentID != 0 {
				m, err := org(o.ParentID)
				if err != nil {
					return nil, err
				}
				mf, err := orgFacts(m)
				if err != nil {
					return nil, err
				}
				delete(mf, "type")
				f[g.name] = mf
				break
			}
		}
	}

	under := make([]Facts, 0, len(signers))
	for _, k := range signers {
		o, err := org(k.OrganisationID)
		if err != nil {
			return nil, err
		}
		under = append(under, Facts{"navn": k.Name, "titel": k.Title, "organisation": o.Name})
	}
	f["underskrivere"] = under

	if sel.LeaseID != 0 {
		lf, err := leaseFacts(ctx, s, sel.LeaseID, day, org)
		if err != nil {
			return nil, err
		}
		f["lejemaal"] = lf
	}

	if err := addTreeFacts(ctx, s, sel, f); err != nil {
		return nil, err
	}

	plan, err := s.PlanOn(ctx, 0, day)
	if err != nil {
		return nil, err
	}
	counts, err := s.ActiveCounts(ctx, day)
	if err != nil {
		return nil, err
	}
	f["bemanding"] = Facts{"job_planlagt": Count(plan.Planned), "job_besat": Count(counts.Jobs),
		"fleksjobbere": Count(counts.Flex), "beboere": Count(counts.Residents)}

	targets, err := s.Targets(ctx, day)
	if err != nil {
		return nil, err
	}
	goals := make([]Facts, 0, len(targets))
	for _, t := range targets {
		goals = append(goals, Facts{"navn": t.Name, "maal": dk.FormatDecimal(t.Goal, -1),
			"vaerdi": dk.FormatDecimal(t.Current, -1), "enhed": t.Unit, "frist": factDate(t.Deadline),
			"milepael": Flag(t.Milestone())})
	}
	f["maal"] = goals

	decided, _, err := s.DecidedTexts(ctx)
	if err != nil {
		return nil, err
	}
	if len(decided) > 0 {
		g := make(Facts, len(decided))
		for code, text := range decided {
			g[code] = text
		}
		f[data.ChecklistGroup] = g
	}
	return f, nil
}

// agreementFacts are the agreement's own fields.
func agreementFacts(sel Selection) Facts {
	from, to := factDate(sel.ValidFrom), factDate(sel.ValidTo)
	var period string
	switch {
	case from != "" && to != "":
		period = "fra " + from + " til " + to
	case from != "":
		period = "fra " + from + " og uden tidsbegrænsning"
	case to != "":
		period = "til " + to
	}
	return Facts{"titel": sel.Title, "nummer": sel.Number, "dato": factDate(sel.AgreementDate), "sted": sel.Place,
		"periode_fra": from, "periode_til": to, "periode": period}
}

// leaseFacts reads a lease and what follows from its terms (data's
// LeaseTerms: the one place the rent, the deposit and the notice rules live).
func leaseFacts(ctx context.Context, s *data.Store, id int64, day time.Time,
	org func(int64) (data.Organisation, error)) (Facts, error) {
	l, err := s.Lease(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("lejemål: %w", err)
	}
	landlord, err := org(l.LandlordID)
	if err != nil {
		return nil, err
	}
	tenant, err := org(l.TenantID)
	if err != nil {
		return nil, err
	}
	t := l.Terms(l.Rooms, day)
	rooms := make([]Facts, 0, len(l.Rooms))
	var places, cadastres []string
	seen := map[int64]bool{}
	for _, r := range l.Rooms {
		rooms = append(rooms, Facts{"navn": r.Name, "areal": data.FormatArea(r.AreaM2)})
		if seen[r.PremisesID] {
			continue
		}
		seen[r.PremisesID] = true
		p, err := s.Premises(ctx, r.PremisesID)
		if err != nil {
			return nil, fmt.Errorf("lejemål: %w", err)
		}
		places = append(places, joinNonEmpty(", ", p.Name, p.Address, strings.TrimSpace(p.Postcode+" "+p.City)))
		if c := p.Cadastre(); c != "" {
			cadastres = append(cadastres, c)
		}
	}
	partyLine := func(o data.Organisation) (string, error) {
		if o.ParentID == 0 {
			return o.Name, nil
		}
		parent, err := org(o.ParentID)
		return data.PartyLine(o, parent), err
	}
	landlordLine, err := partyLine(landlord)
	if err != nil {
		return nil, err
	}
	tenantLine, err := partyLine(tenant)
	if err != nil {
		return nil, err
	}
	var approvals []Facts
	required := data.RequiredApprovals(l)
	for _, b := range data.ApprovalBodies {
		a, recorded := l.Approval(b)
		needed := false
		for _, r := range required {
			needed = needed || r == b
		}
		if !recorded && !needed {
			continue
		}
		approvals = append(approvals, Facts{"organ": b.Label(), "dato": factDate(a.ApprovedOn), "reference": a.Reference})
	}
	return Facts{
		"udlejer": landlord.Name, "udlejer_cvr": landlord.CVR, "udlejer_adresse": addressOf(landlord),
		"lejer": tenant.Name, "lejer_cvr": tenant.CVR, "lejer_adresse": addressOf(tenant),
		"udlejer_part": landlordLine, "lejer_part": tenantLine,
		"ejendom":             strings.Join(places, "; "),
		"matrikel":            strings.Join(cadastres, "; "),
		"regulering":          l.RentAdjustmentText(),
		"regulering_maaned":   monthName(l.RentAdjustmentMonth),
		"nettoprisindeks":     Flag(l.RentAdjustment == data.AdjustNetPrice),
		"lokaler":             rooms,
		"samlet_areal":        data.FormatArea(t.AreaM2),
		"husleje_pr_m2":       dk.FormatMoney(l.RentPerM2Year),
		"aarlig_husleje":      dk.FormatMoney(t.YearlyRent),
		"maanedlig_husleje":   dk.FormatMoney(t.MonthlyRent),
		"depositum":           dk.FormatMoney(t.Deposit),
		"depositum_maaneder":  dk.FormatDecimal(l.DepositMonths, -1),
		"start":               factDate(l.Start),
		"overtagelse":         factDate(l.Handover),
		"ophoer":              factDate(t.End),
		"uopsigelig_maaneder": Count(l.NonTerminableMonths),
		"varsel_udlejer":      Count(l.NoticeMonthsLandlord),
		"varsel_lejer":        Count(l.NoticeMonthsTenant),
		"forbrug":             l.Utilities.Label(),
		"forbrug_inkluderet":  Flag(l.Utilities == data.UtilitiesIncluded),
		"forbrug_aconto":      Flag(l.Utilities == data.UtilitiesOnAcct),
		"forbrug_maalt":       Flag(l.Utilities == data.UtilitiesMetered),
		"anvendelse":          l.Use,
		"moms":                Flag(l.VAT),
		"fremleje":            Flag(l.Subletting),
		"delvis_udlejning":    Flag(l.PartialLetting),
		"mangler_godkendelse": Flag(len(t.Missing) > 0),
		"godkendelser":        approvals,
	}, nil
}

// monthName is the month's Danish name; "" for none.
func monthName(m time.Month) string {
	if m == 0 {
		return ""
	}
	return dk.MonthName(m)
}

// factDate writes a date the way agreements do, 21. februar 2015; "" for none.
func factDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return dk.FormatDateLong(t)
}

// addressOf writes an organisation's address on one line: "Rådhuspladsen
// 11, 4200 Slagelse".
func addressOf(o data.Organisation) string {
	return joinNonEmpty(", ", o.Address, strings.TrimSpace(o.Postcode+" "+o.City))
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// DemoSelection is the demo case's partnership agreement, for the
// template editor's preview and the demo's draft: the seed's parties (all
// the demo's organisations but the job centre, whose role the partnership
// is still to settle; a unit stands for its legal person), Bevar's lease in Kvarterhuset, one signatory per
// party that has a contact person (the municipality signs through its
// Center for Arbejdsmarked og Integration), dated 21.2.2015 (the
// commission's date) in Korsør, running to 30.9.2017 (the end of the
// helhedsplan's municipal co-funding).
func DemoSelection(ctx context.Context, s *data.Store) (Selection, error) {
	sel := Selection{
		AgreementDate: time.Date(2015, 2, 21, 0, 0, 0, 0, time.UTC),
		Number:        "2015-001",
		Title:         "Partnerskabsaftale af 2. orden",
		Place:         "Korsør",
		ValidFrom:     time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC),
		ValidTo:       time.Date(2017, 9, 30, 0, 0, 0, 0, time.UTC),
	}
	// The units sign for their legal persons (Slagelse Kommune v/ the
	// centre, BoligKorsør v/ the helhedsplan), so those are not listed twice.
	names := []string{"Center for Arbejdsmarked og Integration", "Sekstanten",
		"Boligsocial helhedsplan Motalavej", "Jobenheden, Projekt Ringparken og Motalavej",
		"Bevar", "Fra de varme lande"}
	all, err := s.SearchOrganisations(ctx, data.OrgQuery{Limit: 10000})
	if err != nil {
		return sel, err
	}
	byName := map[string]data.Organisation{}
	for _, o := range all {
		if _, dup := byName[o.Name]; !dup {
			byName[o.Name] = o
		}
	}
	for _, name := range names {
		o, ok := byName[name]
		if !ok {
			return sel, fmt.Errorf("eksemplets part %q findes ikke; indlæs eksemplet med »partnerskab demo«: %w", name, data.ErrNotFound)
		}
		sel.PartyIDs = append(sel.PartyIDs, o.ID)
		ks, err := s.Contacts(ctx, o.ID, false)
		if err != nil {
			return sel, err
		}
		if len(ks) > 0 {
			sel.SignatoryContactIDs = append(sel.SignatoryContactIDs, ks[0].ID)
		}
	}
	bevar := byName["Bevar"].ID
	leases, err := s.SearchLeases(ctx, data.LeaseQuery{Limit: 1000})
	if err != nil {
		return sel, err
	}
	for _, l := range leases {
		if l.TenantID == bevar {
			sel.LeaseID = l.ID
			break
		}
	}
	return sel, nil
}
