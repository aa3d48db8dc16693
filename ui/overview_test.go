package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// overviewOn opens the window on the demo and shows the overview for day.
func overviewOn(t *testing.T, day string) (*Window, *data.Store) {
	t.Helper()
	w, s := newTestWindow(t, true)
	d, err := time.ParseInLocation("2006-01-02", day, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	w.Overview.now = func() time.Time { return d }
	w.Tabs.SelectIndex(0) // the window reloads the overview when its tab is selected
	return w, s
}

// barOf finds the progress bar that follows the label text in the figures.
func targetBars(t *testing.T, o *OverviewTab) map[string]*widget.ProgressBar {
	t.Helper()
	bars := map[string]*widget.ProgressBar{}
	objs := o.targets.Objects
	for i := 0; i+1 < len(objs); i += 2 {
		name, ok1 := objs[i].(*widget.Label)
		bar, ok2 := objs[i+1].(*widget.ProgressBar)
		if !ok1 || !ok2 {
			t.Fatalf("target row %d is %T, %T; want a label and a bar", i/2, objs[i], objs[i+1])
		}
		bars[name.Text] = bar
	}
	return bars
}

func barText(b *widget.ProgressBar) string { return b.TextFormatter() }

// The overview shows what the demo holds on 1.3.2016, counted here straight
// from the tables: the jobs and flex-jobbers against 16 and 30, the
// residents' share among the placed, the leases and the agreements.
func TestOverviewShowsTheDemo(t *testing.T) {
	w, s := overviewOn(t, "2016-03-01")
	var jobs, flex, residents, leases int
	s.DB().QueryRow(`SELECT count(*), coalesce(sum(sc.flex), 0), coalesce(sum(p.resident), 0)
		FROM placements p JOIN schemes sc ON sc.id = p.scheme_id
		WHERE sc.counts_as_job = 1 AND p.start_on <= '2016-03-01' AND coalesce(p.end_on, '9999') >= '2016-03-01'`).
		Scan(&jobs, &flex, &residents)
	s.DB().QueryRow(`SELECT count(*) FROM leases WHERE archived_at IS NULL`).Scan(&leases)
	if jobs != 6 || flex != 3 || residents != 3 || leases != 2 {
		t.Fatalf("the demo on 1.3.2016 holds %d jobs, %d flex, %d residents, %d leases; the test expects 6, 3, 3, 2", jobs, flex, residents, leases)
	}

	o := w.Overview
	mustContain(t, o.heading.Text, "1.3.2016")
	bars := targetBars(t, o)
	job := bars["Arbejdspladser i de to socialøkonomiske virksomheder"]
	fx := bars["Fleksjobbere i socialøkonomiske virksomheder (jobcentrets business case)"]
	if job == nil || fx == nil {
		t.Fatalf("no bars for the jobs and flex targets among %v", o.targets.Objects)
	}
	if job.Value != float64(jobs) || job.Max != 16 || barText(job) != "6 af 16 job · frist overskredet 31.12.2015" {
		t.Errorf("jobs bar %v of %v, %q", job.Value, job.Max, barText(job))
	}
	if fx.Value != float64(flex) || fx.Max != 30 || barText(fx) != "3 af 30 personer" {
		t.Errorf("flex bar %v of %v, %q", fx.Value, fx.Max, barText(fx))
	}
	if o.residents.Value != 0.5 || barText(o.residents) != "50 % (3 af 6 ansatte)" {
		t.Errorf("residents bar %v, %q", o.residents.Value, barText(o.residents))
	}
	if o.leases.Value != 2 || o.leases.Max != 2 || barText(o.leases) != "2 aktive af 2 lejemål" {
		t.Errorf("leases bar %v of %v, %q", o.leases.Value, o.leases.Max, barText(o.leases))
	}
	mustContain(t, o.leasesNote.Text, "Planlagte: 0 · opsagte: 0 · ophørte: 0")
	if barText(o.agreements) != "0 underskrevne af 0 aftaler" {
		t.Errorf("agreements bar %q", barText(o.agreements))
	}
	// The chart's newest month is March 2016, with every placement that ran in it.
	months := o.chart.Chart().Months
	if len(months) != 24 || widgets.MonthLabel(months[23]) != "mar 16" {
		t.Fatalf("chart months %d, last %q", len(months), widgets.MonthLabel(months[len(months)-1]))
	}
	var inMarch int
	s.DB().QueryRow(`SELECT count(*) FROM placements WHERE start_on <= '2016-03-31' AND coalesce(end_on, '9999') >= '2016-03-01'`).Scan(&inMarch)
	if months[23].Total() != inMarch {
		t.Errorf("the chart shows %d placements in March 2016, the table holds %d", months[23].Total(), inMarch)
	}
}

// dueRows renders the due list as the user sees it.
func dueRows(t *testing.T, o *OverviewTab) []string {
	t.Helper()
	var out []string
	for i := 0; i < o.due.Length(); i++ {
		d := o.ov.Due[i]
		out = append(out, d.Date.Format("02.01.2006")+" "+dueText(d))
	}
	return out
}

// On 1.1.2016 the demo's due list is, soonest first: the kick-off's action
// item and the three risk reviews, all late; the missing approval; the
// grant's status report; and the two leases' last notice days for the
// first end their non-terminable period allows. Activating a row opens its
// record in its tab.
func TestDueRowsOpenTheirRecords(t *testing.T) {
	w, _ := overviewOn(t, "2016-01-01")
	o := w.Overview
	rows := dueRows(t, o)
	want := []string{
		"30.04.2015 Handlingspunkt: Beskrive kravene til de socialøkonomiske virksomheder (Thomas Ærenlund, Center for Arbejdsmarked og Integration)",
		"15.05.2015 Gennemgang: Barriere: Lokaler i Kvarterhuset efter lov om almene boliger",
		"01.06.2015 Gennemgang: Risiko: Samarbejde",
		"01.09.2015 Gennemgang: Risiko: Udbud af egnet arbejdskraft (ledige fleksjobbere)",
		"01.01.2016 Styregruppens godkendelse mangler: Fra de varme lande",
		"31.01.2016 Afrapportering af tilskud: Statusrapport (eksempel), Puljemidler (tilskudsgiveren nævnes ikke i kommissoriet)",
		"29.02.2016 Sidste frist for opsigelse (udlejer, til ophør 31.8.2016): Bevar — Lager ved systuen, Systue",
		"31.03.2016 Sidste frist for opsigelse (udlejer, til ophør 30.9.2016): Fra de varme lande — Café, Køkken",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Fatalf("due list:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	// The window's Danish is the store's.
	for _, d := range o.ov.Due {
		if dueText(d) != d.Text {
			t.Errorf("window says %q, the store %q", dueText(d), d.Text)
		}
	}
	if !o.dueEmpty.Hidden {
		t.Error("the list has rows, yet it says nothing is due")
	}
	for _, c := range []struct {
		row     int
		tab     int
		heading func() string
		want    string
	}{
		{0, 6, w.Partnership.HeadingName, "Opstartsmøde i partnerskabet"},
		{1, 6, w.Partnership.HeadingName, "Lokaler i Kvarterhuset"},
		{4, 1, w.Partners.HeadingName, "Fra de varme lande"},
		{5, 6, w.Partnership.HeadingName, "Puljemidler"},
		{6, 2, w.Premises.HeadingName, "Bevar"},
		{7, 2, w.Premises.HeadingName, "Fra de varme lande"},
	} {
		w.Tabs.SelectIndex(0)
		o.due.Select(c.row)
		if got := w.Tabs.SelectedIndex(); got != c.tab {
			t.Errorf("row %d (%s) opened tab %d, want %d", c.row, rows[c.row], got, c.tab)
			continue
		}
		mustContain(t, c.heading(), c.want)
	}

	// On 1.12.2016 Syerske 3's delete-by date is near: the row of the
	// placements to delete by that day counts her and opens the staffing
	// tab's list of placements due.
	w, _ = overviewOn(t, "2016-12-01")
	o = w.Overview
	row := -1
	for i, d := range o.ov.Due {
		if d.Kind == data.DuePlacementDelete {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("no delete-by row on 1.12.2016: %v", dueRows(t, o))
	}
	if got := dueText(o.ov.Due[row]); got != "1 placering skal slettes senest 29.1.2017" {
		t.Errorf("row %q", got)
	}
	o.due.Select(row)
	if got := w.Tabs.SelectedIndex(); got != 3 || w.Staffing.Tabs.SelectedIndex() != subDue {
		t.Fatalf("the delete-by row opened tab %d, sub-tab %d; want Bemanding (3), Til sletning", got, w.Staffing.Tabs.SelectedIndex())
	}
}

// When placements are past their delete-by date the overview says how many
// in one row, which opens the staffing tab's list of them.
func TestOverduePlacementsOpenTheDueList(t *testing.T) {
	w, _ := overviewOn(t, "2017-03-01")
	o := w.Overview
	row := -1
	for i, d := range o.ov.Due {
		if d.Kind == data.DuePlacementsOverdue {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("no row for Syerske 3, past her delete-by date: %v", dueRows(t, o))
	}
	if got := dueText(o.ov.Due[row]); got != "1 placering har passeret sin slettefrist: slet eller anonymisér den" {
		t.Errorf("row %q", got)
	}
	o.due.Select(row)
	if got := w.Tabs.SelectedIndex(); got != 3 {
		t.Errorf("the overdue row opened tab %d, want Bemanding (3)", got)
	}
}

// A day with nothing due says so.
func TestNothingDue(t *testing.T) {
	w, _ := newTestWindow(t, false)
	w.Tabs.SelectIndex(0)
	if w.Overview.due.Length() != 0 || w.Overview.dueEmpty.Hidden {
		t.Errorf("an empty database has %d due rows; the empty text hidden: %v", w.Overview.due.Length(), w.Overview.dueEmpty.Hidden)
	}
	if got := barText(w.Overview.residents); got != "0 % (0 af 0 ansatte)" {
		t.Errorf("residents bar on an empty database: %q", got)
	}
}
