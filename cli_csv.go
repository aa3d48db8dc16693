package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"partnerskab/data"
	"partnerskab/data/csvio"
)

// cmdImport imports a CSV file of one kind: every row or none.
func cmdImport(e *env, args []string) int {
	if len(args) == 1 && isHelpFlag(args[0]) {
		csvio.Help(e.stdout)
		return 0
	}
	if len(args) != 2 {
		e.fail("import: skriv slags og fil, fx 'partnerskab import partners partnere.csv'; se 'partnerskab help import'")
		return 2
	}
	kind, path := args[0], args[1]
	k, err := csvio.KindByName(kind)
	if err != nil {
		e.fail("import: %v", err)
		return 2
	}
	if _, err := readableFile(path); err != nil {
		return e.fail("import: %v", err)
	}
	f, err := os.Open(path)
	if err != nil {
		return e.fail("import: kan ikke læse %s: %v", path, data.DanishError(err))
	}
	defer f.Close()
	dbPath, err := e.path()
	if err != nil {
		return e.fail("%v", err)
	}
	ctx := context.Background()
	var n int
	var notes csvio.Notes
	importInto := func(ctx context.Context, s *data.Store) error {
		var err error
		n, notes, err = csvio.ImportWithNotes(ctx, s, k.Name, f, filepath.Base(path))
		return err
	}
	code, err := e.intoDatabase(ctx, dbPath, importInto)
	if code != 0 {
		return code
	}
	if ie, ok := data.AsImportError(err); ok {
		fmt.Fprintf(e.stderr, "partnerskab: %s: intet er importeret; %s:\n", path, problemCount(ie.Total()))
		for _, p := range ie.Problems {
			fmt.Fprintln(e.stderr, p.Error())
		}
		if more := ie.Total() - len(ie.Problems); more > 0 {
			fmt.Fprintf(e.stderr, "… og %s mere (kun de første %d vises).\n", problemCount(more), len(ie.Problems))
		}
		return 1
	}
	if err != nil {
		return e.fail("import: %s: %v", path, err)
	}
	for _, line := range notes.Lines() {
		fmt.Fprintln(e.stdout, "Bemærk: "+line)
	}
	fmt.Fprintf(e.stdout, "%s importeret fra %s til %s.\n", rowCount(n), path, dbPath)
	return 0
}

// cmdExportCSV writes every record of one kind to a CSV file that Excel
// opens and import reads back.
func cmdExportCSV(e *env, args []string) int {
	if len(args) == 1 && isHelpFlag(args[0]) {
		csvio.Help(e.stdout)
		return 0
	}
	if len(args) == 0 || args[0] == "" || args[0][0] == '-' {
		e.fail("export-csv: skriv slags og fil, fx 'partnerskab export-csv partners --out partnere.csv'")
		return 2
	}
	k, err := csvio.KindByName(args[0])
	if err != nil {
		e.fail("export-csv: %v", err)
		return 2
	}
	var out string
	if !e.flags("export-csv", args[1:], func(fs *flag.FlagSet) {
		fs.StringVar(&out, "out", "", "filen der skal skrives (- for standard-output)")
	}) {
		return 2
	}
	if out == "" {
		e.fail("export-csv: angiv filen med --out FIL")
		return 2
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	if out == "-" {
		if _, err := k.Export(ctx, s, e.stdout); err != nil {
			return e.fail("export-csv: %v", err)
		}
		return e.logged(s.LogExport(ctx, "csv", 0, "CSV: "+args[0], out))
	}
	n, err := exportToFile(ctx, s, k, out)
	if err != nil {
		return e.fail("export-csv: %s: %v", out, err)
	}
	fmt.Fprintf(e.stdout, "%s eksporteret til %s.\n", rowCount(n), out)
	return e.logged(s.LogExport(ctx, "csv", 0, "CSV: "+args[0]+", "+rowCount(n), out))
}

// exportToFile writes the file through a temporary copy that is synced
// and renamed, so a failed export never leaves half a file where a whole
// one was.
func exportToFile(ctx context.Context, s *data.Store, k *csvio.Kind, path string) (int, error) {
	var n int
	err := data.WriteFile(s.Path(), path, 0o600, func(w io.Writer) error {
		var err error
		n, err = k.Export(ctx, s, w)
		return err
	})
	return n, err
}

// readableFile checks that path is a regular file that can be read,
// saying in Danish what is wrong.
func readableFile(path string) (os.FileInfo, error) {
	st, err := os.Stat(path)
	switch {
	case os.IsNotExist(err):
		return nil, fmt.Errorf("kan ikke læse %s: filen findes ikke", path)
	case err != nil:
		return nil, fmt.Errorf("kan ikke læse %s: %v", path, data.DanishError(err))
	case st.IsDir():
		return nil, fmt.Errorf("kan ikke læse %s: det er en mappe, ikke en fil", path)
	}
	return st, nil
}

// cmdHelpImport documents the CSV format and every kind's columns
// ('partnerskab help import').
func cmdHelpImport(e *env, args []string) int {
	csvio.Help(e.stdout)
	return 0
}

func isHelpFlag(s string) bool {
	return s == "-h" || s == "--help" || s == "-help" || s == "help"
}

func rowCount(n int) string {
	if n == 1 {
		return "1 række"
	}
	return fmt.Sprintf("%d rækker", n)
}

func problemCount(n int) string {
	if n == 1 {
		return "1 fejl"
	}
	return fmt.Sprintf("%d fejl", n)
}
