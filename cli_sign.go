package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/data/dk"
)

// `partnerskab verify FILE.pdf [--trust CA.pem] [--db PATH]` checks a sealed agreement:
// every signature's byte range, digest, CMS signature and certificate,
// and whose seal it is (a holder this installation knows, not merely a
// certificate from some CA), and with --db whether the file is exactly the
// one stored for its agreement and the agreement's rows agree with its
// seal. It prints a short Danish report and exits 0 when everything
// holds, 2 when the file is intact but sealed under a CA the installation
// does not know (printing the CA's fingerprint; --trust CA.pem trusts one
// for this run), 1 otherwise.

// existingSealer is the installation's seal certificate when it has been
// made already, else nil: exporting or verifying never creates one.
func existingSealer(ctx context.Context, s *data.Store) *agreement.Sealer {
	if _, err := os.Stat(agreement.SealDir(s.Path())); err != nil {
		return nil
	}
	sealer, err := agreement.OpenStoreSealer(ctx, s)
	if err != nil {
		return nil
	}
	return sealer
}

func cmdVerify(e *env, args []string) int {
	fs := newFlags("verify")
	var trustCAs []string
	fs.Func("trust", "stol på seglet fra denne udsteder (CA.pem) i denne kontrol", func(v string) error {
		trustCAs = append(trustCAs, v)
		return nil
	})
	// The file may come before or after the flags.
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		e.fail("%s", flagError("verify", fs, err))
		return 2
	}
	if file == "" && fs.NArg() > 0 {
		file = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return e.fail("verify: uventet argument %q", fs.Arg(0))
	}
	if file == "" || fs.NArg() > 1 {
		return e.fail("verify: angiv den PDF-fil, der skal kontrolleres: partnerskab verify FIL.pdf [--trust CA.pem] [--db STI]")
	}
	pdf, err := readInput(file)
	if err != nil {
		return e.fail("%v", err)
	}
	dbPath, err := e.path()
	if err != nil {
		return e.fail("%v", err)
	}
	trust, err := agreement.LoadTrust(agreement.SealDir(dbPath))
	if err != nil {
		return e.fail("%s: %v", agreement.SealDir(dbPath), err)
	}
	for _, ca := range trustCAs {
		b, err := readInput(ca)
		if err != nil {
			return e.fail("verify --trust: %v", err)
		}
		if err := trust.AddCA(b); err != nil {
			return e.fail("verify --trust %s: %v", ca, err)
		}
	}
	report, err := agreement.Verify(pdf, trust)
	if err != nil {
		return e.fail("%s: %v", file, err)
	}
	lines := append([]string{"Kontrol af " + file + ":"}, report.Lines...)
	ok := report.OK
	sameAsStored := true
	if e.db != "" {
		line, same := compareWithStored(e, pdf, report)
		lines = append(lines, line)
		ok, sameAsStored = ok && same, same
	}
	if ok {
		lines = append(lines, "Resultat: i orden – PDF'en er uændret siden forseglingen, og seglet er "+dk.Genitive(report.Holder)+
			", som denne installation kender")
	} else {
		lines = append(lines, "Resultat: FEJL – "+failedParts(lines))
	}
	unknown := !ok && report.UnknownCA() && sameAsStored
	if unknown {
		// Intact, but from an issuer this installation does not know: the
		// recipient compares the fingerprint with the certificate page.
		ca := report.CAFingerprint
		if ca == "" {
			ca = "(seglet medbringer ikke udstederens certifikat; seglcertifikatets er " + report.Fingerprint + ")"
		}
		lines[len(lines)-1] = "Resultat: PDF'en er uændret siden forseglingen, men seglet er udstedt af en udsteder, " +
			"som denne installation ikke kender. Sammenlign udstederens SHA-256 med den på underskriftsbeviset:\n" +
			"Udstederens SHA-256: " + ca + "\n" +
			"Stoler du på udstederen, så kontrollér igen med --trust CA.pem"
	}
	fmt.Fprintln(e.stdout, strings.Join(lines, "\n"))
	switch {
	case unknown:
		return 2
	case !ok:
		return 1
	}
	return 0
}

// compareWithStored says whether the file is the sealed PDF the database
// holds for its agreement, byte for byte and with the agreement's rows
// agreeing with its seal (agreement.CompareWithStored).
func compareWithStored(e *env, pdf []byte, report agreement.VerifyReport) (string, bool) {
	s, err := data.OpenReadOnly(e.db)
	if err != nil {
		return "Databasen: kan ikke åbnes: " + err.Error(), false
	}
	defer s.Close()
	c := agreement.CompareWithStored(context.Background(), s, pdf, report)
	return c.Line, c.Same
}

// failedParts names what failed: the part before the colon of each line
// that says FEJL, IKKE, stemmer ikke, ugyldig or the like.
func failedParts(lines []string) string {
	var parts []string
	for _, l := range lines[1:] {
		name, text, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		low := strings.ToLower(text)
		for _, bad := range []string{"ikke", "ugyldig", "mangler", "intet", "fejl", "udløbet", "afkortet"} {
			if strings.Contains(low, bad) && !strings.Contains(low, "ikke et tidsstempel") {
				parts = append(parts, strings.ToLower(name))
				break
			}
		}
	}
	if len(parts) == 0 {
		return "seglet holder ikke"
	}
	return "holder ikke: " + strings.Join(parts, ", ")
}
