package data

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseCadastre checks a property's matrikelnummer and ejerlav. A
// matrikelnummer is a number without leading zero and up to three lower
// case letters ("12a", "7000bø"); it identifies a property only within its
// ejerlav, so the two are given together or not at all. The schema checks
// the same shape (007_lease_terms.sql).
func parseCadastre(c *checker, number, district string) (string, string) {
	n := strings.ToLower(strings.Join(strings.Fields(number), ""))
	d := c.freeText("CadastralDistrict", "Ejerlav", district)
	if n != "" && !validCadastralNumber(n) {
		c.add("CadastralNumber", "Matrikelnummer", "cadastral_number",
			"skal være et tal efterfulgt af højst tre små bogstaver, fx 12a ("+strings.TrimSpace(number)+")")
	}
	switch {
	case n != "" && d == "":
		c.add("CadastralDistrict", "Ejerlav", "required", "skriv ejerlavet, som matrikelnummeret hører til, fx Korsør Købstads Bygrunde")
	case n == "" && d != "":
		c.add("CadastralNumber", "Matrikelnummer", "required", "skriv matrikelnummeret i ejerlavet")
	}
	if utf8.RuneCountInString(d) > 120 {
		c.add("CadastralDistrict", "Ejerlav", "too_long", "må højst være 120 tegn")
	}
	return n, d
}

func validCadastralNumber(n string) bool {
	if len(n) > 8 || n == "" || n[0] < '1' || n[0] > '9' {
		return false
	}
	i := strings.IndexFunc(n, func(r rune) bool { return r < '0' || r > '9' })
	if i < 0 {
		return true
	}
	letters := []rune(n[i:])
	if len(letters) > 3 {
		return false
	}
	for _, r := range letters {
		if !unicode.IsLower(r) || !strings.ContainsRune("abcdefghijklmnopqrstuvwxyzæøå", r) {
			return false
		}
	}
	return true
}

// Cadastre writes the property's identification for an agreement:
// "matr.nr. 12a Korsør Købstads Bygrunde"; "" when not recorded.
func (p Premises) Cadastre() string {
	if p.CadastralNumber == "" {
		return ""
	}
	return "matr.nr. " + p.CadastralNumber + " " + p.CadastralDistrict
}
