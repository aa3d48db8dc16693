package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/widgets"
)

// checklistItem is the demo's checklist item with merge-field name code.
func checklistItem(t *testing.T, s *data.Store, code string) data.ChecklistItem {
	t.Helper()
	items, err := s.Checklist(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Code == code {
			return it
		}
	}
	t.Fatalf("no checklist item %q", code)
	return data.ChecklistItem{}
}

// The caseworker settles "Krav til de socialøkonomiske virksomheder" in
// the Afklaringer tab; a template that uses {{afklaring.krav_virksomheder}}
// then drafts an agreement that says what was decided, next to the demo's
// settled role of the job centre.
func TestASettledChecklistTextReachesANewAgreementDraft(t *testing.T) {
	w, s := newTestWindow(t, true)
	ctx := context.Background()
	item := checklistItem(t, s, "krav_virksomheder")
	if item.Status == data.ChecklistSettled {
		t.Fatal("the demo has this item settled already")
	}
	w.Partnership.show(subChecklist)
	c := w.Partnership.checklist
	c.Show(item.ID)
	decided := "Virksomhederne ansætter mindst to ledige fra boligområdet hvert år."

	// Settled without a decided text: refused on the field.
	selectIn(c.Field("Status")).SetSelected("Afklaret")
	c.Save()
	if !c.Dirty() {
		t.Fatal("a settled item without a decided text was saved")
	}
	if c.Field("Decision").Msg.Text == "" {
		t.Error("no message on Besluttet tekst")
	}
	typeInto(c.Entry("Decision"), decided)
	c.Save()
	if c.Dirty() {
		t.Fatalf("not saved: %s", c.Form.State.Text)
	}
	got, err := s.ChecklistItem(ctx, item.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != data.ChecklistSettled || got.Decision != decided {
		t.Fatalf("the store holds %s %q", got.Status, got.Decision)
	}

	body, err := os.ReadFile(filepath.Join("..", "assets", "templates", "partnerskabsaftale.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(body) + "\n**Krav til virksomhederne.** {{afklaring.krav_virksomheder}}\n"
	tp, _, err := s.SaveTemplate(ctx, data.TemplateForm{Name: "Partnerskabsaftale med krav", Body: text})
	if err != nil {
		t.Fatal(err)
	}
	w.Reload()
	createDemoDraft(t, w, tp)
	preview := widgets.RichTextString(w.Agreements.draft.preview)
	mustContain(t, preview, "Krav til virksomhederne. "+decided)
	mustContain(t, preview, "Jobcentrets rolle. "+checklistItem(t, s, "jobcentrets_rolle").Decision)
}

// The milestone "Partnerskabet i drift" is ticked in Mål og milepæle with
// the day and its evidence: the store has it, its history shows the
// change, and Overblik says "Nået 10.9.2015" instead of "0 af 1".
func TestTickingAMilestoneShowsOnTheOverview(t *testing.T) {
	w, s := newTestWindow(t, true)
	ctx := context.Background()
	onDay(s, "2015-09-15")
	day := time.Date(2015, 9, 15, 0, 0, 0, 0, time.UTC)
	var goal data.Target
	targets, err := s.Targets(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range targets {
		if tg.Name == "Partnerskabet i drift" {
			goal = tg
		}
	}
	if goal.ID == 0 || goal.Met() {
		t.Fatalf("the demo's milestone: %+v", goal)
	}
	w.Partnership.show(subGoals)
	g := w.Partnership.goals
	g.Show(goal.ID)
	if g.Field("Goal").Label.Visible() {
		t.Error("a milestone shows the field Målet")
	}

	// Reached needs its evidence.
	typeInto(g.Entry("Reached"), "10.9.2015")
	g.Save()
	if !g.Dirty() || g.Field("Evidence").Msg.Text == "" {
		t.Fatal("a milestone reached without evidence was saved")
	}
	typeInto(g.Entry("Evidence"), "Referat af partnerskabsmødet 10.9.2015, punkt 2")
	g.Save()
	if g.Dirty() {
		t.Fatalf("not saved: %s", g.Form.State.Text)
	}
	saved, err := s.Target(ctx, goal.ID, day)
	if err != nil {
		t.Fatal(err)
	}
	if !saved.Met() || dk.FormatDate(saved.Reached) != "10.9.2015" || !strings.Contains(saved.Evidence, "punkt 2") {
		t.Fatalf("the store holds reached %s, evidence %q", dk.FormatDate(saved.Reached), saved.Evidence)
	}
	events, err := s.TargetHistory(ctx, goal.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) < 2 {
		t.Errorf("the goal has %d events after a change", len(events))
	}

	o := w.Overview
	o.now = func() time.Time { return time.Date(2015, 9, 15, 0, 0, 0, 0, time.Local) }
	w.Tabs.SelectIndex(0)
	var text string
	for _, tg := range o.ov.Targets {
		if tg.ID == goal.ID {
			text = targetText(tg, o.day())
		}
	}
	if text != "Nået 10.9.2015" {
		t.Errorf("Overblik says %q", text)
	}
}
