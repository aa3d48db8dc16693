package dk

import "time"

// FormatDateTimeZone is FormatDateTime with the time's offset from UTC,
// "21.2.2015 kl. 14.03 (+01:00)": a record read elsewhere says which
// clock its times are on.
func FormatDateTimeZone(t time.Time) string {
	return FormatDateTime(t) + " (" + t.Format("-07:00") + ")"
}
