package data

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// What follows from a lease's terms: the money, the status on a day, when
// it can end and when notice must be given. This is the one place these
// rules live; the lease form, the overview and the agreement templates all
// ask here.

// LeaseStatus is where a lease stands on a given day.
type LeaseStatus string

// The statuses, in the order the list's filter offers them.
const (
	LeaseActive      LeaseStatus = "aktiv"
	LeasePlanned     LeaseStatus = "planlagt" // starts after the day
	LeaseNoticeGiven LeaseStatus = "opsagt"   // notice given, end not passed
	LeaseEnded       LeaseStatus = "ophoert"  // its end lies before the day
)

// LeaseStatuses lists the statuses in the order the list's filter offers them.
var LeaseStatuses = []LeaseStatus{LeaseActive, LeasePlanned, LeaseNoticeGiven, LeaseEnded}

// Label is the status's Danish name.
func (s LeaseStatus) Label() string {
	switch s {
	case LeaseActive:
		return "Aktiv"
	case LeasePlanned:
		return "Planlagt"
	case LeaseNoticeGiven:
		return "Opsagt"
	case LeaseEnded:
		return "Ophørt"
	}
	return string(s)
}

// NoticeDeadline is, for one side of a lease, the next day the lease can end
// if that side gives notice, and the last day that notice can be given.
type NoticeDeadline struct {
	Side         LeaseSide
	NoticeMonths int
	NextEnd      time.Time
	LastNotice   time.Time
	// FirstEnd tells that NextEnd is the first end the lease allows (when
	// its non-terminable period runs out, or its first month): a
	// milestone, also in the month whose notice just reaches it. Once
	// notice can end the lease later than that, every month has a last
	// notice day and FirstEnd is false.
	FirstEnd bool
}

// LeaseTerms is what follows from a lease's terms on a given day.
type LeaseTerms struct {
	AreaM2      float64
	YearlyRent  int64 // øre
	MonthlyRent int64 // øre
	Deposit     int64 // øre
	Status      LeaseStatus
	// End is the day the lease ends: its end date, or for a lease given
	// notice without one, the end the notice gives. Zero: open-ended.
	End time.Time
	// Deadlines holds the landlord's and the tenant's next possible end;
	// empty once notice is given or the lease has ended.
	Deadlines []NoticeDeadline
	Missing   []ApprovalBody // approvals the lease needs and lacks
}

// Terms computes what follows from the lease on day. rooms are the lease's
// rooms; rooms whose id is not in l.RoomIDs are ignored, so a caller may
// pass a wider list (the form passes the rooms it shows).
//
// Money is exact in øre: the yearly rent is area × rent per m², rounded to
// the nearest øre; the monthly rent is the yearly rent / 12, rounded; the
// deposit is the monthly rent × the months of deposit, rounded. Halves
// round up (away from zero).
func (l Lease) Terms(rooms []Room, day time.Time) LeaseTerms {
	var t LeaseTerms
	for _, r := range rooms {
		if slices.Contains(l.RoomIDs, r.ID) {
			t.AreaM2 += r.AreaM2
		}
	}
	t.AreaM2 = math.Round(t.AreaM2*100) / 100
	t.YearlyRent = int64(math.Round(t.AreaM2 * float64(l.RentPerM2Year)))
	t.MonthlyRent = (t.YearlyRent + 6) / 12
	t.Deposit = int64(math.Round(float64(t.MonthlyRent) * l.DepositMonths))
	t.End = l.End
	if t.End.IsZero() && !l.NoticeGivenOn.IsZero() && l.NoticeGivenBy != "" {
		t.End = EndAfterNotice(l, l.NoticeGivenBy, l.NoticeGivenOn)
	}
	t.Status = l.statusOn(t.End, day)
	if t.Status == LeaseActive || t.Status == LeasePlanned {
		t.Deadlines = LeaseDeadlines(l, day)
	}
	t.Missing = MissingApprovals(l)
	return t
}

// Status is the lease's status on day (see Terms).
func (l Lease) Status(day time.Time) LeaseStatus {
	end := l.End
	if end.IsZero() && !l.NoticeGivenOn.IsZero() && l.NoticeGivenBy != "" {
		end = EndAfterNotice(l, l.NoticeGivenBy, l.NoticeGivenOn)
	}
	return l.statusOn(end, day)
}

// statusOn: ended once the end has passed; given notice from the day notice
// was given; planned before the start; otherwise active. LeaseQuery.where says the
// same in SQL.
func (l Lease) statusOn(end, day time.Time) LeaseStatus {
	day = dateOf(day)
	switch {
	case !end.IsZero() && end.Before(day):
		return LeaseEnded
	case !l.NoticeGivenOn.IsZero() && !l.NoticeGivenOn.After(day):
		return LeaseNoticeGiven
	case l.Start.After(day):
		return LeasePlanned
	}
	return LeaseActive
}

// The notice rule, as Danish business leases usually write it ("løbende
// måned + N måneders varsel"): notice given on any day of a month runs to
// the end of the month N months later. And a lease that is non-terminable
// for its first M months cannot end before those months are over, that is
// before start + M months − 1 day (a lease from 1.9.2015 non-terminable for
// 12 months can end on 31.8.2016 at the earliest). Leases end on the last
// day of a month. So, for notice given on day:
//
//	earliest end = the last day of the month holding the latest of
//	               day + N months (counted in whole months),
//	               start + M months − 1 day, and start
//	last notice  = the last day of the month N months before that end
//
// Month arithmetic never overflows into the next month: 31.1 + 1 month is
// 29.2 (or 28.2), not 2.3.

// EndAfterNotice is the end that notice given on day by side gives.
func EndAfterNotice(l Lease, side LeaseSide, day time.Time) time.Time {
	y, m, _ := dateOf(day).Date()
	end := monthEnd(y, m+time.Month(l.noticeMonths(side)))
	if first := l.firstEnd(); first.After(end) {
		return first
	}
	return end
}

// firstEnd is the first end the lease allows: the last day of the month in
// which its non-terminable period runs out (start + M months − 1 day, which
// for M = 0 is before the start), or in which it starts.
func (l Lease) firstEnd() time.Time {
	first := l.Start
	if nt := addMonths(l.Start, l.NonTerminableMonths).AddDate(0, 0, -1); nt.After(first) {
		first = nt
	}
	y, m, _ := first.Date()
	return monthEnd(y, m)
}

func (l Lease) noticeMonths(side LeaseSide) int {
	if side == Landlord {
		return l.NoticeMonthsLandlord
	}
	return l.NoticeMonthsTenant
}

// Deadline is side's next possible end of the lease seen from day and the
// last day notice can be given for it. ok is false when there is nothing to
// give notice for: the lease is archived, has been given notice, has ended,
// or ends by its end date before notice could end it.
func (l Lease) Deadline(side LeaseSide, day time.Time) (d NoticeDeadline, ok bool) {
	if l.Archived() || !l.NoticeGivenOn.IsZero() || l.Start.IsZero() {
		return d, false
	}
	day = dateOf(day)
	if !l.End.IsZero() && l.End.Before(day) {
		return d, false
	}
	n := l.noticeMonths(side)
	end := EndAfterNotice(l, side, day)
	if !l.End.IsZero() && !l.End.After(end) {
		return d, false
	}
	y, m, _ := end.Date()
	return NoticeDeadline{Side: side, NoticeMonths: n, NextEnd: end, LastNotice: monthEnd(y, m-time.Month(n)),
		FirstEnd: end.Equal(l.firstEnd())}, true
}

// LeaseDeadlines lists the landlord's and the tenant's deadlines (see
// Deadline), landlord first; sides with nothing to give notice for are
// left out.
func LeaseDeadlines(l Lease, day time.Time) []NoticeDeadline {
	var out []NoticeDeadline
	for _, side := range []LeaseSide{Landlord, Tenant} {
		if d, ok := l.Deadline(side, day); ok {
			out = append(out, d)
		}
	}
	return out
}

// RequiredApprovals lists the approvals a lease needs. Letting common rooms
// of non-profit housing to an outside enterprise needs the residents'
// meeting and the association's board; a partial letting also needs the
// side-activity company.
func RequiredApprovals(l Lease) []ApprovalBody {
	need := []ApprovalBody{ApprovalResidents, ApprovalBoard}
	if l.PartialLetting {
		need = append(need, ApprovalSubsidiary)
	}
	return need
}

// MissingApprovals lists the approvals the lease needs but lacks; an
// approval counts when its date is recorded (a reference alone is a
// meeting yet to be held). Such a lease can be saved; it shows as
// "mangler godkendelse".
func MissingApprovals(l Lease) []ApprovalBody {
	var out []ApprovalBody
	for _, b := range RequiredApprovals(l) {
		if a, ok := l.Approval(b); !ok || a.ApprovedOn.IsZero() {
			out = append(out, b)
		}
	}
	return out
}

// dateOf is t's calendar date at 00:00 UTC, the form dates are kept in.
func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// monthEnd is the last day of month m of year y; m may run past 12 or below 1.
func monthEnd(y int, m time.Month) time.Time {
	return time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
}

// addMonths adds n months to t, keeping the day but never running into
// the month after (31.1 + 1 month = 29.2 in a leap year).
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	last := monthEnd(y, m+time.Month(n))
	if d > last.Day() {
		d = last.Day()
	}
	return time.Date(last.Year(), last.Month(), d, 0, 0, 0, 0, time.UTC)
}

// CountLeasesByStatus counts the leases (not archived) per status on day,
// with LeaseQuery's conditions: ended (an end before day), notice given
// (on or before day, not ended), planned (starting after day, neither),
// and active (the rest). Each is a count over a range of the leases_status
// index, with no expression to work out per lease.
func (s *Store) CountLeasesByStatus(ctx context.Context, day time.Time) (map[LeaseStatus]int, error) {
	iso := dk.ISODate(day)
	var all, ended, notice, planned int
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM leases WHERE archived_at IS NULL),
		(SELECT count(*) FROM leases WHERE archived_at IS NULL AND end_on < ?1),
		(SELECT count(*) FROM leases WHERE archived_at IS NULL AND (end_on IS NULL OR end_on >= ?1)
			AND notice_given_on <= ?1),
		(SELECT count(*) FROM leases WHERE archived_at IS NULL AND (end_on IS NULL OR end_on >= ?1)
			AND (notice_given_on IS NULL OR notice_given_on > ?1) AND start_on > ?1)`, iso).
		Scan(&all, &ended, &notice, &planned)
	if err != nil {
		return nil, err
	}
	return map[LeaseStatus]int{LeaseEnded: ended, LeaseNoticeGiven: notice, LeasePlanned: planned,
		LeaseActive: all - ended - notice - planned}, nil
}

// LeaseDueKind is what falls due on a lease.
type LeaseDueKind string

// What can fall due.
const (
	DueLastNotice LeaseDueKind = "opsigelsesfrist" // the last day a side can give notice for the next possible end
	DueEnd        LeaseDueKind = "ophoer"          // the lease ends
)

// LeaseDue is one date that falls due on a lease.
type LeaseDue struct {
	LeaseID int64
	Title   string // "Bevar — Systue, Lager ved systuen"
	Kind    LeaseDueKind
	Date    time.Time
	Side    LeaseSide // for DueLastNotice
	NextEnd time.Time // for DueLastNotice: the end that notice gives
	// FirstEnd (for DueLastNotice): NextEnd is the first end the lease
	// allows (see NoticeDeadline.FirstEnd); false for the month-by-month
	// deadline of a lease past its non-terminable period.
	FirstEnd bool
}

// LeasesDue lists the dates from day to until (both included) on leases that
// are not archived or ended: the ends, and the last notice day per side for
// the first end a lease allows (when its non-terminable period runs out).
// Past that period an open-ended lease can be given notice every month; a
// deadline that comes round every month is no deadline, so it is not listed.
// Soonest first, then by tenant (Danish order) and lease number.
func (s *Store) LeasesDue(ctx context.Context, day, until time.Time) ([]LeaseDue, error) {
	return s.leasesDue(ctx, day, until, leasesDueQuery)
}

// leasesDueQuery reads the leases LeasesDue works the dates out for.
// The dates come from the terms alone, in three index ranges that
// together hold every lease with something due, each lease in one:
// an end in the window (leases_status); notice given without an end
// date (leases_status: the end follows from the notice); and neither,
// while the non-terminable period still runs (leases_first_end, by the
// date it runs out). A lease given notice that ends after the window
// has nothing due in it (no deadline once notice is given), so none of
// the ranges reads it. The titles (tenant and rooms) are read
// afterwards for the leases that have something due.
const leasesDueQuery = `SELECT l.id, t.name, t.sort_key, l.start_on, l.end_on, l.non_terminable_months,
	l.notice_months_landlord, l.notice_months_tenant, l.notice_given_on, l.notice_given_by
	FROM leases l JOIN organisations t ON t.id = l.tenant_id
	WHERE l.archived_at IS NULL AND l.end_on BETWEEN ?1 AND ?2
UNION ALL SELECT l.id, t.name, t.sort_key, l.start_on, l.end_on, l.non_terminable_months,
	l.notice_months_landlord, l.notice_months_tenant, l.notice_given_on, l.notice_given_by
	FROM leases l JOIN organisations t ON t.id = l.tenant_id
	WHERE l.archived_at IS NULL AND l.end_on IS NULL AND l.notice_given_on IS NOT NULL
UNION ALL SELECT l.id, t.name, t.sort_key, l.start_on, l.end_on, l.non_terminable_months,
	l.notice_months_landlord, l.notice_months_tenant, NULL, NULL
	FROM leases l INDEXED BY leases_first_end JOIN organisations t ON t.id = l.tenant_id
	WHERE l.archived_at IS NULL AND l.notice_given_on IS NULL
	  AND date(l.start_on, '+' || l.non_terminable_months || ' months') > ?1
	  AND (l.end_on IS NULL OR l.end_on > ?2)`

// leasesDue is LeasesDue reading the leases with q (?1 the day, ?2 until).
func (s *Store) leasesDue(ctx context.Context, day, until time.Time, q string) ([]LeaseDue, error) {
	day, until = dateOf(day), dateOf(until)
	rows, err := s.db.QueryContext(ctx, q, dk.ISODate(day), dk.ISODate(until))
	if err != nil {
		return nil, err
	}
	var out []LeaseDue
	tenants := map[int64]string{}
	keys := map[int64][]byte{} // the tenant's sort key, for the order
	within := func(t time.Time) bool { return !t.IsZero() && !t.Before(day) && !t.After(until) }
	for rows.Next() {
		var l Lease
		var start string
		var key []byte
		var end, noticeOn, noticeBy sql.NullString
		if err := rows.Scan(&l.ID, &l.TenantName, &key, &start, &end, &l.NonTerminableMonths, &l.NoticeMonthsLandlord,
			&l.NoticeMonthsTenant, &noticeOn, &noticeBy); err != nil {
			rows.Close()
			return nil, err
		}
		l.Start = dateCol(sql.NullString{String: start, Valid: true})
		l.End, l.NoticeGivenOn, l.NoticeGivenBy = dateCol(end), dateCol(noticeOn), LeaseSide(noticeBy.String)
		n := len(out)
		e := l.End
		if e.IsZero() && !l.NoticeGivenOn.IsZero() && l.NoticeGivenBy != "" {
			e = EndAfterNotice(l, l.NoticeGivenBy, l.NoticeGivenOn)
		}
		if within(e) {
			out = append(out, LeaseDue{LeaseID: l.ID, Kind: DueEnd, Date: e})
		}
		for _, d := range LeaseDeadlines(l, day) {
			if d.FirstEnd && l.NoticeGivenOn.IsZero() && within(d.LastNotice) {
				out = append(out, LeaseDue{LeaseID: l.ID, Kind: DueLastNotice, Date: d.LastNotice, Side: d.Side,
					NextEnd: d.NextEnd, FirstEnd: d.FirstEnd})
			}
		}
		if len(out) > n {
			tenants[l.ID], keys[l.ID] = l.TenantName, key
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	ids := make([]int64, 0, len(tenants))
	for id := range tenants {
		ids = append(ids, id)
	}
	rooms, err := s.leaseRoomNames(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Title = tenants[out[i].LeaseID]
		if r := rooms[out[i].LeaseID]; len(r) > 0 {
			out[i].Title += " — " + strings.Join(r, ", ")
		}
	}
	// Soonest first, then by tenant the Danish way (the stored sort key:
	// collating thousands of titles here would cost more than the rest),
	// then by lease, landlord's notice before the tenant's.
	type keyed struct {
		key []byte
		d   LeaseDue
	}
	ks := make([]keyed, len(out))
	for i, d := range out {
		ks[i] = keyed{keys[d.LeaseID], d}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := a.d.Date.Compare(b.d.Date); c != 0 {
			return c
		}
		if c := bytes.Compare(a.key, b.key); c != 0 {
			return c
		}
		if c := cmp.Compare(a.d.LeaseID, b.d.LeaseID); c != 0 {
			return c
		}
		if c := cmp.Compare(a.d.Kind, b.d.Kind); c != 0 {
			return -c // opsigelsesfrist before ophoer
		}
		return -cmp.Compare(a.d.Side, b.d.Side) // udlejer before lejer
	})
	for i := range ks {
		out[i] = ks[i].d
	}
	return out, nil
}

// leaseRoomNames reads the names of the rooms of the given leases, each
// lease's in Danish order. The ids go in as one JSON array, so there is no
// limit on how many; the rooms are sorted here, per lease, by their stored
// keys, which spares SQLite a sort of every row.
func (s *Store) leaseRoomNames(ctx context.Context, ids []int64) (map[int64][]string, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT lr.lease_id, r.name, r.sort_key FROM json_each(?) j
		JOIN lease_rooms lr ON lr.lease_id = j.value JOIN rooms r ON r.id = lr.room_id`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type room struct {
		name string
		key  []byte
	}
	byLease := map[int64][]room{}
	for rows.Next() {
		var id int64
		var r room
		if err := rows.Scan(&id, &r.name, &r.key); err != nil {
			return nil, err
		}
		byLease[id] = append(byLease[id], r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make(map[int64][]string, len(byLease))
	for id, rs := range byLease {
		slices.SortFunc(rs, func(a, b room) int { return bytes.Compare(a.key, b.key) })
		names := make([]string, len(rs))
		for i, r := range rs {
			names[i] = r.name
		}
		out[id] = names
	}
	return out, nil
}
