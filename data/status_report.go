package data

import (
	"context"
	"fmt"
	"time"

	"partnerskab/data/dk"
)

// StatusReport is "Status for partnerskabet": what the steering groups
// follow, counted as of one day, with what happened since the period's
// start. It holds counts only: no person's name, initials or pseudonym, and
// every count of people under the threshold is masked (PeopleCount).
type StatusReport struct {
	AsOf         string             `json:"asOf"` // ISO dates
	From         string             `json:"from"`
	Previous     string             `json:"previous,omitempty"` // the previous report's as-of day
	Threshold    int                `json:"threshold"`
	Organisation string             `json:"organisation,omitempty"`
	Goals        []StatusGoal       `json:"goals"`
	Placements   StatusPlacements   `json:"placements"`
	Residents    StatusResidents    `json:"residents"`
	Enterprises  []StatusEnterprise `json:"enterprises"`
	Leases       StatusLeases       `json:"leases"`
	Agreements   StatusAgreements   `json:"agreements"`
	Meetings     StatusMeetings     `json:"meetings"`
	Checklist    StatusChecklist    `json:"checklist"`
	Risks        []StatusRisk       `json:"risks"`
	Grants       []StatusGrant      `json:"grants"`
}

// AsOfDay and FromDay are the report's days as times.
func (r StatusReport) AsOfDay() time.Time { t, _ := dk.ParseISODate(r.AsOf); return t }

// FromDay is the period's first day.
func (r StatusReport) FromDay() time.Time { t, _ := dk.ParseISODate(r.From); return t }

// StatusGoal is one goal against its target on the day.
type StatusGoal struct {
	Name     string   `json:"name"`
	Measure  Measure  `json:"measure"`
	Goal     float64  `json:"goal"`
	Unit     string   `json:"unit"`
	Deadline string   `json:"deadline,omitempty"`
	Value    *float64 `json:"value"` // nil: masked (fewer people than the threshold)
	Text     string   `json:"text"`  // "16", "under 3", "25 %", "nået 12.1.2016"
	Met      bool     `json:"met"`
	Overdue  bool     `json:"overdue"`
	Trend    string   `json:"trend"` // "+4 siden 30.6.2015", "uændret", "" without a previous report
}

// StatusScheme names a scheme in the chart, in the legend's order.
type StatusScheme struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// StatusMonth is the placements active in one month, per scheme in the
// order of StatusPlacements.Schemes.
type StatusMonth struct {
	Month    string        `json:"month"` // "2015-06"
	ByScheme []PeopleCount `json:"byScheme"`
	Total    PeopleCount   `json:"total"`
}

// StatusPlacements are the placements per month by scheme, and what
// started and ended in the period.
type StatusPlacements struct {
	Schemes []StatusScheme `json:"schemes"`
	Months  []StatusMonth  `json:"months"`
	Started PeopleCount    `json:"started"`
	Ended   PeopleCount    `json:"ended"`
}

// StatusResidents is the residents' share of the jobs filled on the day.
type StatusResidents struct {
	Placed    PeopleCount `json:"placed"`
	Residents PeopleCount `json:"residents"`
	Share     *float64    `json:"share"` // per cent; nil when a count is masked
}

// StatusEnterprise is one enterprise, its steering-group approval and the
// placements running with it on the day.
type StatusEnterprise struct {
	Name       string      `json:"name"`
	Approved   string      `json:"approved,omitempty"` // ISO; "" not (yet) approved on the day
	Placements PeopleCount `json:"placements"`
}

// StatusLeases counts the leases per status on the day and lists them.
type StatusLeases struct {
	Counts []StatusCount `json:"counts"`
	Rows   []StatusLease `json:"rows"`
}

// StatusCount is a count of records (not people) with a Danish label.
type StatusCount struct {
	Label string `json:"label"`
	N     int    `json:"n"`
}

// StatusLease is one lease as the report lists it.
type StatusLease struct {
	Tenant   string   `json:"tenant"`
	Landlord string   `json:"landlord"`
	Rooms    string   `json:"rooms"`
	Start    string   `json:"start"`
	End      string   `json:"end,omitempty"`
	Status   string   `json:"status"`
	Missing  []string `json:"missing,omitempty"` // approvals lacking
}

// StatusAgreements counts the agreements per status and shows the tree:
// each agreement under the one it hangs under.
type StatusAgreements struct {
	Counts []StatusCount          `json:"counts"`
	Tree   []*StatusAgreementNode `json:"tree"`
}

// StatusAgreementNode is one agreement in the tree.
type StatusAgreementNode struct {
	Number    string                 `json:"number"`
	Title     string                 `json:"title"`
	Status    string                 `json:"status"`
	ValidFrom string                 `json:"validFrom,omitempty"`
	ValidTo   string                 `json:"validTo,omitempty"`
	Children  []*StatusAgreementNode `json:"children,omitempty"`
	id        int64
}

// StatusMeetings are the year's meetings held by the day against the
// memo's 5–7, and the meetings of the period.
type StatusMeetings struct {
	Year     int             `json:"year"`
	Held     int             `json:"held"`
	Planned  int             `json:"planned"`
	Min      int             `json:"min"`
	Max      int             `json:"max"`
	InPeriod []StatusMeeting `json:"inPeriod"`
}

// StatusMeeting is one meeting of the period.
type StatusMeeting struct {
	Date   string `json:"date"`
	Title  string `json:"title"`
	Body   string `json:"body,omitempty"`
	Status string `json:"status"`
}

// StatusChecklist is the checklist's progress on the day and what was
// settled in the period.
type StatusChecklist struct {
	Counts  []StatusCount   `json:"counts"`
	Total   int             `json:"total"`
	Settled []StatusSettled `json:"settled"`
}

// StatusSettled is a checklist item settled in the period, at a meeting.
type StatusSettled struct {
	Title string `json:"title"`
	Date  string `json:"date"`
}

// StatusRisk is an open risk or barrier, by score.
type StatusRisk struct {
	Title      string `json:"title"`
	Kind       string `json:"kind"`
	Likelihood int    `json:"likelihood"`
	Impact     int    `json:"impact"`
	Score      int    `json:"score"`
	Status     string `json:"status"`
	Review     string `json:"review,omitempty"`
}

// StatusGrant is a grant and its reporting deadlines.
type StatusGrant struct {
	Grantor string              `json:"grantor"`
	Purpose string              `json:"purpose"`
	Funds   string              `json:"funds,omitempty"`
	Amount  int64               `json:"amountOre"`
	Start   string              `json:"start,omitempty"`
	End     string              `json:"end,omitempty"`
	Reports []StatusGrantReport `json:"reports"`
}

// StatusGrantReport is one reporting deadline and where it stands on the day.
type StatusGrantReport struct {
	What  string `json:"what"`
	Due   string `json:"due"`
	Done  string `json:"done,omitempty"`
	State string `json:"state"` // "afleveret", "overskredet", "kommende"
}

// StatusReport gathers the report as of asOf for the period from from (zero:
// the day after the previous stored report, or the partnership's first
// recorded day). It does not store it: SaveStatusReport does, with its PDF.
func (s *Store) StatusReport(ctx context.Context, asOf, from time.Time) (StatusReport, error) {
	asOf = dateOf(asOf)
	r := StatusReport{AsOf: dk.ISODate(asOf)}
	prev, ok, err := s.previousStatusReport(ctx, asOf)
	if err != nil {
		return r, err
	}
	if ok {
		r.Previous = prev.AsOf
	}
	if from.IsZero() {
		if from, err = s.defaultFrom(ctx, asOf, prev, ok); err != nil {
			return r, err
		}
	}
	from = dateOf(from)
	var c checker
	if c.dateOrder("From", "Fra", from, asOf, "opgørelsesdatoen"); c.err() != nil {
		return r, c.err()
	}
	r.From = dk.ISODate(from)
	if r.Threshold, err = s.reportThreshold(ctx); err != nil {
		return r, err
	}
	if r.Organisation, err = s.Setting(ctx, SettingOrganisationName); err != nil {
		return r, err
	}
	parts := []func() error{
		func() error { return s.statusGoals(ctx, &r, asOf, prev, ok) },
		func() error { return s.statusPlacements(ctx, &r, asOf, from) },
		func() error { return s.statusEnterprises(ctx, &r, asOf) },
		func() error { return s.statusLeases(ctx, &r, asOf) },
		func() error { return s.statusAgreements(ctx, &r, asOf) },
		func() error { return s.statusMeetings(ctx, &r, asOf, from) },
		func() error { return s.statusChecklist(ctx, &r, asOf, from) },
		func() error { return s.statusRisks(ctx, &r) },
		func() error { return s.statusGrants(ctx, &r, asOf) },
	}
	for _, p := range parts {
		if err := p(); err != nil {
			return r, fmt.Errorf("statusrapport: %w", err)
		}
	}
	return r, nil
}

// defaultFrom is the day after the previous report, or the first day the
// partnership recorded anything (a placement's start, a meeting), or the
// first of asOf's year.
func (s *Store) defaultFrom(ctx context.Context, asOf time.Time, prev StatusReport, ok bool) (time.Time, error) {
	if ok {
		return prev.AsOfDay().AddDate(0, 0, 1), nil
	}
	var first string
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(min(d), '') FROM (
		SELECT min(start_on) AS d FROM placements WHERE start_on <= ?1
		UNION ALL SELECT min(held_on) FROM meetings WHERE archived_at IS NULL AND held_on <= ?1)`, dk.ISODate(asOf)).Scan(&first)
	if err != nil || first == "" {
		return time.Date(asOf.Year(), 1, 1, 0, 0, 0, 0, time.UTC), err
	}
	return dk.ParseISODate(first)
}
