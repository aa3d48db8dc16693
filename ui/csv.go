package ui

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
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/csvio"
)

// csvButtons are a tab's "Importér CSV…" and "Eksportér CSV…" for kind
// (partners, rooms, leases or placements); reload re-reads the tab after a
// successful import.
func (w *Window) csvButtons(kind string, reload func()) fyne.CanvasObject {
	imp := widget.NewButtonWithIcon(lang.X("csv.import", "Importér CSV…"), theme.FolderOpenIcon(), func() {
		w.chooseImport(kind, reload)
	})
	exp := widget.NewButtonWithIcon(lang.X("csv.export", "Eksportér CSV…"), theme.DocumentSaveIcon(), func() {
		w.chooseExport(kind)
	})
	return container.NewGridWithColumns(2, imp, exp)
}

var csvFilter = storage.NewExtensionFileFilter([]string{".csv", ".CSV", ".txt", ".TXT"})

func (w *Window) chooseImport(kind string, reload func()) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if rc == nil {
			return // cancelled
		}
		w.importCSV(kind, rc, rc.URI().Name(), reload, nil)
	}, w.Win)
	d.SetFilter(csvFilter)
	d.Show()
	d.Resize(w.fileDialogSize()) // after Show: before it, the dialog has nothing to resize
}

func (w *Window) chooseExport(kind string) {
	k, err := csvio.KindByName(kind)
	if err != nil {
		w.showError(err)
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if wc == nil {
			return // cancelled
		}
		w.exportCSV(k, wc, wc.URI().Path(), nil)
	}, w.Win)
	d.SetFileName(k.File)
	d.SetFilter(csvFilter)
	d.Show()
	d.Resize(w.fileDialogSize()) // after Show: before it, the dialog has nothing to resize
}

// fileDialogSize gives the file dialogs room for long Windows paths.
func (w *Window) fileDialogSize() fyne.Size {
	s := w.Win.Canvas().Size()
	return fyne.NewSize(min(max(s.Width*0.8, 640), 1000), min(max(s.Height*0.8, 480), 700))
}

// importFile imports the file at path, as if it had been picked in the
// file dialog.
func (w *Window) importFile(kind, path string, reload, done func()) {
	f, err := os.Open(path)
	if err != nil {
		w.showError(err)
		return
	}
	w.importCSV(kind, f, filepath.Base(path), reload, done)
}

// importCSV imports off the UI goroutine (a big file takes a moment) and
// shows the result: how many rows, or every problem in a list.
func (w *Window) importCSV(kind string, r io.ReadCloser, name string, reload, done func()) {
	w.setStatus(lang.X("csv.importing", "Importerer {{.Name}} …", map[string]any{"Name": name}))
	go func() {
		n, notes, err := csvio.ImportWithNotes(context.Background(), w.store, kind, r, name)
		r.Close()
		fyne.Do(func() {
			w.showImportResult(name, n, notes, err)
			if err == nil && reload != nil {
				reload()
			}
			if done != nil {
				done()
			}
		})
	}()
}

func (w *Window) showImportResult(name string, n int, notes csvio.Notes, err error) {
	title := lang.X("csv.import.title", "Import af {{.Name}}", map[string]any{"Name": name})
	if ie, ok := data.AsImportError(err); ok {
		w.setStatus(lang.X("csv.import.refused", "Intet er importeret fra {{.Name}}.", map[string]any{"Name": name}))
		w.showImportProblems(title, ie.Problems, ie.More)
		return
	}
	if err != nil {
		w.setStatus(lang.X("csv.import.refused", "Intet er importeret fra {{.Name}}.", map[string]any{"Name": name}))
		w.showError(err)
		return
	}
	text := lang.X("csv.import.done", "{{.N}} rækker importeret fra {{.Name}}.", map[string]any{"N": n, "Name": name})
	if n == 1 {
		text = lang.X("csv.import.done.one", "1 række importeret fra {{.Name}}.", map[string]any{"Name": name})
	}
	w.setStatus(text)
	if lines := notes.Lines(); len(lines) > 0 {
		// Cells that would run as formulas in a spreadsheet, kept as text.
		text += "\n\n" + strings.Join(lines, "\n")
	}
	dialog.ShowInformation(title, text, w.Win)
}

// showImportProblems lists every problem of a refused file in a virtual
// list (a bad file of 10.000 rows has as many lines); the line picked is
// shown whole under it, and a button copies them all, to fix the
// spreadsheet from.
func (w *Window) showImportProblems(title string, problems []data.RowError, more int) {
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
		w.App.Clipboard().SetContent(strings.Join(lines, "\n"))
		w.setStatus(lang.X("csv.import.copied", "Fejlene er kopieret."))
	})
	closeButton := widget.NewButton(lang.X("csv.close", "Luk"), func() { d.Hide() })
	closeButton.Importance = widget.HighImportance
	body := container.NewBorder(intro, whole, nil, nil, container.New(&minHeight{h: 280}, list))
	width := min(max(w.Win.Canvas().Size().Width*0.85, 600), 1000)
	d = dialog.NewCustomWithoutButtons(title, container.New(&minWidth{w: width}, body), w.Win)
	d.SetButtons([]fyne.CanvasObject{copyButton, closeButton})
	d.Show()
}

// exportCSV writes off the UI goroutine and reports in the status line.
func (w *Window) exportCSV(k *csvio.Kind, wc io.WriteCloser, path string, done func()) {
	w.setStatus(lang.X("csv.exporting", "Eksporterer til {{.Path}} …", map[string]any{"Path": path}))
	go func() {
		n, err := k.Export(context.Background(), w.store, wc)
		if cerr := wc.Close(); err == nil {
			err = cerr
		}
		fyne.Do(func() {
			if err != nil {
				w.setStatus(lang.X("csv.export.failed", "Eksporten til {{.Path}} mislykkedes.", map[string]any{"Path": path}))
				w.showError(err)
			} else if n == 1 {
				w.setStatus(lang.X("csv.export.done.one", "1 række eksporteret til {{.Path}}.", map[string]any{"Path": path}))
			} else {
				w.setStatus(lang.X("csv.export.done", "{{.N}} rækker eksporteret til {{.Path}}.", map[string]any{"N": n, "Path": path}))
			}
			if done != nil {
				done()
			}
		})
	}()
}
