package data

import (
	"context"
	"database/sql"
	"strings"
	"testing"
)

// dueKeys lists the keys of kind that are due on d.
func dueKeys(t *testing.T, s *Store, d string, kind RetentionKind) []DueKey {
	t.Helper()
	items, err := s.DueForDeletion(context.Background(), isoDay(t, d))
	if err != nil {
		t.Fatal(err)
	}
	var keys []DueKey
	for _, it := range items {
		if it.Key.Kind == kind {
			keys = append(keys, it.Key)
		}
	}
	return keys
}

// wantGone checks that none of secrets is in the file or its WAL, also
// after VACUUM, and that the file passes Check.
func wantGone(t *testing.T, s *Store, secrets []string) {
	t.Helper()
	if found := fileHolds(t, s, secrets); len(found) > 0 {
		t.Errorf("after the purge, the file still holds %q", found)
	}
	if _, err := s.DB().Exec("VACUUM"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	if found := fileHolds(t, s, secrets); len(found) > 0 {
		t.Errorf("after VACUUM, the file still holds %q", found)
	}
	if problems, err := s.Check(context.Background()); err != nil || len(problems) > 0 {
		t.Errorf("Check after the purge = %q, %v", problems, err)
	}
}

// wantInFile makes sure the check can fail: before the purge, the file
// holds every secret.
func wantInFile(t *testing.T, s *Store, secrets []string) {
	t.Helper()
	if _, err := s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	if found := fileHolds(t, s, secrets); len(found) != len(secrets) {
		t.Fatalf("before the purge the file holds only %q of %q", found, secrets)
	}
}

func wantLedger(t *testing.T, s *Store, kind RetentionKind, id int64, action string) {
	t.Helper()
	es, err := s.LedgerFor(context.Background(), kind, id)
	if err != nil || len(es) != 1 || es[0].Action != action || es[0].Actor != CurrentActor() {
		t.Errorf("ledger of %s %d = %+v, %v; want one %s by %s", kind, id, es, err, action, CurrentActor())
	}
}

func TestContactsAreDueAfterTheirEndAndAnonymised(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	k, secrets := secretContact(t, s, "Qvxkontakt") // ended 31.12.2013
	has := func(d string) bool {
		for _, key := range dueKeys(t, s, d, KindContact) {
			if key.ID == k.ID {
				return true
			}
		}
		return false
	}
	if has("2014-12-30") || !has("2014-12-31") {
		t.Errorf("due the day before: %v, on the day: %v; want false, true", has("2014-12-30"), has("2014-12-31"))
	}
	wantInFile(t, s, secrets)
	if n, err := s.Purge(ctx, ActionAnonymise, []DueKey{{Kind: KindContact, ID: k.ID}}); n != 1 || err != nil {
		t.Fatalf("anonymise = %d, %v", n, err)
	}
	got, err := s.Contact(ctx, k.ID)
	if err != nil || got.Name != AnonymisedName || got.Email != "" || got.Notes != "" || !got.Archived() {
		t.Errorf("anonymised contact = %+v, %v", got, err)
	}
	if has("2020-01-01") {
		t.Error("an anonymised contact is still due")
	}
	wantLedger(t, s, KindContact, k.ID, ActionAnonymise)
	wantGone(t, s, secrets)
	f := got.Form()
	f.Name = "Qvxkontakt"
	_, err = s.SaveContact(ctx, f)
	wantFieldError(t, err, "Name", "anonymiseret")
	if _, err := s.DB().Exec(`UPDATE contacts SET name = 'Qvxkontakt' WHERE id = ?`, k.ID); err == nil {
		t.Error("the file let an anonymised contact be named again")
	}
}

func TestDeletingAContactNamedInAnActionItemIsRefused(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	var owner int64
	if err := s.DB().QueryRow(`SELECT owner_id FROM action_items LIMIT 1`).Scan(&owner); err != nil {
		t.Fatalf("the demo has no action item: %v", err)
	}
	ledger := countRows(t, s, "deletion_ledger")
	_, err := s.Purge(ctx, ActionDelete, []DueKey{{Kind: KindContact, ID: owner}})
	if err == nil || !strings.Contains(err.Error(), "handlingspunkt") || !strings.Contains(err.Error(), "anonymisér i stedet") {
		t.Errorf("delete of an action item's owner: %v", err)
	}
	if _, err := s.Contact(ctx, owner); err != nil || countRows(t, s, "deletion_ledger") != ledger {
		t.Errorf("the refused delete changed something: %v", err)
	}
}

func TestOldMeetingsLoseTheirAttendanceAndNotes(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	k, _ := secretContact(t, s, "Qmødedeltager")
	m, err := s.SaveMeeting(ctx, MeetingForm{Title: "Opfølgning", Date: "10.1.2014", Notes: "Afbud-Qzwx-syg",
		Invited: []int64{k.ID}, Attended: []int64{k.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.MarkHeld(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApproveMinutes(ctx, m.ID, isoDay(t, "2014-01-20")); err != nil {
		t.Fatal(err)
	}
	// Approved minutes stay guarded: no permit, no change.
	if _, err := s.DB().Exec(`UPDATE meetings SET notes = '' WHERE id = ?`, m.ID); err == nil {
		t.Fatal("the approved minutes' notes were cleared without a permit")
	}
	if _, err := s.DB().Exec(`DELETE FROM meeting_people WHERE meeting_id = ?`, m.ID); err == nil {
		t.Fatal("the approved minutes' attendance was deleted without a permit")
	}
	has := func(d string) bool {
		for _, key := range dueKeys(t, s, d, KindMeeting) {
			if key.ID == m.ID {
				return true
			}
		}
		return false
	}
	if has("2015-01-09") || !has("2015-01-10") {
		t.Errorf("due the day before: %v, on the day: %v", has("2015-01-09"), has("2015-01-10"))
	}
	secrets := []string{"Afbud-Qzwx-syg"}
	wantInFile(t, s, secrets)
	if n, err := s.Purge(ctx, ActionAnonymise, []DueKey{{Kind: KindMeeting, ID: m.ID}}); n != 1 || err != nil {
		t.Fatalf("anonymise meeting = %d, %v", n, err)
	}
	got, err := s.Meeting(ctx, m.ID)
	if err != nil || got.Notes != "" || got.Title != "Opfølgning" || !got.Approved() {
		t.Errorf("meeting after = %+v, %v", got, err)
	}
	var people int
	s.DB().QueryRow(`SELECT count(*) FROM meeting_people WHERE meeting_id = ?`, m.ID).Scan(&people)
	if people != 0 || has("2020-01-01") {
		t.Errorf("%d people left; still due: %v", people, has("2020-01-01"))
	}
	if n, err := s.Purge(ctx, ActionDelete, []DueKey{{Kind: KindMeeting, ID: m.ID}}); err == nil || n != 0 {
		t.Errorf("a meeting was deleted: %d, %v", n, err)
	}
	wantLedger(t, s, KindMeeting, m.ID, ActionAnonymise)
	wantGone(t, s, secrets)
}

func TestFormDraftsAreDiscardedAfterThirtyDays(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	if _, err := s.SaveDraft(ctx, "organisation", 0, map[string]string{"Name": "Kladde-Qpxz-hemmelig"}); err != nil {
		t.Fatal(err)
	}
	// Written 1.3.2015: due on 31.3.2015, 30 days later.
	if got := dueKeys(t, s, "2015-03-30", KindDraft); len(got) != 0 {
		t.Errorf("due after 29 days: %v", got)
	}
	got := dueKeys(t, s, "2015-03-31", KindDraft)
	if len(got) != 1 || got[0].Form != "organisation" {
		t.Fatalf("due after 30 days: %v", got)
	}
	if _, err := s.DB().Exec(`UPDATE settings SET value = '60' WHERE key = ?`, SettingRetentionDraftDays); err != nil {
		t.Fatal(err)
	}
	if got := dueKeys(t, s, "2015-03-31", KindDraft); len(got) != 0 {
		t.Errorf("with 60 days, due after 30: %v", got)
	}
	secrets := []string{"Kladde-Qpxz-hemmelig"}
	wantInFile(t, s, secrets)
	if n, err := s.Purge(ctx, ActionDelete, got); n != 1 || err != nil {
		t.Fatalf("discard = %d, %v", n, err)
	}
	es, _ := s.Ledger(ctx)
	if len(es) != 1 || es[0].Kind != KindDraft || es[0].Form != "organisation" || es[0].Action != ActionDelete {
		t.Errorf("ledger = %+v", es)
	}
	wantGone(t, s, secrets)
}

// signedAgreement writes a signed agreement in one piece, as an import
// would: a signatory whose typed signature, the scan and the sealed PDF
// hold secrets, and a signing step that names the signatory.
func signedAgreement(t *testing.T, s *Store, number string) (int64, []string) {
	t.Helper()
	name, scan, sealed := "Underskriver-"+number+"-Qx", "%PDF scanning-"+number+"-Qx", "%PDF forseglet-"+number+"-Qx"
	res, err := s.DB().Exec(`INSERT INTO agreements (number, title, status, agreement_date, valid_to, created_at, updated_at)
		VALUES (?, 'Samarbejdsaftale', 'draft', '2012-01-01', '2013-12-31', '2012-01-01T10:00:00Z', '2012-01-01T10:00:00Z')`, number)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	res, err = s.DB().Exec(`INSERT INTO signatories (agreement_id, position, name) VALUES (?, 1, ?)`, id, name)
	if err != nil {
		t.Fatal(err)
	}
	sig, _ := res.LastInsertId()
	if _, err := s.DB().Exec(`UPDATE agreements SET status = 'pending', sent_at = '2012-01-01T11:00:00Z' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	for _, q := range []struct {
		q    string
		args []any
	}{
		{`INSERT INTO signatures (signatory_id, method, typed_name, signed_at) VALUES (?, 'typed', ?, '2012-01-02T10:00:00Z')`, []any{sig, name}},
		{`INSERT INTO agreement_scans (agreement_id, pdf, sha256, added_at) VALUES (?, ?, ?, '2012-01-02T10:00:00Z')`, []any{id, []byte(scan), strings.Repeat("a", 64)}},
		{`UPDATE agreements SET status = 'signed', signed_at = '2012-01-02T10:00:00Z', sealed_pdf = ?, sealed_sha256 = ? WHERE id = ?`, []any{[]byte(sealed), strings.Repeat("b", 64), id}},
	} {
		if _, err := s.DB().Exec(q.q, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.tx(context.Background(), func(tx *sql.Tx) error {
		return logSigningEvent(context.Background(), tx, "2012-01-02T10:00:00Z", EventPresented, id, sig, name)
	}); err != nil {
		t.Fatal(err)
	}
	return id, []string{name, scan, sealed}
}

func TestASignedAgreementIsDeletedWholeWhenDue(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	id, secrets := signedAgreement(t, s, "2012-901")
	other, _ := signedAgreement(t, s, "2012-902")
	// Valid to 31.12.2013, kept 5 years.
	var item RetentionItem
	items, err := s.DueForDeletion(ctx, isoDay(t, "2018-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Key == (DueKey{Kind: KindAgreement, ID: id}) {
			item = it
		}
	}
	if item.Key.ID == 0 || !strings.Contains(item.Advice, "ESDH") || item.CanAnonymise || !item.CanDelete {
		t.Fatalf("due item = %+v", item)
	}
	if got := dueKeys(t, s, "2018-12-30", KindAgreement); len(got) != 0 {
		t.Errorf("due the day before: %v", got)
	}
	// The signing step names the signatory, but is the kept agreement's evidence.
	if got := dueKeys(t, s, "2030-01-01", KindEvent); len(got) != 0 {
		t.Errorf("a kept agreement's signing steps are due: %v", got)
	}
	wantInFile(t, s, secrets)
	// The guards still hold for every agreement without a permit.
	if _, err := s.DB().Exec(`DELETE FROM agreements WHERE id = ?`, other); err == nil {
		t.Fatal("a signed agreement was deleted without a permit")
	}
	if _, err := s.DB().Exec(`DELETE FROM signatures`); err == nil {
		t.Fatal("signatures were deleted without a permit")
	}
	if n, err := s.Purge(ctx, ActionAnonymise, []DueKey{item.Key}); err == nil || n != 0 {
		t.Errorf("a signed agreement was edited: %d, %v", n, err)
	}

	if n, err := s.Purge(ctx, ActionDelete, []DueKey{item.Key}); n != 1 || err != nil {
		t.Fatalf("delete = %d, %v", n, err)
	}
	for _, table := range []string{"agreements", "signatories", "signatures", "agreement_scans"} {
		var left int
		q := "SELECT count(*) FROM " + table + " WHERE agreement_id = ?"
		switch table {
		case "agreements":
			q = "SELECT count(*) FROM agreements WHERE id = ?"
		case "signatures":
			q = "SELECT count(*) FROM signatures JOIN signatories g ON g.id = signatory_id WHERE g.agreement_id = ?"
		}
		s.DB().QueryRow(q, id).Scan(&left)
		if left != 0 {
			t.Errorf("%d rows of %s left", left, table)
		}
	}
	if countRows(t, s, "purge_permits") != 0 {
		t.Error("a purge permit was left behind")
	}
	var detail string
	s.DB().QueryRow(`SELECT detail FROM events WHERE entity = 'aftale' AND entity_id = ? AND kind = ?`, id, EventPresented).Scan(&detail)
	if detail != RedactedDetail {
		t.Errorf("the signing step still says %q", detail)
	}
	wantLedger(t, s, KindAgreement, id, ActionDelete)
	wantGone(t, s, secrets)
	if _, err := s.DB().Exec(`DELETE FROM agreements WHERE id = ?`, other); err == nil {
		t.Error("after a purge, a signed agreement was deleted without a permit")
	}
}

func TestRedactedEventsKeepTheChainVerifiable(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	// A signing step of a draft that was never signed names its signatory.
	res, err := s.DB().Exec(`INSERT INTO agreements (number, title, created_at, updated_at) VALUES ('2012-903', 'Udkast', ?, ?)`,
		"2012-01-01T10:00:00Z", "2012-01-01T10:00:00Z")
	if err != nil {
		t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	res, _ = s.DB().Exec(`INSERT INTO signatories (agreement_id, position, name) VALUES (?, 1, 'Qvzperson')`, id)
	sig, _ := res.LastInsertId()
	if err := s.tx(ctx, func(tx *sql.Tx) error {
		return logSigningEvent(ctx, tx, "2012-01-02T10:00:00Z", EventPresented, id, sig, "Qvz-underskriver")
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.tx(ctx, func(tx *sql.Tx) error { return logEvent(ctx, tx, s.nowText(), "ændret", "x", 0, "efter") }); err != nil {
		t.Fatal(err)
	}
	// Written 2.1.2012, kept 5 years (kontrollér).
	if got := dueKeys(t, s, "2017-01-01", KindEvent); len(got) != 0 {
		t.Errorf("due the day before: %v", got)
	}
	keys := dueKeys(t, s, "2017-01-02", KindEvent)
	if len(keys) != 1 {
		t.Fatalf("due events: %v", keys)
	}
	secrets := []string{"Qvz-underskriver"}
	wantInFile(t, s, secrets)
	if _, err := s.DB().Exec(`UPDATE events SET detail = ? WHERE id = ?`, RedactedDetail, keys[0].ID); err == nil {
		t.Fatal("an event was redacted without its redaction row")
	}
	if n, err := s.Purge(ctx, ActionAnonymise, keys); n != 1 || err != nil {
		t.Fatalf("redact = %d, %v", n, err)
	}
	wantLedger(t, s, KindEvent, keys[0].ID, ActionAnonymise)
	wantGone(t, s, secrets)
	// A redacted event that is then changed is caught.
	mustExec(t, s, `DROP TRIGGER events_no_update`)
	mustExec(t, s, `UPDATE events SET kind = 'underskrevet' WHERE id = ?`, keys[0].ID)
	problems, err := s.CheckChain(ctx)
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0], "passer ikke i kæden") {
		t.Errorf("CheckChain after editing a redacted event = %q, %v", problems, err)
	}
}

func TestTheScanOfANeverSignedAgreementIsDeletedWhenDue(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	res, err := s.DB().Exec(`INSERT INTO agreements (number, title, created_at, updated_at) VALUES ('2012-904', 'Aflyst', ?, ?)`,
		"2012-01-01T10:00:00Z", "2012-01-01T10:00:00Z")
	if err != nil {
		t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	mustExec(t, s, `UPDATE agreements SET status = 'pending', sent_at = '2012-01-01T11:00:00Z' WHERE id = ?`, id)
	mustExec(t, s, `INSERT INTO agreement_scans (agreement_id, pdf, sha256, added_at) VALUES (?, ?, ?, '2012-02-01T10:00:00Z')`,
		id, []byte("%PDF scanning-Qxaflyst"), strings.Repeat("c", 64))
	// While it may still be signed, the scan is kept.
	if got := dueKeys(t, s, "2030-01-01", KindScan); len(got) != 0 {
		t.Errorf("a pending agreement's scan is due: %v", got)
	}
	mustExec(t, s, `UPDATE agreements SET status = 'cancelled' WHERE id = ?`, id)
	if got := dueKeys(t, s, "2013-01-31", KindScan); len(got) != 0 {
		t.Errorf("due the day before: %v", got)
	}
	keys := dueKeys(t, s, "2013-02-01", KindScan)
	if len(keys) != 1 || keys[0].ID != id {
		t.Fatalf("due scans: %v", keys)
	}
	secrets := []string{"scanning-Qxaflyst"}
	wantInFile(t, s, secrets)
	if n, err := s.Purge(ctx, ActionDelete, keys); n != 1 || err != nil {
		t.Fatalf("delete scan = %d, %v", n, err)
	}
	wantLedger(t, s, KindScan, id, ActionDelete)
	wantGone(t, s, secrets)
}
