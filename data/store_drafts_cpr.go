package data

import (
	"encoding/json"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"partnerskab/data/dk"
)

// DroppedField is a field of a form whose value a draft did not keep,
// because it holds a CPR number. Field is the form's field path as the
// form's problems name it ("Notes", "Items.0.Text"), Label the field as the
// caseworker knows it.
type DroppedField struct {
	Field string
	Label string
}

// cprExemptDraftFields are fields whose numbers look like a CPR number by
// design and are checked by their own rule (a P-number is 10 digits).
var cprExemptDraftFields = map[string]bool{"PNumber": true}

// draftJSON is v as JSON with every string that holds a CPR number emptied,
// and the fields emptied so.
func draftJSON(v any) ([]byte, []DroppedField, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, nil, err
	}
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		return nil, nil, err
	}
	var paths []string
	tree = dropCPR(tree, "", &paths)
	if len(paths) == 0 {
		return b, nil, nil
	}
	labels := cprLabels(v)
	dropped := make([]DroppedField, len(paths))
	for i, p := range paths {
		l := labels[p]
		if l == "" {
			l = p
		}
		dropped[i] = DroppedField{Field: p, Label: l}
	}
	b, err = json.Marshal(tree)
	return b, dropped, err
}

// dropCPR empties the strings of v (decoded JSON) that hold a CPR number,
// adding the path of each to paths, in the dotted form the forms' problems
// use for their rows (Items.0.Title).
func dropCPR(v any, path string, paths *[]string) any {
	switch x := v.(type) {
	case string:
		if dk.ContainsCPR(x) {
			*paths = append(*paths, path)
			return ""
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if cprExemptDraftFields[k] {
				continue
			}
			x[k] = dropCPR(x[k], joinPath(path, k), paths)
		}
	case []any:
		for i := range x {
			x[i] = dropCPR(x[i], joinPath(path, strconv.Itoa(i)), paths)
		}
	}
	return v
}

func joinPath(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

// cprLabels maps the fields that v's own Parse refuses as a CPR number to
// their labels, so that the note names the field as the form does.
func cprLabels(v any) map[string]string {
	labels := map[string]string{}
	m := reflect.ValueOf(v).MethodByName("Parse")
	if !m.IsValid() || m.Type().NumIn() != 0 || m.Type().NumOut() == 0 {
		return labels
	}
	out := m.Call(nil)
	err, _ := out[len(out)-1].Interface().(error)
	if ve, ok := AsValidation(err); ok {
		for _, p := range ve.Problems {
			if p.Code == "cpr" {
				labels[p.Field] = p.Label
			}
		}
	}
	return labels
}

// DraftNote is the caseworker's note on a draft that left fields out, or ""
// when it kept everything.
func DraftNote(dropped []DroppedField) string {
	if len(dropped) == 0 {
		return ""
	}
	var names []string
	seen := map[string]bool{}
	for _, d := range dropped {
		if !seen[d.Label] {
			seen[d.Label] = true
			names = append(names, d.Label)
		}
	}
	felt := "Feltet " + names[0]
	if len(names) > 1 {
		felt = "Felterne " + strings.Join(names[:len(names)-1], ", ") + " og " + names[len(names)-1]
	}
	return felt + " blev ikke gemt i kladden: det ligner et CPR-nummer, og CPR-numre må ikke gemmes"
}
