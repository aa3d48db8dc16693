package main

import (
	"context"
	"os"
	"strings"
	"testing"

	"partnerskab/data"
)

// 'template update' gives an old default text the new one as a new
// version and leaves an agreement made on the old version as it was.
func TestTemplateUpdateGivesOldDefaultsANewVersion(t *testing.T) {
	db := demoDB(t)
	s, err := data.OpenExisting(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	old, err := os.ReadFile("data/agreement/testdata/shipped/lejeaftale.md")
	if err != nil {
		t.Fatal(err)
	}
	var lease data.Template
	ts, _ := s.Templates(ctx, true)
	for _, tp := range ts {
		if tp.Name == "Lejeaftale om lokaler" {
			lease = tp
		}
	}
	// The database as an earlier release left it: its newest version is
	// the old text.
	if _, _, err := s.SaveTemplate(ctx, data.TemplateForm{ID: lease.ID, Name: lease.Name, Description: lease.Description, Body: string(old)}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, stdout, stderr := runCLI(t, "template", "update", "--db", db)
	if code != 0 || stderr != "" || !strings.Contains(stdout, "Lejeaftale om lokaler: ny version") {
		t.Fatalf("template update: exit %d, %q, %q", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "template", "update", "--db", db)
	if code != 0 || !strings.Contains(stdout, "Standardskabelonerne er opdaterede.") {
		t.Errorf("second run: exit %d, %q", code, stdout)
	}
	s, err = data.OpenExisting(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	vs, err := s.TemplateVersions(ctx, lease.ID)
	if err != nil || len(vs) != 3 || vs[1].Body != string(old) || !strings.Contains(vs[0].Body, "nettoprisindeks") {
		t.Errorf("%d versions (%v): the old text kept and the new on top?", len(vs), err)
	}
}
