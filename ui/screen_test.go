package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// The window fits the screen it opens on, grows on a large one, and comes
// back at the size it was closed at (within the screen).
func TestTheWindowFitsTheScreen(t *testing.T) {
	for _, c := range []struct {
		name          string
		saved, screen fyne.Size
		known         bool
		want          fyne.Size
	}{
		{"first start, 1366x768 laptop", fyne.Size{}, fyne.NewSize(1366, 768), true, fyne.NewSize(1280, 672)},
		{"first start, 1024x600 netbook", fyne.Size{}, fyne.NewSize(1024, 600), true, fyne.NewSize(1008, 504)},
		{"first start, 1920x1080", fyne.Size{}, fyne.NewSize(1920, 1080), true, fyne.NewSize(1440, 864)},
		{"first start, screen unknown", fyne.Size{}, fyne.Size{}, false, fyne.NewSize(1280, 800)},
		{"as it was closed", fyne.NewSize(1100, 700), fyne.NewSize(1920, 1080), true, fyne.NewSize(1100, 700)},
		{"closed on a larger screen", fyne.NewSize(1800, 1000), fyne.NewSize(1366, 768), true, fyne.NewSize(1350, 672)},
		{"closed tiny", fyne.NewSize(300, 200), fyne.NewSize(1366, 768), true, fyne.NewSize(1024, 600)},
	} {
		if got := startSize(c.saved, c.screen, c.known); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// The size the window is closed at is kept for the next start.
func TestTheWindowKeepsItsSize(t *testing.T) {
	w, _ := newTestWindow(t, false)
	w.Win.Resize(fyne.NewSize(1111, 666))
	w.keepSize()
	p := w.App.Preferences()
	if p.Float(prefWidth) != 1111 || p.Float(prefHeight) != 666 {
		t.Errorf("kept %v×%v", p.Float(prefWidth), p.Float(prefHeight))
	}
}
