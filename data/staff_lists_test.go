package data

import (
	"context"
	"strings"
	"testing"
)

func TestSchemesAreAnEditableList(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	sc, err := s.SaveScheme(ctx, SchemeForm{Name: "Nyttejob", Subsidised: true, CountsAsJob: true, WarnWeeks: "8"})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Code != "nyttejob" || sc.WarnWeeks != 8 || !sc.Subsidised || sc.Flex || !sc.CountsAsJob {
		t.Errorf("saved %+v", sc)
	}
	list, err := s.Schemes(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, x := range list {
		names = append(names, x.Name)
	}
	if got := strings.Join(names, "|"); got != "Ordinært job|Fleksjob|Løntilskud|Virksomhedspraktik|Job med ydelse|Frivillig|Nyttejob" {
		t.Errorf("schemes in order: %s", got)
	}
	// A rename keeps the code the program knows the scheme by.
	f := list[1].Form()
	f.Name = "Fleksjob (ny ordning)"
	renamed, err := s.SaveScheme(ctx, f)
	if err != nil || renamed.Code != "fleksjob" || renamed.Name != "Fleksjob (ny ordning)" {
		t.Errorf("rename = %+v, %v", renamed, err)
	}
	// The same name twice, however it is written, is refused.
	_, err = s.SaveScheme(ctx, SchemeForm{Name: "NYTTEJOB"})
	wantFieldError(t, err, "Name", "»Nyttejob« findes allerede")
	_, err = s.SaveScheme(ctx, SchemeForm{Name: "Praktik", WarnWeeks: "tretten"})
	wantFieldError(t, err, "WarnWeeks", "helt tal (tretten)")
	_, err = s.SaveScheme(ctx, SchemeForm{Name: "Praktik", WarnWeeks: "0"})
	wantFieldError(t, err, "WarnWeeks", "mellem 1 og 520")
	// Archived schemes leave the list and come back.
	if err := s.ArchiveScheme(ctx, sc.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Schemes(ctx, false); len(list) != 6 {
		t.Errorf("%d schemes after archiving one, want 6", len(list))
	}
	_, err = s.SaveScheme(ctx, SchemeForm{Name: "nyttejob"})
	wantFieldError(t, err, "Name", "arkiveret; genskab den i stedet")
	if err := s.RestoreScheme(ctx, sc.ID); err != nil {
		t.Fatal(err)
	}
	if got := eventKinds(t, s, "ordning", sc.ID); strings.Join(got, ",") != "oprettet,arkiveret,genskabt" {
		t.Errorf("events %v", got)
	}
	list, _ = s.Schemes(ctx, true)
	if _, ok := FindScheme(list, "fleksjob (NY ordning)"); !ok {
		t.Error("FindScheme by name")
	}
	if found, ok := FindScheme(list, "praktik"); !ok || found.Name != "Virksomhedspraktik" {
		t.Errorf("FindScheme by code = %+v", found)
	}
}

func TestTargetGroupsAreAnEditableList(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	g, err := s.SaveTargetGroup(ctx, TargetGroupForm{Name: "Unge under 30"})
	if err != nil {
		t.Fatal(err)
	}
	if g.Position != 5 {
		t.Errorf("new group at position %d, want last (5)", g.Position)
	}
	_, err = s.SaveTargetGroup(ctx, TargetGroupForm{Name: "ledige FLEKSJOBBERE"})
	wantFieldError(t, err, "Name", "»Ledige fleksjobbere« findes allerede")
	_, err = s.SaveTargetGroup(ctx, TargetGroupForm{Name: "   "})
	wantFieldError(t, err, "Name", "skal udfyldes")
	f := g.Form()
	f.Position = "0"
	if g, err = s.SaveTargetGroup(ctx, f); err != nil {
		t.Fatal(err)
	}
	list, err := s.TargetGroups(ctx, false)
	if err != nil || list[0].Name != "Unge under 30" {
		t.Errorf("moved first: %+v %v", list, err)
	}
	if err := s.ArchiveTargetGroup(ctx, g.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.TargetGroups(ctx, false); len(list) != 4 {
		t.Errorf("%d groups after archiving, want 4", len(list))
	}
	if list, _ := s.TargetGroups(ctx, true); len(list) != 5 || !list[4].Archived() {
		t.Errorf("with archived: %+v", list)
	}
}
