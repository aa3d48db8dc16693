package data

import (
	"fmt"
	"os"
	"path/filepath"
)

// sampleGeneration changes whenever BuildSample writes something else, so
// that a cached sample from an older generator is never measured.
const sampleGeneration = 2

// CachedSample returns the path of a sample of the given size, built once
// and kept in the cache folder (PARTNERSKAB_SAMPLE_CACHE, else the user's
// cache folder) for every later run and every test package: building the
// large one takes longer than most of what is measured on it. The file is
// shared, read by several processes at once: whoever writes works on a copy.
// Its name holds the schema version, the generator's and the migrations'
// digest, so another migration (also one of the same number on another
// branch) or generator builds a new file, and the outdated ones of that size
// go.
func CachedSample(size SampleSize) (string, error) {
	dir := os.Getenv("PARTNERSKAB_SAMPLE_CACHE")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			base = os.TempDir()
		}
		dir = filepath.Join(base, "partnerskab", "samples")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	sizeKey := fmt.Sprintf("%d-%d-%d-%d-%d-%d-%d", size.Enterprises, size.Premises, size.RoomsPer, size.Leases,
		size.Placements, size.Agreements, size.Landlords)
	name := fmt.Sprintf("sample-v%d.%d.%s-%s.db", SchemaVersion(), sampleGeneration,
		migrationsDigest(migrations)[:12], sizeKey)
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	// Built under a name of its own and renamed when complete: a process
	// that finds the file finds it whole, and two that build at once both
	// leave the same content.
	tmp := filepath.Join(dir, fmt.Sprintf(".building-%d-%s", os.Getpid(), name))
	removeDB(tmp)
	if err := BuildSample(tmp, size); err != nil {
		removeDB(tmp)
		return "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		removeDB(tmp)
		return "", err
	}
	removeDB(tmp)
	old, _ := filepath.Glob(filepath.Join(dir, "sample-v*-"+sizeKey+".db"))
	for _, o := range old {
		if o != path {
			removeDB(o)
		}
	}
	return path, nil
}

// removeDB removes a database file and its journal files.
func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}
