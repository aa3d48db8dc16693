package agreement

import (
	"fmt"
	"strconv"
	"strings"
)

// Each font a PDF drew with is embedded as a composite font, the way
// PDF/A-2 asks for a TrueType font addressed by CIDs: a Type0 font in
// Identity-H over a CIDFontType2 whose CIDs are the characters' UTF-16
// code units, with
//   - the CIDToGIDMap from each CID to its glyph in the subset,
//   - /W the widths of the characters drawn, which are the font's own (a
//     character the font lacks is .notdef, as wide as /DW),
//   - a ToUnicode CMap that gives each CID back as its character, so that
//     text extraction reads what was drawn (Arabic in the presentation
//     forms splitScripts shaped it into), and
//   - the FontDescriptor with the subset as FontFile2.
// Streams are compressed with the pooled writers of pdf_deflate.go.

// fontObjects writes the objects of the fonts used, numbered from first
// on, and returns the /Font dictionary of the pages' resources.
func (f *fonts) fontObjects(first int) (string, [][]byte, error) {
	var dict strings.Builder
	dict.WriteString("<<")
	var objs [][]byte
	for i, set := range f.used {
		if set == nil {
			continue
		}
		t, err := parsedFonts[i]()
		if err != nil {
			return "", nil, fmt.Errorf("skriften %s kan ikke læses: %w", pdfFonts[i].file, err)
		}
		font, err := embedFont(t, pdfFonts[i], set, first+len(objs))
		if err != nil {
			return "", nil, fmt.Errorf("skriften %s: %w", pdfFonts[i].name, err)
		}
		if len(objs) > 0 {
			dict.WriteByte(' ')
		}
		fmt.Fprintf(&dict, "/%s %d 0 R", pdfFonts[i].tag, first+len(objs))
		objs = append(objs, font...)
	}
	dict.WriteString(">>")
	return dict.String(), objs, nil
}

// embedFont is the six objects of one font, from object n on: the Type0
// font, its CIDFont, the ToUnicode CMap, the FontDescriptor, the
// CIDToGIDMap and the font file.
func embedFont(t *ttFont, pf pdfFont, set *charSet, n int) ([][]byte, error) {
	var chars, inFont []rune // every character drawn; those the font has
	for w, bits := range set {
		for b := 0; bits != 0; b, bits = b+1, bits>>1 {
			if bits&1 != 0 {
				c := rune(64*w + b)
				chars = append(chars, c)
				if t.glyph(c) != 0 {
					inFont = append(inFont, c)
				}
			}
		}
	}
	file, gids, err := t.subset(inFont)
	if err != nil {
		return nil, err
	}
	name := pf.baseName()
	last := rune(0) // the highest CID; a font selected but not drawn with has only 0
	if len(chars) > 0 {
		last = chars[len(chars)-1]
	}
	cidToGID := make([]byte, 2*(last+1))
	for j, c := range inFont {
		cidToGID[2*c], cidToGID[2*c+1] = byte(gids[j]>>8), byte(gids[j])
	}
	obj := func(k int, body string) []byte {
		return []byte(strconv.Itoa(n+k) + " 0 obj\n" + body + "\nendobj")
	}
	stream := func(k int, dict string, data []byte) []byte {
		z := deflate(data)
		b := make([]byte, 0, len(z)+128)
		b = fmt.Appendf(b, "%d 0 obj\n<</Filter /FlateDecode /Length %d%s>>\nstream\n", n+k, len(z), dict)
		b = append(b, z...)
		return append(b, "\nendstream\nendobj"...)
	}
	return [][]byte{
		obj(0, fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H"+
			" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>", name, n+1, n+2)),
		obj(1, fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s"+
			" /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>>"+
			" /FontDescriptor %d 0 R /DW %d /W %s /CIDToGIDMap %d 0 R>>",
			name, n+3, t.missingWidth, widthArray(t, inFont), n+4)),
		stream(2, "", toUnicodeCMap(chars)),
		obj(3, fmt.Sprintf("<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d]"+
			" /ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>",
			name, t.flags, t.bbox[0], t.bbox[1], t.bbox[2], t.bbox[3],
			t.italicAngle, t.ascent, t.descent, t.capHeight, t.stemV, t.missingWidth, n+5)),
		stream(4, "", cidToGID),
		stream(5, " /Length1 "+strconv.Itoa(len(file)), file),
	}, nil
}

// widthArray is /W for chars (ascending, all in the font): a list of
// widths for each run of consecutive CIDs, "[32 [260 267] 97 [561]]".
func widthArray(t *ttFont, chars []rune) string {
	var b strings.Builder
	b.WriteByte('[')
	for j, c := range chars {
		if j == 0 || chars[j-1] != c-1 {
			if j > 0 {
				b.WriteString("] ")
			}
			b.WriteString(strconv.Itoa(int(c)))
			b.WriteString(" [")
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(t.glyphWidth(t.glyph(c))))
	}
	if len(chars) > 0 {
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.String()
}

// toUnicodeCMap maps each CID drawn to its character: ranges of
// consecutive CIDs that differ only in the last byte, at most a hundred
// to a section as the CMap format asks.
func toUnicodeCMap(chars []rune) []byte {
	type span struct{ from, to rune }
	var spans []span
	for _, c := range chars {
		if l := len(spans) - 1; l >= 0 && spans[l].to == c-1 && c&0xFF != 0 {
			spans[l].to = c
			continue
		}
		spans = append(spans, span{c, c})
	}
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(spans) > 0 {
		part := spans[:min(100, len(spans))]
		spans = spans[len(part):]
		fmt.Fprintf(&b, "%d beginbfrange\n", len(part))
		for _, s := range part {
			fmt.Fprintf(&b, "<%04X> <%04X> <%04X>\n", s.from, s.to, s.from)
		}
		b.WriteString("endbfrange\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return []byte(b.String())
}
