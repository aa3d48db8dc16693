package main

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"partnerskab/data"
	"partnerskab/data/agreement"
)

// `partnerskab verify FILE.pdf [--db PATH]` checks a sealed agreement: the
// byte range, the digest, the CMS signature and the certificate (does it
// chain to this installation's CA or an imported one), and with --db
// whether the file is exactly the one stored for its agreement. It prints
// a short Danish report and exits 0 when everything holds, 1 otherwise.

// The command is listed after export; cli.go's init, which runs before
// this file's, makes the list.
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

// trustedNextTo reads the certificates this installation trusts from the
// seal folder next to the database, without creating anything: the local
// CA (ca.crt) and an imported certificate's chain (imported.crt: the
// certificate, then the certificates above it; alone, it is trusted
// itself). Missing files trust nothing.
func trustedNextTo(dbPath string) *x509.CertPool {
	pool := x509.NewCertPool()
	dir := agreement.SealDir(dbPath)
	if b, err := os.ReadFile(filepath.Join(dir, "ca.crt")); err == nil {
		pool.AppendCertsFromPEM(b)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "imported.crt")); err == nil {
		var certs []*x509.Certificate
		for {
			var block *pem.Block
			if block, b = pem.Decode(b); block == nil {
				break
			}
			if c, err := x509.ParseCertificate(block.Bytes); err == nil {
				certs = append(certs, c)
			}
		}
		if len(certs) > 1 {
			certs = certs[1:]
		}
		for _, c := range certs {
			pool.AddCert(c)
		}
	}
	return pool
}

var numberInReason = regexp.MustCompile(`[0-9]{4}-[0-9]{3,}`)

func cmdVerify(e *env, args []string) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	// The file may come before or after the flags.
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if file == "" && fs.NArg() > 0 {
		file = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return e.fail("verify: uventet argument %q", fs.Arg(0))
	}
	if file == "" || fs.NArg() > 1 {
		return e.fail("verify: angiv den PDF-fil, der skal kontrolleres: partnerskab verify FIL.pdf [--db STI]")
	}
	pdf, err := os.ReadFile(file)
	if err != nil {
		return e.fail("kan ikke læse %s: %v", file, reason(err))
	}
	dbPath, err := e.path()
	if err != nil {
		return e.fail("%v", err)
	}
	report, err := agreement.Verify(pdf, trustedNextTo(dbPath))
	if err != nil {
		return e.fail("%s: %v", file, err)
	}
	lines := append([]string{"Kontrol af " + file + ":"}, report.Lines...)
	ok := report.OK
	if e.db != "" {
		line, same := compareWithStored(e, report)
		lines = append(lines, line)
		ok = ok && same
	}
	if ok {
		lines = append(lines, "Resultat: i orden – PDF'en er uændret siden forseglingen, og seglet er gyldigt")
	} else {
		lines = append(lines, "Resultat: FEJL – "+failedParts(lines))
	}
	fmt.Fprintln(e.stdout, strings.Join(lines, "\n"))
	if !ok {
		return 1
	}
	return 0
}

// compareWithStored says whether the file is the sealed PDF the database
// holds for its agreement (found by the file's SHA-256, or for a changed
// copy by the agreement number in the seal's reason).
func compareWithStored(e *env, report agreement.VerifyReport) (string, bool) {
	s, err := data.OpenExisting(e.db)
	if err != nil {
		return "Databasen: kan ikke åbnes: " + err.Error(), false
	}
	defer s.Close()
	ctx := context.Background()
	a, err := s.AgreementBySealedSHA256(ctx, report.SHA256)
	if err == nil {
		return fmt.Sprintf("Databasen: filen er præcis den forseglede PDF, der er gemt for aftale %s »%s« (SHA-256 %s)",
			a.Number, a.Title, report.SHA256), true
	}
	if !errors.Is(err, data.ErrNotFound) {
		return "Databasen: " + err.Error(), false
	}
	if number := numberInReason.FindString(report.Reason); number != "" {
		list, _ := s.Agreements(ctx, data.AgreementQuery{Text: number, Limit: 10})
		for _, l := range list {
			if l.Number != number {
				continue
			}
			if _, sum, err := s.SealedPDF(ctx, l.ID); err == nil {
				return fmt.Sprintf("Databasen: filen er IKKE den PDF, der er gemt for aftale %s (filens SHA-256 %s, den gemtes %s)",
					number, report.SHA256, sum), false
			}
		}
	}
	return "Databasen: filen er IKKE en forseglet PDF, der er gemt for nogen aftale i " + e.db +
		" (SHA-256 " + report.SHA256 + ")", false
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
		for _, bad := range []string{"ikke", "ugyldig", "mangler", "intet", "fejl", "udløbet"} {
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
