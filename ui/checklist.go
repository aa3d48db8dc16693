package ui

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

type (
	checklistList = form.Register[data.ChecklistItem, data.ChecklistForm]
	checklistForm = data.ChecklistForm
)

// newChecklistList is the Afklaringer sub-tab: what the collaboration must
// clarify, each item ending as a decided text that agreements use as the
// merge field afklaring.<name>.
func newChecklistList(w *Window) *checklistList {
	var rows []data.ChecklistItem
	discussed, settled := widgets.NewChoiceSelect(""), widgets.NewChoiceSelect("")
	var r *checklistList
	r = form.NewRegister(w, form.Spec[data.ChecklistItem, checklistForm]{
		Name: lang.X("partnership.tab.checklist", "Afklaringer"),
		New:  lang.X("checklist.new.heading", "Nyt punkt at afklare"), Heading: func(c data.ChecklistItem) string { return c.Title },
		ID: func(c data.ChecklistItem) int64 { return c.ID }, Values: data.ChecklistItem.Form,
		Parse: form.ParseOf[data.ChecklistItem, checklistForm], Read: w.store.ChecklistItem, Save: w.store.SaveChecklistItem,
		Updated: func(c data.ChecklistItem) time.Time { return c.UpdatedAt },
		CSV:     "checklist",
		Fields: []*form.Binding[checklistForm]{
			form.Text("Title", lang.X("checklist.title", "Emne"), "", func(f *checklistForm) *string { return &f.Title }),
			form.Lines("Description", lang.X("checklist.description", "Hvad skal afklares"), "", func(f *checklistForm) *string { return &f.Description }),
			form.Choice("Status", lang.X("checklist.status", "Status"), form.Options(data.ChecklistStatuses, checklistStatusLabel),
				string(data.ChecklistOpen), func(f *checklistForm) *string { return &f.Status }),
			pickedPerson(w, "OwnerID", lang.X("checklist.owner", "Ansvarlig"), lang.X("checklist.owner.hint", "vælg en person"),
				func(f *checklistForm) *int64 { return &f.OwnerID }),
			form.Record("DiscussedID", lang.X("checklist.discussed", "Drøftet på mødet"), discussed, func(f *checklistForm) *int64 { return &f.DiscussedID }),
			form.Record("SettledID", lang.X("checklist.settled", "Afklaret på mødet"), settled, func(f *checklistForm) *int64 { return &f.SettledID }),
			form.Lines("Decision", lang.X("checklist.decision", "Besluttet tekst"),
				lang.X("checklist.decision.hint", "teksten, som aftalerne bruger, når punktet er afklaret"), func(f *checklistForm) *string { return &f.Decision }),
			form.Text("Code", lang.X("checklist.code", "Flettefelt"),
				lang.X("checklist.code.hint", "fx jobcentrets_rolle; tom: dannes af emnet"), func(f *checklistForm) *string { return &f.Code }),
			form.Text("Position", lang.X("staffing.lists.order", "Rækkefølge"), lang.X("staffing.lists.order.hint", "tom: sidst"),
				func(f *checklistForm) *string { return &f.Position }),
		},
		List: form.ListSpec[data.ChecklistItem]{
			NewLabel: lang.X("checklist.new", "Nyt punkt (Ctrl+N)"),
			Fetch:    form.Slice(func() []data.ChecklistItem { return rows }),
			Rows: func() (n int, err error) {
				rows, err = w.store.Checklist(ctx(), r.Archived())
				return len(rows), err
			},
			ID:    func(c data.ChecklistItem) int64 { return c.ID },
			Title: func(c data.ChecklistItem) string { return c.Title },
			Detail: func(c data.ChecklistItem) string {
				return checklistStatusLabel(c.Status) + " · {{" + c.MergeField() + "}}"
			},
			Count: func(int) string { return checklistCount(rows) },
		},
		Archive: &form.Archiving[data.ChecklistItem]{Archive: w.store.ArchiveChecklistItem, Restore: w.store.RestoreChecklistItem,
			At: func(c data.ChecklistItem) time.Time { return c.ArchivedAt }, Title: lang.X("checklist.archive.title", "Arkivér punkt"),
			Question: func(c data.ChecklistItem) string {
				return lang.X("checklist.archive.question", "Arkivér »{{.Name}}«? Det forsvinder fra listen og fra forslag til dagsordener; flettefeltet {{.Field}} virker stadig i skabelonerne.",
					map[string]any{"Name": c.Title, "Field": c.MergeField()})
			}},
		Choices: func(c data.ChecklistItem) {
			labels, ids := meetingChoices(w)
			discussed.Set(labels, ids)
			settled.Set(labels, ids)
		},
		// The field name is given once: templates use it.
		OnFill: func(c data.ChecklistItem) {
			if e := r.Entry("Code"); e != nil {
				if c.ID != 0 {
					e.Disable()
				} else {
					e.Enable()
				}
			}
		},
		Layout: &form.Pane[data.ChecklistItem, checklistForm]{Split: 0.36},
	})
	w.atFirstShow(r.Start)
	return r
}

func checklistStatusLabel(st data.ChecklistStatus) string {
	return lang.X("checklist.status."+string(st), st.Label())
}

// checklistCount says how far the checklist has come: "3 afklaret, 3 under afklaring, 3 åbne".
func checklistCount(rows []data.ChecklistItem) string {
	n := map[data.ChecklistStatus]int{}
	for _, c := range rows {
		n[c.Status]++
	}
	return lang.X("checklist.count", "{{.Settled}} afklaret · {{.Working}} under afklaring · {{.Open}} åbne",
		map[string]any{"Settled": n[data.ChecklistSettled], "Working": n[data.ChecklistWorking], "Open": n[data.ChecklistOpen]})
}

// meetingChoices are the meetings to choose from, newest first, with
// "(intet møde)" first.
func meetingChoices(w *Window) ([]string, []int64) {
	labels, ids := []string{lang.X("checklist.nomeeting", "(intet møde)")}, []int64{0}
	ms, err := w.store.Meetings(ctx(), data.MeetingQuery{Limit: 500})
	if err != nil {
		w.ShowError(err)
		return labels, ids
	}
	for _, m := range ms {
		labels, ids = append(labels, dk.FormatDate(m.Date)+" "+m.Title), append(ids, m.ID)
	}
	return labels, ids
}
