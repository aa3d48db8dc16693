package agreement

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/jung-kurt/gofpdf"

	"partnerskab/data/dk"
)

// The page: A4 with margins wide enough to read, punch and staple.
const (
	pageW, pageH   = 210.0, 297.0
	marginL        = 25.0
	marginR        = 25.0
	marginTop      = 25.0
	marginBottom   = 24.0
	contentW       = pageW - marginL - marginR
	contentBottom  = pageH - marginBottom
	headerBaseline = 14.0
	footerBaseline = pageH - 12.0
)

// Type sizes (points) and line heights (mm): a calm 10.5 pt body.
const (
	bodySize    = 10.5
	bodyLine    = 5.3
	smallSize   = 8.5
	tableSize   = 9.5
	tableLine   = 4.7
	titleSize   = 20.0
	h1Size      = 15.0
	h2Size      = 12.0
	h3Size      = 10.5
	paraSpacing = 2.6
)

// colour is an RGB triple.
type colour struct{ r, g, b int }

var (
	inkColour     = colour{33, 33, 33}
	accentColour  = colour{31, 58, 95} // headings and the title: a dark, municipal blue
	mutedColour   = colour{110, 110, 110}
	ruleColour    = colour{160, 160, 160}
	headerFill    = colour{236, 239, 243}
	markColour    = colour{226, 226, 226}
	fallbackEpoch = time.Date(2000, 1, 1, 12, 0, 0, 0, time.UTC)
)

// RenderPDF lays out an agreement on A4: the title block, the parties,
// the numbered text, and a signature block per signer, with a header and
// "Side N af M" on every page. The same Document always gives the same
// bytes: the PDF's dates come from doc.Written or doc.Date, resources are
// written in a sorted order and the /ID is the file's digest.
func RenderPDF(doc Document) ([]byte, error) {
	return render(doc, "aftale "+doc.Number, func(r *renderer) {
		r.titleBlock()
		r.parties()
		r.body(doc.Body)
		r.signatures()
		r.certificate() // pdf_signed_certificate.go: only for a signed agreement
	})
}

// render writes a document whose pages draw fills after the first page is
// started; name says which document a failure is about.
func render(doc Document, name string, draw func(*renderer)) ([]byte, error) {
	r := newRenderer(doc)
	r.newPage()
	draw(r)
	if err := r.pdf.Error(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var buf bytes.Buffer
	if err := r.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("%s: PDF'en kan ikke skrives: %w", name, err)
	}
	r.fonts.countPages(r.pdf.PageNo())
	return archive(buf.Bytes(), doc.archiveMeta(), r.fonts.fontObjects)
}

// producer names the program in the file's properties.
const producer = "Partnerskab (gofpdf 1.16.2)"

// archiveMeta is what the file's properties say about doc.
func (d Document) archiveMeta() archiveMeta {
	m := archiveMeta{Title: d.Title, Author: d.Author, Subject: d.subject(), Creator: "Partnerskab",
		Producer: producer, Lang: d.Lang, Written: d.written()}
	if m.Lang == "" {
		m.Lang = "da-DK"
	}
	if m.Author == "" {
		m.Author = "Partnerskab"
	}
	if d.Signed != nil {
		m.Record = d.Signed.Record
	}
	return m
}

// written is when the file counts as written: the stored event given in
// Written, else noon UTC on the document's day (fixedDate).
func (d Document) written() time.Time {
	if !d.Written.IsZero() {
		return d.Written.Truncate(time.Second)
	}
	return fixedDate(d.Date)
}

// renderer carries the PDF being written and the agreement.
type renderer struct {
	pdf   *gofpdf.Fpdf
	doc   Document
	y     float64 // the top of the next thing to draw
	fonts fonts
	keep  float64 // extra height the next heading must find room for (the signature section)
	// outline holds the heading levels of the bookmarks open above the next one.
	outline []int
}

// bookmark adds a heading of the given level, drawn at y on this page, to
// the outline. Levels nest by their order, not their number, so a text
// whose headings start at level 2 still has its sections at the top.
// Only headings down to level 3 are in it. The title is UTF-16 with its
// byte order mark, as PDF text strings beyond PDFDocEncoding are.
func (r *renderer) bookmark(text string, level int, y float64) {
	if text == "" || level > 3 {
		return
	}
	for len(r.outline) > 0 && r.outline[len(r.outline)-1] >= level {
		r.outline = r.outline[:len(r.outline)-1]
	}
	r.pdf.Bookmark(utf16Text(text), len(r.outline), y)
	r.outline = append(r.outline, level)
}

func newRenderer(doc Document) *renderer {
	pdf := gofpdf.New("P", "mm", "A4", "")
	r := &renderer{pdf: pdf, doc: doc}
	r.forgetFont()
	pdf.AliasNbPages(pageCountAlias)
	pdf.SetMargins(marginL, marginTop, marginR)
	pdf.SetAutoPageBreak(false, marginBottom) // page breaks are decided here, block by block
	pdf.SetCatalogSort(true)
	pdf.SetCompression(false) // archive compresses the pages, with writers kept between files
	// The file's properties and metadata are written by archive
	// (pdf_archive.go); gofpdf's own dates are fixed so as not to read the clock.
	stamp := fixedDate(doc.Date)
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	pdf.SetHeaderFunc(r.pageHeader)
	pdf.SetFooterFunc(r.pageFooter)
	return r
}

// utf16Text is s as a PDF text string in UTF-16BE, before gofpdf
// escapes it.
func utf16Text(s string) string {
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}

// fixedDate is noon UTC on the agreement's calendar day: the same in every
// time zone, so the PDF's dates never depend on the machine.
func fixedDate(t time.Time) time.Time {
	if t.IsZero() {
		return fallbackEpoch
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, time.UTC)
}

// longDate is "21. februar 2015", or "" for no date.
func longDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return dk.FormatDateLong(t)
}

// setColour sets the text colour.
func (r *renderer) setColour(c colour) { r.pdf.SetTextColor(c.r, c.g, c.b) }

// newPage starts a new page and puts the cursor at the top margin.
func (r *renderer) newPage() {
	r.pdf.AddPage()
	r.forgetFont() // AddPage restored the font of the page before
	r.y = marginTop
}

// ensure starts a new page unless h mm still fit on this one.
func (r *renderer) ensure(h float64) {
	if r.y+h > contentBottom && r.y > marginTop+0.1 {
		r.newPage()
	}
}

// pageHeader draws the draft or example mark (under everything else) and,
// from page 2 on, the document's title and label ("Aftale 2015-001") at
// the top.
func (r *renderer) pageHeader() {
	r.forgetFont() // a new page's content starts without a font
	r.watermark()
	r.y = marginTop
	if r.pdf.PageNo() == 1 {
		return
	}
	r.setColour(mutedColour)
	title := r.doc.Title
	number := r.doc.headerLabel()
	nw := r.textWidth(number, "", smallSize)
	title = r.ellipsis(title, "", smallSize, contentW-nw-8)
	r.drawText(marginL, headerBaseline, title, "", smallSize)
	r.drawText(pageW-marginR-nw, headerBaseline, number, "", smallSize)
	r.pdf.SetDrawColor(ruleColour.r, ruleColour.g, ruleColour.b)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(marginL, headerBaseline+2.2, pageW-marginR, headerBaseline+2.2)
}

// pageFooter draws "Aftale 2015-001 · Side N af M" (or the document's
// own label) centred at the bottom.
func (r *renderer) pageFooter() {
	r.forgetFont()
	r.setColour(mutedColour)
	s := fmt.Sprintf("Side %d af %s", r.pdf.PageNo(), pageCountAlias)
	if l := r.doc.label(); l != "" {
		s = l + " · " + s
	}
	// "{nb}" becomes the page count only when the file is written; centre
	// on a two-digit count, which is off by a hair at most.
	w := r.textWidth(strings.Replace(s, pageCountAlias, "10", 1), "", smallSize)
	r.drawText((pageW-w)/2, footerBaseline, s, "", smallSize)
}

// watermark prints UDKAST (a draft) and/or EKSEMPEL (the demo case) large,
// light and diagonal across the page.
func (r *renderer) watermark() {
	var marks []string
	if r.doc.Draft && r.doc.Signed == nil { // a signed agreement is no draft, whatever the flag says
		marks = append(marks, "UDKAST")
	}
	if r.doc.Example {
		marks = append(marks, "EKSEMPEL")
	}
	if len(marks) == 0 {
		return
	}
	pdf := r.pdf
	size := 96.0
	if len(marks) > 1 {
		size = 72
	}
	lineH := size * 0.3528 * 1.05 // points to mm
	cx, cy := pageW/2, pageH/2
	r.setColour(markColour)
	pdf.TransformBegin()
	pdf.TransformRotate(54.7, cx, cy) // along the A4 diagonal
	top := cy - lineH*float64(len(marks))/2 + lineH*0.8
	for i, m := range marks {
		w := r.textWidth(m, "B", size)
		// Text extraction cannot join letters set on a slant into a word;
		// the actual text tells it which word they make.
		r.pdf.RawWriteStr("/Span <</ActualText (" + m + ")>> BDC\n")
		r.drawText(cx-w/2, top+float64(i)*lineH, m, "B", size)
		r.pdf.RawWriteStr("EMC\n")
	}
	pdf.TransformEnd()
	r.forgetFont() // the font set inside the transformation ended with it
	r.setColour(inkColour)
}

// ellipsis shortens s with "…" until it fits in w mm.
func (r *renderer) ellipsis(s, style string, size, w float64) string {
	if r.textWidth(s, style, size) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 {
		rs = rs[:len(rs)-1]
		t := strings.TrimRight(string(rs), " ") + "…"
		if r.textWidth(t, style, size) <= w {
			return t
		}
	}
	return ""
}
