package ui

import "testing"

// Danish first: English only when the system asks for it.
func TestLanguageChoice(t *testing.T) {
	for _, tt := range []struct {
		language, lcAll, lang string
		english               bool
	}{
		{"en", "", "da_DK.UTF-8", true},
		{"en_GB:da", "", "", true},
		{"", "", "en_US.UTF-8", true},
		{"", "", "da_DK.UTF-8", false},
		{"", "", "de_DE.UTF-8", false},
		{"", "C", "", false},
		{"", "", "", false},
		{"da", "", "en_US.UTF-8", false},
	} {
		t.Setenv("LANGUAGE", tt.language)
		t.Setenv("LC_ALL", tt.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", tt.lang)
		if got := systemIsEnglish(); got != tt.english {
			t.Errorf("LANGUAGE=%q LC_ALL=%q LANG=%q: English = %v, want %v", tt.language, tt.lcAll, tt.lang, got, tt.english)
		}
	}
}
