package agreement

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"partnerskab/assets"
)

// pdfFont is one font the PDFs embed. The PDF knows it by its subset
// tag, "/PKSUBA" in a page's resources, and names it with the tag and
// its PostScript name, "PKSUBA+NotoSans-Regular", which tells pdffonts
// and preflight tools that only the glyphs used are in the file.
type pdfFont struct {
	arabic bool
	style  string // "", "B", "I", "BI"
	file   string
	name   string // the PostScript name
	tag    string // the subset tag: six capitals, one per font in the file
}

// pdfFonts are Noto Sans for Latin (Danish, Bosnian, Turkish …) text and
// Noto Sans Arabic for runs in Arabic script (which has no italic).
var pdfFonts = []pdfFont{
	{false, "", "fonts/NotoSans-Regular.ttf", "NotoSans-Regular", "PKSUBA"},
	{false, "B", "fonts/NotoSans-Bold.ttf", "NotoSans-Bold", "PKSUBB"},
	{false, "I", "fonts/NotoSans-Italic.ttf", "NotoSans-Italic", "PKSUBC"},
	{false, "BI", "fonts/NotoSans-BoldItalic.ttf", "NotoSans-BoldItalic", "PKSUBD"},
	{true, "", "fonts/NotoSansArabic-Regular.ttf", "NotoSansArabic-Regular", "PKSUBE"},
	{true, "B", "fonts/NotoSansArabic-Bold.ttf", "NotoSansArabic-Bold", "PKSUBF"},
}

// baseName is the font's name in the finished PDF.
func (f pdfFont) baseName() string { return f.tag + "+" + f.name }

// fontFor is the index in pdfFonts of the font for a run; an italic
// Arabic run is upright, as Arabic has no italic.
func fontFor(arabic bool, style string) int {
	if arabic {
		if strings.Contains(style, "B") {
			return 5
		}
		return 4
	}
	for i, f := range pdfFonts[:4] {
		if f.style == style {
			return i
		}
	}
	return 0
}

// parsedFonts read each font file once per process, when first needed:
// most agreements never use Arabic or bold italic.
var parsedFonts [6]func() (*ttFont, error)

func init() {
	for i, f := range pdfFonts {
		parsedFonts[i] = sync.OnceValues(func() (*ttFont, error) {
			b, err := assets.Fonts.ReadFile(f.file)
			if err != nil {
				return nil, err
			}
			return parseTTF(b)
		})
	}
}

// fonts is the font state of one PDF: the font and size the page's text
// is set in, and the characters drawn in each font, which the file's
// subsets are cut for (pdf_font_objects.go).
type fonts struct {
	current int // index into pdfFonts, -1 when unknown (new page, after a restore)
	size    float64
	used    [6]*charSet // nil for a font the pages never select
	alias   [6]bool     // the font drew the page count's alias "{nb}"
	buf     []byte      // the operators being written
}

// charSet is a set of BMP characters.
type charSet [0x10000 / 64]uint64

func (s *charSet) add(c rune)      { s[c>>6] |= 1 << (c & 63) }
func (s *charSet) has(c rune) bool { return s[c>>6]&(1<<(c&63)) != 0 }

// font is font i, nil (and the PDF's error set) if its file is broken.
func (r *renderer) font(i int) *ttFont {
	t, err := parsedFonts[i]()
	if err != nil {
		r.pdf.SetError(fmt.Errorf("skriften %s kan ikke læses: %w", pdfFonts[i].file, err))
		return nil
	}
	return t
}

// selectFont makes font i at size the page's current font, as gofpdf's
// SetFont does: a text object of its own that sets the font, which the
// text state keeps for the text objects after it.
func (r *renderer) selectFont(i int, size float64) {
	if r.fonts.current == i && r.fonts.size == size {
		return
	}
	if r.fonts.used[i] == nil { // the page refers to the font: the file has it
		r.fonts.used[i] = new(charSet)
	}
	b := append(r.fonts.buf[:0], "BT /"...)
	b = append(b, pdfFonts[i].tag...)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, size, 'f', 2, 64)
	b = append(b, " Tf ET"...)
	r.fonts.buf = b
	r.pdf.RawWriteStr(string(b))
	r.fonts.current, r.fonts.size = i, size
}

// forgetFont is called where the PDF's font state is no longer what was
// last selected: on a new page, after a graphics state is restored.
func (r *renderer) forgetFont() { r.fonts.current = -1 }

// mmPerPt converts points to millimetres.
const mmPerPt = 25.4 / 72

// measure is the width in mm of s in font i at size points.
func (r *renderer) measure(i int, s string, size float64) float64 {
	t := r.font(i)
	if t == nil {
		return 0
	}
	units := 0
	for _, c := range s {
		units += t.width(c)
	}
	return float64(units) * size * mmPerPt / 1000
}

// styleOf is the style of an inline's emphasis.
func styleOf(bold, italic bool) string {
	switch {
	case bold && italic:
		return "BI"
	case bold:
		return "B"
	case italic:
		return "I"
	}
	return ""
}

// textWidth is the width in mm of s, Arabic runs measured in their font.
func (r *renderer) textWidth(s, style string, size float64) float64 {
	w := 0.0
	for _, run := range splitScripts(s) {
		w += r.measure(fontFor(run.Arabic, style), run.Text, size)
	}
	return w
}

// drawText writes s with its baseline at y, switching to the Arabic font
// for Arabic runs (already shaped and in visual order by splitScripts),
// and returns where the text ends.
func (r *renderer) drawText(x, y float64, s, style string, size float64) float64 {
	for _, run := range splitScripts(s) {
		i := fontFor(run.Arabic, style)
		r.selectFont(i, size)
		r.show(i, x, y, run.Text)
		x += r.measure(i, run.Text, size)
	}
	return x
}

// show writes s in font i (the current one) with its baseline starting at
// (x, y) mm from the top left, as gofpdf's Text writes text: a text object
// at the point in PDF units from the bottom left, in the text colour when
// it is not the fill colour. Each character is its own CID, its UTF-16
// code unit (Identity-H), so that the page count's alias, which gofpdf
// replaces in UTF-16, becomes the digits; a character beyond the BMP is
// drawn as .notdef (CID 0).
func (r *renderer) show(i int, x, y float64, s string) {
	set := r.fonts.used[i] // selectFont made it
	k := r.pdf.GetConversionRatio()
	_, h := r.pdf.GetPageSize()
	b := r.fonts.buf[:0]
	colour := r.textColour()
	if colour != "" {
		b = append(b, "q "...)
		b = append(b, colour...)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, x*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (h-y)*k, 'f', 2, 64)
	b = append(b, " Td ("...)
	for _, c := range s {
		if c > 0xFFFF {
			c = 0
		} else if c != 0 {
			set.add(c)
		}
		b = appendEscaped(appendEscaped(b, byte(c>>8)), byte(c))
	}
	b = append(b, ") Tj ET"...)
	if colour != "" {
		b = append(b, " Q"...)
	}
	r.fonts.buf = b
	r.pdf.RawWriteStr(string(b))
	if strings.Contains(s, pageCountAlias) {
		r.fonts.alias[i] = true
	}
}

// appendEscaped appends a byte of a PDF string, escaped as gofpdf escapes.
func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// textColour is the operator that sets the text colour, written as gofpdf
// writes it, or "" when text is drawn in the fill colour (gofpdf's rule:
// the fill colour is the nonstroking colour text is painted with).
func (r *renderer) textColour() string {
	tr, tg, tb := r.pdf.GetTextColor()
	fr, fg, fb := r.pdf.GetFillColor()
	if tr == fr && tg == fg && tb == fb {
		return ""
	}
	c := func(v int) string { return strconv.FormatFloat(float64(v)/255, 'f', 3, 64) }
	if tr == tg && tr == tb {
		return c(tr) + " g"
	}
	return c(tr) + " " + c(tg) + " " + c(tb) + " rg"
}

// pageCountAlias is what gofpdf replaces with the number of pages.
const pageCountAlias = "{nb}"

// countPages adds the digits of the page count, which replace the alias,
// to the characters of the fonts that drew it.
func (f *fonts) countPages(pages int) {
	for i, drew := range f.alias {
		if drew {
			for _, c := range strconv.Itoa(pages) {
				f.used[i].add(c)
			}
		}
	}
}
