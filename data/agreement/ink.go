package agreement

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"

	"golang.org/x/image/vector"

	"partnerskab/data"
)

// A drawn signature is its strokes: the points the pad sampled, normalised
// to the pad (0…1 across and down). RenderInk turns them into the PNG that
// the pad shows while drawing and the agreement stores, so what the signer
// sees is what is kept. How much ink is enough is one rule, in package data
// (data.MinInk), which the store applies when a signature is saved.

// Point is one sampled point of a stroke, normalised to the pad.
type Point = data.InkPoint

// MinInk is the least ink a drawn signature needs (see InkAmount).
const MinInk = data.MinInk

// InkAmount is the strokes' total length as a share of the pad's diagonal.
func InkAmount(strokes [][]Point) float64 { return data.InkAmount(strokes) }

// signatureInk is a dark blue, like a ballpoint pen.
var signatureInk = color.RGBA{R: 0x14, G: 0x24, B: 0x6e, A: 0xff}

// inkWidth is the stroke width in pixels for an image width pixels wide:
// 2.5 px up to 900 px, wider for larger images so the line keeps its weight.
func inkWidth(width int) float32 {
	if width <= 900 {
		return 2.5
	}
	return 2.5 * float32(width) / 900
}

// RenderInk draws the strokes anti-aliased on a transparent width×height
// image with round joins and caps, smoothed through the sampled points
// (Catmull-Rom), and returns it as PNG. The same strokes always give the
// same bytes.
//
// The PNG is paletted: one fully transparent entry and inkLevels shades
// of the ink, each already blended with white paper and carrying its
// coverage as alpha. A viewer that honours alpha (the window) shows smooth
// edges; the PDF, whose library keeps only the fully transparent entry as a
// mask, prints the blended shades on white paper, which looks the same, and
// embeds the image without decoding and recompressing it, which keeps the
// export fast.
func RenderInk(strokes [][]Point, width, height int) ([]byte, error) {
	if width <= 0 || height <= 0 || width > 8000 || height > 8000 {
		return nil, fmt.Errorf("underskriftens billede kan ikke være %d×%d punkter", width, height)
	}
	cover := image.NewAlpha(image.Rect(0, 0, width, height))
	if len(strokes) > 0 {
		z := vector.NewRasterizer(width, height)
		r := inkWidth(width) / 2
		sx, sy := float32(width), float32(height)
		for _, st := range strokes {
			pts := make([]pt, 0, len(st))
			for _, p := range st {
				pts = append(pts, pt{clamp(p.X) * sx, clamp(p.Y) * sy})
			}
			drawStroke(z, smooth(pts), r)
		}
		z.Draw(cover, cover.Bounds(), image.Opaque, image.Point{})
	}
	img := &image.Paletted{Pix: make([]uint8, len(cover.Pix)), Stride: cover.Stride, Rect: cover.Rect, Palette: inkPalette}
	for i, a := range cover.Pix {
		img.Pix[i] = uint8((int(a)*inkLevels + 127) / 255)
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// inkLevels is how many shades of coverage the PNG keeps besides none.
const inkLevels = 63

// inkPalette is entry 0 transparent, then the ink at rising coverage,
// blended with white and with that coverage as alpha.
var inkPalette = func() color.Palette {
	p := color.Palette{color.NRGBA{255, 255, 255, 0}}
	blend := func(c uint8, a int) uint8 { return uint8((int(c)*a + 255*(inkLevels-a) + inkLevels/2) / inkLevels) }
	for a := 1; a <= inkLevels; a++ {
		p = append(p, color.NRGBA{blend(signatureInk.R, a), blend(signatureInk.G, a), blend(signatureInk.B, a),
			uint8((a*255 + inkLevels/2) / inkLevels)})
	}
	return p
}()

type pt struct{ x, y float32 }

func clamp(v float32) float32 {
	if v < 0 || v != v {
		return 0
	}
	if v > 1 {
		return 1
	}
	return v
}

// smooth adds points on a Catmull-Rom curve between the sampled ones, about
// one every 2 px, so fast strokes come out as curves and not as corners.
func smooth(p []pt) []pt {
	if len(p) < 3 {
		return p
	}
	out := make([]pt, 0, len(p)*2)
	at := func(i int) pt {
		if i < 0 {
			return p[0]
		}
		if i >= len(p) {
			return p[len(p)-1]
		}
		return p[i]
	}
	for i := 0; i < len(p)-1; i++ {
		p0, p1, p2, p3 := at(i-1), p[i], p[i+1], at(i+2)
		out = append(out, p1)
		n := int(math.Hypot(float64(p2.x-p1.x), float64(p2.y-p1.y)) / 2)
		if n > 12 {
			n = 12
		}
		for k := 1; k < n; k++ {
			t := float32(k) / float32(n)
			t2, t3 := t*t, t*t*t
			out = append(out, pt{
				0.5 * (2*p1.x + (-p0.x+p2.x)*t + (2*p0.x-5*p1.x+4*p2.x-p3.x)*t2 + (-p0.x+3*p1.x-3*p2.x+p3.x)*t3),
				0.5 * (2*p1.y + (-p0.y+p2.y)*t + (2*p0.y-5*p1.y+4*p2.y-p3.y)*t2 + (-p0.y+3*p1.y-3*p2.y+p3.y)*t3),
			})
		}
	}
	return append(out, p[len(p)-1])
}

// drawStroke adds a round-capped, round-joined line through pts: a disc at
// every point and a rectangle along every segment, all wound the same way
// so that where they overlap the coverage adds up instead of cancelling.
func drawStroke(z *vector.Rasterizer, pts []pt, r float32) {
	for i, p := range pts {
		disc(z, p, r)
		if i == 0 {
			continue
		}
		q := pts[i-1]
		dx, dy := p.x-q.x, p.y-q.y
		l := float32(math.Hypot(float64(dx), float64(dy)))
		if l < 1e-3 {
			continue
		}
		nx, ny := -dy/l*r, dx/l*r
		// clockwise on screen, like disc
		z.MoveTo(q.x+nx, q.y+ny)
		z.LineTo(q.x-nx, q.y-ny)
		z.LineTo(p.x-nx, p.y-ny)
		z.LineTo(p.x+nx, p.y+ny)
		z.ClosePath()
	}
}

// discSides is enough for a circle a few pixels across.
const discSides = 12

func disc(z *vector.Rasterizer, c pt, r float32) {
	z.MoveTo(c.x+r, c.y)
	for k := 1; k < discSides; k++ {
		a := 2 * math.Pi * float64(k) / discSides
		z.LineTo(c.x+r*float32(math.Cos(a)), c.y+r*float32(math.Sin(a)))
	}
	z.ClosePath()
}
