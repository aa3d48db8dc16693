package data

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"partnerskab/data/dk"
)

// FieldError is a problem with one field of a form: Field names the Go
// field (so the window can put the message on the right entry), Label the
// field as the caseworker knows it, Text the problem in Danish.
type FieldError struct {
	Field string
	Label string
	Code  string
	Text  string
}

func (e FieldError) Error() string { return e.Label + ": " + e.Text }

// ValidationError lists every problem found in one record; nothing is saved.
type ValidationError struct {
	Problems []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Error()
	}
	return strings.Join(parts, "; ")
}

// For returns the problem with the named field, if any.
func (e *ValidationError) For(field string) (FieldError, bool) {
	for _, p := range e.Problems {
		if p.Field == field {
			return p, true
		}
	}
	return FieldError{}, false
}

// Any tells whether v (which may be nil) has a problem with any of fields.
func (e *ValidationError) Any(fields ...string) bool {
	if e == nil {
		return false
	}
	for _, f := range fields {
		if _, ok := e.For(f); ok {
			return true
		}
	}
	return false
}

// AsValidation unwraps a ValidationError.
func AsValidation(err error) (*ValidationError, bool) {
	var v *ValidationError
	ok := errors.As(err, &v)
	return v, ok
}

// checker collects field problems while a form is parsed.
type checker struct{ problems []FieldError }

func (c *checker) add(field, label, code, text string) {
	c.problems = append(c.problems, FieldError{Field: field, Label: label, Code: code, Text: text})
}

func (c *checker) addErr(field, label string, err error) {
	var de *dk.Error
	if errors.As(err, &de) {
		c.add(field, label, de.Code, de.Text)
		return
	}
	c.add(field, label, "invalid", err.Error())
}

func (c *checker) has(field string) bool {
	for _, p := range c.problems {
		if p.Field == field {
			return true
		}
	}
	return false
}

func (c *checker) err() error {
	if len(c.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: c.problems}
}

// required trims s and records a problem when nothing is left, or when
// the text breaks TextProblem's rules.
func (c *checker) required(field, label, s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		c.add(field, label, "required", "skal udfyldes")
	}
	c.text(field, label, s)
	return s
}

// text records TextProblem's verdict on a field's text.
func (c *checker) text(field, label, s string) {
	if code, text := TextProblem(field, s); code != "" && !c.has(field) {
		c.add(field, label, code, text)
	}
}

// Field lengths, in characters. A name, title or other one-line field
// holds at most lineLimit; the fields in fieldLimits hold more, and
// multiLine ones may break lines.
const lineLimit = 200

var fieldLimits = map[string]int{
	"Notes": 10_000, "Description": 2_000, "Body": 200_000, "Use": 1_000, "Reason": 2_000,
	"Address": 300, "ApprovalRef": 300,
	"Items.Text": 2_000, "Items.Minutes": 10_000, "Items.Decision": 2_000, "Correction": 2_000,
}

var multiLine = map[string]bool{"Notes": true, "Description": true, "Body": true, "Use": true, "Reason": true,
	"Items.Text": true, "Items.Minutes": true, "Items.Decision": true, "Correction": true}

// fieldKey is the name a field's limits go by: a row's field
// ("Items.2.Minutes", an agenda item's minutes) without its row number.
func fieldKey(field string) string {
	if head, rest, ok := strings.Cut(field, "."); ok {
		if _, name, ok := strings.Cut(rest, "."); ok {
			return head + "." + name
		}
	}
	return field
}

// FieldLimit is how many characters the form field may hold.
func FieldLimit(field string) int {
	if n, ok := fieldLimits[fieldKey(field)]; ok {
		return n
	}
	return lineLimit
}

// TextProblem is the one rule for text from outside (a form, a CSV cell):
// no control characters (a NUL byte, an escape; line breaks and tabs only
// in fields of several lines), valid UTF-8, and no longer than the
// field's limit. It returns a code and the Danish text of the problem, or
// "" when the text is fine.
func TextProblem(field, s string) (code, text string) {
	if !utf8.ValidString(s) {
		return "encoding", "indeholder tegn, der ikke er gyldig tekst (UTF-8)"
	}
	ml := multiLine[fieldKey(field)]
	for _, r := range s {
		if r == '\t' || r == '\n' || r == '\r' {
			if ml {
				continue
			}
			if r != '\t' {
				return "control", "må kun være én linje; fjern linjeskiftet"
			}
		}
		if unicode.IsControl(r) {
			return "control", fmt.Sprintf("indeholder et styretegn (U+%04X), som ikke kan gemmes; fjern det", r)
		}
	}
	if n, limit := utf8.RuneCountInString(s), FieldLimit(field); n > limit {
		return "too_long", fmt.Sprintf("er for lang: %s tegn, højst %s", dk.FormatDecimal(float64(n), 0), dk.FormatDecimal(float64(limit), 0))
	}
	return "", ""
}

// date parses an optional Danish date; empty means no date.
func (c *checker) date(field, label, s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	t, err := dk.ParseDate(s)
	if err != nil {
		c.addErr(field, label, err)
	}
	return t
}

// CPRWarning is the text shown when a free-text field holds what looks like
// a CPR number: the program must never store one.
func CPRWarning(match string) string {
	return "ligner et CPR-nummer (" + match + "); CPR-numre må ikke gemmes her"
}

// noCPR records a problem when free text holds a CPR-like number.
func (c *checker) noCPR(field, label, s string) {
	if m, ok := dk.FindCPR(s); ok {
		c.add(field, label, "cpr", CPRWarning(m))
	}
}

// freeText trims s and refuses a CPR-like number in it, and text that
// breaks TextProblem's rules.
func (c *checker) freeText(field, label, s string) string {
	s = strings.TrimSpace(s)
	c.text(field, label, s)
	c.noCPR(field, label, s)
	return s
}

// FreeTextWarning is the live warning for a free-text field as the user
// types, or "" when the text is fine.
func FreeTextWarning(s string) string {
	if m, ok := dk.FindCPR(s); ok {
		return CPRWarning(m)
	}
	return ""
}

func isoOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return dk.ISODate(t)
}

func formatDateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return dk.FormatDate(t)
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
