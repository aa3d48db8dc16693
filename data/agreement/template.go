package agreement

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// The template language is Markdown with Mustache tags
// (https://mustache.github.io/mustache.5.html):
//
//	{{virksomhed.navn}}             a value from the catalogue
//	{{#parter}}…{{/parter}}         repeated once per item of a list; inside,
//	                                the item's fields by their own names ({{navn}})
//	{{#lejemaal}}…{{/lejemaal}}     shown when the group has data; inside, its
//	                                fields by their own names ({{udlejer}})
//	{{#lejemaal.ophoer}}…{{/…}}     shown when a value is not empty (a text, a
//	                                number other than 0, "ja")
//	{{^lejemaal}}…{{/lejemaal}}     shown when the field is empty or missing
//	{{! a comment }}                left out of the agreement
//
// Check finds the mistakes a caseworker makes, with the line and column of
// the tag, before a template is saved or merged. The rules it holds:
//
//   - every name must be in the catalogue, reached from where it is used;
//   - a list or a group can not be merged as a value ({{parter}});
//   - a value inside a list (navn of parter) is only known between the
//     list's section tags: elsewhere it means nothing and is an error;
//   - a value may be a section: it then means "when the value is not empty"
//     ({{#virksomhed.godkendt_dato}}…{{/virksomhed.godkendt_dato}}); inside
//     such a section {{.}} is the value. {{.}} anywhere else is an error, as
//     it would print a whole group or list;
//   - sections must be closed, in order;
//   - partials ({{> navn}}) and changed delimiters ({{=<% %>=}}) are not
//     part of the language: a template is one self-contained text.

// Problem is one mistake in a template, at the 1-based line and column
// (counted in characters) of the tag it concerns.
type Problem struct {
	Line, Col int
	Text      string
}

// Error writes the problem as LINE:COL: text, the way compilers do, so that
// `partnerskab template check` can prefix the file name.
func (p Problem) Error() string { return fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Text) }

// TemplateError is a template that Merge refuses, with its problems.
type TemplateError struct{ Problems []Problem }

func (e *TemplateError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Error()
	}
	return "skabelonen har fejl: " + strings.Join(parts, "; ")
}

// CheckStrings is Check with each problem written as LINE:COL: text, the
// shape the store's template check takes (package data cannot import this
// package).
func CheckStrings(template string, decided ...string) []string {
	ps := Check(template, decided...)
	if len(ps) == 0 {
		return nil
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Error()
	}
	return out
}

// tag is one {{…}} in the template text.
type tag struct {
	kind       byte   // 0 for a value, or one of # ^ / ! > = & {
	name       string // trimmed
	line, col  int    // of the opening {{
	start, end int    // the tag's bytes in the text, {{ to }} inclusive
}

// scanTags finds the tags the way the Mustache library reads them: "{{"
// opens a tag, "}}" closes it, and "{{{" is closed by "}}}". A tag that is
// never closed is a problem, and the rest of the text is not read.
func scanTags(s string) (tags []tag, problems []Problem) {
	line, col := 1, 1
	// advance moves line and col over s[from:to].
	pos := 0
	advance := func(to int) {
		for pos < to {
			r, size := utf8.DecodeRuneInString(s[pos:])
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			pos += size
		}
	}
	for {
		i := strings.Index(s[pos:], "{{")
		if i < 0 {
			return tags, problems
		}
		advance(pos + i)
		start, tl, tc := pos, line, col
		body := start + 2
		closer := "}}"
		if body < len(s) && s[body] == '{' {
			closer = "}}}"
		}
		j := strings.Index(s[body:], closer)
		if j < 0 {
			problems = append(problems, Problem{tl, tc, "flettefeltet åbnes med »{{« men lukkes aldrig med »" + closer + "«"})
			return tags, problems
		}
		end := body + j + len(closer)
		text := strings.TrimSpace(s[body : end-2])
		t := tag{line: tl, col: tc, start: start, end: end}
		switch {
		case text == "":
			problems = append(problems, Problem{tl, tc, "tomt flettefelt »{{}}«; skriv et feltnavn, fx {{aftale.titel}}"})
			advance(end)
			continue
		case strings.ContainsRune("#^/!>=&", rune(text[0])):
			t.kind, t.name = text[0], strings.TrimSpace(text[1:])
		case text[0] == '{':
			t.kind, t.name = '{', strings.TrimSpace(strings.TrimSuffix(text[1:], "}"))
		default:
			t.name = text
		}
		tags = append(tags, t)
		advance(end)
	}
}

// scope is one open section while the template is checked.
type scope struct {
	tag    tag
	field  Field // the field the section is about
	fields []Field
	known  bool // the field was found; an unknown section's contents are not judged by it
}

// maxSectionDepth is how deeply sections may nest: a template nests a
// party's fields in the list of parties, a room in a lease, a condition
// inside those; none needs more. Beyond it Check stops, so that its work
// stays in proportion to the text however the sections are nested.
const maxSectionDepth = 32

// Check returns the template's problems in the order of the text; none
// means the template can be merged. decided are the checklist's field
// names (afklaring.<decided>): they come from the store, not the catalogue.
func Check(template string, decided ...string) []Problem {
	cat := catalogueWith(decidedFields(decided))
	tags, problems := scanTags(template)
	var stack []scope
	for _, t := range tags {
		switch t.kind {
		case '!':
			// a comment
		case '>':
			problems = append(problems, Problem{t.line, t.col, "»{{> " + t.name + "}}« (at indsætte en anden skabelon) understøttes ikke; skriv teksten ind i skabelonen"})
		case '=':
			problems = append(problems, Problem{t.line, t.col, "at skifte skilletegn (»{{=… …=}}«) understøttes ikke; flettefelter skrives altid med {{ }}"})
		case '#', '^':
			if len(stack) >= maxSectionDepth {
				problems = append(problems, Problem{t.line, t.col, fmt.Sprintf(
					"sektionerne er indlejret mere end %d niveauer dybt; så dybt behøver ingen skabelon at gå – luk nogle af dem først",
					maxSectionDepth)})
				return sortProblems(problems)
			}
			f, ok, problem := resolve(cat, stack, t.name)
			if problem != "" {
				problems = append(problems, Problem{t.line, t.col, problem})
			}
			s := scope{tag: t, field: f, known: ok}
			if ok && t.kind == '#' {
				s.fields = f.Fields
			}
			stack = append(stack, s)
		case '/':
			problems = closeSection(&stack, t, problems)
		default:
			if t.name == "." {
				if len(stack) == 0 || !stack[len(stack)-1].known || stack[len(stack)-1].field.List ||
					stack[len(stack)-1].field.Group() || stack[len(stack)-1].tag.kind != '#' {
					problems = append(problems, Problem{t.line, t.col, "»{{.}}« kan kun bruges inde i en betinget sektion for en enkelt værdi, fx {{#virksomhed.rsv}}{{.}}{{/virksomhed.rsv}}"})
				}
				continue
			}
			f, ok, problem := resolve(cat, stack, t.name)
			switch {
			case problem != "":
				problems = append(problems, Problem{t.line, t.col, problem})
			case ok && f.List:
				problems = append(problems, Problem{t.line, t.col, fmt.Sprintf(
					"»%s« er en liste og kan ikke flettes som én værdi; gentag med {{#%s}}…{{/%s}} og brug listens felter indeni",
					t.name, t.name, t.name)})
			case ok && f.Group():
				problems = append(problems, Problem{t.line, t.col, fmt.Sprintf(
					"»%s« er en gruppe af felter og kan ikke flettes som én værdi; brug et af dens felter, fx »%s.%s«",
					t.name, t.name, f.Fields[0].Name)})
			}
		}
	}
	for i := len(stack) - 1; i >= 0; i-- {
		t := stack[i].tag
		problems = append(problems, Problem{t.line, t.col, fmt.Sprintf(
			"sektionen »%s« lukkes aldrig; afslut den med {{/%s}}", t.name, t.name)})
	}
	return sortProblems(problems)
}

// sortProblems puts problems in the order of the text.
func sortProblems(problems []Problem) []Problem {
	sort.SliceStable(problems, func(i, j int) bool {
		if problems[i].Line != problems[j].Line {
			return problems[i].Line < problems[j].Line
		}
		return problems[i].Col < problems[j].Col
	})
	return problems
}

// closeSection handles {{/name}}: it closes the innermost section when the
// names agree. When they do not, and a section further out has the name,
// the ones inside it are reported unclosed and it is closed too; otherwise
// the closing tag is reported and ignored.
func closeSection(stack *[]scope, t tag, problems []Problem) []Problem {
	s := *stack
	if len(s) == 0 {
		return append(problems, Problem{t.line, t.col, fmt.Sprintf(
			"»{{/%s}}« lukker en sektion, der ikke er åbnet; åbn den med {{#%s}} eller slet lukningen", t.name, t.name)})
	}
	top := s[len(s)-1]
	if top.tag.name == t.name {
		*stack = s[:len(s)-1]
		return problems
	}
	for i := len(s) - 2; i >= 0; i-- {
		if s[i].tag.name == t.name {
			for j := len(s) - 1; j > i; j-- {
				o := s[j].tag
				problems = append(problems, Problem{o.line, o.col, fmt.Sprintf(
					"sektionen »%s« lukkes ikke før »{{/%s}}« i linje %d; afslut den med {{/%s}} først", o.name, t.name, t.line, o.name)})
			}
			*stack = s[:i]
			return problems
		}
	}
	return append(problems, Problem{t.line, t.col, fmt.Sprintf(
		"»{{/%s}}« passer ikke til den åbne sektion »%s« fra linje %d; skriv {{/%s}}",
		t.name, top.tag.name, top.tag.line, top.tag.name)})
}

// resolve finds a dotted name from where it is used: its first segment in
// the innermost open section that knows it (as Mustache looks it up), then
// the catalogue; the rest of the segments inside groups. ok is false when
// the name means nothing there; problem then says why (empty when an
// enclosing unknown section was already reported).
func resolve(cat []Field, stack []scope, name string) (f Field, ok bool, problem string) {
	segs := strings.Split(name, ".")
	for _, seg := range segs {
		if seg == "" {
			return Field{}, false, fmt.Sprintf("»%s« er ikke et gyldigt feltnavn; skriv fx »virksomhed.navn«", name)
		}
	}
	found := false
	for i := len(stack) - 1; i >= 0 && !found; i-- {
		if !stack[i].known {
			// Inside a section already reported unknown, names are not
			// judged again: one mistake, one message.
			return Field{}, false, ""
		}
		f, found = (Field{Fields: stack[i].fields}).field(segs[0])
	}
	if !found {
		f, found = (Field{Fields: cat}).field(segs[0])
	}
	if !found {
		return Field{}, false, unknownText(stack, name)
	}
	for k, seg := range segs[1:] {
		if f.List {
			return Field{}, false, fmt.Sprintf(
				"»%s« er en liste; dens felter bruges inde i {{#%s}}…{{/%s}}, fx {{#%s}}{{%s}}{{/%s}}",
				strings.Join(segs[:k+1], "."), strings.Join(segs[:k+1], "."), strings.Join(segs[:k+1], "."),
				strings.Join(segs[:k+1], "."), seg, strings.Join(segs[:k+1], "."))
		}
		sub, ok := f.field(seg)
		if !ok {
			return Field{}, false, unknownText(stack, name)
		}
		f = sub
	}
	return f, true, ""
}

// unknownText explains an unknown name: a field of a list used outside the
// list, or a near miss with the closest known name.
func unknownText(stack []scope, name string) string {
	if lists := listsHolding(name); len(lists) > 0 && !strings.Contains(name, ".") {
		l := lists[0]
		text := fmt.Sprintf("flettefeltet »%s« hører til listen »%s« og betyder kun noget mellem {{#%s}} og {{/%s}}", name, l, l, l)
		if groups := groupsHolding(name); len(groups) > 0 {
			text += fmt.Sprintf(" — mente du »%s.%s«?", groups[0], name)
		}
		return text
	}
	if groups := groupsHolding(name); len(groups) > 0 && !strings.Contains(name, ".") {
		return fmt.Sprintf("ukendt flettefelt »%s« — mente du »%s.%s«?", name, groups[0], name)
	}
	if best := closest(name, knownNames(stack)); best != "" {
		return fmt.Sprintf("ukendt flettefelt »%s« — mente du »%s«?", name, best)
	}
	return fmt.Sprintf("ukendt flettefelt »%s«; se listen over flettefelter", name)
}

// listsHolding names the lists (by their path) whose items have a field name.
func listsHolding(name string) []string {
	var out []string
	var walk func(fs []Field, prefix string)
	walk = func(fs []Field, prefix string) {
		for _, f := range fs {
			if f.List {
				if _, ok := f.field(name); ok {
					out = append(out, prefix+f.Name)
				}
			}
			if f.List || f.Group() {
				walk(f.Fields, prefix+f.Name+".")
			}
		}
	}
	walk(catalogue, "")
	return out
}

// groupsHolding names the top-level groups that have a field name.
func groupsHolding(name string) []string {
	var out []string
	for _, f := range catalogue {
		if _, ok := f.field(name); ok && f.Group() {
			out = append(out, f.Name)
		}
	}
	return out
}

// knownNames lists what can be written where the stack stands: the open
// sections' fields by their own names, innermost first, then every dotted
// name reachable from the top through groups.
func knownNames(stack []scope) []string {
	var out []string
	for i := len(stack) - 1; i >= 0; i-- {
		for _, f := range stack[i].fields {
			out = append(out, f.Name)
		}
	}
	var walk func(fs []Field, prefix string)
	walk = func(fs []Field, prefix string) {
		for _, f := range fs {
			out = append(out, prefix+f.Name)
			if f.Group() {
				walk(f.Fields, prefix+f.Name+".")
			}
		}
	}
	walk(catalogue, "")
	return out
}

// closest is the known name nearest to name: within a Damerau–Levenshtein
// distance of 2, or one the name is the start of; the first of the nearest
// in the catalogue's order. "" when none is close.
func closest(name string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		d := distance(name, k)
		if d > 2 && len(name) >= 3 && strings.HasPrefix(k, name) {
			d = 2
		}
		if d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// distance is the optimal-string-alignment Damerau–Levenshtein distance
// between a and b, in characters: insertions, deletions, substitutions and
// swaps of two neighbours each cost one.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > 2 || d < -2 {
		return 3 // farther than any suggestion goes; spares the table
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
