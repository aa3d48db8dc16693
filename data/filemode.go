package data

import (
	"os"
	"runtime"
)

// The database holds person data, so it and SQLite's files beside it are
// readable by their user only: a new file is made 0600 (SQLite gives its
// -wal and -shm the database's mode), and a file found more open, made by
// an older version or copied in by hand, is narrowed when opened for
// writing. On Windows the user profile's ACL guards the files; a Unix mode
// means nothing there.

// tightenModes narrows the database and its -wal and -shm to 0600. A file
// the user does not own cannot be changed; it is left as it is, not refused.
func tightenModes(path string) {
	if runtime.GOOS == "windows" {
		return
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if st, err := os.Stat(p); err == nil && st.Mode().Perm()&0o077 != 0 {
			_ = os.Chmod(p, st.Mode().Perm()&0o700)
		}
	}
}
