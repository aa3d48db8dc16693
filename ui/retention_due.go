package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
)

// otherDue is the lower half of Til sletning: every other kind of person
// data whose retention has passed (contact people, meetings' attendance and
// notes, form drafts, scans, signed agreements, the log's person
// references), as data.DueForDeletion lists them, with the advice a signed
// agreement carries (journalise it first). The titles and details come
// from data/ in Danish, like its messages.
type otherDue struct {
	p       *duePanel
	content fyne.CanvasObject
	rows    []data.RetentionItem
	count   *widget.Label
	list    *widget.List
	anon    *widget.Button
	del     *widget.Button
}

func newOtherDue(p *duePanel) *otherDue {
	o := &otherDue{p: p}
	heading, help, count := dueLabels(lang.X("retention.due.heading", "Andre personoplysninger, hvis slettefrist er overskredet"), lang.X("retention.due.help",
		"Kontaktpersoner, mødedeltagere og mødenoter, ikke gemte kladder, scanninger, underskrevne aftaler og loggens personhenvisninger. Fristerne sættes under Indstillinger. »Anonymisér« fjerner personoplysningerne og beholder resten; »Slet« fjerner posten helt. Alt skrives i sletteloggen, som også en gendannelse følger."))
	o.count = count
	o.list = widget.NewList(func() int { return len(o.rows) }, func() fyne.CanvasObject {
		title := widget.NewLabel("")
		title.TextStyle.Bold = true
		detail := widget.NewLabel("")
		detail.Wrapping = fyne.TextWrapWord
		return container.NewVBox(title, detail)
	}, func(id widget.ListItemID, obj fyne.CanvasObject) {
		if id >= len(o.rows) {
			return
		}
		r := o.rows[id]
		box := obj.(*fyne.Container)
		box.Objects[0].(*widget.Label).SetText(dueItemTitle(r))
		detail := r.Detail
		if r.Advice != "" {
			detail += "\n" + r.Advice
		}
		box.Objects[1].(*widget.Label).SetText(detail)
	})
	o.anon = widget.NewButton(lang.X("retention.due.anonymise", "Anonymisér dem, der kan anonymiseres"), func() { o.confirm(data.ActionAnonymise) })
	o.anon.Importance = widget.HighImportance
	o.del = widget.NewButton(lang.X("retention.due.delete", "Slet dem, der kan slettes"), func() { o.confirm(data.ActionDelete) })
	o.del.Importance = widget.DangerImportance
	o.content = container.NewBorder(container.NewVBox(widget.NewSeparator(), heading, help, o.count),
		container.NewHBox(o.anon, o.del), nil, nil, o.list)
	return o
}

func dueItemTitle(r data.RetentionItem) string {
	noun := r.Key.Kind.Noun(1)
	return strings.ToUpper(noun[:1]) + noun[1:] + ": " + r.Title
}

// reload re-reads what is due today.
func (o *otherDue) reload() {
	all, err := o.p.t.w.store.DueForDeletion(ctx(), staffingToday())
	if err != nil {
		o.p.t.w.ShowError(err)
		return
	}
	o.rows = o.rows[:0]
	for _, r := range all {
		if r.Key.Kind != data.KindPlacement { // the placements are the list above
			o.rows = append(o.rows, r)
		}
	}
	o.list.Refresh()
	o.count.SetText(lang.X("retention.due.count", "{{.N}} poster har overskredet slettefristen i dag ({{.Date}}).",
		map[string]any{"N": formatCount(len(o.rows)), "Date": dk.FormatDate(staffingToday())}))
	anon, del := o.keys(data.ActionAnonymise), o.keys(data.ActionDelete)
	setEnabled(o.anon, len(anon) > 0)
	setEnabled(o.del, len(del) > 0)
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// keys are the listed records the action can be done to.
func (o *otherDue) keys(action string) []data.DueKey {
	var keys []data.DueKey
	for _, r := range o.rows {
		if (action == data.ActionAnonymise && r.CanAnonymise) || (action == data.ActionDelete && r.CanDelete) {
			keys = append(keys, r.Key)
		}
	}
	return keys
}

// confirm names how many of which kind, and the advice of any signed
// agreement among them, before acting on the list the caseworker saw.
func (o *otherDue) confirm(action string) {
	keys := o.keys(action)
	if len(keys) == 0 {
		return
	}
	counts := map[data.RetentionKind]int{}
	var kinds []data.RetentionKind
	advice := ""
	for _, r := range o.rows {
		if !((action == data.ActionAnonymise && r.CanAnonymise) || (action == data.ActionDelete && r.CanDelete)) {
			continue
		}
		if counts[r.Key.Kind] == 0 {
			kinds = append(kinds, r.Key.Kind)
		}
		counts[r.Key.Kind]++
		if r.Advice != "" {
			advice = r.Advice
		}
	}
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%d %s", counts[k], k.Noun(counts[k])))
	}
	args := map[string]any{"What": strings.Join(parts, ", ")}
	title := lang.X("retention.due.anonymise.title", "Anonymisér personoplysninger")
	question := lang.X("retention.due.anonymise.question", "Anonymisér {{.What}}? Personoplysningerne slettes for altid.", args)
	if action == data.ActionDelete {
		title = lang.X("retention.due.delete.title", "Slet personoplysninger")
		question = lang.X("retention.due.delete.question", "Slet {{.What}} helt? De kan ikke genskabes.", args)
	}
	if advice != "" {
		question += "\n\n" + advice
	}
	form.Ask(o.p.t.w, title, question, title, lang.X("dialog.cancel", "Annullér"), func() {
		n, err := o.p.t.w.store.Purge(ctx(), action, keys)
		if err != nil {
			o.p.t.w.ShowError(err)
		} else {
			o.p.t.w.SetStatus(lang.X("retention.due.done", "{{.N}} poster er behandlet efter slettefristen. Handlingen står i loggen og i sletteloggen.",
				map[string]any{"N": formatCount(n)}))
		}
		o.p.t.Reload()
	})
}
