package ui

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data/agreement"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// The seal settings ("Segl…"): what the signed PDFs are sealed with, the
// local CA to give recipients so their PDF reader trusts the seal, and the
// import of an organisation certificate (.p12) to seal with instead.

type sealSettings struct {
	w        *Window
	d        *dialog.CustomDialog
	describe *widget.Label
	password *widget.Entry
	message  *widget.Label
}

// showSealSettings opens the "Segl" dialog.
func (w *Window) showSealSettings() *sealSettings {
	s := &sealSettings{w: w}
	s.describe = widget.NewLabel("")
	s.describe.Wrapping = fyne.TextWrapWord
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	s.message.Hide()
	s.refresh()
	intro := widget.NewLabel(lang.X("signing.seal.intro", "Underskrevne aftaler forsegles, så enhver ændring af PDF-filen kan opdages. Giv modtagerne CA-certifikatet, så deres PDF-læser stoler på seglet, eller importér organisationens eget certifikat (.p12)."))
	intro.Wrapping = fyne.TextWrapWord
	export := widget.NewButtonWithIcon(lang.X("signing.seal.export", "Eksportér CA-certifikat …"), theme.DocumentSaveIcon(), s.chooseExport)
	imp := widget.NewButtonWithIcon(lang.X("signing.seal.import", "Importér .p12 …"), theme.FolderOpenIcon(), s.chooseImport)
	s.password = widget.NewPasswordEntry()
	s.password.SetPlaceHolder(lang.X("signing.seal.password", "Adgangskode til .p12-filen"))
	body := container.NewVBox(intro, widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.X("signing.seal.current", "Forsegler med"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.describe, container.NewHBox(export), widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.X("signing.seal.importheading", "Organisationens certifikat"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewBorder(nil, nil, nil, imp, s.password), s.message)
	s.d = dialog.NewCustom(lang.X("signing.seal.title", "Segl"), lang.X("signing.seal.close", "Luk"),
		container.New(&widgets.MinWidth{W: 600}, body), w.Win)
	s.d.Show()
	return s
}

func (s *sealSettings) refresh() {
	if s.w.sealer == nil {
		s.describe.SetText(lang.X("signing.seal.none", "Intet segl: certifikatet kunne ikke åbnes."))
		return
	}
	s.describe.SetText(s.w.sealer.Describe())
}

func (s *sealSettings) say(text string, bad bool) {
	s.message.SetText(text)
	s.message.Importance = widget.MediumImportance
	if bad {
		s.message.Importance = widget.DangerImportance
	}
	s.message.Show()
	s.message.Refresh()
}

func (s *sealSettings) chooseExport() {
	if s.w.sealer == nil {
		return
	}
	form.SaveFile(s.w, "partnerskab-ca.crt", []string{".crt", ".pem", ".cer"}, func(wc fyne.URIWriteCloser) {
		s.exportTo(wc, wc.URI().Path())
	})
}

// exportTo writes the CA certificate (PEM).
func (s *sealSettings) exportTo(wc io.WriteCloser, path string) {
	_, err := wc.Write(s.w.sealer.CACertPEM())
	if cerr := wc.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.say(err.Error(), true)
		return
	}
	s.say(lang.X("signing.seal.exported", "CA-certifikatet er gemt som {{.Path}}.", map[string]any{"Path": path}), false)
}

func (s *sealSettings) chooseImport() {
	form.OpenFile(s.w, []string{".p12", ".pfx"}, func(rc fyne.URIReadCloser) {
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			s.say(err.Error(), true)
			return
		}
		s.importP12(b)
	})
}

// importP12 installs the certificate and seals with it from now on.
func (s *sealSettings) importP12(p12 []byte) {
	if err := agreement.ImportP12(agreement.SealDir(s.w.store.Path()), p12, s.password.Text); err != nil {
		s.say(lang.X("signing.seal.importfailed", "Certifikatet blev ikke importeret: {{.Error}}", map[string]any{"Error": err.Error()}), true)
		return
	}
	sealer, err := agreement.OpenStoreSealer(context.Background(), s.w.store)
	if err != nil {
		s.say(err.Error(), true)
		return
	}
	s.w.sealer = sealer
	s.password.SetText("")
	s.refresh()
	s.say(lang.X("signing.seal.imported", "Certifikatet er importeret; nye aftaler forsegles med det."), false)
}
