package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The registers' budgets (issue 3) are measured on a database the size of a
// large partnership run for many years: 5.000 enterprises, 20.000 rooms in
// 2.000 premises, 10.000 leases and 100.000 placements. The tests that read
// a big database for its mix rather than its size (the overview's counts
// against the placements one by one) get one built by the same code with a
// tenth of the enterprises and placements, the rows that cost the time; the
// premises and leases stay, so every kind of lease deadline is there.
type bigSize = SampleSize

var (
	benchSize = LargeSample
	testSize  = SampleSize{Enterprises: 500, Premises: 2_000, RoomsPer: 10, Leases: 10_000, Placements: 10_000,
		Agreements: 3_000, Landlords: 40}
)

// bigDBDay is "today" in the big database.
var bigDBDay = SampleDay

// bigFile is one big database, taken from the shared cache (CachedSample)
// once per test binary; a benchmark's is checked to hold what it promises
// before it is measured.
type bigFile struct {
	size    bigSize
	once    sync.Once
	path    string
	err     error
	checked bool
}

var (
	bigBench = &bigFile{size: benchSize, checked: true}
	bigTest  = &bigFile{size: testSize}
)

// bigDB returns the path of the big database: full size for a benchmark,
// testSize for a test. It is shared with other test processes: whoever
// writes must work on bigDBCopy.
func bigDB(tb testing.TB) string {
	tb.Helper()
	f := bigTest
	if _, bench := tb.(*testing.B); bench {
		f = bigBench
	}
	f.once.Do(func() {
		if f.path, f.err = CachedSample(f.size); f.err == nil && f.checked {
			f.err = checkBigDB(f.path, f.size)
		}
	})
	if f.err != nil {
		tb.Fatalf("building the big database: %v", f.err)
	}
	return f.path
}

// bigDBCopy returns a private copy of the big database in tb.TempDir(), for
// a benchmark or test that writes (an import, a deletion).
func bigDBCopy(tb testing.TB) string {
	tb.Helper()
	src := bigDB(tb)
	dst := filepath.Join(tb.TempDir(), "partnerskab.db")
	in, err := os.Open(src)
	if err != nil {
		tb.Fatalf("copy big database: %v", err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		tb.Fatalf("copy big database: %v", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		tb.Fatalf("copy big database: %v", err)
	}
	if err := out.Close(); err != nil {
		tb.Fatalf("copy big database: %v", err)
	}
	return dst
}

// TestBigDB checks that the big database holds what its name promises,
// at the tests' size; a benchmark checks its own the same way.
func TestBigDB(t *testing.T) {
	if err := checkBigDB(bigDB(t), testSize); err != nil {
		t.Error(err)
	}
}

// checkBigDB checks that the big database at path holds size's records, no
// two leases of a room overlap, and the mix the overview and the lists must
// cope with is there.
func checkBigDB(path string, size bigSize) error {
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	var problems []string
	for _, c := range []struct {
		query string
		want  int
	}{
		{`SELECT count(*) FROM organisations WHERE kind = 'virksomhed'`, size.Enterprises},
		{`SELECT count(*) FROM premises`, size.Premises},
		{`SELECT count(*) FROM rooms`, size.Premises * size.RoomsPer},
		{`SELECT count(*) FROM leases`, size.Leases},
		{`SELECT count(*) FROM placements`, size.Placements},
		{`SELECT count(*) FROM agreements`, size.Agreements},
		// no two leases of one room overlap
		{`SELECT count(*) FROM lease_rooms a JOIN lease_rooms b ON a.room_id = b.room_id AND a.lease_id < b.lease_id
			JOIN leases la ON la.id = a.lease_id JOIN leases lb ON lb.id = b.lease_id
			WHERE la.start_on <= coalesce(lb.end_on, '9999-12-31') AND lb.start_on <= coalesce(la.end_on, '9999-12-31')`, 0},
	} {
		var n int
		if err := s.DB().QueryRow(c.query).Scan(&n); err != nil {
			return fmt.Errorf("%s: %w", c.query, err)
		}
		if n != c.want {
			problems = append(problems, fmt.Sprintf("%s = %d, want %d", c.query, n, c.want))
		}
	}
	// The mix the overview and the lists must cope with.
	for _, q := range []string{
		`SELECT count(*) FROM leases WHERE end_on IS NULL`,
		`SELECT count(*) FROM leases WHERE notice_given_on IS NOT NULL`,
		`SELECT count(*) FROM leases WHERE end_on < '2026-03-02'`,
		`SELECT count(*) FROM placements WHERE end_on IS NULL`,
		`SELECT count(*) FROM placements WHERE delete_by < '2026-03-02'`,
		`SELECT count(*) FROM placements WHERE delete_by BETWEEN '2026-03-02' AND '2026-05-31'`,
		`SELECT count(*) FROM organisations o WHERE kind = 'virksomhed' AND NOT EXISTS
			(SELECT 1 FROM approvals a WHERE a.organisation_id = o.id AND a.body = 'styregruppe')`,
		`SELECT count(*) FROM agreements WHERE valid_to BETWEEN '2026-03-02' AND '2026-05-31'`,
	} {
		var n int
		if err := s.DB().QueryRow(q).Scan(&n); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
		if n == 0 {
			problems = append(problems, q+" = 0; the big database should have some")
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}
