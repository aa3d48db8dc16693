//go:build !windows

package ui

import (
	"net/url"
	"path/filepath"
	"strings"
)

// openForPrint opens the PDF in the desktop's PDF viewer, which prints it.
// When nothing opens it, the answer is errNoViewer.
func openForPrint(open func(*url.URL) error, path string) error {
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path
	}
	if open(u) != nil {
		return errNoViewer
	}
	return nil
}
