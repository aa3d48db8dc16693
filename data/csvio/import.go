package csvio

import (
	"context"
	"fmt"
	"io"
	"iter"
	"strings"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// Import reads a file of kind and imports every row in one transaction, or
// nothing. A refused file gives a *data.ImportError listing the problems
// as "linje N, kolonne NAVN: …"; what names the file in the audit log.
func Import(ctx context.Context, s *data.Store, kind string, r io.Reader, what string) (int, error) {
	n, _, err := ImportWithNotes(ctx, s, kind, r, what)
	return n, err
}

// ImportWithNotes is Import that also returns the notes on cells taken
// as text (formula.go). The file is read row by row as it is imported.
func ImportWithNotes(ctx context.Context, s *data.Store, kind string, r io.Reader, what string) (int, Notes, error) {
	k, err := KindByName(kind)
	if err != nil {
		return 0, Notes{}, err
	}
	if !k.Importable() {
		return 0, Notes{}, fmt.Errorf("%s kan kun eksporteres, ikke importeres; ret dem i programmet", strings.ToLower(k.Title))
	}
	var notes Notes
	rows, readErr, err := k.rows(r, &notes)
	if err != nil {
		return 0, notes, err
	}
	n, err := s.ImportFrom(ctx, k.Title+" fra "+what, rows, readErr)
	return n, notes, err
}

// Read reads a file of the kind into the rows data imports. Problems with
// the header (a missing required column, an unknown one) are returned at
// once as a *data.ImportError: with the columns wrong, every row would be
// wrong too.
func (k *Kind) Read(r io.Reader) ([]data.ImportRow, error) {
	var notes Notes
	seq, readErr, err := k.rows(r, &notes)
	if err != nil {
		return nil, err
	}
	var out []data.ImportRow
	for row := range seq {
		out = append(out, row)
	}
	return out, readErr()
}

// rows reads the header at once and yields the rows one at a time; readErr
// tells, after the last, whether reading stopped on an error.
func (k *Kind) rows(r io.Reader, notes *Notes) (iter.Seq[data.ImportRow], func() error, error) {
	rs, err := openRecords(r)
	if err != nil {
		return nil, nil, err
	}
	head, ok := rs.next()
	if !ok {
		if rs.err != nil {
			return nil, nil, rs.err
		}
		return nil, nil, &data.ImportError{Problems: []data.RowError{{Line: 1, Text: "filen er tom; første linje skal navngive kolonnerne"}}}
	}
	cols, err := k.header(head)
	if err != nil {
		return nil, nil, err
	}
	fields := map[string]string{} // form field → the file's header
	for _, c := range cols {
		if c.col != nil {
			fields[c.col.Field] = c.text
		}
	}
	seq := func(yield func(data.ImportRow) bool) {
		for {
			rec, ok := rs.next()
			if !ok {
				return
			}
			if blank(rec.fields) {
				continue // Excel keeps empty rows of ;;;; at the end
			}
			if !yield(k.row(rec, cols, fields, notes)) {
				return
			}
		}
	}
	return seq, func() error { return rs.err }, nil
}

// row turns one record into the row data imports, with the problems of
// the line itself: a value without a column header, a cell with a control
// character or far too long (data.TextProblem, the rule the forms use).
func (k *Kind) row(rec record, cols []headerColumn, fields map[string]string, notes *Notes) data.ImportRow {
	v := newValues(k)
	var problems []data.RowError
	// An if chain, not a switch without a tag: gremlins sees the coverage
	// of an if's branches, not of a case.
	for i, f := range rec.fields {
		if i < len(cols) && cols[i].col != nil {
			col := cols[i].col
			text, escaped := unguard(f)
			if code, why := data.TextProblem(col.Field, text); code == "control" || code == "encoding" ||
				(code == "too_long" && len(text) > 4*data.FieldLimit(col.Field)) {
				problems = append(problems, data.RowError{Line: rec.line, Column: cols[i].text, Text: why})
				continue
			}
			// Every cell, also one the record does not check (a name that
			// refers to another record), is refused with a CPR number in it;
			// a P-number is 10 digits by design and has its own rule.
			if m, ok := dk.FindCPR(text); ok && col.Field != "PNumber" {
				problems = append(problems, data.RowError{Line: rec.line, Column: cols[i].text, Text: data.CPRWarning(m)})
			}
			if t := strings.TrimSpace(text); !escaped && formulaStart(text) && !isNumber(t) && t != "" {
				notes.add(Note{Line: rec.line, Column: cols[i].text, Start: text[:1]})
			}
			v.set(col.Header, text)
		} else if strings.TrimSpace(f) != "" {
			problems = append(problems, data.RowError{Line: rec.line,
				Text: fmt.Sprintf("rækken har en værdi (%s) i felt %d, men der er ingen kolonneoverskrift over det", clipCell(f), i+1)})
		}
	}
	return data.ImportRow{Line: rec.line, Columns: fields, Record: k.record(v), Problems: problems}
}

// clipCell shortens a cell for a message.
func clipCell(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// headerColumn is one cell of the header: as the file spells it, and the
// column it names (nil for an empty cell).
type headerColumn struct {
	text string
	col  *Column
}

func (k *Kind) header(rec record) ([]headerColumn, error) {
	var problems []data.RowError
	out := make([]headerColumn, len(rec.fields))
	seen := map[*Column]bool{}
	for i, f := range rec.fields {
		text := strings.TrimSpace(f)
		if text == "" {
			continue
		}
		c := k.match(text)
		if c == nil {
			problems = append(problems, data.RowError{Line: rec.line, Column: text,
				Text: "ukendt kolonne; se kolonnerne for " + k.Name + " med 'partnerskab help import'"})
		} else if seen[c] {
			problems = append(problems, data.RowError{Line: rec.line, Column: text, Text: "kolonnen står der to gange"})
		} else {
			seen[c] = true
			out[i] = headerColumn{text: text, col: c}
		}
	}
	for i := range k.Columns {
		if c := &k.Columns[i]; c.Required && !seen[c] {
			problems = append(problems, data.RowError{Line: rec.line, Column: c.Header, Text: "kolonnen mangler"})
		}
	}
	if len(problems) > 0 {
		return nil, &data.ImportError{Problems: problems}
	}
	return out, nil
}

// match finds the column a header names.
func (k *Kind) match(text string) *Column {
	key := headerKey(text)
	for i := range k.Columns {
		c := &k.Columns[i]
		if headerKey(c.Header) == key {
			return c
		}
		for _, a := range c.Aliases {
			if headerKey(a) == key {
				return c
			}
		}
	}
	return nil
}

func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
