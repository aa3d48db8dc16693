package dk

import (
	"errors"
	"testing"
)

// wantCode checks that err is a *Error with the given code and a non-empty
// Danish text; code "" means err must be nil.
func wantCode(t *testing.T, in string, err error, code string) {
	t.Helper()
	if code == "" {
		if err != nil {
			t.Errorf("%q: unexpected error %v", in, err)
		}
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("%q: want *Error with code %q, got %#v", in, code, err)
		return
	}
	if e.Code != code {
		t.Errorf("%q: code = %q, want %q (text %q)", in, e.Code, code, e.Text)
	}
	if e.Text == "" || e.Error() != e.Text {
		t.Errorf("%q: bad text %q", in, e.Text)
	}
}
