package widgets

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data/agreement"
)

// RichTextOf shows an agreement's parse tree (agreement.Parse) as Fyne
// RichText. It reads the same tree the PDF renders, never Markdown again,
// so the preview and the paper say the same thing with the same section
// numbers. RichText lays out only text runs, so a long agreement stays
// fast where a multi-line Entry would not.
func RichTextOf(blocks []agreement.Block) *widget.RichText {
	rt := widget.NewRichText(SegmentsOf(blocks)...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// ShowMarkdown puts an agreement's text (Markdown) into rt through the
// parse tree the PDF prints.
func ShowMarkdown(rt *widget.RichText, md string) {
	rt.Segments = SegmentsOf(agreement.Parse(md))
	rt.Refresh()
}

// SegmentsOf converts blocks to RichText segments.
func SegmentsOf(blocks []agreement.Block) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, b := range blocks {
		out = append(out, blockSegments(b)...)
	}
	return out
}

func blockSegments(b agreement.Block) []widget.RichTextSegment {
	switch b.Kind {
	case agreement.BlockHeading:
		return headingSegments(b)
	case agreement.BlockParagraph:
		return append(inlineSegments(b.Inlines, widget.RichTextStyleInline), paragraphEnd())
	case agreement.BlockList:
		return []widget.RichTextSegment{listSegment(b)}
	case agreement.BlockTable:
		return tableSegments(b)
	case agreement.BlockRule:
		return []widget.RichTextSegment{&widget.SeparatorSegment{}}
	}
	return nil
}

// paragraphEnd ends a paragraph the way fyne's own Markdown does: an empty
// block segment that closes the line.
func paragraphEnd() widget.RichTextSegment {
	return &widget.TextSegment{Style: widget.RichTextStyleParagraph}
}

func headingSegments(b agreement.Block) []widget.RichTextSegment {
	style := widget.RichTextStyleStrong
	switch b.Level {
	case 1:
		style = widget.RichTextStyleHeading
	case 2:
		style = widget.RichTextStyleSubHeading
	}
	style.Inline = false // fyne's heading styles are inline; a heading stands on its own line
	text := plainText(b.Inlines)
	if b.Number != "" {
		text = b.Number + " " + text
	}
	return []widget.RichTextSegment{&widget.TextSegment{Text: text, Style: style}}
}

// inlineSegments turns runs of text into styled inline segments; a hard
// break ends the line after its run.
func inlineSegments(ins []agreement.Inline, base widget.RichTextStyle) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, in := range ins {
		style := base
		style.TextStyle.Bold = style.TextStyle.Bold || in.Bold
		style.TextStyle.Italic = style.TextStyle.Italic || in.Italic
		if in.Text != "" {
			out = append(out, &widget.TextSegment{Text: in.Text, Style: style})
		}
		if in.Break {
			brk := base
			brk.Inline = false
			out = append(out, &widget.TextSegment{Style: brk})
		}
	}
	return out
}

// listSegment builds a list; an item's nested list follows it as its own
// item, which fyne draws without a bullet (as its Markdown renderer does).
func listSegment(b agreement.Block) *widget.ListSegment {
	l := &widget.ListSegment{Ordered: b.Ordered}
	if b.Ordered && b.Start > 0 {
		l.SetStartNumber(b.Start)
	}
	for _, item := range b.Items {
		var texts, after []widget.RichTextSegment
		for i, ib := range item {
			switch ib.Kind {
			case agreement.BlockList:
				after = append(after, listSegment(ib))
			case agreement.BlockParagraph, agreement.BlockHeading:
				if i > 0 && len(texts) > 0 {
					texts = append(texts, &widget.TextSegment{Style: widget.RichTextStyleParagraph})
				}
				texts = append(texts, inlineSegments(ib.Inlines, widget.RichTextStyleInline)...)
			default:
				after = append(after, blockSegments(ib)...)
			}
		}
		l.Items = append(l.Items, &widget.ParagraphSegment{Texts: texts})
		l.Items = append(l.Items, after...)
	}
	return l
}

// tableSegments shows a table as monospace rows with aligned columns:
// RichText has no table segment, and aligned columns read like the
// PDF's table. The header row is underlined with a rule.
func tableSegments(b agreement.Block) []widget.RichTextSegment {
	if len(b.Rows) == 0 {
		return nil
	}
	cols := 0
	for _, r := range b.Rows {
		cols = max(cols, len(r))
	}
	widths := make([]int, cols)
	cells := make([][]string, len(b.Rows))
	for i, r := range b.Rows {
		cells[i] = make([]string, cols)
		for j, c := range r {
			cells[i][j] = plainText(c)
			widths[j] = max(widths[j], utf8.RuneCountInString(cells[i][j]))
		}
	}
	row := func(cs []string) string {
		parts := make([]string, cols)
		for j, c := range cs {
			align := agreement.AlignLeft
			if j < len(b.Align) {
				align = b.Align[j]
			}
			parts[j] = pad(c, widths[j], align)
		}
		return strings.TrimRight(strings.Join(parts, "  "), " ")
	}
	mono := widget.RichTextStyle{TextStyle: fyne.TextStyle{Monospace: true}, ColorName: widget.RichTextStyleParagraph.ColorName}
	// The header stands out by the rule under it: fyne has no bold
	// monospace face (the test theme has none at all).
	out := []widget.RichTextSegment{&widget.TextSegment{Text: row(cells[0]), Style: mono}}
	rule := make([]string, cols)
	for j := range rule {
		rule[j] = strings.Repeat("─", widths[j])
	}
	out = append(out, &widget.TextSegment{Text: strings.Join(rule, "  "), Style: mono})
	for _, cs := range cells[1:] {
		out = append(out, &widget.TextSegment{Text: row(cs), Style: mono})
	}
	return append(out, paragraphEnd())
}

func pad(s string, width int, align agreement.Alignment) string {
	gap := width - utf8.RuneCountInString(s)
	if gap <= 0 {
		return s
	}
	switch align {
	case agreement.AlignRight:
		return strings.Repeat(" ", gap) + s
	case agreement.AlignCenter:
		return strings.Repeat(" ", gap/2) + s + strings.Repeat(" ", gap-gap/2)
	}
	return s + strings.Repeat(" ", gap)
}

func plainText(ins []agreement.Inline) string {
	var sb strings.Builder
	for i, in := range ins {
		sb.WriteString(in.Text)
		if in.Break && i < len(ins)-1 {
			sb.WriteString(" ")
		}
	}
	return sb.String()
}

// RichTextString is the preview's text as the reader sees it, line by
// line: what the tests (and a copy to the clipboard) read.
func RichTextString(rt *widget.RichText) string {
	var sb strings.Builder
	var walk func(segs []widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, s := range segs {
			switch v := s.(type) {
			case *widget.ListSegment:
				walk(v.Segments())
			case *widget.ParagraphSegment:
				walk(v.Segments())
				sb.WriteString("\n")
			default:
				sb.WriteString(s.Textual())
				if !s.Inline() {
					sb.WriteString("\n")
				}
			}
		}
	}
	walk(rt.Segments)
	return sb.String()
}
