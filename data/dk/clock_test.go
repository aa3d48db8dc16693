package dk

import "testing"

func TestParseClock(t *testing.T) {
	good := map[string]string{"9.30": "09:30", "kl. 9.30": "09:30", "09:30": "09:30", "9": "09:00", "23.59": "23:59",
		" 0.05 ": "00:05", "": "", "Kl 14": "14:00"}
	for in, want := range good {
		got, err := ParseClock(in)
		if err != nil || got != want {
			t.Errorf("ParseClock(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{"24.00": "klokkeslættet findes ikke (24.00); skriv fx 9.30",
		"9.60": "klokkeslættet findes ikke (9.60); skriv fx 9.30", "halv ti": "ukendt klokkeslæt (halv ti); skriv fx 9.30",
		"9.3": "ukendt klokkeslæt (9.3); skriv fx 9.30", "kl.": "ukendt klokkeslæt (kl.); skriv fx 9.30"}
	for in, want := range bad {
		_, err := ParseClock(in)
		if err == nil || err.Error() != want {
			t.Errorf("ParseClock(%q): %v, want %q", in, err, want)
		}
	}
	if got := FormatClock("09:30"); got != "9.30" {
		t.Errorf("FormatClock = %q", got)
	}
	if got := FormatClock("14:00"); got != "14.00" {
		t.Errorf("FormatClock = %q", got)
	}
}
