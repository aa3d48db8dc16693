package data

import (
	"fmt"
	"regexp"
	"strings"
)

// A merge field the facts could not fill is written into the agreement's
// text as a marker, [[MANGLER: helhedsplan.navn]], rather than left out:
// "indgået mellem Bevar og ." reads like a finished sentence, the marker
// does not. The preview shows it in red, and an agreement whose text still
// holds one is not sent for signing. A value merged into the text is
// escaped for Markdown ("\[" for "["), so no value can look like a marker.

// MissingMarker is the marker for the merge field path.
func MissingMarker(path string) string { return "[[MANGLER: " + path + "]]" }

var missingMarker = regexp.MustCompile(`\[\[MANGLER: ([a-z0-9_.]+)\]\]`)

// MissingFields lists the merge fields whose markers a text holds, in the
// order they first occur, each once.
func MissingFields(body string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range missingMarker.FindAllStringSubmatch(body, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// MissingMarkerAt finds the markers in a line of text: the byte ranges of
// each, for a view that marks them.
func MissingMarkerAt(text string) [][]int { return missingMarker.FindAllStringIndex(text, -1) }

// missingFieldsError refuses sending a text with unfilled merge fields.
func missingFieldsError(fields []string) error {
	return &ValidationError{Problems: []FieldError{{Field: "Body", Label: "Aftalens tekst", Code: "missing_fields",
		Text: fmt.Sprintf("teksten har tomme flettefelter (%s): vælg de manglende parter eller det manglende lejemål "+
			"og opret kladden igen, eller ret teksten, før aftalen sendes til underskrift", strings.Join(fields, ", "))}}}
}
