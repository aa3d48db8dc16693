package ui

import (
	"context"
	"fmt"
	"testing"

	"partnerskab/data"
)

// Bemanding's enterprise filter is searched like any picker; its first row,
// "Alle virksomheder", shows every enterprise's placements again.
func TestStaffingEnterpriseFilterPicksOneOrAll(t *testing.T) {
	w, s := newTestWindow(t, true)
	w.Tabs.SelectIndex(tabStaffing)
	p := w.Staffing.placements
	all := len(p.List.Names())
	enterprises, err := s.CountOrganisations(context.Background(), data.OrgQuery{Kind: data.KindEnterprise})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := p.orgFilter.Find("", 0, 2)
	if err != nil || len(rows) != 2 || rows[0].ID != 0 || rows[0].Title != "Alle virksomheder" {
		t.Fatalf("the filter's first rows are %+v (%v)", rows, err)
	}
	if rest, _ := p.orgFilter.Find("", 1, 1); len(rest) != 1 || rest[0] != rows[1] {
		t.Errorf("the second page starts with %+v, want %+v", rest, rows[1])
	}
	pick(t, p.orgFilter, "Bevar")
	if found := p.orgFilter.Found(); found != "1 passer" {
		t.Errorf("searching Bevar finds %q", found)
	}
	bevar := pickedID(p.orgFilter)
	var want int
	s.DB().QueryRow(`SELECT count(*) FROM placements WHERE organisation_id = ?`, bevar).Scan(&want)
	if got := len(p.List.Names()); got != want || got == all {
		t.Errorf("Bevar's filter lists %d placements, want %d (of %d)", got, want, all)
	}
	if got := pickRow(t, p.orgFilter, ""); got != "Alle virksomheder" {
		t.Errorf("the first row is %q", got)
	}
	if id := pickedID(p.orgFilter); id != 0 || pickedTitle(p.orgFilter) != "" {
		t.Errorf("the first row chose %d %q", id, pickedTitle(p.orgFilter))
	}
	if found, want := p.orgFilter.Found(), fmt.Sprintf("%d passer", enterprises+1); found != want {
		t.Errorf("the open filter says %q, want %q (the enterprises and all)", found, want)
	}
	if got := len(p.List.Names()); got != all {
		t.Errorf("Alle virksomheder lists %d placements, want %d", got, all)
	}
}
