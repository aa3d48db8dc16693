package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/ui/form"
)

// The Ordninger og målgrupper sub-tab: two short editable lists side by
// side, each with its small form under it. The forms are a few fields
// long, so they keep no drafts; leaving one with edits still asks.

type (
	schemeList = form.Register[data.Scheme, data.SchemeForm]
	groupList  = form.Register[data.TargetGroup, data.TargetGroupForm]
	schemeForm = data.SchemeForm
	groupForm  = data.TargetGroupForm
)

func newSchemeList(w *Window) *schemeList {
	var rows []data.Scheme
	subsidised := form.Check("", "", lang.X("staffing.scheme.subsidised", "Tilskud"), func(f *schemeForm) *bool { return &f.Subsidised })
	flex := form.Check("", "", lang.X("staffing.scheme.flex", "Fleksjob"), func(f *schemeForm) *bool { return &f.Flex })
	job := form.Check("", "", lang.X("staffing.scheme.job", "Job"), func(f *schemeForm) *bool { return &f.CountsAsJob })
	var r *schemeList
	r = form.NewRegister(w, form.Spec[data.Scheme, schemeForm]{
		New: lang.X("staffing.scheme.new", "Ny ordning"), Heading: func(sc data.Scheme) string { return sc.Name },
		ID: func(sc data.Scheme) int64 { return sc.ID },
		Values: func(sc data.Scheme) schemeForm {
			f := sc.Form()
			if sc.ID == 0 {
				f.CountsAsJob = true
			}
			return f
		},
		Parse: form.ParseOf[data.Scheme, schemeForm], Read: w.store.Scheme, Save: w.store.SaveScheme,
		Fields: []*form.Binding[schemeForm]{
			form.Text("Name", lang.X("staffing.lists.name", "Navn"), "", func(f *schemeForm) *string { return &f.Name }),
			form.Custom("Counts", lang.X("staffing.scheme.counts", "Tæller som"),
				container.NewHBox(subsidised.Input, flex.Input, job.Input),
				func(f *schemeForm) { subsidised.Get(f); flex.Get(f); job.Get(f) },
				func(f *schemeForm) { subsidised.Set(f); flex.Set(f); job.Set(f) },
				func(changed func()) {
					for _, b := range []*form.Binding[schemeForm]{subsidised, flex, job} {
						b.Watch(changed, nil)
					}
				}),
			form.Text("WarnWeeks", lang.X("staffing.scheme.warnweeks", "Advarsel efter uger"),
				lang.X("staffing.scheme.warnweeks.hint", "tom: ingen grænse"), func(f *schemeForm) *string { return &f.WarnWeeks }),
			form.Text("Position", lang.X("staffing.lists.order", "Rækkefølge"), lang.X("staffing.lists.order.hint", "tom: sidst"),
				func(f *schemeForm) *string { return &f.Position }),
		},
		List: form.ListSpec[data.Scheme]{
			Fetch: form.Slice(func() []data.Scheme { return rows }),
			Rows: func() (n int, err error) {
				rows, err = w.store.Schemes(ctx(), r.Archived())
				return len(rows), err
			},
			ID: func(sc data.Scheme) int64 { return sc.ID }, Title: schemeLine,
		},
		Archive: &form.Archiving[data.Scheme]{Archive: w.store.ArchiveScheme, Restore: w.store.RestoreScheme,
			At: func(sc data.Scheme) time.Time { return sc.ArchivedAt }, Title: lang.X("staffing.scheme.archive.title", "Arkivér ordning"),
			Question: func(sc data.Scheme) string {
				return lang.X("staffing.scheme.archive.question", "Arkivér {{.Name}}? Den kan ikke længere vælges til nye placeringer; placeringer med den beholder den.", map[string]any{"Name": sc.Name})
			}},
		Layout: &form.Compact[data.Scheme, schemeForm]{Title: lang.X("staffing.lists.schemes", "Ordninger"),
			Help: lang.X("staffing.scheme.help", "Ordningerne kan omdøbes, tilføjes og arkiveres, når reglerne ændres. Tilskud tæller i rimelighedskravet, fleksjob i målet for fleksjobbere, job i de besatte job.")},
	})
	w.atFirstShow(r.Start)
	return r
}

// schemeLine shows a scheme and what it counts as, on one line.
func schemeLine(sc data.Scheme) string {
	parts := []string{sc.Name}
	if sc.Subsidised {
		parts = append(parts, lang.X("staffing.scheme.mark.subsidised", "tilskud"))
	}
	if sc.Flex {
		parts = append(parts, lang.X("staffing.scheme.mark.flex", "fleksjob"))
	}
	if !sc.CountsAsJob {
		parts = append(parts, lang.X("staffing.scheme.mark.nojob", "tæller ikke som job"))
	}
	if sc.WarnWeeks > 0 {
		parts = append(parts, lang.X("staffing.scheme.mark.weeks", "advarsel efter {{.N}} uger", map[string]any{"N": sc.WarnWeeks}))
	}
	if sc.Archived() {
		parts = append(parts, lang.X("staffing.lists.archivedmark", "arkiveret"))
	}
	return strings.Join(parts, " · ")
}
