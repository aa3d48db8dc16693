package dk

import (
	"strings"
	"testing"
)

func TestEcho(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  ", ""},
		{"29188506", " (29188506)"},
		{" 1.5 ", " (1.5)"},
		{"a\nb", " (a b)"},
		{"\xff", " (\uFFFD)"},
		{strings.Repeat("x", 50), " (" + strings.Repeat("x", 40) + "…)"},
	}
	for _, tt := range tests {
		if got := echo(tt.in); got != tt.want {
			t.Errorf("echo(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestErrorTexts(t *testing.T) {
	// The texts are what users read; pin the ones the spec spells out.
	tests := []struct {
		err  error
		want string
	}{
		{second(NormalizeCVR("29188506")), "kontrolcifferet passer ikke (29188506)"},
		{second(NormalizeCVR("1234")), "skal være 8 cifre (1234)"},
		{second(NormalizePNumber("123")), "skal være 10 cifre (123)"},
		{second(NormalizeEAN("123")), "skal være 13 cifre (123)"},
		{second(ParseDate("31.2.2015")), "datoen findes ikke (31.2.2015)"},
		{second(ParseDate("i går")), "ukendt datoformat (i går); skriv fx 21.2.2015"},
		{second(ParseMoney("abc")), "ugyldigt beløb (abc); skriv fx 1.700.000,00"},
	}
	for _, tt := range tests {
		if tt.err == nil || tt.err.Error() != tt.want {
			t.Errorf("got %v, want %q", tt.err, tt.want)
		}
	}
}

func second[T any](_ T, err error) error { return err }
