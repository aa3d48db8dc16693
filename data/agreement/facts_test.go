package agreement

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"partnerskab/data"
)

// templDemo opens a fresh store with the demo case and returns it with the
// demo's selection and facts.
func templDemo(tb testing.TB) (*data.Store, Selection, Facts) {
	tb.Helper()
	s, err := data.Open(filepath.Join(tb.TempDir(), "partnerskab.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return time.Date(2015, 3, 1, 9, 30, 0, 0, time.UTC) }
	ctx := context.Background()
	if err := s.LoadDemo(ctx); err != nil {
		tb.Fatalf("LoadDemo: %v", err)
	}
	sel, err := DemoSelection(ctx, s)
	if err != nil {
		tb.Fatalf("DemoSelection: %v", err)
	}
	f, err := BuildFacts(ctx, s, sel)
	if err != nil {
		tb.Fatalf("BuildFacts: %v", err)
	}
	return s, sel, f
}

// get walks a dotted path through the facts.
func get(tb testing.TB, f Facts, path ...string) any {
	tb.Helper()
	var v any = f
	for _, p := range path {
		m, ok := v.(Facts)
		if !ok {
			tb.Fatalf("%v: %q is not a group (%T)", path, p, v)
		}
		if v, ok = m[p]; !ok {
			tb.Fatalf("%v: no %q", path, p)
		}
	}
	return v
}

func TestBuildFactsDemo(t *testing.T) {
	_, sel, f := templDemo(t)
	if len(sel.PartyIDs) != 6 || len(sel.SignatoryContactIDs) != 6 || sel.LeaseID == 0 {
		t.Fatalf("demo selection: %d parties, %d signatories, lease %d; want 6, 6 and Bevar's lease",
			len(sel.PartyIDs), len(sel.SignatoryContactIDs), sel.LeaseID)
	}
	for _, c := range []struct {
		path []string
		want any
	}{
		{[]string{"aftale", "dato"}, "21. februar 2015"},
		{[]string{"aftale", "sted"}, "Korsør"},
		{[]string{"aftale", "periode"}, "fra 1. marts 2015 til 30. september 2017"},
		{[]string{"kommune", "navn"}, "Slagelse Kommune"},
		{[]string{"kommune", "cvr"}, "29188505"},
		{[]string{"kommune", "adresse"}, "Rådhuspladsen 11, 4200 Slagelse"},
		{[]string{"enhed", "navn"}, "Center for Arbejdsmarked og Integration"},
		{[]string{"enhed", "kontaktperson"}, "Mette Lindholm"},
		{[]string{"enhed", "part"}, "Slagelse Kommune v/ Center for Arbejdsmarked og Integration"},
		{[]string{"enhed", "juridisk_person"}, "Slagelse Kommune"},
		{[]string{"helhedsplan", "part"}, "BoligKorsør v/ Boligsocial helhedsplan Motalavej"},
		{[]string{"virksomhed", "part"}, "Bevar"},
		{[]string{"lejemaal", "udlejer_part"}, "BoligKorsør"},
		{[]string{"lejemaal", "matrikel"}, "matr.nr. 1234a Korsør Købstads Bygrunde"},
		{[]string{"lejemaal", "nettoprisindeks"}, Flag(true)},
		{[]string{"lejemaal", "regulering"}, "hver 1. januar efter nettoprisindekset"},
		{[]string{"lejemaal", "regulering_maaned"}, "januar"},
		{[]string{"virksomhed", "navn"}, "Bevar"},
		{[]string{"virksomhed", "godkendt_dato"}, "14. april 2015"},
		{[]string{"virksomhed", "rsv"}, "ukendt"},
		{[]string{"helhedsplan", "navn"}, "Boligsocial helhedsplan Motalavej"},
		{[]string{"boligorganisation", "navn"}, "BoligKorsør"},
		{[]string{"sekretariat", "navn"}, "Sekstanten"},
		{[]string{"lejemaal", "lejer"}, "Bevar"},
		{[]string{"lejemaal", "udlejer"}, "BoligKorsør"},
		{[]string{"lejemaal", "ejendom"}, "Kvarterhuset, Motalavej, 4220 Korsør"},
		{[]string{"lejemaal", "samlet_areal"}, "60 m²"},
		{[]string{"lejemaal", "husleje_pr_m2"}, "650,00 kr."},
		{[]string{"lejemaal", "aarlig_husleje"}, "39.000,00 kr."},
		{[]string{"lejemaal", "maanedlig_husleje"}, "3.250,00 kr."},
		{[]string{"lejemaal", "start"}, "1. september 2015"},
		{[]string{"lejemaal", "ophoer"}, ""},
		{[]string{"lejemaal", "uopsigelig_maaneder"}, Count(12)},
		{[]string{"lejemaal", "varsel_udlejer"}, Count(6)},
		{[]string{"lejemaal", "varsel_lejer"}, Count(3)},
		{[]string{"lejemaal", "mangler_godkendelse"}, Flag(false)},
		{[]string{"bemanding", "job_planlagt"}, Count(16)},
	} {
		if got := get(t, f, c.path...); got != c.want {
			t.Errorf("%v = %#v, want %#v", c.path, got, c.want)
		}
	}
	rooms := get(t, f, "lejemaal", "lokaler").([]Facts)
	want := []Facts{{"navn": "Lager ved systuen", "areal": "12 m²"}, {"navn": "Systue", "areal": "48 m²"}}
	if !reflect.DeepEqual(rooms, want) {
		t.Errorf("lokaler = %v, want %v", rooms, want)
	}
	approvals := get(t, f, "lejemaal", "godkendelser").([]Facts)
	if len(approvals) != 2 || approvals[0]["organ"] != "Afdelingsmøde" || approvals[0]["dato"] != "27. maj 2015" ||
		approvals[1]["organ"] != "Organisationsbestyrelse" || approvals[1]["dato"] != "16. juni 2015" {
		t.Errorf("godkendelser = %v", approvals)
	}
	parties := get(t, f, "parter").([]Facts)
	if len(parties) != 6 || parties[4]["navn"] != "Bevar" || parties[4]["type"] != "Socialøkonomisk virksomhed" ||
		parties[4]["kontaktperson"] != "Lene Østergaard" || parties[4]["titel"] != "Indehaver" {
		t.Errorf("parter = %v", parties)
	}
	signers := get(t, f, "underskrivere").([]Facts)
	if len(signers) != 6 || signers[0]["navn"] != "Mette Lindholm" ||
		signers[0]["organisation"] != "Center for Arbejdsmarked og Integration" || signers[5]["navn"] != "Yasmin Haddad" {
		t.Errorf("underskrivere = %v", signers)
	}
	goals := get(t, f, "maal").([]Facts)
	if len(goals) != 4 || goals[0]["maal"] != "16" || goals[0]["enhed"] != "job" || goals[0]["frist"] != "31. december 2015" {
		t.Errorf("maal = %v", goals)
	}
}

// The staffing is counted on the agreement's date: nobody is placed on
// 21.2.2015, and on 1.3.2016 the demo's running placements are.
func TestBuildFactsStaffingOnTheAgreementDate(t *testing.T) {
	s, sel, f := templDemo(t)
	if got := get(t, f, "bemanding", "job_besat"); got != Count(0) {
		t.Errorf("job_besat on 21.2.2015 = %v, want 0", got)
	}
	sel.AgreementDate = time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)
	later, err := BuildFacts(context.Background(), s, sel)
	if err != nil {
		t.Fatal(err)
	}
	jobs := get(t, later, "bemanding", "job_besat").(Count)
	flex := get(t, later, "bemanding", "fleksjobbere").(Count)
	if jobs == 0 || flex == 0 || flex > jobs {
		t.Errorf("on 1.3.2016: job_besat %d, fleksjobbere %d; want some jobs, some of them flex jobs", jobs, flex)
	}
	if got := get(t, later, "aftale", "dato"); got != "1. marts 2016" {
		t.Errorf("aftale.dato = %v", got)
	}
}

// Without a lease the group is missing, so {{^lejemaal}} shows its text;
// without a municipality among the parties, the unit's municipality is used.
func TestBuildFactsWithoutLeaseOrMunicipality(t *testing.T) {
	s, sel, _ := templDemo(t)
	sel.LeaseID = 0
	sel.PartyIDs = sel.PartyIDs[1:] // not Slagelse Kommune itself
	f, err := BuildFacts(context.Background(), s, sel)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f["lejemaal"]; ok {
		t.Error("lejemaal is set without a lease")
	}
	if got := get(t, f, "kommune", "navn"); got != "Slagelse Kommune" {
		t.Errorf("kommune.navn = %v, want the unit's municipality", got)
	}
	md, err := Merge(DefaultTemplates()[2].Body, f)
	if err != nil {
		t.Fatal(err)
	}
	if want := "*Der er ikke valgt et lejemål."; len(md) < len(want) || md[:len(want)] != want {
		t.Errorf("lejeaftale without a lease = %q", md)
	}
}

// A selection that points at nothing is refused as not found, naming what
// and which, never merged with empty facts.
func TestBuildFactsUnknownIDs(t *testing.T) {
	s, sel, _ := templDemo(t)
	for _, tc := range []struct {
		name   string
		change func(*Selection)
		want   string
	}{
		{"party", func(s *Selection) { s.PartyIDs = append(slices.Clone(s.PartyIDs), 9999) }, "part: organisation 9999 findes ikke"},
		{"lease", func(s *Selection) { s.LeaseID = 9999 }, "lejemål 9999 findes ikke"},
		{"signatory", func(s *Selection) { s.SignatoryContactIDs = []int64{9999} }, "underskriver: kontaktperson 9999 findes ikke"},
	} {
		c := sel
		tc.change(&c)
		_, err := BuildFacts(context.Background(), s, c)
		if !errors.Is(err, data.ErrNotFound) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s 9999: %v; want ErrNotFound saying %q", tc.name, err, tc.want)
		}
	}
}
