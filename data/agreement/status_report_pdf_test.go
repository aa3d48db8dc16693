package agreement

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// statusReportFile produces the demo's status report as of asOf (d.m.yyyy)
// and returns its text as pdftotext reads it, flattened.
func statusReportFile(t *testing.T, s *data.Store, asOf string) (data.StatusReport, []byte, string) {
	t.Helper()
	day, err := dk.ParseDate(asOf)
	if err != nil {
		t.Fatal(err)
	}
	rep, b, err := ProduceStatusReport(context.Background(), s, day, time.Time{}, nil)
	if err != nil {
		t.Fatalf("ProduceStatusReport(%s): %v", asOf, err)
	}
	path := filepath.Join(t.TempDir(), "status.pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PARTNERSKAB_PDF_DIR"); dir != "" {
		os.WriteFile(filepath.Join(dir, "status-"+asOf+".pdf"), b, 0o644)
	}
	return rep, b, flat(pages(t, path))
}

// TestStatusReportHoldsEverySectionAndNoPersonData: as of 31.12.2015 the
// report has its ten numbered sections, says which day it counts, and no
// placed citizen's pseudonym or initials and no contact person's name is
// in it anywhere.
func TestStatusReportHoldsEverySectionAndNoPersonData(t *testing.T) {
	s := meetingDemo(t)
	_, _, text := statusReportFile(t, s, "31.12.2015")
	for i, h := range StatusReportSections {
		wantAll(t, "the status report", text, strings.TrimSpace(numbered(i).Number)+" "+h)
	}
	wantAll(t, "the status report", text, StatusReportTitle, "Opgjort pr.", "31. december 2015", "Bevar", "Fra de varme lande",
		"Fleksjob", "1.700.000,00 kr.", "Jobcentrets rolle")
	var people []string
	for _, q := range []string{`SELECT pseudonym FROM placements`, `SELECT name FROM contacts`, `SELECT name FROM signatories`} {
		rows, err := s.DB().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
			people = append(people, n)
		}
		rows.Close()
	}
	if len(people) < 5 {
		t.Fatalf("the demo names only %d people and contacts; the test needs them", len(people))
	}
	for _, p := range people {
		if strings.Contains(text, p) {
			t.Errorf("the status report names the person %q", p)
		}
	}
}

// TestStatusReportMasksACountOfTwo: on 20.10.2015 two placements counted as
// jobs: every section that counts people prints "under 3" where the count
// is 2 (or 1), the stored summary keeps no such number, and a threshold of
// 6 set in Indstillinger masks five.
func TestStatusReportMasksACountOfTwo(t *testing.T) {
	s := meetingDemo(t)
	ctx := context.Background()
	day := time.Date(2015, 10, 20, 0, 0, 0, 0, time.UTC)
	if c, err := s.ActiveCounts(ctx, day); err != nil || c.Jobs != 2 {
		t.Fatalf("the demo on 20.10.2015 has %d jobs (%v), the test needs 2", c.Jobs, err)
	}
	rep, _, text := statusReportFile(t, s, "20.10.2015")
	if !rep.Residents.Placed.Masked() || rep.Residents.Share != nil {
		t.Errorf("two jobs filled: %+v", rep.Residents)
	}
	wantAll(t, "the status report of 20.10.2015", text, "Besatte job pr. 20.10.2015: under 3", "Beboernes andel: vises ikke",
		"Arbejdspladser i de to socialøkonomiske virksomheder under 3")
	for _, e := range rep.Enterprises {
		if n := e.Placements; n.N > 0 && n.N < 3 {
			t.Errorf("%s: %d placements shown", e.Name, n.N)
		}
	}
	for _, m := range rep.Placements.Months {
		for _, n := range append(append([]data.PeopleCount{}, m.ByScheme...), m.Total) {
			if n.N > 0 && n.N < 3 {
				t.Errorf("%s: a count of %d in the chart", m.Month, n.N)
			}
		}
	}
	var summary string
	if err := s.DB().QueryRow(`SELECT summary FROM status_reports ORDER BY id DESC LIMIT 1`).Scan(&summary); err != nil {
		t.Fatal(err)
	}
	for _, small := range []string{`{"n":1}`, `{"n":2}`} {
		if strings.Contains(summary, small) {
			t.Errorf("the stored summary holds %s", small)
		}
	}
	f, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f.ReportThreshold = "6"
	if _, err := s.SaveSettings(ctx, f); err != nil {
		t.Fatal(err)
	}
	_, _, text = statusReportFile(t, s, "31.12.2015")
	wantAll(t, "the status report with threshold 6", text, "Besatte job pr. 31.12.2015: under 6", "fra 1 til 5 vises som »under 6«")
}

// TestStatusReportCountsAsOfItsDay: as of 31.12.2015 the placement that
// started on 4.1.2016 is not counted; as of 4.1.2016 it is, and the goals
// show the trend since the stored report of 31.12.2015.
func TestStatusReportCountsAsOfItsDay(t *testing.T) {
	s := meetingDemo(t)
	rep, _, text := statusReportFile(t, s, "31.12.2015")
	if rep.Residents.Placed.N != 5 || rep.Placements.Started.N != 6 {
		t.Errorf("as of 31.12.2015: %d jobs filled, %d started; want 5 and 6", rep.Residents.Placed.N, rep.Placements.Started.N)
	}
	wantAll(t, "the report of 31.12.2015", text, "Besatte job pr. 31.12.2015: 5", "ingen (udviklingen vises fra næste rapport)")
	if strings.Contains(text, "januar 2016") {
		t.Error("the report of 31.12.2015 has a month of 2016")
	}
	rep, _, text = statusReportFile(t, s, "4.1.2016")
	if rep.Residents.Placed.N != 6 || rep.From != "2016-01-01" || rep.Previous != "2015-12-31" {
		t.Errorf("as of 4.1.2016: %d jobs, from %s, previous %s", rep.Residents.Placed.N, rep.From, rep.Previous)
	}
	wantAll(t, "the report of 4.1.2016", text, "pr. 31.12.2015 (udviklingen måles herfra)", "+1 siden 31.12.2015")
}

// TestStatusReportIsTheSameForTheSameDataAndDay: produced twice as of the
// same day (and stored in between), the bytes are identical; the stored
// newest is what LatestStatusReport hands on.
func TestStatusReportIsTheSameForTheSameDataAndDay(t *testing.T) {
	s := meetingDemo(t)
	_, a, _ := statusReportFile(t, s, "31.12.2015")
	s.Now = func() time.Time { return time.Date(2016, 2, 1, 9, 0, 0, 0, time.UTC) }
	_, b, _ := statusReportFile(t, s, "31.12.2015")
	if !bytes.Equal(a, b) {
		t.Error("the same report as of the same day gave different bytes")
	}
	pdf, asOf, ok, err := s.LatestStatusReport(context.Background())
	if err != nil || !ok || !bytes.Equal(pdf, b) || dk.ISODate(asOf) != "2015-12-31" {
		t.Errorf("LatestStatusReport: ok %v, as of %s, %d bytes, %v", ok, asOf, len(pdf), err)
	}
	path := writeTemp(t, "status.pdf", b)
	out := run(t, "qpdf", "--check", path)
	if !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check: %s", out)
	}
	// Archive-ready like the agreements: the organisation as author, the
	// numbered sections as bookmarks, and pdfcpu's strict check passes.
	org, _ := s.Setting(context.Background(), data.SettingOrganisationName)
	wantArchivable(t, path, StatusReportTitle, org, "1. Mål og resultater", "10. Tilskud og afrapportering")
	if out, err := exec.Command(pdfcpu(t), "validate", "-m", "strict", path).CombinedOutput(); err != nil {
		t.Errorf("pdfcpu validate: %v\n%s", err, out)
	}
}
