package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"partnerskab/data"
)

func TestTheDueTabDeletesOtherKindsToo(t *testing.T) {
	ctx := context.Background()
	w, s := newTestWindow(t, true)
	st := w.Staffing
	// A draft written long before today is due.
	if _, err := s.DB().Exec(`INSERT INTO form_drafts (form, record_id, data, updated_at)
		VALUES ('organisation', 0, '{"Name":"Glemt kladde"}', '2001-01-01T10:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	st.ShowDue()
	var found bool
	for _, r := range st.due.others.rows {
		if r.Key.Kind == data.KindDraft && r.Key.Form == "organisation" {
			found = true
		}
	}
	if !found || st.due.others.del.Disabled() {
		t.Fatalf("the due tab lists %+v", st.due.others.rows)
	}
	mustContain(t, st.due.others.count.Text, "har overskredet slettefristen")
	test.Tap(st.due.others.del)
	test.Tap(button(t, w, "Slet personoplysninger"))
	if n := countRows(t, s, "form_drafts"); n != 0 {
		t.Errorf("%d drafts left after Slet", n)
	}
	es, err := s.Ledger(ctx)
	if err != nil || len(es) == 0 || es[len(es)-1].Kind != data.KindDraft {
		t.Errorf("ledger = %+v, %v", es, err)
	}
	for _, r := range st.due.others.rows {
		if r.Key.Kind == data.KindDraft {
			t.Errorf("the draft is still listed: %+v", r)
		}
	}
}
