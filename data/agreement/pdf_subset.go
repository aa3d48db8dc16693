package agreement

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// A PDF embeds only the glyphs it draws: a TrueType file cut from the
// font with .notdef, the glyphs of the characters used and the glyphs
// those are built from (an "å" is an "a" and a ring), renumbered from 0 in
// the order of the font. The hinting programs (cvt, fpgm, prep, gasp) are
// kept, so that a page looks as it does drawn from the whole font, and so
// are the names and OS/2; the tables for shaping (GSUB, GPOS, GDEF) and
// the signature (DSIG) of the whole file are not.

// subsetTables are copied unchanged when the font has them.
var subsetTables = []string{"OS/2", "cvt ", "fpgm", "gasp", "name", "prep"}

// Composite glyph flags (the TrueType glyf table).
const (
	argsAreWords  = 0x0001
	haveScale     = 0x0008
	moreParts     = 0x0020
	haveXYScale   = 0x0040
	haveTwoByTwo  = 0x0080
	compositeHead = 10 // numberOfContours and the bounding box
)

// glyphData is glyph g's outline, empty for a glyph without one (a space).
func (t *ttFont) glyphData(g int) []byte { return t.glyf[t.loca[g]:t.loca[g+1]] }

// components calls fn with the position of each component's glyph index
// in a composite glyph's data; a simple glyph has none.
func components(data []byte, fn func(at int)) {
	if len(data) < compositeHead || i16(data, 0) >= 0 {
		return
	}
	for at := compositeHead; at+4 <= len(data); {
		flags := u16(data, at)
		fn(at + 2)
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreParts == 0 {
			return
		}
	}
}

// subset is the TrueType file of the glyphs that draw chars (ascending
// BMP characters the font has) and the new glyph of each of chars.
func (t *ttFont) subset(chars []rune) ([]byte, []uint16, error) {
	// Which glyphs: .notdef, the characters', and their components.
	keep := make([]bool, t.numGlyphs)
	keep[0] = true
	stack := make([]int, 0, len(chars))
	for _, c := range chars {
		stack = append(stack, int(t.glyph(c)))
	}
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if g >= t.numGlyphs || keep[g] {
			continue
		}
		keep[g] = true
		components(t.glyphData(g), func(at int) {
			if c := u16(t.glyphData(g), at); c < t.numGlyphs && !keep[c] {
				stack = append(stack, c)
			}
		})
	}
	newID := make([]uint16, t.numGlyphs)
	var old []int
	for g, k := range keep {
		if k {
			newID[g] = uint16(len(old))
			old = append(old, g)
		}
	}
	n := len(old)

	glyfLen := 0
	for _, g := range old {
		glyfLen += (len(t.glyphData(g)) + 3) &^ 3
	}
	glyf := make([]byte, 0, glyfLen)
	loca := make([]byte, 4*(n+1))
	hmtx := make([]byte, 4*n)
	metrics := len(t.advances)
	srcHmtx := t.tables["hmtx"]
	for i, g := range old {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(len(glyf)))
		at := len(glyf)
		glyf = append(glyf, t.glyphData(g)...)
		components(glyf[at:], func(c int) {
			binary.BigEndian.PutUint16(glyf[at+c:], newID[u16(glyf, at+c)%t.numGlyphs])
		})
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		lsb := 4*metrics + 2*(g-metrics) // the side bearings after the last full metric
		if g < metrics {
			lsb = 4*g + 2
		}
		binary.BigEndian.PutUint16(hmtx[4*i:], t.advances[min(g, metrics-1)])
		binary.BigEndian.PutUint16(hmtx[4*i+2:], uint16(u16(srcHmtx, lsb)))
	}
	binary.BigEndian.PutUint32(loca[4*n:], uint32(len(glyf)))

	gids := make([]uint16, len(chars))
	for i, c := range chars {
		gids[i] = newID[t.glyph(c)]
	}

	head := slices.Clone(t.tables["head"][:54])
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets
	hhea := slices.Clone(t.tables["hhea"][:36])
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	maxp := slices.Clone(t.tables["maxp"])
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	post := make([]byte, 32) // format 3: no glyph names
	copy(post[4:16], t.tables["post"][4:16])
	binary.BigEndian.PutUint32(post, 0x00030000)

	tables := map[string][]byte{"head": head, "hhea": hhea, "maxp": maxp, "post": post,
		"hmtx": hmtx, "loca": loca, "glyf": glyf, "cmap": subsetCmap(chars, gids)}
	for _, tag := range subsetTables {
		if b := t.tables[tag]; b != nil {
			tables[tag] = b
		}
	}
	file, err := sfnt(tables)
	if err != nil {
		return nil, nil, err
	}
	return file, gids, nil
}

// subsetCmap is a Windows Unicode cmap in format 4 for chars (ascending)
// drawn by gids: a segment for each run of consecutive characters with
// consecutive glyphs, and the closing one at U+FFFF.
func subsetCmap(chars []rune, gids []uint16) []byte {
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	for i, c := range chars {
		delta := gids[i] - uint16(c)
		if l := len(segs) - 1; l >= 0 && segs[l].end+1 == uint16(c) && segs[l].delta == delta {
			segs[l].end++
			continue
		}
		segs = append(segs, seg{uint16(c), uint16(c), delta})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	search, selector := searchFields(n)
	sub := make([]byte, 16+8*n)
	be := binary.BigEndian
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*n))
	be.PutUint16(sub[8:], uint16(2*search))
	be.PutUint16(sub[10:], uint16(selector))
	be.PutUint16(sub[12:], uint16(2*n-2*search))
	for i, s := range segs {
		be.PutUint16(sub[14+2*i:], s.end)
		be.PutUint16(sub[16+2*n+2*i:], s.start)
		be.PutUint16(sub[16+4*n+2*i:], s.delta)
		// idRangeOffset stays 0: every glyph is the character plus delta.
	}
	cmap := make([]byte, 12, 12+len(sub))
	be.PutUint16(cmap[2:], 1)  // one subtable
	be.PutUint16(cmap[4:], 3)  // Windows
	be.PutUint16(cmap[6:], 1)  // Unicode BMP
	be.PutUint32(cmap[8:], 12) // right after this header
	return append(cmap, sub...)
}

// sfnt assembles a TrueType file from its tables: the directory in the
// order of the tags, each table on a four-byte boundary with its checksum,
// and head's checkSumAdjustment over the whole file.
func sfnt(tables map[string][]byte) ([]byte, error) {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for tag, b := range tables {
		if len(tag) != 4 {
			return nil, fmt.Errorf("tabelnavnet %q har ikke fire tegn", tag)
		}
		tags = append(tags, tag)
		size += (len(b) + 3) &^ 3
	}
	slices.Sort(tags)
	n := len(tags)
	search, selector := searchFields(n)
	be := binary.BigEndian
	out := make([]byte, 12+16*n, size)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16*search))
	be.PutUint16(out[8:], uint16(selector))
	be.PutUint16(out[10:], uint16(16*(n-search)))
	headAt := -1
	for i, tag := range tags {
		b := tables[tag]
		e := out[12+16*i:]
		copy(e, tag)
		be.PutUint32(e[8:], uint32(len(out)))
		be.PutUint32(e[12:], uint32(len(b)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		be.PutUint32(e[4:], checksum(out[be.Uint32(e[8:]):]))
	}
	if headAt < 0 {
		return nil, fmt.Errorf("tabellen %q mangler", "head")
	}
	be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out, nil
}

// searchFields are what a TrueType table of n entries says for a binary
// search over them: the largest power of two not above n, and its log2.
func searchFields(n int) (search, selector int) {
	search = 1
	for search*2 <= n {
		search *= 2
		selector++
	}
	return search, selector
}

// checksum is the sum of b's big-endian 32-bit words (b is padded to four
// bytes).
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	return sum
}
