package agreement

import (
	"reflect"
	"testing"
)

// headings lists the numbers and texts of the headings Parse found.
func headings(blocks []Block) []string {
	var out []string
	for _, b := range blocks {
		if b.Kind != BlockHeading {
			continue
		}
		s := b.Number
		if s != "" {
			s += " "
		}
		for _, in := range b.Inlines {
			s += in.Text
		}
		out = append(out, s)
	}
	return out
}

func TestParseNumbersSections(t *testing.T) {
	md := `# Partnerskabsaftale

## Baggrund

### Helhedsplanen

### Virksomhederne

## Formål

### Fælles hensigt
`
	want := []string{"Partnerskabsaftale", "1. Baggrund", "1.1 Helhedsplanen", "1.2 Virksomhederne", "2. Formål", "2.1 Fælles hensigt"}
	if got := headings(Parse(md)); !reflect.DeepEqual(got, want) {
		t.Errorf("headings = %q, want %q", got, want)
	}
}

func TestParseKeepsTheAuthorsNumbers(t *testing.T) {
	md := `## 3. Formål

### 3.4 Møder

## Ophør

### Varsel

## 16 job i kantinen

## 7. Underskrifter
`
	// Not "1. 3. Formål": the author's number wins and the count goes on from it.
	want := []string{"3. Formål", "3.4 Møder", "4. Ophør", "4.1 Varsel", "5. 16 job i kantinen", "7. Underskrifter"}
	if got := headings(Parse(md)); !reflect.DeepEqual(got, want) {
		t.Errorf("headings = %q, want %q", got, want)
	}
}

func TestParseSubsectionBeforeAnySectionIsUnnumbered(t *testing.T) {
	got := headings(Parse("### Bemærkning\n\n## Parter\n"))
	want := []string{"Bemærkning", "1. Parter"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("headings = %q, want %q", got, want)
	}
}

func TestParseInlines(t *testing.T) {
	blocks := Parse("Lejen er **1.700,00 kr.** pr. m² og *år*,\nbetales \\*månedligt\\* &amp; forud.  \nNy linje med `kode`.")
	if len(blocks) != 1 || blocks[0].Kind != BlockParagraph {
		t.Fatalf("blocks = %+v, want one paragraph", blocks)
	}
	want := []Inline{
		{Text: "Lejen er "},
		{Text: "1.700,00 kr.", Bold: true},
		{Text: " pr. m² og "},
		{Text: "år", Italic: true},
		{Text: ", betales *månedligt* & forud.", Break: true},
		{Text: "Ny linje med kode."},
	}
	if got := blocks[0].Inlines; !reflect.DeepEqual(got, want) {
		t.Errorf("inlines =\n%+v\nwant\n%+v", got, want)
	}
}

func TestParseBoldItalicTogether(t *testing.T) {
	got := Parse("***Vigtigt***")[0].Inlines
	want := []Inline{{Text: "Vigtigt", Bold: true, Italic: true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("inlines = %+v, want %+v", got, want)
	}
}

func TestParseLists(t *testing.T) {
	md := `3. Kommunen
4. Virksomheden
   - leverer frokost
   - driver kantinen

- ét punkt
`
	blocks := Parse(md)
	if len(blocks) != 2 {
		t.Fatalf("got %d blocks, want 2: %+v", len(blocks), blocks)
	}
	ol := blocks[0]
	if ol.Kind != BlockList || !ol.Ordered || ol.Start != 3 || len(ol.Items) != 2 {
		t.Fatalf("ordered list = %+v", ol)
	}
	second := ol.Items[1]
	if len(second) != 2 || second[0].Inlines[0].Text != "Virksomheden" || second[1].Kind != BlockList || second[1].Ordered {
		t.Fatalf("second item = %+v, want a paragraph and a nested bullet list", second)
	}
	if n := len(second[1].Items); n != 2 || second[1].Items[1][0].Inlines[0].Text != "driver kantinen" {
		t.Errorf("nested list = %+v", second[1])
	}
	if ul := blocks[1]; ul.Kind != BlockList || ul.Ordered || len(ul.Items) != 1 {
		t.Errorf("bullet list = %+v", ul)
	}
}

func TestParseTable(t *testing.T) {
	md := `| Lokale | m² | Leje pr. år |
|:-------|:--:|------------:|
| Køkken | 42 | 71.400,00 kr. |
| **I alt** | 42 | 71.400,00 kr. |

---
`
	blocks := Parse(md)
	if len(blocks) != 2 || blocks[0].Kind != BlockTable || blocks[1].Kind != BlockRule {
		t.Fatalf("blocks = %+v, want a table and a rule", blocks)
	}
	tb := blocks[0]
	if want := []Alignment{AlignLeft, AlignCenter, AlignRight}; !reflect.DeepEqual(tb.Align, want) {
		t.Errorf("align = %v, want %v", tb.Align, want)
	}
	if len(tb.Rows) != 3 {
		t.Fatalf("rows = %d, want header + 2", len(tb.Rows))
	}
	if got := tb.Rows[0][2][0].Text; got != "Leje pr. år" {
		t.Errorf("header cell = %q", got)
	}
	if got := tb.Rows[2][0][0]; got.Text != "I alt" || !got.Bold {
		t.Errorf("bold cell = %+v", got)
	}
}

func TestParseKeepsCodeAndQuotesAsText(t *testing.T) {
	blocks := Parse("> Citat fra helhedsplanen\n\n```\nlinje 1\nlinje 2\n```\n")
	if len(blocks) != 2 {
		t.Fatalf("blocks = %+v", blocks)
	}
	if got := blocks[0].Inlines[0].Text; got != "Citat fra helhedsplanen" {
		t.Errorf("quote = %q", got)
	}
	want := []Inline{{Text: "linje 1", Break: true}, {Text: "linje 2"}}
	if !reflect.DeepEqual(blocks[1].Inlines, want) {
		t.Errorf("code = %+v, want %+v", blocks[1].Inlines, want)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"## 3. Formål\n\n- a\n  1. b\n", "| a |\n|---|\n| b |", "***x** y*", "### 2.1\n", "## 9999999999999 x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		for _, b := range Parse(md) {
			if b.Kind == BlockHeading && (b.Level < 1 || b.Level > 3) {
				t.Fatalf("heading level %d", b.Level)
			}
		}
	})
}
