package agreement

import "testing"

// BenchmarkMerge: the partnership template with the demo's facts to
// Markdown, Check included (Merge always checks). The facts are read once,
// outside the loop. Budget: under 1 ms.
func BenchmarkMerge(b *testing.B) {
	_, _, facts := templDemo(b)
	body := DefaultTemplates()[0].Body
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Merge(body, facts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck: Check alone on the partnership template, as the editor
// runs it while the caseworker types.
func BenchmarkCheck(b *testing.B) {
	body := DefaultTemplates()[0].Body
	b.ReportAllocs()
	for b.Loop() {
		if ps := Check(body); ps != nil {
			b.Fatal(ps)
		}
	}
}
