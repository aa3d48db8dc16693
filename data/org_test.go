package data

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSaveOrganisationCreates(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	o := mustSaveOrg(t, s, OrganisationForm{
		Name: "  Fra de varme lande ", Kind: "Socialøkonomisk virksomhed", CVR: "13748136", PNumber: "1012345678",
		EAN: "5798007149727", RSV: "ja", RSVCheckedOn: "21.2.2015", Address: "Kvarterhuset, Motalavej",
		Postcode: "4220", City: "Korsør", Role: "Catering og café", Notes: "Startet på en pulje på 1.700.000,00 kr.",
	})
	if o.ID == 0 {
		t.Fatal("saved organisation has no ID")
	}
	got, err := s.Organisation(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := Organisation{ID: o.ID, Name: "Fra de varme lande", Kind: KindEnterprise, CVR: "13748136",
		PNumber: "1012345678", EAN: "5798007149727", RSV: RSVYes, RSVCheckedOn: time.Date(2015, 2, 21, 0, 0, 0, 0, time.UTC),
		Address: "Kvarterhuset, Motalavej", Postcode: "4220", City: "Korsør", Role: "Catering og café",
		Notes: "Startet på en pulje på 1.700.000,00 kr.", CreatedAt: got.CreatedAt, UpdatedAt: got.UpdatedAt}
	if got != want {
		t.Errorf("stored organisation\n got %+v\nwant %+v", got, want)
	}
	if want := time.Date(2015, 3, 1, 9, 30, 0, 0, time.UTC); !got.CreatedAt.Equal(want) || !got.UpdatedAt.Equal(want) {
		t.Errorf("created/updated = %v/%v, want the store's clock %v", got.CreatedAt, got.UpdatedAt, want)
	}
	// What reached the file: ISO dates, normalised numbers.
	var cvr, rsvOn string
	if err := s.DB().QueryRow("SELECT cvr, rsv_checked_on FROM organisations WHERE id = ?", o.ID).Scan(&cvr, &rsvOn); err != nil {
		t.Fatal(err)
	}
	if cvr != "13748136" || rsvOn != "2015-02-21" {
		t.Errorf("stored cvr, rsv_checked_on = %q, %q", cvr, rsvOn)
	}
	if k := eventKinds(t, s, "organisation", o.ID); !slices.Equal(k, []string{"oprettet"}) {
		t.Errorf("events = %q, want [oprettet]", k)
	}
	// The form shows what was stored, in Danish date format.
	if f := got.Form(); f.RSVCheckedOn != "21.2.2015" || f.Kind != "virksomhed" {
		t.Errorf("Form() = %+v", f)
	}
}

func TestSaveOrganisationEdits(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	o := mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed", City: "Korsør"})
	s.Now = func() time.Time { return time.Date(2015, 4, 2, 8, 0, 0, 0, time.UTC) }
	f := o.Form()
	f.Name = "Bevar ApS"
	f.CVR = "13748136"
	f.City = ""
	edited := mustSaveOrg(t, s, f)
	if edited.ID != o.ID {
		t.Errorf("edit created a new record: id %d, want %d", edited.ID, o.ID)
	}
	if n := countRows(t, s, "organisations"); n != 1 {
		t.Errorf("%d organisations after an edit, want 1", n)
	}
	got, err := s.Organisation(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Bevar ApS" || got.CVR != "13748136" || got.City != "" {
		t.Errorf("after edit: %+v", got)
	}
	if !got.CreatedAt.Equal(o.CreatedAt) || !got.UpdatedAt.Equal(time.Date(2015, 4, 2, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("created %v updated %v; an edit keeps created and moves updated", got.CreatedAt, got.UpdatedAt)
	}
	if k := eventKinds(t, s, "organisation", o.ID); !slices.Equal(k, []string{"oprettet", "ændret"}) {
		t.Errorf("events = %q, want [oprettet ændret]", k)
	}
	// Editing a record that does not exist is an error, not a silent insert.
	f.ID = 999
	f.CVR = ""
	if _, err := s.SaveOrganisation(ctx, f); !errors.Is(err, ErrNotFound) {
		t.Errorf("save of id 999 = %v, want ErrNotFound", err)
	}
	if n := countRows(t, s, "organisations"); n != 1 {
		t.Errorf("%d organisations after editing a missing one, want 1", n)
	}
}

func TestSaveOrganisationRefusesBadInput(t *testing.T) {
	base := OrganisationForm{Name: "Bevar", Kind: "virksomhed"}
	tests := []struct {
		name  string
		edit  func(*OrganisationForm)
		field string
		texts []string
	}{
		{"CVR wrong check digit", func(f *OrganisationForm) { f.CVR = "29188506" }, "CVR", []string{"kontrolcifferet passer ikke", "29188506"}},
		{"CVR too short", func(f *OrganisationForm) { f.CVR = "2918850" }, "CVR", []string{"skal være 8 cifre"}},
		{"P-number 9 digits", func(f *OrganisationForm) { f.PNumber = "101234567" }, "PNumber", []string{"skal være 10 cifre"}},
		{"P-number 11 digits", func(f *OrganisationForm) { f.PNumber = "10123456789" }, "PNumber", []string{"skal være 10 cifre"}},
		{"P-number letters", func(f *OrganisationForm) { f.PNumber = "10123456AB" }, "PNumber", []string{"skal være 10 cifre"}},
		{"EAN wrong check digit", func(f *OrganisationForm) { f.EAN = "5798007149728" }, "EAN", []string{"kontrolcifferet passer ikke", "5798007149728"}},
		{"date that does not exist", func(f *OrganisationForm) { f.RSVCheckedOn = "31.2.2015" }, "RSVCheckedOn", []string{"datoen findes ikke", "31.2.2015"}},
		{"date with two-digit year", func(f *OrganisationForm) { f.RSVCheckedOn = "21.2.15" }, "RSVCheckedOn", []string{"4 cifre"}},
		{"CPR in notes", func(f *OrganisationForm) { f.Notes = "Kontakt via 010203-1234" }, "Notes", []string{"ligner et CPR-nummer", "CPR-numre må ikke gemmes", "010203-1234"}},
		{"CPR without dash in role", func(f *OrganisationForm) { f.Role = "ejer 0102031234" }, "Role", []string{"CPR-numre må ikke gemmes"}},
		{"CPR in name", func(f *OrganisationForm) { f.Name = "Bevar 010203-1234" }, "Name", []string{"CPR-numre må ikke gemmes"}},
		{"CPR in address", func(f *OrganisationForm) { f.Address = "010203 1234" }, "Address", []string{"CPR-numre må ikke gemmes"}},
		{"no name", func(f *OrganisationForm) { f.Name = "   " }, "Name", []string{"skal udfyldes"}},
		{"unknown kind", func(f *OrganisationForm) { f.Kind = "forening" }, "Kind", []string{"ukendt type (forening)"}},
		{"no kind", func(f *OrganisationForm) { f.Kind = "" }, "Kind", []string{"vælg en type"}},
		{"postcode", func(f *OrganisationForm) { f.Postcode = "42200" }, "Postcode", []string{"4 cifre"}},
		{"RSV", func(f *OrganisationForm) { f.RSV = "måske" }, "RSV", []string{"ja, nej eller ukendt"}},
		{"approval date that does not exist", func(f *OrganisationForm) { f.ApprovedOn = "30.2.2015" }, "ApprovedOn", []string{"datoen findes ikke"}},
		{"approval reference without date", func(f *OrganisationForm) { f.ApprovalRef = "Styregruppemøde, punkt 3" }, "ApprovedOn", []string{"skriv datoen"}},
		{"CPR in approval reference", func(f *OrganisationForm) { f.ApprovedOn = "14.4.2015"; f.ApprovalRef = "sag 140415-1234" }, "ApprovalRef", []string{"CPR-numre må ikke gemmes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := MustOpenDB(t)
			existing := mustSaveOrg(t, s, OrganisationForm{Name: "Slagelse Kommune", Kind: "kommune", CVR: "29188505"})
			before := snapshotCounts(t, s)

			// A new record and an edit of an existing one are both refused.
			for _, id := range []int64{0, existing.ID} {
				f := base
				if id != 0 {
					f = existing.Form()
					f.Kind = base.Kind
				}
				tt.edit(&f)
				typed := f
				_, err := s.SaveOrganisation(ctx, f)
				p := wantFieldError(t, err, tt.field, tt.texts...)
				if !strings.Contains(err.Error(), p.Label) {
					t.Errorf("error %q does not name the field %q", err, p.Label)
				}
				if f != typed {
					t.Errorf("the form was changed by a refused save")
				}
			}
			sameCounts(t, before, snapshotCounts(t, s))
			got, err := s.Organisation(ctx, existing.ID)
			if err != nil || got != existing {
				t.Errorf("existing organisation changed by a refused edit:\n got %+v\nwant %+v", got, existing)
			}
		})
	}
}

func TestPNumberIsNotACPRNumber(t *testing.T) {
	// A P-number can look like a CPR number (a date plus four digits); the
	// P-number field is exempt from the warning.
	s := MustOpenDB(t)
	o := mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed", PNumber: "0102031234"})
	if o.PNumber != "0102031234" {
		t.Errorf("P-number = %q", o.PNumber)
	}
}

func TestDuplicateCVR(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	first := mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed", CVR: "13748136"})
	before := snapshotCounts(t, s)

	_, err := s.SaveOrganisation(ctx, OrganisationForm{Name: "Bevar Genbrug", Kind: "virksomhed", CVR: "DK-13 74 81 36"})
	p := wantFieldError(t, err, "CVR", "13748136", "allerede registreret", "Bevar")
	if strings.Contains(p.Text, "arkiveret") {
		t.Errorf("text %q mentions archiving for an active organisation", p.Text)
	}
	sameCounts(t, before, snapshotCounts(t, s))

	// Saving the first one again with its own CVR is not a duplicate.
	if _, err := s.SaveOrganisation(ctx, first.Form()); err != nil {
		t.Errorf("re-saving an organisation with its own CVR: %v", err)
	}

	// An archived organisation still owns its CVR: restore it instead.
	if err := s.ArchiveOrganisation(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	before = snapshotCounts(t, s)
	_, err = s.SaveOrganisation(ctx, OrganisationForm{Name: "Bevar igen", Kind: "andet", CVR: "13748136"})
	wantFieldError(t, err, "CVR", "Bevar", "arkiveret", "genskab")
	sameCounts(t, before, snapshotCounts(t, s))

	// An edit that takes another organisation's CVR is refused as well.
	other := mustSaveOrg(t, s, OrganisationForm{Name: "Zebra ApS", Kind: "virksomhed"})
	f := other.Form()
	f.CVR = "13748136"
	_, err = s.SaveOrganisation(ctx, f)
	wantFieldError(t, err, "CVR", "Bevar")
	if got, _ := s.Organisation(ctx, other.ID); got.CVR != "" {
		t.Errorf("refused edit stored CVR %q", got.CVR)
	}
}

func TestMunicipalUnitSharesCVR(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	kommune := mustSaveOrg(t, s, OrganisationForm{Name: "Slagelse Kommune", Kind: "kommune", CVR: "DK 29 18 85 05"})
	if kommune.CVR != "29188505" {
		t.Errorf("CVR stored as %q, want 29188505", kommune.CVR)
	}
	var stored string
	if err := s.DB().QueryRow("SELECT cvr FROM organisations WHERE id = ?", kommune.ID).Scan(&stored); err != nil || stored != "29188505" {
		t.Errorf("cvr column = %q (%v), want 29188505", stored, err)
	}
	for _, name := range []string{"Center for Arbejdsmarked og Integration", "Jobcenter Slagelse"} {
		u := mustSaveOrg(t, s, OrganisationForm{Name: name, Kind: "kommunal_enhed", ParentID: kommune.ID, CVR: "29188505"})
		if u.CVR != "29188505" || u.ParentID != kommune.ID {
			t.Errorf("%s: CVR %q parent %d", name, u.CVR, u.ParentID)
		}
	}
	// Another municipality with the same CVR is a duplicate.
	_, err := s.SaveOrganisation(ctx, OrganisationForm{Name: "Slagelse Kommune (dublet)", Kind: "kommune", CVR: "29188505"})
	wantFieldError(t, err, "CVR", "Slagelse Kommune")
	// A unit must hang under a municipality, not under another unit.
	before := snapshotCounts(t, s)
	units, err := s.SearchOrganisations(ctx, OrgQuery{Kind: KindMunicipalUnit})
	if err != nil || len(units) != 2 {
		t.Fatalf("units = %v, %v", units, err)
	}
	_, err = s.SaveOrganisation(ctx, OrganisationForm{Name: "Afdeling", Kind: "kommunal_enhed", ParentID: units[0].ID})
	wantFieldError(t, err, "ParentID", "kommune")
	sameCounts(t, before, snapshotCounts(t, s))
}

func TestArchiveAndRestoreOrganisation(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	bevar := mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed"})
	mustSaveOrg(t, s, OrganisationForm{Name: "Sekstanten", Kind: "sekretariat"})
	list := func(q OrgQuery) []string {
		t.Helper()
		orgs, err := s.SearchOrganisations(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return orgNames(orgs)
	}
	if err := s.ArchiveOrganisation(ctx, bevar.ID); err != nil {
		t.Fatal(err)
	}
	if got := list(OrgQuery{}); !slices.Equal(got, []string{"Sekstanten"}) {
		t.Errorf("active list after archive = %q", got)
	}
	if got := list(OrgQuery{Text: "bevar"}); len(got) != 0 {
		t.Errorf("search finds archived: %q", got)
	}
	if got := list(OrgQuery{Archived: true}); !slices.Equal(got, []string{"Bevar"}) {
		t.Errorf("archived list = %q", got)
	}
	got, err := s.Organisation(ctx, bevar.ID)
	if err != nil || !got.Archived() {
		t.Errorf("archived organisation reads as %+v, %v", got, err)
	}
	// Archiving never deletes.
	if n := countRows(t, s, "organisations"); n != 2 {
		t.Errorf("%d organisations after archive, want 2", n)
	}
	if err := s.RestoreOrganisation(ctx, bevar.ID); err != nil {
		t.Fatal(err)
	}
	if got := list(OrgQuery{}); !slices.Equal(got, []string{"Bevar", "Sekstanten"}) {
		t.Errorf("active list after restore = %q", got)
	}
	if got := list(OrgQuery{Archived: true}); len(got) != 0 {
		t.Errorf("archived list after restore = %q", got)
	}
	f := bevar.Form()
	f.Role = "Systue"
	mustSaveOrg(t, s, f)
	want := []string{"oprettet", "arkiveret", "genskabt", "ændret"}
	if k := eventKinds(t, s, "organisation", bevar.ID); !slices.Equal(k, want) {
		t.Errorf("events = %q, want %q", k, want)
	}
	if err := s.ArchiveOrganisation(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("archive of id 999 = %v, want ErrNotFound", err)
	}
}

func TestSteeringApproval(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	o := mustSaveOrg(t, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed",
		ApprovedOn: "14.04.2015", ApprovalRef: "Styregruppemøde 14.4.2015, punkt 3"})
	if !o.ApprovedOn.Equal(time.Date(2015, 4, 14, 0, 0, 0, 0, time.UTC)) || o.ApprovalRef != "Styregruppemøde 14.4.2015, punkt 3" {
		t.Errorf("approval read back as %v %q", o.ApprovedOn, o.ApprovalRef)
	}
	var on, ref string
	if err := s.DB().QueryRow(`SELECT approved_on, reference FROM approvals WHERE organisation_id = ? AND body = 'styregruppe'`,
		o.ID).Scan(&on, &ref); err != nil {
		t.Fatalf("approval row: %v", err)
	}
	if on != "2015-04-14" {
		t.Errorf("approved_on = %q", on)
	}

	// Changing the date updates the one row.
	f := o.Form()
	f.ApprovedOn = "21.4.2015"
	o = mustSaveOrg(t, s, f)
	if n := countRows(t, s, "approvals"); n != 1 {
		t.Errorf("%d approval rows after changing the date, want 1", n)
	}
	if o.ApprovedOn.Day() != 21 {
		t.Errorf("approval date = %v", o.ApprovedOn)
	}

	// A date without a reference is fine.
	f = o.Form()
	f.ApprovalRef = ""
	o = mustSaveOrg(t, s, f)
	if o.ApprovalRef != "" || o.ApprovedOn.IsZero() {
		t.Errorf("approval = %v %q", o.ApprovedOn, o.ApprovalRef)
	}

	// Emptying both fields clears the approval.
	f = o.Form()
	f.ApprovedOn, f.ApprovalRef = "", ""
	o = mustSaveOrg(t, s, f)
	if n := countRows(t, s, "approvals"); n != 0 {
		t.Errorf("%d approval rows after clearing, want 0", n)
	}
	if !o.ApprovedOn.IsZero() || o.ApprovalRef != "" {
		t.Errorf("cleared approval reads as %v %q", o.ApprovedOn, o.ApprovalRef)
	}

	// A reference without a date is refused, and the stored approval stays.
	f.ApprovedOn, f.ApprovalRef = "1.5.2015", "Møde 1.5.2015"
	o = mustSaveOrg(t, s, f)
	before := snapshotCounts(t, s)
	f = o.Form()
	f.ApprovedOn = ""
	_, err := s.SaveOrganisation(ctx, f)
	wantFieldError(t, err, "ApprovedOn", "skriv datoen")
	sameCounts(t, before, snapshotCounts(t, s))
	if got, _ := s.Organisation(ctx, o.ID); got.ApprovedOn.IsZero() {
		t.Errorf("refused save cleared the approval date")
	}

	// Changing the kind away from enterprise and back keeps the approval:
	// the form only hides the fields.
	f = o.Form()
	f.Kind = "andet"
	mustSaveOrg(t, s, f)
	f.Kind = "virksomhed"
	f.ApprovedOn, f.ApprovalRef = "", ""
	back, err := s.Organisation(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.ApprovedOn.IsZero() || back.ApprovalRef != "Møde 1.5.2015" {
		t.Errorf("a change of kind lost the approval: %v %q", back.ApprovedOn, back.ApprovalRef)
	}
}
