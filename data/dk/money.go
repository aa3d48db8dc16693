package dk

import (
	"math"
	"strconv"
	"strings"
)

// Amounts are int64 øre (hundredths of a krone): exact, unlike float64, and
// large enough for any municipal budget.

// moneyExample is the hint shown when an amount cannot be read.
const moneyExample = "skriv fx 1.700.000,00"

// ParseMoney reads an amount in kroner and returns it in øre. It accepts
// 1.700.000,00, 1700000, 1 700 000, 1700000,5, -250,00, 1.700,- and a "kr",
// "kr." or "DKK" before or after the number. Dots separate thousands only
// when groups of three follow, so 1.5 is refused: Danish writes decimals
// after a comma, and guessing would turn 1.5 into 15 kr. or 1,50 kr.
func ParseMoney(s string) (int64, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return 0, fail(codeMoneyFormat, "intet beløb; "+moneyExample)
	}
	bad := func() error {
		return fail(codeMoneyFormat, "ugyldigt beløb"+echo(in)+"; "+moneyExample)
	}

	body, neg, hadSign := takeSign(in)
	body = trimCurrencyPrefix(body)
	if !hadSign {
		body, neg, _ = takeSign(body) // kr. -250,00
	}
	body = trimCurrencySuffix(body)

	intPart, frac, hasComma := strings.Cut(body, ",")
	if hasComma {
		if frac == "-" {
			frac = "" // 1.700,- means whole kroner
		} else if !allDigits(frac) {
			return 0, bad()
		} else if len(frac) > 2 {
			return 0, fail(codeMoneyFormat, "højst 2 decimaler"+echo(in)+"; "+moneyExample)
		}
	}
	digits, ok := parseGroupedInt(intPart, true)
	if !ok {
		if !hasComma && looksLikeDotDecimal(intPart) {
			return 0, fail(codeMoneyFormat, "ugyldigt beløb"+echo(in)+"; brug komma før decimaler, "+moneyExample)
		}
		return 0, bad()
	}
	for len(frac) < 2 {
		frac += "0"
	}

	var v uint64
	for _, c := range []byte(digits + frac) {
		d := uint64(c - '0')
		if v > (math.MaxInt64-d)/10 {
			return 0, fail(codeMoneyFormat, "beløbet er for stort"+echo(in))
		}
		v = v*10 + d
	}
	if neg {
		return -int64(v), nil
	}
	return int64(v), nil
}

// looksLikeDotDecimal reports whether s ends in a dot and one or two digits
// (1.5, 1700.50): an English decimal point, which deserves a precise hint.
func looksLikeDotDecimal(s string) bool {
	i := strings.LastIndexByte(s, '.')
	if i <= 0 {
		return false
	}
	tail := s[i+1:]
	return len(tail) >= 1 && len(tail) <= 2 && allDigits(tail)
}

// currencyWords are the currency markers ParseMoney ignores, longest first so
// that "kr." is removed whole rather than leaving the dot behind.
var currencyWords = []string{"kr.", "dkk", "kr"}

func trimCurrencyPrefix(s string) string {
	for _, w := range currencyWords {
		if hasPrefixFold(s, w) {
			return strings.TrimSpace(s[len(w):])
		}
	}
	return s
}

func trimCurrencySuffix(s string) string {
	for _, w := range currencyWords {
		if hasSuffixFold(s, w) {
			return strings.TrimSpace(s[:len(s)-len(w)])
		}
	}
	return s
}

// FormatMoney formats øre as kroner the Danish way: 1.700.000,00 kr.
func FormatMoney(ore int64) string {
	return FormatAmount(ore) + " kr."
}

// FormatAmount formats øre like FormatMoney but without " kr.", for table
// columns whose heading already says kr.
func FormatAmount(ore int64) string {
	u := uint64(ore)
	sign := ""
	if ore < 0 {
		u = -u // unsigned negation is exact even for math.MinInt64
		sign = "-"
	}
	kr, o := u/100, u%100
	frac := strconv.FormatUint(o, 10)
	if o < 10 {
		frac = "0" + frac
	}
	return sign + groupThousands(strconv.FormatUint(kr, 10)) + "," + frac
}
