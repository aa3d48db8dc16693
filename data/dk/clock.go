package dk

import (
	"fmt"
	"strconv"
	"strings"
)

const codeClockFormat = "clock_format"

// ParseClock reads a time of day the way Danes write it, "kl. 9.30",
// "9:30", "09.30" or "9", and returns it as "09:30". The empty string is
// no time ("").
func ParseClock(s string) (string, error) {
	in := strings.TrimSpace(s)
	t := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(in), "kl."), "kl"))
	if t == "" {
		if in != "" {
			return "", fail(codeClockFormat, "ukendt klokkeslæt"+echo(in)+"; skriv fx 9.30")
		}
		return "", nil
	}
	hs, ms, found := strings.Cut(strings.ReplaceAll(t, ":", "."), ".")
	if !found {
		ms = "00"
	}
	h, herr := strconv.Atoi(hs)
	m, merr := strconv.Atoi(ms)
	if herr != nil || merr != nil || len(hs) > 2 || len(ms) != 2 {
		return "", fail(codeClockFormat, "ukendt klokkeslæt"+echo(in)+"; skriv fx 9.30")
	}
	if h < 0 || h > 23 || m < 0 || m > 59 {
		return "", fail(codeClockFormat, "klokkeslættet findes ikke"+echo(in)+"; skriv fx 9.30")
	}
	return fmt.Sprintf("%02d:%02d", h, m), nil
}

// FormatClock is a stored time of day ("09:30") as Danes write it: "9.30".
func FormatClock(hhmm string) string {
	h, m, ok := strings.Cut(hhmm, ":")
	if !ok {
		return hhmm
	}
	return strings.TrimPrefix(h, "0") + "." + m
}
