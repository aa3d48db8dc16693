//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// The installer ships the program twice: partnerskab.exe, a GUI program
// that the Start menu and a double-click open without a console, and
// partnerskab.com, the same program marked as a console program (see
// tools/consoleexe). In cmd and PowerShell, `partnerskab verify x.pdf` finds
// the .com first (PATHEXT lists .COM before .EXE): the console waits for it,
// shows its output and gets its exit code, as with any other command.
//
// Typed with its full name, partnerskab.exe has no console of its own; so
// that a command is never silent, it then attaches to the console it was
// started from and writes there. The console does not wait for a GUI
// program, so the prompt may come back before the output; the README says
// to leave out the .exe.

var (
	kernel32             = windows.NewLazySystemDLL("kernel32.dll")
	procAttachConsole    = kernel32.NewProc("AttachConsole")
	procGetConsoleWindow = kernel32.NewProc("GetConsoleWindow")
)

const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1

// prepareConsole gives a command's output a console when the GUI build was
// started from one. Without a command (the window) nothing changes.
func prepareConsole(args []string) {
	if _, rest, err := splitDBFlag(args); err == nil && len(rest) == 0 {
		return
	}
	if hwnd, _, _ := procGetConsoleWindow.Call(); hwnd != 0 {
		return // the console build, or a console already there
	}
	// Output redirected to a file or a pipe already has somewhere to go.
	outOK, errOK := usable(windows.STD_OUTPUT_HANDLE), usable(windows.STD_ERROR_HANDLE)
	if outOK && errOK {
		return
	}
	if ok, _, _ := procAttachConsole.Call(attachParentProcess); ok == 0 {
		return // started from Explorer or a shortcut: no console to write to
	}
	if !outOK {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if !errOK {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
	if !usable(windows.STD_INPUT_HANDLE) {
		if f, err := os.OpenFile("CONIN$", os.O_RDONLY, 0); err == nil {
			os.Stdin = f
		}
	}
}

// usable tells whether a standard handle leads somewhere: a GUI program
// started without redirection gets none.
func usable(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}
