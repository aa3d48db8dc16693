package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
)

type (
	riskList = form.Register[data.Risk, data.RiskForm]
	riskForm = data.RiskForm
)

// newRiskList is the Barrierer og risici sub-tab: how likely, how bad, how
// it is met, by whom, and when it is looked at again (a review that has
// come is on the overview's list and the next meeting's proposed agenda).
func newRiskList(w *Window) *riskList {
	var rows []data.Risk
	var r *riskList
	r = form.NewRegister(w, form.Spec[data.Risk, riskForm]{
		Name: lang.X("partnership.tab.risks", "Barrierer og risici"),
		New:  lang.X("risks.new.heading", "Ny barriere eller risiko"), Heading: func(x data.Risk) string { return x.Title },
		ID: func(x data.Risk) int64 { return x.ID }, Values: data.Risk.Form, Blank: func() data.Risk { return data.Risk{Kind: data.KindRisk} },
		Parse: form.ParseOf[data.Risk, riskForm], Read: w.store.Risk, Save: w.store.SaveRisk,
		Updated: func(x data.Risk) time.Time { return x.UpdatedAt },
		Fields: []*form.Binding[riskForm]{
			form.Radio("Kind", lang.X("risks.kind", "Art"), form.Options(data.RiskKinds, riskKindLabel), "", func(f *riskForm) *string { return &f.Kind }),
			form.Text("Title", lang.X("risks.title", "Titel"), "", func(f *riskForm) *string { return &f.Title }),
			form.Lines("Description", lang.X("risks.description", "Beskrivelse"), "", func(f *riskForm) *string { return &f.Description }),
			form.Choice("Likelihood", lang.X("risks.likelihood", "Sandsynlighed"), scoreOptions("risks.likelihood."), "", func(f *riskForm) *string { return &f.Likelihood }),
			form.Choice("Impact", lang.X("risks.impact", "Konsekvens"), scoreOptions("risks.impact."), "", func(f *riskForm) *string { return &f.Impact }),
			form.Lines("Response", lang.X("risks.response", "Imødegåelse"), lang.X("risks.response.hint", "hvad partnerskabet gør for at mindske den"), func(f *riskForm) *string { return &f.Response }),
			pickedPerson(w, "OwnerID", lang.X("risks.owner", "Ansvarlig"), lang.X("checklist.owner.hint", "vælg en person"), func(f *riskForm) *int64 { return &f.OwnerID }),
			form.Choice("Status", lang.X("risks.status", "Status"), form.Options(data.RiskStatuses, riskStatusLabel), string(data.RiskOpen), func(f *riskForm) *string { return &f.Status }),
			form.Text("Review", lang.X("risks.review", "Næste gennemgang"), lang.X("form.date.hint", "dd.mm.åååå"), func(f *riskForm) *string { return &f.Review }),
		},
		List: form.ListSpec[data.Risk]{
			NewLabel: lang.X("risks.new", "Ny barriere eller risiko (Ctrl+N)"),
			Fetch:    form.Slice(func() []data.Risk { return rows }),
			Rows: func() (n int, err error) {
				rows, err = w.store.Risks(ctx(), r.Archived())
				return len(rows), err
			},
			ID:    func(x data.Risk) int64 { return x.ID },
			Title: func(x data.Risk) string { return x.Title },
			Detail: func(x data.Risk) string {
				s := lang.X("risks.line", "{{.Kind}} · {{.L}}×{{.I}} = {{.Score}} · {{.Status}}", map[string]any{"Kind": riskKindLabel(x.Kind),
					"L": x.Likelihood, "I": x.Impact, "Score": x.Score(), "Status": riskStatusLabel(x.Status)})
				if !x.Review.IsZero() && x.Status != data.RiskClosed {
					s += " · " + lang.X("risks.line.review", "gennemgang {{.Date}}", map[string]any{"Date": dk.FormatDate(x.Review)})
				}
				return s
			},
			Count: func(n int) string {
				return form.Counted(n, lang.X("risks.count.one", "1 barriere eller risiko"), lang.X("risks.count", "{{.N}} barrierer og risici", map[string]any{"N": formatCount(n)}))
			},
		},
		Archive: &form.Archiving[data.Risk]{Archive: w.store.ArchiveRisk, Restore: w.store.RestoreRisk,
			At: func(x data.Risk) time.Time { return x.ArchivedAt }, Title: lang.X("risks.archive.title", "Arkivér barriere eller risiko"),
			Question: func(x data.Risk) string {
				return lang.X("risks.archive.question", "Arkivér »{{.Name}}«? Luk den hellere, hvis den er håndteret: så står den stadig i registret.",
					map[string]any{"Name": x.Title})
			}},
		Layout: &form.Pane[data.Risk, riskForm]{Split: 0.4},
	})
	w.atFirstShow(r.Start)
	return r
}

func riskKindLabel(k data.RiskKind) string { return lang.X("risks.kind."+string(k), k.Label()) }
func riskStatusLabel(st data.RiskStatus) string {
	return lang.X("risks.status."+string(st), st.Label())
}

// scoreOptions are the scale 1–5 with words, for likelihood or impact.
func scoreOptions(prefix string) []form.Option {
	out := make([]form.Option, len(scoreWords))
	for i := range out {
		n := strconv.Itoa(i + 1)
		out[i] = form.Option{Label: n + " – " + lang.X(prefix+n, scoreWords[i]), Value: n}
	}
	return out
}

// scoreWords name the scores 1 to 5 of a likelihood or an impact; the
// translations have them as risks.likelihood.N and risks.impact.N.
var scoreWords = []string{"meget lille", "lille", "middel", "stor", "meget stor"}
