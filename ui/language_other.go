//go:build !windows

package ui

// platformEnglish: outside Windows the locale variables decide (language.go).
func platformEnglish() (english, known bool) { return false, false }

// enforceLanguage: outside Windows fyne follows LANGUAGE, which
// SetupLanguage sets.
func enforceLanguage(bool) {}
