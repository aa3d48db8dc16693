package csvio

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// The export reads each register page by page (1.000 rows, 500 leases);
// a register one row longer than a page comes out whole, and the count
// Export returns is the number of rows written.
func TestExportOneRowPastAPage(t *testing.T) {
	for _, tc := range []struct {
		kind string
		rows int
	}{{"partners", 1001}, {"rooms", 1001}, {"leases", 501}, {"placements", 1001}} {
		t.Run(tc.kind, func(t *testing.T) {
			s := openStore(t)
			fill(t, s, tc.kind, tc.rows)
			var b bytes.Buffer
			n, err := Export(context.Background(), s, tc.kind, &b)
			if err != nil {
				t.Fatal(err)
			}
			if lines := strings.Count(b.String(), "\r\n") - 1; n != tc.rows || lines != tc.rows {
				t.Errorf("Export = %d rows, the file has %d; the register has %d", n, lines, tc.rows)
			}
			if last := fmt.Sprintf("R%04d", tc.rows-1); !strings.Contains(b.String(), last) {
				t.Errorf("the last row (%s) is missing", last)
			}
		})
	}
}

// fill writes n records of kind named R0000, R0001, … with raw SQL (the
// save paths would take seconds for what only the count matters in).
func fill(t *testing.T, s *data.Store, kind string, n int) {
	t.Helper()
	ctx := context.Background()
	tx, err := s.DB().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	exec := func(q string, args ...any) int64 {
		t.Helper()
		res, err := tx.ExecContext(ctx, q, args...)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		id, _ := res.LastInsertId()
		return id
	}
	const now = "2015-03-01T09:30:00Z"
	org := func(name, kind string) int64 {
		return exec(`INSERT INTO organisations (name, sort_key, search_text, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
			name, dk.SortKey(name), dk.Fold(name), kind, now, now)
	}
	name := func(i int) string { return fmt.Sprintf("R%04d", i) }
	switch kind {
	case "partners":
		for i := range n {
			org(name(i), "andet")
		}
	case "rooms":
		p := exec(`INSERT INTO premises (name, sort_key, created_at, updated_at) VALUES ('Huset', ?, ?, ?)`, dk.SortKey("Huset"), now, now)
		for i := range n {
			exec(`INSERT INTO rooms (premises_id, name, sort_key, area_m2, created_at, updated_at) VALUES (?, ?, ?, 10, ?, ?)`,
				p, name(i), dk.SortKey(name(i)), now, now)
		}
	case "leases":
		landlord := org("Udlejer", "boligorganisation")
		for i := range n {
			exec(`INSERT INTO leases (landlord_id, tenant_id, start_on, created_at, updated_at) VALUES (?, ?, '2015-01-01', ?, ?)`,
				landlord, org(name(i), "virksomhed"), now, now)
		}
	case "placements":
		enterprise := org("Virksomheden", "virksomhed")
		for i := range n {
			exec(`INSERT INTO placements (pseudonym, search_text, organisation_id, scheme_id, start_on, created_at, updated_at)
				VALUES (?, ?, ?, (SELECT id FROM schemes WHERE code = 'fleksjob'), '2015-01-01', ?, ?)`,
				name(i), dk.Fold(name(i)), enterprise, now, now)
		}
	default:
		t.Fatalf("no such kind %q", kind)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// failingWriter fails every write after the first limit bytes.
type failingWriter struct {
	limit int
	n     int
}

var errDiskFull = errors.New("disken er fuld")

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n+len(p) > w.limit {
		return 0, errDiskFull
	}
	w.n += len(p)
	return len(p), nil
}

// A file that cannot be written is an error, never a short file passed off
// as the whole register.
func TestExportReportsAWriteThatFails(t *testing.T) {
	small := demoStore(t)
	large := openStore(t)
	fill(t, large, "placements", 1001)
	for _, tc := range []struct {
		name  string
		s     *data.Store
		kind  string
		limit int
	}{
		{"at the end", small, "partners", 100},
		{"at the start", small, "partners", 0},
		{"in the middle of a long file", large, "placements", 10_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := Export(context.Background(), tc.s, tc.kind, &failingWriter{limit: tc.limit})
			if !errors.Is(err, errDiskFull) {
				t.Errorf("Export = %d, %v; want the write error", n, err)
			}
		})
	}
}

// A municipal unit whose municipality is archived still names it, so the
// file reads back with the unit under its municipality.
func TestExportNamesAnArchivedMunicipality(t *testing.T) {
	s := demoStore(t)
	if err := s.ArchiveOrganisation(context.Background(), orgByName(t, s, "Slagelse Kommune").ID); err != nil {
		t.Fatal(err)
	}
	text := export(t, s, "partners")
	if !strings.Contains(text, "\r\nJobcenter Slagelse;Kommunal enhed;Slagelse Kommune;29188505;") {
		t.Errorf("the unit does not name its archived municipality:\n%s", text)
	}
	if strings.Contains(text, "\r\nSlagelse Kommune;") {
		t.Errorf("the archived municipality is exported:\n%s", text)
	}
}
