package dk

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Dates are time.Time values at 00:00 UTC: a date has no time zone, and UTC
// keeps comparisons and database round trips free of DST surprises.

// The years ParseDate accepts. Anything outside is almost certainly a typo
// (2105 for 2015 is still inside, but 0215 is not).
const (
	minYear = 1900
	maxYear = 2199
)

// dateExample is the hint shown when a date cannot be read.
const dateExample = "skriv fx 21.2.2015"

// ParseDate reads a date the way Danes type it: 21.2.2015, 21.02.2015,
// 21-2-2015, 21/2/2015, or ISO 2015-02-21. The year must have 4 digits
// (1900–2199). A well-formed date that does not exist (31.2.2015) fails with
// code "date_invalid"; everything else, the empty string included, with
// "date_format".
func ParseDate(s string) (time.Time, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return time.Time{}, fail(codeDateFormat, "ingen dato; "+dateExample)
	}
	unknown := fail(codeDateFormat, "ukendt datoformat"+echo(in)+"; "+dateExample)
	parts, sep, ok := splitDate(in)
	if !ok {
		return time.Time{}, unknown
	}
	var ys, ms, ds string
	if sep == '-' && len(parts[0]) == 4 {
		ys, ms, ds = parts[0], parts[1], parts[2] // ISO order
	} else {
		ds, ms, ys = parts[0], parts[1], parts[2]
		if len(ds) > 2 {
			return time.Time{}, unknown
		}
	}
	if len(ms) > 2 || len(ds) > 2 {
		return time.Time{}, unknown
	}
	if len(ys) != 4 {
		if len(ys) == 2 {
			// 21.2.15 is common in handwriting; say exactly what is missing
			// rather than guessing the century.
			return time.Time{}, fail(codeDateFormat, "årstallet skal have 4 cifre"+echo(in)+"; "+dateExample)
		}
		return time.Time{}, unknown
	}
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	if y < minYear || y > maxYear {
		return time.Time{}, fail(codeDateFormat, fmt.Sprintf("årstallet skal ligge mellem %d og %d%s", minYear, maxYear, echo(in)))
	}
	if !validDate(y, m, d) {
		return time.Time{}, fail(codeDateInvalid, "datoen findes ikke"+echo(in))
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil
}

// splitDate splits s into three non-empty runs of ASCII digits joined by one
// separator character ('.', '-' or '/') used consistently.
func splitDate(s string) (parts [3]string, sep byte, ok bool) {
	n := 0
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isDigit(s[i]) {
			continue
		}
		if i == start || n == 3 {
			return parts, 0, false // empty part or too many parts
		}
		parts[n] = s[start:i]
		n++
		if i == len(s) {
			break
		}
		c := s[i]
		if c != '.' && c != '-' && c != '/' {
			return parts, 0, false
		}
		if sep == 0 {
			sep = c
		} else if c != sep {
			return parts, 0, false
		}
		start = i + 1
	}
	return parts, sep, n == 3
}

// validDate reports whether y-m-d exists in the Gregorian calendar.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	leap := y%4 == 0 && (y%100 != 0 || y%400 == 0)
	return d <= daysInMonth(m, leap)
}

// ParseISODate reads a date stored as YYYY-MM-DD. It is strict (no spaces,
// exactly two-digit month and day) because it reads what the program itself
// wrote; anything else means the data is damaged and must not be guessed at.
func ParseISODate(s string) (time.Time, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' ||
		!isDigits(s[0:4], 4) || !isDigits(s[5:7], 2) || !isDigits(s[8:10], 2) {
		return time.Time{}, fail(codeDateFormat, "ukendt datoformat"+echo(s)+"; skriv fx 2015-02-21")
	}
	y, _ := strconv.Atoi(s[0:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:10])
	if !validDate(y, m, d) {
		return time.Time{}, fail(codeDateInvalid, "datoen findes ikke"+echo(s))
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil
}

// The formatters use the calendar fields of t in its own location; pass
// t.In(loc) first when a timestamp must be shown in a particular zone.

// FormatDate formats t for running text: 21.2.2015.
func FormatDate(t time.Time) string {
	y, m, d := t.Date()
	return fmt.Sprintf("%d.%d.%d", d, m, y)
}

// FormatDateTable formats t with two-digit day and month, 21.02.2015, so
// that dates line up in table columns.
func FormatDateTable(t time.Time) string {
	y, m, d := t.Date()
	return fmt.Sprintf("%02d.%02d.%d", d, m, y)
}

// FormatDateLong formats t the way letters and agreements write it:
// 21. februar 2015.
func FormatDateLong(t time.Time) string {
	y, m, d := t.Date()
	return fmt.Sprintf("%d. %s %d", d, MonthName(m), y)
}

// FormatDateTime formats a timestamp as 21.2.2015 kl. 14.32 (Danish uses a
// dot between hours and minutes).
func FormatDateTime(t time.Time) string {
	return fmt.Sprintf("%s kl. %d.%02d", FormatDate(t), t.Hour(), t.Minute())
}

// ISODate formats t as YYYY-MM-DD, the form stored in the database: it sorts
// as text and ParseISODate reads it back.
func ISODate(t time.Time) string {
	y, m, d := t.Date()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

var weekdayNames = [7]string{"søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"}

var monthNames = [12]string{"januar", "februar", "marts", "april", "maj", "juni",
	"juli", "august", "september", "oktober", "november", "december"}

// WeekdayName returns the Danish name of d in lower case (mandag…søndag),
// as Danish writes weekdays inside sentences. Out-of-range values give "".
func WeekdayName(d time.Weekday) string {
	if d < time.Sunday || d > time.Saturday {
		return ""
	}
	return weekdayNames[d]
}

// MonthName returns the Danish name of m in lower case (januar…december).
// Out-of-range values give "".
func MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return monthNames[m-1]
}

// ISOWeek returns the ISO 8601 week of t as "uge 7": Danish weeks start on
// Monday and week 1 holds the year's first Thursday, exactly ISO's rule.
func ISOWeek(t time.Time) string {
	_, w := t.ISOWeek()
	return "uge " + strconv.Itoa(w)
}
