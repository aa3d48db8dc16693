// Package csvio reads and writes the CSV files a caseworker keeps in a
// spreadsheet: what Danish Excel writes (";" between fields, decimal comma,
// UTF-8 with or without BOM, or Windows-1252) with Danish column headers,
// one catalogue of columns per kind of record. Every rule about the values
// lives in package data; this package only moves text between files and
// forms.
package csvio

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// record is one row of a file with the line it starts on (a quoted field
// may span lines; the header is line 1).
type record struct {
	line   int
	fields []string
}

// MaxFileSize refuses files far larger than any register a partnership
// keeps (100.000 placements is some 10 MB), before reading them into memory.
const MaxFileSize = 64 << 20

// readFile decodes a file and splits it into records.
func readFile(r io.Reader) ([]record, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxFileSize {
		return nil, fmt.Errorf("filen er større end %d MB; del den op", MaxFileSize>>20)
	}
	text, err := decode(raw)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = delimiter(text)
	cr.FieldsPerRecord = -1 // Excel leaves off empty cells at a row's end
	var out []record
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, syntaxError(err)
		}
		line, _ := cr.FieldPos(0)
		out = append(out, record{line: line, fields: fields})
	}
	return out, nil
}

// decode turns the file's bytes into text: UTF-8 (a BOM is dropped),
// UTF-16 when a BOM says so (Excel's "Unicode text"), and otherwise
// Windows-1252, which is what Danish Excel writes as "CSV (semikolonsepareret)".
func decode(raw []byte) (string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		b, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(raw)
		if err != nil {
			return "", fmt.Errorf("filen kan ikke læses som UTF-16: %w", err)
		}
		return string(b), nil
	}
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	b, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return "", fmt.Errorf("filen er hverken UTF-8 eller Windows-1252: %w", err)
	}
	return string(b), nil
}

// delimiter picks the field separator from the header line: ";" as Danish
// Excel writes, else "," or a tab when the header has one of those and no
// ";" (an English spreadsheet, or text copied from one).
func delimiter(text string) rune {
	header, _, _ := strings.Cut(text, "\n")
	for _, c := range []rune{';', ',', '\t'} {
		if strings.ContainsRune(header, c) {
			return c
		}
	}
	return ';'
}

func syntaxError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		what := "fejl i filen"
		switch {
		case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
			what = "et anførselstegn står forkert; et felt med \" skal stå i anførselstegn, og \" i feltet skrives \"\""
		}
		return &data.ImportError{Problems: []data.RowError{{Line: pe.StartLine, Text: what}}}
	}
	return err
}

// headerKey is how a column header is matched: Danish-folded, æ ø å also
// as ae oe aa, and only letters and digits, so "Areal (m²)", "areal m2" and
// "AREAL M2" are the same column.
func headerKey(s string) string {
	var b strings.Builder
	for _, r := range dk.Fold(s) {
		switch r {
		case 'æ':
			b.WriteString("ae")
		case 'ø':
			b.WriteString("oe")
		case 'å':
			b.WriteString("aa")
		case '²':
			b.WriteByte('2')
		case 'é':
			b.WriteByte('e')
		default:
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
