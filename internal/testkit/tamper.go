package testkit

import (
	"database/sql"
	"testing"

	_ "modernc.org/sqlite" // the driver the program uses
)

// BehindTheTriggers runs stmt on the database file with every trigger
// dropped and put back as it was afterwards, so that the schema is again
// exactly the migrations' and only the rows tell.
func BehindTheTriggers(tb testing.TB, path, stmt string, args ...any) {
	tb.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'`)
	if err != nil {
		tb.Fatal(err)
	}
	var names, defs []string
	for rows.Next() {
		var n, d string
		if err := rows.Scan(&n, &d); err != nil {
			tb.Fatal(err)
		}
		names, defs = append(names, n), append(defs, d)
	}
	rows.Close()
	for _, n := range names {
		if _, err := db.Exec("DROP TRIGGER " + n); err != nil {
			tb.Fatal(err)
		}
	}
	if _, err := db.Exec(stmt, args...); err != nil {
		tb.Fatalf("%s: %v", stmt, err)
	}
	for _, d := range defs {
		if _, err := db.Exec(d); err != nil {
			tb.Fatal(err)
		}
	}
}
