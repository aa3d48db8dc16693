package agreement

import (
	"sort"
	"strings"

	"partnerskab/data"

	"github.com/cbroglie/mustache"
)

// Merge fills a template with facts and returns the agreement's Markdown.
// It refuses a template that Check finds problems in (a *TemplateError),
// so a mistake never turns into a silently empty clause.
//
// The rendering is github.com/cbroglie/mustache's, with two changes from
// its defaults: values are not HTML-escaped (a name like "Bevar & Co"
// prints as written) but Markdown-escaped instead (markdownEscape: a value
// is text, so a "*" or "|" in a name can not start emphasis or break a
// table row), and partials are never read from disk (Check refuses them
// anyway; the empty provider makes sure). {{{felt}}} and {{& felt}} insert
// a value as Markdown, unescaped.
//
// A value the text needs that the facts leave empty is merged as its
// marker, [[MANGLER: helhedsplan.navn]] (data.MissingMarker), never as
// nothing: MergeMissing says which fields those are, and why.
func Merge(template string, facts Facts) (string, error) {
	md, _, err := MergeMissing(template, facts)
	return md, err
}

// MergeMissing is Merge, with the merge fields the facts left empty.
func MergeMissing(template string, facts Facts) (string, []Missing, error) {
	if problems := Check(template, decidedCodes(facts)...); len(problems) > 0 {
		return "", nil, &TemplateError{Problems: problems}
	}
	marked, missing := markMissing(template, facts)
	t, err := mustache.ParseStringPartials(marked, &mustache.StaticProvider{})
	if err != nil {
		return "", nil, err
	}
	t.Escape(markdownEscape)
	md, err := t.Render(map[string]any(facts))
	return md, missing, err
}

// decidedCodes are the checklist's field names the facts hold.
func decidedCodes(facts Facts) []string {
	g, _ := facts[data.ChecklistGroup].(Facts)
	codes := make([]string, 0, len(g))
	for c := range g {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

// markdownSpecial are the characters that could make a value's text into
// Markdown markup: emphasis, code, links, HTML, table cells, headings.
const markdownSpecial = "\\`*_[]<>|#~"

// markdownEscape makes a value plain text inside Markdown: a backslash
// before each special character, and line breaks as spaces so that a value
// can not end a paragraph, a list item or a table row.
func markdownEscape(s string) string {
	if !strings.ContainsAny(s, markdownSpecial+"\r\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r == '\r':
		case r == '\n':
			b.WriteByte(' ')
		case strings.ContainsRune(markdownSpecial, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
