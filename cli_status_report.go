package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/data/dk"
)

// cmdStatusReport writes the status report for the steering groups
// (`status-report --as-of 31.12.2015 [--from DATO] --out FIL.pdf [--json]`)
// and stores it, so the next report shows the trend since it.
func cmdStatusReport(e *env, args []string) int {
	var asOfText, fromText, out string
	var asJSON bool
	if !e.flags("status-report", args, func(fs *flag.FlagSet) {
		fs.StringVar(&asOfText, "as-of", "", "opgørelsesdatoen, fx 31.12.2015")
		fs.StringVar(&fromText, "from", "", "periodens første dag (standard: dagen efter forrige rapport)")
		fs.StringVar(&out, "out", "", "PDF-filen der skal skrives")
		jsonFlag(&asJSON)(fs)
	}) {
		return 2
	}
	if strings.TrimSpace(asOfText) == "" {
		e.fail("status-report: angiv opgørelsesdatoen med --as-of DATO, fx --as-of 31.12.2015")
		return 2
	}
	asOf, err := dk.ParseDate(asOfText)
	if err != nil {
		e.fail("status-report: --as-of: %v", err)
		return 2
	}
	var from time.Time
	if strings.TrimSpace(fromText) != "" {
		if from, err = dk.ParseDate(fromText); err != nil {
			e.fail("status-report: --from: %v", err)
			return 2
		}
	}
	if out == "" {
		e.fail("status-report: angiv filen med --out FIL.pdf")
		return 2
	}
	s, code := e.open(forWriting)
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	rep, _, err := agreement.ProduceStatusReport(ctx, s, asOf, from, func(pdf []byte) error {
		return data.WriteFile(s.Path(), out, 0o600, func(w io.Writer) error {
			_, err := w.Write(pdf)
			return err
		})
	})
	if err != nil {
		return e.fail("status-report: rapporten kan ikke dannes: %v", data.DanishError(err))
	}
	if err := s.LogExport(ctx, "statusrapport", 0, "PDF: statusrapport pr. "+dk.FormatDate(asOf), out); err != nil {
		return e.logged(err)
	}
	if asJSON {
		return e.printJSON(rep)
	}
	fmt.Fprintf(e.stdout, "Statusrapporten pr. %s (perioden %s–%s) er skrevet til %s.\n",
		dk.FormatDate(rep.AsOfDay()), dk.FormatDate(rep.FromDay()), dk.FormatDate(rep.AsOfDay()), out)
	return 0
}
