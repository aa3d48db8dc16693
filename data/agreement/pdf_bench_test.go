package agreement

import (
	"bytes"
	"testing"
)

// benchDocument is a ten-page agreement: sections, nested lists, tables,
// the parties and three signers.
func benchDocument(tb testing.TB) Document {
	doc := sampleDocument(16)
	b, err := RenderPDF(doc)
	if err != nil {
		tb.Fatal(err)
	}
	if n := bytes.Count(b, []byte("/Type /Page\n")); n != 10 {
		tb.Fatalf("the benchmark document has %d pages, want 10", n)
	}
	return doc
}

// BenchmarkRenderPDF renders a ten-page agreement, cutting and embedding
// the subsets of its fonts every time as a real export does (the font
// files are read once per process, as in the program).
func BenchmarkRenderPDF(b *testing.B) {
	doc := benchDocument(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderPDF(doc); err != nil {
			b.Fatal(err)
		}
	}
}
