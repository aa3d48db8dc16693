package ui

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// "Kontrollér PDF…": the same check as `partnerskab verify FILE --db`: the
// seal (byte range, digest, CMS signature, certificate and whether it
// chains to this installation's CA or an imported one), and whether the
// file is the sealed PDF the database holds for its agreement.

// verifyResult is what the report dialog shows.
type verifyResult struct {
	OK   bool
	Text string
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
	var trusted *x509.CertPool
	if w.sealer != nil {
		trusted = w.sealer.Trusted()
	}
	r, err := agreement.Verify(pdf, trusted)
	if err != nil {
		return verifyResult{Text: lang.X("signing.verify.unreadable", "Filen kan ikke kontrolleres: {{.Error}}", map[string]any{"Error": err.Error()})}
	}
	sum := sha256.Sum256(pdf)
	a, err := w.store.AgreementBySealedSHA256(context.Background(), hex.EncodeToString(sum[:]))
	var db string
	switch {
	case err == nil:
		db = lang.X("signing.verify.stored", "Databasen: filen er den forseglede PDF, der er gemt for aftale {{.Agreement}}.",
			map[string]any{"Agreement": a.Number + " " + a.Title})
	case errors.Is(err, data.ErrNotFound):
		db = lang.X("signing.verify.notstored", "Databasen: ingen underskrevet aftale i databasen har netop denne fil.")
	default:
		db = err.Error()
	}
	return verifyResult{OK: r.OK, Text: r.String() + db}
}

// showVerify shows the report of the file called name.
func (w *Window) showVerify(name string, pdf []byte) verifyResult {
	res := w.verifyPDF(pdf)
	icon := widget.NewIcon(theme.ConfirmIcon())
	verdict := widget.NewLabel(lang.X("signing.verify.ok", "Seglet holder: filen er uændret."))
	verdict.Importance = widget.SuccessImportance
	if !res.OK {
		icon.SetResource(theme.ErrorIcon())
		verdict.SetText(lang.X("signing.verify.bad", "Seglet holder ikke: filen er ændret eller ikke forseglet."))
		verdict.Importance = widget.DangerImportance
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
