//go:build !windows

package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"partnerskab/data"
)

// bigDB makes a database of some 200 MB, so that copying it takes long
// enough to be caught halfway.
func bigDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "stor.db")
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	blob := strings.Repeat("personoplysninger ", 1<<16) // 1,2 MB
	for i := range 170 {
		if _, err := s.SaveDraft(ctx, "organisation", int64(i+1), map[string]string{"Notes": blob}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// killHalfway starts cmd, waits until a temporary copy has bytes in dir,
// checks that it is readable only by its user, and kills the process.
func killHalfway(t *testing.T, cmd *exec.Cmd, dir string) string {
	t.Helper()
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		matches, _ := filepath.Glob(filepath.Join(dir, ".partnerskab-tmp-*"))
		for _, m := range matches {
			if st, err := os.Stat(m); err == nil && st.Size() > 0 && !strings.HasSuffix(m, "-wal") {
				if st.Mode().Perm() != 0o600 {
					t.Errorf("the copy in the making %s has mode %o, want 600", m, st.Mode().Perm())
				}
				cmd.Process.Kill()
				cmd.Wait()
				return m
			}
		}
		time.Sleep(time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	t.Fatalf("no copy in the making appeared in %s", dir)
	return ""
}

// TestKilledBackupAndRestoreLeaveNothingBehind: a backup and a restore
// killed halfway leave their partial copy; the next command (of any kind)
// removes it.
func TestKilledBackupAndRestoreLeaveNothingBehind(t *testing.T) {
	db := bigDB(t)
	outDir := t.TempDir()
	out := filepath.Join(outDir, "kopi.db")
	litter := killHalfway(t, program(t, "backup", "--out", out, "--db", db), outDir)
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a killed backup left %s (%v)", out, err)
	}
	if code, _, stderr := runCLI(t, "report", "--db", db); code != 0 {
		t.Fatalf("report: %s", stderr)
	}
	if _, err := os.Stat(litter); !os.IsNotExist(err) {
		t.Errorf("the next command left the killed backup's copy %s (%v)", litter, err)
	}

	// A whole backup to restore from, then a restore killed halfway.
	if code, _, stderr := runCLI(t, "backup", "--out", out, "--db", db); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	before := sum(t, db)
	litter = killHalfway(t, program(t, "restore", "--from", out, "--db", db), filepath.Dir(db))
	if code, _, stderr := runCLI(t, "version", "--db", db); code != 0 {
		t.Fatalf("version: %s", stderr)
	}
	if _, err := os.Stat(litter); !os.IsNotExist(err) {
		t.Errorf("the next command left the killed restore's staging copy %s (%v)", litter, err)
	}
	if sum(t, db) != before {
		t.Error("a killed restore changed the database")
	}
	for _, pattern := range []string{".partnerskab-*"} {
		for _, d := range []string{outDir, filepath.Dir(db)} {
			if m, _ := filepath.Glob(filepath.Join(d, pattern)); len(m) > 0 {
				t.Errorf("left in %s: %q", d, m)
			}
		}
	}
}
