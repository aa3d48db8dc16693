package data

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// An import checks each placement as it reads it (the form's Parse and
// the checks that need the database, with its look-ups cached) and keeps
// the good ones until it has a batch; a writer of its own then writes the
// batch in a few statements, its summaries in one statement per table and
// its audit events, while the next rows are checked, so that SQLite runs
// each statement once for many rows instead of once per row. What a row is
// checked against is what a form's save checks; the schema's CHECKs and
// guard triggers still judge every row as it is inserted. Once a row is bad
// nothing more is written, and the transaction takes back what was.

// stagedPlacement is a checked placement waiting to be written, with the
// line it came from: the values of placementKind.row's columns.
type stagedPlacement struct {
	line int
	args []any
}

// bulkBatch is how many checked placements an import keeps before it
// writes them: the file is never held whole (a 50 MB file is read in
// bounded memory), and each batch's summaries are one statement per table.
// The first batch is smaller, so that the writer starts early.
const (
	bulkBatch  = 2048
	firstBatch = 512
)

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
	if len(im.problems) > 0 || im.more > 0 || im.writer.failed() {
		return nil
	}
	im.staged = append(im.staged, stagedPlacement{line: im.cur.Line, args: placementKind.row(p).args})
	if len(im.staged) >= bulkBatch || im.writer == nil && len(im.staged) >= firstBatch {
		return im.flushPlacements(ctx, tx)
	}
	return nil
}

// flushPlacements hands the kept placements to the import's placement
// writer, started with the first batch.
func (im *importer) flushPlacements(ctx context.Context, tx dbtx) error {
	if len(im.staged) == 0 || im.writer.failed() {
		return nil
	}
	c, ok := tx.(*stmtCache)
	if !ok {
		return fmt.Errorf("import: placeringer skrives kun i importens transaktion")
	}
	if im.writer == nil {
		im.writer = startPlacementWriter(ctx, im.s, c)
	}
	batch := im.staged
	im.staged = make([]stagedPlacement, 0, bulkBatch)
	// The writer needs the transaction for the batch before it takes the
	// next one: the rows' side must not hold it while it waits to hand over.
	c.release()
	im.writer.batches <- batch
	return nil
}

// stopWriter waits until the writer has written the batches it was handed
// (keep) or the one it is writing (the import is refused anyway), and stops
// it; a row the schema refused joins the file's other problems.
func (im *importer) stopWriter(keep bool) error {
	if im.writer == nil {
		return nil
	}
	im.cache.release()
	if !keep {
		im.writer.stopped.Store(true)
	}
	err := im.writer.stop()
	if ie, refused := AsImportError(err); refused {
		im.problems = append(im.problems, ie.Problems...)
		slices.SortStableFunc(im.problems, func(a, b RowError) int { return a.Line - b.Line })
		im.keepFirst()
		return nil
	}
	return err
}

// placementWriter writes an import's batches of checked placements on a
// goroutine of its own while the rows after them are read and checked: a
// batch is one part of the work in the database, the reading and checking
// of the rows the other part, and each has a processor of its own. The two
// take turns with the transaction (stmtCache.turn): a row that needs the
// database waits until the batch being written is done.
type placementWriter struct {
	s       *Store
	c       *stmtCache
	batches chan []stagedPlacement
	done    chan struct{} // closed when the writer has stopped
	closed  bool          // batches is closed (the rows' side's own)
	stopped atomic.Bool   // a batch failed, or the import is refused: no more batches are written
	err     error         // why a batch failed; read after stopped says so, or after done
}

func startPlacementWriter(ctx context.Context, s *Store, c *stmtCache) *placementWriter {
	c.turn = new(sync.Mutex)
	w := &placementWriter{s: s, c: c, batches: make(chan []stagedPlacement, 1), done: make(chan struct{})}
	go w.run(ctx)
	return w
}

func (w *placementWriter) run(ctx context.Context) {
	defer close(w.done)
	for batch := range w.batches {
		if w.stopped.Load() {
			continue // the import is refused: the batches are dropped
		}
		w.c.turn.Lock()
		err := writePlacements(ctx, w.s, batchTx{w.c}, batch)
		w.c.turn.Unlock()
		if err != nil {
			w.err = err
			w.stopped.Store(true)
		}
	}
}

// failed tells whether the writer writes no more: the import will be
// refused, so nothing more is kept. A nil writer has not failed.
func (w *placementWriter) failed() bool { return w != nil && w.stopped.Load() }

// stop lets the writer finish and waits for it; its error, the first time.
func (w *placementWriter) stop() error {
	if w.closed {
		return nil
	}
	w.closed = true
	close(w.batches)
	<-w.done
	return w.err
}

// writePlacements writes a batch with the next ids, adds it to the
// summaries and appends an event for each placement ("oprettet placering",
// as a save from the form writes). A row the schema refuses refuses the
// import: an *ImportError names its line and the schema's reason, in
// Danish.
func writePlacements(ctx context.Context, s *Store, tx batchTx, staged []stagedPlacement) error {
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM placements`).Scan(&last); err != nil {
		return err
	}
	first := last + 1
	now := s.nowText()
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
	return appendEvents(ctx, tx, now, "oprettet", placementKind.entity, "", ids)
}

// insertPlacements inserts rows with the ids from first on, in one
// statement: the columns of placementKind.row, as a save writes them.
func insertPlacements(ctx context.Context, tx dbtx, rows []stagedPlacement, first int64, now string) error {
	table := placementKind.row(Placement{})
	per := len(table.cols) + 3 // id, the row's columns, updated_at, created_at
	args := make([]any, 0, per*len(rows))
	for i, r := range rows {
		args = append(append(append(args, first+int64(i)), r.args...), now, now)
	}
	values := "(?" + strings.Repeat(", ?", per-1) + ")"
	_, err := tx.ExecContext(ctx, "INSERT INTO "+table.table+" (id, "+strings.Join(table.cols, ", ")+
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
