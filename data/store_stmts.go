package data

import (
	"context"
	"database/sql"
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
type stmtCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt // closed with the transaction
}

func (im *importer) stmts(tx *sql.Tx) *stmtCache {
	if im.cache == nil || im.cache.tx != tx {
		im.cache = &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}}
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
	st, err := c.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// QueryRowContext reuses the statement: Scan closes its one row at once.
func (c *stmtCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.prepared(ctx, query)
	if err != nil {
		return c.tx.QueryRowContext(ctx, query, args...) // reports the same error through Scan
	}
	return st.QueryRowContext(ctx, args...)
}

func (c *stmtCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return c.tx.QueryContext(ctx, query, args...)
}
