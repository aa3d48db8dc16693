package csvio

import (
	"context"
	"strings"

	"partnerskab/data"
	"partnerskab/data/dk"
)

var roomsKind = &Kind{
	Name:  "rooms",
	Title: "Lokaler",
	File:  "lokaler.csv",
	Columns: []Column{
		{Header: "Ejendom", Aliases: []string{"Lokalested", "Bygning", "Lokalested/Bygning"}, Field: "PremisesID", Required: true,
			What: "bygningen; findes den ikke, oprettes den med adressen fra dens første række", Example: "Kvarterhuset"},
		{Header: "Adresse", Field: "Premises.Address", What: "ejendommens adresse", Example: "Motalavej"},
		{Header: "Postnummer", Aliases: []string{"Postnr", "Postnr."}, Field: "Premises.Postcode", What: "ejendommens postnummer", Example: "4220"},
		{Header: "By", Field: "Premises.City", What: "ejendommens by", Example: "Korsør"},
		{Header: "Ejer", Field: "Premises.OwnerID", What: "ejendommens ejer: organisation ved navn eller CVR-nummer", Example: "BoligKorsør"},
		{Header: "Noter om ejendommen", Field: "Premises.Notes"},
		{Header: "Matrikelnummer", Aliases: []string{"Matr.nr.", "Matrikel"}, Field: "Premises.CadastralNumber", What: "ejendommens matrikelnummer", Example: "1234a"},
		{Header: "Ejerlav", Field: "Premises.CadastralDistrict", What: "ejerlavet, matrikelnummeret hører til", Example: "Korsør Købstads Bygrunde"},
		{Header: "Lokale", Aliases: []string{"Lokalenavn", "Navn"}, Field: "Name", Required: true, Example: "Systue"},
		{Header: "Areal m²", Aliases: []string{"Areal", "m²", "Areal (m²)"}, Field: "Area", Required: true,
			What: "i m², med decimalkomma", Example: "12,5"},
		{Header: "Type", Field: "Kind", What: roomKindsText(), Example: "Værksted"},
		{Header: "Fælles lokale", Aliases: []string{"Delt", "Fælles"}, Field: "Shared", What: "ja eller nej", Example: "nej"},
		{Header: "Noter", Aliases: []string{"Note", "Bemærkninger"}, Field: "Notes"},
	},
	Notes: []string{"Arkiverede ejendomme og lokaler eksporteres ikke; ejendomme uden lokaler heller ikke."},
}

func init() {
	roomsKind.record = roomRecord
	roomsKind.export = exportRooms
}

func roomKindsText() string {
	var labels []string
	for _, k := range data.RoomKinds {
		labels = append(labels, strings.ToLower(k.Label()))
	}
	return strings.Join(labels, ", ") + " (tom: andet)"
}

func roomRecord(v values) data.ImportRecord {
	return data.RoomImport{
		Premises: data.PremisesForm{Name: v.get("Ejendom"), Address: v.get("Adresse"), Postcode: v.get("Postnummer"),
			City: v.get("By"), Notes: v.get("Noter om ejendommen"),
			CadastralNumber: v.get("Matrikelnummer"), CadastralDistrict: v.get("Ejerlav")},
		Owner: v.get("Ejer"),
		Form: data.RoomForm{Name: v.get("Lokale"), Area: v.get("Areal m²"), Kind: v.get("Type"),
			Shared: v.get("Fælles lokale"), Notes: v.get("Noter")},
	}
}

// exportRooms writes the rooms in use, in Danish order by premises and
// room, each with its premises' details.
func exportRooms(ctx context.Context, s *data.Store, emit func(values)) error {
	all, err := s.AllPremises(ctx, false)
	if err != nil {
		return err
	}
	premises := map[int64]data.Premises{}
	for _, p := range all {
		premises[p.ID] = p
	}
	const page = 1000
	for offset := 0; ; offset += page {
		rooms, err := s.SearchRooms(ctx, data.RoomQuery{Limit: page, Offset: offset})
		if err != nil {
			return err
		}
		for _, r := range rooms {
			p := premises[r.PremisesID]
			v := newValues(roomsKind)
			v.set("Ejendom", p.Name)
			v.set("Adresse", p.Address)
			v.set("Postnummer", p.Postcode)
			v.set("By", p.City)
			v.set("Ejer", p.OwnerName)
			v.set("Noter om ejendommen", p.Notes)
			v.set("Matrikelnummer", p.CadastralNumber)
			v.set("Ejerlav", p.CadastralDistrict)
			v.set("Lokale", r.Name)
			v.set("Areal m²", dk.FormatDecimal(r.AreaM2, -1))
			v.set("Type", r.Kind.Label())
			v.set("Fælles lokale", data.YesNo(r.Shared))
			v.set("Noter", r.Notes)
			emit(v)
		}
		if len(rooms) < page {
			return nil
		}
	}
}
