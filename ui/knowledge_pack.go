package ui

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
)

// Filer → "Eksportér videndelingspakke…" and "Importér videndelingspakke…":
// what one housing area has learnt (templates, the checklist's decided
// texts, schemes, target groups, goals, the latest status report) goes to
// another area's installation as one zip. The import first shows what the
// package holds and lets the caseworker untick checklist items; the
// report of what came in stays on screen.

var zipExts = []string{".zip", ".ZIP"}

// chooseExportPack asks where to save the package, then writes it.
func (w *Window) chooseExportPack() {
	name := "Videndelingspakke " + dk.ISODate(w.store.Now()) + ".zip"
	form.SaveFile(w, name, zipExts, func(wc fyne.URIWriteCloser) {
		path := wc.URI().Path()
		wc.Close()
		w.exportPack(path, nil)
	})
}

// exportPack writes the package to path off the UI goroutine and says on
// the status line what it holds; done (tests) gets the outcome. A refused
// package leaves no empty file where the dialog made one.
func (w *Window) exportPack(path string, done func(error)) {
	w.SetStatus(lang.X("agreements.pdf.writing", "Skriver {{.Path}} …", map[string]any{"Path": path}))
	store := w.store
	go func() {
		opt, err := store.PackOptionsFor(ctx(), Version, "")
		var p *data.KnowledgePack
		if err == nil {
			p, err = store.ExportKnowledgePack(ctx(), path, opt)
		}
		if p == nil {
			if st, serr := os.Stat(path); serr == nil && st.Size() == 0 {
				os.Remove(path)
			}
		}
		fyne.Do(func() {
			if p != nil {
				w.SetStatus(lang.X("pack.written", "Videndelingspakken er gemt som {{.Path}}: {{.Summary}}.",
					map[string]any{"Path": path, "Summary": p.Summary()}))
			}
			if err != nil {
				w.ShowError(data.DanishError(err))
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

// chooseImportPack asks for the package, then shows what it holds.
func (w *Window) chooseImportPack() {
	form.OpenFile(w, zipExts, func(rc fyne.URIReadCloser) {
		path := rc.URI().Path()
		rc.Close()
		w.offerPack(path)
	})
}

// packOffer is the dialog that shows a package before it is imported: one
// check box per checklist item, all ticked.
type packOffer struct {
	dialog *dialog.ConfirmDialog
	pack   *data.KnowledgePack
	checks []*widget.Check
	codes  []string
}

// offerPack reads the package at path and asks what to import; a package
// that cannot be read is refused at once.
func (w *Window) offerPack(path string) *packOffer {
	p, err := data.ReadKnowledgePackFile(path)
	if err != nil {
		w.ShowError(err)
		return nil
	}
	o := &packOffer{pack: p}
	intro := widget.NewLabel(lang.X("pack.offer", "Pakken er fra {{.Source}} og indeholder {{.Summary}}. Skabelonerne bliver nye skabeloner; ordninger, målgrupper og mål kommer med, hvor de mangler.",
		map[string]any{"Source": p.Manifest.SourceArea, "Summary": p.Summary()}))
	intro.Wrapping = fyne.TextWrapWord
	box := container.NewVBox()
	for _, c := range p.Checklist {
		label := c.Title
		if c.Decision != "" {
			label += " " + lang.X("pack.offer.decided", "(med besluttet tekst)")
		}
		check := widget.NewCheck(label, nil)
		check.SetChecked(true)
		o.checks, o.codes = append(o.checks, check), append(o.codes, c.Code)
		box.Add(check)
	}
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(560, 260))
	content := container.NewBorder(container.NewVBox(intro,
		widget.NewLabel(lang.X("pack.offer.checklist", "Tjeklistens punkter, der skal med som udgangspunkt:"))), nil, nil, nil, scroll)
	if len(p.Checklist) == 0 {
		content = container.NewVBox(intro)
	}
	o.dialog = dialog.NewCustomConfirm(lang.X("menu.pack.import", "Importér videndelingspakke…"),
		lang.X("pack.import", "Indlæs"), lang.X("dialog.cancel", "Annullér"), content, func(ok bool) {
			if ok {
				w.importPack(path, p, o.chosen())
			}
		}, w.Win)
	o.dialog.Resize(fyne.NewSize(640, 480))
	o.dialog.Show()
	return o
}

// chosen are the merge fields of the ticked items.
func (o *packOffer) chosen() []string {
	codes := []string{}
	for i, c := range o.checks {
		if c.Checked {
			codes = append(codes, o.codes[i])
		}
	}
	return codes
}

// importPack imports the package and shows the report of what came in.
func (w *Window) importPack(path string, p *data.KnowledgePack, checklist []string) {
	r, err := w.store.ImportKnowledgePack(ctx(), p, data.PackImportOptions{File: path, Checklist: checklist,
		SkipChecklist: len(checklist) == 0})
	if err != nil {
		w.ShowError(err)
		return
	}
	w.Reload()
	w.SetStatus(lang.X("pack.imported", "Videndelingspakken er indlæst: {{.Summary}}.", map[string]any{"Summary": r.Summary()}))
	// The report's sentences come from data/, in Danish, like the store's errors.
	text := widget.NewLabel(strings.Join(r.Lines(), "\n"))
	text.Wrapping = fyne.TextWrapWord
	var content fyne.CanvasObject = text
	if len(p.ReportPDF) > 0 {
		report := p.ReportPDF
		name := "Statusrapport " + dk.ISODate(p.ReportAsOf) + " " + safeFileName(p.Manifest.SourceArea) + ".pdf"
		content = container.NewVBox(text, widget.NewButton(lang.X("pack.report.save", "Gem statusrapporten som PDF…"), func() {
			form.SaveFile(w, name, pdfExts, func(wc fyne.URIWriteCloser) { w.savePackReport(wc, report) })
		}))
	}
	d := dialog.NewCustom(lang.X("pack.imported.title", "Videndelingspakken er indlæst"), lang.X("csv.close", "Luk"), content, w.Win)
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
}

// savePackReport writes the package's status report where the caseworker
// chose; it came from outside, so it is a copy to read, not a record.
func (w *Window) savePackReport(wc fyne.URIWriteCloser, pdf []byte) {
	_, err := wc.Write(pdf)
	if cerr := wc.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		w.ShowError(err)
		return
	}
	w.SetStatus(lang.X("pack.report.saved", "Statusrapporten er gemt som {{.Path}}.", map[string]any{"Path": wc.URI().Path()}))
}
