package data

import (
	"context"
	"testing"
)

// An agreement's period and parties on their limits (the signing's limits
// follow: the least ink, and a paper signature dated today).
func TestAgreementFormLimits(t *testing.T) {
	agreement := func(edit func(f *AgreementForm)) func() error {
		return func() error {
			f := AgreementForm{Title: "Aftale", Body: "Tekst.", Parties: []PartyForm{{OrganisationID: 1}, {OrganisationID: 2}}}
			edit(&f)
			_, err := f.Parse()
			return err
		}
	}
	wantLimits(t, []limitCase{
		{"an agreement valid for one day", agreement(func(f *AgreementForm) { f.ValidFrom, f.ValidTo = "1.9.2015", "1.9.2015" }), ""},
		{"an agreement ending the day before", agreement(func(f *AgreementForm) { f.ValidFrom, f.ValidTo = "1.9.2015", "31.8.2015" }), "ValidTo"},
		{"an agreement of two parties", agreement(func(f *AgreementForm) {}), ""},
		{"an agreement of one party", agreement(func(f *AgreementForm) { f.Parties = f.Parties[:1] }), "Parties"},
		{"an agreement of one party named twice", agreement(func(f *AgreementForm) { f.Parties[1] = f.Parties[0] }), "Parties"},
	})
}

// A drawn signature needs MinInk of ink: exactly that much is a signature.
func TestInkOnItsLimit(t *testing.T) {
	// From corner to corner of half the pad: half its diagonal.
	exactly := [][]InkPoint{{{X: 0, Y: 0}, {X: 0.5, Y: 0.5}}}
	if got := InkAmount(exactly); got != MinInk {
		t.Fatalf("InkAmount = %v, want %v", got, MinInk)
	}
	if err := CheckInk(exactly); err != nil {
		t.Errorf("exactly the least ink refused: %v", err)
	}
	less := [][]InkPoint{{{X: 0, Y: 0}, {X: 0.49, Y: 0.49}}}
	wantFieldError(t, CheckInk(less), "Signature", "næsten ingen underskrift")
	if err := CheckInk(nil); err == nil {
		t.Error("no ink at all is a signature")
	}
}

// A date written on paper may be today, not tomorrow.
func TestPaperSignatureDatedToday(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	a, sofie, lene := pendingAgreement(t, s)
	scan := []byte("%PDF-1.5\nscannet papir\n%%EOF\n")
	today, tomorrow := day("1.3.2015"), day("2.3.2015")
	wantFieldError(t, s.RegisterPaperSignatures(ctx, a.ID, []PaperSignature{{SignatoryID: sofie.ID, SignedOn: today},
		{SignatoryID: lene.ID, SignedOn: tomorrow}}, scan), "Signatures", "2.3.2015 ligger i fremtiden")
	if err := s.RegisterPaperSignatures(ctx, a.ID, []PaperSignature{{SignatoryID: sofie.ID, SignedOn: today},
		{SignatoryID: lene.ID, SignedOn: today}}, scan); err != nil {
		t.Errorf("signed on paper today: %v", err)
	}
}
