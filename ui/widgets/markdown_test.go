package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"partnerskab/data/agreement"
)

func text(s string) []agreement.Inline { return []agreement.Inline{{Text: s}} }

// The preview shows the parse tree's section numbers, styles and tables
// as the PDF does.
func TestRichTextOfShowsNumbersListsAndTables(t *testing.T) {
	blocks := []agreement.Block{
		{Kind: agreement.BlockHeading, Level: 1, Inlines: text("Partnerskabsaftale")},
		{Kind: agreement.BlockHeading, Level: 2, Number: "2.", Inlines: text("Formål")},
		{Kind: agreement.BlockParagraph, Inlines: []agreement.Inline{{Text: "Parterne "}, {Text: "forpligter", Bold: true}, {Text: " sig."}}},
		{Kind: agreement.BlockList, Ordered: true, Start: 3, Items: [][]agreement.Block{
			{{Kind: agreement.BlockParagraph, Inlines: text("Bevar")}},
			{{Kind: agreement.BlockParagraph, Inlines: text("Fra de varme lande")}},
		}},
		{Kind: agreement.BlockTable, Align: []agreement.Alignment{agreement.AlignLeft, agreement.AlignRight}, Rows: [][][]agreement.Inline{
			{text("Lokale"), text("m²")},
			{text("Systue"), text("42,5")},
			{text("Køkken"), text("120")},
		}},
		{Kind: agreement.BlockRule},
	}
	rt := RichTextOf(blocks)
	got := RichTextString(rt)
	for _, want := range []string{"Partnerskabsaftale\n", "2. Formål\n", "Parterne forpligter sig.", "3. Bevar", "4. Fra de varme lande",
		"Lokale    m²\n", "Systue  42,5\n", "Køkken   120\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("preview lacks %q:\n%s", want, got)
		}
	}
	var bold bool
	for _, s := range rt.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Text == "forpligter" {
			bold = ts.Style.TextStyle.Bold
		}
	}
	if !bold {
		t.Error("a bold run is not bold in the preview")
	}
	if _, ok := rt.Segments[len(rt.Segments)-1].(*widget.SeparatorSegment); !ok {
		t.Error("the rule is not a separator")
	}
}
