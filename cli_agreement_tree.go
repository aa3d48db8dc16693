package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"partnerskab/data"
)

// `partnerskab agreement end …` records how a signed agreement ended, and
// `partnerskab agreement tree` prints the agreements as a tree.

func cmdAgreement(e *env, args []string) int {
	if len(args) == 0 {
		return e.fail("agreement: brug 'partnerskab agreement end --id ID --kind opsigelse|udløb|ophævelse --date DATO --reason TEKST' eller 'partnerskab agreement tree'")
	}
	switch args[0] {
	case "end":
		return cmdAgreementEnd(e, args[1:])
	case "tree":
		return cmdAgreementTree(e, args[1:])
	}
	return e.fail("agreement: ukendt handling %q; brug end eller tree", args[0])
}

func cmdAgreementEnd(e *env, args []string) int {
	var idText string
	var f data.EndingForm
	if !e.flags("agreement end", args, func(fs *flag.FlagSet) {
		fs.StringVar(&idText, "id", "", "aftalens id (se 'partnerskab agreements')")
		fs.StringVar(&f.Kind, "kind", "", "opsigelse, udløb eller ophævelse")
		fs.StringVar(&f.Date, "date", "", "datoen, aftalen ophører, fx 30.6.2016")
		fs.StringVar(&f.Reason, "reason", "", "begrundelsen")
	}) {
		return 2
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 {
		e.fail("agreement end: --id skal være aftalens id, et tal (se 'partnerskab agreements'), ikke %q", idText)
		return 2
	}
	s, code := e.open(forWriting)
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	a, ok := e.storedAgreement(ctx, s, id)
	if !ok {
		return 1
	}
	end, err := s.EndAgreement(ctx, id, f)
	if err != nil {
		return e.fail("aftale %s kan ikke afsluttes: %v", a.Number, err)
	}
	fmt.Fprintf(e.stdout, "Aftale %s er %s.\n", a.Number, end.Line())
	return 0
}

func cmdAgreementTree(e *env, args []string) int {
	if !e.flags("agreement tree", args, nil) {
		return 2
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	var all []data.AgreementNode
	for {
		page, err := s.AgreementTree(ctx, data.AgreementQuery{Limit: 500, Offset: len(all)})
		if err != nil {
			return e.fail("%s: %v", s.Path(), err)
		}
		all = append(all, page...)
		if len(page) < 500 {
			break
		}
	}
	if len(all) == 0 {
		fmt.Fprintln(e.stdout, "Ingen aftaler.")
		return 0
	}
	for _, n := range all {
		fmt.Fprintf(e.stdout, "%s%s (%s, id %d)\n", strings.Repeat("    ", n.Depth), data.NodeLine(n), n.Status.Label(), n.ID)
	}
	return 0
}
