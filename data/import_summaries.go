package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// An import writes its placements while bulk_import holds its row
// (016_bulk_import.sql), so placement_summaries_insert leaves the summaries
// and the search index alone; these statements then add the placements
// with ids ?1 to ?2 to each, as the trigger would have row by row (its
// statements come from 011, 012 and 015), one statement per table for all
// of them. The tests that the summaries
// equal a recount cover an import as well as every other write.
var placementSummaryInserts = []string{
	// The overview's tallies per day and per month (011), and the list's
	// starts and ends per day (012), all from the
	// batch's dates counted once per day and scheme (import_days).
	`DELETE FROM import_days`,
	`INSERT INTO import_days (day, scheme_id, starts, resident_starts, ends, resident_ends, deletes)
	SELECT d, scheme_id, sum(s), sum(rs), sum(e), sum(re), sum(x) FROM (
		SELECT start_on AS d, scheme_id, 1 AS s, resident AS rs, 0 AS e, 0 AS re, 0 AS x
			FROM placements WHERE id BETWEEN ?1 AND ?2
		UNION ALL SELECT end_on, scheme_id, 0, 0, 1, resident, 0
			FROM placements WHERE id BETWEEN ?1 AND ?2 AND end_on IS NOT NULL
		UNION ALL SELECT delete_by, scheme_id, 0, 0, 0, 0, 1
			FROM placements WHERE id BETWEEN ?1 AND ?2 AND delete_by IS NOT NULL AND anonymised_at IS NULL)
	GROUP BY d, scheme_id`,
	`INSERT INTO placement_days (day, scheme_id, starts, resident_starts, ends, resident_ends, deletes)
	SELECT day, scheme_id, starts, resident_starts, ends, resident_ends, deletes FROM import_days WHERE true
	ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, resident_starts = resident_starts + excluded.resident_starts,
		ends = ends + excluded.ends, resident_ends = resident_ends + excluded.resident_ends, deletes = deletes + excluded.deletes`,
	`INSERT INTO placement_months (month, scheme_id, starts, resident_starts, ends, resident_ends, deletes)
	SELECT substr(day, 1, 7), scheme_id, sum(starts), sum(resident_starts), sum(ends), sum(resident_ends), sum(deletes)
	FROM import_days WHERE true GROUP BY substr(day, 1, 7), scheme_id
	ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, resident_starts = resident_starts + excluded.resident_starts,
		ends = ends + excluded.ends, resident_ends = resident_ends + excluded.resident_ends, deletes = deletes + excluded.deletes`,
	`INSERT INTO placement_day_counts (scheme_id, day, starts, ends)
	SELECT scheme_id, day, starts, ends FROM import_days WHERE starts > 0 OR ends > 0
	ON CONFLICT (scheme_id, day) DO UPDATE SET starts = starts + excluded.starts, ends = ends + excluded.ends`,

	// The list's counts per enterprise and scheme (012).
	`INSERT INTO placement_org_counts (organisation_id, n)
	SELECT organisation_id, count(*) FROM placements WHERE id BETWEEN ?1 AND ?2 GROUP BY organisation_id
	ON CONFLICT (organisation_id) DO UPDATE SET n = n + excluded.n`,
	`INSERT INTO placement_org_scheme_counts (scheme_id, organisation_id, n)
	SELECT scheme_id, organisation_id, count(*) FROM placements WHERE id BETWEEN ?1 AND ?2 GROUP BY scheme_id, organisation_id
	ON CONFLICT (scheme_id, organisation_id) DO UPDATE SET n = n + excluded.n`,
	`INSERT INTO placement_scheme_counts (scheme_id, n, ended)
	SELECT scheme_id, count(*), count(end_on) FROM placements WHERE id BETWEEN ?1 AND ?2 GROUP BY scheme_id
	ON CONFLICT (scheme_id) DO UPDATE SET n = n + excluded.n, ended = ended + excluded.ended`,
	// Every placement added moves the rows after it in the list.
	`UPDATE placement_list_changes SET n = n + (SELECT count(*) FROM placements WHERE id BETWEEN ?1 AND ?2)`,

	// The pseudonyms' trigram index (015), in one
	// statement and in the order of its rowids. FTS5 keeps new entries in
	// memory and writes them as one segment when the statement ends, but
	// an entry with a smaller rowid than the one before makes it write
	// (and later merge) what it has at once: a file's rows, in line order,
	// go back and forth between enterprises. (The + keeps SQLite to the
	// range of ids rather than an index of every placement's enterprise.)
	`INSERT INTO placement_search (rowid, search_text)
	SELECT organisation_id * 4294967296 + id, search_text FROM placements
	WHERE id BETWEEN ?1 AND ?2 AND id BETWEEN 0 AND 4294967295 AND +organisation_id BETWEEN 0 AND 2147483647
	ORDER BY 1`,
}

// importDaysTable holds one batch's dates per day and scheme while its
// summaries are written; it lives in the import connection's temporary
// schema, made and dropped with the import (importTx).
const importDaysTable = `CREATE TEMP TABLE IF NOT EXISTS import_days (
	day             TEXT NOT NULL,
	scheme_id       INTEGER NOT NULL,
	starts          INTEGER NOT NULL,
	resident_starts INTEGER NOT NULL,
	ends            INTEGER NOT NULL,
	resident_ends   INTEGER NOT NULL,
	deletes         INTEGER NOT NULL,
	PRIMARY KEY (day, scheme_id)
) WITHOUT ROWID;`

const dropImportDaysTable = `DROP TABLE IF EXISTS temp.import_days;`

// bulkPlacements runs write, which inserts placements with the ids from
// first to last, while bulk_import holds its row, and then adds them to the
// summaries: the row is there only between the two, in tx, so every other
// write of a placement, before and after, goes through the trigger.
func bulkPlacements(ctx context.Context, tx dbtx, first, last int64, write func() error) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO bulk_import (id) VALUES (1)`); err != nil {
		return fmt.Errorf("import: %w", sqliteError(err))
	}
	if err := write(); err != nil {
		return err
	}
	for _, q := range placementSummaryInserts {
		var args []any
		if strings.Contains(q, "?1") {
			args = []any{first, last}
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("import: placeringernes optællinger: %w", sqliteError(err))
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM bulk_import`); err != nil {
		return fmt.Errorf("import: %w", sqliteError(err))
	}
	return nil
}

// leftBulkImport reports a row of bulk_import committed to the file. No
// import leaves one (bulkPlacements deletes it in the transaction that
// inserts it), and while one is there every placement written misses the
// summaries and the search index.
func leftBulkImport(ctx context.Context, q *sql.DB) ([]string, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name = 'bulk_import'`).Scan(&n); err != nil || n == 0 {
		return nil, err
	}
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM bulk_import`).Scan(&n); err != nil || n == 0 {
		return nil, err
	}
	return []string{"import: mærket for en import i gang (bulk_import) ligger tilbage i filen; det er ikke skrevet af programmet, " +
		"og placeringer gemt, mens det ligger der, kommer hverken med i optællingerne eller i søgningen"}, nil
}
