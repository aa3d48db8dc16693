package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"partnerskab/data"
)

// waitForDraft waits for the form's own timer to write the draft of
// form/recordID whose data contains want, and returns it. Nothing writes
// it by hand: a form that stopped scheduling its draft fails here.
func waitForDraft(t *testing.T, s *data.Store, form string, recordID int64, want string) data.Draft {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		drafts, err := s.Drafts(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range drafts {
			if d.Form == form && d.RecordID == recordID && strings.Contains(string(d.Data), want) {
				return d
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no draft of %s %d holding %q was written while typing; drafts: %+v", form, recordID, want, drafts)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
