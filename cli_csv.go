package main

import (
	"context"
	"flag"
	"fmt"
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
	f, err := os.Open(path)
	if err != nil {
		return e.fail("import: %s kan ikke åbnes: %v", path, err)
	}
	defer f.Close()
	s, code := e.open(true)
	if s == nil {
		return code
	}
	defer s.Close()
	n, err := csvio.Import(context.Background(), s, k.Name, f, filepath.Base(path))
	if ie, ok := data.AsImportError(err); ok {
		fmt.Fprintf(e.stderr, "partnerskab: %s: intet er importeret; %s:\n", path, problemCount(len(ie.Problems)))
		for _, p := range ie.Problems {
			fmt.Fprintln(e.stderr, p.Error())
		}
		return 1
	}
	if err != nil {
		return e.fail("import: %s: %v", path, err)
	}
	fmt.Fprintf(e.stdout, "%s importeret fra %s til %s.\n", rowCount(n), path, s.Path())
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
	s, code := e.open(false)
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	if out == "-" {
		if _, err := k.Export(ctx, s, e.stdout); err != nil {
			return e.fail("export-csv: %v", err)
		}
		return 0
	}
	n, err := exportToFile(ctx, s, k, out)
	if err != nil {
		return e.fail("export-csv: %s: %v", out, err)
	}
	fmt.Fprintf(e.stdout, "%s eksporteret til %s.\n", rowCount(n), out)
	return 0
}

// exportToFile writes next to path and renames, so a failed export never
// leaves half a file where a whole one was.
func exportToFile(ctx context.Context, s *data.Store, k *csvio.Kind, path string) (int, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".eksport-*.csv")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name())
	n, err := k.Export(ctx, s, tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	return n, os.Rename(tmp.Name(), path)
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
