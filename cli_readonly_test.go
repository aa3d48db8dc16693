//go:build linux

package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadingCommandsWorkInAReadOnlyFolder: report, agreements, check and
// export-csv to standard output read a database in a folder the user
// cannot write, and leave nothing beside it. As root, whom folder modes do
// not stop, the commands run as the user nobody.
func TestReadingCommandsWorkInAReadOnlyFolder(t *testing.T) {
	db := demoDB(t)
	// A folder readable by all, with the database, closed and tidy.
	dir, err := os.MkdirTemp("", "partnerskab-skrivebeskyttet-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700); os.RemoveAll(dir) })
	ro := filepath.Join(dir, "partnerskab.db")
	copyFile(t, db, ro, 0o644)
	os.Chmod(dir, 0o555)

	asUser := func(args ...string) (int, string) {
		if os.Geteuid() != 0 {
			code, stdout, stderr := runCLI(t, args...)
			return code, stdout + stderr
		}
		bin := copyOfSelf(t)
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "PARTNERSKAB_AS_PROGRAM=1", "HOME="+dir)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, string(out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"report"}, "Organisationer"},
		{[]string{"agreements"}, "Partnerskabsaftale"},
		{[]string{"check"}, "er i orden"},
		{[]string{"export-csv", "partners", "--out", "-"}, "Bevar"},
	} {
		code, out := asUser(append(tc.args, "--db", ro)...)
		if code != 0 || !strings.Contains(out, tc.want) {
			t.Errorf("%v in a read-only folder: exit %d\n%s", tc.args, code, out)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the read-only folder now holds %q", names)
	}
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	out.Close()
	os.Chmod(to, mode)
}

// copyOfSelf copies the test binary where another user may run it.
func copyOfSelf(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "partnerskab-bin-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o755)
	bin := filepath.Join(dir, "partnerskab.test")
	copyFile(t, self, bin, 0o755)
	return bin
}
