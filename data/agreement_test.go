package data

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// idOf finds a row's id by its name in the demo case.
func idOf(tb testing.TB, s *Store, table, name string) int64 {
	tb.Helper()
	var id int64
	if err := s.DB().QueryRow("SELECT id FROM "+table+" WHERE name = ?", name).Scan(&id); err != nil {
		tb.Fatalf("%s %q: %v", table, name, err)
	}
	return id
}

// draftForm is a partnership draft between Bevar and the helhedsplan,
// signed by their two contacts, from version v.
func draftForm(tb testing.TB, s *Store, v TemplateVersion) AgreementForm {
	return AgreementForm{Title: "Samarbejdsaftale", TemplateVersionID: v.ID, Body: "# Samarbejdsaftale\n\nBevar og helhedsplanen.\n",
		Place: "Korsør", Date: "21.8.2015", ValidFrom: "1.9.2015", ValidTo: "30.9.2017",
		Parties: []PartyForm{{OrganisationID: idOf(tb, s, "organisations", "Bevar")},
			{OrganisationID: idOf(tb, s, "organisations", "Boligsocial helhedsplan Motalavej"), Role: "Helhedsplan"}},
		Signatories: []SignatoryForm{{ContactID: idOf(tb, s, "contacts", "Sofie Krogh")},
			{ContactID: idOf(tb, s, "contacts", "Lene Østergaard")}}}
}

func mustCreate(tb testing.TB, s *Store, f AgreementForm) Agreement {
	tb.Helper()
	a, err := s.CreateAgreement(context.Background(), f)
	if err != nil {
		tb.Fatalf("CreateAgreement: %v", err)
	}
	return a
}

func TestCreateAgreementRecordsVersion(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	tpl, v1 := mustSaveTemplate(t, s, TemplateForm{Name: "Samarbejdsaftale", Body: partnershipBody})
	a := mustCreate(t, s, draftForm(t, s, v1))
	if a.Number != "2015-001" || a.Status != StatusDraft || a.Status.Label() != "Kladde" {
		t.Errorf("number %q status %q (%s), want 2015-001 Kladde", a.Number, a.Status, a.Status.Label())
	}
	if a.TemplateVersionID != v1.ID || a.TemplateID != tpl.ID || a.TemplateVersion != 1 || a.TemplateName != "Samarbejdsaftale" {
		t.Errorf("template %d/%d v%d %q, want version %d of %d", a.TemplateVersionID, a.TemplateID, a.TemplateVersion, a.TemplateName, v1.ID, tpl.ID)
	}
	if len(a.Parties) != 2 || a.Parties[0].Name != "Bevar" || a.Parties[1].Role != "Helhedsplan" || a.Parties[0].Kind != KindEnterprise {
		t.Errorf("parties = %+v", a.Parties)
	}
	if len(a.Signatories) != 2 || a.Signatories[0].Name != "Sofie Krogh" || a.Signatories[0].Title != "Projektleder" ||
		a.Signatories[0].OrganisationName != "BoligKorsør v/ Boligsocial helhedsplan Motalavej" || a.Signatories[1].Position != 2 {
		t.Errorf("signatories = %+v", a.Signatories)
	}
	if a.Date.Format("2006-01-02") != "2015-08-21" || a.ValidTo.Format("2006-01-02") != "2017-09-30" || a.Place != "Korsør" {
		t.Errorf("date %v valid to %v place %q", a.Date, a.ValidTo, a.Place)
	}
	// A new version of the template leaves the agreement on the one it came from.
	_, v2 := mustSaveTemplate(t, s, TemplateForm{ID: tpl.ID, Name: "Samarbejdsaftale", Body: partnershipBody + "\nMere.\n"})
	b := mustCreate(t, s, draftForm(t, s, v2))
	again, _ := s.Agreement(ctx, a.ID)
	if again.TemplateVersionID != v1.ID || b.TemplateVersionID != v2.ID || b.Number != "2015-002" {
		t.Errorf("first on version %d (want %d), second on %d (want %d) numbered %s", again.TemplateVersionID, v1.ID,
			b.TemplateVersionID, v2.ID, b.Number)
	}
	// Another year starts again at 001.
	f := draftForm(t, s, v2)
	f.Date = "4.1.2016"
	if c := mustCreate(t, s, f); c.Number != "2016-001" {
		t.Errorf("first number of 2016 = %s", c.Number)
	}
	if got := eventKinds(t, s, "aftale", a.ID); strings.Join(got, ",") != "oprettet" {
		t.Errorf("events = %q", got)
	}
}

func TestCreateAgreementRefused(t *testing.T) {
	s := mustDemo(t)
	_, bad := mustSaveTemplate(t, s, TemplateForm{Name: "Med fejl", Body: "# Aftale\n\nHej {{ukendt.felt}}\n"})
	_, good := mustSaveTemplate(t, s, TemplateForm{Name: "Uden fejl", Body: partnershipBody})
	mustCreate(t, s, draftForm(t, s, good))
	before := snapshotCounts(t, s)
	agreements := countRows(t, s, "agreements")

	_, err := s.CreateAgreement(context.Background(), draftForm(t, s, bad))
	wantFieldError(t, err, "TemplateVersionID", "Skabelonen \"Med fejl\" (version 1) har fejl og kan ikke bruges: 3:5: ukendt felt")

	f := draftForm(t, s, good)
	f.Title, f.ValidFrom, f.ValidTo, f.Parties = "", "1.9.2015", "31.8.2015", f.Parties[:1]
	_, err = s.CreateAgreement(context.Background(), f)
	wantFieldError(t, err, "Title", "skal udfyldes")
	wantFieldError(t, err, "ValidTo", "31.8.2015", "før", "1.9.2015")
	wantFieldError(t, err, "Parties", "mindst to parter")

	f = draftForm(t, s, good)
	f.Number = "2015-001"
	_, err = s.CreateAgreement(context.Background(), f)
	wantFieldError(t, err, "Number", "2015-001", "allerede")
	f.Number = "15/1"
	_, err = s.CreateAgreement(context.Background(), f)
	wantFieldError(t, err, "Number", "2015-001")
	f = draftForm(t, s, good)
	f.Date = "31.2.2015"
	_, err = s.CreateAgreement(context.Background(), f)
	wantFieldError(t, err, "Date")

	sameCounts(t, before, snapshotCounts(t, s))
	if n := countRows(t, s, "agreements"); n != agreements {
		t.Errorf("%d agreements, want %d: a refused draft must write nothing", n, agreements)
	}
}

func TestAgreementDraftEditableUntilSent(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	_, v := mustSaveTemplate(t, s, TemplateForm{Name: "Samarbejdsaftale", Body: partnershipBody})
	a := mustCreate(t, s, draftForm(t, s, v))

	f := a.Form()
	f.Body += "\n## Tillæg\n\nParterne mødes hver måned.\n"
	f.Signatories = []SignatoryForm{f.Signatories[1], f.Signatories[0]} // Lene signs first
	saved, err := s.SaveAgreementDraft(ctx, a.ID, f)
	if err != nil {
		t.Fatalf("SaveAgreementDraft: %v", err)
	}
	if !strings.Contains(saved.Body, "hver måned") || saved.Signatories[0].Name != "Lene Østergaard" || saved.Number != a.Number {
		t.Errorf("saved draft: body %q, first signatory %q, number %s", saved.Body, saved.Signatories[0].Name, saved.Number)
	}
	if got := eventKinds(t, s, "aftale", a.ID); strings.Join(got, ",") != "oprettet,tekst ændret,ændret" {
		t.Errorf("events = %q", got)
	}

	if err := s.SendForSigning(ctx, a.ID); err != nil {
		t.Fatalf("SendForSigning: %v", err)
	}
	sent, _ := s.Agreement(ctx, a.ID)
	if sent.Status != StatusPending || sent.Status.Label() != "Til underskrift" || sent.BodySHA256 != sha(sent.Body) {
		t.Errorf("sent: status %s (%s), sha %s", sent.Status, sent.Status.Label(), sent.BodySHA256)
	}
	f = sent.Form()
	f.Body = "Noget helt andet."
	_, err = s.SaveAgreementDraft(ctx, a.ID, f)
	if !errors.Is(err, ErrNotDraft) || !strings.Contains(err.Error(), "Til underskrift") || !strings.Contains(err.Error(), "kun ændres, mens den er en kladde") {
		t.Errorf("editing a pending agreement: %v", err)
	}
	after, _ := s.Agreement(ctx, a.ID)
	if after.Body != sent.Body {
		t.Error("the text of a pending agreement changed")
	}
	if err := s.DeleteAgreementDraft(ctx, a.ID); !errors.Is(err, ErrNotDraft) {
		t.Errorf("deleting a pending agreement: %v", err)
	}
	// The file guards it too.
	for _, q := range []string{`UPDATE agreements SET body = 'x' WHERE id = ?`, `DELETE FROM signatories WHERE agreement_id = ?`,
		`DELETE FROM agreement_parties WHERE agreement_id = ?`} {
		if _, err := s.DB().Exec(q, a.ID); err == nil || !strings.Contains(err.Error(), "kladde") {
			t.Errorf("%s: %v, want refused", q, err)
		}
	}
}

func TestSendForSigningNeedsSignatory(t *testing.T) {
	s := mustDemo(t)
	_, v := mustSaveTemplate(t, s, TemplateForm{Name: "Samarbejdsaftale", Body: partnershipBody})
	f := draftForm(t, s, v)
	f.Signatories = nil
	a := mustCreate(t, s, f)
	wantFieldError(t, s.SendForSigning(context.Background(), a.ID), "Signatories", "mindst én underskriver")
}

func TestUsedTemplateArchivedNotDeleted(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	tpl, v := mustSaveTemplate(t, s, TemplateForm{Name: "Samarbejdsaftale", Body: partnershipBody})
	a := mustCreate(t, s, draftForm(t, s, v))
	err := s.DeleteTemplate(ctx, tpl.ID)
	if !errors.Is(err, ErrTemplateInUse) || !strings.Contains(err.Error(), "bruges af 1 aftale (2015-001)") ||
		!strings.Contains(err.Error(), "arkivér den i stedet") {
		t.Errorf("DeleteTemplate of a used template: %v", err)
	}
	if n := countRows(t, s, "template_versions"); n != 1 {
		t.Errorf("%d versions after a refused delete", n)
	}
	if err := s.ArchiveTemplate(ctx, tpl.ID); err != nil {
		t.Fatalf("ArchiveTemplate: %v", err)
	}
	got, _ := s.Agreement(ctx, a.ID)
	if got.TemplateVersionID != v.ID || got.TemplateName != "Samarbejdsaftale" {
		t.Errorf("the agreement lost its template: %+v", got)
	}
	// Once the draft is gone, the template can go too.
	if err := s.DeleteAgreementDraft(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteTemplate(ctx, tpl.ID); err != nil {
		t.Errorf("DeleteTemplate after the draft was deleted: %v", err)
	}
}

func TestAgreementsListAndSearch(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	_, v := mustSaveTemplate(t, s, TemplateForm{Name: "Samarbejdsaftale", Body: partnershipBody})
	for _, d := range []struct{ title, date string }{{"Lejeaftale om lokaler", "1.9.2015"}, {"Samarbejdsaftale", "21.8.2015"},
		{"Partnerskabsaftale", "4.1.2016"}} {
		f := draftForm(t, s, v)
		f.Title, f.Date = d.title, d.date
		mustCreate(t, s, f)
	}
	first, _ := s.Agreements(ctx, AgreementQuery{Limit: 2})
	second, _ := s.Agreements(ctx, AgreementQuery{Limit: 2, Offset: 2})
	var got []string
	for _, a := range append(first, second...) {
		got = append(got, a.Number+" "+a.Title)
	}
	if strings.Join(got, "|") != "2016-001 Partnerskabsaftale|2015-001 Lejeaftale om lokaler|2015-002 Samarbejdsaftale" {
		t.Errorf("pages = %q, want newest date first", got)
	}
	if err := s.SendForSigning(ctx, first[0].ID); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q    AgreementQuery
		want int
	}{
		{AgreementQuery{}, 3}, {AgreementQuery{Text: "leje"}, 1}, {AgreementQuery{Text: "østergaard"}, 0},
		{AgreementQuery{Text: "bevar motalavej"}, 3}, {AgreementQuery{Text: "2015-00"}, 2},
		{AgreementQuery{Status: StatusPending}, 1}, {AgreementQuery{Status: StatusDraft, Text: "partnerskab"}, 0},
	} {
		n, err := s.CountAgreements(ctx, c.q)
		list, _ := s.Agreements(ctx, c.q)
		if err != nil || n != c.want || len(list) != c.want {
			t.Errorf("%+v: count %d, list %d, want %d (%v)", c.q, n, len(list), c.want, err)
		}
	}
}

// The number is given once: a draft with an imported number of another
// shape can still be edited, and keeps it.
func TestDraftKeepsItsNumber(t *testing.T) {
	s := mustDemo(t)
	_, v := mustSaveTemplate(t, s, TemplateForm{Name: "Samarbejdsaftale", Body: partnershipBody})
	a := mustCreate(t, s, draftForm(t, s, v))
	if _, err := s.DB().Exec(`UPDATE agreements SET number = 'A-00001' WHERE id = ?`, a.ID); err != nil {
		t.Fatal(err)
	}
	f := a.Form()
	f.Number, f.Title = "2099-999", "Samarbejdsaftale om systuen"
	got, err := s.SaveAgreementDraft(context.Background(), a.ID, f)
	if err != nil || got.Number != "A-00001" || got.Title != "Samarbejdsaftale om systuen" {
		t.Errorf("SaveAgreementDraft: number %q title %q, %v", got.Number, got.Title, err)
	}
}
