package ui

import "fyne.io/fyne/v2"

// The window opens at the size it had when it was last closed (kept in the
// app's preferences), or at defaultSize the first time, and never larger
// than the screen: a 1366×768 laptop gets a window that fits above its
// taskbar, a 1920×1080 screen a larger one. Fyne places it in the middle of
// the screen; it has no way to set or read a window's position, so the
// position is not remembered.

// defaultSize is the window's size the first time, on a large screen.
var defaultSize = fyne.NewSize(1280, 800)

// screenRoom is what the desktop takes from the screen's height and width
// besides the window: a taskbar, the window's title bar and frame.
var screenRoom = fyne.NewSize(16, 96)

// Preference keys of the window's size.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

// startSize is the size the window opens at: saved (zero the first time),
// or else the default, or on a large screen a larger one, never larger than
// the screen (when it is known), and never smaller than the smallest screen
// the program is made for, 1024×600.
func startSize(saved, screen fyne.Size, known bool) fyne.Size {
	size := saved
	if size.Width < 1 || size.Height < 1 {
		size = defaultSize
		if known && screen.Width >= 1800 && screen.Height >= 1000 {
			size = fyne.NewSize(screen.Width*0.75, screen.Height*0.8)
		}
	}
	if known {
		size = size.Min(screen.Subtract(screenRoom))
	}
	return size.Max(fyne.NewSize(1024, 600).Min(screen.Subtract(screenRoom)).Max(fyne.NewSize(640, 480)))
}

// placeWindow sizes and centres the window as it opens, and keeps its size
// for the next time when it closes.
func (w *Window) placeWindow() {
	prefs := w.App.Preferences()
	saved := fyne.NewSize(float32(prefs.Float(prefWidth)), float32(prefs.Float(prefHeight)))
	screen, known := screenSize()
	w.Win.Resize(startSize(saved, screen, known))
	w.Win.CenterOnScreen()
}

// keepSize remembers the window's size for the next start.
func (w *Window) keepSize() {
	s := w.Win.Canvas().Size()
	if s.Width > 0 && s.Height > 0 {
		w.App.Preferences().SetFloat(prefWidth, float64(s.Width))
		w.App.Preferences().SetFloat(prefHeight, float64(s.Height))
	}
}
