package ui

import (
	"context"
	"strings"
	"testing"
)

// A draft written while typing leaves out a field holding a CPR number,
// keeps the others, and the form says which field it left out.
func TestDraftLeavesOutACPRNumberAndSaysSo(t *testing.T) {
	w, s := newTestWindow(t, false)
	p := w.Partners
	typeInto(p.Entry("Name"), "Halvfærdig forening")
	typeInto(p.Entry("Notes"), "kontakt 01 01 90 1234")
	pause() // the draft is written
	drafts, _ := s.Drafts(context.Background())
	if len(drafts) != 1 || !strings.Contains(string(drafts[0].Data), "Halvfærdig forening") {
		t.Fatalf("drafts: %+v, want the name kept", drafts)
	}
	if strings.Contains(string(drafts[0].Data), "1234") {
		t.Errorf("the draft holds the CPR number: %s", drafts[0].Data)
	}
	mustContain(t, p.Form.State.Text, "Feltet Noter blev ikke gemt i kladden")
}
