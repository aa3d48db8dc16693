package data

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// secretContact saves a contact person under the demo's first organisation
// whose name, e-mail and notes are found nowhere else.
func secretContact(t *testing.T, s *Store, name string) (Contact, []string) {
	t.Helper()
	var org int64
	if err := s.DB().QueryRow(`SELECT min(id) FROM organisations`).Scan(&org); err != nil {
		t.Fatal(err)
	}
	k, err := s.SaveContact(context.Background(), ContactForm{OrganisationID: org, Name: name,
		Email: strings.ToLower(name) + "@example.dk", Notes: "Notat-" + name + "-privat", ValidFrom: "1.1.2012", ValidTo: "31.12.2013"})
	if err != nil {
		t.Fatal(err)
	}
	return k, []string{name, strings.ToLower(name) + "@example.dk", "Notat-" + name + "-privat"}
}

func TestRestoreDoesNotBringDeletedPersonDataBack(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	ids, secrets := secretPlacements(t, s)
	k, contactSecrets := secretContact(t, s, "Zyxwvkontakt")
	secrets = append(secrets, contactSecrets...)
	backup := filepath.Join(t.TempDir(), "kopi.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}

	if n, err := s.AnonymisePlacements(ctx, ids); n != 2 || err != nil {
		t.Fatalf("AnonymisePlacements = %d, %v", n, err)
	}
	if n, err := s.Purge(ctx, ActionDelete, []DueKey{{Kind: KindContact, ID: k.ID}}); n != 1 || err != nil {
		t.Fatalf("delete contact = %d, %v", n, err)
	}
	before, err := s.Ledger(ctx)
	if err != nil || len(before) != 3 {
		t.Fatalf("ledger before the restore: %+v, %v", before, err)
	}
	for _, e := range before {
		if e.Actor != CurrentActor() || e.At != "2015-03-01T09:30:00Z" {
			t.Errorf("ledger entry %+v: want actor %q and the store's time", e, CurrentActor())
		}
	}

	res, err := s.Restore(ctx, backup, nil)
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	want := "Fra sikkerhedskopien er 2 placeringer anonymiseret og 1 kontaktperson slettet igen, som de var blevet."
	if res.Redone.Text != want || res.Redone.Records != 3 || res.Redone.Entries != 3 {
		t.Errorf("Redone = %+v; want %q", res.Redone, want)
	}
	for _, id := range ids {
		p, err := s.Placement(ctx, id)
		if err != nil || !p.Anonymised() || p.Pseudonym != AnonymisedPseudonym {
			t.Errorf("placement %d after the restore: %+v, %v", id, p, err)
		}
	}
	if _, err := s.Contact(ctx, k.ID); err == nil {
		t.Errorf("the deleted contact person is back")
	}
	after, err := s.Ledger(ctx)
	if err != nil || len(after) != 3 {
		t.Fatalf("ledger after the restore: %+v, %v", after, err)
	}
	for i := range after {
		if after[i].UID != before[i].UID || after[i].Kind != before[i].Kind || after[i].RecordID != before[i].RecordID ||
			after[i].Action != before[i].Action || after[i].Actor != before[i].Actor || after[i].At != before[i].At {
			t.Errorf("ledger entry %d after the restore %+v, was %+v", i, after[i], before[i])
		}
	}
	if found := fileHolds(t, s, secrets); len(found) > 0 {
		t.Errorf("the restored file holds %q", found)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("Check after the restore = %q, %v", problems, err)
	}
	// The audit log of the restored file says it.
	var detail string
	s.DB().QueryRow(`SELECT detail FROM events WHERE kind = 'slettet igen' AND entity = 'gendannelse'`).Scan(&detail)
	if detail != want {
		t.Errorf("event %q", detail)
	}

	// The same backup restored again: the entries are now in the file, and
	// applied again from it.
	res, err = s.Restore(ctx, backup, nil)
	if err != nil || res.Redone.Records != 3 {
		t.Errorf("second restore: %+v, %v", res.Redone, err)
	}
}

func TestRestoreOfOneKindNamesIt(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	ids, _ := secretPlacements(t, s)
	backup := filepath.Join(t.TempDir(), "kopi.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if n, err := s.DeletePlacements(ctx, ids); n != 2 || err != nil {
		t.Fatalf("DeletePlacements = %d, %v", n, err)
	}
	res, err := Restore(ctx, s.Path(), backup, nil)
	if err == nil {
		t.Fatal("Restore of a database the program holds open was not refused")
	}
	res, err = s.Restore(ctx, backup, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "2 placeringer fra sikkerhedskopien er slettet igen, som de var blevet."; res.Redone.Text != want {
		t.Errorf("message %q, want %q", res.Redone.Text, want)
	}
	for _, id := range ids {
		if _, err := s.Placement(ctx, id); err == nil {
			t.Errorf("deleted placement %d is back", id)
		}
	}
}

func TestRestoreWithoutLaterDeletionsSaysNothing(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	ids, _ := secretPlacements(t, s)
	if _, err := s.AnonymisePlacements(ctx, ids[:1]); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "kopi.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	res, err := s.Restore(ctx, backup, nil)
	if err != nil || res.Redone.Text != "" || res.Redone.Entries != 0 {
		t.Errorf("restore = %+v, %v; the backup already had the one entry", res.Redone, err)
	}
	if got := countRows(t, s, "deletion_ledger"); got != 1 {
		t.Errorf("%d ledger entries, want 1", got)
	}
}
