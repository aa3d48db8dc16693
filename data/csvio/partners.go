package csvio

import (
	"context"
	"strings"

	"partnerskab/data"
)

var partnersKind = &Kind{
	Name:  "partners",
	Title: "Partnere",
	File:  "partnere.csv",
	Columns: []Column{
		{Header: "Navn", Field: "Name", Required: true, What: "organisationens navn", Example: "Bevar"},
		{Header: "Type", Field: "Kind", Required: true, Example: "Socialøkonomisk virksomhed",
			What: "organisationens type; se typerne nedenfor"},
		{Header: "Hører under", Aliases: []string{"Kommune"}, Field: "ParentID",
			What: "for en kommunal enhed: kommunen, ved navn eller CVR-nummer", Example: "Slagelse Kommune"},
		{Header: "CVR", Aliases: []string{"CVR-nummer", "CVR-nr", "CVR nr."}, Field: "CVR",
			What: "8 cifre; DK foran og mellemrum er tilladt", Example: "29188505"},
		{Header: "P-nummer", Aliases: []string{"P-nr", "P nr."}, Field: "PNumber", What: "10 cifre", Example: "1003388394"},
		{Header: "EAN", Aliases: []string{"EAN-nummer", "EAN-nr", "GLN"}, Field: "EAN",
			What: "13 cifre (elektronisk fakturering)", Example: "5798007149727"},
		{Header: "RSV", Aliases: []string{"RSV-registreret"}, Field: "RSV",
			What: "registreret socialøkonomisk virksomhed: ja, nej eller ukendt", Example: "ukendt"},
		{Header: "RSV tjekket", Aliases: []string{"RSV tjekket den"}, Field: "RSVCheckedOn",
			What: "datoen RSV-registret blev tjekket", Example: "21.2.2015"},
		{Header: "Adresse", Field: "Address", Example: "Rådhuspladsen 11"},
		{Header: "Postnummer", Aliases: []string{"Postnr", "Postnr."}, Field: "Postcode", What: "4 cifre", Example: "4200"},
		{Header: "By", Field: "City", Example: "Slagelse"},
		{Header: "Rolle", Aliases: []string{"Rolle i partnerskabet"}, Field: "Role",
			What: "organisationens rolle i partnerskabet", Example: "Udlejer af lokaler"},
		{Header: "Noter", Aliases: []string{"Note", "Bemærkninger"}, Field: "Notes"},
		{Header: "Godkendt af styregruppen", Aliases: []string{"Godkendt af styregruppen den", "Godkendt"},
			Field: "ApprovedOn", What: "for en virksomhed: datoen helhedsplanens styregruppe godkendte den", Example: "14.4.2015"},
		{Header: "Godkendelsesreference", Aliases: []string{"Reference til godkendelsen"}, Field: "ApprovalRef",
			What: "for en virksomhed: hvor godkendelsen står", Example: "Styregruppemøde 14.4.2015, punkt 3"},
	},
}

func init() {
	partnersKind.Notes = []string{"Typer: " + kindsText() + ".", "Arkiverede organisationer eksporteres ikke."}
	partnersKind.record = partnerRecord
	partnersKind.export = exportPartners
}

func kindsText() string {
	var labels []string
	for _, k := range data.OrgKinds {
		labels = append(labels, k.Label())
	}
	return strings.Join(labels, ", ")
}

func partnerRecord(v values) data.ImportRecord {
	return data.PartnerImport{
		Parent: v.get("Hører under"),
		Form: data.OrganisationForm{
			Name: v.get("Navn"), Kind: v.get("Type"), CVR: v.get("CVR"), PNumber: v.get("P-nummer"),
			EAN: v.get("EAN"), RSV: v.get("RSV"), RSVCheckedOn: v.get("RSV tjekket"),
			Address: v.get("Adresse"), Postcode: v.get("Postnummer"), City: v.get("By"),
			Role: v.get("Rolle"), Notes: v.get("Noter"),
			ApprovedOn: v.get("Godkendt af styregruppen"), ApprovalRef: v.get("Godkendelsesreference"),
		},
	}
}

// exportPartners writes the active organisations in Danish order.
func exportPartners(ctx context.Context, s *data.Store, emit func(values)) error {
	names := map[int64]string{}
	var all []data.Organisation
	const page = 1000
	for offset := 0; ; offset += page {
		orgs, err := s.SearchOrganisations(ctx, data.OrgQuery{Limit: page, Offset: offset})
		if err != nil {
			return err
		}
		for _, o := range orgs {
			names[o.ID] = o.Name
		}
		all = append(all, orgs...)
		if len(orgs) < page {
			break
		}
	}
	for _, o := range all {
		f := o.Form()
		v := newValues(partnersKind)
		v.set("Navn", f.Name)
		v.set("Type", o.Kind.Label())
		if o.ParentID != 0 {
			name, ok := names[o.ParentID]
			if !ok { // an archived municipality
				p, err := s.Organisation(ctx, o.ParentID)
				if err != nil {
					return err
				}
				name = p.Name
			}
			v.set("Hører under", name)
		}
		v.set("CVR", f.CVR)
		v.set("P-nummer", f.PNumber)
		v.set("EAN", f.EAN)
		if o.Kind == data.KindEnterprise {
			v.set("RSV", o.RSV.Label())
			v.set("RSV tjekket", f.RSVCheckedOn)
			v.set("Godkendt af styregruppen", f.ApprovedOn)
			v.set("Godkendelsesreference", f.ApprovalRef)
		}
		v.set("Adresse", f.Address)
		v.set("Postnummer", f.Postcode)
		v.set("By", f.City)
		v.set("Rolle", f.Role)
		v.set("Noter", f.Notes)
		emit(v)
	}
	return nil
}
