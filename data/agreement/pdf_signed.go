package agreement

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png" // the signature images are PNG
	"strings"

	"github.com/jung-kurt/gofpdf"

	"partnerskab/data/dk"
)

// The signed agreement: each signature block shows the signature as it
// was given (the drawn image, the typed name or a note that it was signed
// on paper) with when and where, as recorded at signing, never the time
// the PDF is printed. Everything here is drawn only when doc.Signed is set.

// Type sizes and colours of the signed parts.
const (
	typedSignatureSize = 17.0 // the typed name, in italic: larger than the text, like a hand
	signedLineSize     = 9.0  // "Underskrevet 21.2.2015 kl. 14.32 i Korsør"
	signedLine         = 4.4
	hashSize           = 8.0 // a SHA-256 in hex: 64 characters on one line
)

// DefaultClockNote is the certificate page's statement on the times and
// the seal, printed when Signed.ClockNote is empty: the page must always
// say what its times are worth.
const DefaultClockNote = "Tidspunkterne kommer fra uret i den computer, som underskrivningen foregik på; " +
	"de er ikke bekræftet af en tidsstempeltjeneste. Filen er forseglet med et elektronisk segl, der beskytter " +
	"den mod ændringer: enhver ændring efter forseglingen kan ses, når seglet kontrolleres."

// penColour is the dark blue of a ballpoint pen, for the typed name.
var penColour = colour{20, 36, 110} // the drawn ink's colour (ink.go), so typed and drawn look alike

// given is the signature of signer i, or nil when it has not been given
// (an agreement not yet signed, or a signer the signing did not reach).
func (r *renderer) given(i int) *GivenSignature {
	if r.doc.Signed == nil || i >= len(r.doc.Signed.Signatures) {
		return nil
	}
	g := &r.doc.Signed.Signatures[i]
	if g.Method == "" {
		return nil
	}
	return g
}

// blockHeight is the height of signer i's block, signed or blank.
func (r *renderer) blockHeight(i int, w float64) float64 {
	s := r.doc.Signers[i]
	g := r.given(i)
	if g == nil {
		return r.signatureHeight(s, w)
	}
	n := len(r.forLines(s, w))
	return float64(n)*bodyLine + signatureSpace + 1.5 + 2*bodyLine + 2 +
		float64(len(r.signedLines(*g, w)))*signedLine
}

// signatureAt draws signer i's block: the given signature when there is
// one, else blank lines to sign on.
func (r *renderer) signatureAt(i int, x, y, w float64, head int) {
	s := r.doc.Signers[i]
	g := r.given(i)
	if g == nil {
		r.signature(s, x, y, w, head)
		return
	}
	r.setColour(inkColour)
	for _, l := range r.forLines(s, w) {
		r.drawLine(l, x, baseline(y, bodyLine, bodySize), w, bodySize, AlignLeft)
		y += bodyLine
		head--
	}
	y += float64(max(head, 0))*bodyLine + signatureSpace
	r.givenMark(i, *g, x, y, w)
	r.pdf.SetDrawColor(inkColour.r, inkColour.g, inkColour.b)
	r.pdf.SetLineWidth(0.3)
	r.pdf.Line(x, y, x+w, y)
	y += 1.5
	r.setColour(inkColour)
	r.drawText(x, baseline(y, bodyLine, bodySize), r.ellipsis(s.Name, "B", bodySize, w), "B", bodySize)
	y += bodyLine
	r.setColour(mutedColour)
	r.drawText(x, baseline(y, bodyLine, bodySize), r.ellipsis(s.Title, "", bodySize, w), "", bodySize)
	y += bodyLine + 2
	r.setColour(inkColour)
	for _, l := range r.signedLines(*g, w) {
		r.drawLine(l, x, baseline(y, signedLine, signedLineSize), w, signedLineSize, AlignLeft)
		y += signedLine
	}
}

// givenMark draws the signature itself in the room above the line whose
// height is lineY.
func (r *renderer) givenMark(i int, g GivenSignature, x, lineY, w float64) {
	switch g.Method {
	case MethodDrawn:
		r.signatureImage(i, g.ImagePNG, x, lineY, w)
	case MethodTyped:
		name := g.TypedName
		if strings.TrimSpace(name) == "" {
			name = r.doc.Signers[i].Name
		}
		r.setColour(penColour)
		r.drawText(x+1, lineY-3.2, r.ellipsis(name, "I", typedSignatureSize, w-2), "I", typedSignatureSize)
	case MethodPaper:
		r.setColour(mutedColour)
		r.drawText(x+1, lineY-3.2, "(underskrevet på papir)", "I", bodySize)
	}
}

// signatureImage places a drawn signature in the room above the line:
// its ink as large as fits (the pad around it is mostly empty; at most
// maxInkScale times the whole pad's fit, so a small scribble does not
// become a blot), its proportions kept, standing on the line. The stored
// PNG goes into the PDF as it is; the empty rest of the pad is clipped
// away. A PNG that cannot be read fails the rendering: a signed agreement
// must never come out without a signature that was given.
func (r *renderer) signatureImage(i int, png []byte, x, lineY, w float64) {
	img, _, err := image.Decode(bytes.NewReader(png))
	if err != nil {
		r.pdf.SetError(fmt.Errorf("underskrift %d: billedet kan ikke læses: %v", i+1, err))
		return
	}
	b := img.Bounds()
	ink := inkBounds(img)
	if ink.Empty() {
		ink = b
	}
	// A little of the pad around the ink, so that round ends are not cut.
	ink = ink.Inset(-max(2, b.Dx()/150)).Intersect(b)
	maxW, maxH := w-2, signatureSpace-1.5
	fit := func(r image.Rectangle) float64 { // mm per pixel for r to fit the room
		return min(maxW/float64(r.Dx()), maxH/float64(r.Dy()))
	}
	k := min(fit(ink), maxInkScale*fit(b))
	name := fmt.Sprintf("signatur-%d", i+1)
	opt := gofpdf.ImageOptions{ImageType: "PNG"}
	r.pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(png))
	if r.pdf.Error() != nil {
		return
	}
	top := lineY - signatureSpace + 0.5
	r.pdf.ClipRect(x, top, w, lineY-top, false)
	r.pdf.ImageOptions(name, x+1-float64(ink.Min.X-b.Min.X)*k, lineY-0.4-float64(ink.Max.Y-b.Min.Y)*k,
		float64(b.Dx())*k, float64(b.Dy())*k, false, opt, 0, "")
	r.pdf.ClipEnd()
	r.forgetFont() // the clip's graphics state is restored
}

// maxInkScale is how much larger than the whole pad's fit a signature's
// ink may be drawn.
const maxInkScale = 2.5

// inkBounds is the smallest rectangle holding every pixel that is not
// fully transparent.
func inkBounds(img image.Image) image.Rectangle {
	b := img.Bounds()
	opaque := func(x, y int) bool { _, _, _, a := img.At(x, y).RGBA(); return a != 0 }
	switch m := img.(type) {
	case *image.Paletted: // what RenderInk writes: look the alpha up once per entry
		seen := make([]bool, len(m.Palette))
		for i, c := range m.Palette {
			_, _, _, a := c.RGBA()
			seen[i] = a != 0
		}
		opaque = func(x, y int) bool {
			i := m.Pix[m.PixOffset(x, y)]
			return int(i) < len(seen) && seen[i]
		}
	case *image.NRGBA:
		opaque = func(x, y int) bool { return m.Pix[m.PixOffset(x, y)+3] != 0 }
	}
	out := image.Rectangle{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		x0 := -1
		for x := b.Min.X; x < b.Max.X; x++ {
			if opaque(x, y) {
				x0 = x
				break
			}
		}
		if x0 < 0 {
			continue
		}
		x1 := x0
		for x := b.Max.X - 1; x > x0; x-- {
			if opaque(x, y) {
				x1 = x
				break
			}
		}
		out = out.Union(image.Rect(x0, y, x1+1, y+1))
	}
	return out
}

// signedLines is "Underskrevet 21.2.2015 kl. 14.32 i Korsør" (or "… på
// papir 21.2.2015"), wrapped to the block's width.
func (r *renderer) signedLines(g GivenSignature, w float64) []line {
	return r.layout([]Inline{{Text: signedText(g)}}, signedLineSize, w, false)
}

// signedText says when and where a signature was given, from what the
// signing recorded. The time is printed in the zone it was recorded in.
func signedText(g GivenSignature) string {
	var b strings.Builder
	b.WriteString("Underskrevet")
	if g.Method == MethodPaper {
		b.WriteString(" på papir")
		if !g.SignedAt.IsZero() {
			b.WriteString(" " + dk.FormatDate(g.SignedAt))
		}
	} else if !g.SignedAt.IsZero() {
		b.WriteString(" " + dk.FormatDateTime(g.SignedAt))
	}
	if p := strings.TrimSpace(g.Place); p != "" {
		b.WriteString(" i " + p)
	}
	return b.String()
}

// methodLabel is how a signature was given, in Danish.
func methodLabel(m SignatureMethod) string {
	switch m {
	case MethodDrawn:
		return "tegnet på skærm"
	case MethodTyped:
		return "maskinskrevet"
	case MethodPaper:
		return "papir"
	}
	return string(m)
}
