package dk

import (
	"strings"
	"unicode/utf8"
)

// Helpers shared by money and decimal numbers: Danish writes 1.700.000,50
// (dot or space between thousands, comma before decimals).

// groupSep returns the byte width of a thousands separator at the start of s,
// or 0. Dots and spaces are the Danish separators; word processors and web
// pages turn the space into a no-break or thin space, so those count too.
// dot says whether '.' is a thousands separator here.
func groupSep(s string, dot bool) (r rune, w int) {
	r, w = utf8.DecodeRuneInString(s)
	switch r {
	case '.':
		if dot {
			return r, w
		}
	case ' ', '\u00A0', '\u202F', '\u2009':
		return ' ', w // all space-like separators count as one kind
	}
	return 0, 0
}

// parseGroupedInt reads an integer part: either plain digits, or a first
// group of 1–3 digits followed by groups of exactly 3 digits joined by one
// kind of separator. It returns the digits alone. Requiring groups of three
// is what tells 1.700 (one thousand seven hundred) from a mistyped 1.7.
func parseGroupedInt(s string, dot bool) (string, bool) {
	if s == "" {
		return "", false
	}
	var b strings.Builder
	var sep rune
	group := 0 // length of the current group
	groups := 0
	for i := 0; i < len(s); {
		if isDigit(s[i]) {
			b.WriteByte(s[i])
			group++
			i++
			continue
		}
		r, w := groupSep(s[i:], dot)
		if w == 0 || group == 0 {
			return "", false
		}
		if sep != 0 && r != sep {
			return "", false // mixing 1.700 000 is more likely a typo than a number
		}
		sep = r
		if (groups == 0 && group > 3) || (groups > 0 && group != 3) {
			return "", false
		}
		groups++
		group = 0
		i += w
	}
	if group == 0 || (groups > 0 && group != 3) {
		return "", false
	}
	return b.String(), true
}

// groupThousands inserts dots between groups of three in a digit string.
func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3)
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += 3 {
		b.WriteByte('.')
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// takeSign removes a leading minus or plus sign. The typographic minus
// (U+2212) counts, since documents written in word processors use it.
func takeSign(s string) (rest string, neg bool, ok bool) {
	switch {
	case strings.HasPrefix(s, "-"):
		return strings.TrimSpace(s[1:]), true, true
	case strings.HasPrefix(s, "\u2212"):
		return strings.TrimSpace(s[len("\u2212"):]), true, true
	case strings.HasPrefix(s, "+"):
		return strings.TrimSpace(s[1:]), false, true
	}
	return s, false, false
}

// hasPrefixFold reports whether s begins with prefix, ignoring case (ASCII
// and Unicode simple folding, as strings.EqualFold).
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// hasSuffixFold reports whether s ends with suffix, ignoring case.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// allDigits reports whether s is non-empty and only ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
