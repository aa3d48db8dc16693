package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// Typing keeps a draft: the form's timer writes what was typed shortly
// after the last keystroke, follows further typing, never touches the
// saved record, and stops when the edits are thrown away.
func TestTypingKeepsADraftOfWhatWasTyped(t *testing.T) {
	w, s := newTestWindow(t, true)
	p := w.Partners
	typeInto(p.list.search, "Sekstanten")
	p.list.list.Select(0)
	id := p.original.ID
	typeInto(p.city, "Ringsted")
	waitForDraft(t, s, draftOrganisation, id, `"City":"Ringsted"`)
	typeInto(p.city, "Roskilde")
	waitForDraft(t, s, draftOrganisation, id, `"City":"Roskilde"`)
	if drafts, _ := s.Drafts(context.Background()); len(drafts) != 1 {
		t.Errorf("%d drafts, want the one of Sekstanten: %+v", len(drafts), drafts)
	}
	if o, _ := s.Organisation(context.Background(), id); o.City != "Slagelse" {
		t.Errorf("the draft wrote %q over the saved city", o.City)
	}

	// Esc throws the edits away, and the draft with them for good: the
	// timer set by the last keystroke does not bring it back.
	typeInto(p.city, "Køge")
	p.city.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	time.Sleep(3 * draftDelay)
	if drafts, _ := s.Drafts(context.Background()); len(drafts) != 0 {
		t.Errorf("drafts after Esc: %+v", drafts)
	}
}
