package data

import (
	"errors"
	"strings"
	"time"

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

// required trims s and records a problem when nothing is left.
func (c *checker) required(field, label, s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		c.add(field, label, "required", "skal udfyldes")
	}
	return s
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

// freeText trims s and refuses a CPR-like number in it.
func (c *checker) freeText(field, label, s string) string {
	s = strings.TrimSpace(s)
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
