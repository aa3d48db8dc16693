package agreement

import (
	"context"
	"strconv"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// Art30PDF renders the record of processing (GDPR art. 30) for the data
// protection officer as the store holds it now (data.ProcessingRecord):
// every person table and field from the schema, the retention settings in
// force, the recipients and the security measures.
func Art30PDF(ctx context.Context, s *data.Store) ([]byte, error) {
	rec, err := s.ProcessingRecord(ctx)
	if err != nil {
		return nil, err
	}
	org, _ := s.Setting(ctx, data.SettingOrganisationName)
	now := s.Now()
	doc := Document{Title: "Fortegnelse over behandlingsaktiviteter",
		Date: now, Author: org,
		Label:   "Fortegnelse (art. 30) " + dk.FormatDate(now),
		Kicker:  "Databeskyttelsesforordningens artikel 30",
		Subject: "Fortegnelse over behandlingsaktiviteter i Partnerskab",
		Details: []Detail{{"Dannet", dk.FormatDate(now) + " af programmet ud fra databasen " + s.Path()},
			{"Dataansvarlig", firstNonEmpty(org, "(angiv organisationen under Indstillinger)")}},
		Body: art30Blocks(rec)}
	return render(doc, "fortegnelse art. 30", func(r *renderer) {
		r.titleBlock()
		r.blocks(doc.Body, marginL, contentW, 0)
	})
}

func firstNonEmpty(s, alt string) string {
	if s != "" {
		return s
	}
	return alt
}

func art30Blocks(rec data.ProcessingRecord) []Block {
	var out []Block
	out = append(out, para(Inline{Text: "Formål i alt: at etablere og drive et partnerskab om socialøkonomiske virksomheder i et boligområde: " +
		"parter, lokaler, lejemål, bemanding, møder og aftaler. Retsgrundlaget er angivet pr. kategori; hvor det er markeret (kontrollér), " +
		"skal databeskyttelsesrådgiveren bekræfte det."}))
	out = append(out, section("Kategorier af registrerede og personoplysninger"))
	for _, t := range rec.Tables {
		out = append(out, Block{Kind: BlockHeading, Level: 3, Inlines: []Inline{{Text: t.Subjects}}})
		out = append(out, para(Inline{Text: "Tabel: ", Bold: true}, Inline{Text: t.Table + " (" + strconv.Itoa(t.Rows) + " rækker)", Break: true},
			Inline{Text: "Formål: ", Bold: true}, Inline{Text: t.Purpose, Break: true},
			Inline{Text: "Retsgrundlag: ", Bold: true}, Inline{Text: t.Basis}))
		rows := [][][]Inline{cells("Felt", "Beskrivelse", "Persondata")}
		for _, f := range t.Fields {
			yes := "nej"
			if f.Person {
				yes = "ja"
			}
			rows = append(rows, cells(f.Column, f.Description, yes))
		}
		out = append(out, Block{Kind: BlockTable, Rows: rows})
	}
	out = append(out, section("Opbevaring og sletning (gældende indstillinger)"))
	if len(rec.Retention) == 0 {
		out = append(out, para(Inline{Text: "Ingen opbevaringsfrister er sat.", Italic: true}))
	} else {
		rows := [][][]Inline{cells("Indstilling", "Værdi")}
		for _, rs := range rec.Retention {
			rows = append(rows, cells(rs.Label, rs.Value))
		}
		out = append(out, Block{Kind: BlockTable, Rows: rows})
	}
	out = append(out, section("Modtagere"))
	out = append(out, para(Inline{Text: "Eksporterede PDF'er (aftaler, dagsordener, referater) gives til partnerskabets parter; hver eksport står i hændelsesloggen med bruger og fil. Parterne nu:"}))
	var items [][]Block
	for _, r := range rec.Recipients {
		items = append(items, []Block{para(Inline{Text: r})})
	}
	if len(items) > 0 {
		out = append(out, Block{Kind: BlockList, Items: items})
	}
	out = append(out, section("Sikkerhedsforanstaltninger"))
	var sec [][]Block
	for _, m := range rec.Security {
		sec = append(sec, []Block{para(Inline{Text: m})})
	}
	return append(out, Block{Kind: BlockList, Items: sec})
}
