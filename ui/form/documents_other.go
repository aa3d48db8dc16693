//go:build !windows

package form

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// documentsDir is XDG_DOCUMENTS_DIR from ~/.config/user-dirs.dirs (a Danish
// desktop names it ~/Dokumenter), else ~/Documents.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	config := os.Getenv("XDG_CONFIG_HOME")
	if config == "" {
		config = filepath.Join(home, ".config")
	}
	if f, err := os.Open(filepath.Join(config, "user-dirs.dirs")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOCUMENTS_DIR=")
			if !ok {
				continue
			}
			v = strings.Trim(v, `"`)
			if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
				v = filepath.Join(home, rest)
			}
			if filepath.IsAbs(v) {
				return v
			}
		}
	}
	return filepath.Join(home, "Documents")
}
