package data

import (
	"context"
	"encoding/json"
	"testing"
)

func TestDraftsKeepFormValuesWithoutTouchingTheRecord(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	orgs, _ := s.SearchOrganisations(ctx, OrgQuery{Text: "Bevar"})
	o := orgs[0]
	f := o.Form()
	f.City = "Skælskør"
	f.CVR = "1234" // invalid on purpose: a draft keeps what was typed
	if _, err := s.SaveDraft(ctx, "organisation", o.ID, f); err != nil {
		t.Fatal(err)
	}
	f.Notes = "anden version"
	if _, err := s.SaveDraft(ctx, "organisation", o.ID, f); err != nil {
		t.Fatal(err)
	}
	ds, err := s.Drafts(ctx)
	if err != nil || len(ds) != 1 {
		t.Fatalf("Drafts = %v, %v; want one draft", ds, err)
	}
	var back OrganisationForm
	if err := json.Unmarshal(ds[0].Data, &back); err != nil {
		t.Fatal(err)
	}
	if back.City != "Skælskør" || back.CVR != "1234" || back.Notes != "anden version" || ds[0].RecordID != o.ID {
		t.Errorf("draft read back as %+v", back)
	}
	saved, _ := s.Organisation(ctx, o.ID)
	if saved.City != "Korsør" {
		t.Errorf("a draft changed the saved record: %q", saved.City)
	}
	if err := s.DeleteDraft(ctx, "organisation", o.ID); err != nil {
		t.Fatal(err)
	}
	if ds, _ := s.Drafts(ctx); len(ds) != 0 {
		t.Errorf("draft still there after delete: %v", ds)
	}
}
