package data

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"strings"
	"sync"
)

// dbtx is what the transaction-level saves need of a transaction. *sql.Tx
// is one; an import passes a stmtCache, which prepares each statement once.
type dbtx interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// stmtCache runs a transaction's statements through prepared statements
// kept by their text. The SQLite driver prepares every statement anew, and
// preparing an INSERT compiles the table's checks, foreign keys, triggers
// and every index: for 10.000 placements that was half of the import.
// Queries that return rows go straight to the transaction, so a statement
// is never re-run while its rows are still being read.
//
// It also keeps, for the one transaction, what the saves look up again and
// again (lookup: the enterprise, scheme, target group and position each
// placement names) and the newest event of the audit chain (appendEvent),
// so that 10.000 placements do not ask the database the same six questions
// 10.000 times. Every write of an import goes through the cache, so it sees
// every change the transaction makes.
//
// While an import's placement writer writes a batch beside the rows being
// checked (import_bulk.go), the two take turns with the transaction: the
// writer holds turn for a whole batch, the rows' side from its first
// statement in a row to the row's end. A look-up answered from the cache
// needs no turn; the writer writes nothing a look-up reads, and never
// forgets the answers.
type stmtCache struct {
	tx     *sql.Tx
	stmts  map[string]*sql.Stmt // closed with the transaction
	looked map[lookupKey]lookedUp
	head   *chainHead // the newest event, once this cache has written one

	turn    *sync.Mutex // nil until the import has a placement writer
	holding bool        // the rows' side holds turn
}

// take waits for the rows' side's turn with the transaction, if it has not
// got it already.
func (c *stmtCache) take() {
	if c.turn != nil && !c.holding {
		c.turn.Lock()
		c.holding = true
	}
}

// release ends the rows' side's turn: at the end of a row, and before it
// hands the writer a batch.
func (c *stmtCache) release() {
	if c.holding {
		c.holding = false
		c.turn.Unlock()
	}
}

type lookupKey struct {
	query string
	arg   any // an id or a key: comparable
}

// lookedUp is one look-up's answer: the values it scanned, or no row.
type lookedUp struct {
	values []any
	none   bool
}

// chainHead is the newest event: the next one gets id+1 and chains to hash.
type chainHead struct {
	id   int64
	hash string
}

// newStmtCache starts the cache of one transaction.
func newStmtCache(tx *sql.Tx) *stmtCache {
	return &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}, looked: map[lookupKey]lookedUp{}}
}

func (im *importer) stmts(tx *sql.Tx) *stmtCache {
	if im.cache == nil || im.cache.tx != tx {
		im.cache = newStmtCache(tx)
	}
	return im.cache
}

func (c *stmtCache) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := c.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = st
	return st, nil
}

func (c *stmtCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	c.take()
	if !appendOnly(query) {
		clear(c.looked)
	}
	return c.exec(ctx, query, args...)
}

func (c *stmtCache) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := c.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// QueryRowContext reuses the statement: Scan closes its one row at once.
func (c *stmtCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	c.take()
	return c.queryRow(ctx, query, args...)
}

func (c *stmtCache) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.prepared(ctx, query)
	if err != nil {
		return c.tx.QueryRowContext(ctx, query, args...) // reports the same error through Scan
	}
	return st.QueryRowContext(ctx, args...)
}

func (c *stmtCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	c.take()
	return c.tx.QueryContext(ctx, query, args...)
}

// batchTx is the placement writer's use of an import's cache, with the turn
// held for the whole batch (import_bulk.go). It keeps the look-ups: the
// writer writes placements, their summaries and search entries, bulk_import
// and events, none of which a look-up reads.
type batchTx struct{ c *stmtCache }

func (b batchTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return b.c.exec(ctx, query, args...)
}

func (b batchTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return b.c.queryRow(ctx, query, args...)
}

func (b batchTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return b.c.tx.QueryContext(ctx, query, args...)
}

// appendOnlyTables are the tables whose new rows change nothing a lookup
// reads: a look-up reads organisations, schemes, target groups, positions
// and settings, and the triggers on these tables only refuse a row (see
// TestAppendOnlyTriggersOnlyRefuse). A new placement keeps the answers;
// any other write (a new position, an organisation saved) forgets them all.
var appendOnlyTables = []string{"placements", "events", "event_actors"}

func appendOnly(query string) bool {
	rest, ok := strings.CutPrefix(query, "INSERT INTO ")
	if !ok {
		return false
	}
	for _, t := range appendOnlyTables {
		if after, ok := strings.CutPrefix(rest, t); ok && strings.HasPrefix(after, " ") {
			return true
		}
	}
	return false
}

// lookup runs a query for one row by arg and scans it into dest. Through a
// stmtCache the answer (also "no row") is kept until the transaction
// writes something that could change it; otherwise it is asked each time.
func lookup(ctx context.Context, tx queryRower, query string, arg any, dest ...any) error {
	c, ok := tx.(*stmtCache)
	if !ok {
		return tx.QueryRowContext(ctx, query, arg).Scan(dest...)
	}
	key := lookupKey{query: query, arg: arg}
	if got, ok := c.looked[key]; ok {
		if got.none {
			return sql.ErrNoRows
		}
		for i, d := range dest {
			reflect.ValueOf(d).Elem().Set(reflect.ValueOf(got.values[i]))
		}
		return nil
	}
	err := c.QueryRowContext(ctx, query, arg).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		c.looked[key] = lookedUp{none: true}
		return err
	}
	if err != nil {
		return err
	}
	values := make([]any, len(dest))
	for i, d := range dest {
		values[i] = reflect.ValueOf(d).Elem().Interface()
	}
	c.looked[key] = lookedUp{values: values}
	return nil
}
