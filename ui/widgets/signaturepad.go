package widgets

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/agreement"
)

// The signature pad: the signer draws with mouse, touchpad, touch screen or
// pen. Points are kept per stroke, normalised to the pad (0…1 both ways), so
// the same strokes render at any size; the ink shown on screen is drawn by
// agreement.RenderInk, the function that draws the stored PNG, so what the
// signer sees is what the agreement keeps.

// padAspect is the pad's width over its height at its smallest.
const padAspect = 3.0

// StoredInkWidth is the width in pixels of the PNG that is stored.
const StoredInkWidth = 900

// inkFrame is the shortest time between two renders while drawing (~60/s).
const inkFrame = 16 * time.Millisecond

// SignaturePad is where a signer draws a signature.
type SignaturePad struct {
	widget.BaseWidget

	strokes [][]data.InkPoint
	drawing bool // a stroke is under way
	// OnChange runs after each redraw of the ink.
	OnChange func()

	ink      *canvas.Image
	mu       sync.Mutex // guards lastDraw and pending between the throttle timer and the UI
	lastDraw time.Time
	pending  bool
}

var (
	_ fyne.Draggable    = (*SignaturePad)(nil)
	_ desktop.Mouseable = (*SignaturePad)(nil)
)

// NewSignaturePad makes an empty pad.
func NewSignaturePad() *SignaturePad {
	p := &SignaturePad{ink: canvas.NewImageFromImage(nil)}
	p.ink.FillMode = canvas.ImageFillStretch
	p.ink.ScaleMode = canvas.ImageScaleSmooth
	p.ExtendBaseWidget(p)
	return p
}

// Strokes returns a copy of what has been drawn.
func (p *SignaturePad) Strokes() [][]data.InkPoint {
	out := make([][]data.InkPoint, len(p.strokes))
	for i, s := range p.strokes {
		out[i] = append([]data.InkPoint(nil), s...)
	}
	return out
}

// Empty tells whether nothing has been drawn.
func (p *SignaturePad) Empty() bool { return len(p.strokes) == 0 }

// Clear removes every stroke ("Ryd").
func (p *SignaturePad) Clear() {
	p.strokes, p.drawing = nil, false
	p.redraw()
}

// Undo removes the last stroke ("Fortryd streg").
func (p *SignaturePad) Undo() {
	if len(p.strokes) > 0 {
		p.strokes = p.strokes[:len(p.strokes)-1]
	}
	p.drawing = false
	p.redraw()
}

// PNG renders the strokes for storing: StoredInkWidth wide, in the pad's
// own proportions, so the stored signature looks as it did on screen.
func (p *SignaturePad) PNG() ([]byte, error) {
	h := int(StoredInkWidth / padAspect)
	if size := p.Size(); size.Width > 0 && size.Height > 0 {
		h = int(StoredInkWidth * size.Height / size.Width)
	}
	return agreement.RenderInk(p.strokes, StoredInkWidth, h)
}

// point normalises a position on the pad.
func (p *SignaturePad) point(pos fyne.Position) data.InkPoint {
	size := p.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return data.InkPoint{}
	}
	return data.InkPoint{X: clamp01(pos.X / size.Width), Y: clamp01(pos.Y / size.Height)}
}

func clamp01(v float32) float32 {
	switch {
	case v < 0:
		return 0
	case v > 1:
		return 1
	}
	return v
}

func (p *SignaturePad) begin(pos fyne.Position) {
	p.strokes = append(p.strokes, []data.InkPoint{p.point(pos)})
	p.drawing = true
}

// MouseDown starts a stroke where the button goes down.
func (p *SignaturePad) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	p.begin(ev.Position)
	p.redrawSoon()
}

// MouseUp ends the stroke; a click without a move leaves a dot.
func (p *SignaturePad) MouseUp(*desktop.MouseEvent) { p.end() }

// Dragged extends the stroke; a touch screen sends no MouseDown, so a drag
// that finds no stroke under way starts one where it began.
func (p *SignaturePad) Dragged(ev *fyne.DragEvent) {
	if !p.drawing {
		p.begin(ev.Position.Subtract(fyne.NewPos(ev.Dragged.DX, ev.Dragged.DY)))
	}
	last := &p.strokes[len(p.strokes)-1]
	*last = append(*last, p.point(ev.Position))
	p.redrawSoon()
}

// DragEnd ends the stroke.
func (p *SignaturePad) DragEnd() { p.end() }

func (p *SignaturePad) end() {
	if !p.drawing {
		return
	}
	p.drawing = false
	p.redraw()
}

// redrawSoon renders now unless the last render was less than a frame ago;
// then once more at the end of that frame, so a fast drag costs at most
// ~60 renders a second and the last point is always shown.
func (p *SignaturePad) redrawSoon() {
	p.mu.Lock()
	wait := inkFrame - time.Since(p.lastDraw)
	if wait <= 0 {
		p.mu.Unlock()
		p.redraw()
		return
	}
	if p.pending {
		p.mu.Unlock()
		return
	}
	p.pending = true
	p.mu.Unlock()
	Later(wait, func() {
		p.mu.Lock()
		still := p.pending
		p.mu.Unlock()
		if still {
			p.redraw()
		}
	})
}

// redraw renders the strokes at the pad's size on screen, in device pixels.
func (p *SignaturePad) redraw() {
	p.mu.Lock()
	p.lastDraw, p.pending = time.Now(), false
	p.mu.Unlock()
	p.ink.Image = p.render()
	p.Refresh()
	if p.OnChange != nil {
		p.OnChange()
	}
}

func (p *SignaturePad) render() image.Image {
	size := p.Size()
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		scale = c.Scale()
	}
	w, h := int(size.Width*scale), int(size.Height*scale)
	if w < 1 || h < 1 || len(p.strokes) == 0 {
		return image.NewNRGBA(image.Rect(0, 0, 1, 1)) // transparent
	}
	b, err := agreement.RenderInk(p.strokes, w, h)
	if err != nil {
		fyne.LogError("signature pad", err)
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		fyne.LogError("signature pad", err)
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	}
	return img
}

// Resize re-renders the ink for the new size.
func (p *SignaturePad) Resize(size fyne.Size) {
	if size == p.Size() {
		return
	}
	p.BaseWidget.Resize(size)
	p.redraw()
}

// Cursor shows a cross hair over the pad.
func (p *SignaturePad) Cursor() desktop.Cursor { return desktop.CrosshairCursor }

func (p *SignaturePad) CreateRenderer() fyne.WidgetRenderer {
	paper := canvas.NewRectangle(color.White)
	paper.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	paper.StrokeWidth = 1
	paper.CornerRadius = theme.InputRadiusSize()
	line := canvas.NewLine(color.NRGBA{R: 0x90, G: 0x90, B: 0x90, A: 0xff})
	line.StrokeWidth = 1
	cross := canvas.NewText("×", color.NRGBA{R: 0x90, G: 0x90, B: 0x90, A: 0xff})
	cross.TextSize = theme.TextSize() * 1.6
	hint := canvas.NewText(lang.X("signing.pad.hint", "Tegn underskriften her med mus, pegeplade, finger eller pen"),
		color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff})
	hint.TextSize = theme.CaptionTextSize()
	return &padRenderer{p: p, paper: paper, line: line, cross: cross, hint: hint}
}

type padRenderer struct {
	p     *SignaturePad
	paper *canvas.Rectangle
	line  *canvas.Line
	cross *canvas.Text
	hint  *canvas.Text
}

func (r *padRenderer) Layout(size fyne.Size) {
	r.paper.Resize(size)
	r.p.ink.Resize(size)
	r.p.ink.Move(fyne.NewPos(0, 0))
	base := size.Height * 0.72
	r.line.Position1 = fyne.NewPos(size.Width*0.06, base)
	r.line.Position2 = fyne.NewPos(size.Width*0.94, base)
	cs := r.cross.MinSize()
	r.cross.Move(fyne.NewPos(size.Width*0.06, base-cs.Height))
	hs := r.hint.MinSize()
	r.hint.Move(fyne.NewPos((size.Width-hs.Width)/2, base+theme.Padding()))
}

func (r *padRenderer) MinSize() fyne.Size { return fyne.NewSize(480, 480/padAspect) }

func (r *padRenderer) Refresh() {
	r.hint.Hidden = !r.p.Empty()
	r.hint.Refresh()
	r.p.ink.Refresh()
}

func (r *padRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.paper, r.line, r.cross, r.hint, r.p.ink}
}

func (r *padRenderer) Destroy() {}

// PadLayout gives the pad the whole width it can have at its proportions
// (padAspect), centred: the signature keeps the shape of a signature line
// on a wide or a tall window, and the stored PNG the shape it had on screen.
type PadLayout struct{}

func (PadLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w, h := size.Width, size.Width/padAspect
	if h > size.Height {
		h, w = size.Height, size.Height*padAspect
	}
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, (size.Height-h)/2))
	}
}

func (PadLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objs {
		min = min.Max(o.MinSize())
	}
	return min
}
