package dk

import (
	"strings"
	"unicode"
)

// cvrWeights are the modulus-11 weights of the CVR check (CVR-loven's bilag).
var cvrWeights = [8]int{2, 7, 6, 5, 4, 3, 2, 1}

// NormalizeCVR validates a CVR number and returns its 8 digits. It accepts
// what people paste from letters and invoices: spaces between the digits and
// a leading "DK" or "DK-" (the VAT form), in any case.
func NormalizeCVR(s string) (string, error) {
	d := stripSpaces(s)
	if hasPrefixFold(d, "dk") {
		d = strings.TrimPrefix(d[2:], "-")
	}
	if !isDigits(d, 8) {
		return "", fail(codeCVRFormat, "skal være 8 cifre"+echo(s))
	}
	// No CVR number is issued with a leading zero; it is a format rule rather
	// than a checksum failure, so it shares the format code.
	if d[0] == '0' {
		return "", fail(codeCVRFormat, "kan ikke begynde med 0"+echo(s))
	}
	sum := 0
	for i, w := range cvrWeights {
		sum += int(d[i]-'0') * w
	}
	if sum%11 != 0 {
		return "", fail(codeCVRChecksum, "kontrolcifferet passer ikke"+echo(s))
	}
	return d, nil
}

// NormalizePNumber validates a P-number (production unit) and returns its 10
// digits. Only the format is checked: part of the series was issued with
// irregular check digits, so a checksum would reject real units.
func NormalizePNumber(s string) (string, error) {
	d := stripSpaces(s)
	if !isDigits(d, 10) {
		return "", fail(codePNumberFormat, "skal være 10 cifre"+echo(s))
	}
	return d, nil
}

// NormalizeEAN validates an EAN/GLN location number (the e-invoicing address
// of a public unit) and returns its 13 digits, checking the GS1 mod-10 digit.
func NormalizeEAN(s string) (string, error) {
	d := stripSpaces(s)
	if !isDigits(d, 13) {
		return "", fail(codeEANFormat, "skal være 13 cifre"+echo(s))
	}
	if gs1CheckDigit(d[:12]) != d[12] {
		return "", fail(codeEANChecksum, "kontrolcifferet passer ikke"+echo(s))
	}
	return d, nil
}

// gs1CheckDigit computes the GS1 check digit for a 12-digit EAN-13 body:
// weights 1,3,1,3,… from the left, check = (10 - sum%10) % 10.
func gs1CheckDigit(body string) byte {
	sum := 0
	for i := 0; i < len(body); i++ {
		w := 1
		if i%2 == 1 {
			w = 3
		}
		sum += int(body[i]-'0') * w
	}
	return byte('0' + (10-sum%10)%10)
}

// stripSpaces removes all white space, including the no-break and
// zero-width spaces that come along when numbers are copied from web pages
// and PDFs.
func stripSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF' {
			return -1
		}
		return r
	}, s)
}

// isDigits reports whether s is exactly n ASCII digits. Other Unicode digits
// are refused: registers and databases only know 0–9.
func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
