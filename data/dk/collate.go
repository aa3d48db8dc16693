package dk

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Danish alphabetical order puts Æ, Ø, Å after Z (and reads "Aa" as Å, so
// Aabenraa sorts with Århus); byte order gets this wrong. The Unicode
// collation tables in golang.org/x/text know the Danish rules.

// SortKeyVersion names the sort-key scheme; the store recomputes its stored
// keys when it changes.
const SortKeyVersion = "primary-1"

// collator bundles a collate.Collator with its key buffer. Neither is safe for
// concurrent use, so each goroutine borrows one from the pool.
type collator struct {
	c   *collate.Collator
	buf collate.Buffer
}

// The key uses the primary strength only (collate.Loose): letters in
// Danish order, case and accents ignored, which is what an alphabetical
// list needs. It is about a third of the full multi-level key, and the key
// is stored and indexed once per name, so it decides the file's size.
var collators = sync.Pool{
	New: func() any { return &collator{c: collate.New(language.Danish, collate.Loose)} },
}

// SortKey returns a byte key for s such that bytes.Compare of two keys gives
// the Danish order, as Compare does. It is meant for an indexed BLOB column.
//
// The key is the primary collation key, escaped so that it ends in a
// terminator that no key contains, followed by s itself. The escape keeps the
// collation order and makes the key prefix-free, so the appended s only
// breaks ties: strings that collate equal ("Bevar", "bevar", "Bévar") still
// get distinct keys in a fixed order, and equal keys mean equal strings.
//
// The key depends only on s and the collation tables, so it is stable across
// runs; a change of either must raise SortKeyVersion, which makes the store
// recompute the keys it holds.
func SortKey(s string) []byte {
	c := collators.Get().(*collator)
	defer collators.Put(c)
	c.buf.Reset()
	k := c.c.KeyFromString(&c.buf, s)

	out := make([]byte, 0, len(k)+len(k)/4+1+len(s))
	for _, b := range k {
		// 0x00 → 01 01 and 0x01 → 01 02 keep the byte order and free 0x00
		// for the terminator.
		switch b {
		case 0x00:
			out = append(out, 0x01, 0x01)
		case 0x01:
			out = append(out, 0x01, 0x02)
		default:
			out = append(out, b)
		}
	}
	out = append(out, 0x00)
	return append(out, s...)
}

// Compare compares a and b in Danish alphabetical order and returns -1, 0 or
// +1. It returns 0 only when a == b, and always agrees with SortKey (it is
// defined by it, so a list sorted in memory matches one sorted by the
// database).
func Compare(a, b string) int {
	if a == b {
		return 0
	}
	return bytes.Compare(SortKey(a), SortKey(b))
}

// Sort sorts ss in Danish alphabetical order. It computes each key once,
// since computing keys dominates the cost.
func Sort(ss []string) {
	type keyed struct {
		key []byte
		s   string
	}
	ks := make([]keyed, len(ss))
	for i, s := range ss {
		ks[i] = keyed{SortKey(s), s}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return bytes.Compare(a.key, b.key) })
	for i := range ks {
		ss[i] = ks[i].s
	}
}

// FoldVersion names the folding Fold does; the store refolds its stored
// search texts when it changes.
const FoldVersion = "digraph-1"

// Fold prepares s for search matching, so that what a caseworker types finds
// what is stored however either was written: lower-cased with Unicode rules,
// æ, ø, å written as ae, oe, aa (so "vaerk" finds "Værksted" and "å" finds
// "Aabenraa"), ä and ö likewise, other accents dropped ("cafe" finds
// "Café"), and runs of white space collapsed to one space, the ends trimmed.
// Folding what Fold returned changes nothing.
func Fold(s string) string {
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
	s = norm.NFC.String(strings.ToLower(s))
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	for _, r := range s {
		if d, ok := digraphs[r]; ok {
			b.WriteString(d)
		} else {
			b.WriteRune(r)
		}
	}
	b2 := strings.Builder{}
	for _, r := range norm.NFD.String(b.String()) {
		if !unicode.Is(unicode.Mn, r) { // an accent on the letter before
			b2.WriteRune(r)
		}
	}
	return norm.NFC.String(b2.String())
}

// digraphs are the letters written as two when a keyboard lacks them.
var digraphs = map[rune]string{'æ': "ae", 'ø': "oe", 'å': "aa", 'ä': "ae", 'ö': "oe", 'ß': "ss"}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
