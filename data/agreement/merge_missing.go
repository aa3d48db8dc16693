package agreement

import (
	"strings"

	"partnerskab/data"
)

// Missing is a merge field that the facts leave empty where the text
// needs it (outside a section that asks whether it is there), with why.
type Missing struct {
	Path   string // "helhedsplan.navn"
	Line   int    // the template line of the first tag that needs it
	Reason string // in Danish: which party or lease is missing, or which value is empty
}

// frame is one open section while the template is read against the facts.
type frame struct {
	live   bool   // the section's text is merged
	ctx    Facts  // the group the section opens, if it opens one
	path   string // the group's path, "lejemaal"
	inList bool   // inside a list: an item may lack a value (a party's CVR) without the text missing one
}

// markMissing replaces every value tag of template that would merge empty
// (and is not in a list or Optional) by its marker, and says which fields
// those are; after a value that ends in a full stop ("kr.") it drops the
// text's own. It follows the sections as Mustache does: a section's text is
// read only when its field is there, an inverted one only when it is not.
func markMissing(template string, facts Facts) (string, []Missing) {
	tags, _ := scanTags(template)
	stack := []frame{{live: true, ctx: facts}}
	var b strings.Builder
	var missing []Missing
	seen := map[string]bool{}
	last := 0
	for _, t := range tags {
		top := stack[len(stack)-1]
		switch t.kind {
		case '!', '>', '=':
		case '/':
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case '#', '^':
			v, path, found := lookupFact(stack, t.name)
			on := found && truthy(v)
			if t.kind == '^' {
				on = !on
			}
			f := frame{live: top.live && on, inList: top.inList}
			switch x := v.(type) {
			case []Facts:
				f.inList = true
			case Facts:
				if t.kind == '#' {
					f.ctx, f.path = x, path
				}
			}
			stack = append(stack, f)
		default:
			if !top.live || top.inList {
				continue
			}
			v, path, found := lookupFact(stack, t.name)
			if text, ok := v.(string); found && ok && strings.HasSuffix(strings.TrimSpace(text), ".") &&
				strings.HasPrefix(template[t.end:], ".") {
				// "… {{lejemaal.depositum}}." after "19.500,00 kr." would end
				// the sentence twice: the text's own full stop goes.
				b.WriteString(template[last:t.end])
				last = t.end + 1
				continue
			}
			if found && !empty(v) || optional(path) {
				continue
			}
			b.WriteString(template[last:t.start])
			b.WriteString(data.MissingMarker(path))
			last = t.end
			if !seen[path] {
				seen[path] = true
				missing = append(missing, Missing{Path: path, Line: t.line, Reason: missingReason(facts, path)})
			}
		}
	}
	if last == 0 {
		return template, nil
	}
	b.WriteString(template[last:])
	return b.String(), missing
}

// lookupFact finds a dotted name the way Mustache does: its first segment
// in the innermost open group that has it, then the rest inside. path is
// the field's full name ("lejemaal.udlejer" for {{udlejer}} in {{#lejemaal}}).
func lookupFact(stack []frame, name string) (v any, path string, found bool) {
	segs := strings.Split(name, ".")
	base := ""
	var at Facts
	for i := len(stack) - 1; i >= 0; i-- {
		if _, ok := stack[i].ctx[segs[0]]; ok {
			at, base = stack[i].ctx, stack[i].path
			break
		}
	}
	path = name
	if base != "" {
		path = base + "." + name
	}
	if at == nil {
		return nil, path, false
	}
	v = any(at)
	for _, seg := range segs {
		g, ok := v.(Facts)
		if !ok {
			return nil, path, false
		}
		if v, ok = g[seg]; !ok {
			return nil, path, false
		}
	}
	return v, path, true
}

// truthy is what makes a section's text merge: a group or list with
// something in it, a text that is not blank, a count above 0, a "ja".
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case Facts:
		return x != nil
	case []Facts:
		return len(x) > 0
	case Count:
		return x != 0
	case Flag:
		return bool(x)
	case string:
		return strings.TrimSpace(x) != ""
	}
	return true
}

// empty tells whether a value merges as nothing (a count prints 0, a flag nej).
func empty(v any) bool {
	s, ok := v.(string)
	return v == nil || ok && strings.TrimSpace(s) == ""
}

// optional tells whether the catalogue says the field may be empty.
func optional(path string) bool {
	f, ok := catalogueField(path)
	return ok && f.Optional
}

// catalogueField finds a field by its full dotted name.
func catalogueField(path string) (Field, bool) {
	f := Field{Fields: catalogue}
	for _, seg := range strings.Split(path, ".") {
		var ok bool
		if f, ok = f.field(seg); !ok {
			return Field{}, false
		}
	}
	return f, true
}

// missingReason says in Danish why path merges empty: the party or the
// lease the agreement lacks, or the value its record lacks.
func missingReason(facts Facts, path string) string {
	group, _, _ := strings.Cut(path, ".")
	if _, ok := facts[group]; !ok {
		for _, g := range orgGroups {
			if g.name == group {
				return "ingen af parterne er af typen " + strings.ToLower(g.kind.Label())
			}
		}
		if group == "lejemaal" {
			return "aftalen har intet lejemål; vælg det"
		}
		return "aftalen har ingen " + group
	}
	if group == data.ChecklistGroup {
		return "punktet er ikke afklaret endnu; skriv den besluttede tekst under Samarbejde › Afklaringer"
	}
	what := path
	if f, ok := catalogueField(path); ok {
		what = f.Description
	}
	if g, ok := facts[group].(Facts); ok {
		if name, _ := g["navn"].(string); name != "" {
			return what + " er ikke udfyldt for " + name
		}
	}
	return what + " er ikke udfyldt"
}
