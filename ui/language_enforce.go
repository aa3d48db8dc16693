package ui

import (
	"io/fs"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"partnerskab/assets"
)

// addTranslationsAs makes fyne speak want ("da" or "en") on a system whose
// locale fyne matches to another language: the want translations are
// added once more under the system locale's own name (say de-DE), which
// fyne's matcher then prefers to every other. Nothing is added when fyne's
// match is already right.
func addTranslationsAs(want string, sys fyne.Locale) {
	if l := sys.LanguageString(); l == want || strings.HasPrefix(l, want+"-") {
		return
	}
	files, err := fs.ReadDir(assets.Translations, "translations")
	if err != nil {
		fyne.LogError("translations", err)
		return
	}
	for _, f := range files {
		if n := f.Name(); n != want+".json" && !strings.HasSuffix(n, "."+want+".json") {
			continue
		}
		name := path.Join("translations", f.Name())
		b, err := fs.ReadFile(assets.Translations, name)
		if err == nil {
			err = lang.AddTranslationsForLocale(b, sys)
		}
		if err != nil {
			fyne.LogError("translations "+name, err)
		}
	}
}
