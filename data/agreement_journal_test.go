package data

import (
	"context"
	"strings"
	"testing"
)

// The journal and KLE numbers are saved in one form, and the schema holds
// the same rules for a file written by another tool: a KLE number of
// another shape, an untrimmed journal number and a CPR number in it are
// refused by the database itself.
func TestJournalAndKLENumbers(t *testing.T) {
	ctx := context.Background()
	s, _, _, draft := signedFixture(t)
	f := draft.Form()
	f.JournalNumber, f.KLE = " 15/12345 ", "27.12.00 g01"
	a, err := s.SaveAgreementDraft(ctx, draft.ID, f)
	if err != nil {
		t.Fatal(err)
	}
	if a.JournalNumber != "15/12345" || a.KLE != "27.12.00 G01" {
		t.Errorf("saved journal %q, KLE %q", a.JournalNumber, a.KLE)
	}
	for _, kle := range []string{"27.12", "27.12.00.01", "2712.00", "27.12.00 G1", "KLE 27.12.00"} {
		f.KLE = kle
		_, err := s.SaveAgreementDraft(ctx, draft.ID, f)
		ve, ok := AsValidation(err)
		if !ok || len(ve.Problems) != 1 || ve.Problems[0].Field != "KLE" || !strings.Contains(err.Error(), "KLE-nummer") {
			t.Errorf("KLE %q: %v, want a message on the field KLE-nummer", kle, err)
		}
	}
	if got, _ := s.Agreement(ctx, draft.ID); got.KLE != "27.12.00 G01" {
		t.Errorf("a refused KLE number changed the saved one to %q", got.KLE)
	}
	for _, st := range []string{
		`UPDATE agreements SET kle_number = '27.12' WHERE id = ?`,
		`UPDATE agreements SET kle_number = '27.12.00G01' WHERE id = ?`,
		`UPDATE agreements SET journal_number = ' 15/1' WHERE id = ?`,
		`UPDATE agreements SET journal_number = 'sag 010203-1234' WHERE id = ?`,
	} {
		if _, err := s.DB().Exec(st, draft.ID); err == nil {
			t.Errorf("the schema let through: %s", st)
		}
	}
}
