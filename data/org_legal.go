package data

// A party that is a unit without legal personality (a municipal centre, a
// boligsocial helhedsplan) cannot bind itself: the legal person above it
// signs, through the unit. The unit's parent organisation is that legal
// person, and an agreement names both: "Slagelse Kommune v/ Center for
// Arbejdsmarked og Integration".

// ParentKind is the kind of organisation a unit of kind k acts for (a
// municipal unit for its municipality, a helhedsplan for the housing
// organisation that runs it); "" for kinds that are legal persons
// themselves and have no parent.
func (k OrgKind) ParentKind() OrgKind {
	switch k {
	case KindMunicipalUnit:
		return KindMunicipality
	case KindMasterPlan:
		return KindHousingAssoc
	}
	return ""
}

// PartyLine is how an agreement names organisation o as a party: the legal
// person and, when o is a unit acting for it, the unit after "v/". parent
// is o's parent organisation (zero when it has none).
func PartyLine(o, parent Organisation) string {
	if parent.Name == "" || o.ParentID == 0 || parent.ID != o.ParentID {
		return o.Name
	}
	return parent.Name + " v/ " + o.Name
}
