package agreement

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"partnerskab/assets"
)

// pdfFont is one embedded font file. gofpdf names an embedded font
// "utf8" + its family key and gives a subset no subset tag, so pdffonts
// and preflight tools would call it a full font although only the glyphs
// used are in the file. Each font therefore gets a family key of exactly
// the length of its proper name, "PKSUBA+NotoSans-Regular", and
// renameFonts swaps the names in the finished file byte for byte, which
// leaves every offset in the cross-reference table valid.
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

// family is the key gofpdf knows the font by: lower case (gofpdf folds
// it), unique, and as long as baseName once gofpdf prefixes "utf8".
func (f pdfFont) family() string {
	key := "pk" + strings.ToLower(f.tag)
	return key + strings.Repeat("x", len(f.baseName())-len("utf8")-len(key))
}

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

// fontFamilies caches the family keys (built once, looked up per run).
var fontFamilies = func() []string {
	out := make([]string, len(pdfFonts))
	for i, f := range pdfFonts {
		out[i] = f.family()
	}
	return out
}()

// fonts tracks which fonts the PDF has, which one is selected, and the
// glyph widths measured so far. gofpdf's SetFont writes a font change to
// the page every time it is called and copies the font's tables, so text
// is measured from this cache and the font is set only when drawing needs
// another one. Fonts are added to the PDF when first used: parsing a font
// is the dearest step of a rendering, and most agreements never use
// Arabic or bold italic.
type fonts struct {
	added   [6]bool
	current int // index into pdfFonts, -1 when unknown (new page, after a restore)
	size    float64
	widths  [6]map[rune]int // glyph advance in 1/1000 em
	files   []fontCopy      // the font files given to gofpdf, handed back by release
}

// gofpdf writes into the font file it is given while it subsets it (a
// glyph's metrics are appended in place), so every PDF gets a copy of its
// own. The copies are kept between files and refreshed from the pristine
// file before each use: a copy, but not an allocation, per font and file.
var (
	pristineFonts [6]func() ([]byte, error)
	fontCopies    [6]sync.Pool // of *[]byte
)

func init() {
	for i, f := range pdfFonts {
		pristineFonts[i] = sync.OnceValues(func() ([]byte, error) { return assets.Fonts.ReadFile(f.file) })
	}
}

// fontCopy is the copy of font i that a PDF has.
type fontCopy struct {
	font int
	b    []byte
}

// fontFile is a fresh copy of font i's file, the PDF's own.
func fontFile(i int) ([]byte, error) {
	src, err := pristineFonts[i]()
	if err != nil {
		return nil, err
	}
	if p, ok := fontCopies[i].Get().(*[]byte); ok && len(*p) == len(src) {
		copy(*p, src)
		return *p, nil
	}
	return bytes.Clone(src), nil
}

// release hands the PDF's font copies back once gofpdf is done with them
// (the PDF is written and gofpdf no longer used).
func (f *fonts) release() {
	for _, c := range f.files {
		b := c.b
		fontCopies[c.font].Put(&b)
	}
	f.files = nil
}

// addFont parses and registers a font in the PDF.
func (r *renderer) addFont(i int) {
	if r.fonts.added[i] {
		return
	}
	r.fonts.added[i] = true
	b, err := fontFile(i)
	if err != nil {
		r.pdf.SetError(fmt.Errorf("font %s: %w", pdfFonts[i].file, err))
		return
	}
	r.fonts.files = append(r.fonts.files, fontCopy{i, b})
	r.pdf.AddUTF8FontFromBytes(fontFamilies[i], "", b)
	r.fonts.widths[i] = map[rune]int{}
}

// selectFont makes font i at size the PDF's current font.
func (r *renderer) selectFont(i int, size float64) {
	if r.fonts.current == i && r.fonts.size == size {
		return
	}
	r.addFont(i)
	r.pdf.SetFont(fontFamilies[i], "", size)
	r.fonts.current, r.fonts.size = i, size
}

// forgetFont is called where the PDF's font state is no longer what was
// last selected: on a new page, after a graphics state is restored.
func (r *renderer) forgetFont() { r.fonts.current = -1 }

// mmPerPt converts points to millimetres.
const mmPerPt = 25.4 / 72

// measure is the width in mm of s in font i at size points.
func (r *renderer) measure(i int, s string, size float64) float64 {
	r.addFont(i)
	units := 0
	ws := r.fonts.widths[i]
	for _, c := range s {
		w, ok := ws[c]
		if !ok {
			keep, keepSize := r.fonts.current, r.fonts.size
			r.selectFont(i, size)
			w = r.pdf.GetStringSymbolWidth(string(c))
			ws[c] = w
			if keep >= 0 {
				r.selectFont(keep, keepSize)
			}
		}
		units += w
	}
	return float64(units) * size * mmPerPt / 1000
}

// styleOf is gofpdf's style string for an inline's emphasis.
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
		r.pdf.Text(x, y, run.Text)
		x += r.measure(i, run.Text, size)
	}
	return x
}

// renameFonts gives the fonts in a finished PDF their tagged names, in
// place: each name is exactly as long as gofpdf's.
func renameFonts(pdf []byte) []byte {
	prefix := []byte("/utf8pk")
	for at := 0; ; {
		j := bytes.Index(pdf[at:], prefix)
		if j < 0 {
			return pdf
		}
		at += j
		for i, f := range pdfFonts {
			if bytes.HasPrefix(pdf[at:], fontKeys[i]) {
				copy(pdf[at+1:], f.baseName())
				break
			}
		}
		at += len(prefix)
	}
}

// fontKeys are the names gofpdf gives the fonts, "/utf8" and the family key.
var fontKeys = func() [][]byte {
	out := make([][]byte, len(pdfFonts))
	for i := range pdfFonts {
		out[i] = []byte("/utf8" + fontFamilies[i])
	}
	return out
}()
