package ui

import (
	"strings"
	"testing"

	"partnerskab/ui/widgets"
)

// While the text has problems the preview says it is not the text in the
// editor; fixed, it follows again. Every problem shows whole, wrapped.
func TestThePreviewSaysWhenItIsNotCurrent(t *testing.T) {
	w, _ := newTestWindow(t, true)
	tp := w.Templates
	tp.NewRecord()
	tp.body.SetText("Mellem {{kommune.navn}} og {{virksomhed.navn}}.")
	clock.Advance(previewDelay)
	if tp.preview.stale.Visible() {
		t.Fatal("a good text is called not current")
	}
	mustContain(t, widgets.RichTextString(tp.preview.rt), "Mellem Slagelse Kommune og Bevar")

	long := strings.Repeat("{{virksomhed.nvan}} ", 6) + "{{#parter}}"
	tp.body.SetText(long)
	clock.Advance(previewDelay)
	if !tp.preview.stale.Visible() {
		t.Fatal("the preview does not say that it shows an older text")
	}
	mustContain(t, tp.preview.stale.Text, "ikke opdateret")
	if got := len(tp.problems.rows.Objects); got != 7 {
		t.Errorf("%d problems listed, want 7", got)
	}
	for _, o := range tp.problems.rows.Objects {
		if l := o.(*widgets.TapLabel); l.Wrapping == 0 || l.Truncation != 0 {
			t.Errorf("a problem is cut: wrapping %v, truncation %v", l.Wrapping, l.Truncation)
		}
	}
	tp.body.SetText("Mellem {{kommune.navn}}.")
	clock.Advance(previewDelay)
	if tp.preview.stale.Visible() {
		t.Error("the note stays after the text was fixed")
	}
}

// Right after the example is loaded into an empty database, the preview
// merges with it.
func TestThePreviewHasTheExampleRightAfterItIsLoaded(t *testing.T) {
	w, _ := newTestWindow(t, false)
	tp := w.Templates
	tp.body.SetText("{{kommune.navn}}")
	tp.preview.update()
	if !tp.preview.note.Visible() {
		t.Fatal("an empty database gives the preview data")
	}
	w.LoadDemo()
	if tp.preview.note.Visible() {
		t.Errorf("after the example was loaded the preview still says %q", tp.preview.note.Text)
	}
}
