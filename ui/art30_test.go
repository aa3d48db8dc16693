package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"partnerskab/data"
)

// TestArt30FromTheWindowIsWrittenAndLogged: the menu's record of
// processing writes a PDF, and the audit log names the export and the
// user.
func TestArt30FromTheWindowIsWrittenAndLogged(t *testing.T) {
	w, s := newTestWindow(t, true)
	out := filepath.Join(t.TempDir(), "art30.pdf")
	errs := make(chan error, 1)
	w.art30PDF().save(out, func(err error) { errs <- err })
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("art30 PDF: %v", err)
	}
	events, err := s.AuditLog(context.Background(), s.Now().AddDate(-20, 0, 0))
	if err != nil || len(events) == 0 {
		t.Fatal(err)
	}
	last := events[len(events)-1]
	if last.Kind != data.EventExported || !strings.Contains(last.Detail, "art30.pdf") || last.Actor != data.CurrentActor() {
		t.Errorf("last event after the art. 30 export: %+v", last)
	}
}
