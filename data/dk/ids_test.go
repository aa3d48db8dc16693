package dk

import "testing"

func TestNormalizeCVR(t *testing.T) {
	tests := []struct {
		in, want, code string
	}{
		{"29188505", "29188505", ""},
		{"13748136", "13748136", ""},
		{"DK 29 18 85 05", "29188505", ""},
		{"dk-29188505", "29188505", ""},
		{"DK29188505", "29188505", ""},
		{"  29188505\t", "29188505", ""},
		{"29\u00a018\u00a085\u00a005", "29188505", ""},
		{"29188506", "", "cvr_checksum"},
		{"13748137", "", "cvr_checksum"},
		{"", "", "cvr_format"},
		{"2918850", "", "cvr_format"},
		{"291885050", "", "cvr_format"},
		{"2918850X", "", "cvr_format"},
		{"29-18-85-05", "", "cvr_format"},
		{"DK--29188505", "", "cvr_format"},
		{"SE29188505", "", "cvr_format"},
		{"０２９１８８５０", "", "cvr_format"}, // full-width digits
		{"00000000", "", "cvr_format"}, // passes mod 11, but no leading 0
		{"01234567", "", "cvr_format"},
	}
	for _, tt := range tests {
		got, err := NormalizeCVR(tt.in)
		wantCode(t, tt.in, err, tt.code)
		if got != tt.want {
			t.Errorf("NormalizeCVR(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizePNumber(t *testing.T) {
	tests := []struct {
		in, want, code string
	}{
		{"1003425917", "1003425917", ""},
		{"10 0342 5917", "1003425917", ""},
		{"1003425918", "1003425918", ""}, // no check digit
		{"", "", "pnumber_format"},
		{"100342591", "", "pnumber_format"},
		{"10034259170", "", "pnumber_format"},
		{"100342591a", "", "pnumber_format"},
		{"DK1003425917", "", "pnumber_format"},
	}
	for _, tt := range tests {
		got, err := NormalizePNumber(tt.in)
		wantCode(t, tt.in, err, tt.code)
		if got != tt.want {
			t.Errorf("NormalizePNumber(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeEAN(t *testing.T) {
	tests := []struct {
		in, want, code string
	}{
		{"5798007149727", "5798007149727", ""},
		{"579 800 714 9727", "5798007149727", ""},
		{"4006381333931", "4006381333931", ""}, // GS1's own example
		{"0000000000000", "0000000000000", ""},
		{"5798007149728", "", "ean_checksum"},
		{"5798007149720", "", "ean_checksum"},
		{"", "", "ean_format"},
		{"579800714972", "", "ean_format"},
		{"57980071497270", "", "ean_format"},
		{"579800714972X", "", "ean_format"},
		{"5798-0071-49727", "", "ean_format"},
	}
	for _, tt := range tests {
		got, err := NormalizeEAN(tt.in)
		wantCode(t, tt.in, err, tt.code)
		if got != tt.want {
			t.Errorf("NormalizeEAN(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// checkNormalized holds for every normalizer: success gives exactly n ASCII
// digits that normalize to themselves; failure gives a *Error with one of
// the expected codes.
func checkNormalized(t *testing.T, name, in, got string, err error, n int, codes ...string) {
	t.Helper()
	if err != nil {
		e, ok := err.(*Error)
		if !ok {
			t.Fatalf("%s(%q): error %T is not *Error", name, in, err)
		}
		for _, c := range codes {
			if e.Code == c {
				return
			}
		}
		t.Fatalf("%s(%q): unexpected code %q", name, in, e.Code)
	}
	if !isDigits(got, n) {
		t.Fatalf("%s(%q) = %q, not %d digits", name, in, got, n)
	}
}

func FuzzNormalizeCVR(f *testing.F) {
	for _, s := range []string{"29188505", "13748136", "DK 29 18 85 05", "dk-29188505", "29188506", "", "dk", "DK-", "01234567"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := NormalizeCVR(s)
		checkNormalized(t, "NormalizeCVR", s, got, err, 8, "cvr_format", "cvr_checksum")
		if err == nil {
			if again, err := NormalizeCVR(got); err != nil || again != got {
				t.Fatalf("NormalizeCVR(%q) not idempotent: %q, %v", got, again, err)
			}
			if again, err := NormalizeCVR("DK-" + got); err != nil || again != got {
				t.Fatalf("NormalizeCVR(DK-%q) = %q, %v", got, again, err)
			}
		}
	})
}

func FuzzNormalizePNumber(f *testing.F) {
	for _, s := range []string{"1003425917", "10 0342 5917", "", "100342591a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := NormalizePNumber(s)
		checkNormalized(t, "NormalizePNumber", s, got, err, 10, "pnumber_format")
		if err == nil {
			if again, err := NormalizePNumber(got); err != nil || again != got {
				t.Fatalf("NormalizePNumber(%q) not idempotent: %q, %v", got, again, err)
			}
		}
	})
}

func FuzzNormalizeEAN(f *testing.F) {
	for _, s := range []string{"5798007149727", "579 800 714 9727", "5798007149728", "", "579800714972X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := NormalizeEAN(s)
		checkNormalized(t, "NormalizeEAN", s, got, err, 13, "ean_format", "ean_checksum")
		if err == nil {
			if again, err := NormalizeEAN(got); err != nil || again != got {
				t.Fatalf("NormalizeEAN(%q) not idempotent: %q, %v", got, again, err)
			}
			// Changing one digit must break the check (mod-10 catches every
			// single-digit error).
			b := []byte(got)
			b[5] = '0' + (b[5]-'0'+1)%10
			if _, err := NormalizeEAN(string(b)); err == nil {
				t.Fatalf("NormalizeEAN(%q) accepted a changed digit", b)
			}
		}
	})
}
