package data

import (
	"strings"
	"testing"
)

// The notes the issue met in a meeting, and their like, each warned with
// its reason; ordinary notes about a placement are left alone.
func TestSpecialCategoryWarnings(t *testing.T) {
	warned := []struct{ text, word, reason string }{
		{"diagnose depression", "»diagnose«, »depression«", "helbredsoplysninger"},
		{"Har fået stillet diagnosen ADHD", "»diagnosen«, »adhd«", "helbredsoplysninger"},
		{"Sygemeldt med stress i marts", "»sygemeldt«, »stress«", "helbredsoplysninger"},
		{"somalisk baggrund", "»somalisk«", "etnisk oprindelse"},
		{"Kom til Danmark som flygtning", "»flygtning«", "etnisk oprindelse"},
		{"Praktiserende muslim, holder ramadan", "»muslim«, »ramadan«", "religiøs overbevisning"},
		{"Tidligere dømt for tyveri", "»dømt«", "strafbare forhold"},
		{"kontanthjælp 11.000 kr.", "»kontanthjælp«", "sociale ydelser og økonomi"},
		{"kontanthjælp 11.000 kr.", "»11.000 kr.«", "beløb"},
		{"Får 4.500 kroner om måneden", "»4.500 kroner«", "beløb"},
		{"Løn kr. 140 i timen", "»kr. 140«", "beløb"},
		{"Medlem af fagforening", "»fagforening«", "politisk eller faglig tilknytning"},
	}
	for _, c := range warned {
		ws := SpecialCategoryWarnings("Noter", c.text)
		if !anyHas(ws, c.word, c.reason) {
			t.Errorf("%q: warnings %q, want one naming %s as %s", c.text, ws, c.word, c.reason)
		}
		for _, w := range ws {
			if !strings.HasPrefix(w, "Noter: ") || !strings.Contains(w, "art. 9") {
				t.Errorf("%q: warning %q lacks the field or the reason", c.text, w)
			}
		}
	}
	for _, clean := range []string{
		"",
		"Møder kl. 8, kører selv",
		"Ønsker flere timer i caféen fra 1.3.2015",
		"Vil gerne bede om en ekstra vagt",
		"Syerske på værkstedet, 18,5 timer om ugen",
		"Opfølgning hos jobcentret 21.2.2015",
		"Lægger varer på hylderne",
		"Har nedsat tid i december",
	} {
		if ws := SpecialCategoryWarnings("Noter", clean); len(ws) > 0 {
			t.Errorf("%q: warned %q", clean, ws)
		}
	}
}

func anyHas(ws []string, parts ...string) bool {
	for _, w := range ws {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(w, p)
		}
		if all {
			return true
		}
	}
	return false
}
