package form

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// OpenFile asks for a file to read, of one of the extensions exts (with
// the dot), and hands it to use; nothing happens when the user cancels.
func OpenFile(h Host, exts []string, use func(rc fyne.URIReadCloser)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			h.ShowError(err)
			return
		}
		if rc != nil {
			use(rc)
		}
	}, h.Window())
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Show()
	d.Resize(dialogSize(h)) // after Show: before it, the dialog has nothing to resize
}

// SaveFile asks where to write a file named name (first) of one of the
// extensions exts, and hands it to use; nothing happens when the user cancels.
func SaveFile(h Host, name string, exts []string, use func(wc fyne.URIWriteCloser)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			h.ShowError(err)
			return
		}
		if wc != nil {
			use(wc)
		}
	}, h.Window())
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Show()
	d.Resize(dialogSize(h))
}

// dialogSize gives the file dialogs room for long Windows paths.
func dialogSize(h Host) fyne.Size {
	s := h.Window().Canvas().Size()
	return fyne.NewSize(min(max(s.Width*0.8, 640), 1000), min(max(s.Height*0.8, 480), 700))
}
