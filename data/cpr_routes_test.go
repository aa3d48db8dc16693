package data

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partnerskab/data/dk"
)

// cprDigitsOnDisk fails when cpr, as typed or as its bare digits, reached
// the database file, its WAL or a backup written after the attempt.
func cprDigitsOnDisk(t *testing.T, s *Store, cpr string) {
	t.Helper()
	if _, err := s.DB().Exec("PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		t.Fatal(err)
	}
	var digits strings.Builder
	for _, r := range cpr {
		if v := dk.DigitValue(r); v >= 0 {
			digits.WriteByte(byte('0' + v))
		}
	}
	secrets := []string{cpr, digits.String()}
	if found := fileHolds(t, s, secrets); len(found) > 0 {
		t.Errorf("the file or its WAL holds %q", found)
	}
	backup := filepath.Join(t.TempDir(), "kopi.db")
	if err := s.Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range secrets {
		if bytes.Contains(b, []byte(sec)) {
			t.Errorf("the backup holds %q", sec)
		}
	}
}

// A contact's phone and e-mail refuse a CPR number written in the new
// forms, with the fields' message, and nothing reaches the file.
func TestContactPhoneAndEmailRefuseACPRNumber(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	o := mustSaveOrg(t, s, OrganisationForm{Name: "Kvartershuset", Kind: "virksomhed"})
	for _, tc := range []struct{ field, cpr string }{
		{"Phone", "01.01.90 1234"},
		{"Phone", "1.1.90-1234"},
		{"Email", "01-01-90-1234@example.com"},
	} {
		f := ContactForm{OrganisationID: o.ID, Name: "A. Hansen"}
		if tc.field == "Phone" {
			f.Phone = tc.cpr
		} else {
			f.Email = tc.cpr
		}
		_, err := s.SaveContact(ctx, f)
		wantFieldError(t, err, tc.field, "ligner et CPR-nummer")
		cprDigitsOnDisk(t, s, tc.cpr)
	}
}

// A form draft leaves out the field that Save would refuse for a CPR
// number, keeps the others, and names the field for the caseworker.
func TestDraftLeavesOutACPRNumber(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	cpr := "01.01.1990/1234"
	dropped, err := s.SaveDraft(ctx, "organisation", 0, OrganisationForm{Name: "Kvartershuset", Notes: "født " + cpr})
	if err != nil {
		t.Fatal(err)
	}
	if len(dropped) != 1 || dropped[0].Field != "Notes" || dropped[0].Label != "Noter" {
		t.Fatalf("dropped = %+v, want Notes (Noter)", dropped)
	}
	if note := DraftNote(dropped); !strings.Contains(note, "Feltet Noter blev ikke gemt i kladden") {
		t.Errorf("note = %q", note)
	}
	ds, _ := s.Drafts(ctx)
	if len(ds) != 1 || !strings.Contains(string(ds[0].Data), "Kvartershuset") {
		t.Fatalf("drafts = %+v, want the name kept", ds)
	}
	cprDigitsOnDisk(t, s, cpr)
}

// An agreement text with a CPR number is refused on save, and a stored one
// (written before the text was checked, in a form the schema lets by) is
// not sent for signing.
func TestAgreementTextWithACPRNumberIsNotSentForSigning(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	_, v := mustSaveTemplate(t, s, TemplateForm{Name: "Samarbejdsaftale", Body: partnershipBody})
	a := mustCreate(t, s, draftForm(t, s, v))
	f := a.Form()
	f.Signatories = append(f.Signatories, SignatoryForm{Name: "B. Berg 01 01 90 4321", Title: "Leder"})
	_, err := s.SaveAgreementDraft(ctx, a.ID, f)
	wantFieldError(t, err, "Signatories", "ligner et CPR-nummer")
	f = a.Form()
	f.Body += "\nBorgerens CPR: 1.1.90-1234"
	_, err = s.SaveAgreementDraft(ctx, a.ID, f)
	wantFieldError(t, err, "Body", "ligner et CPR-nummer")
	if _, err := s.DB().Exec(`UPDATE agreements SET body = body || ' 1.1.90-5678' WHERE id = ?`, a.ID); err != nil {
		t.Fatal(err)
	}
	err = s.SendForSigning(ctx, a.ID)
	if v, ok := AsValidation(err); !ok || !v.Any("Body") {
		t.Fatalf("SendForSigning = %v, want the text refused for its CPR number", err)
	}
	cprDigitsOnDisk(t, s, "1.1.90-1234")
	cprDigitsOnDisk(t, s, "01 01 90 4321")
}

// Every other entry route refuses a CPR number written in one of the new
// forms on save, with the field's message, and the digits never reach the
// file or its WAL.
func TestEveryFieldRefusesACPRNumber(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	ids := demoStaffingIDs(t, s)
	for _, tc := range []struct {
		route, field, cpr string
		save              func(cpr string) error
	}{
		{"organisation", "Notes", "01.01.90\u20131234", func(c string) error {
			_, err := s.SaveOrganisation(ctx, OrganisationForm{Name: "Kvartershuset", Kind: "virksomhed", Notes: c})
			return err
		}},
		{"placement pseudonym", "Pseudonym", "1.1.90-2345", func(c string) error {
			f := okPlacement(ids)
			f.Pseudonym = c
			_, err := s.SavePlacement(ctx, f)
			return err
		}},
		{"placement notes", "Notes", "０１０１９０－３４５６", func(c string) error {
			f := okPlacement(ids)
			f.Notes = "borgeren " + c
			_, err := s.SavePlacement(ctx, f)
			return err
		}},
		{"room", "Notes", "01 01 90 4567", func(c string) error {
			_, err := s.SaveRoom(ctx, RoomForm{Name: "Værksted", Notes: c})
			return err
		}},
		{"template", "Description", "01-01-90-5678", func(c string) error {
			_, _, err := s.SaveTemplate(ctx, TemplateForm{Name: "Ny", Description: c, Body: "Tekst"})
			return err
		}},
		{"checklist", "Description", "01.01.1990-2789", func(c string) error {
			_, err := s.SaveChecklistItem(ctx, ChecklistForm{Title: "Emne", Description: c})
			return err
		}},
		{"risk", "Description", "01/01/90_7890", func(c string) error {
			_, err := s.SaveRisk(ctx, RiskForm{Title: "Risiko", Description: c})
			return err
		}},
		{"grant", "Notes", "1.1.1990 1901", func(c string) error {
			_, err := s.SaveGrant(ctx, GrantForm{Grantor: "Fonden", Purpose: "Formål", Notes: c})
			return err
		}},
		{"meeting", "Notes", "010190.9012", func(c string) error {
			_, err := s.SaveMeeting(ctx, MeetingForm{Title: "Møde", Notes: c})
			return err
		}},
		{"agenda item", ItemField(0, "Text"), "01‐01‐90 3012", func(c string) error {
			_, err := s.SaveMeeting(ctx, MeetingForm{Title: "Møde", Items: []AgendaItemForm{{Title: "Punkt", Text: c}}})
			return err
		}},
		{"minutes", ItemField(0, "Minutes"), "01.01.90_4123", func(c string) error {
			_, err := s.SaveMeeting(ctx, MeetingForm{Title: "Møde", Items: []AgendaItemForm{{Title: "Punkt", Minutes: c}}})
			return err
		}},
		{"decision", ItemField(0, "Decision"), "010190 5234", func(c string) error {
			_, err := s.SaveMeeting(ctx, MeetingForm{Title: "Møde", Items: []AgendaItemForm{{Title: "Punkt", Decision: c}}})
			return err
		}},
		{"goal", "Notes", "01.01.90—6345", func(c string) error {
			_, err := s.SaveTarget(ctx, TargetForm{Name: "Mål", Notes: c})
			return err
		}},
		{"lease", "Notes", "1-1-1990-1456", func(c string) error {
			var id int64
			if err := s.DB().QueryRow(`SELECT id FROM leases ORDER BY id LIMIT 1`).Scan(&id); err != nil {
				return err
			}
			l, err := s.Lease(ctx, id)
			if err != nil {
				return err
			}
			f := l.Form()
			f.Notes = c
			_, err = s.SaveLease(ctx, f)
			return err
		}},
		{"rejection reason", "Reason", "01.01.90 – 8567", func(c string) error {
			a, _, lene := pendingAgreement(t, s)
			return s.Reject(ctx, a.ID, lene.ID, "fordi "+c)
		}},
	} {
		t.Run(tc.route, func(t *testing.T) {
			wantFieldError(t, tc.save(tc.cpr), tc.field, "ligner et CPR-nummer")
			cprDigitsOnDisk(t, s, tc.cpr)
		})
	}
}
