package data

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// newFileSchema, once CopySchemaForNewFiles has been called, holds a
// database that went through every migration, per set of migrations (tests
// add one); a database file Open creates gets its bytes instead of running
// the migrations again. The file is the same either way
// (TestCopiedSchemaIsTheMigratedOne): the migrations' SQL still makes it,
// once per process. Creating the schema parses it a dozen times, which
// takes a tenth of a second, and several seconds under the race detector;
// the program creates one database, the tests create thousands, so only
// they turn it on.
var newFileSchema = struct {
	sync.Mutex
	on    bool
	bytes map[string][]byte // by migrationsDigest
}{bytes: map[string][]byte{}}

// CopySchemaForNewFiles makes every later Open of a new file copy a
// migrated database instead of migrating; the tests of every package that
// opens databases call it before they run.
func CopySchemaForNewFiles() {
	newFileSchema.Lock()
	newFileSchema.on = true
	newFileSchema.Unlock()
}

// migratedSchema returns the bytes of a new database at the current
// schema, or nil when copying is off.
func migratedSchema() ([]byte, error) {
	newFileSchema.Lock()
	defer newFileSchema.Unlock()
	if !newFileSchema.on {
		return nil, nil
	}
	key := migrationsDigest(migrations)
	if b, ok := newFileSchema.bytes[key]; ok {
		return b, nil
	}
	dir, err := os.MkdirTemp("", "partnerskab-schema-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "schema.db")
	// Made empty and opened as an existing file: this one migrates.
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		return nil, err
	}
	s, err := openHeldFile(path, openHeld, true, false)
	if err != nil {
		return nil, err
	}
	if err := s.Close(); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		return nil, fmt.Errorf("%s: the write-ahead log was left beside it", path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	newFileSchema.bytes[key] = b
	return b, nil
}
