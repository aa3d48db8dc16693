package csvio

import (
	"context"
	"strings"

	"partnerskab/data"
)

var leasesKind = &Kind{
	Name:  "leases",
	Title: "Lejemål",
	File:  "lejemaal.csv",
	Columns: []Column{
		{Header: "Udlejer", Field: "LandlordID", Required: true,
			What: "boligorganisationen eller dens datterselskab, ved navn eller CVR-nummer", Example: "BoligKorsør"},
		{Header: "Lejer", Aliases: []string{"Virksomhed"}, Field: "TenantID", Required: true,
			What: "virksomheden, ved navn eller CVR-nummer", Example: "Bevar"},
		{Header: "Lokaler", Aliases: []string{"Lokale"}, Field: "Rooms", Required: true,
			What: "ejendom/lokale adskilt med komma; lokalets navn alene, hvis det er entydigt", Example: "Kvarterhuset/Systue, Kvarterhuset/Lager"},
		{Header: "Start", Aliases: []string{"Startdato", "Fra"}, Field: "Start", Required: true, Example: "1.9.2015"},
		{Header: "Slut", Aliases: []string{"Slutdato", "Til"}, Field: "End", What: "tom: uden slutdato", Example: "31.8.2018"},
		{Header: "Overtagelse", Aliases: []string{"Overtagelsesdag"}, Field: "Handover", Example: "1.9.2015"},
		{Header: "Uopsigelig (mdr.)", Aliases: []string{"Uopsigelig", "Uopsigelig (måneder)"}, Field: "NonTerminableMonths",
			What: "måneder fra start, hvor lejemålet ikke kan ophøre", Example: "12"},
		{Header: "Varsel udlejer (mdr.)", Aliases: []string{"Varsel udlejer", "Opsigelsesvarsel for udlejer (måneder)"},
			Field: "NoticeMonthsLandlord", What: "udlejers opsigelsesvarsel i måneder", Example: "6"},
		{Header: "Varsel lejer (mdr.)", Aliases: []string{"Varsel lejer", "Opsigelsesvarsel for lejer (måneder)"},
			Field: "NoticeMonthsTenant", What: "lejers opsigelsesvarsel i måneder", Example: "3"},
		{Header: "Husleje pr. m² pr. år", Aliases: []string{"Husleje", "Leje pr. m² pr. år", "Husleje (kr. pr. m² pr. år ekskl. moms)"},
			Field: "Rent", Required: true, What: "kr. pr. m² pr. år ekskl. moms", Example: "650,00"},
		{Header: "Depositum (mdr.)", Aliases: []string{"Depositum", "Depositum (måneders leje)"}, Field: "DepositMonths",
			What: "måneders husleje", Example: "3"},
		{Header: "Forbrug", Field: "Utilities", What: utilitiesText(), Example: "Aconto"},
		{Header: "Anvendelse", Field: "Use", Example: "Systue"},
		{Header: "Moms", Field: "VAT", What: "ja eller nej", Example: "nej"},
		{Header: "Fremleje", Field: "Subletting", What: "ja eller nej", Example: "nej"},
		{Header: "Delvis udlejning", Field: "PartialLetting", What: "ja: datterselskabet skal også godkende", Example: "nej"},
		{Header: "Afdelingsmøde godkendt", Aliases: []string{"Afdelingsmøde"}, Field: "ResidentsOn", What: "dato", Example: "27.5.2015"},
		{Header: "Afdelingsmøde reference", Field: "ResidentsRef", Example: "Referat, punkt 4"},
		{Header: "Bestyrelse godkendt", Aliases: []string{"Organisationsbestyrelse", "Bestyrelse"}, Field: "BoardOn",
			What: "dato for organisationsbestyrelsens godkendelse", Example: "16.6.2015"},
		{Header: "Bestyrelse reference", Aliases: []string{"Organisationsbestyrelse reference"}, Field: "BoardRef"},
		{Header: "Datterselskab godkendt", Aliases: []string{"Datterselskab"}, Field: "SubsidiaryOn", What: "dato"},
		{Header: "Datterselskab reference", Field: "SubsidiaryRef"},
		{Header: "Lejeregulering", Aliases: []string{"Regulering"}, Field: "RentAdjustment", What: "ingen eller nettoprisindeks (tom: ingen)", Example: "nettoprisindeks"},
		{Header: "Reguleres i", Aliases: []string{"Reguleringsmåned"}, Field: "RentAdjustmentMonth", What: "måneden, lejen reguleres i hvert år", Example: "januar"},
		{Header: "Opsagt den", Field: "NoticeGivenOn", What: "dato for opsigelsen"},
		{Header: "Opsagt af", Field: "NoticeGivenBy", What: "udlejer eller lejer"},
		{Header: "Noter", Aliases: []string{"Note", "Bemærkninger"}, Field: "Notes"},
	},
	Notes: []string{"Arkiverede lejemål eksporteres ikke."},
}

func init() {
	leasesKind.record = leaseRecord
	leasesKind.export = exportLeases
}

func utilitiesText() string {
	var labels []string
	for _, u := range data.UtilitiesValues {
		labels = append(labels, strings.ToLower(u.Label()))
	}
	return strings.Join(labels, ", ") + " (tom: aconto)"
}

func leaseRecord(v values) data.ImportRecord {
	return data.LeaseImport{
		Landlord: v.get("Udlejer"), Tenant: v.get("Lejer"), Rooms: v.get("Lokaler"),
		Form: data.LeaseForm{
			Start: v.get("Start"), End: v.get("Slut"), Handover: v.get("Overtagelse"),
			NonTerminableMonths: v.get("Uopsigelig (mdr.)"), NoticeMonthsLandlord: v.get("Varsel udlejer (mdr.)"),
			NoticeMonthsTenant: v.get("Varsel lejer (mdr.)"), Rent: v.get("Husleje pr. m² pr. år"),
			DepositMonths: v.get("Depositum (mdr.)"), Utilities: v.get("Forbrug"), Use: v.get("Anvendelse"),
			VAT: v.get("Moms"), Subletting: v.get("Fremleje"), PartialLetting: v.get("Delvis udlejning"),
			ResidentsOn: v.get("Afdelingsmøde godkendt"), ResidentsRef: v.get("Afdelingsmøde reference"),
			BoardOn: v.get("Bestyrelse godkendt"), BoardRef: v.get("Bestyrelse reference"),
			SubsidiaryOn: v.get("Datterselskab godkendt"), SubsidiaryRef: v.get("Datterselskab reference"),
			RentAdjustment: v.get("Lejeregulering"), RentAdjustmentMonth: v.get("Reguleres i"),
			NoticeGivenOn: v.get("Opsagt den"), NoticeGivenBy: v.get("Opsagt af"), Notes: v.get("Noter"),
		},
	}
}

// exportLeases writes the leases in use, by tenant (Danish order) and start.
func exportLeases(ctx context.Context, s *data.Store, emit func(values)) error {
	const page = 500
	for offset := 0; ; offset += page {
		leases, err := s.SearchLeases(ctx, data.LeaseQuery{Limit: page, Offset: offset})
		if err != nil {
			return err
		}
		for _, l := range leases {
			f := l.Form()
			v := newValues(leasesKind)
			v.set("Udlejer", l.LandlordName)
			v.set("Lejer", l.TenantName)
			var rooms []string
			for _, r := range l.Rooms {
				rooms = append(rooms, r.PremisesName+"/"+r.Name)
			}
			v.set("Lokaler", strings.Join(rooms, ", "))
			v.set("Start", f.Start)
			v.set("Slut", f.End)
			v.set("Overtagelse", f.Handover)
			v.set("Uopsigelig (mdr.)", f.NonTerminableMonths)
			v.set("Varsel udlejer (mdr.)", f.NoticeMonthsLandlord)
			v.set("Varsel lejer (mdr.)", f.NoticeMonthsTenant)
			v.set("Husleje pr. m² pr. år", f.Rent)
			v.set("Depositum (mdr.)", f.DepositMonths)
			v.set("Forbrug", l.Utilities.Label())
			v.set("Anvendelse", f.Use)
			v.set("Moms", f.VAT)
			v.set("Fremleje", f.Subletting)
			v.set("Delvis udlejning", f.PartialLetting)
			v.set("Afdelingsmøde godkendt", f.ResidentsOn)
			v.set("Afdelingsmøde reference", f.ResidentsRef)
			v.set("Bestyrelse godkendt", f.BoardOn)
			v.set("Bestyrelse reference", f.BoardRef)
			v.set("Datterselskab godkendt", f.SubsidiaryOn)
			v.set("Datterselskab reference", f.SubsidiaryRef)
			v.set("Lejeregulering", f.RentAdjustment)
			v.set("Reguleres i", f.RentAdjustmentMonth)
			v.set("Opsagt den", f.NoticeGivenOn)
			v.set("Opsagt af", f.NoticeGivenBy)
			v.set("Noter", f.Notes)
			emit(v)
		}
		if len(leases) < page {
			return nil
		}
	}
}
