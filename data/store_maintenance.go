package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Check runs SQLite's integrity and foreign-key checks, the schema version
// check, the comparison of the whole schema with the migrations', what a
// purge or an import must never leave behind, and the audit log's hash
// chain. It returns the problems found, in Danish; none means the file is
// sound. (Package agreement adds the check of the signed agreements against
// their seals: agreement.CheckSigned.)
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
	diffs, err := s.SchemaDifferences(ctx)
	if err != nil {
		return nil, fileError(s.path, "skemaet kan ikke læses", err)
	}
	for _, d := range diffs {
		problems = append(problems, "skema: "+d)
	}
	permits, err := leftPermits(ctx, s.db)
	if err != nil {
		return nil, err
	}
	problems = append(problems, permits...)
	marks, err := leftBulkImport(ctx, s.db)
	if err != nil {
		return nil, err
	}
	problems = append(problems, marks...)
	chain, err := s.CheckChain(ctx)
	if err != nil {
		return nil, fileError(s.path, "hændelsesloggen kan ikke læses", err)
	}
	return append(problems, chain...), nil
}

// Backup writes a consistent copy of the database to out while the program
// may be using it (VACUUM INTO reads one snapshot). The copy is written next
// to out as a temporary file (0600, cleaned up after a crash) and renamed
// into place once synced, so out is either the old file or a whole copy.
func (s *Store) Backup(ctx context.Context, out string) (err error) {
	defer s.logBackup(ctx, out, &err) // the audit log names every copy taken
	abs, err := filepath.Abs(out)
	if err != nil {
		return fileError(out, "ugyldig sti", err)
	}
	if same, _ := sameFile(abs, s.path); same {
		return fileError(out, "er selve databasen; vælg en anden fil til sikkerhedskopien", nil)
	}
	if st, err := os.Stat(abs); err == nil && st.IsDir() {
		return fileError(out, "kan ikke skrives: det er en mappe", nil)
	} else if err == nil && !st.Mode().IsRegular() {
		return fileError(out, "kan ikke skrives: det er ikke en almindelig fil", nil)
	}
	if st, err := os.Stat(filepath.Dir(abs)); err != nil || !st.IsDir() {
		return fileError(out, "kan ikke skrives: mappen findes ikke ("+filepath.Dir(abs)+")", nil)
	}
	if !s.readOnly {
		return vacuumInto(ctx, s.db, s.path, abs)
	}
	// A read-only store refuses VACUUM INTO (query_only); a connection of
	// its own reads the snapshot and writes nothing to the database.
	dsn := s.path + "?_pragma=busy_timeout(10000)"
	if !dirWritable(filepath.Dir(s.path)) || !fileWritable(s.path) {
		dsn = readOnlyFileDSN(s.path)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return fileError(s.path, "kan ikke åbnes", err)
	}
	defer db.Close()
	return vacuumInto(ctx, db, s.path, abs)
}

// vacuumInto writes a copy of db to dest through a temporary copy.
func vacuumInto(ctx context.Context, db *sql.DB, dbPath, dest string) error {
	t, err := newTempCopy(dbPath, filepath.Dir(dest))
	if err != nil {
		return fileError(dest, "kan ikke skrives", unwrapPathError(err))
	}
	defer t.done()
	// VACUUM INTO writes into the empty file made for it, keeping its mode.
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", t.Path); err != nil {
		return fileError(dest, "sikkerhedskopien kunne ikke skrives", err)
	}
	if err := t.place(dest); err != nil {
		return fileError(dest, "kan ikke skrives", unwrapPathError(err))
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

// Checker is a check beyond the store's own (package agreement's check of
// the signed agreements against their seals), run on a candidate before
// it replaces the database; it returns the problems in Danish.
type Checker func(ctx context.Context, s *Store) ([]string, error)

// RestoreResult says what a restore did.
type RestoreResult struct {
	Kept    string // the dated copy of the database as it was; "" when there was none
	WithWAL bool   // the backup had a WAL file beside it, whose commits were taken along
	// Redone is what the deletion ledger made the restore do again: the
	// anonymisations and deletions made since the backup (retention_restore.go).
	Redone Redone
}

// Restore replaces the database at dbPath with the file from: it holds the
// database alone (refusing, with the other program named, while another
// has it open), checks the candidate first (a Partnerskab database that
// passes Check, and extra when given), keeps the current file as a dated
// copy, then swaps the candidate in. On any failure the current database
// is left as it was.
func Restore(ctx context.Context, dbPath, from string, extra Checker) (RestoreResult, error) {
	if err := CheckFile(ctx, from); err != nil {
		return RestoreResult{}, err
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return RestoreResult{}, fileError(dbPath, "mappen kan ikke oprettes", err)
	}
	h, err := holdExclusive(dbPath, "kan ikke gendannes")
	if err != nil {
		return RestoreResult{}, err
	}
	defer h.release()
	return restoreHeld(ctx, dbPath, from, extra)
}

// Restore puts the file from in place of the store's database, as the
// package-level Restore does, from within the program that has it open:
// the store lets the file go, the restore runs, and the store opens the
// result (or, when the restore is refused, the database as it was).
func (s *Store) Restore(ctx context.Context, from string, extra Checker) (RestoreResult, error) {
	var res RestoreResult
	err := s.replaceFile("kan ikke gendannes", func() error {
		var err error
		res, err = restoreHeld(ctx, s.path, from, extra)
		return err
	})
	return res, err
}

// replaceFile closes the store, runs fn holding the file alone, and opens
// the file again into the same store, so that whoever holds the store
// keeps using it.
func (s *Store) replaceFile(what string, fn func() error) error {
	if s.readOnly {
		return fileError(s.path, what+": databasen er åbnet skrivebeskyttet", nil)
	}
	s.db.Close()
	s.hold.release()
	err := func() error {
		h, err := holdExclusive(s.path, what)
		if err != nil {
			return err
		}
		defer h.release()
		return fn()
	}()
	n, oerr := open(s.path, openWrite)
	if oerr != nil {
		if err == nil {
			err = oerr
		}
		// The store stays closed; every use of it now says why.
		s.db, _ = sql.Open("sqlite", "file:closed?mode=memory")
		s.db.Close()
		return fmt.Errorf("%w; databasen kunne ikke åbnes igen: luk programmet og åbn det igen", err)
	}
	s.db, s.hold = n.db, n.hold
	return err
}

// ReplaceWith builds a new database from the current one and puts it in
// place: build gets a private copy of the file, and only when it succeeds
// and the copy passes Check is the copy swapped in, holding the file alone
// throughout. A build killed halfway leaves the database untouched (the
// demo is loaded so: all of it or nothing).
func ReplaceWith(ctx context.Context, dbPath, what string, build func(ctx context.Context, staged *Store) error) error {
	h, err := holdExclusive(dbPath, what)
	if err != nil {
		return err
	}
	defer h.release()
	return replaceHeld(ctx, dbPath, build)
}

// ReplaceWith is the package-level ReplaceWith for the program that has
// the database open.
func (s *Store) ReplaceWith(ctx context.Context, what string, build func(ctx context.Context, staged *Store) error) error {
	return s.replaceFile(what, func() error { return replaceHeld(ctx, s.path, build) })
}

func replaceHeld(ctx context.Context, dbPath string, build func(ctx context.Context, staged *Store) error) error {
	t, err := newTempCopy(dbPath, filepath.Dir(dbPath))
	if err != nil {
		return fileError(dbPath, "kan ikke skrives", unwrapPathError(err))
	}
	defer t.done()
	if _, err := os.Stat(dbPath); err == nil {
		cur, err := open(dbPath, openHeld)
		if err != nil {
			return err
		}
		_, err = cur.db.ExecContext(ctx, "VACUUM INTO ?", t.Path)
		cur.Close()
		if err != nil {
			return fileError(dbPath, "kan ikke kopieres", err)
		}
	}
	staged, err := open(t.Path, openHeld)
	if err != nil {
		return relabel(err, t.Path, dbPath)
	}
	staged.path = t.Path
	err = build(ctx, staged)
	if err == nil {
		err = finishStaged(ctx, staged, nil)
	}
	staged.Close()
	if err != nil {
		return relabel(err, t.Path, dbPath)
	}
	removeSideFiles(t.Path)
	if err := t.place(dbPath); err != nil {
		return fileError(dbPath, "kan ikke erstattes", unwrapPathError(err))
	}
	removeSideFiles(dbPath)
	return nil
}

// finishStaged checks a candidate and writes its WAL into the file.
func finishStaged(ctx context.Context, c *Store, extra Checker) error {
	problems, err := c.Check(ctx)
	if err == nil && extra != nil {
		var more []string
		more, err = extra(ctx, c)
		problems = append(problems, more...)
	}
	var fe *FileError
	if err != nil && !errors.As(err, &fe) {
		// A page the checks cannot read is a damaged file, named as such.
		return fileError(c.path, "kan ikke læses som SQLite-database", sqliteError(err))
	}
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return fileError(c.path, "består ikke tjekket: "+strings.Join(problems, "; "), nil)
	}
	if _, err := c.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fileError(c.path, "kan ikke skrives", err)
	}
	return nil
}

// restoreHeld is Restore once the database is held alone.
func restoreHeld(ctx context.Context, dbPath, from string, extra Checker) (RestoreResult, error) {
	var res RestoreResult
	if err := CheckFile(ctx, from); err != nil {
		return res, err
	}
	if same, _ := sameFile(from, dbPath); same {
		return res, fileError(from, "er selve databasen; vælg sikkerhedskopien", nil)
	}
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return res, fileError(dbPath, "mappen kan ikke oprettes", err)
	}
	t, withWAL, err := stageBackup(dbPath, from)
	if err != nil {
		return res, err
	}
	defer t.done()
	res.WithWAL = withWAL
	candidate, err := open(t.Path, openHeld)
	if err != nil {
		return res, relabel(err, t.Path, from)
	}
	// The backup is judged as it is; only a sound one is brought up to the
	// deletions made since (which touches the current file, to read them).
	err = finishStaged(ctx, candidate, extra)
	if err == nil {
		res.Redone, err = reapplyLedger(ctx, dbPath, candidate)
	}
	if err == nil && res.Redone.Entries > 0 {
		_, err = candidate.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	}
	candidate.Close()
	if err != nil {
		return res, relabel(err, t.Path, from)
	}
	removeSideFiles(t.Path)

	if _, err := os.Stat(dbPath); err == nil {
		res.Kept = keptName(dbPath, time.Now())
		if err := keepCurrent(ctx, dbPath, res.Kept); err != nil {
			return RestoreResult{}, err
		}
	}
	if err := t.place(dbPath); err != nil {
		return RestoreResult{}, fileError(dbPath, "kan ikke erstattes", unwrapPathError(err))
	}
	// The old file's WAL must never be replayed onto the restored one.
	removeSideFiles(dbPath)
	return res, logRestore(ctx, dbPath, from, res.Kept)
}

// keepCurrent copies the database as it is to kept before it is replaced:
// through SQLite, so its WAL is included, and without judging it (a
// damaged database is what a restore mends).
func keepCurrent(ctx context.Context, dbPath, kept string) error {
	db, err := sql.Open("sqlite", dbPath+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return fileError(dbPath, "kan ikke åbnes", err)
	}
	defer db.Close()
	if err := vacuumInto(ctx, db, dbPath, kept); err != nil {
		// A file SQLite cannot read whole is kept byte for byte.
		return copyFileTo(dbPath, kept)
	}
	_, err = db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return sqliteError(err)
}

// copyFileTo copies src byte for byte to dest through a temporary copy.
func copyFileTo(src, dest string) error {
	in, err := os.Open(src)
	if err != nil {
		return fileError(src, "kan ikke læses", unwrapPathError(err))
	}
	defer in.Close()
	return WriteFile(src, dest, 0o600, func(w io.Writer) error {
		if _, err := io.Copy(w, in); err != nil {
			return fileError(src, "kan ikke kopieres", unwrapPathError(err))
		}
		return nil
	})
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

// stageBackup copies the backup into a private temporary copy next to the
// database: the main file, and a WAL or rollback journal beside it too, so
// that SQLite replays (or rolls back) what they hold when the copy is
// opened, as it would have for the backup itself. The backup is only read.
func stageBackup(dbPath, from string) (*tempCopy, bool, error) {
	t, err := newTempCopy(dbPath, filepath.Dir(dbPath))
	if err != nil {
		return nil, false, fileError(filepath.Dir(dbPath), "kan ikke skrives", unwrapPathError(err))
	}
	if err := copyInto(from, t.Path); err != nil {
		t.done()
		return nil, false, err
	}
	withWAL := false
	for _, side := range []string{"-wal", "-journal"} {
		st, err := os.Stat(from + side)
		if err != nil || !st.Mode().IsRegular() || st.Size() == 0 {
			continue
		}
		if err := copyInto(from+side, t.Path+side); err != nil {
			t.done()
			return nil, false, err
		}
		withWAL = withWAL || side == "-wal"
	}
	return t, withWAL, nil
}

// copyInto copies src to dest (made 0600 when new).
func copyInto(src, dest string) error {
	in, err := os.Open(src)
	if err != nil {
		return fileError(src, "kan ikke læses", unwrapPathError(err))
	}
	defer in.Close()
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fileError(dest, "kan ikke skrives", unwrapPathError(err))
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fileError(src, "kan ikke kopieres", unwrapPathError(err))
	}
	if err := out.Close(); err != nil {
		return fileError(dest, "kan ikke skrives", unwrapPathError(err))
	}
	return nil
}

func removeSideFiles(path string) {
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
}

// relabel names the file the user gave instead of our staging copy,
// keeping the error underneath for errors.Is and errors.As.
func relabel(err error, staged, from string) error {
	if err == nil {
		return nil
	}
	return &relabeled{msg: strings.ReplaceAll(err.Error(), staged, from), err: err}
}

type relabeled struct {
	msg string
	err error
}

func (e *relabeled) Error() string { return e.msg }

func (e *relabeled) Unwrap() error { return e.err }

// CreateWith makes a new database at path only when build succeeds on it:
// the database is built in a private temporary folder and copied into
// place once whole. A refused build creates nothing at path, not even its
// folder. A path that exists already is refused.
func CreateWith(ctx context.Context, path string, build func(ctx context.Context, s *Store) error) error {
	if _, err := os.Lstat(path); err == nil {
		return fileError(path, "findes allerede", nil)
	}
	tmp, err := os.MkdirTemp("", "partnerskab-ny-")
	if err != nil {
		return fileError(path, "kan ikke oprettes", unwrapPathError(err))
	}
	defer os.RemoveAll(tmp)
	s, err := open(filepath.Join(tmp, filepath.Base(path)), openHeld)
	if err != nil {
		return relabel(err, filepath.Join(tmp, filepath.Base(path)), path)
	}
	defer s.Close()
	if err := build(ctx, s); err != nil {
		return relabel(err, s.path, path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fileError(path, "mappen kan ikke oprettes", unwrapPathError(err))
	}
	h, err := holdExclusive(path, "kan ikke oprettes")
	if err != nil {
		return err
	}
	defer h.release()
	if _, err := os.Lstat(path); err == nil {
		return fileError(path, "findes allerede", nil)
	}
	return vacuumInto(ctx, s.db, path, path)
}
