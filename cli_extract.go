package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"partnerskab/data"
	"partnerskab/data/agreement"
)

// cmdExtract writes a person's extract (art. 15): `extract --contact ID|
// --placement ID --out FIL`; a FIL ending in .json gets JSON, any other
// a PDF.
func cmdExtract(e *env, args []string) int {
	var contact, placement, out string
	if !e.flags("extract", args, func(fs *flag.FlagSet) {
		fs.StringVar(&contact, "contact", "", "kontaktpersonens id")
		fs.StringVar(&placement, "placement", "", "placeringens id")
		fs.StringVar(&out, "out", "", "filen der skal skrives (.pdf, eller .json for JSON)")
	}) {
		return 2
	}
	if (contact == "") == (placement == "") || out == "" {
		e.fail("extract: angiv enten --contact ID eller --placement ID, og filen med --out FIL")
		return 2
	}
	idText, entity := contact, "kontaktperson"
	if placement != "" {
		idText, entity = placement, "placering"
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 {
		e.fail("extract: id skal være et tal, ikke %q", idText)
		return 2
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	var x data.Extract
	if entity == "kontaktperson" {
		x, err = s.ContactExtract(ctx, id)
	} else {
		x, err = s.PlacementExtract(ctx, id)
	}
	if errors.Is(err, data.ErrNotFound) {
		return e.fail("%s: %s %d findes ikke", s.Path(), entity, id)
	} else if err != nil {
		return e.fail("extract: %v", data.DanishError(err))
	}
	asJSON := strings.HasSuffix(strings.ToLower(out), ".json")
	var b []byte
	if asJSON {
		b, err = json.MarshalIndent(x, "", "  ")
		b = append(b, '\n')
	} else {
		b, err = agreement.ExtractPDF(ctx, s, x)
	}
	if err != nil {
		return e.fail("extract: indsigten kan ikke dannes: %v", err)
	}
	if err := data.WriteFile(s.Path(), out, 0o600, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	}); err != nil {
		return e.fail("%v", err)
	}
	fmt.Fprintf(e.stdout, "Indsigten for %s er skrevet til %s.\n", x.Subject, out)
	kind := "PDF"
	if asJSON {
		kind = "JSON"
	}
	return e.logged(s.LogExport(ctx, entity, id, kind+": indsigt (art. 15)", out))
}
