package data

import (
	"strings"
	"time"
)

// OrgKind is what kind of party an organisation is.
type OrgKind string

// The kinds of organisation a partnership has.
const (
	KindMunicipality  OrgKind = "kommune"
	KindMunicipalUnit OrgKind = "kommunal_enhed"
	KindHousingAssoc  OrgKind = "boligorganisation"
	KindMasterPlan    OrgKind = "helhedsplan"
	KindSecretariat   OrgKind = "sekretariat"
	KindEnterprise    OrgKind = "virksomhed"
	KindOtherOrg      OrgKind = "andet"
)

// OrgKinds lists the kinds in the order the form offers them.
var OrgKinds = []OrgKind{KindMunicipality, KindMunicipalUnit, KindHousingAssoc, KindMasterPlan, KindSecretariat, KindEnterprise, KindOtherOrg}

var orgKindLabels = map[OrgKind]string{
	KindMunicipality:  "Kommune",
	KindMunicipalUnit: "Kommunal enhed",
	KindHousingAssoc:  "Boligorganisation",
	KindMasterPlan:    "Boligsocial helhedsplan",
	KindSecretariat:   "Sekretariat",
	KindEnterprise:    "Socialøkonomisk virksomhed",
	KindOtherOrg:      "Andet",
}

// Label is the kind's Danish name.
func (k OrgKind) Label() string {
	if l, ok := orgKindLabels[k]; ok {
		return l
	}
	return string(k)
}

// OrgKindByLabel finds a kind from its Danish name or its code.
func OrgKindByLabel(s string) (OrgKind, bool) {
	for _, k := range OrgKinds {
		if strings.EqualFold(string(k), s) || strings.EqualFold(k.Label(), s) {
			return k, true
		}
	}
	return "", false
}

// RSV is whether an enterprise is a registered social-economy enterprise.
type RSV string

// RSV statuses; the public register is poorly kept, so "ukendt" is honest.
const (
	RSVYes     RSV = "ja"
	RSVNo      RSV = "nej"
	RSVUnknown RSV = "ukendt"
)

// RSVValues lists the statuses in the order the form offers them.
var RSVValues = []RSV{RSVUnknown, RSVYes, RSVNo}

// Label is the status's Danish name.
func (r RSV) Label() string {
	switch r {
	case RSVYes:
		return "Ja"
	case RSVNo:
		return "Nej"
	}
	return "Ukendt"
}

// Organisation is a party in the partnership.
type Organisation struct {
	ID           int64
	Name         string
	Kind         OrgKind
	ParentID     int64 // the legal person a unit acts for (ParentKind); 0 if none
	CVR          string
	PNumber      string
	EAN          string
	RSV          RSV
	RSVCheckedOn time.Time
	Address      string
	Postcode     string
	City         string
	Role         string // the organisation's role in the partnership
	Notes        string
	// The helhedsplan's steering group approves each enterprise.
	ApprovedOn  time.Time
	ApprovalRef string
	ArchivedAt  time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Archived tells whether the organisation is archived.
func (o Organisation) Archived() bool { return !o.ArchivedAt.IsZero() }

// OrganisationForm is an organisation as typed into the form or a CSV row:
// strings, so that what the user typed is kept even when it is invalid.
type OrganisationForm struct {
	ID           int64
	Name         string
	Kind         string
	ParentID     int64
	CVR          string
	PNumber      string
	EAN          string
	RSV          string
	RSVCheckedOn string
	Address      string
	Postcode     string
	City         string
	Role         string
	Notes        string
	ApprovedOn   string
	ApprovalRef  string
}

// Form returns the organisation as the form shows it.
func (o Organisation) Form() OrganisationForm {
	return OrganisationForm{
		ID: o.ID, Name: o.Name, Kind: string(o.Kind), ParentID: o.ParentID,
		CVR: o.CVR, PNumber: o.PNumber, EAN: o.EAN,
		RSV: string(o.RSV), RSVCheckedOn: formatDateOrEmpty(o.RSVCheckedOn),
		Address: o.Address, Postcode: o.Postcode, City: o.City,
		Role: o.Role, Notes: o.Notes,
		ApprovedOn: formatDateOrEmpty(o.ApprovedOn), ApprovalRef: o.ApprovalRef,
	}
}
