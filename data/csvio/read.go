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

	"golang.org/x/text/encoding"
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
// keeps (100.000 placements is some 10 MB), before importing any of them.
const MaxFileSize = 64 << 20

// records reads a file's records one at a time, so that a large file is
// never held as rows all at once.
type records struct {
	cr  *csv.Reader
	err error
}

// openRecords decodes a file (see decode) and reads its records. A file
// that can be read twice (a file on the disk) is streamed (read_stream.go);
// any other reader is read whole first, since the encoding is decided by
// the whole file.
func openRecords(r io.Reader) (*records, error) {
	if rs, ok := r.(io.ReadSeeker); ok {
		if recs, ok, err := streamRecords(rs); ok {
			return recs, err
		}
	}
	raw, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, readError(err)
	}
	if len(raw) > MaxFileSize {
		return nil, tooLarge()
	}
	text, err := decode(raw)
	if err != nil {
		return nil, err
	}
	// Old Mac spreadsheets end lines with CR alone, which Go's CSV reader
	// keeps inside the field: the whole file would be one line.
	if bytes.IndexByte(text, '\r') >= 0 && bytes.IndexByte(text, '\n') < 0 {
		text = bytes.ReplaceAll(text, []byte("\r"), []byte("\n"))
	}
	return newRecords(bytes.NewReader(text), delimiter(text)), nil
}

func newRecords(r io.Reader, comma rune) *records {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1 // Excel leaves off empty cells at a row's end
	return &records{cr: cr}
}

func readError(err error) error {
	return fmt.Errorf("filen kan ikke læses: %v", data.DanishError(err))
}

func tooLarge() error { return fmt.Errorf("filen er større end %d MB; del den op", MaxFileSize>>20) }

// next is the next record; ok is false at the end or on an error (err).
func (rs *records) next() (record, bool) {
	if rs.err != nil {
		return record{}, false
	}
	fields, err := rs.cr.Read()
	if errors.Is(err, io.EOF) {
		return record{}, false
	}
	if err != nil {
		rs.err = syntaxError(err)
		return record{}, false
	}
	line, _ := rs.cr.FieldPos(0)
	return record{line: line, fields: fields}, true
}

// readFile decodes a file and splits it into records (all of them; the
// import reads them one at a time through records).
func readFile(r io.Reader) ([]record, error) {
	rs, err := openRecords(r)
	if err != nil {
		return nil, err
	}
	var out []record
	for {
		rec, ok := rs.next()
		if !ok {
			break
		}
		out = append(out, rec)
	}
	return out, rs.err
}

// decode turns the file's bytes into UTF-8: UTF-8 (a BOM is dropped),
// UTF-16 when a BOM says so (Excel's "Unicode text") or, without one, when
// every other byte is zero as in Danish text in UTF-16, and otherwise
// Windows-1252, which is what Danish Excel writes as "CSV (semikolonsepareret)".
func decode(raw []byte) ([]byte, error) {
	enc, skip := unicodeOf(raw)
	raw = raw[skip:]
	if enc != nil {
		b, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			return nil, errUTF16
		}
		return b, nil
	}
	if utf8.Valid(raw) {
		return raw, nil
	}
	b, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return nil, errors.New("filen er hverken UTF-8, UTF-16 eller Windows-1252")
	}
	return b, nil
}

var errUTF16 = errors.New("filen kan ikke læses som UTF-16")

// unicodeOf tells from a file's start (its first 4096 bytes are enough)
// whether it is UTF-16, and how many bytes of a UTF-8 byte order mark to
// skip; a nil encoding is UTF-8 or, when not valid UTF-8, Windows-1252.
func unicodeOf(raw []byte) (encoding.Encoding, int) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return nil, 3
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), 0
	}
	switch utf16Order(raw) {
	case 'L':
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), 0
	case 'B':
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), 0
	}
	return nil, 0
}

// utf16Order guesses UTF-16 without a byte order mark: 'L' (little
// endian) when most odd bytes of the start are zero and few even ones, 'B'
// the other way round, 0 for neither.
func utf16Order(raw []byte) byte {
	n := min(len(raw), 4096) &^ 1
	if n < 4 || bytes.IndexByte(raw[:n], 0) < 0 {
		return 0
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if raw[i] == 0 {
			zeroEven++
		}
		if raw[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case zeroOdd*10 >= pairs*3 && zeroEven*10 < pairs:
		return 'L'
	case zeroEven*10 >= pairs*3 && zeroOdd*10 < pairs:
		return 'B'
	}
	return 0
}

// delimiter picks the field separator from the header line: ";" as Danish
// Excel writes, else "," or a tab when the header has one of those and no
// ";" (an English spreadsheet, or text copied from one).
func delimiter(text []byte) rune {
	header, _, _ := bytes.Cut(text, []byte("\n"))
	for _, c := range []rune{';', ',', '\t'} {
		if bytes.ContainsRune(header, c) {
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
