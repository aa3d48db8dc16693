package agreement

import "strings"

// Text is laid out here rather than with gofpdf's MultiCell because a line
// mixes bold, italic and Arabic runs, each in its own font.

// part is a piece of a word in one font.
type part struct {
	text   string
	style  string
	arabic bool
	w      float64
}

// word is what a line may not break inside: its parts, its width, the
// width of the space after it (0 when none) and whether a hard line break
// follows it.
type word struct {
	parts []part
	w     float64
	space float64
	brk   bool
}

// line is the words that fit on one line; w excludes the last space.
type line struct {
	words []word
	w     float64
}

// words splits styled runs into words at spaces. An Arabic run (a name in
// Arabic script) is one unbreakable word so that it stays in visual order.
func (r *renderer) words(in []Inline, size float64, bold bool) []word {
	var out []word
	var cur word
	flush := func(space bool, brk bool) {
		if len(cur.parts) == 0 {
			if brk && len(out) > 0 {
				out[len(out)-1].brk = true
			}
			return
		}
		if space {
			last := cur.parts[len(cur.parts)-1]
			cur.space = r.measure(fontFor(last.arabic, last.style), " ", size)
		}
		cur.brk = brk
		out = append(out, cur)
		cur = word{}
	}
	add := func(text, style string, arabic bool) {
		if text == "" {
			return
		}
		w := r.measure(fontFor(arabic, style), text, size)
		cur.parts = append(cur.parts, part{text: text, style: style, arabic: arabic, w: w})
		cur.w += w
	}
	for _, inl := range in {
		style := styleOf(inl.Bold || bold, inl.Italic)
		for _, run := range splitScripts(inl.Text) {
			if run.Arabic {
				add(run.Text, style, true)
				continue
			}
			pieces := strings.Split(strings.ReplaceAll(run.Text, "\t", " "), " ")
			for i, p := range pieces {
				if i > 0 {
					flush(true, false)
				}
				add(p, style, false)
			}
		}
		if inl.Break {
			flush(false, true)
		}
	}
	flush(false, false)
	return out
}

// lines fills lines greedily up to maxW mm; a word longer than a line is
// cut into pieces that fit.
func (r *renderer) lines(ws []word, maxW float64, size float64) []line {
	var out []line
	var cur line
	pending := 0.0 // the space after the last word on the line
	for _, w := range ws {
		pieces := []word{w}
		if w.w > maxW {
			pieces = r.cutWord(w, maxW, size)
		}
		for _, p := range pieces {
			if len(cur.words) > 0 && cur.w+pending+p.w > maxW {
				out = append(out, cur)
				cur, pending = line{}, 0
			}
			if len(cur.words) > 0 {
				cur.w += pending
			}
			cur.words = append(cur.words, p)
			cur.w += p.w
			pending = p.space
			if p.brk {
				out = append(out, cur)
				cur, pending = line{}, 0
			}
		}
	}
	if len(cur.words) > 0 {
		out = append(out, cur)
	}
	return out
}

// cutWord splits an overlong word (a URL, a long compound) rune by rune.
func (r *renderer) cutWord(w word, maxW float64, size float64) []word {
	var out []word
	var cur word
	for _, p := range w.parts {
		if p.arabic {
			cur.parts = append(cur.parts, p)
			cur.w += p.w
			continue
		}
		font := fontFor(false, p.style)
		var b strings.Builder
		bw := 0.0
		for _, c := range p.text {
			cw := r.measure(font, string(c), size)
			if cur.w+bw+cw > maxW && (cur.w+bw > 0) {
				if b.Len() > 0 {
					cur.parts = append(cur.parts, part{text: b.String(), style: p.style, w: bw})
					cur.w += bw
				}
				out = append(out, cur)
				cur = word{}
				b.Reset()
				bw = 0
			}
			b.WriteRune(c)
			bw += cw
		}
		if b.Len() > 0 {
			cur.parts = append(cur.parts, part{text: b.String(), style: p.style, w: bw})
			cur.w += bw
		}
	}
	cur.space, cur.brk = w.space, w.brk
	return append(out, cur)
}

// drawLine writes a line with its baseline at y, aligned in [x, x+maxW].
func (r *renderer) drawLine(l line, x, y, maxW, size float64, align Alignment) {
	switch align {
	case AlignRight:
		x += maxW - l.w
	case AlignCenter:
		x += (maxW - l.w) / 2
	}
	for i, w := range l.words {
		for _, p := range w.parts {
			font := fontFor(p.arabic, p.style)
			r.selectFont(font, size)
			r.show(font, x, y, p.text)
			x += p.w
		}
		if i < len(l.words)-1 {
			x += w.space
		}
	}
}

// baseline is where text of a size sits in a line of height lh whose top
// is at y: the x-height centred, as a word processor would.
func baseline(y, lh, size float64) float64 {
	return y + lh/2 + size*0.3528*0.35
}

// layout measures a paragraph: its lines at maxW.
func (r *renderer) layout(in []Inline, size, maxW float64, bold bool) []line {
	return r.lines(r.words(in, size, bold), maxW, size)
}
