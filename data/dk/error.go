package dk

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is a validation failure with a stable code (for translation) and a Danish text.
type Error struct {
	Code string // stable, e.g. "cvr_checksum", "cvr_format", "pnumber_format", "ean_checksum", "ean_format", "date_format", "date_invalid", "money_format"
	Text string // Danish, lower-case start, names the problem and echoes the input, e.g. `kontrolcifferet passer ikke (29188506)`
}

func (e *Error) Error() string { return e.Text }

// Stable codes. They are part of the contract with the translation tables,
// so they never change once released.
const (
	codeCVRFormat     = "cvr_format"
	codeCVRChecksum   = "cvr_checksum"
	codePNumberFormat = "pnumber_format"
	codeEANFormat     = "ean_format"
	codeEANChecksum   = "ean_checksum"
	codeDateFormat    = "date_format"
	codeDateInvalid   = "date_invalid"
	codeMoneyFormat   = "money_format"
	codeNumberFormat  = "number_format"
)

// fail returns an *Error as an error. It exists so that no function can
// return a typed nil pointer by accident.
func fail(code, text string) error {
	return &Error{Code: code, Text: text}
}

// maxEcho caps how much of the input an error text repeats, so that a pasted
// paragraph does not turn into a paragraph-long error message.
const maxEcho = 40

// echo formats the user's input for an error text as " (input)", so the user
// sees what the program read. Empty input gives "" (the parentheses would
// only confuse). Control characters and invalid UTF-8 are made visible-safe.
func echo(s string) string {
	s = strings.TrimSpace(strings.ToValidUTF8(s, "\uFFFD"))
	if s == "" {
		return ""
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > maxEcho {
		s = string([]rune(s)[:maxEcho]) + "…"
	}
	return " (" + s + ")"
}
