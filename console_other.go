//go:build !windows

package main

// prepareConsole is needed only on Windows, where the GUI build has no
// console of its own (console_windows.go).
func prepareConsole([]string) {}
