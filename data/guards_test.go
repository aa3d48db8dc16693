package data

import (
	"context"
	"strings"
	"testing"
)

// signedFixture is a store (with the demo's registers) holding one signed
// agreement, one pending with two given signatures, and one draft.
func signedFixture(t *testing.T) (s *Store, signed, pending, draft Agreement) {
	t.Helper()
	ctx := context.Background()
	s = mustDemo(t)
	signed, sofie, lene := pendingAgreement(t, s)
	signOnScreen(t, s, signed, sofie)
	signOnScreen(t, s, signed, lene)
	if err := s.StoreSealed(ctx, signed.ID, fakeSealed); err != nil {
		t.Fatal(err)
	}
	_, v := mustSaveTemplate(t, s, TemplateForm{Name: "Anden aftale", Body: partnershipBody})
	pending = mustCreate(t, s, draftForm(t, s, v))
	if err := s.SendForSigning(ctx, pending.ID); err != nil {
		t.Fatal(err)
	}
	pending, _ = s.Agreement(ctx, pending.ID)
	signOnScreen(t, s, pending, pending.Signatories[0])
	draft = mustCreate(t, s, draftForm(t, s, v))
	signed, _ = s.Agreement(ctx, signed.ID)
	return s, signed, pending, draft
}

// TestConflictClausesCannotReplaceProtectedRows: SQLite's REPLACE deletes
// the row in the way without firing its DELETE trigger, so each of these
// swapped a protected row before migration 002.
func TestConflictClausesCannotReplaceProtectedRows(t *testing.T) {
	s, signed, pending, draft := signedFixture(t)
	before := map[string]int{}
	for _, table := range []string{"agreements", "signatories", "signatures", "events", "template_versions", "agreement_parties"} {
		before[table] = countRows(t, s, table)
	}
	stmts := []struct {
		sql  string
		args []any
	}{
		{`INSERT OR REPLACE INTO agreements (id, number, title, status, body, created_at, updated_at)
			VALUES (?, 'X-1', 'Forfalsket', 'draft', 'En helt anden tekst', 'x', 'x')`, []any{signed.ID}},
		{`REPLACE INTO agreements (number, title, status, body, created_at, updated_at)
			VALUES (?, 'Forfalsket', 'draft', 'En helt anden tekst', 'x', 'x')`, []any{signed.Number}},
		{`UPDATE OR REPLACE agreements SET number = ? WHERE id = ?`, []any{signed.Number, draft.ID}},
		{`UPDATE OR REPLACE agreements SET id = ? WHERE id = ?`, []any{signed.ID, draft.ID}},
		{`INSERT OR REPLACE INTO signatories (id, agreement_id, position, name) VALUES (?, ?, 1, 'Falsk Navn')`,
			[]any{signed.Signatories[0].ID, draft.ID}},
		{`UPDATE signatories SET agreement_id = ? WHERE agreement_id = ?`, []any{signed.ID, draft.ID}},
		{`UPDATE agreement_parties SET agreement_id = ? WHERE agreement_id = ?`, []any{signed.ID, draft.ID}},
		{`INSERT OR REPLACE INTO signatures (signatory_id, method, typed_name, signed_at) VALUES (?, 'typed', 'Falsk', 'x')`,
			[]any{pending.Signatories[0].ID}},
		{`INSERT OR REPLACE INTO events (id, at, kind, entity, entity_id, detail, hash)
			SELECT id, at, kind, entity, entity_id, 'ændret detalje', hash FROM events WHERE entity = 'aftale' AND entity_id = ?`,
			[]any{signed.ID}},
		{`INSERT OR REPLACE INTO template_versions (id, template_id, version, body, sha256, created_at)
			SELECT id, template_id, version, 'anden skabelon', sha256, created_at FROM template_versions LIMIT 1`, nil},
		{`UPDATE events SET entity_id = ? WHERE entity = 'aftale' AND entity_id = ?`, []any{signed.ID, draft.ID}},
	}
	for _, st := range stmts {
		if _, err := s.DB().Exec(st.sql, st.args...); err == nil {
			t.Errorf("%s: accepted", strings.Join(strings.Fields(st.sql), " "))
		}
	}
	got, err := s.Agreement(context.Background(), signed.ID)
	if err != nil || got.Body != signed.Body || got.Title != signed.Title || got.Status != StatusSigned ||
		got.Signatories[0].Name != signed.Signatories[0].Name {
		t.Errorf("the signed agreement changed: %+v, %v", got, err)
	}
	for table, n := range before {
		if got := countRows(t, s, table); got != n {
			t.Errorf("%s: %d rows before, %d after", table, n, got)
		}
	}
}

// TestAuditChainFindsEditedAndRemovedEvents: with the triggers out of the
// way (a SQLite tool can drop them), an edited, a removed and an inserted
// event are each found by Check.
func TestAuditChainFindsEditedAndRemovedEvents(t *testing.T) {
	ctx := context.Background()
	s, signed, _, _ := signedFixture(t)
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Fatalf("Check of an untouched file = %q, %v", problems, err)
	}
	var ids []int64
	rows, err := s.DB().Query(`SELECT id FROM events WHERE entity = 'aftale' AND entity_id = ? ORDER BY id`, signed.ID)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) < 3 {
		t.Fatalf("the signed agreement has %d events", len(ids))
	}
	mustExec(t, s, "DROP TRIGGER events_no_update")
	mustExec(t, s, "DROP TRIGGER events_signed_no_delete")
	mustExec(t, s, "DROP TRIGGER events_chained")
	mustExec(t, s, `UPDATE events SET detail = 'Nogen andens navn' WHERE id = ?`, ids[0])
	mustExec(t, s, `DELETE FROM events WHERE id = ?`, ids[1])
	mustExec(t, s, `INSERT INTO events (id, at, kind, entity, entity_id, detail, hash)
		VALUES (?, '2015-02-19T13:00:00Z', 'underskrevet', 'aftale', ?, 'indsat', ?)`, ids[len(ids)-1]+1000, signed.ID, strings.Repeat("0", 64))
	problems, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(problems, "\n")
	for _, want := range []string{
		"hændelse " + itoa(ids[0]) + " ", "hændelse " + itoa(ids[2]) + " ", "hændelse " + itoa(ids[len(ids)-1]+1000) + " ",
		"passer ikke i kæden", "skema: triggeren »events_no_update« mangler",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("Check = %q; does not say %q", problems, want)
		}
	}
}

// TestEventsAreNeverChanged: no event may be edited through SQL, signed
// agreement or not; new ones join the chain.
func TestEventsAreNeverChanged(t *testing.T) {
	s := MustOpenDB(t)
	o := mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed"})
	if _, err := s.DB().Exec(`UPDATE events SET detail = 'x' WHERE entity_id = ?`, o.ID); err == nil ||
		!strings.Contains(err.Error(), "hændelsesloggen kan ikke ændres") {
		t.Errorf("editing an organisation's event: %v", err)
	}
	if _, err := s.DB().Exec(`INSERT INTO events (at, kind, entity, entity_id) VALUES ('x', 'y', 'z', 1)`); err == nil ||
		!strings.Contains(err.Error(), "skal kædes") {
		t.Errorf("an event without its hash: %v", err)
	}
}
