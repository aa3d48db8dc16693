package dk

import (
	"strings"
	"testing"
	"time"
	"unicode"
)

// cprPositives are CPR numbers as people write them, each in the text around
// it; want is the part FindCPR must report.
var cprPositives = []struct{ in, want string }{
	{"010203-1234", "010203-1234"},
	{"0102031234", "0102031234"},
	{"010203 1234", "010203 1234"},
	{"cpr: 211275-1234, ring", "211275-1234"},
	{"Anna (2112751234) kom i dag", "2112751234"},
	{"a0102031234b", "0102031234"},
	{"P-nr. 1003425917", "1003425917"}, // a P-number can look like a CPR; P-number fields are exempt
	{"første 320101-1234, anden 010101-1234", "010101-1234"},
	// Separators inside the date.
	{"født 01.01.90-1234", "01.01.90-1234"},
	{"01 01 90 1234", "01 01 90 1234"},
	{"01-01-90-1234", "01-01-90-1234"},
	{"01/01/90-1234", "01/01/90-1234"},
	{"01.01.90 1234", "01.01.90 1234"},
	{"01.01-90-1234", "01.01-90-1234"},
	// Separators between date and serial.
	{"010190/1234", "010190/1234"},
	{"010190.1234", "010190.1234"},
	{"010190_1234", "010190_1234"},
	{"010190 - 1234", "010190 - 1234"},
	{"010190\u20101234", "010190\u20101234"}, // hyphen
	{"010190\u20111234", "010190\u20111234"}, // non-breaking hyphen
	{"010190\u20121234", "010190\u20121234"}, // figure dash
	{"010190\u20131234", "010190\u20131234"}, // en dash
	{"010190\u20141234", "010190\u20141234"}, // em dash
	{"010190\u22121234", "010190\u22121234"}, // minus sign
	{"010190\u00a01234", "010190\u00a01234"}, // no-break space
	{"01.01.90\u20131234", "01.01.90\u20131234"},
	{"01.01.90/1234", "01.01.90/1234"},
	{"01.01.90.1234", "01.01.90.1234"},
	{"01.01.901234", "01.01.901234"},
	// One-digit day or month.
	{"1.1.90-1234", "1.1.90-1234"},
	{"borger 5.12.85 2345 ringede", "5.12.85 2345"},
	{"31.1.01-0123", "31.1.01-0123"},
	{"1-9-64/3456", "1-9-64/3456"},
	// Four-digit year, agreeing with the serial's century.
	{"01.01.1990-1234", "01.01.1990-1234"},
	{"1.1.1990 1234", "1.1.1990 1234"},
	{"01011990-1234", "01011990-1234"},
	{"29.2.2000-4123", "29.2.2000-4123"},
	{"15.6.2010-5123", "15.6.2010-5123"},
	{"3.3.1858-6000", "3.3.1858-6000"},     // 5–8 with YY > 57: the 1800s
	{"3.3.2057-6000", "3.3.2057-6000"},     // 5–8 with YY <= 57: the 2000s
	{"01.01.1990-4123", "01.01.1990-4123"}, // 4 with YY > 36: the 1900s
	{"01.01.19901234", "01.01.19901234"},
	// Digits outside ASCII.
	{"０１０１９０－１２３４", "０１０１９０－１２３４"},
	{"０１．０１．９０-１２３４", "０１．０１．９０-１２３４"},
	{"\u0660\u0661\u0660\u0661\u0669\u0660\u0661\u0662\u0663\u0664", "\u0660\u0661\u0660\u0661\u0669\u0660\u0661\u0662\u0663\u0664"},       // Arabic-Indic
	{"\u06f0\u06f1.\u06f0\u06f1.\u06f9\u06f0-\u06f1\u06f2\u06f3\u06f4", "\u06f0\u06f1.\u06f0\u06f1.\u06f9\u06f0-\u06f1\u06f2\u06f3\u06f4"}, // Extended Arabic-Indic
	{"\u0966\u0967\u0966\u0967\u096f\u0966-1234", "\u0966\u0967\u0966\u0967\u096f\u0966-1234"},                                             // Devanagari, mixed
	{"01019０1234", "01019０1234"},
	// Centuries.
	{"010136-4123", "010136-4123"}, // 2036
	{"010137-4123", "010137-4123"}, // 1937
	{"010158-5123", "010158-5123"}, // 1858
	{"290200-4234", "290200-4234"}, // 2000 was a leap year
	{"291200-1234", "291200-1234"},
	{"tekst\n01.01.90-1234\nmere", "01.01.90-1234"},
}

// cprNegatives look like numbers but are no CPR number.
var cprNegatives = []string{
	"",
	"290201-1234",            // not a leap year
	"290200-1234",            // 1900 was no leap year
	"310401-1234",            // 31 April
	"320101-1234",            // day 32
	"011301-1234",            // month 13
	"000101-1234",            // day 0
	"5798007149727",          // EAN: 13 digits
	"EAN 5790001330583",      // EAN
	"010203123456",           // 12 digits
	"10102031234",            // 11 digits
	"010203-12345",           // serial too long
	"1010203-1234",           // date part too long
	"010203-123",             // serial too short
	"+45 12 34 56 78",        // phone numbers
	"+45 31 12 85 12",        // a phone number that starts with a date
	"+4512345678",            //
	"+45 3112 8512",          //
	"tlf. 12345678",          //
	"12 34 56 78",            //
	"CVR 29188505",           // CVR
	"CVR-nr. 10150817",       //
	"010203--1234",           // two separators
	"010203  1234",           // two spaces
	"beløb 1.700.000,00 kr.", // amounts
	"11.000 kr.",             //
	"1.250.000 kr. i 2015",   //
	"12.345,67",              //
	"dato 21.02.2015 kl. 14.32",
	"21.2.2015", // dates alone
	"1.1.90",
	"01.01.1990",
	"010190",
	"1.3.2015-30.9.2017", // date ranges
	"1.3.15-30.9.17",
	"1.3.2015 - 1.9.2017",
	"01.01.2015-31.12.2015",
	"10.30-12.00", // times
	"kl. 9.05-10.15",
	"8.30-16.00 alle dage",
	"00.01.00-A00-1-15", // journal numbers
	"27.69.48-G01-3-15",
	"j.nr. 2015-1234",
	"01.01.1990-5123",  // a four-digit year against the serial's century (5 and 90 give 1890)
	"3.3.1857-6000",    // 6 and 57 give 2057
	"01.01.2010-1234",  // 1910, not 2010
	"01.01.90-12345",   // serial too long
	"01.01.90-123",     // serial too short
	"1.1.9-1234",       // one-digit year
	"001.01.90-1234",   // three-digit day
	"01.001.90-1234",   // three-digit month
	"01.01.190-1234",   // three-digit year
	"9901.01.90-1234",  // embedded in a longer run
	"01.01.90-1234567", // embedded in a longer run
	"32.01.90-1234",    // day 32
	"31.04.90-1234",    // 31 April
	"０１０１９０１２３４５",      // fullwidth, 11 digits
	"１２３４５６７８",         // fullwidth phone number
	"1234567890",       // 12.34 is no date
	"ISBN 978-87-02-12345-6",
}

func TestFindCPR(t *testing.T) {
	if len(cprPositives) < 40 || len(cprNegatives) < 40 {
		t.Fatalf("%d positives and %d negatives; the lists must hold 40 of each", len(cprPositives), len(cprNegatives))
	}
	for _, tt := range cprPositives {
		got, ok := FindCPR(tt.in)
		if !ok || got != tt.want {
			t.Errorf("FindCPR(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
		if !ContainsCPR(tt.in) {
			t.Errorf("ContainsCPR(%q) disagrees with FindCPR", tt.in)
		}
	}
	for _, in := range cprNegatives {
		if got, ok := FindCPR(in); ok || got != "" {
			t.Errorf("FindCPR(%q) = %q, %v; not a CPR number", in, got, ok)
		}
		if ContainsCPR(in) {
			t.Errorf("ContainsCPR(%q) disagrees with FindCPR", in)
		}
	}
}

// Every decimal digit of every script has the value that its place in its
// run of ten gives, so a CPR number in fullwidth or Arabic-Indic digits is
// read as the number it is.
func TestDigitValue(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want int
	}{{'0', 0}, {'9', 9}, {'０', 0}, {'７', 7}, {'\u0660', 0}, {'\u0669', 9}, {'\u06f4', 4}, {'\u096f', 9}, {'a', -1}, {'²', -1}} {
		if got := DigitValue(tc.r); got != tc.want {
			t.Errorf("DigitValue(%q) = %d, want %d", tc.r, got, tc.want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsDigit(r) != (DigitValue(r) >= 0) {
			t.Fatalf("DigitValue(%U) = %d, IsDigit %v", r, DigitValue(r), unicode.IsDigit(r))
		}
		if unicode.IsDigit(r) && DigitValue(r) == 0 {
			for k := rune(1); k <= 9; k++ {
				if DigitValue(r+k) != int(k) {
					t.Fatalf("DigitValue(%U) = %d, want %d", r+k, DigitValue(r+k), k)
				}
			}
		}
	}
}

// cprOracle checks a reported match on its own terms, by another road than
// FindCPR: its digit groups, the serial's last four digits, the century
// table and time.Date for the calendar.
func cprOracle(match string) bool {
	var groups [][]int
	inGroup := false
	for _, r := range match {
		if !unicode.IsDigit(r) {
			inGroup = false
			continue
		}
		if !inGroup {
			groups = append(groups, nil)
			inGroup = true
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], DigitValue(r))
	}
	var all []int
	for _, g := range groups {
		all = append(all, g...)
	}
	if len(all) < 8 || len(groups[len(groups)-1]) < 4 {
		return false
	}
	serial := all[len(all)-4:]
	num := func(ds []int) int {
		n := 0
		for _, d := range ds {
			n = n*10 + d
		}
		return n
	}
	var day, month int
	var year []int
	if len(groups) >= 3 {
		day, month = num(groups[0]), num(groups[1])
		if len(groups[0]) > 2 || len(groups[1]) > 2 {
			return false
		}
		year = groups[2]
		if len(groups) == 3 {
			year = year[:len(year)-4]
		}
	} else {
		date := all[:len(all)-4]
		day, month, year = num(date[0:2]), num(date[2:4]), date[4:]
	}
	if len(year) != 2 && len(year) != 4 {
		return false
	}
	yy := num(year) % 100
	var full int
	switch s := serial[0]; {
	case s <= 3:
		full = 1900 + yy
	case s == 4 || s == 9:
		full = 1900 + yy
		if yy <= 36 {
			full += 100
		}
	default:
		full = 1800 + yy
		if yy <= 57 {
			full += 200
		}
	}
	if len(year) == 4 && num(year) != full {
		return false
	}
	d := time.Date(full, time.Month(month), day, 12, 0, 0, 0, time.UTC)
	return month >= 1 && month <= 12 && d.Day() == day && int(d.Month()) == month
}

func FuzzFindCPR(f *testing.F) {
	for _, tt := range cprPositives {
		f.Add(tt.in)
	}
	for _, s := range cprNegatives {
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
		i, j := findCPR(s)
		if i < 0 || s[i:j] != got {
			t.Fatalf("FindCPR(%q) = %q, not s[%d:%d]", s, got, i, j)
		}
		if !cprOracle(got) {
			t.Fatalf("FindCPR(%q) = %q: not a valid date followed by four digits", s, got)
		}
		// Not part of a longer run of digits on either side.
		before, after := []rune(s[:i]), []rune(s[i+len(got):])
		if len(before) > 0 && unicode.IsDigit(before[len(before)-1]) || len(after) > 0 && unicode.IsDigit(after[0]) {
			t.Fatalf("FindCPR(%q) = %q: embedded in a longer run of digits", s, got)
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
		{"none", ""},
		{"hyphen-minus", "-"},
		{"space", " "},
		{"slash", "/"},
		{"full stop", "."},
		{"low line", "_"},
		{"no-break space", "\u00A0"},
		{"narrow no-break space", "\u202F"},
		{"hyphen", "\u2010"},
		{"non-breaking hyphen (Word)", "\u2011"},
		{"figure dash", "\u2012"},
		{"en dash", "\u2013"},
		{"em dash", "\u2014"},
		{"minus sign", "\u2212"},
		{"fullwidth hyphen-minus", "\uFF0D"},
	} {
		t.Run(sep.name, func(t *testing.T) {
			for _, date := range []string{"211275", "21.12.75", "21 12 75", "21-12-75", "21.12.1975"} {
				cpr := date + sep.s + "1234"
				if sep.s == "" && strings.Contains(date, "1975") {
					continue
				}
				in := "Anna (" + cpr + ") ringede"
				if got, ok := FindCPR(in); !ok || got != cpr {
					t.Errorf("FindCPR(%q) = %q, %v; want %q", in, got, ok, cpr)
				}
			}
			// The serial part must still be exactly four digits after the
			// separator, however many bytes the separator takes.
			for _, bad := range []string{"211275" + sep.s + "123", "211275" + sep.s + "12345"} {
				if got, ok := FindCPR(bad); ok {
					t.Errorf("FindCPR(%q) = %q; not a CPR number", bad, got)
				}
			}
		})
	}
}
