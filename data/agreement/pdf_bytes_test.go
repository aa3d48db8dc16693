package agreement

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The renderer draws meeting documents too; an agreement's PDF must stay
// byte for byte what it was. testdata/pdf_bytes.sha256 holds the SHA-256
// of sample agreements as they render; `go test ./data/agreement -run
// TestAgreementPDFBytes -update` rewrites it after a deliberate change to
// the agreements' layout (look at the pages first).
func TestAgreementPDFBytes(t *testing.T) {
	docs := map[string]func() Document{
		"draft":    func() Document { return sampleDocument(0) },
		"long":     func() Document { d := sampleDocument(5); d.Draft, d.Example = false, true; return d },
		"signed":   func() Document { return signedDocument(t, 1) },
		"nonumber": func() Document { return Document{Title: "Tom aftale", Body: Parse("Kun én linje.")} },
		"subject": func() Document {
			d := sampleDocument(1)
			d.Template, d.Version = "Samarbejdsaftale (paradigme)", 2
			return d
		},
	}
	got := map[string]string{}
	for name, doc := range docs {
		b, err := RenderPDF(doc())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got[name] = hexSum(b)
	}
	checkPinnedSums(t, filepath.Join("testdata", "pdf_bytes.sha256"), got)
}

// checkPinnedSums compares the SHA-256 sums got (by name) with the file
// that pins them (`-update` rewrites it): every pinned file must render to
// its sum, and the file must pin exactly the files rendered.
func checkPinnedSums(t *testing.T, path string, got map[string]string) {
	t.Helper()
	if *update {
		var names []string
		for n := range got {
			names = append(names, n)
		}
		sort.Strings(names)
		var b strings.Builder
		for _, n := range names {
			b.WriteString(got[n] + "  " + n + "\n")
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	seen := 0
	for _, l := range strings.Split(strings.TrimSpace(string(want)), "\n") {
		sum, name, ok := strings.Cut(l, "  ")
		if !ok {
			t.Fatalf("%s: bad line %q", path, l)
		}
		seen++
		if got[name] != sum {
			t.Errorf("%q renders to %s, was %s: its bytes changed", name, got[name], sum)
		}
	}
	if seen != len(got) {
		t.Errorf("%s pins %d files, the test renders %d", path, seen, len(got))
	}
}
