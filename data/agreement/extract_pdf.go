package agreement

import (
	"context"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// ExtractPDF renders a person's extract (GDPR art. 15): each table's rows
// about the person, every column as a line "kolonne: værdi".
func ExtractPDF(ctx context.Context, s *data.Store, x data.Extract) ([]byte, error) {
	now := s.Now()
	org, err := s.Setting(ctx, data.SettingOrganisationName)
	if err != nil {
		return nil, err
	}
	doc := Document{Title: "Indsigt: " + x.Subject, Date: now, Author: org,
		Label:   "Indsigt (art. 15) " + dk.FormatDate(now),
		Kicker:  "Databeskyttelsesforordningens artikel 15",
		Subject: "Indsigt: " + x.Subject,
		Details: []Detail{{"Dannet", dk.FormatDate(now) + " ud fra databasen " + s.Path()}}}
	for _, sec := range x.Sections {
		doc.Body = append(doc.Body, section(sec.Title+" ("+sec.Table+")"))
		if len(sec.Rows) == 0 {
			doc.Body = append(doc.Body, para(Inline{Text: "Ingen.", Italic: true}))
		}
		for _, row := range sec.Rows {
			var in []Inline
			for i, c := range sec.Columns {
				if i > 0 {
					in[len(in)-1].Break = true
				}
				label := c
				if i < len(sec.Labels) {
					label = sec.Labels[i]
				}
				in = append(in, Inline{Text: label + ": ", Bold: true}, Inline{Text: data.ExtractDisplay(row[i])})
			}
			doc.Body = append(doc.Body, para(in...))
		}
	}
	return render(doc, "indsigt", func(r *renderer) {
		r.titleBlock()
		r.blocks(doc.Body, marginL, contentW, 0)
	})
}
