package data

import (
	"context"
	"strconv"

	"partnerskab/data/dk"
)

// SettingReportThreshold is the smallest count of people a status report
// prints as a number; fewer (but more than none) print as "under N", so a
// report cannot point out a placed citizen.
const SettingReportThreshold = "report_threshold"

// DefaultReportThreshold is the threshold until the caseworker sets one.
const DefaultReportThreshold = 3

// reportThreshold reads the setting, DefaultReportThreshold when unset.
func (s *Store) reportThreshold(ctx context.Context) (int, error) {
	n, err := settingInt(ctx, s.db, SettingReportThreshold)
	if n < 2 {
		n = DefaultReportThreshold
	}
	return n, err
}

// PeopleCount is a count of people as a report may show it: the number, or
// only that it lies under the threshold. A masked count keeps no number,
// so neither the stored summary nor the PDF holds it.
type PeopleCount struct {
	N      int  `json:"n"`
	Under  int  `json:"under,omitempty"`  // > 0: from 1 to Under-1, not told
	Hidden bool `json:"hidden,omitempty"` // not told: with the total it would tell a masked count
}

// countOf masks n under threshold t.
func countOf(n, t int) PeopleCount {
	if n > 0 && n < t {
		return PeopleCount{Under: t}
	}
	return PeopleCount{N: n}
}

// Masked tells whether the count is not told: under the threshold, or
// hidden beside one that is.
func (c PeopleCount) Masked() bool { return c.Under > 0 || c.Hidden }

// Text is the count in Danish: "16", "0", "under 3" or "skjult".
func (c PeopleCount) Text() string {
	switch {
	case c.Hidden:
		return "skjult"
	case c.Masked():
		return "under " + strconv.Itoa(c.Under)
	}
	return dk.FormatDecimal(float64(c.N), 0)
}

// shareOf is part's share of whole in per cent, or nil when either count
// is masked (a share of a masked count would tell the count).
func shareOf(part, whole PeopleCount) *float64 {
	if part.Masked() || whole.Masked() || whole.N == 0 {
		return nil
	}
	v := float64(part.N) * 100 / float64(whole.N)
	return &v
}

// hideBeside keeps a group of counts whose sum is told from telling a
// masked one by subtraction: when exactly one count is masked, the
// smallest other count above zero is hidden too. A group whose total is
// itself masked needs nothing.
func hideBeside(group []*PeopleCount, total PeopleCount) {
	if total.Masked() {
		return
	}
	masked := 0
	var smallest *PeopleCount
	for _, c := range group {
		switch {
		case c.Masked():
			masked++
		case c.N > 0 && (smallest == nil || c.N < smallest.N):
			smallest = c
		}
	}
	if masked == 1 && smallest != nil {
		*smallest = PeopleCount{Hidden: true}
	}
}
