package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// scanner is a row to scan: *sql.Row for one record, *sql.Rows for a list.
type scanner interface{ Scan(...any) error }

// queryer runs a query that returns rows: *sql.DB, *sql.Tx, a stmtCache.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// queryAll runs query and scans each row with scan, in order. The rows are
// closed when it returns, so a transaction may run its next statement at
// once. Like rows.Err, a failure while reading comes with the rows read so
// far; no rows is a nil slice.
func queryAll[T any](ctx context.Context, q queryer, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		x, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// queryOne reads the record what (Danish: "kontaktperson") with id through
// query and scan; no row is ErrNotFound: "kontaktperson 7 findes ikke".
func queryOne[T any](ctx context.Context, q queryRower, scan func(scanner) (T, error), what string, id int64, query string, args ...any) (T, error) {
	x, err := scan(q.QueryRowContext(ctx, query, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return x, fmt.Errorf("%s %d findes ikke: %w", what, id, ErrNotFound)
	}
	return x, err
}
