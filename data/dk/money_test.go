package dk

import (
	"math"
	"strings"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		code string
	}{
		{"1.700.000,00", 170000000, ""},
		{"1700000", 170000000, ""},
		{"1.700.000", 170000000, ""},
		{"1.700.000 kr.", 170000000, ""},
		{"1700000,5", 170000050, ""},
		{"1.700.000,00 kr", 170000000, ""},
		{"kr. 1.700.000", 170000000, ""},
		{"Kr 1.700", 170000, ""},
		{"DKK 1.700,00", 170000, ""},
		{"1.700,00 DKK", 170000, ""},
		{"1700kr.", 170000, ""},
		{"-250,00", -25000, ""},
		{"−250,00", -25000, ""}, // typographic minus
		{"- 250", -25000, ""},
		{"kr. -250,00", -25000, ""},
		{"-kr. 250,00", -25000, ""},
		{"+250", 25000, ""},
		{"1 700 000", 170000000, ""},
		{"1\u00a0700\u00a0000,00\u00a0kr.", 170000000, ""},
		{"1.700,-", 170000, ""},
		{"1.700,- kr.", 170000, ""},
		{"0,05", 5, ""},
		{"0", 0, ""},
		{"-0,00", 0, ""},
		{"007", 700, ""},
		{"  42  ", 4200, ""},
		{"92.233.720.368.547.758,07", math.MaxInt64, ""},
		{"-92.233.720.368.547.758,07", -math.MaxInt64, ""},

		{"", 0, "money_format"},
		{"kr.", 0, "money_format"},
		{"1.5", 0, "money_format"}, // decimal point is a comma in Danish
		{"1700.50", 0, "money_format"},
		{"1.50", 0, "money_format"},
		{"1.7000", 0, "money_format"},
		{"17.00.000", 0, "money_format"},
		{"1700.000", 0, "money_format"},
		{"1.700 000", 0, "money_format"}, // mixed separators
		{".700", 0, "money_format"},
		{"1.700.", 0, "money_format"},
		{"1,505", 0, "money_format"}, // at most 2 decimals
		{"1,500", 0, "money_format"}, // an English thousands comma
		{"1,", 0, "money_format"},
		{",50", 0, "money_format"},
		{"1,5,0", 0, "money_format"},
		{"1,-5", 0, "money_format"},
		{"--250", 0, "money_format"},
		{"-kr. -250", 0, "money_format"},
		{"1e6", 0, "money_format"},
		{"abc", 0, "money_format"},
		{"1.700 kr. kr.", 0, "money_format"},
		{"92.233.720.368.547.758,08", 0, "money_format"}, // overflow
		{"99999999999999999999999", 0, "money_format"},
		{"１７００", 0, "money_format"},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in)
		wantCode(t, tt.in, err, tt.code)
		if got != tt.want {
			t.Errorf("ParseMoney(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestParseMoneyTexts(t *testing.T) {
	// Every format error suggests the right form; the dot mistake says why.
	for _, in := range []string{"", "abc", "1.5", "1,505"} {
		_, err := ParseMoney(in)
		if err == nil || !strings.Contains(err.Error(), "1.700.000,00") {
			t.Errorf("ParseMoney(%q): text %v does not suggest 1.700.000,00", in, err)
		}
	}
	if _, err := ParseMoney("1.5"); err == nil || !strings.Contains(err.Error(), "komma") {
		t.Errorf("ParseMoney(1.5): text %v does not mention the comma", err)
	}
}

func TestFormatMoney(t *testing.T) {
	tests := []struct {
		in            int64
		money, amount string
	}{
		{170000000, "1.700.000,00 kr.", "1.700.000,00"},
		{170000050, "1.700.000,50 kr.", "1.700.000,50"},
		{-170000, "-1.700,00 kr.", "-1.700,00"},
		{0, "0,00 kr.", "0,00"},
		{5, "0,05 kr.", "0,05"},
		{-5, "-0,05 kr.", "-0,05"},
		{99999, "999,99 kr.", "999,99"},
		{100000, "1.000,00 kr.", "1.000,00"},
		{math.MaxInt64, "92.233.720.368.547.758,07 kr.", "92.233.720.368.547.758,07"},
		{math.MinInt64, "-92.233.720.368.547.758,08 kr.", "-92.233.720.368.547.758,08"},
	}
	for _, tt := range tests {
		if got := FormatMoney(tt.in); got != tt.money {
			t.Errorf("FormatMoney(%d) = %q, want %q", tt.in, got, tt.money)
		}
		if got := FormatAmount(tt.in); got != tt.amount {
			t.Errorf("FormatAmount(%d) = %q, want %q", tt.in, got, tt.amount)
		}
	}
}

func TestGroupThousands(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "1": "1", "12": "12", "123": "123", "1234": "1.234",
		"123456": "123.456", "1234567": "1.234.567",
	} {
		if got := groupThousands(in); got != want {
			t.Errorf("groupThousands(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1.700.000,00", "1700000", "1.700.000 kr.", "1700000,5", "kr. 1.700.000", "-250,00", "1 700 000", "1.5", "1.700,-", "92.233.720.368.547.758,07", "", "kr. -1,5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseMoney(s)
		if err != nil {
			if e, ok := err.(*Error); !ok || e.Code != "money_format" {
				t.Fatalf("ParseMoney(%q): unexpected error %#v", s, err)
			}
			return
		}
		for _, out := range []string{FormatMoney(v), FormatAmount(v)} {
			back, err := ParseMoney(out)
			if err != nil || back != v {
				t.Fatalf("ParseMoney(%q) = %d, but ParseMoney(%q) = %d, %v", s, v, out, back, err)
			}
		}
	})
}

// Thousands separators as word processors and web pages write the space:
// no-break space, narrow no-break space (U+202F, the typographers' choice
// for Danish) and thin space all read as the space they stand for, and
// count as one kind with it; a dot mixed with any of them does not.
func TestParseMoneySpaceSeparators(t *testing.T) {
	for _, sep := range []struct{ name, s string }{
		{"space", " "},
		{"no-break space", "\u00A0"},
		{"narrow no-break space", "\u202F"},
		{"thin space", "\u2009"},
	} {
		t.Run(sep.name, func(t *testing.T) {
			for in, want := range map[string]int64{
				"1" + sep.s + "700" + sep.s + "000,00 kr.": 170000000,
				"1" + sep.s + "700" + sep.s + "000":        170000000,
				"12" + sep.s + "500,50":                    1250050,
				"1" + sep.s + "700 000":                    170000000, // one kind with a plain space
			} {
				got, err := ParseMoney(in)
				if err != nil || got != want {
					t.Errorf("ParseMoney(%q) = %d, %v; want %d", in, got, err, want)
				}
			}
			for _, in := range []string{"1" + sep.s + "70", "1" + sep.s + "700.000", "1" + sep.s + sep.s + "700"} {
				if got, err := ParseMoney(in); err == nil {
					t.Errorf("ParseMoney(%q) = %d; want a format error", in, got)
				}
			}
			if got, err := ParseDecimal("1" + sep.s + "234,5"); err != nil || got != 1234.5 {
				t.Errorf("ParseDecimal with %s = %v, %v; want 1234.5", sep.name, got, err)
			}
		})
	}
}
