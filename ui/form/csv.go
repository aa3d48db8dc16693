package form

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/csvio"
	"partnerskab/ui/widgets"
)

// CSVButtons are a tab's "Importér CSV…" and "Eksportér CSV…" for kind
// (partners, rooms, leases or placements); reload re-reads the tab after a
// successful import.
func CSVButtons(h Host, kind string, reload func()) fyne.CanvasObject {
	imp := widget.NewButtonWithIcon(lang.X("csv.import", "Importér CSV…"), theme.FolderOpenIcon(), func() {
		OpenFile(h, csvExts, func(rc fyne.URIReadCloser) { ImportCSV(h, kind, rc, rc.URI().Name(), reload, nil) })
	})
	exp := widget.NewButtonWithIcon(lang.X("csv.export", "Eksportér CSV…"), theme.DocumentSaveIcon(), func() {
		k, err := csvio.KindByName(kind)
		if err != nil {
			h.ShowError(err)
			return
		}
		SaveFile(h, k.File, csvExts, func(wc fyne.URIWriteCloser) { ExportCSV(h, k, wc, wc.URI().Path(), nil) })
	})
	if k, err := csvio.KindByName(kind); err == nil && !k.Importable() {
		exp.SetText(exportOnlyLabel(kind))
		return exp
	}
	return container.NewGridWithColumns(2, imp, exp)
}

// exportOnlyLabel names what the one button of a kind that only exports
// writes.
func exportOnlyLabel(kind string) string {
	switch kind {
	case "action-items":
		return lang.X("csv.export.actions", "Eksportér handlingspunkter (CSV)…")
	case "checklist":
		return lang.X("csv.export.checklist", "Eksportér afklaringer (CSV)…")
	}
	return lang.X("csv.export", "Eksportér CSV…")
}

var csvExts = []string{".csv", ".CSV", ".txt", ".TXT"}

// ImportFile imports the file at path, as if it had been picked in the
// file dialog.
func ImportFile(h Host, kind, path string, reload, done func()) {
	f, err := os.Open(path)
	if err != nil {
		h.ShowError(err)
		return
	}
	ImportCSV(h, kind, f, filepath.Base(path), reload, done)
}

// ImportCSV imports off the UI goroutine (a big file takes a moment) and
// shows the result: how many rows, or every problem in a list.
func ImportCSV(h Host, kind string, r io.ReadCloser, name string, reload, done func()) {
	h.SetStatus(lang.X("csv.importing", "Importerer {{.Name}} …", map[string]any{"Name": name}))
	go func() {
		n, notes, err := csvio.ImportWithNotes(context.Background(), h.Store(), kind, r, name)
		r.Close()
		fyne.Do(func() {
			showImportResult(h, name, n, notes, err)
			if err == nil && reload != nil {
				reload()
			}
			if done != nil {
				done()
			}
		})
	}()
}

func showImportResult(h Host, name string, n int, notes csvio.Notes, err error) {
	title := lang.X("csv.import.title", "Import af {{.Name}}", map[string]any{"Name": name})
	if ie, ok := data.AsImportError(err); ok {
		h.SetStatus(lang.X("csv.import.refused", "Intet er importeret fra {{.Name}}.", map[string]any{"Name": name}))
		showImportProblems(h, title, ie.Problems, ie.More)
		return
	}
	if err != nil {
		h.SetStatus(lang.X("csv.import.refused", "Intet er importeret fra {{.Name}}.", map[string]any{"Name": name}))
		h.ShowError(err)
		return
	}
	text := lang.X("csv.import.done", "{{.N}} rækker importeret fra {{.Name}}.", map[string]any{"N": n, "Name": name})
	if n == 1 {
		text = lang.X("csv.import.done.one", "1 række importeret fra {{.Name}}.", map[string]any{"Name": name})
	}
	h.SetStatus(text)
	if lines := notes.Lines(); len(lines) > 0 {
		// Cells that would run as formulas in a spreadsheet, kept as text.
		text += "\n\n" + strings.Join(lines, "\n")
	}
	dialog.ShowInformation(title, text, h.Window())
}

// showImportProblems lists every problem of a refused file in a virtual
// list (a bad file of 10.000 rows has as many lines); the line picked is
// shown whole under it, and a button copies them all, to fix the
// spreadsheet from.
func showImportProblems(h Host, title string, problems []data.RowError, more int) {
	lines := make([]string, len(problems))
	for i, p := range problems {
		lines[i] = p.Error()
	}
	if more > 0 { // the first ones are listed, the rest counted (data.MaxImportProblems)
		lines = append(lines, lang.X("csv.import.more", "… og {{.N}} fejl mere.", map[string]any{"N": more}))
	}
	intro := widget.NewLabel(lang.X("csv.import.problems", "Intet er importeret: filen har {{.N}} fejl. Ret dem i regnearket, og importér filen igen.",
		map[string]any{"N": len(problems) + more}))
	intro.Wrapping = fyne.TextWrapWord
	whole := widget.NewLabel(lang.X("csv.import.pick", "Vælg en linje for at se den hele."))
	whole.Wrapping = fyne.TextWrapWord
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[id]) })
	list.OnSelected = func(id widget.ListItemID) { whole.SetText(lines[id]) }
	var d *dialog.CustomDialog
	copyButton := widget.NewButtonWithIcon(lang.X("csv.import.copy", "Kopiér fejlene"), theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(strings.Join(lines, "\n"))
		h.SetStatus(lang.X("csv.import.copied", "Fejlene er kopieret."))
	})
	closeButton := widget.NewButton(lang.X("csv.close", "Luk"), func() { d.Hide() })
	closeButton.Importance = widget.HighImportance
	body := container.NewBorder(intro, whole, nil, nil, container.New(&widgets.MinHeight{H: 280}, list))
	width := min(max(h.Window().Canvas().Size().Width*0.85, 600), 1000)
	d = dialog.NewCustomWithoutButtons(title, container.New(&widgets.MinWidth{W: width}, body), h.Window())
	d.SetButtons([]fyne.CanvasObject{copyButton, closeButton})
	d.Show()
}

// ExportCSV writes off the UI goroutine and reports in the status line.
func ExportCSV(h Host, k *csvio.Kind, wc io.WriteCloser, path string, done func()) {
	h.SetStatus(lang.X("csv.exporting", "Eksporterer til {{.Path}} …", map[string]any{"Path": path}))
	go func() {
		n, err := k.Export(context.Background(), h.Store(), wc)
		if cerr := wc.Close(); err == nil {
			err = cerr
		}
		fyne.Do(func() {
			if err != nil {
				h.SetStatus(lang.X("csv.export.failed", "Eksporten til {{.Path}} mislykkedes.", map[string]any{"Path": path}))
				h.ShowError(err)
			} else if n == 1 {
				h.SetStatus(lang.X("csv.export.done.one", "1 række eksporteret til {{.Path}}.", map[string]any{"Path": path}))
			} else {
				h.SetStatus(lang.X("csv.export.done", "{{.N}} rækker eksporteret til {{.Path}}.", map[string]any{"N": n, "Path": path}))
			}
			if done != nil {
				done()
			}
		})
	}()
}
