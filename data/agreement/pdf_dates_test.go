package agreement

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The PDF's own dates come from the document, never from the clock: an
// agreement's date at noon UTC, and for an undated document a fixed day,
// so rendering it again gives the same bytes. pdfinfo reads them back.
func TestPDFDatesComeFromTheDocument(t *testing.T) {
	for _, tc := range []struct {
		name string
		date time.Time
		want string
	}{
		{"undated", time.Time{}, "2000-01-01T12:00:00Z"},
		{"dated", time.Date(2015, 2, 21, 0, 0, 0, 0, time.UTC), "2015-02-21T12:00:00Z"},
		{"dated late in the evening in Denmark", time.Date(2015, 2, 21, 23, 30, 0, 0, time.FixedZone("CET", 3600)), "2015-02-21T12:00:00Z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := Document{Number: "2015-007", Title: "Aftale uden dato", Date: tc.date, Body: Parse("Tekst.")}
			first, err := RenderPDF(doc)
			if err != nil {
				t.Fatal(err)
			}
			doc.Generated = time.Now().Add(time.Hour) // when it was made is not part of the file
			second, err := RenderPDF(doc)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first, second) {
				t.Error("two renderings of the same document differ")
			}
			path := filepath.Join(t.TempDir(), "aftale.pdf")
			if err := os.WriteFile(path, first, 0o600); err != nil {
				t.Fatal(err)
			}
			info := run(t, "pdfinfo", "-isodates", path)
			for _, field := range []string{"CreationDate:", "ModDate:"} {
				if !strings.Contains(info, field+" ") || fieldValue(info, field) != tc.want {
					t.Errorf("pdfinfo %s %q, want %s\n%s", field, fieldValue(info, field), tc.want, info)
				}
			}
		})
	}
}

// fieldValue is the value of "Name:   value" in pdfinfo's output.
func fieldValue(info, name string) string {
	for _, line := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(line, name); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
