package ui

import (
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

type (
	membershipList = form.Register[data.Membership, data.MembershipForm]
	membershipForm = data.MembershipForm
	bodyList       = form.Register[data.Body, data.BodyForm]
	bodyForm       = data.BodyForm
)

// newMembershipList is the Projektorganisation sub-tab's list of who sits
// in which body, from when to when: filtered by body and by a day, it
// answers "who sat in the working group on 1.6.2015".
func newMembershipList(w *Window) *membershipList {
	var rows []data.Membership
	bodyFilter, body := widgets.NewChoiceSelect(""), widgets.NewChoiceSelect("")
	on := widgets.NewEntry(lang.X("members.on.hint", "på dagen, fx 1.6.2015 (tom: alle)"))
	var r *membershipList
	// choosing is set while Choices refreshes the filter's options, so that
	// keeping the chosen body does not reload the list that asked for them.
	choosing := false
	bodyFilter.OnChanged = func(string) {
		if !choosing {
			r.Reload()
		}
	}
	on.OnChanged = func(s string) {
		if _, err := dk.ParseDate(s); err == nil || s == "" {
			r.Reload()
		}
	}
	date := lang.X("form.date.hint", "dd.mm.åååå")
	r = form.NewRegister(w, form.Spec[data.Membership, membershipForm]{
		Name: lang.X("partnership.tab.organisation", "Projektorganisation"),
		New:  lang.X("members.new.heading", "Nyt medlemskab"), Heading: func(m data.Membership) string { return m.Person.Name + ", " + m.Body },
		ID: func(m data.Membership) int64 { return m.ID }, Values: data.Membership.Form,
		Blank: func() data.Membership { return data.Membership{BodyID: bodyFilter.ID(), From: w.today()} },
		Parse: form.ParseOf[data.Membership, membershipForm], Read: w.store.Membership, Save: w.store.SaveMembership,
		Updated: func(m data.Membership) time.Time { return m.UpdatedAt },
		Fields: []*form.Binding[membershipForm]{
			form.Record("BodyID", lang.X("members.body", "Organ"), body, func(f *membershipForm) *int64 { return &f.BodyID }),
			pickedPerson(w, "PersonID", lang.X("members.person", "Kontaktperson"), lang.X("checklist.owner.hint", "vælg en person"),
				func(f *membershipForm) *int64 { return &f.PersonID }),
			form.Text("Role", lang.X("members.role", "Rolle"), lang.X("members.role.hint", "fx formand, projektleder"), func(f *membershipForm) *string { return &f.Role }),
			form.Text("From", lang.X("members.from", "Fra"), date, func(f *membershipForm) *string { return &f.From }),
			form.Text("To", lang.X("members.to", "Til"), lang.X("members.to.hint", "tom: stadig medlem"), func(f *membershipForm) *string { return &f.To }),
		},
		List: form.ListSpec[data.Membership]{
			NewLabel: lang.X("members.new", "Nyt medlemskab (Ctrl+N)"),
			Filters:  container.NewGridWithColumns(2, bodyFilter, on),
			Fetch:    form.Slice(func() []data.Membership { return rows }),
			Rows: func() (n int, err error) {
				q := data.MembershipQuery{BodyID: bodyFilter.ID(), Archived: r.Archived()}
				q.On, _ = dk.ParseDate(on.Text)
				rows, err = w.store.Memberships(ctx(), q)
				return len(rows), err
			},
			ID:    func(m data.Membership) int64 { return m.ID },
			Title: func(m data.Membership) string { return m.Person.Label() },
			Detail: func(m data.Membership) string {
				period := lang.X("members.since", "fra {{.From}}", map[string]any{"From": dk.FormatDate(m.From)})
				if !m.To.IsZero() {
					period = lang.X("members.period", "{{.From}}–{{.To}}", map[string]any{"From": dk.FormatDate(m.From), "To": dk.FormatDate(m.To)})
				}
				return joinDetail(m.Body, m.Role, period)
			},
			Count: func(n int) string {
				return form.Counted(n, lang.X("members.count.one", "1 medlem"), lang.X("members.count", "{{.N}} medlemmer", map[string]any{"N": formatCount(n)}))
			},
		},
		Archive: &form.Archiving[data.Membership]{Archive: w.store.ArchiveMembership, Restore: w.store.RestoreMembership,
			At: func(m data.Membership) time.Time { return m.ArchivedAt }, Title: lang.X("members.archive.title", "Arkivér medlemskab"),
			Question: func(m data.Membership) string {
				return lang.X("members.archive.question", "Arkivér medlemskabet? Er {{.Name}} gået ud af organet, så skriv hellere en slutdato: så passer historikken.",
					map[string]any{"Name": m.Person.Name})
			}},
		Choices: func(m data.Membership) {
			labels, ids := bodyChoices(w, m.BodyID, m.Body)
			body.Set(labels[1:], ids[1:])
			keep := bodyFilter.ID()
			labels[0] = lang.X("members.allbodies", "Alle organer")
			choosing = true
			bodyFilter.Set(labels, ids)
			bodyFilter.Choose(keep)
			choosing = false
		},
		Layout: &form.Pane[data.Membership, membershipForm]{Split: 0.5},
	})
	w.atFirstShow(r.Start)
	return r
}

// bodyChoices are the active bodies (and keep, an archived one a record
// has), with a first option for none.
func bodyChoices(w *Window, keep int64, keepName string) ([]string, []int64) {
	labels, ids := []string{""}, []int64{0}
	bodies, err := w.store.Bodies(ctx(), false)
	if err != nil {
		w.ShowError(err)
		return labels, ids
	}
	for _, b := range bodies {
		labels, ids = append(labels, b.Name), append(ids, b.ID)
	}
	if keep != 0 && !contains64(ids, keep) {
		labels, ids = append(labels, keepName), append(ids, keep)
	}
	return labels, ids
}

// newBodyList is the short editable list of the bodies themselves.
func newBodyList(w *Window) *bodyList {
	var rows []data.Body
	var r *bodyList
	r = form.NewRegister(w, form.Spec[data.Body, bodyForm]{
		New: lang.X("bodies.new", "Nyt organ"), Heading: func(b data.Body) string { return b.Name },
		ID:     func(b data.Body) int64 { return b.ID },
		Values: data.Body.Form,
		Parse:  form.ParseOf[data.Body, bodyForm], Read: w.store.Body, Save: w.store.SaveBody,
		Fields: []*form.Binding[bodyForm]{
			form.Text("Name", lang.X("staffing.lists.name", "Navn"), "", func(f *bodyForm) *string { return &f.Name }),
			form.Text("Position", lang.X("staffing.lists.order", "Rækkefølge"), lang.X("staffing.lists.order.hint", "tom: sidst"),
				func(f *bodyForm) *string { return &f.Position }),
		},
		List: form.ListSpec[data.Body]{
			Fetch: form.Slice(func() []data.Body { return rows }),
			Rows: func() (n int, err error) {
				rows, err = w.store.Bodies(ctx(), r.Archived())
				return len(rows), err
			},
			ID: func(b data.Body) int64 { return b.ID }, Title: func(b data.Body) string { return b.Name },
		},
		Archive: &form.Archiving[data.Body]{Archive: w.store.ArchiveBody, Restore: w.store.RestoreBody,
			At: func(b data.Body) time.Time { return b.ArchivedAt }, Title: lang.X("bodies.archive.title", "Arkivér organ"),
			Question: func(b data.Body) string {
				return lang.X("bodies.archive.question", "Arkivér {{.Name}}? Det kan ikke længere vælges til nye møder og medlemskaber; de gamle beholder det.",
					map[string]any{"Name": b.Name})
			}},
		Layout: &form.Compact[data.Body, bodyForm]{Title: lang.X("bodies.title", "Organer"),
			Help: lang.X("bodies.help", "Projektorganisationens organer. Et møde holdes i et organ, og dets medlemmer kan indbydes med ét tryk.")},
	})
	w.atFirstShow(r.Start)
	return r
}
