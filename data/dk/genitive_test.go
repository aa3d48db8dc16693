package dk

import "testing"

func TestGenitive(t *testing.T) {
	for in, want := range map[string]string{
		"Slagelse Kommune":  "Slagelse Kommunes",
		"Fremmed Firma ApS": "Fremmed Firma ApS'",
		"Bevar":             "Bevars",
		"Marx":              "Marx'",
		"":                  "",
	} {
		if got := Genitive(in); got != want {
			t.Errorf("Genitive(%q) = %q, want %q", in, got, want)
		}
	}
}
