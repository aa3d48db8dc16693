package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"partnerskab/data"
)

// TestMain lets the test binary be the program itself for the tests that
// must kill a command halfway: run with PARTNERSKAB_AS_PROGRAM=1, it runs
// the command its arguments name and exits.
func TestMain(m *testing.M) {
	if os.Getenv("PARTNERSKAB_AS_PROGRAM") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	data.CopySchemaForNewFiles() // the tests' new databases; the program above migrates
	os.Exit(m.Run())
}

// program starts the program (this test binary) with args.
func program(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, args...)
	cmd.Env = append(os.Environ(), "PARTNERSKAB_AS_PROGRAM=1")
	return cmd
}

// TestRestoreAndDemoRefusedBesideTheWindow: the window has the database
// open (its store holds the lock file), and restore and demo from the
// command line are refused with the window named, so the window's saves
// are never written into a file that is gone.
func TestRestoreAndDemoRefusedBesideTheWindow(t *testing.T) {
	db := demoDB(t)
	backup := filepath.Join(t.TempDir(), "kopi.db")
	if code, _, stderr := runCLI(t, "backup", "--out", backup, "--db", db); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	data.SetHolderName("Partnerskab-vinduet")
	window, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	before := sum(t, db)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"restore", "--from", backup}, "kan ikke gendannes"},
		{[]string{"demo"}, "eksemplet kan ikke indlæses"},
	} {
		code, stdout, stderr := runCLI(t, append(tc.args, "--db", db)...)
		if code != 1 {
			t.Errorf("%v beside the window: exit %d, %s%s", tc.args, code, stdout, stderr)
		}
		wantOneLine(t, stdout, stderr, db, tc.want)
		for _, w := range []string{"Partnerskab-vinduet (proces " + strconv.Itoa(os.Getpid()), "luk det først"} {
			if !strings.Contains(stderr, w) {
				t.Errorf("%v: %q does not name the window (%q)", tc.args, stderr, w)
			}
		}
		if strings.Count(stderr, db) != 1 || strings.Contains(stderr, "partnerskab "+tc.args[0]+" (proces") {
			t.Errorf("%v: %q names the file twice or the refused command itself", tc.args, stderr)
		}
	}
	if sum(t, db) != before {
		t.Error("a refused restore or demo changed the database")
	}
	// A backup beside the window is still allowed.
	if code, _, stderr := runCLI(t, "backup", "--out", filepath.Join(t.TempDir(), "igen.db"), "--db", db); code != 0 {
		t.Errorf("backup beside the window: %s", stderr)
	}
}
