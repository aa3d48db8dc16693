// These checks compare SQL with SQL in one goroutine, over thousands of
// statements: the plain test run holds them; under the race detector, which
// has nothing to look for here, they would take a quarter of an hour.

//go:build !race

package data

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// cprGuard is one *_no_cpr_* trigger as sqlite_schema holds it.
type cprGuard struct{ name, table, sql string }

// cprGuards lists every CPR guard of the migrated schema, and fails the test
// if a guard that a migration creates is missing (dropped and never made
// again).
func cprGuards(t *testing.T, s *Store) []cprGuard {
	t.Helper()
	rows, err := s.DB().Query(`SELECT name, tbl_name, sql FROM sqlite_schema
		WHERE type = 'trigger' AND name GLOB '*_no_cpr_*' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var gs []cprGuard
	have := map[string]bool{}
	for rows.Next() {
		var g cprGuard
		if err := rows.Scan(&g.name, &g.table, &g.sql); err != nil {
			t.Fatal(err)
		}
		gs = append(gs, g)
		have[g.name] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	created := regexp.MustCompile(`CREATE TRIGGER (\w+_no_cpr_\w+)`)
	files, _ := fs.Glob(migrationFS, "migrations/*.sql")
	for _, f := range files {
		b, err := migrationFS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range created.FindAllStringSubmatch(string(b), -1) {
			if !have[m[1]] {
				t.Errorf("%s creates %s, but the migrated schema has no such trigger", f, m[1])
			}
		}
	}
	if len(gs) == 0 {
		t.Fatal("no CPR guards in the schema")
	}
	return gs
}

var (
	guardNewColumn = regexp.MustCompile(`NEW\."?(\w+)"?`)
	guardUpdateOf  = regexp.MustCompile(`BEFORE UPDATE OF (.+?) ON `)
	guardWhen      = regexp.MustCompile(`(?s)\nWHEN (.+) GLOB '([^']+)'\s+AND EXISTS \(SELECT 1 FROM cpr_globs WHERE (.+) GLOB pattern\)\nBEGIN\n`)
)

// columns are the columns a guard tests, in the order it names them.
func (g cprGuard) columns() []string {
	var cols []string
	for _, m := range guardNewColumn.FindAllStringSubmatch(g.sql, -1) {
		if !slices.Contains(cols, m[1]) {
			cols = append(cols, m[1])
		}
	}
	return cols
}

// Every CPR guard of every table refuses each CPR form in each column it
// guards, on insert and on update, and lets texts through that hold no CPR
// number: texts without four digits in a row (which the prefilter stops)
// and texts full of digits that are no CPR number (which reach the
// patterns). An update guard fires on every column its text holds.
func TestEveryCPRGuardRefusesEachFormInEachColumn(t *testing.T) {
	s := MustOpenDB(t)
	refused := []string{"ring 010190-1234", "0101901234", "01.01.90-1234", "01 01 90 1234", "01/01/90 1234",
		"010190\u20131234", "01.01.90_1234", "01\u00a001\u00a090 1234", "010190\u22121234", "Navn|010190-1234",
		"311299-4321 ", "A.H. 0102031234", "01.01.901234"}
	accepted := []string{"", "Syerske", "P00123", "Række 12", "Række 1234", "Søren Ærø-Åberg", "tlf. +45 12 34 56 78",
		"beløb 1.700.000,00 kr.", "1.3.2015-30.9.2017", "10.30-12.00", "5798007149727", "0012345678",
		"321290-1234", "011390-1234", "010190-12345", "1010190-1234"}
	for _, g := range cprGuards(t, s) {
		cols := g.columns()
		if len(cols) == 0 {
			t.Errorf("%s tests no column", g.name)
			continue
		}
		update := strings.HasSuffix(g.name, "_update")
		if update {
			m := guardUpdateOf.FindStringSubmatch(g.sql)
			var of []string
			if m != nil {
				for _, c := range strings.Split(m[1], ",") {
					of = append(of, strings.Trim(strings.TrimSpace(c), `"`))
				}
			}
			if !slices.Equal(of, cols) {
				t.Errorf("%s fires on an update of %v, but tests %v", g.name, of, cols)
			}
		} else if !strings.Contains(g.sql, " BEFORE INSERT ON "+g.table+"\n") {
			t.Errorf("%s is no BEFORE INSERT trigger on %s", g.name, g.table)
		}
		conn, done := guardAlone(t, s, g)
		for _, col := range cols {
			row := placeholderRow(t, conn, g.table, col)
			for _, v := range refused {
				if err := tryCPRGuard(t, conn, g, col, v, update, row); err == nil || !strings.Contains(err.Error(), "ligner et CPR-nummer") {
					t.Errorf("%s, %s = %q: err = %v, want the CPR guard", g.name, col, v, err)
				}
			}
			for _, v := range accepted {
				if err := tryCPRGuard(t, conn, g, col, v, update, row); err != nil {
					t.Errorf("%s, %s = %q refused: %v", g.name, col, v, err)
				}
			}
		}
		done()
	}
}

// guardAlone gives a connection inside a transaction where g is the only
// trigger of its table and CHECK constraints and foreign keys are off, so
// that nothing but the guard can refuse a row made of placeholders; the
// cleanup rolls it all back.
func guardAlone(t *testing.T, s *Store, g cprGuard) (*sql.Conn, func()) {
	t.Helper()
	ctx := context.Background()
	conn, err := s.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	exec := func(q string) {
		t.Helper()
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec("PRAGMA foreign_keys = OFF")
	exec("PRAGMA ignore_check_constraints = ON")
	exec("BEGIN")
	for _, n := range queryStrings(t, conn, `SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND name <> ?`, g.table, g.name) {
		exec(`DROP TRIGGER "` + n + `"`)
	}
	return conn, func() {
		exec("ROLLBACK")
		exec("PRAGMA ignore_check_constraints = OFF")
		exec("PRAGMA foreign_keys = ON")
		if err := conn.Close(); err != nil {
			t.Error(err)
		}
	}
}

// tryCPRGuard inserts a row with v in col (or, for an update guard, a row
// with a harmless col and then updates col to v) on a connection from
// guardAlone, and undoes it.
func tryCPRGuard(t *testing.T, conn *sql.Conn, g cprGuard, col, v string, update bool, row placeholders) error {
	t.Helper()
	ctx := context.Background()
	if _, err := conn.ExecContext(ctx, "SAVEPOINT try"); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if _, err := conn.ExecContext(ctx, "ROLLBACK TO try; RELEASE try"); err != nil {
			t.Fatal(err)
		}
	}()
	insert := func(val string) (sql.Result, error) {
		vs := append(slices.Clone(row.values), val)
		return conn.ExecContext(ctx, fmt.Sprintf(`INSERT INTO %q (%s"%s") VALUES (%s?)`, g.table,
			strings.Join(row.names, ""), col, strings.Repeat("?, ", len(row.names))), vs...)
	}
	if !update {
		_, err := insert(v)
		return err
	}
	res, err := insert("x")
	if err != nil {
		t.Fatalf("%s: placeholder row: %v", g.name, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		t.Fatal(err)
	}
	res, err = conn.ExecContext(ctx, fmt.Sprintf(`UPDATE %q SET "%s" = ? WHERE rowid = ?`, g.table, col), v, id)
	if err == nil {
		if n, _ := res.RowsAffected(); n != 1 {
			t.Fatalf("%s: updated %d rows", g.name, n)
		}
	}
	return err
}

// queryStrings runs a query of one text column and returns its rows.
func queryStrings(t *testing.T, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args ...any) []string {
	t.Helper()
	rows, err := q.QueryContext(context.Background(), query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// placeholders are the columns and values of a row that only has to exist.
type placeholders struct {
	names  []string
	values []any
}

// placeholderRow names the NOT NULL columns of table but col that have no
// default (each as `"name", `) and gives each a value of its type.
func placeholderRow(t *testing.T, conn *sql.Conn, table, col string) (row placeholders) {
	t.Helper()
	rows, err := conn.QueryContext(context.Background(), `SELECT name, type, "notnull", dflt_value IS NOT NULL, pk FROM pragma_table_info(?)`, table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type column struct {
		name, typ           string
		notNull, hasDefault bool
		pk                  int
	}
	var cols []column
	keys := 0
	for rows.Next() {
		var c column
		if err := rows.Scan(&c.name, &c.typ, &c.notNull, &c.hasDefault, &c.pk); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, c)
		keys += min(c.pk, 1)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for _, c := range cols {
		rowid := keys == 1 && c.pk == 1 && strings.EqualFold(c.typ, "INTEGER")
		if !c.notNull || c.hasDefault || rowid || c.name == col {
			continue
		}
		row.names = append(row.names, `"`+c.name+`", `)
		switch strings.ToUpper(c.typ) {
		case "INTEGER", "INT":
			row.values = append(row.values, 1)
		case "REAL":
			row.values = append(row.values, 1.5)
		case "BLOB":
			row.values = append(row.values, []byte{1})
		default:
			row.values = append(row.values, "x")
		}
	}
	return row
}

// Each guard tests one text twice, first against the prefilter's GLOB and
// then against cpr_globs, and every pattern in cpr_globs holds the
// prefilter's run: a text that a pattern matches always passes the
// prefilter, so the prefilter can never let a CPR number through, and a
// pattern added later that does not hold the run fails here.
func TestCPRGuardPrefilterHoldsEveryPattern(t *testing.T) {
	s := MustOpenDB(t)
	prefilters := map[string]bool{}
	for _, g := range cprGuards(t, s) {
		m := guardWhen.FindStringSubmatch(g.sql)
		if m == nil {
			t.Errorf("%s has no prefilter before its patterns:\n%s", g.name, g.sql)
			continue
		}
		if m[1] != m[3] {
			t.Errorf("%s prefilters %s but tests %s", g.name, m[1], m[3])
		}
		prefilters[m[2]] = true
	}
	patterns := queryStrings(t, s.DB(), `SELECT pattern FROM cpr_globs`)
	if len(patterns) == 0 {
		t.Fatal("cpr_globs is empty")
	}
	for f := range prefilters {
		for _, p := range patterns {
			if !globImplies(t, p, f) {
				t.Errorf("pattern %s does not hold prefilter %s", p, f)
			}
		}
		// The check itself can say no: a pattern without the run fails it.
		if globImplies(t, "*[^0-9]0[1-9]-0[1-9]-[0-9][0-9]-x[0-9][0-9][0-9][^0-9]*", f) {
			t.Errorf("a pattern with only three digits at its end passes %s", f)
		}
		globAgreesWithSQLite(t, s, f, patterns)
	}
}

// globToken is one element of a GLOB pattern: '*' (any run), or one
// character out of a set.
type globToken struct {
	star  bool
	text  string
	chars globSet
}

// globSet is a set of characters: the ranges, or (negated) all but them.
type globSet struct {
	negated bool
	ranges  [][2]rune
}

func (c globSet) has(r rune) bool {
	in := false
	for _, rg := range c.ranges {
		in = in || (rg[0] <= r && r <= rg[1])
	}
	return in != c.negated
}

// within reports whether every character of c is in d.
func (c globSet) within(d globSet) bool {
	if c.negated && !d.negated {
		return false
	}
	for _, rg := range d.ranges {
		for r := rg[0]; c.negated && r <= rg[1]; r++ {
			if c.has(r) { // d leaves r out, so must c
				return false
			}
		}
	}
	for _, rg := range c.ranges {
		for r := rg[0]; !c.negated && r <= rg[1]; r++ {
			if !d.has(r) {
				return false
			}
		}
	}
	return true
}

// globTokens splits a GLOB pattern as SQLite's patternCompare reads it:
// '[' opens a set, '^' first negates it, ']' first is a member, and '-'
// between two members (not after a range) makes a range.
func globTokens(t *testing.T, p string) []globToken {
	t.Helper()
	var ts []globToken
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		start := i
		i += n
		switch r {
		case '*':
			ts = append(ts, globToken{star: true, text: "*"})
		case '?':
			ts = append(ts, globToken{text: "?", chars: globSet{negated: true}})
		case '[':
			var c globSet
			next := func() rune {
				if i >= len(p) {
					t.Fatalf("unclosed set in %s", p)
				}
				r, n := utf8.DecodeRuneInString(p[i:])
				i += n
				return r
			}
			c2 := next()
			if c2 == '^' {
				c.negated = true
				c2 = next()
			}
			if c2 == ']' {
				c.ranges = append(c.ranges, [2]rune{']', ']'})
				c2 = next()
			}
			var prior rune
			for c2 != ']' {
				if c2 == '-' && prior > 0 && i < len(p) && p[i] != ']' {
					hi := next()
					c.ranges = append(c.ranges, [2]rune{prior, hi})
					prior = 0
				} else {
					c.ranges = append(c.ranges, [2]rune{c2, c2})
					prior = c2
				}
				c2 = next()
			}
			ts = append(ts, globToken{text: p[start:i], chars: c})
		default:
			ts = append(ts, globToken{text: string(r), chars: globSet{ranges: [][2]rune{{r, r}}}})
		}
	}
	return ts
}

// globImplies reports whether every text that pattern p matches also
// matches prefilter f, where f is '*', single characters and '*': p must
// hold as many single characters in a row, each within f's in its place.
func globImplies(t *testing.T, p, f string) bool {
	t.Helper()
	ft := globTokens(t, f)
	if len(ft) < 3 || !ft[0].star || !ft[len(ft)-1].star {
		t.Fatalf("prefilter %s is not '*…*'", f)
	}
	run := ft[1 : len(ft)-1]
	pt := globTokens(t, p)
	for i := 0; i+len(run) <= len(pt); i++ {
		ok := true
		for j, want := range run {
			if want.star {
				t.Fatalf("prefilter %s has a '*' inside", f)
			}
			ok = ok && !pt[i+j].star && pt[i+j].chars.within(want.chars)
		}
		if ok {
			return true
		}
	}
	return false
}

// globAgreesWithSQLite holds globTokens to SQLite's own reading: each
// set of the prefilter and the patterns takes and leaves out the same
// characters in SQLite's GLOB as in globSet.has.
func globAgreesWithSQLite(t *testing.T, s *Store, f string, patterns []string) {
	t.Helper()
	probe := []rune("az AZ|^]-*?[.0123456789\u00e6\u00f8\u00e5")
	sets := map[string]globToken{}
	for _, p := range append([]string{f}, patterns...) {
		for _, tok := range globTokens(t, p) {
			if !tok.star {
				sets[tok.text] = tok
			}
			for _, rg := range tok.chars.ranges {
				probe = append(probe, rg[0], rg[1], rg[0]-1, rg[1]+1)
			}
		}
	}
	for _, tok := range sets {
		for _, r := range probe {
			if r <= 0 {
				continue
			}
			var sqliteHas bool
			if err := s.DB().QueryRow(`SELECT ? GLOB ?`, string(r), tok.text).Scan(&sqliteHas); err != nil {
				t.Fatal(err)
			}
			if sqliteHas != tok.chars.has(r) {
				t.Errorf("%q GLOB %q: SQLite says %v, the check %v", string(r), tok.text, sqliteHas, tok.chars.has(r))
			}
		}
	}
}
