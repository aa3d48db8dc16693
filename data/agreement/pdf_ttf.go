package agreement

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// ttFont is what the PDF needs of a TrueType font: which glyph draws a
// character, how wide each glyph is, where its outline lies, and the
// metrics of the FontDescriptor. A font is read once per process; every
// PDF measures with it and cuts its own subset from it (pdf_subset.go).
type ttFont struct {
	tables     map[string][]byte // by tag, pointing into the font file
	unitsPerEm int
	numGlyphs  int
	gids       []uint16 // the glyph of each BMP character, 0 for none (cmap format 4)
	advances   []uint16 // per entry of hmtx; later glyphs share the last
	loca       []uint32 // numGlyphs+1 offsets into glyf
	glyf       []byte

	// The FontDescriptor, in 1/1000 em.
	ascent, descent, capHeight int
	bbox                       [4]int
	italicAngle                int
	stemV                      int
	flags                      int
	missingWidth               int // the width of .notdef, which draws a character the font lacks
}

var errShortFont = errors.New("filen slutter for tidligt")

// parseTTF reads a TrueType font file.
func parseTTF(b []byte) (*ttFont, error) {
	if len(b) < 12 {
		return nil, errShortFont
	}
	if v := binary.BigEndian.Uint32(b); v != 0x00010000 && v != 0x74727565 { // 1.0 or "true"
		return nil, fmt.Errorf("ikke en TrueType-skrift (version %#x)", v)
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, errShortFont
	}
	t := &ttFont{tables: make(map[string][]byte, n)}
	for i := 0; i < n; i++ {
		e := b[12+16*i:]
		off, length := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		if uint64(off)+uint64(length) > uint64(len(b)) {
			return nil, fmt.Errorf("tabellen %q ligger uden for filen", e[:4])
		}
		t.tables[string(e[:4])] = b[off : off+length]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "post"} {
		if t.tables[tag] == nil {
			return nil, fmt.Errorf("tabellen %q mangler", tag)
		}
	}
	if err := t.parseMetrics(); err != nil {
		return nil, err
	}
	if err := t.parseLoca(); err != nil {
		return nil, err
	}
	if err := t.parseCmap(); err != nil {
		return nil, err
	}
	return t, nil
}

// u16 and i16 read big-endian values, 0 past the end of b.
func u16(b []byte, at int) int {
	if at < 0 || at+2 > len(b) {
		return 0
	}
	return int(binary.BigEndian.Uint16(b[at:]))
}

func i16(b []byte, at int) int { return int(int16(u16(b, at))) }

// parseMetrics reads head, hhea, maxp, hmtx, OS/2 and post.
func (t *ttFont) parseMetrics() error {
	head, hhea, maxp, hmtx := t.tables["head"], t.tables["hhea"], t.tables["maxp"], t.tables["hmtx"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || len(t.tables["post"]) < 16 {
		return errShortFont
	}
	t.unitsPerEm = u16(head, 18)
	if t.unitsPerEm == 0 {
		return errors.New("head: unitsPerEm er 0")
	}
	t.numGlyphs = u16(maxp, 4)
	metrics := u16(hhea, 34)
	if metrics == 0 || metrics > t.numGlyphs || len(hmtx) < 4*metrics {
		return fmt.Errorf("hhea/hmtx: %d bredder for %d tegn", metrics, t.numGlyphs)
	}
	t.advances = make([]uint16, metrics)
	for i := range t.advances {
		t.advances[i] = uint16(u16(hmtx, 4*i))
	}
	for i := range t.bbox {
		t.bbox[i] = t.scale(i16(head, 36+2*i))
	}
	t.ascent, t.descent = t.scale(i16(hhea, 4)), t.scale(i16(hhea, 6))
	t.capHeight = t.ascent
	weight := 500
	if os2 := t.tables["OS/2"]; len(os2) >= 78 {
		weight = u16(os2, 4)
		if t.ascent == 0 {
			t.ascent = t.scale(i16(os2, 68))
		}
		if t.descent == 0 {
			t.descent = t.scale(i16(os2, 70))
		}
		if u16(os2, 0) > 1 && len(os2) >= 90 {
			t.capHeight = t.scale(i16(os2, 88))
		}
	}
	// The usual estimate of the vertical stems' width from the weight.
	t.stemV = 50 + int(math.Pow(float64(weight)/65, 2))
	post := t.tables["post"]
	t.italicAngle = i16(post, 4)
	t.flags = 4 // symbolic: the glyphs are found by CID, not by a standard encoding
	if t.italicAngle != 0 {
		t.flags |= 64
	}
	if weight >= 600 {
		t.flags |= 1 << 18 // ForceBold
	}
	if len(post) >= 16 && binary.BigEndian.Uint32(post[12:]) != 0 {
		t.flags |= 1 // fixed pitch
	}
	t.missingWidth = t.glyphWidth(0)
	return nil
}

// scale converts font units to 1/1000 em, truncating as the metrics have
// always been written.
func (t *ttFont) scale(v int) int { return int(float64(v) * 1000 / float64(t.unitsPerEm)) }

// parseLoca reads where each glyph's outline is in glyf.
func (t *ttFont) parseLoca() error {
	loca, long := t.tables["loca"], u16(t.tables["head"], 50) == 1
	t.glyf = t.tables["glyf"]
	t.loca = make([]uint32, t.numGlyphs+1)
	for i := range t.loca {
		if long {
			if 4*i+4 > len(loca) {
				return errors.New("loca er for kort")
			}
			t.loca[i] = binary.BigEndian.Uint32(loca[4*i:])
		} else {
			if 2*i+2 > len(loca) {
				return errors.New("loca er for kort")
			}
			t.loca[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		}
		if t.loca[i] > uint32(len(t.glyf)) || i > 0 && t.loca[i] < t.loca[i-1] {
			return fmt.Errorf("loca: tegn %d ligger uden for glyf", i)
		}
	}
	return nil
}

// parseCmap reads the Unicode (BMP) subtable in format 4, the Windows one
// if there is one. The text is written as UTF-16 code units (pdf_fonts.go),
// so characters beyond the BMP cannot be addressed and a format 12 table
// would add nothing the PDF can use.
func (t *ttFont) parseCmap() error {
	cmap := t.tables["cmap"]
	at := -1
	for i, n := 0, u16(cmap, 2); i < n; i++ {
		e := 4 + 8*i
		platform, encoding := u16(cmap, e), u16(cmap, e+2)
		off := int(binary.BigEndian.Uint32(cmap[min(e+4, len(cmap)-4):]))
		if u16(cmap, off) != 4 || !(platform == 3 && encoding == 1 || platform == 0) {
			continue
		}
		if at < 0 || platform == 3 {
			at = off
		}
	}
	if at < 0 {
		return errors.New("cmap har ingen Unicode-tabel i format 4")
	}
	sub := cmap[at:min(len(cmap), at+u16(cmap, at+2))]
	segs := u16(sub, 6) / 2
	ends, starts, deltas, offsets := 14, 16+2*segs, 16+4*segs, 16+6*segs
	if offsets+2*segs > len(sub) {
		return errors.New("cmap: tabellen i format 4 er for kort")
	}
	t.gids = make([]uint16, 0x10000)
	for s := 0; s < segs; s++ {
		start, end := u16(sub, starts+2*s), u16(sub, ends+2*s)
		delta, ro := u16(sub, deltas+2*s), u16(sub, offsets+2*s)
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := (c + delta) & 0xFFFF
			if ro != 0 {
				g = u16(sub, offsets+2*s+ro+2*(c-start))
				if g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g >= t.numGlyphs {
				g = 0
			}
			t.gids[c] = uint16(g)
		}
	}
	return nil
}

// glyph is the glyph that draws c, 0 (.notdef) when the font has none.
func (t *ttFont) glyph(c rune) uint16 {
	if c < 0 || int(c) >= len(t.gids) {
		return 0
	}
	return t.gids[c]
}

// glyphWidth is glyph g's advance in 1/1000 em.
func (t *ttFont) glyphWidth(g uint16) int {
	adv := t.advances[min(int(g), len(t.advances)-1)]
	if adv >= 1<<15 {
		return 0
	}
	return int(math.Round(float64(adv) * 1000 / float64(t.unitsPerEm)))
}

// width is the advance of character c in 1/1000 em: a character the font
// lacks is drawn by .notdef and as wide.
func (t *ttFont) width(c rune) int {
	return t.glyphWidth(t.glyph(c))
}
