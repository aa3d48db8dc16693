package agreement

import (
	"testing"
	"time"
)

func TestParseDictKeepsValuesAsWritten(t *testing.T) {
	d, err := parseDict([]byte(`<</Type /Page /Parent 1 0 R /Annots [5 0 R 6 0 R] /T (a (nested\) string) with \\ ) /H <FEFF00E6> /D <</A [1 2 <</B 3>>]>> /N 12 /F true>>`))
	if err != nil {
		t.Fatal(err)
	}
	want := []kv{{"Type", "/Page"}, {"Parent", "1 0 R"}, {"Annots", "[5 0 R 6 0 R]"},
		{"T", `(a (nested\) string) with \\ )`}, {"H", "<FEFF00E6>"}, {"D", "<</A [1 2 <</B 3>>]>>"},
		{"N", "12"}, {"F", "true"}}
	if len(d) != len(want) {
		t.Fatalf("parseDict = %q", d)
	}
	for i := range want {
		if d[i] != want[i] {
			t.Errorf("entry %d = %q, want %q", i, d[i], want[i])
		}
	}
	if got := pdfTextString("<FEFF00E6>"); got != "æ" {
		t.Errorf("pdfTextString(<FEFF00E6>) = %q", got)
	}
	if got := pdfTextString(pdfString("Korsør (Slagelse) \\ 😀")); got != "Korsør (Slagelse) \\ 😀" {
		t.Errorf("a text string does not round-trip: %q", got)
	}
	if got := pdfTextString(pdfString(`a (b) \ c`)); got != `a (b) \ c` {
		t.Errorf("a literal string does not round-trip: %q", got)
	}
}

func TestWithAnnotAddsToWhatThePageHas(t *testing.T) {
	f := &pdfFile{b: []byte("%PDF-1.3\n7 0 obj\n[3 0 R]\nendobj\n"), objects: map[int]xrefEntry{7: {9, 0}}}
	field := ref{12, 0}
	for annots, want := range map[string]string{
		"":        "[12 0 R]",
		"[4 0 R]": "[4 0 R 12 0 R]",
		"7 0 R":   "[3 0 R 12 0 R]",
		"[ ]":     "[  12 0 R]",
	} {
		got, err := f.withAnnot(annots, field)
		if err != nil || got != want {
			t.Errorf("withAnnot(%q) = %q, %v; want %q", annots, got, err, want)
		}
	}
	if _, err := f.withAnnot("/Nonsense", field); err == nil {
		t.Error("withAnnot takes a name for an array")
	}
}

func TestPDFDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{{"2015-02-21T14:32:00+01:00", "D:20150221143200+01'00'"}, {"2015-02-21T13:32:00Z", "D:20150221133200Z00'00'"},
		{"2015-02-21T08:02:00-05:30", "D:20150221080200-05'30'"}} {
		tm, _ := time.Parse(time.RFC3339, c.in)
		if got := pdfDate(tm); got != c.want {
			t.Errorf("pdfDate(%s) = %s, want %s", c.in, got, c.want)
		}
		back, err := parsePDFDate(c.want)
		if err != nil || !back.Equal(tm) {
			t.Errorf("parsePDFDate(%s) = %v, %v", c.want, back, err)
		}
	}
}
