//go:build windows

package ui

import (
	"fyne.io/fyne/v2/lang"
	"golang.org/x/sys/windows"
)

var procGetUserDefaultUILanguage = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetUserDefaultUILanguage")

// platformEnglish reads the Windows display language, the one the user
// chose for menus and dialogs; the regional format (dates, numbers) is
// another setting and does not decide.
func platformEnglish() (english, known bool) {
	if procGetUserDefaultUILanguage.Find() != nil {
		return false, false
	}
	id, _, _ := procGetUserDefaultUILanguage.Call()
	return englishDisplay(uint16(id)), true
}

// enforceLanguage makes fyne use the chosen language. On Windows fyne picks
// its translations by the regional format (GetUserDefaultLocaleName) and
// reads no environment, so a Danish display language with German formats
// would give English, and an English display with Danish formats Danish.
func enforceLanguage(english bool) {
	want := "da"
	if english {
		want = "en"
	}
	addTranslationsAs(want, lang.SystemLocale())
}
