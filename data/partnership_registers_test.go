package data

import (
	"context"
	"strings"
	"testing"
)

// A fresh database holds the memo's nine checklist items and its bodies.
func TestNewDatabaseHasTheChecklistAndBodies(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	items, err := s.Checklist(ctx, false)
	if err != nil || len(items) != 9 {
		t.Fatalf("Checklist = %d items, %v; want the memo's nine", len(items), err)
	}
	if items[7].MergeField() != "afklaring.jobcentrets_rolle" || items[7].Status != ChecklistOpen {
		t.Errorf("item 8 = %s, %s", items[7].MergeField(), items[7].Status)
	}
	bodies, _ := s.Bodies(ctx, false)
	var names []string
	for _, b := range bodies {
		names = append(names, b.Name)
	}
	if strings.Join(names, ", ") != "Partnerskabet, Projektledelsen, Projektgruppen, Styregruppen for helhedsplanen, Sekstantens styregruppe" {
		t.Errorf("bodies = %s", strings.Join(names, ", "))
	}
	if n, _ := s.NoticeDays(ctx); n != 14 {
		t.Errorf("notice = %d days", n)
	}
}

func TestChecklistRules(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	before := snapshotCounts(t, s)
	_, err := s.SaveChecklistItem(ctx, ChecklistForm{Title: "Noget nyt", Code: "jobcentrets_rolle"})
	wantFieldError(t, err, "Code", "flettefeltet afklaring.jobcentrets_rolle bruges allerede af »Jobcentrets rolle«")
	_, err = s.SaveChecklistItem(ctx, ChecklistForm{Title: "Noget nyt", Code: "Jobcentrets rolle"})
	wantFieldError(t, err, "Code", "kun små bogstaver a–z, tal og _")
	_, err = s.SaveChecklistItem(ctx, ChecklistForm{Title: "Noget nyt", Code: "9punkt"})
	wantFieldError(t, err, "Code", "skal begynde med et bogstav")
	_, err = s.SaveChecklistItem(ctx, ChecklistForm{Title: "Noget nyt", Status: string(ChecklistSettled)})
	wantFieldError(t, err, "Decision", "skal have den tekst, der blev besluttet")
	_, err = s.SaveChecklistItem(ctx, ChecklistForm{Title: "Ring til 0102031234"})
	wantFieldError(t, err, "Title", "CPR")
	sameCounts(t, before, snapshotCounts(t, s))
	// The raw rules stand behind them.
	for _, q := range []string{
		`UPDATE checklist_items SET status = 'afklaret', decision = '' WHERE code = 'barrierer'`,
		`UPDATE checklist_items SET code = 'Æble' WHERE code = 'barrierer'`,
		`UPDATE checklist_items SET code = 'jobcentrets_rolle' WHERE code = 'barrierer'`,
	} {
		if _, err := s.DB().Exec(q); err == nil {
			t.Errorf("%s was accepted", q)
		}
	}

	// A new item gets its field name from its title, and keeps it.
	c, err := s.SaveChecklistItem(ctx, ChecklistForm{Title: "Økonomi og ressourcetræk på længere sigt"})
	if err != nil || c.Code != "oekonomi_og_ressourcetraek_paa_laengere" || c.Position != 10 {
		t.Fatalf("new item = %q at %d, %v", c.Code, c.Position, err)
	}
	f := c.Form()
	f.Code, f.Status, f.Decision = "noget_andet", string(ChecklistSettled), "Besluttet."
	if c, err = s.SaveChecklistItem(ctx, f); err != nil || c.Code != "oekonomi_og_ressourcetraek_paa_laengere" || c.Decision != "Besluttet." {
		t.Errorf("after an edit: %q %q, %v; the field name never changes once given", c.Code, c.Decision, err)
	}
	texts, _, _ := s.DecidedTexts(ctx)
	if texts["oekonomi_og_ressourcetraek_paa_laengere"] != "Besluttet." || texts["barrierer"] != "" ||
		!strings.HasPrefix(texts["jobcentrets_rolle"], "Jobcentret visiterer") {
		t.Errorf("DecidedTexts = %v", texts)
	}
	counts, _ := s.ChecklistCounts(ctx)
	if counts[ChecklistSettled] != 3 || counts[ChecklistWorking] != 3 || counts[ChecklistOpen] != 4 {
		t.Errorf("ChecklistCounts = %v", counts)
	}
}

func TestFieldName(t *testing.T) {
	for in, want := range map[string]string{
		"Jobcentrets rolle":                          "jobcentrets_rolle",
		"Program Ringparken og Motalavejs rolle":     "program_ringparken_og_motalavejs_rolle",
		"Krav til helhedsplaner/boligorganisationer": "krav_til_helhedsplaner_boligorganisation",
		"Ærø–Åbenrå":                                 "aeroe_aabenraa",
		"2. orden":                                   "punkt_2_orden",
		"Café & kaffe":                               "cafe_kaffe",
		"!!!":                                        "punkt",
	} {
		got := fieldName(in)
		if got != want || checkFieldName(got) != "" {
			t.Errorf("fieldName(%q) = %q (%s), want %q", in, got, checkFieldName(got), want)
		}
	}
}

func TestRiskRules(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	before := snapshotCounts(t, s)
	for _, tt := range []struct {
		f     RiskForm
		field string
		want  string
	}{
		{RiskForm{Kind: "risiko", Title: "X", Likelihood: "0", Impact: "3"}, "Likelihood", "skal være fra 1 til 5 (0)"},
		{RiskForm{Kind: "risiko", Title: "X", Likelihood: "3", Impact: "6"}, "Impact", "skal være fra 1 til 5 (6)"},
		{RiskForm{Kind: "risiko", Title: "X", Likelihood: "høj", Impact: "3"}, "Likelihood", "skal være et helt tal fra 1 til 5 (høj)"},
		{RiskForm{Kind: "risiko", Title: "X", Impact: "3"}, "Likelihood", "skriv et tal fra 1 til 5"},
		{RiskForm{Title: "X", Likelihood: "3", Impact: "3"}, "Kind", "vælg barriere eller risiko"},
		{RiskForm{Kind: "risiko", Title: "X", Likelihood: "3", Impact: "3", Review: "31.2.2015"}, "Review", "findes ikke"},
		{RiskForm{Kind: "risiko", Title: "X", Likelihood: "3", Impact: "3", Response: "Ring 010203-1234"}, "Response", "CPR"},
	} {
		_, err := s.SaveRisk(ctx, tt.f)
		wantFieldError(t, err, tt.field, tt.want)
	}
	sameCounts(t, before, snapshotCounts(t, s))
	for _, q := range []string{`UPDATE risks SET likelihood = 0`, `UPDATE risks SET impact = 6`, `UPDATE risks SET kind = 'fare'`} {
		if _, err := s.DB().Exec(q); err == nil || !strings.Contains(err.Error(), "CHECK") {
			t.Errorf("%s: %v", q, err)
		}
	}
	risks, _ := s.Risks(ctx, false)
	if len(risks) != 3 || risks[0].Title != "Lokaler i Kvarterhuset efter lov om almene boliger" || risks[0].Score() != 15 {
		t.Errorf("the gravest first: %+v", risks[0])
	}
	if RiskLine(risks[0]) != "Barriere · 3×5 = 15 · Lokaler i Kvarterhuset efter lov om almene boliger" {
		t.Errorf("RiskLine = %q", RiskLine(risks[0]))
	}
}

func TestGrantRules(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	before := snapshotCounts(t, s)
	base := GrantForm{Grantor: "Fonden", Purpose: "Drift"}
	for _, tt := range []struct {
		edit  func(*GrantForm)
		field string
		want  string
	}{
		{func(f *GrantForm) { f.Amount = "-5" }, "Amount", "et tilskud kan ikke være negativt (-5)"},
		{func(f *GrantForm) { f.Amount = "1,7 mio" }, "Amount", "1,7 mio"},
		{func(f *GrantForm) { f.Amount = "" }, "Amount", "skriv beløbet"},
		{func(f *GrantForm) { f.Amount, f.Start, f.End = "100", "1.1.2016", "31.12.2015" }, "End",
			"slutdatoen (31.12.2015) ligger før startdatoen (1.1.2016)"},
		{func(f *GrantForm) { f.Amount, f.Reports = "100", []GrantReportForm{{What: "Rapport"}} }, ReportField(0, "Due"), "skriv fristen"},
		{func(f *GrantForm) { f.Amount, f.Conditions = "100", "CPR 0102031234" }, "Conditions", "CPR"},
	} {
		f := base
		tt.edit(&f)
		_, err := s.SaveGrant(ctx, f)
		wantFieldError(t, err, tt.field, tt.want)
	}
	sameCounts(t, before, snapshotCounts(t, s))
	if _, err := s.DB().Exec(`UPDATE grants SET amount_ore = -1`); err == nil {
		t.Error("a negative grant was stored")
	}
	grants, _ := s.Grants(ctx, false)
	g, _ := s.Grant(ctx, grants[0].ID)
	if g.Amount != 170000000 || g.Organisation != "Fra de varme lande" || len(g.Reports) != 2 || g.Form().Amount != "1.700.000,00" {
		t.Errorf("the demo's grant: %d øre, %q, %d reports, %q", g.Amount, g.Organisation, len(g.Reports), g.Form().Amount)
	}
	// The reporting deadlines keep their ids through a save.
	f := g.Form()
	f.Reports[0].Done = "28.1.2016"
	g2, err := s.SaveGrant(ctx, f)
	if err != nil || g2.Reports[0].ID != g.Reports[0].ID || g2.Reports[0].Done != isoDay(t, "2016-01-28") {
		t.Errorf("after a save: %+v, %v", g2.Reports, err)
	}
}

// Goals: counted or milestones, measured on any day, overdue when behind,
// and every change an event in their history.
func TestGoals(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	before := snapshotCounts(t, s)
	_, err := s.SaveTarget(ctx, TargetForm{Name: "X", Measure: string(MeasureJobsFilled), Goal: "10", Start: "1.1.2016", Deadline: "31.12.2015"})
	wantFieldError(t, err, "Deadline", "fristen (31.12.2015) ligger før starten (1.1.2016)")
	_, err = s.SaveTarget(ctx, TargetForm{Name: "X", Goal: "10"})
	wantFieldError(t, err, "Measure", "vælg, hvordan målet måles")
	_, err = s.SaveTarget(ctx, TargetForm{Name: "X", Measure: string(MeasureResidentShare), Goal: "120"})
	wantFieldError(t, err, "Goal", "højst 100 %")
	_, err = s.SaveTarget(ctx, TargetForm{Name: "X", Measure: string(MeasureMilestone), Reached: "1.2.2016"})
	wantFieldError(t, err, "Evidence", "hvad der viser")
	_, err = s.SaveTarget(ctx, TargetForm{Name: "X", Measure: string(MeasureJobsFilled), Goal: "-1"})
	wantFieldError(t, err, "Goal", "negativ")
	sameCounts(t, before, snapshotCounts(t, s))

	targets, _ := s.Targets(ctx, isoDay(t, "2016-01-01"))
	var milestone Target
	for _, tg := range targets {
		if tg.Name == "Partnerskabet i drift" {
			milestone = tg
		}
	}
	if !milestone.Milestone() || milestone.Current != 0 || milestone.Unit != "milepæl" {
		t.Fatalf("the milestone = %+v", milestone)
	}
	// Tick it: reached 12.1.2016, with its evidence.
	f := milestone.Form()
	f.Reached, f.Evidence = "12.1.2016", "Referat af partnerskabsmødet 12.1.2016"
	if _, err := s.SaveTarget(ctx, f); err != nil {
		t.Fatal(err)
	}
	asOf := func(day string) Target {
		ts, err := s.Targets(ctx, isoDay(t, day))
		if err != nil {
			t.Fatal(err)
		}
		for _, tg := range ts {
			if tg.ID == milestone.ID {
				return tg
			}
		}
		t.Fatalf("goal %d is gone", milestone.ID)
		return Target{}
	}
	if g := asOf("2016-01-11"); g.Met() {
		t.Error("met the day before it was reached")
	}
	if g := asOf("2016-01-12"); !g.Met() || g.Overdue(isoDay(t, "2016-04-01")) {
		t.Errorf("on the day: met %v, overdue later %v", g.Met(), g.Overdue(isoDay(t, "2016-04-01")))
	}
	// The other milestone (31.12.2015) is overdue from 1.1.2016, not on its day.
	for _, tg := range targets {
		if tg.Name == "Projektet forankret i Helhedsplanen Motalavej" {
			if !tg.Overdue(isoDay(t, "2016-01-01")) || tg.Overdue(isoDay(t, "2015-12-31")) {
				t.Errorf("overdue on 1.1.2016 %v, on 31.12.2015 %v", tg.Overdue(isoDay(t, "2016-01-01")), tg.Overdue(isoDay(t, "2015-12-31")))
			}
		}
	}
	history, _ := s.TargetHistory(ctx, milestone.ID)
	if len(history) != 2 || history[0].Kind != "oprettet" || history[1].Detail != "Partnerskabet i drift · nået 12.1.2016 · frist 31.3.2016" {
		t.Errorf("history = %+v", history)
	}
	// Archived goals leave the overview but keep their history.
	if err := s.ArchiveTarget(ctx, milestone.ID); err != nil {
		t.Fatal(err)
	}
	if ts, _ := s.Targets(ctx, isoDay(t, "2016-01-12")); len(ts) != 3 {
		t.Errorf("%d goals after archiving one", len(ts))
	}
	// The residents' share is counted from the placements, in per cent.
	share, err := s.SaveTarget(ctx, TargetForm{Name: "Beboere", Measure: string(MeasureResidentShare), Goal: "50"})
	if err != nil || share.Unit != "%" {
		t.Fatalf("residents' share: %+v, %v", share, err)
	}
	c, _ := s.ActiveCounts(ctx, isoDay(t, "2016-01-12"))
	got, _ := s.Target(ctx, share.ID, isoDay(t, "2016-01-12"))
	if c.Jobs == 0 || got.Current != float64(c.Residents)*100/float64(c.Jobs) {
		t.Errorf("share = %v with %+v", got.Current, c)
	}
}

// A migrated database turns the old way of writing a milestone (a manual
// goal of one "milepæl") into a milestone, reached if it was ticked.
func TestMigrationMakesMilestones(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	mustExec(t, s, `INSERT INTO targets (name, goal, unit, measure, manual_value, created_at, updated_at)
		VALUES ('Gammel', 1, 'milepæl', 'manuel', 1, '2015-01-01T00:00:00Z', '2015-05-05T10:00:00Z')`)
	// Run the rebuild again on that row, as the migration does.
	m := migrations[2] // 003_partnership.sql
	start := strings.Index(m.sql, "CREATE TABLE targets_new")
	end := strings.Index(m.sql, "ALTER TABLE targets_new RENAME TO targets;") + len("ALTER TABLE targets_new RENAME TO targets;")
	if start < 0 || end < start {
		t.Fatal("the migration's rebuild of targets is not where this test looks")
	}
	old := `CREATE TABLE targets_old AS SELECT id, name, goal, unit, deadline, replace(measure, 'milepael', 'manuel') AS measure,
		manual_value, notes, position, created_at, updated_at FROM targets; DROP TABLE targets; ALTER TABLE targets_old RENAME TO targets;`
	mustExec(t, s, old)
	mustExec(t, s, m.sql[start:end])
	ts, err := s.Targets(ctx, isoDay(t, "2015-06-01"))
	if err != nil || len(ts) != 1 || !ts[0].Milestone() || ts[0].Reached != isoDay(t, "2015-05-05") || !ts[0].Met() {
		t.Errorf("after the migration: %+v, %v", ts, err)
	}
}

func TestMemberships(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	var group int64
	s.DB().QueryRow(`SELECT id FROM bodies WHERE code = 'projektgruppe'`).Scan(&group)
	on := func(day string) []string {
		ms, err := s.Memberships(ctx, MembershipQuery{BodyID: group, On: isoDay(t, day)})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, m := range ms {
			names = append(names, m.Person.Name)
		}
		return names
	}
	// Danish order: Æ after Z, Ø after Æ.
	if got := strings.Join(on("2015-06-01"), ", "); got != "Amina Hadžić, Lene Østergaard, Sofie Krogh, Thomas Ærenlund" {
		t.Errorf("the working group on 1.6.2015: %s", got)
	}
	if got := on("2015-02-28"); len(got) != 0 {
		t.Errorf("before they joined: %v", got)
	}
	// Lene leaves on 30.9.2015.
	ms, _ := s.Memberships(ctx, MembershipQuery{BodyID: group})
	for _, m := range ms {
		if m.Person.Name == "Lene Østergaard" {
			f := m.Form()
			f.To = "30.9.2015"
			if _, err := s.SaveMembership(ctx, f); err != nil {
				t.Fatal(err)
			}
			f.To = "28.2.2015"
			_, err := s.SaveMembership(ctx, f)
			wantFieldError(t, err, "To", "ligger før startdatoen (1.3.2015)")
		}
	}
	if got := strings.Join(on("2015-10-01"), ", "); got != "Amina Hadžić, Sofie Krogh, Thomas Ærenlund" {
		t.Errorf("the working group on 1.10.2015: %s", got)
	}
	_, err := s.SaveMembership(ctx, MembershipForm{BodyID: group, From: "1.3.2015"})
	wantFieldError(t, err, "PersonID", "vælg kontaktpersonen")
	if _, err := s.DB().Exec(`UPDATE memberships SET to_on = '2015-01-01'`); err == nil {
		t.Error("a membership ending before it starts was stored")
	}
}
