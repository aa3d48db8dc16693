package data

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// An import checks each placement as it reads it (the form's Parse and
// the checks that need the database, with its look-ups cached) and keeps
// the good ones until it has a few thousand; then it writes them in a few
// statements, their summaries in one statement per table, and their audit
// events, so that SQLite runs each statement once for many rows instead of
// once per row. What a row is checked against is what a form's save checks;
// the schema's CHECKs and guard triggers still judge every row as it is
// inserted. A file with a bad row is refused before anything more is
// written, and the transaction takes back what was.

// stagedPlacement is a checked placement waiting to be written, with the
// line it came from.
type stagedPlacement struct {
	line int
	row  row
}

// bulkBatch is how many checked placements an import keeps before it
// writes them: the file is never held whole (a 50 MB file is read in
// bounded memory), and each batch's summaries are one statement per table.
const bulkBatch = 4096

// maxPlacementsPerStatement keeps an INSERT's parameters (16 per
// placement) well under SQLite's limit of 32.766.
const maxPlacementsPerStatement = 256

// stagePlacement checks a new placement as its save would and keeps it for
// the next batch. Once the file has a problem nothing more is kept: the
// import will be refused, and the rows after are only checked.
func (im *importer) stagePlacement(ctx context.Context, tx dbtx, p Placement) error {
	if err := placementKind.checked(ctx, im.s, tx, &p, true); err != nil {
		return err
	}
	if len(im.problems) > 0 || im.more > 0 {
		return nil
	}
	im.staged = append(im.staged, stagedPlacement{line: im.cur.Line, row: placementKind.row(p)})
	if len(im.staged) >= bulkBatch {
		return im.flushPlacements(ctx, tx)
	}
	return nil
}

// flushPlacements writes the kept placements with the next ids, adds them
// to the summaries and appends an event for each ("oprettet placering",
// as a save from the form writes). A row the schema refuses refuses the
// import: an *ImportError names its line and the schema's reason, in
// Danish.
func (im *importer) flushPlacements(ctx context.Context, tx dbtx) error {
	staged := im.staged
	im.staged = im.staged[:0]
	if len(staged) == 0 {
		return nil
	}
	c, ok := tx.(*stmtCache)
	if !ok {
		return fmt.Errorf("import: placeringer skrives kun i importens transaktion")
	}
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM placements`).Scan(&last); err != nil {
		return err
	}
	first := last + 1
	now := im.s.nowText()
	err := bulkPlacements(ctx, tx, first, first+int64(len(staged))-1, func() error {
		for i := 0; i < len(staged); i += maxPlacementsPerStatement {
			part := staged[i:min(i+maxPlacementsPerStatement, len(staged))]
			if err := insertPlacements(ctx, tx, part, first+int64(i), now); err != nil {
				return refusedPlacement(ctx, tx, part, first+int64(i), now, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	ids := make([]int64, len(staged))
	for i := range ids {
		ids[i] = first + int64(i)
	}
	return appendEvents(ctx, c, now, "oprettet", placementKind.entity, "", ids)
}

// insertPlacements inserts rows with the ids from first on, in one
// statement: the columns of placementKind.row, as a save writes them.
func insertPlacements(ctx context.Context, tx dbtx, rows []stagedPlacement, first int64, now string) error {
	cols := rows[0].row.cols
	per := len(cols) + 3 // id, the row's columns, updated_at, created_at
	args := make([]any, 0, per*len(rows))
	for i, r := range rows {
		args = append(append(append(args, first+int64(i)), r.row.args...), now, now)
	}
	values := "(?" + strings.Repeat(", ?", per-1) + ")"
	_, err := tx.ExecContext(ctx, "INSERT INTO "+rows[0].row.table+" (id, "+strings.Join(cols, ", ")+
		", updated_at, created_at) VALUES "+values+strings.Repeat(", "+values, len(rows)-1), args...)
	return err
}

// refusedPlacement finds the row of rows that the schema refused (err is
// the statement's refusal: it wrote none of them) by inserting them one by
// one, and names its line with the schema's reason in Danish. The import is
// refused either way, and its transaction takes back what was written.
func refusedPlacement(ctx context.Context, tx dbtx, rows []stagedPlacement, first int64, now string, err error) error {
	if !refusal(err) {
		return fmt.Errorf("import: placeringerne kunne ikke gemmes: %w", sqliteError(err))
	}
	for i := range rows {
		if one := insertPlacements(ctx, tx, rows[i:i+1], first+int64(i), now); one != nil {
			if !refusal(one) {
				return fmt.Errorf("import: placeringerne kunne ikke gemmes: %w", sqliteError(one))
			}
			// A CHECK's reason is its expression as the schema spells it,
			// over several lines: the problem is one line.
			text := strings.Join(strings.Fields(sqliteError(one).Error()), " ")
			return &ImportError{Problems: []RowError{{Line: rows[i].line, Text: text}}}
		}
	}
	return fmt.Errorf("import: placeringerne kunne ikke gemmes: %w", sqliteError(err))
}

// refusal tells a refusal by a CHECK, a foreign key or a guard trigger
// (SQLite's constraint code) from a failure of the database itself.
func refusal(err error) bool {
	var se *SQLiteError
	return errors.As(sqliteError(err), &se) && se.Code&0xff == 19
}
