package csvio

import (
	"context"
	"fmt"
	"io"
	"strings"

	"partnerskab/data"
)

// Import reads a file of kind and imports every row in one transaction, or
// nothing. A refused file gives a *data.ImportError listing every problem
// as "linje N, kolonne NAVN: …"; what names the file in the audit log.
func Import(ctx context.Context, s *data.Store, kind string, r io.Reader, what string) (int, error) {
	k, err := KindByName(kind)
	if err != nil {
		return 0, err
	}
	rows, err := k.Read(r)
	if err != nil {
		return 0, err
	}
	return s.Import(ctx, k.Title+" fra "+what, rows)
}

// Read reads a file of the kind into the rows data imports. Problems with
// the header (a missing required column, an unknown one) are returned at
// once as a *data.ImportError: with the columns wrong, every row would be
// wrong too.
func (k *Kind) Read(r io.Reader) ([]data.ImportRow, error) {
	recs, err := readFile(r)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, &data.ImportError{Problems: []data.RowError{{Line: 1, Text: "filen er tom; første linje skal navngive kolonnerne"}}}
	}
	cols, err := k.header(recs[0])
	if err != nil {
		return nil, err
	}
	fields := map[string]string{} // form field → the file's header
	for _, c := range cols {
		if c.col != nil {
			fields[c.col.Field] = c.text
		}
	}
	var rows []data.ImportRow
	for _, rec := range recs[1:] {
		if blank(rec.fields) {
			continue // Excel keeps empty rows of ;;;; at the end
		}
		v := newValues(k)
		var rowProblems []data.RowError
		for i, f := range rec.fields {
			if i < len(cols) && cols[i].col != nil {
				v.set(cols[i].col.Header, f)
			} else if strings.TrimSpace(f) != "" {
				rowProblems = append(rowProblems, data.RowError{Line: rec.line,
					Text: fmt.Sprintf("rækken har en værdi (%s) i felt %d, men der er ingen kolonneoverskrift over det", strings.TrimSpace(f), i+1)})
			}
		}
		rows = append(rows, data.ImportRow{Line: rec.line, Columns: fields, Record: k.record(v), Problems: rowProblems})
	}
	return rows, nil
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
