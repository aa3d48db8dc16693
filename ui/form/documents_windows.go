//go:build windows

package form

import "golang.org/x/sys/windows"

// documentsDir is the user's Documents folder as Windows knows it: also
// when it is moved to OneDrive or another drive, and whatever Explorer
// calls it ("Dokumenter").
func documentsDir() string {
	dir, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0)
	if err != nil {
		return ""
	}
	return dir
}
