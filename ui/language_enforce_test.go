package ui

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"partnerskab/assets"
)

// On Windows fyne matches its translations to the regional format, not to
// the display language the program follows. addTranslationsAs must win
// that match both ways: Danish on a German system, English on a Danish
// one. fyne's matcher is the same on every platform; here it reads the
// locale from LANG, so each case runs in a child process with its own
// LANG and its own copy of fyne's global translations.
func TestAddTranslationsAs(t *testing.T) {
	if want := os.Getenv("PARTNERSKAB_LANG_CHILD"); want != "" {
		if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
			t.Fatal(err)
		}
		before := lang.X("close.keep", "?")
		addTranslationsAs(want, lang.SystemLocale())
		fmt.Printf("before=%s\nafter=%s\nfyne=%s\n", before, lang.X("close.keep", "?"), lang.L("Cancel"))
		return
	}
	for _, tt := range []struct {
		locale, want        string
		before, after, fyne string
	}{
		// German formats, Danish display: fyne alone speaks English here.
		{"de_DE.UTF-8", "da", "Keep them and close", "Behold dem og luk", "Annullér"},
		// Danish formats, English display.
		{"da_DK.UTF-8", "en", "Behold dem og luk", "Keep them and close", "Cancel"},
		// Already right: nothing changes.
		{"da_DK.UTF-8", "da", "Behold dem og luk", "Behold dem og luk", "Annullér"},
		{"en_GB.UTF-8", "en", "Keep them and close", "Keep them and close", "Cancel"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestAddTranslationsAs$")
		cmd.Env = append(os.Environ(), "PARTNERSKAB_LANG_CHILD="+tt.want, "LANG="+tt.locale, "LANGUAGE=", "LC_ALL=", "LC_MESSAGES=")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", tt.locale, err, out)
		}
		got := string(out)
		for _, line := range []string{"before=" + tt.before, "after=" + tt.after, "fyne=" + tt.fyne} {
			if !strings.Contains(got, line+"\n") {
				t.Errorf("locale %s, want %s: no line %q in\n%s", tt.locale, tt.want, line, got)
			}
		}
	}
}

// The display language decides: any English is English, everything else Danish.
func TestEnglishDisplay(t *testing.T) {
	for id, english := range map[uint16]bool{
		0x0409: true,  // en-US
		0x0809: true,  // en-GB
		0x0c09: true,  // en-AU
		0x0406: false, // da-DK
		0x0407: false, // de-DE
		0x041d: false, // sv-SE
		0x0414: false, // nb-NO
		0x0000: false, // unknown
	} {
		if got := englishDisplay(id); got != english {
			t.Errorf("LANGID %#04x: English = %v, want %v", id, got, english)
		}
	}
}
