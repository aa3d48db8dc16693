package ui

import (
	"context"
	"path/filepath"
	"testing"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/ui/widgets"
)

// lazyRows are what each tab's first list holds, by tab index; the
// overview has its heading instead of a list.
func lazyRows(w *Window) map[int]int {
	heading := 0
	if w.Overview.heading.Text != "" {
		heading = 1
	}
	return map[int]int{
		tabOverview:    heading,
		tabPartners:    len(w.Partners.List.Names()),
		tabPremises:    len(w.Premises.leases.List.Names()),
		tabStaffing:    len(w.Staffing.placements.List.Names()),
		tabTemplates:   len(w.Templates.List.Names()),
		tabAgreements:  len(w.Agreements.list.Names()),
		tabPartnership: len(w.Partnership.meetings.List.Names()),
	}
}

// openStore opens a fresh database, with the example case if demo.
func openStore(t *testing.T, demo bool) *data.Store {
	t.Helper()
	clock = widgets.UseManualClock(t.Cleanup)
	s, err := data.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if demo {
		if err := agreement.LoadDemo(context.Background(), s); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// A tab reads nothing until it first comes to the front: at start only
// Partnere, in front, holds its rows; each other tab holds its records
// once selected, and keeps them when another tab is in front.
func TestLazyTabsReadWhenFirstShown(t *testing.T) {
	w := newLazyTestWindow(t, openStore(t, true))
	for i, n := range lazyRows(w) {
		switch {
		case i == tabPartners && n == 0:
			t.Errorf("Partnere, in front at start, shows no rows")
		case i != tabPartners && n != 0:
			t.Errorf("tab %q read %d rows before it was shown", w.Tabs.Items[i].Text, n)
		}
	}
	for i := range w.Tabs.Items {
		w.Tabs.SelectIndex(i)
		if n := lazyRows(w)[i]; n == 0 {
			t.Errorf("tab %q shows nothing once in front", w.Tabs.Items[i].Text)
		}
	}
	w.Tabs.SelectIndex(tabPartners)
	for i, n := range lazyRows(w) {
		if n == 0 {
			t.Errorf("tab %q lost its rows when another came to the front", w.Tabs.Items[i].Text)
		}
	}
}

// Loading the example re-reads the tabs that were shown; a tab not yet
// shown reads the example when it first comes to the front.
func TestLazyTabShowsWhatChangedBeforeItsFirstShow(t *testing.T) {
	w := newLazyTestWindow(t, openStore(t, false))
	w.Tabs.SelectIndex(tabStaffing)
	w.Tabs.SelectIndex(tabPartners)
	w.LoadDemo()
	if w.started(tabPremises) || len(w.Premises.leases.List.Names()) != 0 {
		t.Error("loading the example read the leases of a tab never shown")
	}
	if n := len(w.Staffing.placements.List.Names()); n == 0 {
		t.Error("a tab shown before the example was loaded does not show its placements")
	}
	w.Tabs.SelectIndex(tabPremises)
	if n := len(w.Premises.leases.List.Names()); n != 2 {
		t.Errorf("Lokaler og lejemål shows %d leases of the example, want 2", n)
	}
}

// After its first show a tab re-reads each time it comes to the front: an
// enterprise renamed in Partnere shows its new name in Bemanding's filter.
func TestLazyTabRereadsAfterAnEditElsewhere(t *testing.T) {
	w := newLazyTestWindow(t, openStore(t, true))
	w.Tabs.SelectIndex(tabStaffing)
	pick(t, w.Staffing.placements.orgFilter, "Bevar")
	pick(t, w.Staffing.positions.orgFilter, "Bevar")
	w.Tabs.SelectIndex(tabPartners)
	p := w.Partners
	p.Show(pickedID(w.Staffing.placements.orgFilter))
	typeInto(p.Entry("Name"), "Bevar Systue")
	p.Save()
	w.Tabs.SelectIndex(tabStaffing)
	if got := pickedTitle(w.Staffing.placements.orgFilter); got != "Bevar Systue" {
		t.Errorf("Bemanding's filter shows %q after the enterprise was renamed in Partnere", got)
	}
	// Only the sub-tab in front re-read; Stillinger re-reads when selected.
	if got := pickedTitle(w.Staffing.positions.orgFilter); got != "Bevar" {
		t.Errorf("Stillinger, behind Placeringer, re-read its filter: %q", got)
	}
	w.Staffing.Show(subPositions)
	if got := pickedTitle(w.Staffing.positions.orgFilter); got != "Bevar Systue" {
		t.Errorf("Stillinger's filter shows %q once selected", got)
	}
}

// TestTheWindowFitsALaptopBeforeATabIsShown: a tab that has not read its
// data yet shows no controls that only a record needs, so the window's
// smallest size still fits a 1366×768 laptop screen (the agreements'
// toolbar with every action side by side was 1.718 px wide).
func TestTheWindowFitsALaptopBeforeATabIsShown(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	w := newLazyTestWindow(t, s)
	for i, item := range w.Tabs.Items {
		if width := item.Content.MinSize().Width; width > 1366 {
			t.Errorf("tab %d %q needs %.0f px before it is shown; a laptop has 1366", i, item.Text, width)
		}
	}
	if width := w.Win.Content().MinSize().Width; width > 1366 {
		t.Errorf("the window needs %.0f px; a laptop has 1366", width)
	}
}
