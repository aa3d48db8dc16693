package csvio

import (
	"bufio"
	"context"
	"encoding/csv"
	"io"

	"partnerskab/data"
)

// bom makes Excel read the file as UTF-8 (without it, Danish Excel reads
// æ, ø and å as Windows-1252 and shows Ã¦).
const bom = "\uFEFF"

// Export writes every record of kind in the format Import reads: UTF-8
// with BOM, ";" between fields, CRLF line ends, a header of Danish column
// names, Danish dates and decimal commas, and an apostrophe in front of
// a text cell a spreadsheet would run as a formula. It returns the number
// of records.
func Export(ctx context.Context, s *data.Store, kind string, w io.Writer) (int, error) {
	k, err := KindByName(kind)
	if err != nil {
		return 0, err
	}
	return k.Export(ctx, s, w)
}

// Export writes the kind's records to w.
func (k *Kind) Export(ctx context.Context, s *data.Store, w io.Writer) (int, error) {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(bom); err != nil {
		return 0, err
	}
	cw := csv.NewWriter(bw)
	cw.Comma = ';'
	cw.UseCRLF = true
	header := make([]string, len(k.Columns))
	for i, c := range k.Columns {
		header[i] = c.Header
	}
	if err := cw.Write(header); err != nil {
		return 0, err
	}
	n := 0
	var writeErr error
	err := k.export(ctx, s, func(v values) {
		if writeErr != nil {
			return
		}
		row := make([]string, len(k.Columns))
		for i, c := range k.Columns {
			row[i] = guard(v.m[c.Header]) // formula.go
		}
		writeErr = cw.Write(row)
		n++
	})
	if err != nil {
		return 0, err
	}
	if writeErr != nil {
		return 0, writeErr
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return 0, err
	}
	return n, bw.Flush()
}
