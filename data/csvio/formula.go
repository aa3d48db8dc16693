package csvio

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell
// that begins with =, +, -, @, a tab or a carriage return as a formula.
// Export writes such a cell with a leading apostrophe, which Excel shows
// as text and does not print; import takes that apostrophe off again, so
// the round trip is lossless, and says when a file from elsewhere had such
// a cell, which is kept as the text it is. A number stays a number: the
// amounts and decimals Danish Excel writes ("-1.500,00") are not touched.

// formulaStart tells whether a cell would be run as a formula.
func formulaStart(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// danishNumber is what Danish Excel writes for a number: a sign, digits
// with dots between thousands, a decimal comma.
var danishNumber = regexp.MustCompile(`^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$`)

func isNumber(s string) bool {
	if danishNumber.MatchString(s) {
		return true
	}
	_, err := strconv.ParseFloat(s, 64) // "-12.5" from a spreadsheet set to English
	return err == nil && !strings.ContainsAny(s, "eEinfINFxX")
}

// needsGuard tells whether export must put an apostrophe in front: a
// formula that is not a number, or an apostrophe in front of one already
// (so that import, which takes one apostrophe off, gives it back whole).
func needsGuard(s string) bool {
	if formulaStart(s) {
		return !isNumber(s)
	}
	return strings.HasPrefix(s, "'") && needsGuard(s[1:])
}

// guard is a cell as export writes it.
func guard(s string) string {
	if needsGuard(s) {
		return "'" + s
	}
	return s
}

// unguard is a cell as import reads it: the apostrophe export put in
// front is taken off; escaped tells whether there was one.
func unguard(s string) (text string, escaped bool) {
	if strings.HasPrefix(s, "'") && needsGuard(s[1:]) {
		return s[1:], true
	}
	return s, false
}

// Note is something import did with a cell that the caseworker should
// know of: here, a formula from another program taken as text.
type Note struct {
	Line   int
	Column string
	Start  string // the character the cell began with
}

func (n Note) String() string {
	start := n.Start
	switch start {
	case "\t":
		start = "et tabulatortegn"
	case "\r":
		start = "et vognretur-tegn"
	default:
		start = "»" + start + "«"
	}
	return fmt.Sprintf("linje %d, kolonne %s: cellen begynder med %s og er gemt som tekst, ikke som en formel", n.Line, n.Column, start)
}

// maxNotes is how many notes an import lists; the rest are counted.
const maxNotes = 100

// Notes are an import's notes: the first maxNotes and a count of the rest.
type Notes struct {
	List []Note
	More int
}

func (ns *Notes) add(n Note) {
	if len(ns.List) < maxNotes {
		ns.List = append(ns.List, n)
		return
	}
	ns.More++
}

// Lines are the notes as the command prints them.
func (ns Notes) Lines() []string {
	out := make([]string, 0, len(ns.List)+1)
	for _, n := range ns.List {
		out = append(out, n.String())
	}
	if ns.More > 0 {
		out = append(out, fmt.Sprintf("og %d celler mere, der begynder som en formel, er gemt som tekst", ns.More))
	}
	return out
}
