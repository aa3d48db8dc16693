package main

import (
	"context"
	"flag"
	"fmt"

	"partnerskab/data"
)

// `partnerskab journal --agreement ID [--journal NR] [--kle NR]` sets the
// journal number and the KLE number a draft agreement is filed under in
// the municipality's records system; without --journal and --kle it shows
// them. An empty value clears one. They print in the PDF's header and on
// the certificate page, and are locked once the agreement is sent.
func cmdJournal(e *env, args []string) int {
	var id int64
	var journal, kle optionalString
	if !e.flags("journal", args, func(fs *flag.FlagSet) {
		fs.Int64Var(&id, "agreement", 0, "aftalens id (se 'agreements')")
		fs.Var(&journal, "journal", "journalnummeret, fx 15/12345")
		fs.Var(&kle, "kle", "KLE-nummeret, fx 27.12.00 G01")
	}) {
		return 2
	}
	if id <= 0 {
		return e.fail("journal: angiv aftalen med --agreement ID (se 'partnerskab agreements')")
	}
	how := forReading
	if journal.set || kle.set {
		how = forWriting
	}
	s, code := e.open(how)
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	a, err := s.Agreement(ctx, id)
	if err != nil {
		return e.fail("journal: %v", data.DanishError(err))
	}
	if journal.set || kle.set {
		f := a.Form()
		if journal.set {
			f.JournalNumber = journal.value
		}
		if kle.set {
			f.KLE = kle.value
		}
		saved, err := s.SaveAgreementDraft(ctx, id, f)
		if err != nil {
			return e.fail("journal: %v", data.DanishError(err))
		}
		a = saved
	}
	fmt.Fprintf(e.stdout, "Aftale %s: journalnummer %s, KLE-nummer %s\n", a.Number, orDash(a.JournalNumber), orDash(a.KLE))
	return 0
}

// optionalString is a flag that knows whether it was given.
type optionalString struct {
	value string
	set   bool
}

func (o *optionalString) String() string { return o.value }
func (o *optionalString) Set(v string) error {
	o.value, o.set = v, true
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
