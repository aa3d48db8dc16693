package data

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestStatusReportTellsNoCountUnderTheThreshold: on every day from March
// 2015 to December 2016 (the demo's placements come and go) no section of
// the report holds a count of people from 1 to 2, and no masked count can
// be worked out from a sum beside it: the chart's months, the enterprises
// against the jobs filled, the residents and the flex jobs against them.
func TestStatusReportTellsNoCountUnderTheThreshold(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	for day := time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC); day.Year() < 2017; day = day.AddDate(0, 0, 3) {
		r, err := s.StatusReport(ctx, day, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(r)
		for _, small := range []string{`{"n":1}`, `{"n":2}`} {
			if strings.Contains(string(b), small) {
				t.Fatalf("%s: the report holds the count %s:\n%s", day.Format("2.1.2006"), small, b)
			}
		}
		oneMasked := func(what string, total PeopleCount, group []PeopleCount) {
			n := 0
			for _, c := range group {
				if c.Masked() {
					n++
				}
			}
			if !total.Masked() && n == 1 {
				t.Errorf("%s, %s: one masked count beside the total %d: %+v", day.Format("2.1.2006"), what, total.N, group)
			}
		}
		for _, m := range r.Placements.Months {
			oneMasked(m.Month, m.Total, m.ByScheme)
		}
		var ents []PeopleCount
		for _, e := range r.Enterprises {
			ents = append(ents, e.Placements)
		}
		oneMasked("enterprises", r.Residents.Placed, ents)
		c, err := s.ActiveCounts(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		if rest := c.Jobs - c.Residents; !r.Residents.Residents.Masked() && rest > 0 && rest < r.Threshold {
			t.Errorf("%s: residents told as %d of %d jobs", day.Format("2.1.2006"), c.Residents, c.Jobs)
		}
		for _, g := range r.Goals {
			if g.Measure == MeasureFlexJobs && g.Value != nil && c.Jobs-c.Flex > 0 && c.Jobs-c.Flex < r.Threshold {
				t.Errorf("%s: flex jobs told as %d of %d jobs", day.Format("2.1.2006"), c.Flex, c.Jobs)
			}
		}
	}
}

// TestStatusReportShowsTheAgreementTree: an agreement that hangs under
// another is listed under it, one dated after the day is left out, and
// one sent for signature after the day counts as the draft it then was.
func TestStatusReportShowsTheAgreementTree(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	for _, q := range []string{
		`INSERT INTO agreements (id, number, title, agreement_date, created_at, updated_at) VALUES
			(901, '2015-901', 'Partnerskabsaftale', '2015-03-01', '2015-03-01T10:00:00Z', '2015-03-01T10:00:00Z')`,
		`INSERT INTO agreements (id, number, title, parent_id, agreement_date, created_at, updated_at) VALUES
			(902, '2015-902', 'Lejeaftale om Systue', 901, '2015-08-15', '2015-08-15T10:00:00Z', '2015-08-15T10:00:00Z')`,
		`INSERT INTO agreements (id, number, title, parent_id, agreement_date, status, sent_at, created_at, updated_at) VALUES
			(904, '2015-904', 'Aftale om personale', 901, '2015-11-01', 'pending', '2016-01-05T10:00:00Z', '2015-11-01T10:00:00Z',
			'2015-11-01T10:00:00Z')`,
		`INSERT INTO agreements (id, number, title, parent_id, agreement_date, created_at, updated_at) VALUES
			(903, '2016-903', 'Modelaftale med Bevar', 901, '2016-02-01', '2016-02-01T10:00:00Z', '2016-02-01T10:00:00Z')`,
	} {
		if _, err := s.DB().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	r, err := s.StatusReport(ctx, time.Date(2015, 12, 31, 0, 0, 0, 0, time.UTC), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	tree := r.Agreements.Tree
	if len(tree) != 1 || tree[0].Number != "2015-901" || len(tree[0].Children) != 2 || tree[0].Children[0].Number != "2015-902" ||
		tree[0].Children[1].Status != "Kladde" {
		b, _ := json.Marshal(tree)
		t.Errorf("the tree as of 31.12.2015: %s", b)
	}
	if r.Agreements.Counts[0].Label != "Kladde" || r.Agreements.Counts[0].N != 3 {
		t.Errorf("agreements by status: %+v", r.Agreements.Counts)
	}
}
