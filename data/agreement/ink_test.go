package agreement

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"partnerskab/data"
)

// wave is a plausible written line across the middle of the pad.
func wave() [][]Point {
	var st []Point
	for i := 0; i <= 40; i++ {
		x := 0.1 + 0.8*float32(i)/40
		y := float32(0.5)
		if i%4 < 2 {
			y = 0.35
		}
		st = append(st, Point{X: x, Y: y})
	}
	return [][]Point{st}
}

func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	return img
}

func TestRenderInkDrawsOnTransparent(t *testing.T) {
	b, err := RenderInk(wave(), 600, 200)
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b)
	if img.Bounds().Dx() != 600 || img.Bounds().Dy() != 200 {
		t.Fatalf("size %v, want 600×200", img.Bounds())
	}
	if _, _, _, a := img.At(2, 2).RGBA(); a != 0 {
		t.Errorf("corner alpha %d; the background must be transparent", a)
	}
	var solid, partial int
	for y := 0; y < 200; y++ {
		for x := 0; x < 600; x++ {
			_, _, _, a := img.At(x, y).RGBA()
			switch {
			case a == 0xffff:
				solid++
			case a > 0:
				partial++
			}
		}
	}
	if solid < 500 {
		t.Errorf("%d solid ink pixels; the stroke is missing", solid)
	}
	if partial < 200 {
		t.Errorf("%d partly covered pixels; the edges are not anti-aliased", partial)
	}
	// The line runs where the points are: under the first point, not far off it.
	if _, _, _, a := img.At(60, 70).RGBA(); a == 0 {
		t.Errorf("no ink at the first point (60,70)")
	}
	if _, _, _, a := img.At(300, 180).RGBA(); a != 0 {
		t.Errorf("ink at (300,180), far below the line")
	}
	again, _ := RenderInk(wave(), 600, 200)
	if !bytes.Equal(b, again) {
		t.Error("the same strokes gave different bytes")
	}
}

func TestRenderInkEmptyAndDot(t *testing.T) {
	b, err := RenderInk(nil, 300, 100)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := decode(t, b).At(150, 50).RGBA(); a != 0 {
		t.Error("an empty pad drew ink")
	}
	b, err = RenderInk([][]Point{{{X: 0.5, Y: 0.5}}}, 300, 100)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := decode(t, b).At(150, 50).RGBA(); a == 0 {
		t.Error("a single point drew no dot")
	}
	if _, err := RenderInk(wave(), 0, 100); err == nil {
		t.Error("a 0-wide image was accepted")
	}
}

func TestInkAmountRefusesAlmostNothing(t *testing.T) {
	dot := [][]Point{{{X: 0.5, Y: 0.5}, {X: 0.52, Y: 0.51}}}
	if InkAmount(dot) >= MinInk {
		t.Errorf("a tick has ink %.2f ≥ %.2f", InkAmount(dot), MinInk)
	}
	if InkAmount(wave()) < MinInk {
		t.Errorf("a written line has ink %.2f < %.2f", InkAmount(wave()), MinInk)
	}
	if err := data.CheckInk(dot); err == nil {
		t.Error("the store's rule accepted a tick")
	} else if v, ok := data.AsValidation(err); !ok || v.Problems[0].Field != "Signature" {
		t.Errorf("error %v is not a problem with the signature", err)
	}
	if err := data.CheckInk(wave()); err != nil {
		t.Errorf("the store's rule refused a written line: %v", err)
	}
}
