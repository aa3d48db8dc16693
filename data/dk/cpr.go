package dk

import "unicode/utf8"

// FindCPR finds a CPR-like number in free text and returns it as written.
// It looks for DDMMYY-SSSS or DDMMYYSSSS (a space or another dash may stand
// for the hyphen) where DDMMYY is a real date. Since 2007 CPR numbers need not
// pass modulus 11, so the date is the only check. The digits must stand alone:
// a longer run of digits (an EAN, an account number) is not a CPR number.
//
// It errs on the side of warning: a P-number or another 10-digit number that
// starts with a date also matches, so callers exempt P-number fields.
func FindCPR(s string) (string, bool) {
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := digitRunEnd(s, i)
		switch j - i {
		case 10:
			if isCPRDate(s[i : i+6]) {
				return s[i:j], true
			}
		case 6:
			if w := cprSeparator(s[j:]); w > 0 && isCPRDate(s[i:j]) {
				k := j + w
				if e := digitRunEnd(s, k); e-k == 4 {
					return s[i:e], true
				}
			}
		}
		i = j
	}
	return "", false
}

// ContainsCPR reports whether s contains a CPR-like number (see FindCPR).
func ContainsCPR(s string) bool {
	_, ok := FindCPR(s)
	return ok
}

// digitRunEnd returns the index just past the run of ASCII digits at i.
func digitRunEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// cprSeparator returns the byte width of a separator between the date and
// the serial part at the start of s, or 0. Word processors turn hyphens into
// dashes and spaces into no-break spaces, so those count as well.
func cprSeparator(s string) int {
	r, w := utf8.DecodeRuneInString(s)
	switch r {
	case '-', ' ', '\u00A0', '\u202F', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212':
		return w
	}
	return 0
}

// isCPRDate reports whether the 6 digits DDMMYY form a real date. The century
// is unknown, so YY%4 == 0 counts as a leap year; that is right for every
// year from 1901 to 2099 except 1900, which is good enough for a warning.
func isCPRDate(ddmmyy string) bool {
	d, m, y := twoDigits(ddmmyy[0:2]), twoDigits(ddmmyy[2:4]), twoDigits(ddmmyy[4:6])
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysInMonth(m, y%4 == 0)
}

// twoDigits is the number two ASCII digits write.
func twoDigits(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

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
