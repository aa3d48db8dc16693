//go:build !ci

package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// noScreen tells a panic of GLFW's for a library that could not start
// (Fyne logs why: no X11 or Wayland display to connect to) from any other.
func noScreen(r any) bool {
	var e *glfw.Error
	err, ok := r.(error)
	// The code for a library not started is not exported, only its name.
	return ok && errors.As(err, &e) && (e.Code.String() == "NotInitialized" || e.Code == glfw.PlatformUnavailable)
}

// screenSize is the primary screen's size in the units Fyne lays out in.
// It runs on the main goroutine after the window is made (GLFW is then
// initialised, on the thread it must be used from).
func screenSize() (fyne.Size, bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	mode := m.GetVideoMode()
	if mode == nil || mode.Width == 0 {
		return fyne.Size{}, false
	}
	sx, sy := m.GetContentScale()
	if sx <= 0 || sy <= 0 {
		sx, sy = 1, 1
	}
	return fyne.NewSize(float32(mode.Width)/sx, float32(mode.Height)/sy), true
}
