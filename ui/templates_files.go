package ui

import (
	"io"
	"os"
	"partnerskab/ui/form"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var markdownExts = []string{".md", ".MD", ".markdown", ".txt"}

// fileButtons are the editor's "Importér .md…" and "Eksportér .md…".
func (t *TemplatesTab) fileButtons() []fyne.CanvasObject {
	return []fyne.CanvasObject{
		widget.NewButtonWithIcon(lang.X("templates.import", "Importér .md…"), theme.FolderOpenIcon(), t.chooseImport),
		widget.NewButtonWithIcon(lang.X("templates.export", "Eksportér .md…"), theme.DocumentSaveIcon(), t.chooseExport)}
}

// chooseImport reads a .md file into the editor (not saved until Save).
func (t *TemplatesTab) chooseImport() {
	if t.original().Archived() {
		return
	}
	form.OpenFile(t.w, markdownExts, func(rc fyne.URIReadCloser) { t.importFrom(rc, rc.URI().Name(), nil) })
}

// importFrom reads r off the UI goroutine and puts its text in the editor;
// a new template takes the file's name. done runs afterwards (tests).
func (t *TemplatesTab) importFrom(r io.ReadCloser, name string, done func()) {
	go func() {
		b, err := io.ReadAll(r)
		r.Close()
		fyne.Do(func() {
			defer func() {
				if done != nil {
					done()
				}
			}()
			if err != nil {
				t.w.ShowError(err)
				return
			}
			if t.original().ID == 0 && strings.TrimSpace(t.name.Text) == "" {
				t.name.SetText(strings.TrimSuffix(name, filepath.Ext(name)))
			}
			t.body.SetText(strings.ReplaceAll(string(b), "\r\n", "\n"))
			t.w.SetStatus(lang.X("templates.imported", "{{.Name}} er hentet ind i editoren; gem for at lave en ny version.",
				map[string]any{"Name": name}))
		})
	}()
}

func (t *TemplatesTab) chooseExport() {
	name := strings.TrimSpace(t.name.Text)
	if name == "" {
		name = "skabelon"
	}
	form.SaveFile(t.w, name+".md", markdownExts, func(wc fyne.URIWriteCloser) { t.exportTo(wc, wc.URI().Path(), nil) })
}

// exportTo writes the editor's text (as it stands) off the UI goroutine.
func (t *TemplatesTab) exportTo(wc io.WriteCloser, path string, done func()) {
	body := t.body.Text
	go func() {
		_, err := io.WriteString(wc, body)
		if cerr := wc.Close(); err == nil {
			err = cerr
		}
		fyne.Do(func() {
			if err != nil {
				t.w.ShowError(err)
			} else {
				t.w.SetStatus(lang.X("templates.exported", "Skabelonen er gemt i {{.Path}}.", map[string]any{"Path": path}))
			}
			if done != nil {
				done()
			}
		})
	}()
}

// exportFile writes the editor's text to path, as the save dialog would.
func (t *TemplatesTab) exportFile(path string, done func()) {
	f, err := os.Create(path)
	if err != nil {
		t.w.ShowError(err)
		return
	}
	t.exportTo(f, path, done)
}
