package data

import (
	"testing"
)

// A contact's period and phone number on their limits.
func TestContactFormLimits(t *testing.T) {
	contact := func(edit func(f *ContactForm)) func() error {
		return func() error {
			f := ContactForm{OrganisationID: 1, Name: "Ida Holm"}
			edit(&f)
			_, err := f.Parse()
			return err
		}
	}
	wantLimits(t, []limitCase{
		{"a contact for one day", contact(func(f *ContactForm) { f.ValidFrom, f.ValidTo = "1.3.2015", "1.3.2015" }), ""},
		{"a contact ending the day before", contact(func(f *ContactForm) { f.ValidFrom, f.ValidTo = "1.3.2015", "28.2.2015" }), "ValidTo"},
		{"a phone number of 8 digits", contact(func(f *ContactForm) { f.Phone = "58 57 36 00" }), ""},
		{"a phone number of 7 digits", contact(func(f *ContactForm) { f.Phone = "58 57 36 0" }), "Phone"},
		{"a phone number of 15 digits", contact(func(f *ContactForm) { f.Phone = "+45 1234 5678 9012 3" }), ""},
		{"a phone number of 16 digits", contact(func(f *ContactForm) { f.Phone = "+45 1234 5678 9012 34" }), "Phone"},
	})
}
