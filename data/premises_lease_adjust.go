package data

import (
	"strconv"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// RentAdjustment is how a lease's rent follows prices: not at all, or
// once a year by Danmarks Statistik's net price index (nettoprisindekset),
// the usual index for a commercial lease.
type RentAdjustment string

// The choices of rent adjustment.
const (
	AdjustNone     RentAdjustment = "ingen"
	AdjustNetPrice RentAdjustment = "nettoprisindeks"
)

// RentAdjustments lists the choices in the order the form offers them.
var RentAdjustments = []RentAdjustment{AdjustNone, AdjustNetPrice}

// Label is the choice's Danish name.
func (r RentAdjustment) Label() string {
	if r == AdjustNetPrice {
		return "Nettoprisindeks"
	}
	return "Ingen regulering"
}

// parseRentAdjustment reads the choice and the month of the yearly
// adjustment ("januar" or "1"): a month belongs to the net price index and
// is required by it.
func parseRentAdjustment(c *checker, choice, month string) (RentAdjustment, time.Month) {
	s := strings.TrimSpace(choice)
	var r RentAdjustment
	switch {
	case s == "" || strings.EqualFold(s, string(AdjustNone)) || strings.EqualFold(s, AdjustNone.Label()):
		r = AdjustNone
	case strings.EqualFold(s, string(AdjustNetPrice)) || strings.EqualFold(s, AdjustNetPrice.Label()):
		r = AdjustNetPrice
	default:
		c.add("RentAdjustment", "Lejeregulering", "rent_adjustment", "skriv ingen eller nettoprisindeks ("+s+")")
		return AdjustNone, 0
	}
	m, ok := parseMonth(month)
	switch {
	case !ok:
		c.add("RentAdjustmentMonth", "Reguleres hvert år i", "month",
			"skriv en måned som januar eller et tal fra 1 til 12 ("+strings.TrimSpace(month)+")")
	case r == AdjustNetPrice && m == 0:
		c.add("RentAdjustmentMonth", "Reguleres hvert år i", "required", "vælg måneden, lejen reguleres i hvert år")
	case r == AdjustNone && m != 0:
		c.add("RentAdjustmentMonth", "Reguleres hvert år i", "invalid", "en måned hører kun til regulering efter nettoprisindeks; vælg nettoprisindeks eller slet måneden")
	}
	return r, m
}

// parseMonth reads "januar", "jan." or "1"; "" is no month.
func parseMonth(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if s == "" {
		return 0, true
	}
	if n, err := strconv.Atoi(s); err == nil {
		return time.Month(n), n >= 1 && n <= 12
	}
	for m := time.January; m <= time.December; m++ {
		name := dk.MonthName(m)
		if s == name || (len([]rune(s)) >= 3 && strings.HasPrefix(name, s)) {
			return m, true
		}
	}
	return 0, false
}

// RentAdjustmentText says in a sentence's words when the rent is adjusted:
// "hver 1. januar efter nettoprisindekset"; "" when it is not.
func (l Lease) RentAdjustmentText() string {
	if l.RentAdjustment != AdjustNetPrice || l.RentAdjustmentMonth == 0 {
		return ""
	}
	return "hver 1. " + dk.MonthName(l.RentAdjustmentMonth) + " efter nettoprisindekset"
}

func monthOrNil(m time.Month) any {
	if m == 0 {
		return nil
	}
	return int(m)
}

func monthText(m time.Month) string {
	if m == 0 {
		return ""
	}
	return dk.MonthName(m)
}
