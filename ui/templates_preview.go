package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/ui/widgets"
)

// previewDelay lets a burst of typing pass before the preview is merged
// and laid out again; the problems list follows every keystroke.
const previewDelay = 250 * time.Millisecond

// templatePreview merges the text being edited with the facts of the demo
// case or of a chosen agreement, and shows it as the agreement will read.
type templatePreview struct {
	t       *TemplatesTab
	source  *widget.Select
	note    *widget.Label
	stale   *widget.Label // shown while the preview is not the text in the editor
	rt      *widget.RichText
	scroll  *container.Scroll
	content fyne.CanvasObject

	agreements []data.Agreement // the sources besides the demo case
	facts      agreement.Facts
	factsOf    string // the source the facts were built for

	mu   sync.Mutex
	stop func() bool // stops the update scheduled, if one is
}

func newTemplatePreview(t *TemplatesTab) *templatePreview {
	p := &templatePreview{t: t}
	p.source = widget.NewSelect(nil, func(string) {
		p.factsOf = ""
		p.update()
	})
	p.note = widget.NewLabel("")
	p.note.Wrapping = fyne.TextWrapWord
	p.note.Importance = widget.WarningImportance
	p.note.Hide()
	p.stale = widget.NewLabel("")
	p.stale.Wrapping = fyne.TextWrapWord
	p.stale.Importance = widget.DangerImportance
	p.stale.Hide()
	p.rt = widgets.RichTextOf(nil)
	p.scroll = container.NewVScroll(container.NewPadded(p.rt))
	p.content = container.NewBorder(container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.X("templates.preview.with", "Data fra")), nil, p.source),
		p.note, p.stale), nil, nil, nil, p.scroll)
	t.w.atFirstShow(p.reloadSources)
	return p
}

func demoSource() string { return lang.X("templates.preview.demo", "Eksemplet (demo-sagen)") }

// reloadSources lists the demo case and the agreements as the data the
// preview can merge with.
func (p *templatePreview) reloadSources() {
	opts := []string{demoSource()}
	p.agreements = nil
	if as, err := p.t.w.store.Agreements(ctx(), data.AgreementQuery{Limit: 200}); err == nil {
		p.agreements = as
		for _, a := range as {
			opts = append(opts, a.Number+" "+a.Title)
		}
	}
	p.source.Options = opts
	if p.source.SelectedIndex() < 0 {
		p.source.SetSelectedIndex(0)
	}
	p.source.Refresh()
	p.factsOf = ""
	if p.t.Register != nil {
		p.update() // the data may have come (the example loaded) or gone
	}
}

// selection is the data the chosen source stands for.
func (p *templatePreview) selection() (agreement.Selection, error) {
	i := p.source.SelectedIndex()
	if i <= 0 || i > len(p.agreements) {
		return agreement.DemoSelection(ctx(), p.t.w.store)
	}
	a, err := p.t.w.store.Agreement(ctx(), p.agreements[i-1].ID)
	if err != nil {
		return agreement.Selection{}, err
	}
	return selectionOf(a), nil
}

// schedule updates the preview once the typing pauses.
func (p *templatePreview) schedule() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stop != nil {
		p.stop()
	}
	p.stop = widgets.Later(previewDelay, func() {
		if !p.t.w.closed.Load() {
			p.update()
		}
	})
}

// update merges the editor's text now and shows it.
func (p *templatePreview) update() {
	p.mu.Lock()
	if p.stop != nil {
		p.stop()
		p.stop = nil
	}
	p.mu.Unlock()
	if p.factsOf != p.source.Selected || p.facts == nil {
		p.facts = agreement.Facts{}
		sel, err := p.selection()
		if err == nil {
			var f agreement.Facts
			if f, err = agreement.BuildFacts(ctx(), p.t.w.store, sel); err == nil {
				p.facts = f
			}
		}
		p.factsOf = p.source.Selected
		if err != nil {
			p.note.SetText(lang.X("templates.preview.nodata", "Ingen data at flette med ({{.Err}}); felterne står tomme.",
				map[string]any{"Err": err.Error()}))
			p.note.Show()
		} else {
			p.note.Hide()
		}
	}
	md, err := agreement.Merge(p.t.body.Text, p.facts)
	if err != nil {
		// The problems list says where; the preview keeps the last text
		// that merged, and says plainly that it is not the one in the editor.
		p.stale.SetText(lang.X("templates.preview.stale", "Forhåndsvisningen er ikke opdateret: skabelonen har fejl (se listen under teksten). Den viser den seneste udgave uden fejl."))
		p.stale.Show()
		return
	}
	p.stale.Hide()
	widgets.ShowMarkdown(p.rt, md)
}

// selectionOf is the data an agreement was drafted with, to merge a
// template with it again.
func selectionOf(a data.Agreement) agreement.Selection { return agreement.SelectionOf(a) }
