package dk

import (
	"math"
	"strconv"
	"strings"
)

// ParseDecimal reads a measured quantity such as m² or hours: 42,5, 42.5,
// 1.234,5, 1 234,5, -3. Unlike money, a lone dot is read as a decimal point
// (people copy such values from English software), but 1.234 is refused as
// ambiguous: it means 1234 to a Dane and 1.234 to the software it came from,
// and a wrong area in a lease is worse than a question.
func ParseDecimal(s string) (float64, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return 0, fail(codeNumberFormat, "intet tal; skriv fx 42,5")
	}
	bad := func() error {
		return fail(codeNumberFormat, "ugyldigt tal"+echo(in)+"; skriv fx 42,5")
	}
	body, neg, _ := takeSign(in)

	var digits, frac string
	var ok bool
	if strings.Contains(body, ",") {
		var intPart string
		intPart, frac, _ = strings.Cut(body, ",")
		if !allDigits(frac) {
			return 0, bad()
		}
		digits, ok = parseGroupedInt(intPart, true)
	} else if dots := strings.Count(body, "."); dots > 1 {
		digits, ok = parseGroupedInt(body, true) // 1.234.567 can only be thousands
	} else if dots == 1 {
		var intPart string
		intPart, frac, _ = strings.Cut(body, ".")
		if !allDigits(frac) {
			return 0, bad()
		}
		if len(frac) == 3 && len(intPart) <= 3 && allDigits(intPart) && intPart[0] != '0' {
			return 0, fail(codeNumberFormat, "tvetydigt tal"+echo(in)+"; skriv "+intPart+frac+" eller "+intPart+","+frac)
		}
		digits, ok = parseGroupedInt(intPart, false)
	} else {
		digits, ok = parseGroupedInt(body, false)
	}
	if !ok {
		return 0, bad()
	}
	num := digits
	if frac != "" {
		num += "." + frac
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, fail(codeNumberFormat, "tallet er for stort"+echo(in))
	}
	if neg {
		f = -f
	}
	return f, nil
}

// FormatDecimal formats f the Danish way with exactly decimals decimals:
// 1.234,5 for (1234.5, 1). A negative decimals gives the fewest decimals that
// read back as f (strconv's -1), for values whose precision is unknown.
// NaN and infinities, which no parser produces, come out as strconv writes them.
func FormatDecimal(f float64, decimals int) string {
	if decimals < 0 {
		decimals = -1
	}
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return s
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	out := groupThousands(intPart)
	if hasFrac {
		out += "," + frac
	}
	// Rounding can leave "-0,0"; a minus in front of nothing only confuses.
	if neg && strings.Trim(s, "0.") != "" {
		out = "-" + out
	}
	return out
}
