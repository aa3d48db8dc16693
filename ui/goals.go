package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
)

type (
	goalList = form.Register[data.Target, data.TargetForm]
	goalForm = data.TargetForm
)

// newGoalList is the Mål og milepæle sub-tab: a goal counted from the
// placements (by the rules the overview uses, chosen from a list) or
// entered, or a milestone reached on a date with its evidence. Every
// change is an event; the history under the form shows them.
func newGoalList(w *Window) *goalList {
	var rows []data.Target
	history := widget.NewLabel("")
	history.Wrapping = fyne.TextWrapWord
	history.SizeName = theme.SizeNameCaptionText
	var r *goalList
	date := lang.X("form.date.hint", "dd.mm.åååå")
	r = form.NewRegister(w, form.Spec[data.Target, goalForm]{
		Name: lang.X("partnership.tab.goals", "Mål og milepæle"),
		New:  lang.X("goals.new.heading", "Nyt mål"), Heading: func(t data.Target) string { return t.Name },
		ID: func(t data.Target) int64 { return t.ID }, Values: data.Target.Form,
		Blank: func() data.Target { return data.Target{Measure: data.MeasureMilestone} },
		Parse: form.ParseOf[data.Target, goalForm], Read: func(c context.Context, id int64) (data.Target, error) { return w.store.Target(c, id, w.today()) },
		Save:    w.store.SaveTarget,
		Updated: func(t data.Target) time.Time { return t.UpdatedAt },
		Fields: []*form.Binding[goalForm]{
			form.Text("Name", lang.X("goals.name", "Mål"), lang.X("goals.name.hint", "fx Partnerskabet i drift"), func(f *goalForm) *string { return &f.Name }),
			form.Choice("Measure", lang.X("goals.measure", "Måles som"), form.Options(data.Measures, measureLabel), "", func(f *goalForm) *string { return &f.Measure }),
			form.Text("Goal", lang.X("goals.goal", "Målet"), lang.X("goals.goal.hint", "fx 16"), func(f *goalForm) *string { return &f.Goal }),
			form.Text("Unit", lang.X("goals.unit", "Enhed"), lang.X("goals.unit.hint", "fx job, personer"), func(f *goalForm) *string { return &f.Unit }),
			form.Text("ManualValue", lang.X("goals.manual", "Nuværende værdi"), "", func(f *goalForm) *string { return &f.ManualValue }),
			form.Text("Start", lang.X("goals.start", "Start"), date, func(f *goalForm) *string { return &f.Start }),
			form.Text("Deadline", lang.X("goals.deadline", "Frist"), date, func(f *goalForm) *string { return &f.Deadline }),
			form.Text("Reached", lang.X("goals.reached", "Nået den"), lang.X("goals.reached.hint", "tom: ikke nået endnu"), func(f *goalForm) *string { return &f.Reached }),
			form.Lines("Evidence", lang.X("goals.evidence", "Dokumentation"), lang.X("goals.evidence.hint", "fx Referat af partnerskabsmødet 12.1.2016"), func(f *goalForm) *string { return &f.Evidence }),
			form.Lines("Notes", lang.X("goals.notes", "Noter"), "", func(f *goalForm) *string { return &f.Notes }),
			form.Text("Position", lang.X("staffing.lists.order", "Rækkefølge"), lang.X("staffing.lists.order.hint", "tom: sidst"), func(f *goalForm) *string { return &f.Position }),
		},
		List: form.ListSpec[data.Target]{
			NewLabel: lang.X("goals.new", "Nyt mål (Ctrl+N)"),
			Fetch:    form.Slice(func() []data.Target { return rows }),
			Rows: func() (n int, err error) {
				if r.Archived() {
					rows, err = w.store.ArchivedTargets(ctx(), w.today())
				} else {
					rows, err = w.store.Targets(ctx(), w.today())
				}
				return len(rows), err
			},
			ID:     func(t data.Target) int64 { return t.ID },
			Title:  func(t data.Target) string { return t.Name },
			Detail: func(t data.Target) string { return targetText(t, w.today()) },
		},
		Archive: &form.Archiving[data.Target]{Archive: w.store.ArchiveTarget, Restore: w.store.RestoreTarget,
			At: func(t data.Target) time.Time { return t.ArchivedAt }, Title: lang.X("goals.archive.title", "Arkivér mål"),
			Question: func(t data.Target) string {
				return lang.X("goals.archive.question", "Arkivér »{{.Name}}«? Det forsvinder fra Overblik og fra aftalernes mål; historikken bevares.",
					map[string]any{"Name": t.Name})
			}},
		Refresh: func() {
			m := data.Measure(r.Values().Measure)
			for _, n := range []string{"Reached", "Evidence"} {
				r.Field(n).SetVisible(m == data.MeasureMilestone)
			}
			for _, n := range []string{"Goal", "Unit"} {
				r.Field(n).SetVisible(m != data.MeasureMilestone)
			}
			r.Field("ManualValue").SetVisible(m == data.MeasureManual)
		},
		OnFill: func(t data.Target) { history.SetText(goalHistory(w, t)) },
		Layout: &form.Pane[data.Target, goalForm]{Split: 0.38, Below: []fyne.CanvasObject{history}},
	})
	w.atFirstShow(r.Start)
	return r
}

func measureLabel(m data.Measure) string { return lang.X("goals.measure."+string(m), m.Label()) }

// goalHistory is the goal's events, newest first, as lines.
func goalHistory(w *Window, t data.Target) string {
	if t.ID == 0 {
		return ""
	}
	events, err := w.store.TargetHistory(ctx(), t.ID)
	if err != nil || len(events) == 0 {
		return ""
	}
	s := lang.X("goals.history", "Historik:")
	for i := len(events) - 1; i >= 0 && i >= len(events)-6; i-- {
		e := events[i]
		s += "\n" + dk.FormatDateTime(e.At.Local()) + " · " + e.Kind
		if e.Detail != "" {
			s += " · " + e.Detail
		}
	}
	return s
}
