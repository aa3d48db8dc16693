package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// clock is the test's clock for what the window schedules (drafts, the
// preview, the ink): it moves only when a test calls pause.
var clock *widgets.ManualClock

// pause lets the time pass after which a form writes its draft, as when
// the caseworker stops typing.
func pause() { clock.Advance(form.DraftDelay) }

// newTestWindow opens a fresh database and the window on fyne's test driver.
func newTestWindow(t *testing.T, demo bool) (*Window, *data.Store) {
	t.Helper()
	clock = widgets.UseManualClock(t.Cleanup)
	s, err := data.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if demo {
		if err := s.LoadDemo(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	w := newLazyTestWindow(t, s)
	// The tests drive a tab's parts without bringing it to the front, as
	// if the caseworker had been there: each reads its data first.
	for i := range w.Tabs.Items {
		w.startTab(i)
	}
	return w, s
}

// newLazyTestWindow builds the window on s as the program does: only the
// tab in front has read its data.
func newLazyTestWindow(t *testing.T, s *data.Store) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	w := New(a, s)
	w.Win.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() {
		if !w.closed.Load() { // the test driver panics on a second Close
			w.Win.Close()
		}
		forgetClosedWindows()
	})
	return w
}

// lastCacheClean is when forgetClosedWindows last had Fyne clean its caches.
var lastCacheClean time.Time

// forgetClosedWindows lets Fyne drop what it keeps of the windows of
// earlier tests. Its caches of renderers and canvases hold every widget
// drawn until a repaint finds it unused for a minute, and the test driver
// never repaints: the windows of all the tests before stayed in memory (a
// gigabyte by the end), and every garbage collection went through them.
// Capturing a canvas runs the cleaning (at most every ten seconds).
func forgetClosedWindows() {
	if time.Since(lastCacheClean) < 10*time.Second {
		return
	}
	lastCacheClean = time.Now()
	c := test.NewCanvas()
	c.Resize(fyne.NewSize(1, 1))
	c.Capture()
}

// find walks the object tree (widgets through their renderers) and returns
// the first object that match accepts.
func find(obj fyne.CanvasObject, match func(fyne.CanvasObject) bool) fyne.CanvasObject {
	if obj == nil {
		return nil
	}
	if match(obj) {
		return obj
	}
	var children []fyne.CanvasObject
	switch o := obj.(type) {
	case *fyne.Container:
		children = o.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(o).Objects()
	}
	for _, c := range children {
		if f := find(c, match); f != nil {
			return f
		}
	}
	return nil
}

// button finds a visible button by its text in the window or its top dialog.
func button(t *testing.T, w *Window, text string) *widget.Button {
	t.Helper()
	roots := []fyne.CanvasObject{}
	if top := w.Win.Canvas().Overlays().Top(); top != nil {
		roots = append(roots, top)
	}
	roots = append(roots, w.Win.Content())
	for _, r := range roots {
		b := find(r, func(o fyne.CanvasObject) bool {
			b, ok := o.(*widget.Button)
			return ok && b.Text == text && b.Visible()
		})
		if b != nil {
			return b.(*widget.Button)
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// typeInto replaces an entry's text the way a user types it.
func typeInto(e *widgets.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

func countRows(t *testing.T, s *data.Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func mustContain(t *testing.T, got, want string) {
	t.Helper()
	if !strings.Contains(got, want) {
		t.Errorf("%q does not contain %q", got, want)
	}
}

// selectIn is the drop-down of a field (a plain one, or one of records).
func selectIn(f *form.Field) *widget.Select {
	switch in := f.Input.(type) {
	case *widget.Select:
		return in
	case *widgets.Select:
		return &in.Select
	case *widgets.ChoiceSelect:
		return in.Select
	}
	panic("field " + f.Name + " has no drop-down")
}

// checkIn is the check box of a field.
func checkIn(f *form.Field) *widget.Check { return &f.Input.(*widgets.Check).Check }

// dialogText is the text of the dialog on top of the window.
func dialogText(w *Window) string {
	top := w.Win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	find(top, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *canvas.Text:
			b.WriteString(x.Text + "\n")
		}
		return false
	})
	return b.String()
}
