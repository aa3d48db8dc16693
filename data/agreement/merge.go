package agreement

import (
	"strings"

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
func Merge(template string, facts Facts) (string, error) {
	if problems := Check(template); len(problems) > 0 {
		return "", &TemplateError{Problems: problems}
	}
	t, err := mustache.ParseStringPartials(template, &mustache.StaticProvider{})
	if err != nil {
		return "", err
	}
	t.Escape(markdownEscape)
	return t.Render(map[string]any(facts))
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
