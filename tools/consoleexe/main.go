// Command consoleexe writes the console twin of a Windows GUI program: the
// same bytes with the PE header's subsystem set to console instead of GUI.
//
//	consoleexe -o partnerskab.com partnerskab.exe
//
// Windows decides from that one field whether a program gets a console:
// cmd and PowerShell wait for a console program, show its output and set
// its exit code, but return at once from a GUI one. The installer ships both,
// so a double-click opens only the window and a command typed in a console
// behaves like any other command; the twin keeps the icon and version the
// GUI build has.
package main

import (
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
)

// Subsystem values of the PE optional header.
const (
	subsystemGUI     = 2
	subsystemConsole = 3
)

func main() {
	out := flag.String("o", "", "the console program to write")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: consoleexe -o CONSOLE.com GUI.exe")
		os.Exit(2)
	}
	b, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		err = toConsole(b)
	}
	if err == nil {
		err = os.WriteFile(*out, b, 0o755)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "consoleexe: %s: %v\n", flag.Arg(0), err)
		os.Exit(1)
	}
}

// toConsole changes the subsystem of the PE image b from GUI to console.
func toConsole(b []byte) error {
	off, err := subsystemOffset(b)
	if err != nil {
		return err
	}
	if s := binary.LittleEndian.Uint16(b[off:]); s != subsystemGUI {
		return fmt.Errorf("subsystem is %d, not a GUI program (%d)", s, subsystemGUI)
	}
	binary.LittleEndian.PutUint16(b[off:], subsystemConsole)
	return nil
}

// subsystemOffset finds the Subsystem field: the DOS header points at the PE
// signature, the 20-byte file header follows, and Subsystem sits at byte 68
// of the optional header in both PE32 and PE32+.
func subsystemOffset(b []byte) (int, error) {
	if len(b) < 0x40 || b[0] != 'M' || b[1] != 'Z' {
		return 0, errors.New("not a Windows program (no MZ header)")
	}
	pe := int(binary.LittleEndian.Uint32(b[0x3c:]))
	opt := pe + 4 + 20
	if pe < 0x40 || opt+70 > len(b) || string(b[pe:pe+4]) != "PE\x00\x00" {
		return 0, errors.New("not a Windows program (no PE header)")
	}
	if magic := binary.LittleEndian.Uint16(b[opt:]); magic != 0x10b && magic != 0x20b {
		return 0, fmt.Errorf("unknown optional header (magic %#x)", magic)
	}
	return opt + 68, nil
}
