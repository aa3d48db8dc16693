package data

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestCadastralNumberIsCheckedInDanish(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	for _, c := range []struct{ number, district, field, want string }{
		{"0a", "Korsør Købstads Bygrunde", "CadastralNumber", "et tal efterfulgt af højst tre små bogstaver, fx 12a (0a)"},
		{"12abcd", "Korsør Købstads Bygrunde", "CadastralNumber", "højst tre små bogstaver"},
		{"a12", "Korsør Købstads Bygrunde", "CadastralNumber", "(a12)"},
		{"12-a", "Korsør Købstads Bygrunde", "CadastralNumber", "(12-a)"},
		{"12a", "", "CadastralDistrict", "skriv ejerlavet"},
		{"", "Korsør Købstads Bygrunde", "CadastralNumber", "skriv matrikelnummeret"},
		{"12a", "Ejerlav 010190-1234", "CadastralDistrict", "CPR"},
	} {
		_, err := s.SavePremises(ctx, PremisesForm{Name: "Remisen", CadastralNumber: c.number, CadastralDistrict: c.district})
		wantFieldError(t, err, c.field, c.want)
	}
	if n := countRows(t, s, "premises"); n != 0 {
		t.Fatalf("%d premises saved from bad cadastral numbers", n)
	}
	p, err := s.SavePremises(ctx, PremisesForm{Name: "Remisen", CadastralNumber: " 7000 BØ ", CadastralDistrict: "Korsør Købstads Bygrunde"})
	if err != nil {
		t.Fatal(err)
	}
	if p.CadastralNumber != "7000bø" || p.Cadastre() != "matr.nr. 7000bø Korsør Købstads Bygrunde" {
		t.Errorf("stored %q: %q", p.CadastralNumber, p.Cadastre())
	}
	// The schema holds the same rule for rows not written by the form.
	if _, err := s.DB().Exec(`UPDATE premises SET cadastral_number = '012a' WHERE id = ?`, p.ID); err == nil {
		t.Error("the schema took a cadastral number with a leading zero")
	}
}

func TestRentAdjustmentIsAChoiceWithAMonth(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	leases, err := s.SearchLeases(ctx, LeaseQuery{Limit: 10})
	if err != nil || len(leases) == 0 {
		t.Fatal(err)
	}
	l := leases[0]
	if l.RentAdjustment != AdjustNetPrice || l.RentAdjustmentMonth != time.January ||
		l.RentAdjustmentText() != "hver 1. januar efter nettoprisindekset" {
		t.Fatalf("demo lease: %q %v %q", l.RentAdjustment, l.RentAdjustmentMonth, l.RentAdjustmentText())
	}
	for _, c := range []struct{ choice, month, field, want string }{
		{"nettoprisindeks", "", "RentAdjustmentMonth", "vælg måneden"},
		{"nettoprisindeks", "13", "RentAdjustmentMonth", "et tal fra 1 til 12 (13)"},
		{"nettoprisindeks", "ju", "RentAdjustmentMonth", "skriv en måned som januar"},
		{"ingen", "marts", "RentAdjustmentMonth", "hører kun til regulering efter nettoprisindeks"},
		{"forbrugerprisindeks", "", "RentAdjustment", "skriv ingen eller nettoprisindeks (forbrugerprisindeks)"},
	} {
		f := l.Form()
		f.RentAdjustment, f.RentAdjustmentMonth = c.choice, c.month
		_, err := s.SaveLease(ctx, f)
		wantFieldError(t, err, c.field, c.want)
	}
	f := l.Form()
	f.RentAdjustment, f.RentAdjustmentMonth = "Ingen regulering", ""
	saved, err := s.SaveLease(ctx, f)
	if err != nil || saved.RentAdjustment != AdjustNone || saved.RentAdjustmentMonth != 0 || saved.RentAdjustmentText() != "" {
		t.Fatalf("no adjustment: %+v, %v", saved.RentAdjustment, err)
	}
	f.RentAdjustment, f.RentAdjustmentMonth = "Nettoprisindeks", "Okt."
	if saved, err = s.SaveLease(ctx, f); err != nil || saved.RentAdjustmentMonth != time.October {
		t.Fatalf("October: %v, %v", saved.RentAdjustmentMonth, err)
	}
	// The schema refuses a month without the index.
	_, err = s.DB().Exec(`UPDATE leases SET rent_adjustment = 'ingen' WHERE id = ?`, l.ID)
	if err == nil || !strings.Contains(err.Error(), "lejeregulering") {
		t.Errorf("the schema took a month without the index: %v", err)
	}
}

// A unit acts for a legal person of the right kind: a helhedsplan for a
// housing organisation, a municipal unit for a municipality.
func TestUnitsActForTheirLegalPerson(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	kommune := mustSaveOrg(t, s, OrganisationForm{Name: "Slagelse Kommune", Kind: "kommune", CVR: "29188505"})
	bolig := mustSaveOrg(t, s, OrganisationForm{Name: "BoligKorsør", Kind: "boligorganisation"})
	_, err := s.SaveOrganisation(ctx, OrganisationForm{Name: "Helhedsplan", Kind: "helhedsplan", ParentID: kommune.ID})
	wantFieldError(t, err, "ParentID", "skal være en boligorganisation")
	_, err = s.SaveOrganisation(ctx, OrganisationForm{Name: "Center", Kind: "kommunal_enhed", ParentID: bolig.ID})
	wantFieldError(t, err, "ParentID", "skal være en kommune")
	plan := mustSaveOrg(t, s, OrganisationForm{Name: "Boligsocial helhedsplan Motalavej", Kind: "helhedsplan", ParentID: bolig.ID})
	if got := PartyLine(plan, bolig); got != "BoligKorsør v/ Boligsocial helhedsplan Motalavej" {
		t.Errorf("party line %q", got)
	}
	// A legal person has no parent: an enterprise's is dropped.
	v := mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed", ParentID: bolig.ID})
	if v.ParentID != 0 || PartyLine(v, bolig) != "Bevar" {
		t.Errorf("enterprise parent %d, line %q", v.ParentID, PartyLine(v, bolig))
	}
}
