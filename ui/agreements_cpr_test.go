package ui

import (
	"context"
	"strings"
	"testing"
)

// The agreement text warns while it holds a CPR number, as it is typed,
// and Save keeps it out of the store.
func TestAgreementTextWarnsOfACPRNumberLive(t *testing.T) {
	w, s, tp := withPartnershipTemplate(t)
	createDemoDraft(t, w, tp)
	d := w.Agreements.draft
	d.editButton.OnTapped()
	typeInto(d.body, " Borgeren 1.1.90-1234.")
	msg := d.form.Fields.ByName("Body").Msg
	if !msg.Visible() {
		t.Fatal("no live warning on the text")
	}
	mustContain(t, msg.Text, "ligner et CPR-nummer (1.1.90-1234)")
	w.Agreements.Save()
	if a, _ := s.Agreement(context.Background(), d.original.ID); strings.Contains(a.Body, "1.1.90-1234") {
		t.Error("the text with a CPR number was saved")
	}
	d.body.SetText(d.original.Body)
	if msg.Visible() && strings.Contains(msg.Text, "CPR") {
		t.Error("the warning stays when the number is gone")
	}
}
