package widgets

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partnerskab/data"
)

// BenchmarkPadRender is one redraw of the pad while a signature is being
// drawn: RenderInk at the pad's size on screen and the PNG decoded for the
// canvas. The pad redraws at most every inkFrame (16 ms) while drawing.
func BenchmarkPadRender(b *testing.B) {
	test.NewTempApp(b)
	p := NewSignaturePad()
	p.Resize(fyne.NewSize(1184, 395))
	var stroke []data.InkPoint
	for i := 0; i <= 400; i++ {
		t := float64(i) / 400
		stroke = append(stroke, data.InkPoint{X: float32(0.12 + 0.7*t + 0.035*math.Sin(14*math.Pi*t)),
			Y: float32(0.5 - 0.2*math.Sin(7*math.Pi*t)*math.Exp(-t) + 0.06*math.Cos(14*math.Pi*t))})
	}
	p.strokes = [][]data.InkPoint{stroke, {{X: 0.2, Y: 0.8}, {X: 0.85, Y: 0.78}}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if img := p.render(); img.Bounds().Dx() < 100 {
			b.Fatalf("rendered %v", img.Bounds())
		}
	}
}
