package ui

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/ui/form"
)

// newGroupList is the target groups' editable list, beside the schemes'.
func newGroupList(w *Window) *groupList {
	var rows []data.TargetGroup
	var r *groupList
	r = form.NewRegister(w, form.Spec[data.TargetGroup, groupForm]{
		New: lang.X("staffing.group.new", "Ny målgruppe"), Heading: func(g data.TargetGroup) string { return g.Name },
		ID:     func(g data.TargetGroup) int64 { return g.ID },
		Values: data.TargetGroup.Form,
		Parse:  form.ParseOf[data.TargetGroup, groupForm], Read: w.store.TargetGroup, Save: w.store.SaveTargetGroup,
		Fields: []*form.Binding[groupForm]{
			form.Text("Name", lang.X("staffing.lists.name", "Navn"), "", func(f *groupForm) *string { return &f.Name }),
			form.Text("Position", lang.X("staffing.lists.order", "Rækkefølge"), lang.X("staffing.lists.order.hint", "tom: sidst"),
				func(f *groupForm) *string { return &f.Position }),
		},
		List: form.ListSpec[data.TargetGroup]{
			Fetch: form.Slice(func() []data.TargetGroup { return rows }),
			Rows: func() (n int, err error) {
				rows, err = w.store.TargetGroups(ctx(), r.Archived())
				return len(rows), err
			},
			ID: func(g data.TargetGroup) int64 { return g.ID },
			Title: func(g data.TargetGroup) string {
				if g.Archived() {
					return g.Name + " · " + lang.X("staffing.lists.archivedmark", "arkiveret")
				}
				return g.Name
			},
		},
		Archive: &form.Archiving[data.TargetGroup]{Archive: w.store.ArchiveTargetGroup, Restore: w.store.RestoreTargetGroup,
			At: func(g data.TargetGroup) time.Time { return g.ArchivedAt }, Title: lang.X("staffing.group.archive.title", "Arkivér målgruppe"),
			Question: func(g data.TargetGroup) string {
				return lang.X("staffing.group.archive.question", "Arkivér {{.Name}}? Den kan ikke længere vælges til nye placeringer; placeringer med den beholder den.", map[string]any{"Name": g.Name})
			}},
		Layout: &form.Compact[data.TargetGroup, groupForm]{Title: lang.X("staffing.lists.groups", "Målgrupper"),
			Help: lang.X("staffing.group.help", "Målgrupper tælles samlet; en målgruppe kan afsløre helbred eller etnisk oprindelse og slettes med placeringens personoplysninger.")},
	})
	w.atFirstShow(r.Start)
	return r
}
