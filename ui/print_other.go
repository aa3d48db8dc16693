//go:build !windows

package ui

import (
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
)

// openForPrint opens the PDF in the desktop's PDF viewer, which prints it.
func openForPrint(a fyne.App, path string) error {
	return a.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(path)})
}
