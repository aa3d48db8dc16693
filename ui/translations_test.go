package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"partnerskab/assets"
	"partnerskab/data"
)

// usedKeys finds every lang.X("key", "fallback", …) in the package's code.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	files := uiSources(t)
	keys := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) < 2 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "X" {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
				return true
			}
			key, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				// Built keys ("kind."+code) are checked by TestKindTranslations.
				return true
			}
			k, _ := strconv.Unquote(key.Value)
			fb := ""
			if lit, ok := call.Args[1].(*ast.BasicLit); ok {
				fb, _ = strconv.Unquote(lit.Value)
			}
			keys[k] = fb
			return true
		})
	}
	return keys
}

// uiSources are the Go files of ui and its packages (form, widgets).
func uiSources(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*.go", "*/*.go"} {
		names, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, names...)
	}
	return files
}

// loadTranslations merges a language's files: LANG.json and AREA.LANG.json
// (one per tab, so that each area keeps its own strings; fyne.da.json
// translates fyne's own dialogs).
func loadTranslations(t *testing.T, name string) map[string]string {
	t.Helper()
	names, err := fs.Glob(assets.Translations, "translations/*"+name)
	if err != nil || len(names) == 0 {
		t.Fatalf("no translation files for %s: %v", name, err)
	}
	m := map[string]string{}
	for _, n := range names {
		b, err := assets.Translations.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		part := map[string]any{} // fyne's own file has plural objects too
		if err := json.Unmarshal(b, &part); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		for k, raw := range part {
			v, ok := raw.(string)
			if !ok {
				continue
			}
			if _, dup := m[k]; dup {
				t.Errorf("%s: key %q is also in another file", n, k)
			}
			m[k] = v
		}
	}
	return m
}

// Every string the window shows has a Danish and an English text.
func TestEveryKeyIsTranslated(t *testing.T) {
	keys := usedKeys(t)
	if len(keys) < 50 {
		t.Fatalf("found only %d keys; the scan is broken", len(keys))
	}
	for _, file := range []string{"da.json", "en.json"} {
		tr := loadTranslations(t, file)
		for k := range keys {
			if tr[k] == "" {
				t.Errorf("%s: no text for %q", file, k)
			}
		}
	}
	// The Danish file says what the code falls back to, so the two never drift.
	da := loadTranslations(t, "da.json")
	for k, fb := range keys {
		if fb != "" && da[k] != "" && da[k] != fb {
			t.Errorf("da.json[%q] = %q, but the code's Danish fallback is %q", k, da[k], fb)
		}
	}
}

// The kinds and RSV statuses are shown through keys built from their codes.
func TestKindTranslations(t *testing.T) {
	for _, file := range []string{"da.json", "en.json"} {
		tr := loadTranslations(t, file)
		for _, k := range data.OrgKinds {
			if tr["kind."+string(k)] == "" {
				t.Errorf("%s: no text for kind %q", file, k)
			}
		}
		for _, r := range data.RSVValues {
			if tr["rsv."+string(r)] == "" {
				t.Errorf("%s: no text for RSV %q", file, r)
			}
		}
		// The lease's and the rooms' codes, with the Danish text data gives them.
		coded := map[string]string{}
		for _, s := range data.LeaseStatuses {
			coded["premises.status."+string(s)] = s.Label()
			coded["premises.filter."+string(s)] = statusPlurals[s]
		}
		for _, u := range data.UtilitiesValues {
			coded["premises.utilities."+string(u)] = u.Label()
		}
		for _, b := range data.ApprovalBodies {
			coded["premises.approval."+string(b)] = b.Label()
		}
		for _, s := range []data.LeaseSide{data.Landlord, data.Tenant} {
			coded["premises.side."+string(s)] = s.Label()
		}
		for _, k := range data.RoomKinds {
			coded["premises.kind."+string(k)] = k.Label()
		}
		// The partnership's codes.
		for _, s := range data.ChecklistStatuses {
			coded["checklist.status."+string(s)] = s.Label()
		}
		for _, m := range data.Measures {
			coded["goals.measure."+string(m)] = m.Label()
		}
		for _, k := range data.RiskKinds {
			coded["risks.kind."+string(k)] = k.Label()
		}
		for _, s := range data.RiskStatuses {
			coded["risks.status."+string(s)] = s.Label()
		}
		for _, s := range data.MeetingStatuses {
			coded["meetings.status."+string(s)] = s.Label()
		}
		for i, word := range scoreWords {
			for _, key := range []string{"risks.likelihood.", "risks.impact."} {
				coded[key+strconv.Itoa(i+1)] = word
			}
		}
		for key, danish := range coded {
			switch {
			case tr[key] == "":
				t.Errorf("%s: no text for %q", file, key)
			case file == "da.json" && tr[key] != danish:
				t.Errorf("da.json[%q] = %q, but data calls it %q", key, tr[key], danish)
			}
		}
	}
}

// Every text in the translation files is still shown somewhere: a key is
// used as a literal, or its prefix is ("kind." + code). Unused texts rot.
func TestNoUnusedTranslations(t *testing.T) {
	var src strings.Builder
	for _, name := range uiSources(t) {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		src.Write(b)
	}
	code := src.String()
	names, _ := fs.Glob(assets.Translations, "translations/*da.json")
	for _, n := range names {
		if strings.HasSuffix(n, "fyne.da.json") {
			continue // fyne's own dialogs use these
		}
		b, _ := assets.Translations.ReadFile(n)
		m := map[string]any{}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		for k := range m {
			prefix := k
			if i := strings.LastIndex(k, "."); i > 0 {
				prefix = k[:i+1]
			}
			if !strings.Contains(code, strconv.Quote(k)) && !strings.Contains(code, strconv.Quote(prefix)) {
				t.Errorf("%s: %q is not used", n, k)
			}
		}
	}
}
