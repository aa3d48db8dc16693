package agreement

import (
	"bytes"
	"encoding/binary"
	"slices"
	"testing"
)

// subsetText has what the subsets must draw: Danish and other Latin
// letters (several built from a base letter and an accent), digits,
// punctuation the layout uses, and the Arabic name as splitScripts shapes
// it.
func subsetText() string {
	s := "Aftale nr. 2015-001 · Side 3 af 10 … æøå ÆØÅ é ü ş ğ İ ć š „Citat“ §12, 50 %"
	for _, run := range splitScripts(arabicName) {
		s += run.Text
	}
	return s
}

// Every font's subset is a TrueType file a reader accepts (the checksums
// of each table and of the file are right), maps each character to a
// glyph with the font's own advance, and draws it with the font's own
// outline: a composite glyph's parts are the same outlines under their
// new numbers.
func TestFontSubsetsDrawWhatTheFontDraws(t *testing.T) {
	for i, pf := range pdfFonts {
		t.Run(pf.name, func(t *testing.T) {
			font, err := parsedFonts[i]()
			if err != nil {
				t.Fatal(err)
			}
			var chars []rune
			for _, c := range subsetText() {
				if font.glyph(c) != 0 && !slices.Contains(chars, c) {
					chars = append(chars, c)
				}
			}
			slices.Sort(chars)
			if len(chars) < 10 {
				t.Fatalf("the font has only %d of the characters", len(chars))
			}
			file, gids, err := font.subset(chars)
			if err != nil {
				t.Fatal(err)
			}
			checkSfntChecksums(t, file)
			sub, err := parseTTF(file)
			if err != nil {
				t.Fatalf("the subset does not read as TrueType: %v", err)
			}
			if sub.numGlyphs >= font.numGlyphs/4 {
				t.Errorf("the subset keeps %d of %d glyphs", sub.numGlyphs, font.numGlyphs)
			}
			composites := 0
			for j, c := range chars {
				if g := sub.glyph(c); g != gids[j] || g == 0 {
					t.Errorf("%q: the subset's cmap gives glyph %d, the PDF's map %d", c, g, gids[j])
					continue
				}
				if sub.width(c) != font.width(c) {
					t.Errorf("%q is %d wide in the subset, %d in the font", c, sub.width(c), font.width(c))
				}
				if i16(font.glyphData(int(font.glyph(c))), 0) < 0 {
					composites++
				}
				sameOutline(t, c, font, int(font.glyph(c)), sub, int(gids[j]))
			}
			if composites == 0 && !pf.arabic {
				t.Error("no character drawn with a composite glyph: the test misses what it is for")
			}
		})
	}
}

// sameOutline fails unless glyph g of a and glyph h of b are the same
// outline: the same bytes, but for the numbers of a composite's parts,
// which must be the same outlines in turn.
func sameOutline(t *testing.T, c rune, a *ttFont, g int, b *ttFont, h int) {
	t.Helper()
	da, db := a.glyphData(g), b.glyphData(h)
	padded := (len(da) + 3) &^ 3
	if len(db) != padded || !bytes.Equal(db[len(da):], make([]byte, padded-len(da))) {
		t.Errorf("%q: glyph %d is %d bytes, in the subset %d", c, g, len(da), len(db))
		return
	}
	var partsA, partsB []int
	components(da, func(at int) { partsA = append(partsA, at) })
	components(db, func(at int) { partsB = append(partsB, at) })
	if !slices.Equal(partsA, partsB) {
		t.Errorf("%q: the parts of glyph %d are at %v, in the subset at %v", c, g, partsA, partsB)
		return
	}
	masked := func(d []byte, parts []int) []byte {
		d = bytes.Clone(d)
		for _, at := range parts {
			binary.BigEndian.PutUint16(d[at:], 0)
		}
		return d
	}
	if !bytes.Equal(masked(da, partsA), masked(db[:len(da)], partsB)) {
		t.Errorf("%q: glyph %d differs in the subset", c, g)
	}
	for _, at := range partsA {
		sameOutline(t, c, a, u16(da, at), b, u16(db, at))
	}
}

// checkSfntChecksums checks each table's checksum in the directory and
// that the whole file sums to the constant head's adjustment aims at.
func checkSfntChecksums(t *testing.T, file []byte) {
	t.Helper()
	n := int(binary.BigEndian.Uint16(file[4:]))
	var prev string
	for i := 0; i < n; i++ {
		e := file[12+16*i:]
		tag := string(e[:4])
		if tag <= prev {
			t.Errorf("table %q after %q: the directory is not sorted", tag, prev)
		}
		prev = tag
		off, length := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		if off%4 != 0 {
			t.Errorf("table %q at %d, not on a four-byte boundary", tag, off)
		}
		data := bytes.Clone(file[off : off+(length+3)&^3])
		if tag == "head" {
			binary.BigEndian.PutUint32(data[8:], 0)
		}
		if got, want := checksum(data), binary.BigEndian.Uint32(e[4:]); got != want {
			t.Errorf("table %q sums to %#x, the directory says %#x", tag, got, want)
		}
	}
	if sum := checksum(file); sum != 0xB1B0AFBA {
		t.Errorf("the file sums to %#x, want 0xB1B0AFBA", sum)
	}
}

// The widths text is laid out with are the fonts' advances: what the
// PDF's /W says and what a reader draws.
func TestMeasuredWidthsAreTheFontsAdvances(t *testing.T) {
	r := newRenderer(Document{})
	font, err := parsedFonts[0]()
	if err != nil {
		t.Fatal(err)
	}
	hmtx := font.tables["hmtx"]
	for _, c := range "Wiæ .1" {
		want := float64(u16(hmtx, 4*int(font.glyph(c)))) * 10 * mmPerPt / float64(font.unitsPerEm)
		if got := r.measure(0, string(c), 10); got != want {
			t.Errorf("%q at 10 pt measures %.4f mm, the font's advance is %.4f mm", c, got, want)
		}
	}
	// A character the font lacks is drawn as .notdef, and as wide.
	if got, want := r.measure(0, "\u0E01", 10), float64(u16(hmtx, 0))*10*mmPerPt/float64(font.unitsPerEm); got != want {
		t.Errorf("a Thai letter measures %.4f mm, .notdef is %.4f mm", got, want)
	}
}
