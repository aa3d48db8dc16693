package agreement

import (
	"reflect"
	"testing"
)

func TestShapeArabicContextualForms(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []rune // visual order, left to right
	}{
		// زينة: zain (right-joining, isolated: nothing before it), yeh
		// initial, noon medial, teh marbuta final; reversed for drawing.
		{"زينة", "زينة", []rune{0xFE94, 0xFEE8, 0xFEF3, 0xFEAF}},
		// حداد: hah initial, dal final, alef isolated (dal does not join
		// forward), dal isolated.
		{"حداد", "حداد", []rune{0xFEA9, 0xFE8D, 0xFEAA, 0xFEA3}},
		// سلام: seen initial, lam+alef as the final ligature, meem isolated.
		{"lam-alef", "سلام", []rune{0xFEE1, 0xFEFC, 0xFEB3}},
		// لا alone: the isolated ligature.
		{"lam-alef isolated", "لا", []rune{0xFEFB}},
		// A mark stays after its letter: بَب → beh initial + fatha, beh final.
		{"harakat", "بَب", []rune{0xFE90, 0xFE91, 0x064E}},
	} {
		got := []rune(visualArabic([]rune(tc.in)))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %U, want %U", tc.name, got, tc.want)
		}
	}
}

func TestSplitScriptsKeepsNamesWhole(t *testing.T) {
	got := splitScripts("Navn: زينة حداد, Korsør")
	if len(got) != 3 || got[0].Text != "Navn: " || !got[1].Arabic || got[2].Text != ", Korsør" {
		t.Fatalf("runs = %+v", got)
	}
	// Both words are one right-to-left run: the family name comes first
	// when drawn left to right.
	if want := visualArabic([]rune("حداد")) + " " + visualArabic([]rune("زينة")); got[1].Text != want {
		t.Errorf("Arabic run = %U, want %U", []rune(got[1].Text), []rune(want))
	}
	if runs := splitScripts("Lene Østergaard"); len(runs) != 1 || runs[0].Arabic {
		t.Errorf("Latin text split: %+v", runs)
	}
}
