package dk

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestParseDate(t *testing.T) {
	feb21 := day(2015, time.February, 21)
	tests := []struct {
		in   string
		want time.Time
		code string
	}{
		{"21.2.2015", feb21, ""},
		{"21.02.2015", feb21, ""},
		{"21-02-2015", feb21, ""},
		{"21-2-2015", feb21, ""},
		{"21/2/2015", feb21, ""},
		{"2015-02-21", feb21, ""},
		{"2015-2-21", feb21, ""},
		{"  21.2.2015\t", feb21, ""},
		{"29.2.2016", day(2016, time.February, 29), ""},
		{"29.2.2000", day(2000, time.February, 29), ""},
		{"1.1.1900", day(1900, time.January, 1), ""},
		{"31.12.2199", day(2199, time.December, 31), ""},
		{"30.9.2017", day(2017, time.September, 30), ""},

		{"31.2.2015", time.Time{}, "date_invalid"},
		{"29.2.2015", time.Time{}, "date_invalid"},
		{"29.2.1900", time.Time{}, "date_invalid"}, // 1900 was not a leap year
		{"31.4.2015", time.Time{}, "date_invalid"},
		{"0.1.2015", time.Time{}, "date_invalid"},
		{"1.0.2015", time.Time{}, "date_invalid"},
		{"1.13.2015", time.Time{}, "date_invalid"},
		{"32.1.2015", time.Time{}, "date_invalid"},
		{"2015-02-30", time.Time{}, "date_invalid"},

		{"", time.Time{}, "date_format"},
		{"   ", time.Time{}, "date_format"},
		{"21.2.15", time.Time{}, "date_format"}, // 2-digit year
		{"21.2.015", time.Time{}, "date_format"},
		{"21.2.20150", time.Time{}, "date_format"},
		{"21.2.1899", time.Time{}, "date_format"},
		{"21.2.2200", time.Time{}, "date_format"},
		{"21.2-2015", time.Time{}, "date_format"}, // mixed separators
		{"21.2.2015.", time.Time{}, "date_format"},
		{"21..2015", time.Time{}, "date_format"},
		{"21.2", time.Time{}, "date_format"},
		{"21.2.2015.1", time.Time{}, "date_format"},
		{"021.2.2015", time.Time{}, "date_format"},
		{"21.002.2015", time.Time{}, "date_format"},
		{"2015/02/21", time.Time{}, "date_format"},
		{"2015.02.21", time.Time{}, "date_format"},
		{"21 2 2015", time.Time{}, "date_format"},
		{"21. februar 2015", time.Time{}, "date_format"},
		{"i går", time.Time{}, "date_format"},
		{"٢١.٢.٢٠١٥", time.Time{}, "date_format"}, // Arabic-Indic digits
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		wantCode(t, tt.in, err, tt.code)
		if !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseISODate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		code string
	}{
		{"2015-02-21", day(2015, time.February, 21), ""},
		{"2016-02-29", day(2016, time.February, 29), ""},
		{"2015-02-29", time.Time{}, "date_invalid"},
		{"2015-13-01", time.Time{}, "date_invalid"},
		{"2015-2-21", time.Time{}, "date_format"},
		{" 2015-02-21", time.Time{}, "date_format"},
		{"21.02.2015", time.Time{}, "date_format"},
		{"2015-02-21T00:00:00Z", time.Time{}, "date_format"},
		{"", time.Time{}, "date_format"},
	}
	for _, tt := range tests {
		got, err := ParseISODate(tt.in)
		wantCode(t, tt.in, err, tt.code)
		if !got.Equal(tt.want) {
			t.Errorf("ParseISODate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFormatDate(t *testing.T) {
	d := day(2015, time.February, 21)
	ts := time.Date(2015, time.February, 21, 14, 32, 59, 0, time.UTC)
	tests := []struct{ got, want string }{
		{FormatDate(d), "21.2.2015"},
		{FormatDateTable(d), "21.02.2015"},
		{FormatDateTable(day(2015, time.December, 1)), "01.12.2015"},
		{FormatDateLong(d), "21. februar 2015"},
		{FormatDateLong(day(2017, time.September, 30)), "30. september 2017"},
		{FormatDateTime(ts), "21.2.2015 kl. 14.32"},
		{FormatDateTime(time.Date(2015, time.March, 1, 9, 5, 0, 0, time.UTC)), "1.3.2015 kl. 9.05"},
		{ISODate(d), "2015-02-21"},
		{ISODate(day(987, time.January, 2)), "0987-01-02"},
		{ISOWeek(d), "uge 8"},
		{ISOWeek(day(2015, time.February, 15)), "uge 7"}, // a Sunday ends week 7
		{ISOWeek(day(2015, time.February, 16)), "uge 8"}, // Monday starts week 8
		{ISOWeek(day(2021, time.January, 3)), "uge 53"},  // belongs to 2020's last week
		{WeekdayName(d.Weekday()), "lørdag"},
		{WeekdayName(time.Monday), "mandag"},
		{WeekdayName(time.Sunday), "søndag"},
		{WeekdayName(time.Weekday(7)), ""},
		{MonthName(time.January), "januar"},
		{MonthName(time.March), "marts"},
		{MonthName(time.December), "december"},
		{MonthName(0), ""},
		{MonthName(13), ""},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestDateRoundTrip(t *testing.T) {
	// Every day of a few years, including leap days and year ends.
	for d := day(1999, time.December, 1); d.Year() < 2002; d = d.AddDate(0, 0, 1) {
		for _, s := range []string{FormatDate(d), FormatDateTable(d), ISODate(d)} {
			got, err := ParseDate(s)
			if err != nil || !got.Equal(d) {
				t.Fatalf("ParseDate(%q) = %v, %v; want %v", s, got, err, d)
			}
		}
		if got, err := ParseISODate(ISODate(d)); err != nil || !got.Equal(d) {
			t.Fatalf("ParseISODate(%q) = %v, %v", ISODate(d), got, err)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"21.2.2015", "21.02.2015", "21-02-2015", "21/2/2015", "2015-02-21", " 21.2.2015 ", "31.2.2015", "29.2.2000", "21.2.15", "", "1.1.1900", "31.12.2199"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if e, ok := err.(*Error); !ok || (e.Code != "date_format" && e.Code != "date_invalid") {
				t.Fatalf("ParseDate(%q): unexpected error %#v", s, err)
			}
			return
		}
		if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			t.Fatalf("ParseDate(%q) = %v, not midnight UTC", s, d)
		}
		if d.Year() < 1900 || d.Year() > 2199 {
			t.Fatalf("ParseDate(%q) = %v, year out of range", s, d)
		}
		for _, out := range []string{FormatDate(d), FormatDateTable(d), ISODate(d)} {
			back, err := ParseDate(out)
			if err != nil || !back.Equal(d) {
				t.Fatalf("ParseDate(%q) = %v, but ParseDate(%q) = %v, %v", s, d, out, back, err)
			}
		}
		if back, err := ParseISODate(ISODate(d)); err != nil || !back.Equal(d) {
			t.Fatalf("ParseISODate(%q) = %v, %v", ISODate(d), back, err)
		}
	})
}
