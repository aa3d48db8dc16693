package data

import (
	"context"
	"strconv"
)

// The editable lists (schemes, target groups, bodies, the checklist,
// goals) keep an order the caseworker may set: empty on a new record's
// form, which then goes last.

// positionText is a record's place in its list as the form shows it: empty
// for a new record.
func positionText(id int64, position int) string {
	if id == 0 {
		return ""
	}
	return strconv.Itoa(position)
}

// position reads the order field as typed (empty: 0, placed last on save).
func (c *checker) position(s string) int {
	return c.wholeNumber("Position", "Rækkefølge", s, 0, 10000)
}

// lastPosition is the place after the last row of table.
func lastPosition(ctx context.Context, tx dbtx, table string) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position), 0) + 1 FROM `+table).Scan(&n)
	return n, err
}
