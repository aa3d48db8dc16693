package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// ShowInScroll scrolls the scroll containers that hold obj (innermost
// first) just far enough that obj is in view, with a little room: a field
// that gets the focus (by Tab, or after a refused save) is never hidden
// below the fold of a long form.
func ShowInScroll(obj fyne.CanvasObject) {
	c := fyne.CurrentApp().Driver().CanvasForObject(obj)
	if c == nil {
		return
	}
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	for _, root := range roots {
		if path := pathTo(root, obj); path != nil {
			for i := len(path) - 1; i >= 0; i-- {
				if s, ok := path[i].(*container.Scroll); ok {
					reveal(s, obj)
				}
			}
			return
		}
	}
}

// reveal moves s's offset so that obj, somewhere inside s, shows.
func reveal(s *container.Scroll, obj fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(s).Y
	const room = 8
	off := s.Offset
	switch {
	case top < room:
		off.Y += top - room
	case top+obj.Size().Height > s.Size().Height-room:
		off.Y += top + obj.Size().Height - s.Size().Height + room
	default:
		return
	}
	off.Y = max(0, min(off.Y, s.Content.MinSize().Height-s.Size().Height))
	s.ScrollToOffset(off)
}

// pathTo is the chain of objects from root down to obj, or nil. It goes
// through the containers a form is built of; a widget's inside is its own.
func pathTo(root, obj fyne.CanvasObject) []fyne.CanvasObject {
	if root == nil {
		return nil
	}
	if root == obj {
		return []fyne.CanvasObject{root}
	}
	var children []fyne.CanvasObject
	switch o := root.(type) {
	case *fyne.Container:
		children = o.Objects
	case *container.Scroll:
		children = []fyne.CanvasObject{o.Content}
	case *container.Split:
		children = []fyne.CanvasObject{o.Leading, o.Trailing}
	case *container.AppTabs:
		for _, it := range o.Items {
			children = append(children, it.Content)
		}
	case *container.ThemeOverride:
		children = []fyne.CanvasObject{o.Content}
	case *tabPage:
		children = []fyne.CanvasObject{o.content}
	}
	for _, ch := range children {
		if p := pathTo(ch, obj); p != nil {
			return append([]fyne.CanvasObject{root}, p...)
		}
	}
	return nil
}
