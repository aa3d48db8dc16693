package ui

import (
	"fyne.io/fyne/v2/lang"

	"partnerskab/data"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// linkOption is one record an agenda point can be about.
type linkOption struct {
	label string
	kind  data.LinkKind
	id    int64
}

// linkChoices are what an agenda point can be about: the checklist's
// items, the barriers and risks, the goals and the agreements, read
// before a meeting is shown (a point about an archived record keeps it).
type linkChoices struct{ options []linkOption }

func (c *linkChoices) load(w *Window, m data.Meeting) {
	c.options = []linkOption{{label: lang.X("meetings.link.none", "(intet)")}}
	if items, err := w.store.Checklist(ctx(), false); err == nil {
		for _, it := range items {
			c.options = append(c.options, linkOption{lang.X("meetings.link.checklist", "Afklaring: {{.Name}}", map[string]any{"Name": it.Title}), data.LinkChecklist, it.ID})
		}
	}
	if risks, err := w.store.Risks(ctx(), false); err == nil {
		for _, r := range risks {
			c.options = append(c.options, linkOption{riskKindLabel(r.Kind) + ": " + r.Title, data.LinkRisk, r.ID})
		}
	}
	if targets, err := w.store.Targets(ctx(), w.today()); err == nil {
		for _, t := range targets {
			c.options = append(c.options, linkOption{lang.X("meetings.link.goal", "Mål: {{.Name}}", map[string]any{"Name": t.Name}), data.LinkTarget, t.ID})
		}
	}
	if agreements, err := w.store.Agreements(ctx(), data.AgreementQuery{Limit: 500}); err == nil {
		for _, a := range agreements {
			if a.Status != data.StatusCancelled {
				c.options = append(c.options, linkOption{lang.X("meetings.link.agreement", "Aftale {{.Number}} {{.Title}}",
					map[string]any{"Number": a.Number, "Title": a.Title}), data.LinkAgreement, a.ID})
			}
		}
	}
	for _, it := range m.Items {
		if it.Link.ID != 0 && c.find(it.Link.Kind, it.Link.ID) < 0 {
			c.options = append(c.options, linkOption{it.Link.Title, it.Link.Kind, it.Link.ID})
		}
	}
}

func (c *linkChoices) find(kind data.LinkKind, id int64) int {
	for i, o := range c.options {
		if o.kind == kind && o.id == id {
			return i
		}
	}
	return -1
}

// binding is one agenda point's "Vedrører" drop-down.
// It keeps the options as they were when its row was made: a later read
// (another tab saved a risk) must not shift what a row's choice means.
func (c *linkChoices) binding() *form.Binding[data.AgendaItemForm] {
	opts := linkChoices{options: c.options}
	labels := make([]string, len(opts.options))
	for i, o := range opts.options {
		labels[i] = o.label
	}
	s := widgets.NewSelect(labels, nil)
	return form.Custom("Link", lang.X("meetings.item.link", "Vedrører"), s,
		func(f *data.AgendaItemForm) {
			f.LinkKind, f.LinkID = "", 0
			if i := s.SelectedIndex(); i > 0 && i < len(opts.options) {
				f.LinkKind, f.LinkID = opts.options[i].kind, opts.options[i].id
			}
		},
		func(f *data.AgendaItemForm) {
			switch i := opts.find(f.LinkKind, f.LinkID); {
			case i > 0:
				s.SetSelectedIndex(i)
			case len(opts.options) > 0:
				s.SetSelectedIndex(0)
			}
		},
		func(changed func()) { s.OnChanged = func(string) { changed() } })
}
