package data

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

var migrations = loadMigrations()

// loadMigrations reads migrations/NNN_name.sql in order; the numbers must run
// 1, 2, 3… without gaps, or the program refuses to start.
func loadMigrations() []migration {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		panic(err)
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			panic("migration without number: " + e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			panic(fmt.Sprintf("migration %s out of sequence", m.name))
		}
	}
	return ms
}

// afterMigration is Go that a migration needs besides its SQL (what SQLite
// cannot compute), run in the migration's transaction.
var afterMigration = map[int]func(ctx context.Context, tx *sql.Tx) error{
	2: chainEvents, // 002_guards.sql: the audit log's hash chain
}

// SchemaVersion is the schema this program writes (PRAGMA user_version).
func SchemaVersion() int { return len(migrations) }

// migrate applies the migrations after version, each in its own transaction
// together with the new user_version. A database that already holds data is
// copied first, so a failed migration can never cost the caseworker a file.
func (s *Store) migrate(ctx context.Context, version int) error {
	if version == SchemaVersion() {
		return nil
	}
	if version > 0 && !strings.HasPrefix(filepath.Base(s.path), tempPrefix) {
		copyPath := fmt.Sprintf("%s.før-skema-%d-%s.bak", s.path, version+1, s.Now().Format("20060102-150405"))
		// Through a 0600 temporary file, as a backup: the copy holds the same person data.
		if err := vacuumInto(ctx, s.db, s.path, copyPath); err != nil {
			return fileError(s.path, "kan ikke tage en kopi før opdatering af skemaet", err)
		}
	}
	for _, m := range migrations[version:] {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if after := afterMigration[m.version]; after != nil {
				if err := after(ctx, tx); err != nil {
					return fmt.Errorf("migration %s: %w", m.name, err)
				}
			}
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID))
			return err
		})
		if err != nil {
			return fileError(s.path, "skemaet kan ikke opdateres", err)
		}
	}
	return nil
}
