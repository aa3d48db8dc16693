// Command genicon draws the application icon, assets/icon.png: a house roof
// over two overlapping circles (two partners and the ground they share).
//
// Run it from the repository root with `make icon` or
// `go run ./tools/genicon -o assets/icon.png`. It uses only the standard
// library and is deterministic, so the PNG can be regenerated at will.
// With -ico FILE it writes the Windows icon file the installer gives the
// Start-menu shortcut and Apps & features.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

// Palette: a muted blue ground, a warm accent, a light blue and a cream.
var (
	bgTop    = rgb(0x3D, 0x6E, 0x8F)
	bgBottom = rgb(0x27, 0x4C, 0x69)
	cream    = rgb(0xF7, 0xF1, 0xE6)
	amber    = rgb(0xE9, 0xA2, 0x3B)
	skyBlue  = rgb(0x9D, 0xC6, 0xE0)
)

type fcolor struct{ r, g, b, a float64 }

func rgb(r, g, b uint8) fcolor {
	return fcolor{float64(r) / 255, float64(g) / 255, float64(b) / 255, 1}
}

func lerp(a, b fcolor, t float64) fcolor {
	return fcolor{
		a.r + (b.r-a.r)*t,
		a.g + (b.g-a.g)*t,
		a.b + (b.b-a.b)*t,
		a.a + (b.a-a.a)*t,
	}
}

// Signed distance functions: negative inside, positive outside.

func roundedRect(x, y, x0, y0, x1, y1, r float64) float64 {
	cx, cy := (x0+x1)/2, (y0+y1)/2
	hx, hy := (x1-x0)/2-r, (y1-y0)/2-r
	dx, dy := math.Abs(x-cx)-hx, math.Abs(y-cy)-hy
	outside := math.Hypot(math.Max(dx, 0), math.Max(dy, 0))
	inside := math.Min(math.Max(dx, dy), 0)
	return outside + inside - r
}

func circle(x, y, cx, cy, r float64) float64 {
	return math.Hypot(x-cx, y-cy) - r
}

func segment(x, y, ax, ay, bx, by float64) float64 {
	px, py := x-ax, y-ay
	vx, vy := bx-ax, by-ay
	t := (px*vx + py*vy) / (vx*vx + vy*vy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(px-vx*t, py-vy*t)
}

// shade returns the colour of the icon at point (x, y) in a 512×512 frame.
func shade(x, y float64) fcolor {
	if roundedRect(x, y, 16, 16, 496, 496, 104) > 0 {
		return fcolor{}
	}
	c := lerp(bgTop, bgBottom, (y-16)/480)

	// Roof: a thick chevron with round ends.
	const roofHalfWidth = 24
	roof := math.Min(
		segment(x, y, 118, 220, 256, 96),
		segment(x, y, 256, 96, 394, 220),
	) - roofHalfWidth

	// Two partners, overlapping; the shared part is cream like the roof.
	left := circle(x, y, 206, 352, 88)
	right := circle(x, y, 306, 352, 88)

	switch {
	case roof <= 0:
		c = cream
	case left <= 0 && right <= 0:
		c = cream
	case left <= 0:
		c = skyBlue
	case right <= 0:
		c = amber
	}
	return c
}

func render(size int) *image.NRGBA {
	const samples = 4 // per axis: 16 samples per pixel for smooth edges
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scale := 512 / float64(size)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var acc fcolor // premultiplied
			for sy := 0; sy < samples; sy++ {
				for sx := 0; sx < samples; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/samples) * scale
					y := (float64(py) + (float64(sy)+0.5)/samples) * scale
					c := shade(x, y)
					acc.r += c.r * c.a
					acc.g += c.g * c.a
					acc.b += c.b * c.a
					acc.a += c.a
				}
			}
			n := float64(samples * samples)
			a := acc.a / n
			if a == 0 {
				continue
			}
			to8 := func(v float64) uint8 { return uint8(math.Round(math.Min(1, v) * 255)) }
			img.SetNRGBA(px, py, color.NRGBA{
				R: to8(acc.r / acc.a),
				G: to8(acc.g / acc.a),
				B: to8(acc.b / acc.a),
				A: to8(a),
			})
		}
	}
	return img
}

func main() {
	out := flag.String("o", "assets/icon.png", "where to write the PNG")
	size := flag.Int("size", 512, "width and height in pixels")
	ico := flag.String("ico", "", "write a Windows icon file (16 to 256 pixels) here instead of the PNG")
	flag.Parse()

	if *ico != "" {
		*out = *ico
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genicon:", err)
		os.Exit(1)
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if *ico != "" {
		err = writeICO(f, icoSizes)
	} else {
		err = enc.Encode(f, render(*size))
	}
	if err != nil {
		f.Close()
		fmt.Fprintf(os.Stderr, "genicon: writing %s: %v\n", *out, err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintf(os.Stderr, "genicon: writing %s: %v\n", *out, err)
		os.Exit(1)
	}
}
