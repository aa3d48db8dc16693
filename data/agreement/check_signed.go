package agreement

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"partnerskab/data"
)

// A signed agreement proves itself: its sealed PDF is checked from its
// bytes (not from the stored hash column), the seal over it must hold and
// be this installation's, and what the PDF states (record.go) must be what
// the rows say: the text, the title, the signatories, how and when each
// signed, and the signing events in the audit log. CheckSigned is part of
// `partnerskab check`, of a restore and of `verify --db`.

// CheckSigned checks every signed agreement of the store against its
// seal and returns the problems in Danish; none means every one holds.
// Its signature fits data.Checker.
func CheckSigned(ctx context.Context, s *data.Store) ([]string, error) {
	rows, err := s.SignedAgreementRows(ctx, 0)
	if err != nil {
		return nil, err
	}
	trust, err := LoadTrust(SealDir(s.Path()))
	if err != nil {
		return nil, err
	}
	if trust.empty() {
		// A file without an installation's seal folder beside it (a
		// backup kept elsewhere): the seals are checked for integrity and
		// against the rows; whose they are is judged where the file is used.
		trust = nil
	}
	var problems []string
	for _, a := range rows {
		problems = append(problems, checkSignedRows(a, trust)...)
	}
	return problems, nil
}

func hexSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// checkSignedRows compares one signed agreement's rows with its sealed PDF.
func checkSignedRows(a data.SignedRows, trust *Trust) []string {
	var out []string
	bad := func(format string, args ...any) {
		out = append(out, "aftale "+a.Number+": "+fmt.Sprintf(format, args...))
	}
	if len(a.SealedPDF) == 0 {
		bad("er underskrevet, men har ingen forseglet PDF")
		return out
	}
	pdfSum := hexSHA256(a.SealedPDF)
	if pdfSum != a.SealedSHA256 {
		bad("den gemte PDF passer ikke til den gemte SHA-256 (PDF'ens bytes har %s, kolonnen siger %s): PDF'en er udskiftet",
			pdfSum, a.SealedSHA256)
	}
	bodySum := hexSHA256([]byte(a.Body))
	if bodySum != a.BodySHA256 {
		bad("teksten passer ikke til den gemte SHA-256 (teksten har %s, kolonnen siger %s): teksten er ændret efter underskrivningen",
			bodySum, a.BodySHA256)
	}
	r, err := Verify(a.SealedPDF, trust)
	if err == nil && trust == nil {
		r = r.withoutHolder()
	}
	if err != nil || !r.OK {
		why := "filen er ikke en PDF"
		if err == nil {
			why = strings.Join(failedLines(r), "; ")
		}
		bad("seglet holder ikke: %s", why)
		return out
	}
	rec, err := ReadSealRecord(a.SealedPDF)
	if errors.Is(err, errNoRecord) {
		// Sealed by an earlier version: the seal names only the number.
		if !strings.Contains(r.Reason, a.Number) {
			bad("den forseglede PDF er ikke denne aftales (seglet siger %q)", r.Reason)
		}
		return out
	}
	if err != nil {
		bad("den forseglede PDF's erklæring kan ikke læses: %v", err)
		return out
	}
	if rec.Number != a.Number {
		bad("den forseglede PDF er aftale %s's", rec.Number)
	}
	if rec.Title != a.Title {
		bad("titlen er ændret efter underskrivningen (seglet: %q, databasen: %q)", rec.Title, a.Title)
	}
	if rec.BodySHA256 != bodySum {
		bad("teksten i databasen er ikke den, der blev underskrevet (tekstens SHA-256 %s, seglets %s)", bodySum, rec.BodySHA256)
	}
	if rec.TemplateSHA256 != a.TemplateSHA256 {
		bad("skabelonversionen er ændret (SHA-256 %s, seglets %s)", a.TemplateSHA256, rec.TemplateSHA256)
	}
	if len(rec.Signatories) != len(a.Signatories) {
		bad("har %d underskrivere i databasen, men %d i den forseglede PDF", len(a.Signatories), len(rec.Signatories))
	} else {
		for i, g := range a.Signatories {
			want := rec.Signatories[i]
			have := RecordSignatory{Name: g.Name, Title: g.Title, Organisation: g.Organisation, Method: g.Method,
				SignedAt: g.SignedAt, Place: g.Place}
			if have != want {
				bad("underskriver %d (%s) er ændret efter underskrivningen (seglet: %s)", i+1, g.Name, describeSignatory(want))
			}
		}
	}
	for _, e := range rec.Events {
		switch l, ok := a.Events[e.ID]; {
		case !ok:
			bad("hændelse %d fra underskrivningen er fjernet fra hændelsesloggen", e.ID)
		case l.Hash != e.Hash || !l.Intact:
			bad("hændelse %d fra underskrivningen er ændret i hændelsesloggen", e.ID)
		}
	}
	return out
}

func describeSignatory(g RecordSignatory) string {
	parts := slices.DeleteFunc([]string{g.Name, g.Title, g.Organisation, g.Method, g.SignedAt, g.Place},
		func(s string) bool { return s == "" })
	return strings.Join(parts, ", ")
}

// failedLines are the report's lines that say what failed.
func failedLines(r VerifyReport) []string {
	var out []string
	for _, l := range r.Lines {
		low := strings.ToLower(l)
		for _, w := range []string{"ikke", "ugyldig", "mangler", "intet", "fejl", "udløbet", "afkortet"} {
			if strings.Contains(low, w) && !strings.Contains(low, "ikke et tidsstempel") {
				out = append(out, l)
				break
			}
		}
	}
	if len(out) == 0 {
		out = append(out, "seglet holder ikke")
	}
	return out
}

// numberInReason finds an agreement number ("2015-001") in a seal's reason.
var numberInReason = regexp.MustCompile(`[0-9]{4}-[0-9]{3,}`)

// StoredComparison is how a file relates to what the database holds.
type StoredComparison struct {
	Line string // one Danish line for the report
	Same bool   // the file is exactly the stored sealed PDF of an agreement whose rows agree with it
}

// CompareWithStored says whether pdf (whose seal report is r) is the
// sealed PDF the database holds for its agreement: byte for byte (the
// stored bytes, not only their hash column), and with the agreement's
// rows agreeing with what the seal states.
func CompareWithStored(ctx context.Context, s *data.Store, pdf []byte, r VerifyReport) StoredComparison {
	a, err := s.AgreementBySealedSHA256(ctx, r.SHA256)
	if err != nil && !errors.Is(err, data.ErrNotFound) {
		return StoredComparison{Line: "Databasen: " + data.DanishError(err).Error()}
	}
	if err == nil {
		rows, err := s.SignedAgreementRows(ctx, a.ID)
		if err != nil || len(rows) != 1 {
			return StoredComparison{Line: fmt.Sprintf("Databasen: aftale %s kan ikke læses", a.Number)}
		}
		row := rows[0]
		if !bytes.Equal(row.SealedPDF, pdf) {
			return StoredComparison{Line: fmt.Sprintf("Databasen: filen er IKKE den PDF, der er gemt for aftale %s: "+
				"den gemte PDF's bytes har SHA-256 %s, selv om kolonnen siger %s (den gemte PDF er udskiftet)",
				a.Number, hexSHA256(row.SealedPDF), row.SealedSHA256)}
		}
		trust, _ := LoadTrust(SealDir(s.Path()))
		if trust.empty() {
			trust = nil
		}
		if problems := checkSignedRows(row, trust); len(problems) > 0 {
			return StoredComparison{Line: "Databasen: filen er den gemte PDF, men aftalens rækker passer ikke til seglet: " +
				strings.Join(problems, "; ")}
		}
		return StoredComparison{Same: true, Line: fmt.Sprintf("Databasen: filen er præcis den forseglede PDF, der er gemt "+
			"for aftale %s »%s« (SHA-256 %s), og aftalens tekst, underskrivere og hændelser passer til seglet",
			a.Number, a.Title, r.SHA256)}
	}
	number := numberInReason.FindString(r.Reason)
	if rec, err := ReadSealRecord(pdf); err == nil {
		number = rec.Number
	}
	if number != "" {
		list, _ := s.Agreements(ctx, data.AgreementQuery{Text: number, Limit: 10})
		for _, l := range list {
			if _, sum, err := s.SealedPDF(ctx, l.ID); err == nil && l.Number == number {
				return StoredComparison{Line: fmt.Sprintf("Databasen: filen er IKKE den PDF, der er gemt for aftale %s (filens SHA-256 %s, den gemtes %s)",
					number, r.SHA256, sum)}
			}
		}
	}
	return StoredComparison{Line: "Databasen: filen er IKKE en forseglet PDF, der er gemt for nogen aftale i " + s.Path() +
		" (SHA-256 " + r.SHA256 + ")"}
}
