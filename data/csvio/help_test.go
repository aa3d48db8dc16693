package csvio

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// Help documents every kind and every column from the catalogue, in
// tables whose columns line up: each column starts two spaces after the
// widest cell of the one before.
func TestHelpListsEveryColumnInAlignedTables(t *testing.T) {
	var b bytes.Buffer
	Help(&b)
	lines := strings.Split(b.String(), "\n")
	text := b.String()
	for _, want := range []string{"SLAGS er partners, rooms, leases, placements (eller på dansk partnere, lokaler, lejemål, placeringer).",
		"Alt eller intet", "Kun eksport: action-items (handlingspunkter), checklist (afklaringer)."} {
		if !strings.Contains(text, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	for _, k := range AllKinds() {
		at := -1
		for i, l := range lines {
			if l == k.Name+" ("+k.Title+")" {
				at = i
			}
		}
		if at < 0 || at+1+len(k.Columns) >= len(lines) {
			t.Fatalf("no table for %s", k.Name)
		}
		col := func(name string) int {
			i := strings.Index(lines[at+1], name)
			if i < 0 {
				t.Fatalf("%s: the table's header lacks %q: %q", k.Name, name, lines[at+1])
			}
			return utf8.RuneCountInString(lines[at+1][:i])
		}
		widest := utf8.RuneCountInString("Kolonne")
		for _, c := range k.Columns {
			widest = max(widest, utf8.RuneCountInString(c.Header))
		}
		if got, want := col("Skal med"), 2+widest+2; got != want {
			t.Errorf("%s: Skal med starts at %d, want %d", k.Name, got, want)
		}
		what, example := col("Hvad"), col("Eksempel")
		for i, c := range k.Columns {
			row := []rune(lines[at+2+i])
			cell := func(from int, s string) {
				t.Helper()
				if s == "" {
					return
				}
				if from+utf8.RuneCountInString(s) > len(row) || string(row[from:from+utf8.RuneCountInString(s)]) != s {
					t.Errorf("%s: row %q lacks %q at column %d", k.Name, string(row), s, from)
				}
			}
			cell(2, c.Header)
			if c.Required {
				cell(col("Skal med"), "ja")
			}
			cell(what, c.What)
			cell(example, c.Example)
			if strings.HasSuffix(string(row), " ") {
				t.Errorf("%s: row %q ends in spaces", k.Name, string(row))
			}
		}
		for _, n := range k.Notes {
			if !strings.Contains(text, "\n  "+n+"\n") {
				t.Errorf("%s: help lacks the note %q", k.Name, n)
			}
		}
	}
}
