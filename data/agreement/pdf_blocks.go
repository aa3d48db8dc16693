package agreement

import (
	"strconv"
	"strings"
)

// The agreement's text: headings, paragraphs, lists, tables and rules,
// with page breaks that keep a heading with what follows it and never
// leave a paragraph's first or last line alone on a page.

const (
	listIndent   = 6.5 // mm per list level
	itemSpacing  = 1.2 // mm between list items
	cellPadX     = 1.8
	cellPadY     = 1.3
	tableSpacing = 3.5
)

// lineHeight is the line height in mm for a type size in points.
func lineHeight(size float64) float64 { return size * 0.3528 * 1.38 }

// body draws the agreement's blocks. A level-1 heading that repeats the
// title is left out: the title block already shows it.
func (r *renderer) body(blocks []Block) {
	if len(blocks) > 0 && blocks[0].Kind == BlockHeading && blocks[0].Level == 1 &&
		strings.EqualFold(strings.TrimSpace(plain(blocks[0].Inlines)), strings.TrimSpace(r.doc.Title)) {
		blocks = blocks[1:]
	}
	sig := -1
	if r.bodyHasSignatureHeading() {
		for i, b := range blocks {
			if b.Kind == BlockHeading {
				sig = i
			}
		}
	}
	for i, b := range blocks {
		var next *Block
		if i+1 < len(blocks) {
			next = &blocks[i+1]
		}
		if i == sig {
			// The template's own signature section: its heading, its text
			// and the first row of signature blocks go on one page.
			r.keep = r.tailHeight(blocks[i+1:]) + r.firstSignatureRow()
		}
		r.block(b, next, marginL, contentW, 0)
	}
}

// tailHeight estimates the height of the blocks under the last heading.
func (r *renderer) tailHeight(blocks []Block) float64 {
	h := 0.0
	for _, b := range blocks {
		if b.Kind == BlockParagraph {
			h += float64(len(r.layout(b.Inlines, bodySize, contentW, false)))*bodyLine + paraSpacing
		} else {
			h += 3 * bodyLine
		}
	}
	return h
}

// blocks draws a sequence of blocks at x with width w; depth is the list
// nesting level.
func (r *renderer) blocks(blocks []Block, x, w float64, depth int) {
	for i, b := range blocks {
		var next *Block
		if i+1 < len(blocks) {
			next = &blocks[i+1]
		}
		r.block(b, next, x, w, depth)
	}
}

func (r *renderer) block(b Block, next *Block, x, w float64, depth int) {
	switch b.Kind {
	case BlockHeading:
		r.heading(b, next, x, w)
	case BlockParagraph:
		r.paragraph(b.Inlines, x, w, bodySize, bodyLine, false, AlignLeft)
		if depth > 0 {
			r.y += itemSpacing
		} else {
			r.y += paraSpacing
		}
	case BlockList:
		r.list(b, x, w, depth)
		if depth == 0 {
			r.y += paraSpacing
		}
	case BlockTable:
		r.table(b.Rows, b.Align, x, w, true)
		r.y += tableSpacing
	case BlockRule:
		r.ensure(6)
		r.pdf.SetDrawColor(ruleColour.r, ruleColour.g, ruleColour.b)
		r.pdf.SetLineWidth(0.25)
		r.pdf.Line(x, r.y+2.5, x+w, r.y+2.5)
		r.y += 6
	}
}

// headingStyle is a heading's size, the space above and below it.
func headingStyle(level int) (size, before, after float64) {
	switch level {
	case 1:
		return h1Size, 7, 2.5
	case 2:
		return h2Size, 5.5, 1.8
	}
	return h3Size, 3.2, 1.0
}

// heading draws a numbered heading, its lines after the first indented
// under the text rather than the number, and moves to a new page first if the heading and the start
// of what follows it would not fit together.
func (r *renderer) heading(b Block, next *Block, x, w float64) {
	size, before, after := headingStyle(b.Level)
	lh := lineHeight(size)
	numW := 0.0
	if b.Number != "" {
		// A wide space, not a tab stop: a wider gap would make text
		// extraction (and screen readers) split "1." from its heading.
		numW = r.textWidth(b.Number+"  ", "B", size)
	}
	lines := r.layout(b.Inlines, size, w-numW, true)
	if len(lines) == 0 && b.Number == "" {
		return
	}
	if r.y > marginTop+0.1 {
		r.y += before
	}
	need := float64(max(len(lines), 1))*lh + after + r.startHeight(next, w)
	if r.keep > 0 && r.keep < (contentBottom-marginTop)/2 {
		need = float64(max(len(lines), 1))*lh + after + r.keep
	}
	r.keep = 0
	r.ensure(need)
	r.setColour(accentColour)
	top := r.y
	if b.Number != "" {
		r.drawText(x, baseline(r.y, lh, size), b.Number, "B", size)
	}
	defer r.bookmark(strings.TrimSpace(b.Number+" "+plain(b.Inlines)), b.Level, top)
	for _, l := range lines {
		r.drawLine(l, x+numW, baseline(r.y, lh, size), w-numW, size, AlignLeft)
		r.y += lh
	}
	if len(lines) == 0 {
		r.y += lh
	}
	r.y += after
	r.setColour(inkColour)
}

// startHeight is how much of the next block must fit under a heading: two
// lines of text, a table's header and first row.
func (r *renderer) startHeight(next *Block, w float64) float64 {
	if next == nil {
		return 0
	}
	switch next.Kind {
	case BlockParagraph:
		n := len(r.layout(next.Inlines, bodySize, w, false))
		return float64(min(n, 2)) * bodyLine
	case BlockTable:
		return 2*tableLine + 4*cellPadY
	case BlockHeading:
		size, before, _ := headingStyle(next.Level)
		return before + lineHeight(size) + 2*bodyLine
	}
	return 2 * bodyLine
}

// paragraph draws wrapped text; its first line never stands alone at the
// bottom of a page, nor its last line alone at the top of the next.
func (r *renderer) paragraph(in []Inline, x, w, size, lh float64, bold bool, align Alignment) {
	lines := r.layout(in, size, w, bold)
	r.setColour(inkColour)
	for i, l := range lines {
		left := len(lines) - i
		switch {
		case i == 0 && left >= 2:
			r.ensure(2 * lh)
		case left == 2 && i > 1:
			r.ensure(2 * lh)
		default:
			r.ensure(lh)
		}
		r.drawLine(l, x, baseline(r.y, lh, size), w, size, align)
		r.y += lh
	}
}

// list draws a numbered or bulleted list; items hang from their markers.
func (r *renderer) list(b Block, x, w float64, depth int) {
	markerW := listIndent
	if b.Ordered {
		last := strconv.Itoa(b.Start+len(b.Items)-1) + "."
		markerW = max(markerW, r.textWidth(last, "", bodySize)+2.5)
	}
	for i, item := range b.Items {
		r.ensure(2 * bodyLine)
		marker := bullet(depth)
		if b.Ordered {
			marker = strconv.Itoa(b.Start+i) + "."
		}
		r.setColour(inkColour)
		mw := r.textWidth(marker, "", bodySize)
		mx := x + markerW - 2.2 - mw // markers right-aligned against the text
		if !b.Ordered {
			mx = x + 1.2
		}
		r.drawText(mx, baseline(r.y, bodyLine, bodySize), marker, "", bodySize)
		startY := r.y
		r.blocks(item, x+markerW, w-markerW, depth+1)
		if r.y == startY { // an empty item still takes its line
			r.y += bodyLine + itemSpacing
		}
	}
}

// bullet is the marker of a bulleted list at a nesting depth.
func bullet(depth int) string {
	if depth%2 == 1 {
		return "–"
	}
	return "•"
}

// plain is the text of inlines without styles.
func plain(in []Inline) string {
	var b strings.Builder
	for _, i := range in {
		b.WriteString(i.Text)
		if i.Break {
			b.WriteByte(' ')
		}
	}
	return b.String()
}
