package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// MinHeight gives a list a height to show a few rows inside a scrolling
// form, where it would otherwise collapse to one row.
type MinHeight struct{ H float32 }

func (m *MinHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (m *MinHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(0, m.H)
	for _, o := range objs {
		s = s.Max(fyne.NewSize(o.MinSize().Width, m.H))
	}
	return s
}

// MinWidth keeps a dialog's form wide enough to type in.
type MinWidth struct{ W float32 }

func (m *MinWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (m *MinWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(m.W, 0)
	for _, o := range objs {
		s = s.Max(fyne.NewSize(m.W, o.MinSize().Height))
	}
	return s
}

// Weighted lays its objects out side by side, each as wide as its share
// of the weights (a row of an action item: what, who, by when, done).
type Weighted struct{ Weights []float32 }

func (w *Weighted) total() float32 {
	var t float32
	for _, x := range w.Weights {
		t += x
	}
	return t
}

func (w *Weighted) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding()
	free := size.Width - gap*float32(max(len(objs)-1, 0))
	x := float32(0)
	for i, o := range objs {
		wt := float32(1)
		if i < len(w.Weights) {
			wt = w.Weights[i]
		}
		cw := free * wt / w.total()
		o.Resize(fyne.NewSize(cw, size.Height))
		o.Move(fyne.NewPos(x, 0))
		x += cw + gap
	}
}

func (w *Weighted) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s.AddWidthHeight(theme.Padding()*float32(max(len(objs)-1, 0)), 0)
}
