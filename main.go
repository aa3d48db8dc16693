// Command partnerskab is the caseworker's program for a partnership around
// social-economy enterprises in a housing area: a Fyne window, or one of
// the headless commands listed by `partnerskab help`.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"partnerskab/data"
)

// Version is the program's version, from FyneApp.toml (version.go).
var Version = appVersion(fyneApp)

func main() {
	prepareConsole(os.Args[1:])
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the exit, so tests can call the commands.
func run(args []string, stdout, stderr io.Writer) int {
	return runWithInput(args, os.Stdin, stdout, stderr)
}

// runWithInput is run with standard input given (a .p12 password).
func runWithInput(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	dbPath, rest, err := splitDBFlag(args)
	if err != nil {
		fmt.Fprintln(stderr, "partnerskab:", err)
		return 2
	}
	// Copies a killed command left in the making (a backup, a restore's
	// staging copy) go first, whatever runs now.
	if p := dbPath; p != "" || len(rest) == 0 || needsDB(rest[0]) {
		if p == "" {
			p, _ = data.DefaultPath()
		}
		if p != "" {
			data.CleanTemp(p)
		}
	}
	if len(rest) == 0 {
		data.SetHolderName("Partnerskab-vinduet")
		return openWindow(dbPath, stderr)
	}
	cmd, ok := findCommand(rest[0])
	if !ok {
		fmt.Fprintf(stderr, "partnerskab: ukendt kommando %q; se 'partnerskab help'\n", rest[0])
		return 2
	}
	data.SetHolderName("partnerskab " + cmd.name)
	return cmd.run(&env{db: dbPath, stdin: stdin, stdout: stdout, stderr: stderr}, rest[1:])
}

// needsDB tells whether a command uses the database (help and version do not).
func needsDB(name string) bool {
	switch name {
	case "help", "-h", "--help", "-help", "version", "template":
		return false
	}
	return true
}

// splitDBFlag takes --db PATH (or --db=PATH) from anywhere in args, so that
// it works before or after the command's name.
func splitDBFlag(args []string) (string, []string, error) {
	var db string
	var rest []string
	for i := 0; i < len(args); i++ {
		a := strings.TrimPrefix(args[i], "-") // -db and --db alike
		if a == "-db" || a == "db" {
			if i+1 >= len(args) {
				return "", nil, fmt.Errorf("--db mangler en sti")
			}
			db = args[i+1]
			i++
		} else if v, ok := strings.CutPrefix(a, "-db="); ok {
			db = v
		} else if v, ok := strings.CutPrefix(a, "db="); ok && strings.HasPrefix(args[i], "-") {
			db = v
		} else {
			rest = append(rest, args[i])
		}
	}
	return db, rest, nil
}
