package data

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Check runs SQLite's integrity and foreign-key checks and the schema
// version check. It returns the problems found, in Danish; none means the
// file is sound.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	var problems []string
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, fileError(s.path, "integritetstjekket kunne ikke køre", err)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return nil, err
		}
		if line != "ok" {
			// SQLite may spread one finding over several lines; folding it
			// keeps every command's error message to one line.
			problems = append(problems, "integritet: "+strings.Join(strings.Fields(line), " "))
		}
	}
	rows.Close()
	fk, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, fileError(s.path, "tjek af fremmednøgler kunne ikke køre", err)
	}
	for fk.Next() {
		var table, parent string
		var rowid, idx any
		if err := fk.Scan(&table, &rowid, &parent, &idx); err != nil {
			fk.Close()
			return nil, err
		}
		problems = append(problems, fmt.Sprintf("fremmednøgle: række %v i %s peger på en %s, der ikke findes", rowid, table, parent))
	}
	fk.Close()
	var version, appID int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return nil, err
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return nil, err
	}
	if version != SchemaVersion() {
		problems = append(problems, fmt.Sprintf("skemaversion %d, forventet %d", version, SchemaVersion()))
	}
	if appID != ApplicationID {
		problems = append(problems, "filen er ikke mærket som en Partnerskab-database")
	}
	return problems, nil
}

// Backup writes a consistent copy of the database to out while the program
// may be using it (VACUUM INTO reads one snapshot). The copy is written next
// to out and renamed into place, so out is either the old file or a whole copy.
func (s *Store) Backup(ctx context.Context, out string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return fileError(out, "ugyldig sti", err)
	}
	if same, _ := sameFile(abs, s.path); same {
		return fileError(out, "er selve databasen; vælg en anden fil til sikkerhedskopien", nil)
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), ".partnerskab-backup-*")
	if err != nil {
		return fileError(out, "kan ikke skrives", unwrapPathError(err))
	}
	tmpName := tmp.Name()
	tmp.Close()
	os.Remove(tmpName) // VACUUM INTO wants to create the file itself
	defer os.Remove(tmpName)
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmpName); err != nil {
		return fileError(out, "sikkerhedskopien kunne ikke skrives", err)
	}
	if err := os.Chmod(tmpName, 0o600); err != nil {
		return fileError(out, "kan ikke skrives", err)
	}
	if err := os.Rename(tmpName, abs); err != nil {
		return fileError(out, "kan ikke skrives", unwrapPathError(err))
	}
	return nil
}

func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}

// unwrapPathError drops the path from an *os.PathError, since our messages
// already name the file.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// CheckFile reads a candidate file's header and tells whether it is a
// Partnerskab database this program can use, without changing it.
func CheckFile(ctx context.Context, path string) error {
	if err := precheck(path); err != nil {
		return err
	}
	st, err := os.Stat(path)
	if err != nil {
		return fileError(path, "kan ikke læses", unwrapPathError(err))
	}
	if st.Size() == 0 {
		return fileError(path, "er tom", nil)
	}
	f, err := os.Open(path)
	if err != nil {
		return fileError(path, "kan ikke læses", unwrapPathError(err))
	}
	h, err := readHeader(f)
	f.Close()
	if err != nil {
		return fileError(path, "er ikke en SQLite-database", nil)
	}
	if h.appID != ApplicationID {
		return fileError(path, "er ikke en Partnerskab-database", nil)
	}
	return nil
}

// Restore replaces the database at dbPath with the file from: it checks the
// candidate first (a Partnerskab database that passes Check), keeps the
// current file as a dated copy, then swaps the candidate in. On any failure
// the current database is left as it was. It returns the dated copy's path.
func Restore(ctx context.Context, dbPath, from string) (string, error) {
	if err := CheckFile(ctx, from); err != nil {
		return "", err
	}
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fileError(dbPath, "mappen kan ikke oprettes", err)
	}
	staged, err := stageCopy(from, dir)
	if err != nil {
		return "", err
	}
	defer os.Remove(staged)
	candidate, err := Open(staged)
	if err != nil {
		return "", relabel(err, staged, from)
	}
	problems, err := candidate.Check(ctx)
	if err == nil {
		_, err = candidate.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	}
	candidate.Close()
	if err != nil {
		return "", relabel(err, staged, from)
	}
	if len(problems) > 0 {
		return "", fileError(from, "består ikke tjekket: "+strings.Join(problems, "; "), nil)
	}
	removeSideFiles(staged)

	var kept string
	if _, err := os.Stat(dbPath); err == nil {
		cur, err := Open(dbPath)
		if err != nil {
			return "", err
		}
		kept = keptName(dbPath, cur.Now())
		err = cur.Backup(ctx, kept)
		if err == nil {
			_, err = cur.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
		}
		cur.Close()
		if err != nil {
			return "", err
		}
	}
	if err := os.Rename(staged, dbPath); err != nil {
		return "", fileError(dbPath, "kan ikke erstattes", unwrapPathError(err))
	}
	// The old file's WAL must never be replayed onto the restored one.
	removeSideFiles(dbPath)
	return kept, nil
}

// keptName is the name of the dated copy Restore keeps. A second restore
// within the same second must not overwrite the first one's copy, which may
// be the only copy of the database as it was before.
func keptName(dbPath string, now time.Time) string {
	base := dbPath + "." + now.Local().Format("2006-01-02-150405")
	name := base + ".bak"
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); err != nil {
			return name // free (or unreadable, and Backup will say so)
		}
		name = fmt.Sprintf("%s-%d.bak", base, i)
	}
}

// stageCopy copies src byte for byte into dir, next to where it will land.
func stageCopy(src, dir string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", fileError(src, "kan ikke læses", unwrapPathError(err))
	}
	defer in.Close()
	out, err := os.CreateTemp(dir, ".partnerskab-restore-*")
	if err != nil {
		return "", fileError(dir, "kan ikke skrives", unwrapPathError(err))
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(out.Name())
		return "", fileError(src, "kan ikke kopieres", err)
	}
	if err := out.Close(); err != nil {
		os.Remove(out.Name())
		return "", fileError(dir, "kan ikke skrives", err)
	}
	return out.Name(), nil
}

func removeSideFiles(path string) {
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
}

// relabel names the file the user gave instead of our staging copy.
func relabel(err error, staged, from string) error {
	msg := strings.ReplaceAll(err.Error(), staged, from)
	return fmt.Errorf("%s", msg)
}
