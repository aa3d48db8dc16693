package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// kind is how one record type R is saved. Every save, from a form, an
// import or the demo, goes through its write: the checks that need the
// database, the row, what follows the row, and the audit event, in the
// transaction the caller holds.
type kind[R any] struct {
	entity string          // the record's name in the audit log and in "findes ikke": "organisation"
	id     func(*R) *int64 // the record's id, 0 until it is inserted
	// check runs the rules that need the database (a ValidationError
	// names the fields) and may fill in what the store decides (a default
	// date, the place in a list); created tells a new record. When the form
	// itself was refused, parsed holds its problems: the check still runs,
	// so that one save reports every problem, but must not judge by the
	// fields parsed names (they are zero).
	check func(ctx context.Context, s *Store, tx dbtx, r *R, created bool, parsed *ValidationError) error
	row   func(r R) row // the columns written
	// before and after run around the row's write (a lease's rooms).
	before, after func(ctx context.Context, tx dbtx, r R, created bool, now string) error
	detail        func(R) string // what the event says of the record; "" names nobody
	read          func(s *Store, ctx context.Context, id int64) (R, error)
}

// row is a record's columns in its table.
type row struct {
	table   string
	cols    []string
	args    []any
	once    []string // columns written only when the row is inserted (a code)
	onceArg []any
	created bool // the table has created_at as well as updated_at
}

// save is the one path a form takes into the store: parse (the rules, with
// a message per field), write in one transaction with its audit event, and
// read the record back as stored. On any problem nothing is written.
func save[R any](ctx context.Context, s *Store, k *kind[R], parse func() (R, error)) (R, error) {
	r, err := parse()
	if v, refused := AsValidation(err); refused {
		return r, k.more(ctx, s, r, v)
	}
	if err != nil {
		return r, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		r, err = k.write(ctx, s, tx, r)
		return err
	})
	if err != nil {
		return r, err
	}
	return k.read(s, ctx, *k.id(&r))
}

// more adds to a refused form's problems those the database finds in what
// did parse (the lease's overlap beside its missing rent), so that the
// caseworker fixes everything in one round. Nothing is written.
func (k *kind[R]) more(ctx context.Context, s *Store, r R, v *ValidationError) error {
	if k.check == nil {
		return v
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return v
	}
	defer tx.Rollback()
	w, _ := AsValidation(k.check(ctx, s, tx, &r, *k.id(&r) == 0, v))
	if w == nil {
		return v
	}
	out := &ValidationError{Problems: append([]FieldError(nil), v.Problems...)}
	for _, p := range w.Problems {
		if _, named := out.For(p.Field); !named {
			out.Problems = append(out.Problems, p)
		}
	}
	return out
}

// write saves a parsed record inside tx (a transaction or an import's
// statement cache).
func (k *kind[R]) write(ctx context.Context, s *Store, tx dbtx, r R) (R, error) {
	created := *k.id(&r) == 0
	if err := k.checked(ctx, s, tx, &r, created); err != nil {
		return r, err
	}
	now := s.nowText()
	if k.before != nil {
		if err := k.before(ctx, tx, r, created, now); err != nil {
			return r, err
		}
	}
	id, err := k.put(ctx, tx, *k.id(&r), k.row(r), now)
	if err != nil {
		return r, err
	}
	*k.id(&r) = id
	if k.after != nil {
		if err := k.after(ctx, tx, r, created, now); err != nil {
			return r, err
		}
	}
	event := "ændret"
	if created {
		event = "oprettet"
	}
	detail := ""
	if k.detail != nil {
		detail = k.detail(r)
	}
	return r, logEvent(ctx, tx, now, event, k.entity, id, detail)
}

// checked runs the kind's checks that need the database on a parsed
// record, as write does before it writes (an import checks its rows first
// and writes them together: import_bulk.go).
func (k *kind[R]) checked(ctx context.Context, s *Store, tx dbtx, r *R, created bool) error {
	if k.check == nil {
		return nil
	}
	return k.check(ctx, s, tx, r, created, nil)
}

// put inserts the row (id 0), returning its new id, or updates row id.
func (k *kind[R]) put(ctx context.Context, tx dbtx, id int64, r row, now string) (int64, error) {
	if id == 0 {
		cols := append(append(append([]string{}, r.cols...), r.once...), "updated_at")
		args := append(append(append([]any{}, r.args...), r.onceArg...), now)
		if r.created {
			cols, args = append(cols, "created_at"), append(args, now)
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO "+r.table+" ("+strings.Join(cols, ", ")+") VALUES (?"+
			strings.Repeat(", ?", len(cols)-1)+")", args...)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	res, err := tx.ExecContext(ctx, "UPDATE "+r.table+" SET "+strings.Join(r.cols, " = ?, ")+" = ?, updated_at = ? WHERE id = ?",
		append(append(append([]any{}, r.args...), now), id)...)
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, fmt.Errorf("%s %d findes ikke: %w", k.entity, id, ErrNotFound)
	}
	return id, nil
}
