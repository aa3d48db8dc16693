package data

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"testing"
	"time"

	"partnerskab/data/dk"
)

func TestLoadDemo(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	r, err := s.Report(ctx, time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := ReportCounts{Organisations: 9, Contacts: 8, Rooms: 5, Leases: 2, Placements: 8}
	if r.Counts != want {
		t.Errorf("counts = %+v, want %+v", r.Counts, want)
	}
	if r.SchemaVersion != SchemaVersion() || r.Path != s.Path() {
		t.Errorf("report header = %q schema %d", r.Path, r.SchemaVersion)
	}
	for _, name := range []string{"Slagelse Kommune", "Center for Arbejdsmarked og Integration", "Jobcenter Slagelse",
		"Sekstanten", "Boligsocial helhedsplan Motalavej", "BoligKorsør", "Jobenheden, Projekt Ringparken og Motalavej",
		"Bevar", "Fra de varme lande"} {
		if !slices.Contains(r.Organisations, name) {
			t.Errorf("report lacks organisation %q", name)
		}
	}
	sorted := slices.Clone(r.Organisations)
	dk.Sort(sorted)
	if !slices.Equal(sorted, r.Organisations) {
		t.Errorf("report's organisations are not in Danish order: %q", r.Organisations)
	}
	if len(r.Targets) != 4 {
		t.Fatalf("%d targets, want 4", len(r.Targets))
	}
	var goals []float64
	for _, tg := range r.Targets {
		goals = append(goals, tg.Goal)
	}
	if !slices.Contains(goals, 16) || !slices.Contains(goals, 30) {
		t.Errorf("target goals = %v, want 16 and 30 among them", goals)
	}
	if r.Targets[0].Goal != 16 || r.Targets[0].Deadline != "2015-12-31" || r.Targets[0].Unit != "job" {
		t.Errorf("first target = %+v, want the 16 jobs by 31.12.2015", r.Targets[0])
	}

	// The steering group approved Bevar; Fra de varme lande awaits approval.
	bevar := demoOrg(t, s, "Bevar")
	if !bevar.ApprovedOn.Equal(time.Date(2015, 4, 14, 0, 0, 0, 0, time.UTC)) || bevar.ApprovalRef == "" {
		t.Errorf("Bevar's approval = %v %q", bevar.ApprovedOn, bevar.ApprovalRef)
	}
	if v := demoOrg(t, s, "Fra de varme lande"); !v.ApprovedOn.IsZero() {
		t.Errorf("Fra de varme lande approved %v; the memo has it awaiting approval", v.ApprovedOn)
	}
	// Every contact hangs on an organisation, and every role the memo
	// describes has a person.
	for _, org := range []string{"Center for Arbejdsmarked og Integration", "Sekstanten", "Boligsocial helhedsplan Motalavej",
		"Jobenheden, Projekt Ringparken og Motalavej", "Bevar", "Fra de varme lande", "BoligKorsør"} {
		ks, err := s.Contacts(ctx, demoOrg(t, s, org).ID, false)
		if err != nil || len(ks) == 0 {
			t.Errorf("%s has no contact person (%v)", org, err)
		}
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("Check after demo = %q, %v", problems, err)
	}
}

func demoOrg(t *testing.T, s *Store, name string) Organisation {
	t.Helper()
	var id int64
	if err := s.DB().QueryRow("SELECT id FROM organisations WHERE name = ?", name).Scan(&id); err != nil {
		t.Fatalf("organisation %q: %v", name, err)
	}
	o, err := s.Organisation(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestDemoInventsNoCVR(t *testing.T) {
	s := mustDemo(t)
	kommune := demoOrg(t, s, "Slagelse Kommune")
	rows, err := s.DB().Query(`SELECT name, kind, cvr, parent_id FROM organisations WHERE cvr IS NOT NULL ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name, kind, cvr string
		var parent sql.NullInt64
		if err := rows.Scan(&name, &kind, &cvr, &parent); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
		if cvr != "29188505" {
			t.Errorf("%s carries CVR %s; the demo may only use Slagelse Kommune's", name, cvr)
		}
		isKommune := kind == string(KindMunicipality) && name == "Slagelse Kommune"
		isUnit := kind == string(KindMunicipalUnit) && parent.Int64 == kommune.ID
		if !isKommune && !isUnit {
			t.Errorf("%s (%s) carries the municipality's CVR without being it or one of its units", name, kind)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{"Slagelse Kommune", "Center for Arbejdsmarked og Integration", "Jobcenter Slagelse"}
	if !slices.Equal(names, want) {
		t.Errorf("organisations with a CVR = %q, want %q", names, want)
	}
	var other int
	if err := s.DB().QueryRow(`SELECT count(*) FROM organisations WHERE p_number IS NOT NULL OR ean IS NOT NULL`).Scan(&other); err != nil || other != 0 {
		t.Errorf("%d organisations with an invented P-number or EAN (%v)", other, err)
	}
}

func TestLoadDemoRefusesNonEmpty(t *testing.T) {
	ctx := context.Background()
	t.Run("demo twice", func(t *testing.T) {
		s := mustDemo(t)
		before := snapshotCounts(t, s)
		if err := s.LoadDemo(ctx); !errors.Is(err, ErrNotEmpty) {
			t.Fatalf("second LoadDemo = %v, want ErrNotEmpty", err)
		}
		sameCounts(t, before, snapshotCounts(t, s))
	})
	t.Run("user data", func(t *testing.T) {
		s := MustOpenDB(t)
		mustSaveOrg(t, s, OrganisationForm{Name: "Min egen forening", Kind: "andet"})
		before := snapshotCounts(t, s)
		if err := s.LoadDemo(ctx); !errors.Is(err, ErrNotEmpty) {
			t.Fatalf("LoadDemo over user data = %v, want ErrNotEmpty", err)
		}
		sameCounts(t, before, snapshotCounts(t, s))
		var n int
		s.DB().QueryRow(`SELECT count(*) FROM settings WHERE key = 'default_place' AND value = 'Korsør'`).Scan(&n)
		if n != 0 {
			t.Errorf("refused demo changed the settings")
		}
	})
	t.Run("archived user data", func(t *testing.T) {
		// An archived organisation is still the user's data.
		s := MustOpenDB(t)
		o := mustSaveOrg(t, s, OrganisationForm{Name: "Gammel forening", Kind: "andet"})
		if err := s.ArchiveOrganisation(ctx, o.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.LoadDemo(ctx); !errors.Is(err, ErrNotEmpty) {
			t.Fatalf("LoadDemo over archived data = %v, want ErrNotEmpty", err)
		}
	})
	if ErrNotEmpty.Error() != "databasen er ikke tom; eksemplet indlæses kun i en tom database" {
		t.Errorf("ErrNotEmpty text = %q", ErrNotEmpty)
	}
}

// activeJobs counts, in Go from the raw rows, the placements that run on day
// and whose scheme counts as a job: the expectation for the targets measured
// from placements, computed independently of the store's SQL.
func activeJobs(t *testing.T, s *Store, day time.Time, flexOnly bool) int {
	t.Helper()
	rows, err := s.DB().Query(`SELECT p.start_on, p.end_on, sc.code, sc.counts_as_job, sc.flex
		FROM placements p JOIN schemes sc ON sc.id = p.scheme_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var start string
		var end sql.NullString
		var code string
		var job, flex bool
		if err := rows.Scan(&start, &end, &code, &job, &flex); err != nil {
			t.Fatal(err)
		}
		from, err := dk.ParseISODate(start)
		if err != nil {
			t.Fatal(err)
		}
		running := !from.After(day)
		if end.Valid {
			to, err := dk.ParseISODate(end.String)
			if err != nil {
				t.Fatal(err)
			}
			running = running && !to.Before(day)
		}
		if running && job && (!flexOnly || flex) {
			n++
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDemoTargetsCountPlacements(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	// Days around the placements' starts and ends; 7.1.2016 is the last day
	// of "Syerske 3"'s work placement (an end date counts as a working day).
	days := []string{"2015-09-30", "2015-10-01", "2015-11-01", "2016-01-07", "2016-01-08", "2016-03-01", "2030-01-01"}
	sawSome := false
	for _, d := range days {
		day, err := dk.ParseISODate(d)
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Report(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		jobs, flex := activeJobs(t, s, day, false), activeJobs(t, s, day, true)
		sawSome = sawSome || jobs > 0
		for _, tg := range r.Targets {
			switch tg.Goal {
			case 16:
				if tg.Current != float64(jobs) {
					t.Errorf("%s: jobs target current = %v, want %d", d, tg.Current, jobs)
				}
			case 30:
				if tg.Current != float64(flex) {
					t.Errorf("%s: flex-job target current = %v, want %d", d, tg.Current, flex)
				}
			}
		}
	}
	if !sawSome {
		t.Fatal("no placement runs on any of the days; the test compares zeros")
	}
	// One day worked out by hand from demo.go: on 1.3.2016, A.B., K.M., L.H.,
	// S.F., N.A. and "Kok 2" work; "Syerske 3" has ended and F.Y. is a
	// volunteer. Three of them are in flex jobs.
	day := time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)
	if got := activeJobs(t, s, day, false); got != 6 {
		t.Errorf("jobs on 1.3.2016 = %d, want 6", got)
	}
	if got, err := s.ActiveCounts(ctx, day); err != nil || got.Flex != 3 {
		t.Errorf("flex jobs on 1.3.2016 = %d (%v), want 3", got.Flex, err)
	}
}
