package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"partnerskab/data/dk"
)

// DueWindow is how far ahead the overview looks for what is due.
const DueWindow = 90 // days

// ChartMonths is how many months the overview's chart shows.
const ChartMonths = 24

// Overview is what the Overblik tab shows on one day: the targets against
// reality, the registers' key figures, what is due soon, and the chart.
type Overview struct {
	Day     time.Time
	Targets []Target // as Targets counts them on Day
	// Placed counts the placements active on Day whose scheme counts as a
	// job, exactly as the jobs target counts them; Residents counts those
	// of them who live in the area.
	Placed, Residents int
	// Leases counts the leases that are not archived by their status on
	// Day (the lease list's rule); LeasesTotal is their sum.
	Leases      map[LeaseStatus]int
	LeasesTotal int
	Agreements  []AgreementCount // every status, in AgreementStatuses' order
	Due         []DueItem        // soonest first
	Chart       PlacementChart
	Meetings    MeetingYear // Day's year against the memo's 5–7 meetings
}

// ResidentShare is the share of residents among the placed, 0 when nobody
// is placed.
func (o Overview) ResidentShare() float64 {
	if o.Placed == 0 {
		return 0
	}
	return float64(o.Residents) / float64(o.Placed)
}

// AgreementStatuses are an agreement's statuses in the order of its life.
var AgreementStatuses = []string{"draft", "pending", "signed", "rejected", "cancelled"}

var agreementStatusLabels = map[string]string{
	"draft": "Kladde", "pending": "Til underskrift", "signed": "Underskrevet", "rejected": "Afvist",
	"cancelled": "Annulleret",
}

// AgreementStatusLabel is a status's Danish name.
func AgreementStatusLabel(status string) string {
	if l, ok := agreementStatusLabels[status]; ok {
		return l
	}
	return status
}

// AgreementCount is how many agreements have one status.
type AgreementCount struct {
	Status string
	N      int
}

// DueKind says what is due.
type DueKind string

// The kinds of due row.
const (
	DueLeaseNotice       DueKind = "lease_notice"       // the last day a side can give notice for the lease's next end
	DueLeaseEnd          DueKind = "lease_end"          // the lease ends
	DueAgreementExpires  DueKind = "agreement_expires"  // a signed agreement's validity ends
	DuePlacementDelete   DueKind = "placement_delete"   // placements whose delete-by date is Date, a near day (Count of them)
	DuePlacementsOverdue DueKind = "placements_overdue" // placements past their delete-by date (Count of them)
	DueApprovalMissing   DueKind = "approval_missing"   // an enterprise the steering group has not approved
)

// The records a due row refers to, for the window to open.
const (
	EntityLease         = "lease"
	EntityPlacement     = "placement"
	EntityOrganisation  = "organisation"
	EntityAgreement     = "agreement"
	EntityPlacementsDue = "placements_due" // the staffing tab's list of placements due for deletion
)

// DueItem is one thing that is due: when, what, and the record it concerns.
type DueItem struct {
	Date    time.Time
	Kind    DueKind
	Subject string    // what it concerns: "Bevar — Systue, Lager ved systuen", "A.B., Bevar"
	Side    LeaseSide // DueLeaseNotice: who gives notice
	NextEnd time.Time // DueLeaseNotice: the end that notice gives
	Count   int       // DuePlacementsOverdue, DuePlacementDelete: how many; DueAgreementNotice: the notice period in months
	Text    string    // in Danish: "Sidste frist for opsigelse (lejer, til ophør 31.3.2017): Bevar — Systue"
	Entity  string    // EntityLease, EntityPlacement, …
	ID      int64     // the record's id (0 for EntityPlacementsDue)
	Late    bool      // dated before the day asked for: a deadline missed
}

// Overdue tells whether the item is late rather than coming: a missing
// approval, placements past their delete-by date, or a deadline missed.
func (d DueItem) Overdue() bool {
	return d.Late || d.Kind == DueApprovalMissing || d.Kind == DuePlacementsOverdue
}

// DueText is the Danish text of a due row.
func DueText(d DueItem) string {
	switch d.Kind {
	case DueLeaseNotice:
		// The end before the subject: a long list of rooms may be cut off
		// where the window is narrow, the date should not.
		who := "udlejer"
		if d.Side == Tenant {
			who = "lejer"
		}
		return fmt.Sprintf("Sidste frist for opsigelse (%s, til ophør %s): %s", who, dk.FormatDate(d.NextEnd), d.Subject)
	case DueLeaseEnd:
		return "Lejemål ophører: " + d.Subject
	case DueAgreementExpires:
		return "Aftale udløber: " + d.Subject
	case DueAgreementNotice:
		return agreementNoticeText(d)
	case DueAgreementEnds:
		return "Aftale ophører: " + d.Subject
	case DuePlacementDelete:
		if d.Count == 1 {
			return "1 placering skal slettes senest " + dk.FormatDate(d.Date)
		}
		return dk.FormatDecimal(float64(d.Count), 0) + " placeringer skal slettes senest " + dk.FormatDate(d.Date)
	case DuePlacementsOverdue:
		if d.Count == 1 {
			return "1 placering har passeret sin slettefrist: slet eller anonymisér den"
		}
		return dk.FormatDecimal(float64(d.Count), 0) + " placeringer har passeret deres slettefrist: slet eller anonymisér dem"
	case DueApprovalMissing:
		return "Styregruppens godkendelse mangler: " + d.Subject
	case DueMeetingCall:
		return "Indkald til mødet " + dk.FormatDate(d.NextEnd) + ": " + d.Subject
	case DueActionItem:
		return "Handlingspunkt: " + d.Subject
	case DueRiskReview:
		return "Gennemgang: " + d.Subject
	case DueGrantReport:
		return "Afrapportering af tilskud: " + d.Subject
	}
	return d.Subject
}

// MonthCount is how many placements were active in one month, by scheme id.
type MonthCount struct {
	Month    time.Time // the first day of the month
	ByScheme map[int64]int
}

// Total is the month's count over every scheme.
func (m MonthCount) Total() int {
	n := 0
	for _, v := range m.ByScheme {
		n += v
	}
	return n
}

// ChartScheme names a scheme in the chart's legend.
type ChartScheme struct {
	ID   int64
	Code string
	Name string
}

// PlacementChart is the placements active per month (a placement counts in
// every month it runs on at least one day), oldest month first, by scheme.
type PlacementChart struct {
	Schemes []ChartScheme // those with a placement in the period, in the schemes' order
	Months  []MonthCount
}

// Overview gathers what the Overblik tab shows on day.
func (s *Store) Overview(ctx context.Context, day time.Time) (Overview, error) {
	day = dateOf(day)
	o := Overview{Day: day}
	err := parallel(
		func() error {
			// One count of the running placements serves the targets and
			// the residents' share, so the two can never disagree.
			c, err := s.ActiveCounts(ctx, day)
			if err != nil {
				return fmt.Errorf("overblik, placeringer: %w", err)
			}
			o.Placed, o.Residents = c.Jobs, c.Residents
			o.Targets, err = s.targets(ctx, c, day, false)
			return err
		},
		func() (err error) {
			if o.Leases, err = s.CountLeasesByStatus(ctx, day); err != nil {
				return fmt.Errorf("overblik, lejemål: %w", err)
			}
			for _, n := range o.Leases {
				o.LeasesTotal += n
			}
			return nil
		},
		func() (err error) { o.Agreements, err = s.agreementCounts(ctx); return err },
		func() (err error) { o.Due, err = s.Due(ctx, day); return err },
		func() (err error) { o.Chart, err = s.placementChart(ctx, day); return err },
		func() (err error) { o.Meetings, err = s.MeetingYear(ctx, day.Year()); return err },
	)
	return o, err
}

func (s *Store) agreementCounts(ctx context.Context) ([]AgreementCount, error) {
	counts := map[string]int{}
	rows, err := s.db.QueryContext(ctx, `SELECT status, count(*) FROM agreements GROUP BY status`)
	if err != nil {
		return nil, fmt.Errorf("overblik, aftaler: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		counts[st] = n
	}
	out := make([]AgreementCount, len(AgreementStatuses))
	for i, st := range AgreementStatuses {
		out[i] = AgreementCount{Status: st, N: counts[st]}
	}
	return out, rows.Err()
}

// Due lists what is due from day to DueWindow days ahead, soonest first:
// the enterprises still waiting for the steering group's approval and the
// placements past their delete-by date (both overdue, so dated day), the
// leases' last notice days and ends (LeasesDue's rules), the placements
// whose delete-by date comes, and signed agreements that expire.
func (s *Store) Due(ctx context.Context, day time.Time) ([]DueItem, error) {
	day = dateOf(day)
	until := day.AddDate(0, 0, DueWindow)
	// The overdue rows first: they are dated day, and the stable sort
	// below keeps them ahead of what merely falls due on day.
	parts := []func(context.Context, time.Time, time.Time) ([]DueItem, error){
		s.dueApprovals, s.duePlacements, s.dueLeases, s.dueAgreements, s.dueAgreementNotices, s.dueAgreementEndings,
		s.dueMeetings, s.dueActions, s.dueRisks, s.dueGrants,
	}
	found := make([][]DueItem, len(parts))
	fns := make([]func() error, len(parts))
	for i, part := range parts {
		fns[i] = func() (err error) { found[i], err = part(ctx, day, until); return err }
	}
	if err := parallel(fns...); err != nil {
		return nil, err
	}
	var out []DueItem
	for _, items := range found {
		for i := range items {
			items[i].Text = DueText(items[i])
		}
		out = append(out, items...)
	}
	// By date only: each part comes in its own sensible order (names the
	// Danish way, leases by date and title), which the stable sort keeps.
	slices.SortStableFunc(out, func(a, b DueItem) int { return a.Date.Compare(b.Date) })
	return out, nil
}

// dueRows runs q and makes a due row of each result row.
func (s *Store) dueRows(ctx context.Context, what, q string, scan func(*sql.Rows) (DueItem, error), args ...any) ([]DueItem, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("overblik, %s: %w", what, err)
	}
	defer rows.Close()
	var out []DueItem
	for rows.Next() {
		d, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("overblik, %s: %w", what, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// dueApprovals: the enterprises (not archived) without a dated approval by
// the steering group, in Danish order. NOT IN reads the approvals once
// (a third faster than asking per enterprise with NOT EXISTS), from the
// approvals_steering index alone.
func (s *Store) dueApprovals(ctx context.Context, day, _ time.Time) ([]DueItem, error) {
	return s.dueRows(ctx, "godkendelser", `SELECT o.id, o.name FROM organisations o
		WHERE o.kind = 'virksomhed' AND o.archived_at IS NULL AND o.id NOT IN (SELECT a.organisation_id FROM approvals a
			WHERE a.body = 'styregruppe' AND a.approved_on IS NOT NULL)
		ORDER BY o.sort_key, o.id`,
		func(rows *sql.Rows) (DueItem, error) {
			d := DueItem{Date: day, Kind: DueApprovalMissing, Entity: EntityOrganisation}
			return d, rows.Scan(&d.ID, &d.Subject)
		})
}

// duePlacements: the placements due for deletion by DuePlacements' rule (a
// delete-by date on or before the day, person data still there) as one
// row, and those whose delete-by date falls in the window as one row per
// day, all counted from the tallies (011_overview_summaries.sql): a
// million placements give no more rows, nor cost more to count, than a
// thousand. Each row opens the staffing tab's list of placements due.
func (s *Store) duePlacements(ctx context.Context, day, until time.Time) ([]DueItem, error) {
	var out []DueItem
	overdue, err := s.overdueCount(ctx, day)
	if err != nil {
		return nil, fmt.Errorf("overblik, placeringer til sletning: %w", err)
	}
	if overdue > 0 {
		out = append(out, DueItem{Date: day, Kind: DuePlacementsOverdue, Count: overdue, Entity: EntityPlacementsDue})
	}
	coming, err := s.dueRows(ctx, "placeringer til sletning", `SELECT day, sum(deletes) FROM placement_days
		WHERE day > ? AND day <= ? GROUP BY day HAVING sum(deletes) > 0 ORDER BY day`,
		func(rows *sql.Rows) (DueItem, error) {
			d := DueItem{Kind: DuePlacementDelete, Entity: EntityPlacementsDue}
			var by string
			err := rows.Scan(&by, &d.Count)
			d.Date = dateCol(sql.NullString{String: by, Valid: true})
			return d, err
		}, dk.ISODate(day), dk.ISODate(until))
	return append(out, coming...), err
}

// dueLeases: the leases' last notice days and ends, as LeasesDue finds them.
func (s *Store) dueLeases(ctx context.Context, day, until time.Time) ([]DueItem, error) {
	leases, err := s.LeasesDue(ctx, day, until)
	if err != nil {
		return nil, fmt.Errorf("overblik, lejemål: %w", err)
	}
	out := make([]DueItem, 0, len(leases))
	for _, l := range leases {
		d := DueItem{Date: l.Date, Kind: DueLeaseEnd, Subject: l.Title, Entity: EntityLease, ID: l.LeaseID}
		if l.Kind == DueLastNotice {
			d.Kind, d.Side, d.NextEnd = DueLeaseNotice, l.Side, l.NextEnd
		}
		out = append(out, d)
	}
	return out, nil
}

// dueAgreements: the signed agreements whose validity ends in the window.
func (s *Store) dueAgreements(ctx context.Context, day, until time.Time) ([]DueItem, error) {
	return s.dueRows(ctx, "aftaler", `SELECT id, valid_to, number, title FROM agreements
		WHERE status = 'signed' AND valid_to BETWEEN ? AND ?
			AND NOT EXISTS (SELECT 1 FROM agreement_endings e WHERE e.agreement_id = agreements.id) ORDER BY valid_to, number`,
		func(rows *sql.Rows) (DueItem, error) {
			d := DueItem{Kind: DueAgreementExpires, Entity: EntityAgreement}
			var end, number, title string
			err := rows.Scan(&d.ID, &end, &number, &title)
			d.Date, d.Subject = dateCol(sql.NullString{String: end, Valid: true}), number+" "+title
			return d, err
		}, dk.ISODate(day), dk.ISODate(until))
}

// placementChart counts the placements active in each of the ChartMonths
// months up to and including day's month, by scheme. A placement is
// active in month m when it started in m or before and has no end or ends
// in m or after, so per scheme
//
//	active(m) = (starts in m or before) − (ends before m)
//
// which one pass over the month tally (011_overview_summaries.sql) gives:
// the months before the chart summed into one row, then the chart's own.
func (s *Store) placementChart(ctx context.Context, day time.Time) (PlacementChart, error) {
	var c PlacementChart
	first := time.Date(day.Year(), day.Month()-ChartMonths+1, 1, 0, 0, 0, 0, time.UTC)
	// per scheme: started and ended before the chart, and in each of its months
	type tally struct {
		started, ended int
		starts, ends   [ChartMonths]int
	}
	bySchemes := map[int64]*tally{}
	rows, err := s.db.QueryContext(ctx, `SELECT iif(month < ?1, '', month), scheme_id, sum(starts), sum(ends)
		FROM placement_months WHERE month <= ?2 GROUP BY 1, 2`, first.Format("2006-01"), day.Format("2006-01"))
	if err != nil {
		return c, fmt.Errorf("overblik, diagram: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var month string
		var scheme int64
		var starts, ends int
		if err := rows.Scan(&month, &scheme, &starts, &ends); err != nil {
			return c, err
		}
		t := bySchemes[scheme]
		if t == nil {
			t = &tally{}
			bySchemes[scheme] = t
		}
		if month == "" {
			t.started, t.ended = starts, ends
			continue
		}
		if i := chartIndex(first, month); i < ChartMonths {
			t.starts[i], t.ends[i] = starts, ends
		}
	}
	if err := rows.Err(); err != nil {
		return c, err
	}
	for i := range ChartMonths {
		c.Months = append(c.Months, MonthCount{Month: first.AddDate(0, i, 0), ByScheme: map[int64]int{}})
	}
	used := map[int64]bool{}
	for id, t := range bySchemes {
		started, ended := t.started, t.ended
		for m := range ChartMonths {
			started += t.starts[m]
			if n := started - ended; n > 0 {
				c.Months[m].ByScheme[id] = n
				used[id] = true
			}
			ended += t.ends[m]
		}
	}
	schemes, err := s.db.QueryContext(ctx, `SELECT id, code, name FROM schemes ORDER BY position, id`)
	if err != nil {
		return c, err
	}
	defer schemes.Close()
	for schemes.Next() {
		var sc ChartScheme
		if err := schemes.Scan(&sc.ID, &sc.Code, &sc.Name); err != nil {
			return c, err
		}
		if used[sc.ID] {
			c.Schemes = append(c.Schemes, sc)
		}
	}
	return c, schemes.Err()
}

// chartIndex is month's place in a chart starting at first ("2024-05" →
// 1 for a chart from April 2024), ChartMonths for any later month.
func chartIndex(first time.Time, month string) int {
	if len(month) < 7 {
		return ChartMonths
	}
	y := int(month[0]-'0')*1000 + int(month[1]-'0')*100 + int(month[2]-'0')*10 + int(month[3]-'0')
	m := int(month[5]-'0')*10 + int(month[6]-'0')
	i := (y-first.Year())*12 + m - int(first.Month())
	return min(max(i, 0), ChartMonths)
}
