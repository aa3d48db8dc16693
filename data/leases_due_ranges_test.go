// These checks compare SQL with SQL in one goroutine, over thousands of
// statements: the plain test run holds them; under the race detector, which
// has nothing to look for here, they would take a quarter of an hour.

//go:build !race

package data

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// leasesDueByOneScan is how LeasesDue read the leases before it split its
// condition into index ranges: every lease not archived and not ended,
// kept by one OR of the three cases. The ranges must find the same dates.
const leasesDueByOneScan = `SELECT l.id, t.name, t.sort_key, l.start_on, l.end_on, l.non_terminable_months,
	l.notice_months_landlord, l.notice_months_tenant, l.notice_given_on, l.notice_given_by
	FROM leases l JOIN organisations t ON t.id = l.tenant_id
	WHERE l.archived_at IS NULL AND (l.end_on IS NULL OR l.end_on >= ?1)
	  AND (l.end_on <= ?2 OR l.notice_given_on IS NOT NULL
	       OR date(l.start_on, '+' || l.non_terminable_months || ' months') > ?1)`

// TestLeasesDueRangesFindWhatOneScanFinds compares LeasesDue with the one
// scan on the big test database, made to hold every case: leases given
// notice without an end date, archived leases, and windows from a day to
// more than a year, on days from before the first lease to after the last.
func TestLeasesDueRangesFindWhatOneScanFinds(t *testing.T) {
	ctx := context.Background()
	s, err := Open(bigDBCopy(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, stmt := range []string{
		`UPDATE leases SET end_on = NULL WHERE notice_given_on IS NOT NULL AND id % 3 = 0`,
		`UPDATE leases SET notice_given_on = start_on, notice_given_by = 'lejer' WHERE notice_given_on IS NULL AND end_on IS NULL AND id % 11 = 0`,
		`UPDATE leases SET archived_at = updated_at WHERE id % 13 = 0`,
	} {
		if _, err := s.db.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	var noticeOpen, firstEnds int
	if err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM leases WHERE archived_at IS NULL AND end_on IS NULL AND notice_given_on IS NOT NULL),
		(SELECT count(*) FROM leases WHERE archived_at IS NULL AND notice_given_on IS NULL AND non_terminable_months > 0)`).
		Scan(&noticeOpen, &firstEnds); err != nil || noticeOpen == 0 || firstEnds == 0 {
		t.Fatalf("the test database lacks a case: %d given notice without an end, %d non-terminable (%v)",
			noticeOpen, firstEnds, err)
	}
	found := 0
	// Every ten weeks or so, each time on another day of the month, from
	// before the first lease to after the last.
	for from := time.Date(2013, 1, 1, 0, 0, 0, 0, time.UTC); from.Year() < 2030; from = from.AddDate(0, 2, 7) {
		for _, days := range []int{0, 30, DueWindow, 400} {
			until := from.AddDate(0, 0, days)
			got, err := s.LeasesDue(ctx, from, until)
			if err != nil {
				t.Fatal(err)
			}
			want, err := s.leasesDue(ctx, from, until, leasesDueByOneScan)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s to %s: the ranges find %d dates, the one scan %d", from.Format(time.DateOnly),
					until.Format(time.DateOnly), len(got), len(want))
			}
			found += len(got)
		}
	}
	if found == 0 {
		t.Fatal("no lease had anything due on any day: the comparison compared nothing")
	}
}
