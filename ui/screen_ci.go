//go:build ci

package ui

import "fyne.io/fyne/v2"

// screenSize is unknown to the test driver, which has no screen.
func screenSize() (fyne.Size, bool) { return fyne.Size{}, false }

// noScreen is false: the test driver needs no screen.
func noScreen(any) bool { return false }
