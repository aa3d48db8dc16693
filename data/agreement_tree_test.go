package data

import (
	"context"
	"strings"
	"testing"
	"time"
)

func wantFieldProblem(t *testing.T, err error, field, code, text string) {
	t.Helper()
	ve, ok := AsValidation(err)
	if !ok {
		t.Fatalf("error %v; want a refusal of %s (%s)", err, field, code)
	}
	p, ok := ve.For(field)
	if !ok || p.Code != code || !strings.Contains(p.Error(), text) {
		t.Errorf("refusal %q; want %s %s saying %q", ve.Error(), field, code, text)
	}
}

func TestAgreementTreeRefusesLoops(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	_, v := mustSaveTemplate(t, s, TemplateForm{Name: "Samarbejdsaftale", Body: partnershipBody})
	top := mustCreate(t, s, draftForm(t, s, v))
	f := draftForm(t, s, v)
	f.Title, f.ParentID = "Lejeaftale", top.ID
	child := mustCreate(t, s, f)
	f.Title, f.ParentID = "Tillæg til lejeaftalen", child.ID
	grandchild := mustCreate(t, s, f)
	other := draftForm(t, s, v)
	other.Title, other.Date = "Anden aftale", "1.1.2015" // older: listed after the first tree
	alone := mustCreate(t, s, other)

	nodes, err := s.AgreementTree(ctx, AgreementQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range nodes {
		got = append(got, strings.Repeat("-", n.Depth)+n.Title)
	}
	if strings.Join(got, "|") != "Samarbejdsaftale|-Lejeaftale|--Tillæg til lejeaftalen|Anden aftale" {
		t.Errorf("tree = %q", got)
	}
	if subs, _ := s.SubAgreements(ctx, top.ID); len(subs) != 1 || subs[0].ID != child.ID {
		t.Errorf("under the top: %+v", subs)
	}

	edit := top.Form()
	edit.ParentID = grandchild.ID
	_, err = s.SaveAgreementDraft(ctx, top.ID, edit)
	wantFieldProblem(t, err, "ParentID", "parent_cycle", "Hører under aftale: aftale "+grandchild.Number+" hører selv under denne aftale")
	edit.ParentID = child.ID
	_, err = s.SaveAgreementDraft(ctx, top.ID, edit)
	wantFieldProblem(t, err, "ParentID", "parent_cycle", "en af sine egne underaftaler")
	edit.ParentID = top.ID
	_, err = s.SaveAgreementDraft(ctx, top.ID, edit)
	wantFieldProblem(t, err, "ParentID", "parent_cycle", "en aftale kan ikke høre under sig selv")
	edit.ParentID = 99999
	_, err = s.SaveAgreementDraft(ctx, top.ID, edit)
	wantFieldProblem(t, err, "ParentID", "not_found", "aftale 99999 findes ikke")
	if again, _ := s.Agreement(ctx, top.ID); again.ParentID != 0 {
		t.Errorf("the refused parent was saved: %d", again.ParentID)
	}
	// Moving a branch elsewhere is fine, and the picker leaves out the agreement's own branch.
	edit.ParentID = alone.ID
	if moved, err := s.SaveAgreementDraft(ctx, top.ID, edit); err != nil || moved.ParentID != alone.ID {
		t.Fatalf("moving under %s: %v (%d)", alone.Number, err, moved.ParentID)
	}
	choices, _ := s.ParentChoices(ctx, child.ID)
	for _, c := range choices {
		if c.ID == child.ID || c.ID == grandchild.ID {
			t.Errorf("%s is offered as the parent of %s", c.Title, child.Title)
		}
	}
	if len(choices) != 2 {
		t.Errorf("%d choices, want the other two", len(choices))
	}
}

func TestEndingASignedAgreement(t *testing.T) {
	s, signed, _, draft := signedFixture(t)
	ctx := context.Background()
	var before string
	s.DB().QueryRow(`SELECT updated_at || body_sha256 || sealed_sha256 FROM agreements WHERE id = ?`, signed.ID).Scan(&before)

	_, err := s.EndAgreement(ctx, signed.ID, EndingForm{Kind: "opsigelse", Date: "30.6.2016"})
	wantFieldProblem(t, err, "Reason", "required", "Begrundelse: skal udfyldes")
	_, err = s.EndAgreement(ctx, signed.ID, EndingForm{Kind: "opsigelse", Date: "1.8.2015", Reason: "For tidligt"})
	wantFieldProblem(t, err, "Date", "date_order", "aftalen kan ikke afsluttes 1.8.2015, før den begyndte (1.9.2015)")
	_, err = s.EndAgreement(ctx, signed.ID, EndingForm{Kind: "pause", Date: "30.6.2016", Reason: "x"})
	wantFieldProblem(t, err, "Kind", "kind", "skal være opsigelse, udløb eller ophævelse (pause)")
	_, err = s.EndAgreement(ctx, signed.ID, EndingForm{Kind: "opsigelse", Date: "31.2.2016", Reason: "x"})
	if ve, ok := AsValidation(err); !ok || !strings.Contains(ve.Error(), "Dato") {
		t.Errorf("31.2.2016: %v", err)
	}
	_, err = s.EndAgreement(ctx, draft.ID, EndingForm{Kind: "opsigelse", Date: "30.6.2016", Reason: "x"})
	wantFieldProblem(t, err, "Kind", "not_signed", "kun en underskrevet aftale kan afsluttes")
	if n := countRows(t, s, "agreement_endings"); n != 0 {
		t.Fatalf("%d endings saved from refusals", n)
	}

	e, err := s.EndAgreement(ctx, signed.ID, EndingForm{Kind: "Opsigelse", Date: "30.6.2016", Reason: "Virksomheden flytter til Slagelse"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Line() != "opsagt pr. 30.6.2016" {
		t.Errorf("line %q", e.Line())
	}
	var kind, on, reason string
	s.DB().QueryRow(`SELECT kind, ended_on, reason FROM agreement_endings WHERE agreement_id = ?`, signed.ID).Scan(&kind, &on, &reason)
	if kind != "opsigelse" || on != "2016-06-30" || reason != "Virksomheden flytter til Slagelse" {
		t.Errorf("row %q %q %q", kind, on, reason)
	}
	if got := eventKinds(t, s, "aftale", signed.ID); got[len(got)-1] != EventEnded {
		t.Errorf("events %q", got)
	}
	var after string
	s.DB().QueryRow(`SELECT updated_at || body_sha256 || sealed_sha256 FROM agreements WHERE id = ?`, signed.ID).Scan(&after)
	if after != before {
		t.Error("ending changed the signed agreement's row")
	}
	_, err = s.EndAgreement(ctx, signed.ID, EndingForm{Kind: "udløb", Date: "30.9.2017", Reason: "x"})
	wantFieldProblem(t, err, "Kind", "ended", "er allerede afsluttet: opsagt pr. 30.6.2016")
	nodes, _ := s.AgreementTree(ctx, AgreementQuery{Text: signed.Number})
	if len(nodes) != 1 || !strings.Contains(NodeLine(nodes[0]), "opsagt pr. 30.6.2016") {
		t.Errorf("tree %+v", nodes)
	}
	// The schema refuses what the store does: a reason left empty, an ending changed.
	if _, err := s.DB().Exec(`INSERT INTO agreement_endings (agreement_id, kind, ended_on, reason, created_at) VALUES (?, 'udloeb', '2017-09-30', ' ', 'x')`, draft.ID); err == nil {
		t.Error("the schema took an ending without a reason")
	}
	if _, err := s.DB().Exec(`UPDATE agreement_endings SET ended_on = '2016-01-01'`); err == nil {
		t.Error("the schema let an ending change")
	}
}

func TestAccessionTillaegMakesAMember(t *testing.T) {
	s, signed, _, _ := signedFixture(t)
	ctx := context.Background()
	varme := idOf(t, s, "organisations", "Fra de varme lande")
	_, err := s.CreateAccession(ctx, signed.ID, AccessionForm{OrganisationID: idOf(t, s, "organisations", "Bevar"), From: "1.10.2015"})
	wantFieldProblem(t, err, "OrganisationID", "party", "Bevar er allerede part i aftale "+signed.Number)
	_, err = s.CreateAccession(ctx, signed.ID, AccessionForm{OrganisationID: varme, From: "1.1.2015"})
	wantFieldProblem(t, err, "From", "date_order", "1.1.2015 ligger før aftalens start (1.9.2015)")
	_, err = s.CreateAccession(ctx, signed.ID, AccessionForm{OrganisationID: varme})
	wantFieldProblem(t, err, "From", "required", "Medlem fra: skal udfyldes")

	x, err := s.CreateAccession(ctx, signed.ID, AccessionForm{OrganisationID: varme, From: "1.10.2015"})
	if err != nil {
		t.Fatal(err)
	}
	if x.ParentID != signed.ID || x.Status != StatusDraft || len(x.Parties) != 3 || x.Parties[2].Name != "Fra de varme lande" ||
		len(x.Signatories) != len(signed.Signatories)+1 || x.Signatories[len(x.Signatories)-1].OrganisationName != "Fra de varme lande" {
		t.Fatalf("the Tillæg: parent %d status %s parties %+v signatories %+v", x.ParentID, x.Status, x.Parties, x.Signatories)
	}
	if !strings.Contains(x.Body, "Fra de varme lande tiltræder aftale "+signed.Number) || !strings.Contains(x.Body, "som part fra 1. oktober 2015") {
		t.Errorf("body %q", x.Body)
	}
	members, _ := s.AgreementMembers(ctx, signed.ID)
	if len(members) != 1 || members[0].Line() != "Fra de varme lande tiltræder fra 1.10.2015 (afventer underskrift)" {
		t.Errorf("members before signing %+v", members)
	}
	if err := s.SendForSigning(ctx, x.ID); err != nil {
		t.Fatal(err)
	}
	x, _ = s.Agreement(ctx, x.ID)
	for _, g := range x.Signatories {
		signOnScreen(t, s, x, g)
	}
	if err := s.StoreSealed(ctx, x.ID, fakeSealed); err != nil {
		t.Fatal(err)
	}
	members, _ = s.AgreementMembers(ctx, signed.ID)
	if len(members) != 1 || members[0].Line() != "Fra de varme lande medlem fra 1.10.2015" {
		t.Errorf("members after signing %+v", members)
	}
	subs, _ := s.SubAgreements(ctx, signed.ID)
	if len(subs) != 1 || !strings.HasSuffix(NodeLine(subs[0]), "· Fra de varme lande medlem fra 1.10.2015") {
		t.Errorf("tree under %s: %+v", signed.Number, subs)
	}
	if again, _ := s.Agreement(ctx, signed.ID); !again.UpdatedAt.Equal(signed.UpdatedAt) || len(again.Parties) != 2 {
		t.Error("the accession changed the signed agreement")
	}
	_, err = s.CreateAccession(ctx, signed.ID, AccessionForm{OrganisationID: varme, From: "1.11.2015"})
	wantFieldProblem(t, err, "OrganisationID", "party", "tiltræder allerede ved tillæg "+x.Number)
	// The next one to join signs with the parties and with the member.
	next, err := s.CreateAccession(ctx, signed.ID, AccessionForm{OrganisationID: idOf(t, s, "organisations", "Sekstanten"), From: "1.1.2016"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range next.Parties {
		names = append(names, p.Name+"/"+p.Role)
	}
	if strings.Join(names, ", ") != "Bevar/, Boligsocial helhedsplan Motalavej/Helhedsplan, Fra de varme lande/Tiltrådt part, Sekstanten/Tiltrædende part" ||
		len(next.Signatories) != len(x.Signatories)+1 || next.Signatories[len(x.Signatories)-1].OrganisationName != "Fra de varme lande" {
		t.Errorf("the second Tillæg: parties %q, signatories %+v", names, next.Signatories)
	}
}

func TestDueListsAnAgreementsNoticeDate(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	day := time.Date(2016, 12, 1, 0, 0, 0, 0, time.UTC)
	lease := leaseOf(t, s, "Bevar") // notice: 6 months for the landlord, 3 for the tenant
	if _, err := s.DB().Exec(`INSERT INTO agreements (number, title, status, lease_id, valid_from, valid_to, created_at, updated_at)
		VALUES ('2015-009', 'Lejeaftale om lokaler: Bevar', 'signed', ?, '2015-09-01', '2017-06-15', 'x', 'x')`, lease); err != nil {
		t.Fatal(err)
	}
	var id int64
	s.DB().QueryRow(`SELECT id FROM agreements WHERE number = '2015-009'`).Scan(&id)
	due, err := s.Due(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	want := "2016-12-15 Sidste frist for opsigelse af aftale (6 måneders varsel før udløb 15.6.2017): 2015-009 Lejeaftale om lokaler: Bevar"
	found := false
	for _, d := range due {
		line := d.Date.Format("2006-01-02") + " " + d.Text
		if d.Kind == DueAgreementNotice {
			if line != want || d.ID != id || d.Entity != EntityAgreement {
				t.Errorf("notice row %q (%s %d), want %q", line, d.Entity, d.ID, want)
			}
			found = true
		}
	}
	if !found {
		t.Fatalf("no notice row in %v", dueLines(due))
	}
	// Ended, it is no longer due.
	if _, err := s.DB().Exec(`INSERT INTO agreement_endings (agreement_id, kind, ended_on, reason, created_at)
		VALUES (?, 'opsigelse', '2016-11-30', 'Opsagt af lejer', 'x')`, id); err != nil {
		t.Fatal(err)
	}
	due, _ = s.Due(ctx, day)
	for _, d := range due {
		if d.Entity == EntityAgreement && d.ID == id {
			t.Errorf("an ended agreement is still due: %s", d.Text)
		}
	}
	// Notice given now for a day to come: that day is due.
	if _, err := s.DB().Exec(`UPDATE agreements SET status = 'draft' WHERE id = ?`, id); err == nil {
		t.Fatal("the signed row changed")
	}
	if _, err := s.DB().Exec(`INSERT INTO agreements (number, title, status, valid_from, created_at, updated_at)
		VALUES ('2015-010', 'Samarbejdsaftale: Bevar', 'signed', '2015-09-01', 'x', 'x')`); err != nil {
		t.Fatal(err)
	}
	var other int64
	s.DB().QueryRow(`SELECT id FROM agreements WHERE number = '2015-010'`).Scan(&other)
	if _, err := s.EndAgreement(ctx, other, EndingForm{Kind: "opsigelse", Date: "31.1.2017", Reason: "Opsagt med to måneders varsel"}); err != nil {
		t.Fatal(err)
	}
	due, _ = s.Due(ctx, day)
	var lines []string
	for _, d := range due {
		if d.Kind == DueAgreementEnds {
			lines = append(lines, d.Date.Format("2006-01-02")+" "+d.Text)
		}
	}
	if strings.Join(lines, "|") != "2017-01-31 Aftale ophører: 2015-010 Samarbejdsaftale: Bevar (opsagt)" {
		t.Errorf("endings due: %q", lines)
	}
}
