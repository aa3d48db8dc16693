package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"partnerskab/data"
)

// cmdPackExport writes the knowledge-sharing package for another housing area.
func cmdPackExport(e *env, args []string) int {
	var out, area string
	if !e.flags("pack-export", args, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "out", "", "zip-filen der skal skrives")
		fs.StringVar(&area, "area", "", "områdets navn i pakken (standard: organisationen og stedet fra indstillingerne)")
	}) {
		return 2
	}
	if out == "" {
		return e.fail("pack-export: angiv filen med --out FIL.zip")
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	opt, err := s.PackOptionsFor(ctx, Version, area)
	if err != nil {
		return e.fail("pack-export: %v", err)
	}
	p, err := s.ExportKnowledgePack(ctx, out, opt)
	if p == nil {
		return e.fail("pack-export: %v", data.DanishError(err))
	}
	fmt.Fprintf(e.stdout, "Videndelingspakken er skrevet til %s: %s.\n", out, p.Summary())
	return e.logged(err)
}

// cmdPackImport adds a knowledge-sharing package to the database; a
// database that does not exist yet is made only when the import succeeds.
func cmdPackImport(e *env, args []string) int {
	var file, reportOut string
	var noChecklist bool
	fs := newFlags("pack-import")
	fs.BoolVar(&noChecklist, "no-checklist", false, "tag ikke tjeklistens punkter med")
	fs.StringVar(&reportOut, "report", "", "gem pakkens statusrapport som denne PDF-fil")
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		e.fail("%s", flagError("pack-import", fs, err))
		return 2
	}
	rest := fs.Args()
	if file == "" && len(rest) > 0 {
		file, rest = rest[0], rest[1:]
	}
	if file == "" || len(rest) > 0 {
		e.fail("pack-import: angiv én pakke: partnerskab pack-import FIL.zip [--no-checklist] [--report FIL.pdf]")
		return 2
	}
	p, err := data.ReadKnowledgePackFile(file)
	if err != nil {
		return e.fail("pack-import: %s: %v", file, err)
	}
	if reportOut != "" && len(p.ReportPDF) == 0 {
		return e.fail("pack-import: %s: pakken har ingen statusrapport at gemme (--report); intet er indlæst", file)
	}
	dbPath, err := e.path()
	if err != nil {
		return e.fail("%v", err)
	}
	ctx := context.Background()
	var r data.PackImportReport
	importInto := func(ctx context.Context, s *data.Store) error {
		var err error
		r, err = s.ImportKnowledgePack(ctx, p, data.PackImportOptions{File: file, SkipChecklist: noChecklist})
		return err
	}
	code, err := e.intoDatabase(ctx, dbPath, importInto)
	if code != 0 {
		return code
	}
	if err != nil {
		return e.fail("pack-import: %s: %v", file, err)
	}
	for _, line := range r.Lines() {
		fmt.Fprintln(e.stdout, line)
	}
	if reportOut != "" {
		if err := data.WriteFile(dbPath, reportOut, 0o600, func(w io.Writer) error {
			_, err := w.Write(p.ReportPDF)
			return err
		}); err != nil {
			return e.fail("pack-import: pakken er indlæst, men statusrapporten kan ikke gemmes: %v", err)
		}
		fmt.Fprintf(e.stdout, "Statusrapporten er gemt i %s.\n", reportOut)
	}
	return 0
}
