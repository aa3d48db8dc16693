package main

import (
	"bytes"
	"debug/pe"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// A real Windows GUI build becomes a console program and nothing else
// changes: debug/pe reads the subsystem, and every other byte is the same.
func TestToConsole(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "gui.exe")
	build := exec.Command("go", "build", "-ldflags=-H=windowsgui", "-o", exe, src)
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=-buildvcs=false")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building a Windows program: %v\n%s", err, out)
	}
	gui, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	if got := subsystem(t, gui); got != subsystemGUI {
		t.Fatalf("the -H=windowsgui build has subsystem %d, want %d", got, subsystemGUI)
	}
	con := bytes.Clone(gui)
	if err := toConsole(con); err != nil {
		t.Fatal(err)
	}
	if got := subsystem(t, con); got != subsystemConsole {
		t.Errorf("after toConsole the subsystem is %d, want %d", got, subsystemConsole)
	}
	diff := 0
	for i := range gui {
		if gui[i] != con[i] {
			diff++
		}
	}
	if diff != 1 {
		t.Errorf("%d bytes differ, want 1 (the subsystem's low byte)", diff)
	}
	if err := toConsole(con); err == nil {
		t.Error("a console program was changed again; want a refusal")
	}
	if err := toConsole([]byte("#!/bin/sh\necho not a PE file, but long enough to have a header of sixty-four bytes\n")); err == nil {
		t.Error("a shell script was accepted as a Windows program")
	}
}

func subsystem(t *testing.T, b []byte) uint16 {
	t.Helper()
	f, err := pe.NewFile(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		return h.Subsystem
	case *pe.OptionalHeader32:
		return h.Subsystem
	}
	t.Fatal("no optional header")
	return 0
}
