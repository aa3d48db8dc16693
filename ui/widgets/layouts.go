package widgets

import "fyne.io/fyne/v2"

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
