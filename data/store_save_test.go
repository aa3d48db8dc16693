package data

import (
	"context"
	"testing"
)

// One save reports every problem: a lease with a rent that does not parse
// and a room another lease holds is refused with both messages at once,
// and nothing is written.
func TestOneSaveReportsTheFormsAndTheStoresProblems(t *testing.T) {
	s := mustDemo(t)
	before := snapshotCounts(t, s)
	f := leaseForm(t, s, "Fra de varme lande", "1.1.2016", "Systue")
	f.Rent = "mange penge"
	_, err := s.SaveLease(context.Background(), f)
	wantFieldError(t, err, "Rent", "")
	wantFieldError(t, err, "Rooms", "Systue er allerede udlejet til Bevar")
	sameCounts(t, before, snapshotCounts(t, s))

	// A start date that does not parse says so, and no overlap is guessed
	// from the empty date.
	f = leaseForm(t, s, "Fra de varme lande", "31.2.2016", "Systue")
	_, err = s.SaveLease(context.Background(), f)
	wantFieldError(t, err, "Start", "")
	if v, _ := AsValidation(err); v != nil {
		if _, ok := v.For("Rooms"); ok {
			t.Errorf("an overlap was judged from a start date that did not parse: %v", err)
		}
	}

	// An organisation whose CVR another has, and whose postcode is wrong:
	// both at once.
	_, err = s.SaveOrganisation(context.Background(), OrganisationForm{Name: "Dublet", Kind: string(KindMunicipality),
		CVR: "29188505", Postcode: "42", RSV: "ukendt"})
	wantFieldError(t, err, "Postcode", "4 cifre")
	wantFieldError(t, err, "CVR", "allerede registreret for Slagelse Kommune")
}
