package data

import (
	"context"
	"database/sql"
	"regexp"
	"strings"
)

// An agreement's journal number and KLE number, so that the caseworker can
// journalise it in the municipality's records system: printed in the PDF's
// header and on the certificate page. The journal number is free text; the
// KLE number is the subject "27.12.00", optionally with an action facet
// "G01", written "27.12.00 G01" (also accepted without the space).

// klePattern is a KLE number as typed.
var klePattern = regexp.MustCompile(`^(\d{2}\.\d{2}\.\d{2})(?:\s*([A-Za-z]\d{2}))?$`)

// maxJournalLen is the longest journal number (the column's CHECK).
const maxJournalLen = 60

// parseJournal checks and normalises the two fields of f.
func parseJournal(c *checker, f AgreementForm) (journal, kle string) {
	journal = c.freeText("JournalNumber", "Journalnummer", f.JournalNumber)
	if len([]rune(journal)) > maxJournalLen {
		c.add("JournalNumber", "Journalnummer", "too_long", "må højst være 60 tegn")
	}
	kle = strings.TrimSpace(f.KLE)
	if kle == "" {
		return journal, ""
	}
	m := klePattern.FindStringSubmatch(kle)
	if m == nil {
		c.add("KLE", "KLE-nummer", "kle", "skal skrives som emnenummer med to cifre i hvert led, fx 27.12.00, "+
			"eventuelt med handlingsfacet, fx 27.12.00 G01 ("+kle+")")
		return journal, kle
	}
	if m[2] != "" {
		return journal, m[1] + " " + strings.ToUpper(m[2])
	}
	return journal, m[1]
}

// writeJournal stores the agreement's journal and KLE numbers.
func writeJournal(ctx context.Context, tx *sql.Tx, a Agreement) error {
	_, err := tx.ExecContext(ctx, `UPDATE agreements SET journal_number = ?, kle_number = ? WHERE id = ?`,
		a.JournalNumber, a.KLE, a.ID)
	return err
}
