package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"partnerskab/data"
	"partnerskab/data/agreement"
)

// cmdArt30 writes the record of processing (`art30 --out FIL.pdf`).
func cmdArt30(e *env, args []string) int {
	var out string
	if !e.flags("art30", args, func(fs *flag.FlagSet) { fs.StringVar(&out, "out", "", "PDF-filen der skal skrives") }) {
		return 2
	}
	if out == "" {
		return e.fail("art30: angiv filen med --out FIL.pdf")
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	pdf, err := agreement.Art30PDF(ctx, s)
	if err != nil {
		return e.fail("art30: fortegnelsen kan ikke dannes: %v", data.DanishError(err))
	}
	if err := data.WriteFile(s.Path(), out, 0o600, func(w io.Writer) error {
		_, err := w.Write(pdf)
		return err
	}); err != nil {
		return e.fail("%v", err)
	}
	fmt.Fprintf(e.stdout, "Fortegnelsen over behandlingsaktiviteter er skrevet til %s.\n", out)
	return e.logged(s.LogExport(ctx, "fortegnelse", 0, "PDF: fortegnelse (art. 30)", out))
}
