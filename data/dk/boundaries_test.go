package dk

import (
	"strings"
	"testing"
)

// The limits of the Danish formats, each on the limit and one step past it.

func TestFindCPRLeapYearsByTheCentury(t *testing.T) {
	// The serial's first digit gives the century, and the century decides
	// 29 February: 1900 was no leap year, 2000 was.
	for in, leap := range map[string]bool{
		"290200-1234":    false, // 1900
		"290200-4234":    true,  // 2000
		"290200-5234":    true,  // 2000
		"290204-0234":    true,  // 1904
		"290210-4234":    false, // 2010
		"290212-4234":    true,  // 2012
		"290296-9234":    true,  // 1996
		"290298-9234":    false, // 1998
		"290259-5234":    false, // 1859
		"290264-6234":    true,  // 1864
		"29.2.1900-1234": false,
		"29.2.2000-4234": true,
	} {
		if _, ok := FindCPR(in); ok != leap {
			t.Errorf("FindCPR(%q) found = %v, want %v", in, ok, leap)
		}
	}
	// Days and months on their limits.
	for in, want := range map[string]bool{"310115-1234": true, "320115-1234": false, "300415-1234": true,
		"310415-1234": false, "011215-1234": true, "011315-1234": false, "010015-1234": false, "000115-1234": false} {
		if _, ok := FindCPR(in); ok != want {
			t.Errorf("FindCPR(%q) found = %v, want %v", in, ok, want)
		}
	}
}

func TestFoldPrefixAndSuffix(t *testing.T) {
	for _, tc := range []struct {
		s, w           string
		prefix, suffix bool
	}{
		{"DK", "dk", true, true}, // exactly the word
		{"D", "dk", false, false},
		{"", "dk", false, false},
		{"dK-29188505", "dk", true, false},
		{"1.700 KR.", "kr.", false, true},
		{"kr. 1.700", "KR.", true, false},
		{"kr", "kr.", false, false}, // one short of the word
	} {
		if got := hasPrefixFold(tc.s, tc.w); got != tc.prefix {
			t.Errorf("hasPrefixFold(%q, %q) = %v", tc.s, tc.w, got)
		}
		if got := hasSuffixFold(tc.s, tc.w); got != tc.suffix {
			t.Errorf("hasSuffixFold(%q, %q) = %v", tc.s, tc.w, got)
		}
	}
	// The currency word alone is no amount; "DK" alone no CVR number.
	for _, in := range []string{"kr.", "KR", "dkk"} {
		if _, err := ParseMoney(in); err == nil || !strings.Contains(err.Error(), "ugyldigt beløb") {
			t.Errorf("ParseMoney(%q) = %v", in, err)
		}
	}
	if _, err := NormalizeCVR("DK"); err == nil || err.Error() != "skal være 8 cifre (DK)" {
		t.Errorf("NormalizeCVR(DK) = %v", err)
	}
}

func TestMoneyGroupsAndDecimalsOnTheirLimits(t *testing.T) {
	for in, want := range map[string]int64{
		"170.000":        17000000, // a first group of three
		"123.456.789,00": 12345678900,
		"999":            99900,
		"1,5":            150,
		"1,05":           105,
	} {
		if got, err := ParseMoney(in); err != nil || got != want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"1700.000", "1.7000", "1,005"} {
		if _, err := ParseMoney(in); err == nil {
			t.Errorf("ParseMoney(%q) accepted", in)
		}
	}
	// The English decimal point gets its own hint, with one or two
	// decimals after a digit; a dot at the start or three decimals do not.
	for in, hint := range map[string]bool{"1.5": true, "1700.50": true, "1700.505": false, ".50": false, "1.": false} {
		_, err := ParseMoney(in)
		if err == nil {
			t.Fatalf("ParseMoney(%q) accepted", in)
		}
		if got := strings.Contains(err.Error(), "brug komma før decimaler"); got != hint {
			t.Errorf("ParseMoney(%q) = %q; the comma hint shown: %v, want %v", in, err, got, hint)
		}
	}
	for ore, want := range map[int64]string{1: "0,01", 9: "0,09", 10: "0,10", 11: "0,11", 99: "0,99", 100: "1,00", 101: "1,01", 110: "1,10"} {
		if got := FormatAmount(ore); got != want {
			t.Errorf("FormatAmount(%d) = %q, want %q", ore, got, want)
		}
	}
}

func TestDecimalAmbiguityOnItsLimits(t *testing.T) {
	// Three digits after a lone dot are ambiguous when 1–3 digits without a
	// leading zero come before it; with four before, or a leading zero, the
	// dot can only be a decimal point.
	for _, in := range []string{"1.234", "12.345", "123.456"} {
		if _, err := ParseDecimal(in); err == nil || !strings.Contains(err.Error(), "tvetydigt") {
			t.Errorf("ParseDecimal(%q) = %v; want it called ambiguous", in, err)
		}
	}
	for in, want := range map[string]float64{"1234.567": 1234.567, "0.125": 0.125, "123.45": 123.45, "123.4567": 123.4567} {
		if got, err := ParseDecimal(in); err != nil || got != want {
			t.Errorf("ParseDecimal(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"1.5a", "1.-5", "12,5a"} {
		if _, err := ParseDecimal(in); err == nil || !strings.Contains(err.Error(), "ugyldigt tal") {
			t.Errorf("ParseDecimal(%q) = %v", in, err)
		}
	}
}

func TestDateYearMessages(t *testing.T) {
	// A two-digit year is the common slip and is named; other lengths are
	// an unknown format.
	for in, want := range map[string]string{
		"21.2.15":    "årstallet skal have 4 cifre (21.2.15)",
		"21.2.015":   "ukendt datoformat (21.2.015)",
		"21.2.5":     "ukendt datoformat (21.2.5)",
		"21.2.20155": "ukendt datoformat (21.2.20155)",
	} {
		if _, err := ParseDate(in); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ParseDate(%q) = %v; want %q", in, err, want)
		}
	}
}

func TestEchoOnItsLimit(t *testing.T) {
	for n, want := range map[int]string{
		39: " (" + strings.Repeat("æ", 39) + ")",
		40: " (" + strings.Repeat("æ", 40) + ")", // as long as an echo may be
		41: " (" + strings.Repeat("æ", 40) + "…)",
	} {
		if got := echo(strings.Repeat("æ", n)); got != want {
			t.Errorf("echo of %d letters = %q, want %q", n, got, want)
		}
	}
}

func TestSortKeyOfTheEmptyString(t *testing.T) {
	if Compare("", "A") >= 0 || Compare("A", "") <= 0 || Compare("", "") != 0 {
		t.Error("the empty string does not sort first")
	}
	names := []string{"Å", "", "A"}
	Sort(names)
	if strings.Join(names, ",") != ",A,Å" {
		t.Errorf("Sort = %q", names)
	}
}
