package dk

import (
	"strings"
	"testing"
)

func TestFindCPR(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"010203-1234", "010203-1234"},
		{"0102031234", "0102031234"},
		{"010203 1234", "010203 1234"},
		{"cpr: 211275-1234, ring", "211275-1234"},
		{"Anna (2112751234) kom i dag", "2112751234"},
		{"290200-1234", "290200-1234"},           // YY%4 == 0 counts as leap
		{"290204-1234", "290204-1234"},           // leap year
		{"010203\u00a01234", "010203\u00a01234"}, // no-break space
		{"010203\u20131234", "010203\u20131234"}, // en dash from a word processor
		{"a0102031234b", "0102031234"},
		{"P-nr. 1003425917", "1003425917"}, // a P-number can look like a CPR (10.3.42); P-number fields are exempt
		{"første 320101-1234, anden 010101-1234", "010101-1234"},

		{"", ""},
		{"290201-1234", ""},            // not a leap year
		{"310401-1234", ""},            // 31 April
		{"320101-1234", ""},            // day 32
		{"011301-1234", ""},            // month 13
		{"000101-1234", ""},            // day 0
		{"5798007149727", ""},          // EAN: 13 digits
		{"010203123456", ""},           // 12 digits
		{"10102031234", ""},            // 11 digits
		{"010203-12345", ""},           // serial too long
		{"1010203-1234", ""},           // date part too long
		{"010203-123", ""},             // serial too short
		{"+45 12 34 56 78", ""},        // phone number
		{"tlf. 12345678", ""},          // 8 digits
		{"010203--1234", ""},           // two separators
		{"010203/1234", ""},            // not a CPR separator
		{"beløb 1.700.000,00 kr.", ""}, // money
		{"dato 21.02.2015 kl. 14.32", ""},
	}
	for _, tt := range tests {
		got, ok := FindCPR(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("FindCPR(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
		if ContainsCPR(tt.in) != ok {
			t.Errorf("ContainsCPR(%q) disagrees with FindCPR", tt.in)
		}
	}
}

func FuzzFindCPR(f *testing.F) {
	for _, s := range []string{"010203-1234", "0102031234", "010203 1234", "5798007149727", "+45 12 34 56 78", "290200-1234", "x010203\u20131234y", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := FindCPR(s)
		if ok != ContainsCPR(s) {
			t.Fatalf("ContainsCPR(%q) disagrees with FindCPR", s)
		}
		if !ok {
			if got != "" {
				t.Fatalf("FindCPR(%q) = %q without a match", s, got)
			}
			return
		}
		i := strings.Index(s, got)
		if i < 0 {
			t.Fatalf("FindCPR(%q) = %q, not a substring", s, got)
		}
		// Exactly 10 digits with a real date first.
		digits := strings.Map(func(r rune) rune {
			if '0' <= r && r <= '9' {
				return r
			}
			return -1
		}, got)
		if len(digits) != 10 || !isCPRDate(digits[:6]) {
			t.Fatalf("FindCPR(%q) = %q: not a CPR shape", s, got)
		}
		if !isDigit(got[0]) || !isDigit(got[len(got)-1]) {
			t.Fatalf("FindCPR(%q) = %q: does not start and end with digits", s, got)
		}
		// The match found alone is found again, whole.
		if again, ok := FindCPR(got); !ok || again != got {
			t.Fatalf("FindCPR(%q) = %q, %v on its own match", got, again, ok)
		}
	})
}

// Every separator the detector knows, as word processors and web pages
// write them between the date and the serial part: dropping any one would
// let a pasted CPR number into a free-text field unwarned.
func TestFindCPRSeparators(t *testing.T) {
	for _, sep := range []struct{ name, s string }{
		{"hyphen-minus", "-"},
		{"space", " "},
		{"no-break space", "\u00A0"},
		{"narrow no-break space", "\u202F"},
		{"hyphen", "\u2010"},
		{"non-breaking hyphen (Word)", "\u2011"},
		{"figure dash", "\u2012"},
		{"en dash", "\u2013"},
		{"minus sign", "\u2212"},
	} {
		t.Run(sep.name, func(t *testing.T) {
			cpr := "211275" + sep.s + "1234"
			in := "Anna (" + cpr + ") ringede"
			if got, ok := FindCPR(in); !ok || got != cpr {
				t.Errorf("FindCPR(%q) = %q, %v; want %q", in, got, ok, cpr)
			}
			// The serial part must still be exactly four digits after the
			// separator, however many bytes the separator takes.
			for _, bad := range []string{"211275" + sep.s + "123", "211275" + sep.s + "12345", "211275" + sep.s + sep.s + "1234"} {
				if got, ok := FindCPR(bad); ok {
					t.Errorf("FindCPR(%q) = %q; not a CPR number", bad, got)
				}
			}
		})
	}
}
