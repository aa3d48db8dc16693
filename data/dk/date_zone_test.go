package dk

import (
	"testing"
	"time"
)

func TestFormatDateTimeZone(t *testing.T) {
	for _, tc := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2015, 2, 21, 14, 3, 0, 0, time.FixedZone("CET", 3600)), "21.2.2015 kl. 14.03 (+01:00)"},
		{time.Date(2015, 6, 1, 9, 30, 0, 0, time.FixedZone("CEST", 7200)), "1.6.2015 kl. 9.30 (+02:00)"},
		{time.Date(2015, 6, 1, 9, 30, 0, 0, time.UTC), "1.6.2015 kl. 9.30 (+00:00)"},
	} {
		if got := FormatDateTimeZone(tc.t); got != tc.want {
			t.Errorf("FormatDateTimeZone(%v) = %q, want %q", tc.t, got, tc.want)
		}
	}
}
