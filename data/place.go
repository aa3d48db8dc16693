package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// checkPlace makes sure the database can live at path before SQLite is
// asked to open it: the drive is there, the folder exists (it is made if
// not), and the file or the folder can be written. SQLite would otherwise
// answer in English ("unable to open database file") or only at the first
// save. Every refusal names the place and says why in Danish.
func checkPlace(path string) error {
	if vol := filepath.VolumeName(path); vol != "" {
		if _, err := os.Stat(vol + string(filepath.Separator)); err != nil {
			return fileError(path, fmt.Sprintf("drevet %s findes ikke eller er ikke tilsluttet", vol), nil)
		}
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fileError(path, "mappen kan ikke oprettes", osError(err))
	}
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		f, err := os.CreateTemp(dir, ".partnerskab-skrivetest-*")
		if err != nil {
			return fileError(path, "kan ikke oprettes i mappen "+dir, osError(err))
		}
		f.Close()
		os.Remove(f.Name())
		return nil
	}
	if err == nil && st.IsDir() {
		return nil // precheck says it is a folder
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fileError(path, "kan ikke skrives", osError(err))
	}
	return f.Close()
}
