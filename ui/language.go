package ui

import (
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"partnerskab/assets"
)

// SetupLanguage makes the window speak Danish unless the system language
// is English (or LANGUAGE=en; on Windows the display language): fyne would
// otherwise fall back to English on every system it has no translation for.
// Call it before the app starts.
func SetupLanguage() {
	english := systemIsEnglish()
	if !english {
		// fyne's locale lookup reads these variables; LANGUAGE counts only
		// when the locale is not C/POSIX.
		os.Setenv("LANGUAGE", "da")
		if l := localeEnv(); l == "" || l == "C" || l == "POSIX" {
			os.Setenv("LC_MESSAGES", "da_DK.UTF-8")
		}
	}
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		fyne.LogError("translations", err)
	}
	enforceLanguage(english)
}

func localeEnv() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return ""
}

func systemIsEnglish() bool {
	if english, known := platformEnglish(); known {
		return english
	}
	if l := os.Getenv("LANGUAGE"); l != "" {
		return strings.HasPrefix(l, "en")
	}
	if l := localeEnv(); l != "" && l != "C" && l != "POSIX" {
		return strings.HasPrefix(l, "en")
	}
	if runtime.GOOS == "darwin" {
		return strings.HasPrefix(lang.SystemLocale().LanguageString(), "en")
	}
	return false // no locale set at all: Danish first
}
