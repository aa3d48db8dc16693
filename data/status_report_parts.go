package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// The status report's sections, each read as of the report's day with the
// registers' own rules (Targets' measures, the chart's months, the lease
// statuses, the missing approvals).

// statusGoals measures the goals on asOf, masks the counts of people and
// compares with the previous report's values.
func (s *Store) statusGoals(ctx context.Context, r *StatusReport, asOf time.Time, prev StatusReport, hasPrev bool) error {
	c, err := s.ActiveCounts(ctx, asOf)
	if err != nil {
		return err
	}
	ts, err := s.targets(ctx, c, asOf, false)
	if err != nil {
		return err
	}
	jobs := countOf(c.Jobs, r.Threshold)
	// The flex jobs and the residents are parts of the jobs filled: hidden
	// when the rest (not printed) is masked, or the difference would tell it.
	flex, nonFlex := countOf(c.Flex, r.Threshold), countOf(c.Jobs-c.Flex, r.Threshold)
	hideBeside([]*PeopleCount{&flex, &nonFlex}, jobs)
	residents, others := countOf(c.Residents, r.Threshold), countOf(c.Jobs-c.Residents, r.Threshold)
	hideBeside([]*PeopleCount{&residents, &others}, jobs)
	before := map[string]*float64{}
	for _, g := range prev.Goals {
		before[g.Name] = g.Value
	}
	r.Goals = []StatusGoal{}
	for _, t := range ts {
		g := StatusGoal{Name: t.Name, Measure: t.Measure, Goal: t.Goal, Unit: t.Unit, Met: t.Met(), Overdue: t.Overdue(asOf)}
		if !t.Deadline.IsZero() {
			g.Deadline = dk.ISODate(t.Deadline)
		}
		v := t.Current
		g.Value = &v
		switch t.Measure {
		case MeasureJobsFilled, MeasureFlexJobs:
			n := jobs
			if t.Measure == MeasureFlexJobs {
				n = flex
			}
			g.Text = n.Text()
			if n.Masked() {
				g.Value = nil
			}
		case MeasureResidentShare:
			g.Value = shareOf(residents, jobs)
			g.Text = shareText(g.Value)
		case MeasureMilestone:
			g.Text = "ikke nået"
			if t.Met() {
				g.Text = "nået " + dk.FormatDate(t.Reached)
			}
		default:
			g.Text = dk.FormatDecimal(t.Current, decimalsOf(t.Current))
		}
		if g.Value == nil {
			g.Met = false // not told: a masked count says nothing of the goal either way
		}
		if hasPrev {
			g.Trend = trendText(g.Value, before[t.Name], prev.AsOfDay())
		}
		r.Goals = append(r.Goals, g)
	}
	return nil
}

// shareText is a share in per cent, or why it is not shown.
func shareText(v *float64) string {
	if v == nil {
		return "vises ikke (for få personer)"
	}
	return dk.FormatDecimal(*v, 0) + " %"
}

func decimalsOf(v float64) int {
	if v == float64(int64(v)) {
		return 0
	}
	return 1
}

// trendText compares a value with the previous report's: "+4 siden
// 30.6.2015", "uændret siden …", or "–" when either is not told.
func trendText(now, before *float64, day time.Time) string {
	if now == nil || before == nil {
		return "–"
	}
	d := *now - *before
	since := " siden " + dk.FormatDate(day)
	switch {
	case d > 0:
		return "+" + dk.FormatDecimal(d, decimalsOf(d)) + since
	case d < 0:
		return "−" + dk.FormatDecimal(-d, decimalsOf(d)) + since
	}
	return "uændret" + since
}

// statusPlacements: the chart's months from the period's start to asOf (at
// most ChartMonths), the residents' share, and what started and ended.
func (s *Store) statusPlacements(ctx context.Context, r *StatusReport, asOf, from time.Time) error {
	chart, err := s.placementChart(ctx, asOf)
	if err != nil {
		return err
	}
	first := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	p := StatusPlacements{Schemes: []StatusScheme{}, Months: []StatusMonth{}}
	for _, sc := range chart.Schemes {
		p.Schemes = append(p.Schemes, StatusScheme{Code: sc.Code, Name: sc.Name})
	}
	for _, m := range chart.Months {
		if m.Month.Before(first) {
			continue
		}
		sm := StatusMonth{Month: m.Month.Format("2006-01"), Total: countOf(m.Total(), r.Threshold)}
		group := make([]*PeopleCount, len(chart.Schemes))
		sm.ByScheme = make([]PeopleCount, len(chart.Schemes))
		for i, sc := range chart.Schemes {
			sm.ByScheme[i] = countOf(m.ByScheme[sc.ID], r.Threshold)
			group[i] = &sm.ByScheme[i]
		}
		hideBeside(group, sm.Total)
		p.Months = append(p.Months, sm)
	}
	var started, ended int
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(start_on BETWEEN ?1 AND ?2), 0), coalesce(sum(end_on BETWEEN ?1 AND ?2), 0)
		FROM placements`, dk.ISODate(from), dk.ISODate(asOf)).Scan(&started, &ended); err != nil {
		return err
	}
	p.Started, p.Ended = countOf(started, r.Threshold), countOf(ended, r.Threshold)
	r.Placements = p
	c, err := s.ActiveCounts(ctx, asOf)
	if err != nil {
		return err
	}
	res := StatusResidents{Placed: countOf(c.Jobs, r.Threshold), Residents: countOf(c.Residents, r.Threshold)}
	// The others are not printed, but the difference would tell them (as
	// statusGoals does for the residents' share).
	others := countOf(c.Jobs-c.Residents, r.Threshold)
	hideBeside([]*PeopleCount{&res.Residents, &others}, res.Placed)
	res.Share = shareOf(res.Residents, res.Placed)
	r.Residents = res
	return nil
}

// statusEnterprises: the enterprises (not archived), their steering-group
// approval if dated by asOf, and the job placements running with each.
func (s *Store) statusEnterprises(ctx context.Context, r *StatusReport, asOf time.Time) error {
	day := dk.ISODate(asOf)
	rows, err := s.db.QueryContext(ctx, `SELECT o.name,
			coalesce((SELECT a.approved_on FROM approvals a WHERE a.organisation_id = o.id AND a.body = 'styregruppe'
				AND a.approved_on <= ?1), ''),
			(SELECT count(*) FROM placements p JOIN schemes sc ON sc.id = p.scheme_id
				WHERE p.organisation_id = o.id AND sc.counts_as_job = 1 AND p.start_on <= ?1 AND coalesce(p.end_on >= ?1, 1))
		FROM organisations o WHERE o.kind = 'virksomhed' AND o.archived_at IS NULL ORDER BY o.sort_key, o.id`, day)
	if err != nil {
		return err
	}
	defer rows.Close()
	r.Enterprises = []StatusEnterprise{}
	for rows.Next() {
		var e StatusEnterprise
		var n int
		if err := rows.Scan(&e.Name, &e.Approved, &n); err != nil {
			return err
		}
		e.Placements = countOf(n, r.Threshold)
		r.Enterprises = append(r.Enterprises, e)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	// The enterprises' counts add up to the jobs filled (the goals print
	// them), or to less when jobs are filled elsewhere: told with them, one
	// masked count could be worked out.
	c, err := s.ActiveCounts(ctx, asOf)
	if err != nil {
		return err
	}
	group := make([]*PeopleCount, len(r.Enterprises))
	for i := range r.Enterprises {
		group[i] = &r.Enterprises[i].Placements
	}
	hideBeside(group, countOf(c.Jobs, r.Threshold))
	return nil
}

// statusLeases: the leases (not archived) with their status on asOf.
func (s *Store) statusLeases(ctx context.Context, r *StatusReport, asOf time.Time) error {
	counts, err := s.CountLeasesByStatus(ctx, asOf)
	if err != nil {
		return err
	}
	for _, st := range LeaseStatuses {
		r.Leases.Counts = append(r.Leases.Counts, StatusCount{Label: st.Label(), N: counts[st]})
	}
	ls, err := s.SearchLeases(ctx, LeaseQuery{Day: asOf, Limit: 10000})
	if err != nil {
		return err
	}
	r.Leases.Rows = []StatusLease{}
	for _, l := range ls {
		sl := StatusLease{Tenant: l.TenantName, Landlord: l.LandlordName, Start: dk.ISODate(l.Start), Status: l.Status(asOf).Label()}
		if !l.End.IsZero() {
			sl.End = dk.ISODate(l.End)
		}
		var rooms []string
		for _, rm := range l.Rooms {
			rooms = append(rooms, rm.Name)
		}
		sl.Rooms = strings.Join(rooms, ", ")
		for _, b := range MissingApprovals(l) {
			sl.Missing = append(sl.Missing, b.Label())
		}
		r.Leases.Rows = append(r.Leases.Rows, sl)
	}
	return nil
}

// statusAgreements: the agreements dated by asOf (or undated), counted by
// status, and as a tree of each under the one it hangs under.
func (s *Store) statusAgreements(ctx context.Context, r *StatusReport, asOf time.Time) error {
	// The status as it stood on asOf: one signed, rejected or sent later
	// was then still out for signature or a draft.
	rows, err := s.db.QueryContext(ctx, `SELECT id, coalesce(parent_id, 0), number, title,
			CASE WHEN status IN ('signed', 'rejected', 'pending') AND substr(coalesce(sent_at, ''), 1, 10) > ?1 THEN 'draft'
				WHEN status = 'signed' AND substr(coalesce(signed_at, ''), 1, 10) > ?1 THEN 'pending'
				WHEN status = 'rejected' AND substr(coalesce(rejected_at, ''), 1, 10) > ?1 THEN 'pending'
				ELSE status END,
			coalesce(valid_from, ''), coalesce(valid_to, '')
		FROM agreements WHERE coalesce(agreement_date, valid_from, '') <= ?1 ORDER BY number, id`, dk.ISODate(asOf))
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := map[int64]*StatusAgreementNode{}
	var order []*StatusAgreementNode
	parents := map[int64]int64{}
	counts := map[string]int{}
	for rows.Next() {
		n := &StatusAgreementNode{}
		var parent int64
		var status string
		if err := rows.Scan(&n.id, &parent, &n.Number, &n.Title, &status, &n.ValidFrom, &n.ValidTo); err != nil {
			return err
		}
		n.Status = AgreementStatusLabel(status)
		counts[status]++
		byID[n.id] = n
		parents[n.id] = parent
		order = append(order, n)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, st := range AgreementStatuses {
		r.Agreements.Counts = append(r.Agreements.Counts, StatusCount{Label: AgreementStatusLabel(st), N: counts[st]})
	}
	r.Agreements.Tree = []*StatusAgreementNode{}
	for _, n := range order {
		if p, ok := byID[parents[n.id]]; ok && p != n {
			p.Children = append(p.Children, n)
			continue
		}
		r.Agreements.Tree = append(r.Agreements.Tree, n)
	}
	return nil
}

// statusMeetings: asOf's year against the memo's 5–7 (MeetingYear's count as
// it stood on asOf) and the meetings held or planned in the period.
func (s *Store) statusMeetings(ctx context.Context, r *StatusReport, asOf, from time.Time) error {
	y, err := s.meetingYearUntil(ctx, asOf.Year(), asOf)
	if err != nil {
		return err
	}
	r.Meetings = StatusMeetings{Year: y.Year, Held: y.Held, Planned: y.Planned, Min: y.Min, Max: y.Max, InPeriod: []StatusMeeting{}}
	rows, err := s.db.QueryContext(ctx, `SELECT m.held_on, m.title, coalesce(b.name, ''), m.status FROM meetings m
		LEFT JOIN bodies b ON b.id = m.body_id
		WHERE m.archived_at IS NULL AND m.held_on BETWEEN ? AND ? ORDER BY m.held_on, m.id`, dk.ISODate(from), dk.ISODate(asOf))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var m StatusMeeting
		var st string
		if err := rows.Scan(&m.Date, &m.Title, &m.Body, &st); err != nil {
			return err
		}
		m.Status = MeetingStatus(st).Label()
		if st == string(MeetingPlanned) || st == string(MeetingCalled) {
			m.Status += " (ikke registreret som afholdt)"
		}
		r.Meetings.InPeriod = append(r.Meetings.InPeriod, m)
	}
	return rows.Err()
}

// statusChecklist: the items per status as they stood on asOf (an item
// settled at a later meeting was still being clarified), and those settled
// at a meeting of the period.
func (s *Store) statusChecklist(ctx context.Context, r *StatusReport, asOf, from time.Time) error {
	rows, err := s.db.QueryContext(ctx, `SELECT c.title, c.status, coalesce(m.held_on, '') FROM checklist_items c
		LEFT JOIN meetings m ON m.id = c.settled_meeting_id
		WHERE c.archived_at IS NULL ORDER BY c.position, c.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	counts := map[ChecklistStatus]int{}
	from_, day := dk.ISODate(from), dk.ISODate(asOf)
	r.Checklist.Settled = []StatusSettled{}
	for rows.Next() {
		var title, st, settled string
		if err := rows.Scan(&title, &st, &settled); err != nil {
			return err
		}
		status := ChecklistStatus(st)
		if status == ChecklistSettled && settled > day {
			status = ChecklistWorking
		}
		counts[status]++
		r.Checklist.Total++
		if status == ChecklistSettled && settled >= from_ && settled <= day {
			r.Checklist.Settled = append(r.Checklist.Settled, StatusSettled{Title: title, Date: settled})
		}
	}
	for _, st := range ChecklistStatuses {
		r.Checklist.Counts = append(r.Checklist.Counts, StatusCount{Label: st.Label(), N: counts[st]})
	}
	slices.SortStableFunc(r.Checklist.Settled, func(a, b StatusSettled) int { return strings.Compare(a.Date, b.Date) })
	return rows.Err()
}

// statusRisks: the open risks and barriers, highest score first; who owns
// one is left out (a person).
func (s *Store) statusRisks(ctx context.Context, r *StatusReport) error {
	rs, err := s.Risks(ctx, false)
	if err != nil {
		return err
	}
	r.Risks = []StatusRisk{}
	for _, k := range rs {
		if k.Status == RiskClosed {
			continue
		}
		sr := StatusRisk{Title: k.Title, Kind: k.Kind.Label(), Likelihood: k.Likelihood, Impact: k.Impact, Score: k.Score(), Status: k.Status.Label()}
		if !k.Review.IsZero() {
			sr.Review = dk.ISODate(k.Review)
		}
		r.Risks = append(r.Risks, sr)
	}
	slices.SortStableFunc(r.Risks, func(a, b StatusRisk) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return dk.Compare(a.Title, b.Title)
	})
	return nil
}

// statusGrants: the grants (not archived) and each reporting deadline as it
// stood on asOf.
func (s *Store) statusGrants(ctx context.Context, r *StatusReport, asOf time.Time) error {
	gs, err := s.Grants(ctx, false)
	if err != nil {
		return err
	}
	r.Grants = []StatusGrant{}
	for _, g := range gs {
		sg := StatusGrant{Grantor: g.Grantor, Purpose: g.Purpose, Funds: g.Funds(), Amount: g.Amount,
			Start: isoOrEmpty(g.Start), End: isoOrEmpty(g.End), Reports: []StatusGrantReport{}}
		for _, rep := range g.Reports {
			sr := StatusGrantReport{What: rep.What, Due: dk.ISODate(rep.Due), State: "kommende"}
			switch {
			case !rep.Done.IsZero() && !rep.Done.After(asOf):
				sr.Done, sr.State = dk.ISODate(rep.Done), "afleveret"
			case rep.Due.Before(asOf):
				sr.State = "overskredet"
			}
			sg.Reports = append(sg.Reports, sr)
		}
		r.Grants = append(r.Grants, sg)
	}
	return nil
}

func isoOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return dk.ISODate(t)
}

// previousStatusReport is the newest stored report as of a day before asOf.
func (s *Store) previousStatusReport(ctx context.Context, asOf time.Time) (StatusReport, bool, error) {
	var r StatusReport
	var summary string
	err := s.db.QueryRowContext(ctx, `SELECT summary FROM status_reports WHERE as_of < ? ORDER BY as_of DESC, id DESC LIMIT 1`,
		dk.ISODate(asOf)).Scan(&summary)
	if err == sql.ErrNoRows {
		return r, false, nil
	}
	if err != nil {
		return r, false, err
	}
	if err := jsonUnmarshal(summary, &r); err != nil {
		return r, false, fmt.Errorf("den forrige statusrapport kan ikke læses: %w", err)
	}
	return r, true, nil
}
