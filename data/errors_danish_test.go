package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestErrorsFromSQLiteAndTheSystemAreDanish: what the caseworker reads of
// a SQLite or file-system error is Danish; a trigger's own refusal is kept.
func TestErrorsFromSQLiteAndTheSystemAreDanish(t *testing.T) {
	s := MustOpenDB(t)
	_, err := s.DB().Exec(`INSERT INTO organisations (name) VALUES ('x')`)
	if got := DanishError(err).Error(); got != "en påkrævet værdi mangler (organisations.sort_key)" {
		t.Errorf("NOT NULL: %q", got)
	}
	_, err = s.DB().Exec(`INSERT INTO events (at, kind, entity) VALUES ('x', 'y', 'z')`)
	if got := DanishError(err).Error(); got != "en hændelse i loggen skal kædes til den forrige (hash mangler)" {
		t.Errorf("a RAISE: %q", got)
	}
	_, err = os.Open(filepath.Join(t.TempDir(), "findes-ikke"))
	if got := DanishError(err).Error(); got != "findes ikke" || !errors.Is(DanishError(err), os.ErrNotExist) {
		t.Errorf("a missing file: %q", got)
	}
	bad := filepath.Join(t.TempDir(), "ikke-sqlite.db")
	os.WriteFile(bad, []byte(strings.Repeat("ikke en database ", 400)), 0o600)
	_, err = Open(bad)
	if err == nil || !strings.Contains(err.Error(), "er ikke en SQLite-database") {
		t.Errorf("a file that is not SQLite: %v", err)
	}
	for _, english := range []string{"constraint failed", "no such file", "(1299)", "(19)"} {
		if strings.Contains(DanishError(err).Error(), english) {
			t.Errorf("%q is English", DanishError(err))
		}
	}
}
