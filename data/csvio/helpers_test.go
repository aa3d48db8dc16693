package csvio

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"partnerskab/data"
)

// openStore opens a fresh database with a fixed clock.
func openStore(tb testing.TB) *data.Store {
	tb.Helper()
	s, err := data.Open(filepath.Join(tb.TempDir(), "partnerskab.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	s.Now = func() time.Time { return time.Date(2015, 3, 1, 9, 30, 0, 0, time.UTC) }
	tb.Cleanup(func() { s.Close() })
	return s
}

// demoStore opens a fresh database with the seed's case loaded.
func demoStore(tb testing.TB) *data.Store {
	tb.Helper()
	s := openStore(tb)
	if err := s.LoadDemo(context.Background()); err != nil {
		tb.Fatalf("LoadDemo: %v", err)
	}
	return s
}

// csvText joins lines the way Danish Excel saves them: CRLF line ends.
func csvText(lines ...string) string { return strings.Join(lines, "\r\n") + "\r\n" }

// importText imports text as a file of kind.
func importText(tb testing.TB, s *data.Store, kind, text string) (int, error) {
	tb.Helper()
	return Import(context.Background(), s, kind, strings.NewReader(text), "test.csv")
}

// mustImport imports text and fails the test unless every row went in.
func mustImport(tb testing.TB, s *data.Store, kind, text string) int {
	tb.Helper()
	n, err := importText(tb, s, kind, text)
	if err != nil {
		tb.Fatalf("import %s: %v", kind, err)
	}
	return n
}

// wantProblems asserts that err is an ImportError with exactly these lines.
func wantProblems(tb testing.TB, err error, want ...string) {
	tb.Helper()
	ie, ok := data.AsImportError(err)
	if !ok {
		tb.Fatalf("error %v (%T) is not an ImportError; want %q", err, err, want)
	}
	var got []string
	for _, p := range ie.Problems {
		got = append(got, p.Error())
	}
	if !slices.Equal(got, want) {
		tb.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func count(tb testing.TB, s *data.Store, table string) int {
	tb.Helper()
	var n int
	if err := s.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		tb.Fatalf("count %s: %v", table, err)
	}
	return n
}

// counts counts the rows of every table an import can write.
func counts(tb testing.TB, s *data.Store) map[string]int {
	tb.Helper()
	m := map[string]int{}
	for _, t := range []string{"organisations", "approvals", "premises", "rooms", "leases", "lease_rooms",
		"positions", "placements", "events"} {
		m[t] = count(tb, s, t)
	}
	return m
}

func sameCounts(tb testing.TB, before, after map[string]int) {
	tb.Helper()
	for t, n := range before {
		if after[t] != n {
			tb.Errorf("%s: %d rows before, %d after; a refused import must write nothing", t, n, after[t])
		}
	}
}

// export writes kind to a string.
func export(tb testing.TB, s *data.Store, kind string) string {
	tb.Helper()
	var b bytes.Buffer
	if _, err := Export(context.Background(), s, kind, &b); err != nil {
		tb.Fatalf("export %s: %v", kind, err)
	}
	return b.String()
}

// orgByName reads one organisation by its name.
func orgByName(tb testing.TB, s *data.Store, name string) data.Organisation {
	tb.Helper()
	var id int64
	if err := s.DB().QueryRow("SELECT id FROM organisations WHERE name = ?", name).Scan(&id); err != nil {
		tb.Fatalf("organisation %q: %v", name, err)
	}
	o, err := s.Organisation(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	return o
}
