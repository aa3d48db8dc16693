package form

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Layout arranges a register's list and form.
type Layout[R, F any] interface {
	list(r *Register[R, F], ls ListSpec[R]) ListSpec[R]
	content(r *Register[R, F]) fyne.CanvasObject
}

// Pane is the standard layout: the list on the left, the form on the
// right with its heading, state line and buttons.
type Pane[R, F any] struct {
	Split   float64                                          // where the list ends (0.34 if 0)
	Body    func(fields fyne.CanvasObject) fyne.CanvasObject // wraps the fields; nil: they scroll
	Above   []fyne.CanvasObject                              // under the heading and state line
	Below   []fyne.CanvasObject                              // over the buttons
	Buttons []fyne.CanvasObject                              // more buttons, before the archive button
	ListTop fyne.CanvasObject                                // over the list
}

// Standard is the list+form layout with nothing added.
func Standard[R, F any]() Layout[R, F] { return &Pane[R, F]{} }

func (p *Pane[R, F]) list(r *Register[R, F], ls ListSpec[R]) ListSpec[R] {
	if r.ShowArchived != nil {
		if ls.Filters == nil {
			ls.Filters = r.ShowArchived
		} else {
			ls.Filters = container.NewBorder(nil, nil, nil, r.ShowArchived, ls.Filters)
		}
	}
	return ls
}

func (p *Pane[R, F]) content(r *Register[R, F]) fyne.CanvasObject {
	left := r.List.Content
	if r.spec.CSV != "" {
		left = container.NewBorder(nil, CSVButtons(r.host, r.spec.CSV, r.host.Reload), nil, nil, left)
	}
	if p.ListTop != nil {
		left = container.NewBorder(p.ListTop, nil, nil, nil, left)
	}
	var body fyne.CanvasObject = container.NewVScroll(r.Form.Fields.Object())
	if p.Body != nil {
		body = p.Body(r.Form.Fields.Object())
	}
	buttons := []fyne.CanvasObject{r.SaveButton, r.CancelButton, layout.NewSpacer()}
	buttons = append(buttons, p.Buttons...)
	if r.ArchiveButton != nil {
		buttons = append(buttons, r.ArchiveButton)
	}
	top := append([]fyne.CanvasObject{r.Form.Heading, r.Form.State}, p.Above...)
	bottom := append(append([]fyne.CanvasObject{}, p.Below...), container.NewHBox(buttons...))
	pane := container.NewBorder(container.NewVBox(top...), vbox(bottom), nil, nil, body)
	split := container.NewHSplit(left, container.NewPadded(pane))
	split.Offset = 0.34
	if p.Split != 0 {
		split.Offset = p.Split
	}
	return split
}

// Compact is a short list with its small form under it: no search, no
// paging worth the name, a few fields (the schemes, the target groups).
type Compact[R, F any] struct {
	Title, Help string
	NewButton   *widget.Button
}

func (c *Compact[R, F]) list(r *Register[R, F], ls ListSpec[R]) ListSpec[R] {
	ls.Search, ls.NewLabel, ls.Count = "", "", nil
	return ls
}

func (c *Compact[R, F]) content(r *Register[R, F]) fyne.CanvasObject {
	heading := widget.NewLabel(c.Title)
	heading.TextStyle.Bold = true
	heading.SizeName = theme.SizeNameSubHeadingText
	help := widget.NewLabel(c.Help)
	help.Wrapping = fyne.TextWrapWord
	r.SaveButton.SetText(lang.X("form.save.plain", "Gem"))
	c.NewButton = widget.NewButton(r.spec.New, r.NewRecord)
	r.Form.Heading.SizeName = theme.SizeNameText
	// The lists need the room: the state line shows only when it has something to say.
	r.Form.State.Hide()
	r.Form.onState = func(s string) {
		if s == "" {
			r.Form.State.Hide()
		} else {
			r.Form.State.Show()
		}
	}
	buttons := []fyne.CanvasObject{r.SaveButton, c.NewButton, layout.NewSpacer()}
	if r.ArchiveButton != nil {
		buttons = append(buttons, r.ArchiveButton)
	}
	formBox := container.NewVBox(widget.NewSeparator(), r.Form.Heading, r.Form.Fields.Object(), r.Form.State,
		container.NewHBox(buttons...))
	list := fyne.CanvasObject(r.List.Content)
	if r.ShowArchived != nil {
		list = container.NewBorder(nil, r.ShowArchived, nil, nil, list)
	}
	return container.NewBorder(container.NewVBox(heading, help), formBox, nil, nil, list)
}
