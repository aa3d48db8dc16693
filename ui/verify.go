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
	"partnerskab/data/dk"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// "Kontrollér PDF…": the same check as `partnerskab verify FILE --db`:
// every signature (byte range, digest, CMS signature, certificate), whose
// seal it is and whether this installation knows that holder, and whether
// the file is the sealed PDF the database holds for its agreement with
// the agreement's rows agreeing with the seal.

// verifyResult is what the report dialog shows.
type verifyResult struct {
	OK            bool
	Holder        string // whose seal it is
	UnknownHolder bool   // the file is unchanged, but its holder is not one this installation knows
	UnknownCA     bool   // … and its issuer neither: compare the issuer's fingerprint (CA) with the certificate page
	CA            string // the issuer's SHA-256, or the seal certificate's when the seal carries no issuer
	Text          string
}

func (w *Window) chooseVerify() {
	form.OpenFile(w, pdfExts, func(rc fyne.URIReadCloser) {
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			w.ShowError(err)
			return
		}
		w.showVerify(rc.URI().Name(), b)
	})
}

// verifyPDF checks the file's seal and looks it up in the database.
func (w *Window) verifyPDF(pdf []byte) verifyResult {
	// Whom this installation trusts: its seal's folder, or the one next to
	// the database when the seal could not be opened.
	var trust *agreement.Trust
	if w.sealer != nil {
		trust = w.sealer.Trust()
	} else if t, err := agreement.LoadTrust(agreement.SealDir(w.store.Path())); err == nil {
		trust = t
	}
	r, err := agreement.Verify(pdf, trust)
	if err != nil {
		return verifyResult{Text: lang.X("signing.verify.unreadable", "Filen kan ikke kontrolleres: {{.Error}}", map[string]any{"Error": err.Error()})}
	}
	c := agreement.CompareWithStored(context.Background(), w.store, pdf, r)
	ca := r.CAFingerprint
	if ca == "" {
		ca = r.Fingerprint
	}
	return verifyResult{OK: r.OK, Holder: r.Holder, UnknownHolder: r.UnknownHolder(), UnknownCA: r.UnknownCA(), CA: ca,
		Text: r.String() + c.Line}
}

// showVerify shows the report of the file called name.
func (w *Window) showVerify(name string, pdf []byte) verifyResult {
	res := w.verifyPDF(pdf)
	icon := widget.NewIcon(theme.ConfirmIcon())
	holder := map[string]any{"Holder": res.Holder, "HolderGenitive": dk.Genitive(res.Holder)}
	verdict := widget.NewLabel(lang.X("signing.verify.ok", "Seglet holder: filen er uændret, og seglet er {{.HolderGenitive}}.", holder))
	verdict.Importance = widget.SuccessImportance
	if !res.OK {
		icon.SetResource(theme.ErrorIcon())
		verdict.SetText(lang.X("signing.verify.bad", "Seglet holder ikke: filen er ændret, ikke forseglet eller forseglet af en indehaver, denne installation ikke kender."))
		verdict.Importance = widget.DangerImportance
		switch {
		case res.UnknownCA:
			// Intact, from an issuer this installation has never met (the
			// recipient's case; `verify` exits 2): not false, not proven.
			icon.SetResource(theme.WarningIcon())
			verdict.SetText(lang.X("signing.verify.unknownca",
				"Filen er uændret siden forseglingen, men seglet er {{.HolderGenitive}} og udstedt af en udsteder, som denne installation ikke kender. Sammenlign udstederens SHA-256 med den på underskriftsbeviset:\n{{.CA}}",
				map[string]any{"Holder": res.Holder, "HolderGenitive": dk.Genitive(res.Holder), "CA": res.CA}))
			verdict.Importance = widget.WarningImportance
			verdict.Wrapping = fyne.TextWrapWord
		case res.UnknownHolder:
			verdict.SetText(lang.X("signing.verify.unknownholder",
				"Seglet holder ikke: filen er uændret, men seglet er {{.HolderGenitive}}, og den indehaver kender denne installation ikke.", holder))
		}
	}
	verdict.TextStyle.Bold = true
	report := widget.NewLabel(res.Text)
	report.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(container.NewBorder(nil, nil, icon, nil, verdict), nil, nil, nil,
		container.NewVScroll(report))
	d := dialog.NewCustom(lang.X("signing.verify.title", "Kontrol af {{.Name}}", map[string]any{"Name": name}),
		lang.X("signing.seal.close", "Luk"), container.New(&widgets.MinWidth{W: 640}, container.NewGridWrap(fyne.NewSize(640, 380), body)), w.Win)
	d.Show()
	return res
}
