package form

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// lastFolderKey is where fyne's file dialog remembers the folder last used.
const lastFolderKey = "fyne:fileDialogLastFolder"

// startInDocuments points a file dialog at the Documents folder. Once the
// caseworker has used another folder, fyne opens that one instead, as
// Windows' own dialogs do.
func startInDocuments(d *dialog.FileDialog) {
	dir := startFolder(fyne.CurrentApp().Preferences())
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

// startFolder is the Documents folder unless a folder was used before (or
// there is no Documents folder); "" leaves the choice to fyne.
func startFolder(p fyne.Preferences) string {
	if p.String(lastFolderKey) != "" {
		return ""
	}
	dir := documentsDir()
	if st, err := os.Stat(dir); dir == "" || err != nil || !st.IsDir() {
		return ""
	}
	return dir
}
