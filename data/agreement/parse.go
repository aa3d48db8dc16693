package agreement

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown is the one parser both the preview and the PDF go through:
// CommonMark plus GFM tables, nothing else, so a template means the same
// thing wherever it is shown.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table))

// authorNumber matches a section number the author already wrote at the
// start of a heading: "3.", "2.1" or "2.1." followed by a space. A bare
// "16 " is not one: "## 16 job i kantinen" is a heading about 16 jobs.
var authorNumber = regexp.MustCompile(`^(\d{1,3})\.(?:(\d{1,3})\.?)?\s+`)

// Parse turns merged Markdown into the blocks the preview and the PDF
// render. Level-2 headings are numbered "1.", "2." …, level-3 headings
// "2.1", "2.2" … within their section; a heading the author already
// numbered keeps that number (and the count continues from it). Headings
// deeper than level 3 count as level 3. Parse never fails: Markdown has no
// syntax errors, anything unknown becomes plain text.
func Parse(md string) []Block {
	src := []byte(md)
	doc := markdown.Parser().Parse(text.NewReader(src))
	p := &parser{src: src}
	return p.blocks(doc)
}

// parser carries the source and the running section numbers.
type parser struct {
	src        []byte
	section    int // the current level-2 number
	subsection int // the current level-3 number within it
}

// blocks converts the block children of n.
func (p *parser) blocks(n ast.Node) []Block {
	var out []Block
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, p.block(c)...)
	}
	return out
}

// block converts one block node; a blockquote gives its children, an
// empty paragraph nothing.
func (p *parser) block(n ast.Node) []Block {
	switch n := n.(type) {
	case *ast.Heading:
		return []Block{p.heading(n)}
	case *ast.Paragraph, *ast.TextBlock:
		in := p.inlines(n, style{})
		if len(in) == 0 {
			return nil
		}
		return []Block{{Kind: BlockParagraph, Inlines: in}}
	case *ast.List:
		// goldmark keeps the number an ordered list starts at as written.
		b := Block{Kind: BlockList, Ordered: n.IsOrdered(), Start: n.Start}
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			b.Items = append(b.Items, p.blocks(item))
		}
		return []Block{b}
	case *east.Table:
		return []Block{p.table(n)}
	case *ast.ThematicBreak:
		return []Block{{Kind: BlockRule}}
	case *ast.Blockquote:
		return p.blocks(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		return p.literal(n)
	default:
		if n.HasChildren() {
			return p.blocks(n)
		}
		return nil
	}
}

// heading numbers a heading of level 2 or 3.
func (p *parser) heading(n *ast.Heading) Block {
	level := n.Level
	if level > 3 {
		level = 3
	}
	b := Block{Kind: BlockHeading, Level: level, Inlines: p.inlines(n, style{})}
	if level == 1 {
		return b
	}
	if m := authorNumberOf(b.Inlines); m != nil {
		major, _ := strconv.Atoi(m[1])
		minor := 0
		if m[2] != "" {
			minor, _ = strconv.Atoi(m[2])
		}
		b.Inlines = trimLeading(b.Inlines, len(m[0]))
		switch {
		case level == 2:
			p.section, p.subsection = major, 0
		case minor > 0:
			p.section, p.subsection = major, minor
		default: // "### 3. Foo": the third subsection of the current section
			p.subsection = major
		}
		b.Number = p.number(level)
		return b
	}
	switch level {
	case 2:
		p.section++
		p.subsection = 0
	case 3:
		if p.section == 0 {
			return b // a subsection before any section has nothing to count within
		}
		p.subsection++
	}
	b.Number = p.number(level)
	return b
}

// number formats the running count for a heading level.
func (p *parser) number(level int) string {
	if level == 2 {
		return strconv.Itoa(p.section) + "."
	}
	return strconv.Itoa(p.section) + "." + strconv.Itoa(p.subsection)
}

// authorNumberOf matches a number at the start of the heading's text.
func authorNumberOf(in []Inline) []string {
	if len(in) == 0 {
		return nil
	}
	return authorNumber.FindStringSubmatch(in[0].Text)
}

// trimLeading drops n bytes from the first inline (the author's number).
func trimLeading(in []Inline, n int) []Inline {
	out := append([]Inline(nil), in...)
	out[0].Text = out[0].Text[n:]
	if out[0].Text == "" && !out[0].Break {
		out = out[1:]
	}
	return out
}

// table converts a GFM table; the header is the first row.
func (p *parser) table(t *east.Table) Block {
	b := Block{Kind: BlockTable}
	for _, a := range t.Alignments {
		switch a {
		case east.AlignRight:
			b.Align = append(b.Align, AlignRight)
		case east.AlignCenter:
			b.Align = append(b.Align, AlignCenter)
		default:
			b.Align = append(b.Align, AlignLeft)
		}
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]Inline
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, p.inlines(cell, style{}))
		}
		b.Rows = append(b.Rows, cells)
	}
	return b
}

// literal keeps a code or HTML block as a paragraph of its lines, so no
// text the author wrote disappears from the agreement.
func (p *parser) literal(n ast.Node) []Block {
	lines := n.Lines()
	var in []Inline
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := strings.TrimRight(string(seg.Value(p.src)), "\r\n")
		in = append(in, Inline{Text: line, Break: i < lines.Len()-1})
	}
	if len(in) == 0 {
		return nil
	}
	return []Block{{Kind: BlockParagraph, Inlines: in}}
}

// style is the emphasis in force while walking inlines.
type style struct{ bold, italic bool }

// inlines flattens the inline children of n into styled runs, joining
// neighbours of the same style and turning soft line breaks into spaces.
func (p *parser) inlines(n ast.Node, st style) []Inline {
	var out []Inline
	p.walkInlines(n, st, &out)
	// Trim the spaces a trailing soft break left behind.
	for len(out) > 0 {
		last := &out[len(out)-1]
		last.Text = strings.TrimRight(last.Text, " ")
		if last.Text != "" || last.Break {
			break
		}
		out = out[:len(out)-1]
	}
	if len(out) > 0 {
		out[len(out)-1].Break = false // a break at the very end shows nothing
	}
	return out
}

func (p *parser) walkInlines(n ast.Node, st style, out *[]Inline) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			s := string(c.Value(p.src))
			if !c.IsRaw() {
				s = unescape(s)
			}
			switch {
			case c.HardLineBreak():
				appendInline(out, Inline{Text: s, Bold: st.bold, Italic: st.italic, Break: true})
			case c.SoftLineBreak():
				appendInline(out, Inline{Text: s + " ", Bold: st.bold, Italic: st.italic})
			default:
				appendInline(out, Inline{Text: s, Bold: st.bold, Italic: st.italic})
			}
		case *ast.String:
			s := string(c.Value)
			if !c.IsRaw() && !c.IsCode() {
				s = unescape(s)
			}
			appendInline(out, Inline{Text: s, Bold: st.bold, Italic: st.italic})
		case *ast.Emphasis:
			inner := st
			if c.Level >= 2 {
				inner.bold = true
			} else {
				inner.italic = true
			}
			p.walkInlines(c, inner, out)
		case *ast.CodeSpan:
			p.walkInlines(c, st, out)
		case *ast.AutoLink:
			appendInline(out, Inline{Text: string(c.Label(p.src)), Bold: st.bold, Italic: st.italic})
		case *ast.RawHTML:
			var b strings.Builder
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				b.Write(seg.Value(p.src))
			}
			appendInline(out, Inline{Text: b.String(), Bold: st.bold, Italic: st.italic})
		default: // links, images and anything else: their text
			p.walkInlines(c, st, out)
		}
	}
}

// appendInline adds a run, joining it to the previous one when the style
// is the same and the previous run does not end in a line break.
func appendInline(out *[]Inline, in Inline) {
	if in.Text == "" && !in.Break {
		return
	}
	if n := len(*out); n > 0 {
		last := &(*out)[n-1]
		if !last.Break && last.Bold == in.Bold && last.Italic == in.Italic {
			last.Text += in.Text
			last.Break = in.Break
			return
		}
	}
	*out = append(*out, in)
}

// unescape resolves backslash escapes and character references the way
// goldmark's HTML renderer would ("\*" → "*", "&amp;" → "&").
func unescape(s string) string {
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	b := util.UnescapePunctuations([]byte(s))
	b = util.ResolveNumericReferences(b)
	b = util.ResolveEntityNames(b)
	return string(b)
}
