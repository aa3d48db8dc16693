package form

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The file dialogs start in Documents (the Danish desktop's "Dokumenter"
// too) until the caseworker has used another folder.
func TestStartFolder(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	a := test.NewTempApp(t)
	p := a.Preferences()

	if got := startFolder(p); got != "" {
		t.Errorf("no Documents folder: start folder %q, want fyne's own choice", got)
	}
	docs := filepath.Join(home, "Documents")
	mustMkdir(t, docs)
	if got := startFolder(p); got != docs {
		t.Errorf("start folder %q, want %q", got, docs)
	}

	dansk := filepath.Join(home, "Dokumenter")
	mustMkdir(t, dansk)
	mustMkdir(t, filepath.Join(home, ".config"))
	if err := os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"),
		[]byte("# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Skrivebord\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumenter\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := startFolder(p); got != dansk {
		t.Errorf("with user-dirs.dirs: start folder %q, want %q", got, dansk)
	}

	p.SetString(lastFolderKey, "file://"+filepath.ToSlash(home))
	if got := startFolder(p); got != "" {
		t.Errorf("after a folder was used: start folder %q, want the one used (fyne's choice)", got)
	}
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}
