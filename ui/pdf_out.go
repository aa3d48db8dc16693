package ui

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"partnerskab/ui/form"
)

var pdfExts = []string{".pdf", ".PDF"}

// pdfOut saves and prints one document as PDF, the same way for an
// agreement and for a meeting's agenda or minutes: the save dialog in the
// Documents folder, rendering off the UI goroutine, "Udskriv" through the
// system's PDF viewer, and a clear answer when there is none.
type pdfOut struct {
	w *Window
	// name is the file name offered; render makes the bytes and touches no
	// widget (it runs on a worker); written (on the UI goroutine) says
	// where the file went and shows what the export changed.
	name    func() string
	render  func() ([]byte, error)
	written func(path string)
	// entity, id and what name the export in the audit log.
	entity string
	id     int64
	what   string
}

// safeFileName replaces what Windows refuses in a file name.
func safeFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, name)
}

// choose asks where to save the PDF, then writes it.
func (p pdfOut) choose() {
	form.SaveFile(p.w, p.name(), pdfExts, func(wc fyne.URIWriteCloser) {
		p.write(wc, wc.URI().Path(), nil)
	})
}

// save writes the PDF to path, as the save dialog does.
func (p pdfOut) save(path string, done func(error)) {
	f, err := os.Create(path)
	if err != nil {
		p.w.ShowError(err)
		return
	}
	p.write(f, path, done)
}

// write renders and writes off the UI goroutine, then reports back on it.
func (p pdfOut) write(wc io.WriteCloser, path string, done func(error)) {
	p.w.SetStatus(lang.X("agreements.pdf.writing", "Skriver {{.Path}} …", map[string]any{"Path": path}))
	render := p.render
	go func() {
		b, err := render()
		if err == nil {
			_, err = wc.Write(b)
		}
		if cerr := wc.Close(); err == nil {
			err = cerr
		}
		if err == nil && p.entity != "" {
			err = p.w.store.LogExport(ctx(), p.entity, p.id, p.what, path)
		}
		fyne.Do(func() {
			if err != nil {
				p.w.ShowError(err)
			} else if p.written != nil {
				p.written(path)
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

// print writes the PDF to a temporary file and hands it to the system to
// print (print_windows.go, print_other.go); done (tests) gets the file's path.
func (p pdfOut) print(done func(path string, err error)) {
	dir := filepath.Join(os.TempDir(), "partnerskab")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		p.w.ShowError(err)
		return
	}
	path := filepath.Join(dir, p.name())
	p.save(path, func(err error) {
		if err == nil {
			if oerr := openForPrint(p.w.openURL, path); errors.Is(oerr, errNoViewer) {
				p.noViewer(path)
			} else if oerr != nil {
				p.w.ShowError(oerr)
			}
		}
		if done != nil {
			done(path, err)
		}
	})
}

// errNoViewer is openForPrint's answer when no program shows PDFs.
var errNoViewer = errors.New("no PDF viewer")

// noViewer says, when the system has no program that shows PDFs (the
// opener failed), where the file is and offers to save it somewhere else.
func (p pdfOut) noViewer(path string) {
	form.Ask(p.w, lang.X("agreements.print.noviewer.title", "Ingen PDF-fremviser"),
		lang.X("pdf.print.noviewer", "Der er ikke fundet et program, der kan vise og udskrive PDF-filer. Dokumentet er gemt i {{.Path}}.\nGem det et sted, du kan finde det, og åbn det i et PDF-program, eller bed IT om at installere et.",
			map[string]any{"Path": path}),
		lang.X("agreements.pdf", "Gem som PDF…"), lang.X("csv.close", "Luk"), p.choose)
}
