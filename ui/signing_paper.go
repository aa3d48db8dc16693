package ui

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/data/dk"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// The paper route ("Registrér papirunderskrifter"): the agreement was
// printed with blank signature lines and signed in the meeting; the
// caseworker types the date each signatory signed and attaches the scanned
// PDF, which the store keeps with its SHA-256. The agreement then becomes
// Underskrevet (papir) and is sealed like one signed on the screen.

type paperDialog struct {
	v        *draftView
	a        data.Agreement
	d        *dialog.CustomDialog
	dates    []*widgets.Entry
	msgs     []*widget.Label
	scan     []byte
	scanName *widget.Label
	scanMsg  *widget.Label
	register *widget.Button
	body     *fyne.Container
}

func (v *draftView) askPaperSignatures() {
	a := v.original
	p := &paperDialog{v: v, a: a}
	form := container.New(layout.NewFormLayout())
	today := dk.FormatDate(v.t.w.store.Now())
	for _, g := range a.Signatories {
		e := widgets.NewEntry(lang.X("form.date.hint", "dd.mm.åååå"))
		e.SetText(today)
		msg := widget.NewLabel("")
		msg.Importance = widget.DangerImportance
		msg.Hide()
		e.OnEscape = func() { p.d.Hide() }
		p.dates = append(p.dates, e)
		p.msgs = append(p.msgs, msg)
		form.Add(widget.NewLabel(signerLine(g)))
		form.Add(container.NewVBox(e, msg))
	}
	p.scanName = widget.NewLabel(lang.X("signing.paper.noscan", "Ingen fil valgt"))
	p.scanMsg = widget.NewLabel("")
	p.scanMsg.Importance = widget.DangerImportance
	p.scanMsg.Hide()
	choose := widget.NewButtonWithIcon(lang.X("signing.paper.choose", "Vælg den scannede PDF …"), theme.FolderOpenIcon(), p.chooseScan)
	intro := widget.NewLabel(lang.X("signing.paper.intro", "Skriv den dato, hver underskriver skrev under på papir, og vedhæft den scannede aftale (PDF)."))
	intro.Wrapping = fyne.TextWrapWord
	p.body = container.NewVBox(intro, form, widget.NewSeparator(),
		container.NewBorder(nil, nil, choose, nil, p.scanName), p.scanMsg)
	cancel := widget.NewButton(lang.X("dialog.cancel", "Annullér"), func() { p.d.Hide() })
	p.register = widget.NewButton(lang.X("signing.paper.register", "Registrér underskrifterne"), p.save)
	p.register.Importance = widget.HighImportance
	p.d = dialog.NewCustomWithoutButtons(lang.X("signing.paper.title", "Papirunderskrifter til {{.Agreement}}",
		map[string]any{"Agreement": a.Number}), container.New(&widgets.MinWidth{W: 620}, p.body), v.t.w.Win)
	p.d.SetButtons([]fyne.CanvasObject{cancel, p.register})
	v.paper = p
	p.d.Show()
}

func (p *paperDialog) chooseScan() {
	form.OpenFile(p.v.t.w, pdfExts, func(rc fyne.URIReadCloser) {
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			p.v.t.w.ShowError(err)
			return
		}
		p.attach(rc.URI().Name(), b)
	})
}

// relayout fits the dialog to its messages, which come and go.
func (p *paperDialog) relayout() {
	p.body.Refresh()
	p.d.Resize(p.d.MinSize())
}

// attach takes the scanned file (what the file dialog read).
func (p *paperDialog) attach(name string, b []byte) {
	p.scan = b
	p.scanName.SetText(filepath.Base(name))
	p.scanMsg.Hide()
}

func (p *paperDialog) save() {
	ok := true
	var sigs []data.PaperSignature
	for i, e := range p.dates {
		p.msgs[i].Hide()
		t, err := dk.ParseDate(strings.TrimSpace(e.Text))
		if err != nil {
			p.msgs[i].SetText(lang.X("signing.paper.baddate", "Dato: {{.Problem}}", map[string]any{"Problem": err.Error()}))
			p.msgs[i].Show()
			ok = false
			continue
		}
		sigs = append(sigs, data.PaperSignature{SignatoryID: p.a.Signatories[i].ID, SignedOn: t})
	}
	if len(p.scan) == 0 {
		p.scanMsg.SetText(lang.X("signing.paper.scanrequired", "Den scannede aftale: vælg PDF-filen med underskrifterne"))
		p.scanMsg.Show()
		ok = false
	}
	p.relayout()
	if !ok {
		return
	}
	err := p.v.t.w.store.RegisterPaperSignatures(context.Background(), p.a.ID, sigs, p.scan)
	if ve, isVE := data.AsValidation(err); isVE {
		p.scanMsg.SetText(ve.Error())
		p.scanMsg.Show()
		p.relayout()
		return
	}
	p.d.Hide()
	p.v.paper = nil
	if err != nil {
		p.v.t.w.ShowError(err)
		return
	}
	p.v.seal(p.a.ID)
}

// seal renders, seals and stores the signed agreement and shows it.
func (v *draftView) seal(id int64) {
	number := v.original.Number + " " + v.original.Title
	v.t.w.SetStatus(lang.X("signing.sealing.status", "Aftalen forsegles …"))
	sealAgreement(v.t.w, id, func(err error) {
		v.t.list.Reload(id)
		v.t.open(id)
		v.sealed(number, err)
	})
}

// sealed reports the end of the sealing.
func (v *draftView) sealed(number string, err error) {
	if err != nil {
		v.t.w.ShowError(err)
	} else {
		v.t.w.SetStatus(lang.X("signing.done", "Aftale {{.Agreement}} er underskrevet og forseglet.",
			map[string]any{"Agreement": number}))
	}
	if v.onSealed != nil {
		v.onSealed(err)
	}
}

// sealAgreement runs agreement.Finish off the UI goroutine (rendering and
// sealing take a moment; the window stays alive) and hands the result back
// on it: the one seam to the UI thread for sealing.
func sealAgreement(w *Window, id int64, done func(error)) {
	s, sealer := w.store, w.sealer
	if sealer == nil {
		done(errors.New(lang.X("signing.nosealer", "Aftalen kan ikke forsegles: seglets certifikat kunne ikke åbnes (se Filer › Segl…).")))
		return
	}
	go func() {
		_, err := agreement.Finish(context.Background(), s, sealer, id)
		fyne.Do(func() { done(err) })
	}()
}
