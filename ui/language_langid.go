package ui

// englishDisplay decides the window's language from a Windows display
// language (a LANGID, as GetUserDefaultUILanguage returns it): English for
// any English (en-US, en-GB, …), Danish for everything else, Danish first.
// The LANGID's low ten bits are the primary language; LANG_ENGLISH is 0x09.
func englishDisplay(langID uint16) bool {
	const langEnglish = 0x09
	return langID&0x3ff == langEnglish
}
