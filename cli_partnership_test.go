package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"partnerskab/data"
)

// The partnership's commands on the demo: meetings with the year's count,
// a meeting's agenda and minutes as PDF, the checklist, the goals as of a
// date, and the report's partnership part.

func meetingsJSON(t *testing.T, db string) meetingsOut {
	t.Helper()
	code, stdout, stderr := runCLI(t, "meetings", "--json", "--db", db)
	if code != 0 || stderr != "" {
		t.Fatalf("meetings --json: exit %d, %s", code, stderr)
	}
	var out meetingsOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("meetings --json printed %q: %v", stdout, err)
	}
	return out
}

// demoMeetingID is the id of the demo's meeting on iso (YYYY-MM-DD).
func demoMeetingID(t *testing.T, db, iso string) string {
	t.Helper()
	for _, m := range meetingsJSON(t, db).Meetings {
		if m.Date == iso {
			return itoa(m.ID)
		}
	}
	t.Fatalf("no meeting on %s", iso)
	return ""
}

func TestMeetingsListsTheDemo(t *testing.T) {
	db := demoDB(t)
	out := meetingsJSON(t, db)
	if len(out.Meetings) != 2 || len(out.Years) != 1 {
		t.Fatalf("meetings --json = %+v, want the kick-off and the planned meeting of 2015", out)
	}
	planned, kickoff := out.Meetings[0], out.Meetings[1]
	if planned.Date != "2015-06-11" || planned.Status != "planlagt" || planned.Body != "partnerskab" || planned.Items == 0 ||
		!planned.Example || planned.Starts != "13:00" {
		t.Errorf("planned meeting = %+v", planned)
	}
	if kickoff.Date != "2015-03-05" || kickoff.Status != "godkendt" || kickoff.ApprovedOn != "2015-03-12" ||
		kickoff.InvitedOn != "2015-02-19" || kickoff.Items != 7 || kickoff.Actions != 3 || kickoff.OpenActions != 1 {
		t.Errorf("kick-off = %+v", kickoff)
	}
	if y := out.Years[0]; y.Year != 2015 || y.Held != 1 || y.Planned != 1 || y.Min != 5 || y.Max != 7 ||
		y.Text != "1 af 5–7 møder i 2015 (1 planlagt)" {
		t.Errorf("year = %+v", y)
	}
	code, stdout, stderr := runCLI(t, "meetings", "--db", db)
	if code != 0 || stderr != "" {
		t.Fatalf("meetings: exit %d, %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "Id  Dato") || lines[4] != "1 af 5–7 møder i 2015 (1 planlagt)." {
		t.Fatalf("meetings:\n%s", stdout)
	}
	for i, want := range [][]string{
		{"11.6.2015", "13.00–15.00", "Partnerskabet", "Planlagt", "Partnerskabsmøde"},
		{"5.3.2015", "9.30–11.30", "Partnerskabet", "Referat godkendt", "Opstartsmøde i partnerskabet"},
	} {
		for _, w := range want {
			if !strings.Contains(lines[1+i], w) {
				t.Errorf("line %q lacks %q", lines[1+i], w)
			}
		}
	}
	// A column starts at the same place on every line.
	col := func(line, s string) int { return len([]rune(line[:strings.Index(line, s)])) }
	if at := col(lines[0], "Status"); col(lines[1], "Planlagt") != at || col(lines[2], "Referat godkendt") != at {
		t.Errorf("the status column does not line up:\n%s", stdout)
	}
	if code, _, stderr := runCLI(t, "meetings", "--db", db, "--year", "2015"); code != 2 || !strings.Contains(stderr, "ukendt flag --year") {
		t.Errorf("an unknown flag: exit %d, %q", code, stderr)
	}
}

func TestMeetingsEmpty(t *testing.T) {
	db := filepath.Join(t.TempDir(), "tom.db")
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	year := s.Now().Year()
	s.Close()
	if out := meetingsJSON(t, db); len(out.Meetings) != 0 || len(out.Years) != 1 || out.Years[0].Year != year {
		t.Errorf("no meetings as JSON = %+v", out)
	}
	_, stdout, _ := runCLI(t, "meetings", "--db", db)
	if !strings.HasPrefix(stdout, "Ingen møder.\n\n0 af 5–7 møder i ") {
		t.Errorf("no meetings as text = %q", stdout)
	}
}

func TestExportMeetingDocuments(t *testing.T) {
	db := demoDB(t)
	id := demoMeetingID(t, db, "2015-03-05")
	dir := t.TempDir()
	export := func(what, name string) (string, string) {
		t.Helper()
		out := filepath.Join(dir, name)
		code, stdout, stderr := runCLI(t, "export", "--meeting", id, "--what", what, "--out", out, "--db", db)
		if code != 0 || stderr != "" || !strings.Contains(stdout, out) {
			t.Fatalf("export --what %s: exit %d, stdout %q, stderr %q", what, code, stdout, stderr)
		}
		qpdf, err := exec.LookPath("qpdf")
		if err != nil {
			t.Fatalf("qpdf is needed to check the exported PDF: %v", err)
		}
		if out, err := exec.Command(qpdf, "--check", out).CombinedOutput(); err != nil ||
			!strings.Contains(string(out), "No syntax or stream encoding errors found") {
			t.Errorf("qpdf --check %s: %v\n%s", name, err, out)
		}
		return out, squeeze(pdfText(t, out))
	}
	agenda, text := export("dagsorden", "dagsorden.pdf")
	if !strings.Contains(stdoutOf(t, "export", "--meeting", id, "--what", "Indkaldelse", "--out", filepath.Join(dir, "igen.pdf"), "--db", db),
		"Indkaldelse og dagsorden for Opstartsmøde i partnerskabet 5.3.2015") {
		t.Error("the export does not say what it wrote")
	}
	if sum(t, agenda) != sum(t, filepath.Join(dir, "igen.pdf")) {
		t.Error("the same agenda exported twice differs")
	}
	for _, want := range []string{"Indkaldelse og dagsorden", "Opstartsmøde i partnerskabet", "1. Velkomst og præsentation af parterne",
		"Ansvarlig: Jens Aagaard, Sekstanten", "7. Eventuelt", "Peter Bech", "sendt 19.2.2015", "Dagsorden 5.3.2015 · Side 1 af", "EKSEMPEL"} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("the agenda's text lacks %q", want)
		}
	}
	_, text = export("referat", "referat.pdf")
	for _, want := range []string{"Referat", "Godkendt 12.3.2015", "Fraværende", "Peter Bech",
		"Beslutning: Parterne tilslutter sig kommissoriets mål som fælles pejlemærker.",
		"Udkast til partnerskabsaftale sendes til parterne", "Mette Lindholm, Center for Arbejdsmarked og Integration", "20.3.2015", "18.3.2015",
		"Beskrive kravene til de socialøkonomiske virksomheder", "Thomas Ærenlund", "30.4.2015", "Åben",
		"Referat 5.3.2015 · Side 1 af", "EKSEMPEL"} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("the minutes' text lacks %q", want)
		}
	}
}

func stdoutOf(t *testing.T, args ...string) string {
	t.Helper()
	code, stdout, stderr := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("%q: exit %d, %s", args, code, stderr)
	}
	return stdout
}

func TestExportMeetingRefused(t *testing.T) {
	db := demoDB(t)
	kickoff, planned := demoMeetingID(t, db, "2015-03-05"), demoMeetingID(t, db, "2015-06-11")
	dir := t.TempDir()
	out := filepath.Join(dir, "x.pdf")
	for _, tc := range []struct {
		args       []string
		code       int
		name, want string
	}{
		{[]string{"--meeting", kickoff, "--what", "protokol", "--out", out}, 2, "--what", `ukendt dokument "protokol"; vælg dagsorden eller referat`},
		{[]string{"--meeting", kickoff, "--out", out}, 2, "--meeting ID --what dagsorden|referat", "angiv mødet, dokumentet og filen"},
		{[]string{"--meeting", "999", "--what", "referat", "--out", out}, 1, db, "møde 999 findes ikke; se 'partnerskab meetings'"},
		{[]string{"--meeting", "5.3.2015", "--what", "referat", "--out", out}, 1, `"5.3.2015"`, "--meeting skal være mødets id"},
		{[]string{"--meeting", planned, "--what", "referat", "--out", out}, 1, "»Partnerskabsmøde« 11.6.2015",
			"referatet kan ikke dannes endnu: mødet »Partnerskabsmøde« 11.6.2015 er planlagt, ikke afholdt"},
		{[]string{"--meeting", kickoff, "--agreement", "1", "--out", out}, 2, "--agreement", "vælg enten --agreement eller --meeting, ikke begge"},
		{[]string{"--agreement", "1", "--what", "referat", "--out", out}, 2, "--what", "angiv mødet med --meeting ID"},
		{[]string{"--meeting", kickoff, "--what", "referat", "--out", filepath.Join(dir, "mangler", "x.pdf")}, 1, "mangler", "mappen findes ikke"},
	} {
		code, stdout, stderr := runCLI(t, append([]string{"export", "--db", db}, tc.args...)...)
		if code != tc.code {
			t.Errorf("%q: exit %d, want %d", tc.args, code, tc.code)
		}
		wantOneLine(t, stdout, stderr, tc.name, tc.want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused exports wrote %d files", len(entries))
	}
}

func TestChecklistCommand(t *testing.T) {
	db := demoDB(t)
	code, stdout, stderr := runCLI(t, "checklist", "--json", "--db", db)
	if code != 0 || stderr != "" {
		t.Fatalf("checklist --json: exit %d, %s", code, stderr)
	}
	var rows []checklistRow
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 9 {
		t.Fatalf("%d checklist items, want the memo's nine", len(rows))
	}
	settled := 0
	for _, r := range rows {
		if r.Status == "afklaret" {
			settled++
			if r.Decision == "" || r.Settled != "Opstartsmøde i partnerskabet 5.3.2015" || r.Owner == "" {
				t.Errorf("settled item %+v", r)
			}
		}
		if !strings.HasPrefix(r.Field, "afklaring.") {
			t.Errorf("field %q", r.Field)
		}
	}
	if settled != 2 {
		t.Errorf("%d settled items, want 2", settled)
	}
	_, stdout, _ = runCLI(t, "checklist", "--db", db)
	for _, want := range []string{"8. Jobcentrets rolle",
		"   Status: Afklaret · ansvarlig: Mette Lindholm, Center for Arbejdsmarked og Integration · flettefelt: {{afklaring.jobcentrets_rolle}}",
		"   Drøftet på Opstartsmøde i partnerskabet 5.3.2015 · afklaret på Opstartsmøde i partnerskabet 5.3.2015",
		"   Besluttet tekst: Jobcentret visiterer kandidater til virksomhederne",
		"2. Standarden, som der skal afrapporteres og videregives viden i\n   Status: Åben · ansvarlig: ikke valgt",
		"\nÅben: 4 · Under afklaring: 3 · Afklaret: 2.\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("checklist lacks %q:\n%s", want, stdout)
		}
	}
}

func goalsJSON(t *testing.T, db string, args ...string) goalsOut {
	t.Helper()
	code, stdout, stderr := runCLI(t, append([]string{"goals", "--json", "--db", db}, args...)...)
	if code != 0 || stderr != "" {
		t.Fatalf("goals --json %q: exit %d, %s", args, code, stderr)
	}
	var out goalsOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestGoalsAsOfADate(t *testing.T) {
	db := demoDB(t)
	// The milestone "Partnerskabet i drift" is ticked on 12.1.2016.
	s, err := data.OpenExisting(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ts, _ := s.Targets(ctx, s.Now())
	for _, tg := range ts {
		if tg.Name == "Partnerskabet i drift" {
			f := tg.Form()
			f.Reached, f.Evidence = "12.1.2016", "Referat af partnerskabsmødet 12.1.2016"
			if _, err := s.SaveTarget(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.Close()

	_, stdout, _ := runCLI(t, "goals", "--db", db, "--as-of", "31.12.2015")
	for _, want := range []string{"Mål pr. 31.12.2015:\n",
		"  Arbejdspladser i de to socialøkonomiske virksomheder: 5 af 16 job · frist 31.12.2015\n",
		"  Partnerskabet i drift: milepæl ikke nået · frist 31.3.2016\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("goals as of 31.12.2015 lack %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "overskredet") {
		t.Errorf("a deadline is overdue on its own day:\n%s", stdout)
	}
	_, stdout, _ = runCLI(t, "goals", "--db", db, "--as-of", "1.2.2016")
	for _, want := range []string{"6 af 16 job · frist overskredet 31.12.2015",
		"Partnerskabet i drift: milepæl nået 12.1.2016 (Referat af partnerskabsmødet 12.1.2016) · frist 31.3.2016",
		"Projektet forankret i Helhedsplanen Motalavej: milepæl ikke nået · frist overskredet 31.12.2015"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("goals as of 1.2.2016 lack %q:\n%s", want, stdout)
		}
	}
	out := goalsJSON(t, db, "--as-of", "1.2.2016")
	if out.AsOf != "2016-02-01" || len(out.Goals) != 4 {
		t.Fatalf("goals --json = %+v", out)
	}
	for _, g := range out.Goals {
		switch g.Name {
		case "Partnerskabet i drift":
			if g.Measure != "milepael" || !g.Met || g.Overdue || g.Reached != "2016-01-12" || g.Current != 1 {
				t.Errorf("milestone = %+v", g)
			}
		case "Arbejdspladser i de to socialøkonomiske virksomheder":
			if g.Measure != "besatte_job" || g.Goal != 16 || g.Met || !g.Overdue || g.Deadline != "2015-12-31" {
				t.Errorf("jobs = %+v", g)
			}
		}
	}
	if g := goalsJSON(t, db, "--as-of", "11.1.2016").Goals[2]; g.Met || g.Reached != "" {
		t.Errorf("the milestone counts as reached the day before: %+v", g)
	}
	for _, bad := range []string{"31.2.2015", "i går"} {
		code, stdout, stderr := runCLI(t, "goals", "--db", db, "--as-of", bad)
		if code != 2 {
			t.Errorf("--as-of %q: exit %d, want 2", bad, code)
		}
		wantOneLine(t, stdout, stderr, "--as-of", bad)
	}
}

func TestReportShowsThePartnership(t *testing.T) {
	db := demoDB(t)
	code, stdout, stderr := runCLI(t, "report", "--json", "--db", db)
	if code != 0 || stderr != "" {
		t.Fatalf("report --json: exit %d, %s", code, stderr)
	}
	var r data.Report
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	w := r.Work
	if w.MeetingsMin != 5 || w.MeetingsMax != 7 || w.Checklist["afklaret"] != 2 || w.Checklist["aaben"]+w.Checklist["under_afklaring"] != 7 ||
		w.Risks != 3 || w.Grants != 1 || w.GrantsOre != 170_000_000 {
		t.Errorf("report's partnership = %+v", w)
	}
	if !strings.Contains(stdout, `"partnership": {`) || !strings.Contains(stdout, `"meetingsHeld"`) {
		t.Errorf("the JSON lacks the partnership part:\n%s", stdout)
	}
	_, stdout, _ = runCLI(t, "report", "--db", db)
	for _, want := range []string{"Partnerskabets arbejde:\n", "  Møder: ", " af 5–7 møder i ",
		"  Afklaringer: Åben: 4 · Under afklaring: 3 · Afklaret: 2\n", "  Barrierer og risici: 3, heraf 3 ikke lukket\n",
		"  Tilskud: 1 på i alt 1.700.000,00 kr.\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
}

// help fields lists the decided texts of the database's checklist: the
// one --db names, or the default database when there is one.
func TestHelpFieldsOfTheDatabase(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("APPDATA", config)
	const field = "{{afklaring.jobcentrets_rolle}}  den besluttede tekst: Jobcentrets rolle"
	_, stdout, stderr := runCLI(t, "help", "fields")
	if stderr != "" || strings.Contains(stdout, "afklaring") || !strings.Contains(stdout, "{{virksomhed.navn}}") {
		t.Errorf("help fields without a database: %q\n%s", stderr, stdout)
	}
	db := demoDB(t)
	if _, stdout, _ := runCLI(t, "help", "fields", "--db", db); !strings.Contains(stdout, field) ||
		!strings.Contains(stdout, "{{#afklaring}}…{{/afklaring}}") {
		t.Errorf("help fields --db lacks the checklist:\n%s", stdout)
	}
	def, _ := data.DefaultPath()
	if err := os.MkdirAll(filepath.Dir(def), 0o700); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(db)
	os.WriteFile(def, b, 0o600)
	if _, stdout, _ := runCLI(t, "help", "fields"); !strings.Contains(stdout, field) {
		t.Errorf("help fields lacks the default database's checklist:\n%s", stdout)
	}
	missing := filepath.Join(t.TempDir(), "ingen.db")
	code, stdout, stderr := runCLI(t, "help", "fields", "--db", missing)
	if code != 1 {
		t.Errorf("help fields --db of a missing file: exit %d", code)
	}
	wantOneLine(t, stdout, stderr, missing, "findes ikke")
}

// template check knows the decided texts of the database, so the default
// partnership template, which uses two, is without problems.
func TestTemplateCheckKnowsTheChecklist(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("APPDATA", config)
	db := demoDB(t)
	s, err := data.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	var body string
	if err := s.DB().QueryRow(`SELECT body FROM template_versions v JOIN templates t ON t.id = v.template_id
		WHERE t.name LIKE 'Partnerskabsaftale%'`).Scan(&body); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if !strings.Contains(body, "{{afklaring.jobcentrets_rolle}}") {
		t.Fatal("the default partnership template does not use the decided texts")
	}
	path := filepath.Join(t.TempDir(), "partnerskab.md")
	os.WriteFile(path, []byte(body), 0o600)
	if code, stdout, stderr := runCLI(t, "template", "check", path, "--db", db); code != 0 || stdout != path+": ingen fejl.\n" {
		t.Errorf("template check --db: exit %d, %q, %q", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "template", "check", path); code != 1 || !strings.Contains(stderr, "»afklaring.jobcentrets_rolle«") {
		t.Errorf("template check without a database: exit %d, %q", code, stderr)
	}
}

func TestHelpListsThePartnershipCommands(t *testing.T) {
	_, stdout, _ := runCLI(t, "help")
	for _, want := range []string{"\n  meetings [--json]  ", "\n  checklist [--json]  ", "\n  goals [--json] [--as-of DATO]  ",
		"\n  export --meeting ID --what dagsorden|referat --out FIL.pdf  ", "\n  export --agreement ID --out FIL.pdf  "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help lacks %q:\n%s", want, stdout)
		}
	}
	if bytes.Count([]byte(stdout), []byte("\n  export ")) != 2 {
		t.Errorf("help lists export %d times, want its two forms", bytes.Count([]byte(stdout), []byte("\n  export ")))
	}
}
