package dk

import "unicode"

// FindCPR finds a CPR number in free text however a person writes it and
// returns it as written. A CPR number is a date followed by a four-digit
// serial part:
//
//   - DDMMYYSSSS, or DDMMYY and the serial with a separator between them;
//   - the date with separators inside it (01.01.90, 1-1-90, 01 01 90, 1/1/1990),
//     one-digit day or month, a two- or four-digit year;
//   - any separator between date and serial: none, a space, '/', '.', '_', a
//     hyphen or any Unicode dash, with a space on either side;
//   - digits from any script (fullwidth, Arabic-Indic, …), read by their value.
//
// The date must be real in the century that the serial's first digit gives
// (see cprYear); a written four-digit year must be that year. Numbers issued
// since 2007 need not pass modulus 11, so the date is the only check. A match
// never sits inside a longer run of digits (an EAN, an account number), and
// dates alone, date ranges, times, amounts and phone numbers do not match,
// since none of them is a valid date followed by exactly four digits.
//
// A P-number or another bare 10-digit number that starts with a valid date
// also matches, so callers exempt P-number fields.
func FindCPR(s string) (string, bool) {
	if i, j := findCPR(s); i >= 0 {
		return s[i:j], true
	}
	return "", false
}

// findCPR is the byte range of the first CPR number in s, or -1, -1.
func findCPR(s string) (int, int) {
	// Every form has eight digits at least (1.1.90-1234): a text with
	// fewer holds none, and is not copied into runes to look.
	if !atLeastDigits(s, 8) {
		return -1, -1
	}
	t := newDigitText(s)
	for i := range t.r {
		if !t.digit(i) || (i > 0 && t.digit(i-1)) {
			continue
		}
		if e := t.cprAt(i); e > 0 {
			return t.off[i], t.off[e]
		}
	}
	return -1, -1
}

// atLeastDigits tells whether s has n digits or more, of any script.
func atLeastDigits(s string, n int) bool {
	for _, r := range s {
		if (r >= '0' && r <= '9') || (r > unicode.MaxASCII && unicode.IsDigit(r)) {
			if n--; n == 0 {
				return true
			}
		}
	}
	return false
}

// ContainsCPR reports whether s contains a CPR number (see FindCPR).
func ContainsCPR(s string) bool {
	_, ok := FindCPR(s)
	return ok
}

// digitText is a string as runes with their byte offsets, so that a match is
// returned exactly as written, whatever the width of its runes.
type digitText struct {
	r   []rune
	off []int // off[i] is the byte offset of r[i]; off[len(r)] == len(s)
}

func newDigitText(s string) digitText {
	t := digitText{r: make([]rune, 0, len(s)), off: make([]int, 0, len(s)+1)}
	for i, r := range s {
		t.r = append(t.r, r)
		t.off = append(t.off, i)
	}
	t.off = append(t.off, len(s))
	return t
}

func (t digitText) digit(i int) bool { return i < len(t.r) && unicode.IsDigit(t.r[i]) }

// runEnd is the index just past the run of digits starting at i.
func (t digitText) runEnd(i int) int {
	for t.digit(i) {
		i++
	}
	return i
}

// value is the number that the digits r[i:j] write.
func (t digitText) value(i, j int) int {
	n := 0
	for ; i < j; i++ {
		n = n*10 + DigitValue(t.r[i])
	}
	return n
}

// sepEnd is the index just past a separator starting at i, or -1: one
// punctuation mark from cprPunct, with at most one space before and after it,
// or a space alone. Two marks ("--") are not a separator.
func (t digitText) sepEnd(i int) int {
	k := i
	if k < len(t.r) && isCPRSpace(t.r[k]) {
		k++
	}
	if k < len(t.r) && isCPRPunct(t.r[k]) {
		k++
	}
	if k < len(t.r) && k > i && isCPRSpace(t.r[k]) && !isCPRSpace(t.r[k-1]) {
		k++
	}
	if k == i {
		return -1
	}
	return k
}

// cprAt is the end of a CPR number starting at the digit run at i, or -1.
func (t digitText) cprAt(i int) int {
	e1 := t.runEnd(i)
	switch e1 - i {
	case 10: // DDMMYYSSSS
		return t.check(i, i+2, i+2, i+4, i+4, i+6, i+6, e1)
	case 6, 8: // DDMMYY or DDMMYYYY, a separator, SSSS
		s := t.sepEnd(e1)
		if s < 0 {
			return -1
		}
		e := t.runEnd(s)
		if e-s != 4 {
			return -1
		}
		return t.check(i, i+2, i+2, i+4, i+4, e1, s, e)
	case 1, 2: // D[D] sep M[M] sep YY[YY] and the serial
		s2 := t.sepEnd(e1)
		if s2 < 0 || !t.digit(s2) {
			return -1
		}
		e2 := t.runEnd(s2)
		if e2-s2 > 2 {
			return -1
		}
		s3 := t.sepEnd(e2)
		if s3 < 0 || !t.digit(s3) {
			return -1
		}
		e3 := t.runEnd(s3)
		switch e3 - s3 {
		case 6, 8: // the year and the serial written together
			return t.check(i, e1, s2, e2, s3, e3-4, e3-4, e3)
		case 2, 4:
			s := t.sepEnd(e3)
			if s < 0 {
				return -1
			}
			e := t.runEnd(s)
			if e-s != 4 {
				return -1
			}
			return t.check(i, e1, s2, e2, s3, e3, s, e)
		}
	}
	return -1
}

// check returns end when day r[d0:d1], month r[m0:m1], year r[y0:y1] and
// serial r[s0:end] make a CPR number, or -1.
func (t digitText) check(d0, d1, m0, m1, y0, y1, s0, end int) int {
	if end-s0 != 4 {
		return -1
	}
	y := t.value(y0, y1)
	year := cprYear(y%100, DigitValue(t.r[s0]))
	if y1-y0 == 4 && y != year {
		return -1
	}
	if !validDate(year, t.value(m0, m1), t.value(d0, d1)) {
		return -1
	}
	return end
}

// cprYear is the year of birth that the two-digit year yy and the serial's
// first digit give, by CPR's century table.
func cprYear(yy, first int) int {
	switch {
	case first <= 3:
		return 1900 + yy
	case first == 4 || first == 9:
		if yy <= 36 {
			return 2000 + yy
		}
		return 1900 + yy
	default: // 5–8
		if yy <= 57 {
			return 2000 + yy
		}
		return 1800 + yy
	}
}

// isCPRSpace is a space as typed or pasted: word processors turn spaces into
// no-break spaces.
func isCPRSpace(r rune) bool { return r == '\t' || unicode.Is(unicode.Zs, r) }

// isCPRPunct is a mark people put inside a CPR number: a hyphen or any
// Unicode dash (word processors turn hyphens into dashes), the minus sign,
// '/', '.', '_', and their fullwidth forms.
func isCPRPunct(r rune) bool {
	switch r {
	case '.', '/', '_', '\u2212', '\uFF0E', '\uFF0F', '\uFF3F':
		return true
	}
	return unicode.Is(unicode.Pd, r)
}

// DigitValue is the value of a decimal digit from any script (unicode.IsDigit),
// or -1. Unicode encodes each script's digits as one run from 0 to 9, and the
// runs of unicode.Nd start on a zero, so the offset into the run gives it.
func DigitValue(r rune) int {
	if '0' <= r && r <= '9' {
		return int(r - '0')
	}
	for _, rg := range unicode.Nd.R16 {
		if lo, hi := rune(rg.Lo), rune(rg.Hi); lo <= r && r <= hi && rg.Stride == 1 {
			return int(r-lo) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if lo, hi := rune(rg.Lo), rune(rg.Hi); lo <= r && r <= hi && rg.Stride == 1 {
			return int(r-lo) % 10
		}
	}
	return -1
}

// daysInMonth returns the number of days in month m (1–12).
func daysInMonth(m int, leap bool) int {
	switch m {
	case 2:
		if leap {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
