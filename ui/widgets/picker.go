package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data/dk"
)

// PickerItem is one choice in a picker: the record and how it is shown.
type PickerItem struct {
	ID            int64
	Title, Detail string
}

// PickerQuery reads one page of the choices that match text, in the order
// they are shown; PickerCount counts them.
type (
	PickerQuery func(text string, offset, limit int) ([]PickerItem, error)
	PickerCount func(text string) (int, error)
)

// pickerPage is how many choices the picker reads at a time.
const pickerPage = 50

var (
	_ fyne.Widget       = (*Picker)(nil)
	_ fyne.Tappable     = (*Picker)(nil)
	_ fyne.Focusable    = (*Picker)(nil)
	_ fyne.Disableable  = (*Picker)(nil)
	_ desktop.Hoverable = (*Picker)(nil)
)

// Picker chooses one record out of thousands: it shows the chosen name like
// a drop-down, and opens a search field over a virtual list of the matches,
// read page by page from the store (never a widget per row).
type Picker struct {
	widget.DisableableWidget
	PlaceHolder string
	// OnChanged runs when the user picks another record; never when code
	// calls SetSelected.
	OnChanged func(id int64)

	query   PickerQuery
	count   PickerCount
	onError func(error)

	id    int64
	title string

	focused, hovered bool

	popup  *widget.PopUp
	search *pickerSearch
	list   *widget.List
	found  *widget.Label
	rows   *Pager[PickerItem]
	cur    int  // the highlighted row, -1 for none
	moving bool // the list's selection is being moved by code
}

// NewPicker makes a picker over the choices query reads and count counts;
// onError shows a failed read.
func NewPicker(placeholder string, query PickerQuery, count PickerCount, onError func(error)) *Picker {
	p := &Picker{PlaceHolder: placeholder, query: query, count: count, onError: onError, cur: -1}
	p.ExtendBaseWidget(p)
	return p
}

// Found is the open list's count line ("3 passer").
func (p *Picker) Found() string {
	if p.found == nil {
		return ""
	}
	return p.found.Text
}

// Find reads the choices that match text, as the open list would show them.
func (p *Picker) Find(text string, offset, limit int) ([]PickerItem, error) {
	return p.query(text, offset, limit)
}

// Selected is the chosen record and its name; 0 and "" when none is.
func (p *Picker) Selected() (int64, string) { return p.id, p.title }

// SetSelected shows id as chosen, named title (id 0 clears the choice).
func (p *Picker) SetSelected(id int64, title string) {
	if id == 0 {
		title = ""
	}
	p.id, p.title = id, title
	p.Refresh()
}

// Disable greys the picker out and closes its list.
func (p *Picker) Disable() {
	p.close()
	p.DisableableWidget.Disable()
}

// Hide hides the picker and closes its list.
func (p *Picker) Hide() {
	p.close()
	p.DisableableWidget.Hide()
}

// Tapped opens the list.
func (p *Picker) Tapped(*fyne.PointEvent) { p.open() }

func (p *Picker) FocusGained()   { p.focused = true; p.Refresh() }
func (p *Picker) FocusLost()     { p.focused = false; p.Refresh() }
func (p *Picker) TypedRune(rune) {}

// TypedKey opens the list on Enter, Space or Down, as a drop-down does.
func (p *Picker) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace, fyne.KeyDown:
		p.open()
	}
}

func (p *Picker) MouseIn(*desktop.MouseEvent)    { p.hovered = true; p.Refresh() }
func (p *Picker) MouseMoved(*desktop.MouseEvent) {}
func (p *Picker) MouseOut()                      { p.hovered = false; p.Refresh() }

// IsOpen says whether the list is showing.
func (p *Picker) IsOpen() bool { return p.popup != nil && p.popup.Visible() }

// open shows the search field, focused and empty, over the list of every choice.
func (p *Picker) open() {
	if p.Disabled() || p.IsOpen() {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil {
		return
	}
	if p.popup == nil || p.popup.Canvas != c {
		p.buildPopup(c)
	}
	p.search.SetText("")
	p.filter()
	p.place(c)
	p.popup.Show()
	c.Focus(p.search)
}

// buildPopup makes the popup once: a search field and a list of two-line
// rows, as many as fit on the screen.
func (p *Picker) buildPopup(c fyne.Canvas) {
	p.search = &pickerSearch{p: p}
	p.search.ExtendBaseWidget(p.search)
	p.search.PlaceHolder = lang.X("picker.search", "Skriv for at søge")
	p.search.OnChanged = func(string) { p.filter() }
	p.rows = NewPager(pickerPage, func(offset, limit int) ([]PickerItem, error) {
		return p.query(p.search.Text, offset, limit)
	})
	p.rows.OnError = p.onError
	p.list = widget.NewList(p.rows.Len,
		func() fyne.CanvasObject {
			title := widget.NewLabel("Titel")
			title.TextStyle.Bold = true
			title.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("Detalje")
			detail.Truncation = fyne.TextTruncateEllipsis
			detail.SizeName = theme.SizeNameCaptionText
			return container.New(layout.NewCustomPaddedVBoxLayout(-8), title, detail)
		},
		func(i widget.ListItemID, obj fyne.CanvasObject) {
			it, _ := p.rows.Get(i)
			box := obj.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(it.Title)
			box.Objects[1].(*widget.Label).SetText(it.Detail)
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		if !p.moving {
			p.pick(i)
		}
	}
	p.found = widget.NewLabel("")
	p.found.SizeName = theme.SizeNameCaptionText
	p.popup = widget.NewPopUp(container.NewBorder(p.search, p.found, nil, nil, p.list), c)
}

// place puts the popup under the picker, or over it when there is more
// room above, as wide as the picker and at most as tall as fits.
func (p *Picker) place(c fyne.Canvas) {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p)
	size := p.Size()
	width := max(size.Width, 320)
	want := float32(360)
	below := c.Size().Height - pos.Y - size.Height
	above := pos.Y
	y, height := pos.Y+size.Height, min(want, below)
	if below < want && above > below {
		height = min(want, above)
		y = pos.Y - height
	}
	height = max(height, p.popup.MinSize().Height)
	if x := c.Size().Width - width; pos.X > x && x >= 0 {
		pos.X = x
	}
	p.popup.Move(fyne.NewPos(pos.X, y))
	p.popup.Resize(fyne.NewSize(width, height))
}

// close hides the popup and gives the focus back to the picker.
func (p *Picker) close() {
	if !p.IsOpen() {
		return
	}
	p.popup.Hide()
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil && p.Visible() && !p.Disabled() {
		c.Focus(p)
	}
}

// filter re-reads the matches for the search text and highlights the first.
func (p *Picker) filter() {
	n, err := p.count(p.search.Text)
	if err != nil {
		if p.onError != nil {
			p.onError(err)
		}
		n = 0
	}
	p.rows.Reset(n)
	switch n {
	case 0:
		p.found.SetText(lang.X("picker.none", "Ingen passer til søgningen"))
	case 1:
		p.found.SetText(lang.X("picker.count.one", "1 passer"))
	default:
		p.found.SetText(lang.X("picker.count", "{{.N}} passer", map[string]any{"N": dk.FormatDecimal(float64(n), 0)}))
	}
	p.list.Refresh()
	p.highlight(0)
}

// highlight moves the marked row to i (clamped to the list), without picking it.
func (p *Picker) highlight(i int) {
	p.moving = true
	defer func() { p.moving = false }()
	n := p.rows.Len()
	if n == 0 {
		p.cur = -1
		p.list.UnselectAll()
		return
	}
	p.cur = min(max(i, 0), n-1)
	p.list.Select(p.cur)
	p.list.ScrollTo(p.cur)
}

// pick chooses row i, closes the list and tells the form if the choice changed.
func (p *Picker) pick(i int) {
	it, ok := p.rows.Get(i)
	if !ok {
		return
	}
	changed := it.ID != p.id
	p.SetSelected(it.ID, it.Title)
	p.close()
	if changed && p.OnChanged != nil {
		p.OnChanged(it.ID)
	}
}

// Shown is what the open list shows, top to bottom (for tests and the
// caseworker's eyes alike: the titles in order).
func (p *Picker) Shown() []string {
	if p.rows == nil {
		return nil
	}
	var out []string
	for i := 0; i < p.rows.Len(); i++ {
		it, _ := p.rows.Get(i)
		out = append(out, it.Title)
	}
	return out
}

func (p *Picker) CreateRenderer() fyne.WidgetRenderer {
	p.ExtendBaseWidget(p)
	r := &pickerRenderer{p: p, bg: &canvas.Rectangle{}, label: widget.NewLabel(""), icon: widget.NewIcon(nil)}
	r.label.Truncation = fyne.TextTruncateEllipsis
	r.Refresh()
	return r
}

type pickerRenderer struct {
	p     *Picker
	bg    *canvas.Rectangle
	label *widget.Label
	icon  *widget.Icon
}

func (r *pickerRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.label, r.icon}
}

func (r *pickerRenderer) Destroy() {}

func (r *pickerRenderer) Layout(size fyne.Size) {
	th := r.p.Theme()
	iconSize := th.Size(theme.SizeNameInlineIcon)
	innerPad := th.Size(theme.SizeNameInnerPadding)
	r.bg.Resize(size)
	iconPos := fyne.NewPos(size.Width-iconSize-innerPad, (size.Height-iconSize)/2)
	labelHeight := r.label.MinSize().Height
	r.label.Move(fyne.NewPos(0, (size.Height-labelHeight)/2))
	r.label.Resize(fyne.NewSize(iconPos.X, labelHeight))
	r.icon.Move(iconPos)
	r.icon.Resize(fyne.NewSquareSize(iconSize))
}

func (r *pickerRenderer) MinSize() fyne.Size {
	th := r.p.Theme()
	innerPad := th.Size(theme.SizeNameInnerPadding)
	text := fyne.MeasureText(r.p.PlaceHolder, th.Size(theme.SizeNameText), fyne.TextStyle{})
	return fyne.NewSize(text.Width+innerPad*4+th.Size(theme.SizeNameInlineIcon), r.label.MinSize().Height)
}

func (r *pickerRenderer) Refresh() {
	th := r.p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.bg.FillColor = r.bgColor(th, v)
	icon := th.Icon(theme.IconNameArrowDropDown)
	if r.p.Disabled() {
		icon = theme.NewDisabledResource(icon)
	}
	r.icon.SetResource(icon)
	text, imp := r.p.title, widget.MediumImportance
	if text == "" {
		text, imp = r.p.PlaceHolder, widget.LowImportance
	}
	r.label.Importance = imp
	r.label.SetText(text)
	if r.p.Disabled() {
		r.label.Importance = widget.LowImportance
		r.label.Refresh()
	}
	r.Layout(r.p.Size())
	r.bg.Refresh()
}

func (r *pickerRenderer) bgColor(th fyne.Theme, v fyne.ThemeVariant) color.Color {
	switch {
	case r.p.Disabled():
		return th.Color(theme.ColorNameDisabledButton, v)
	case r.p.focused:
		return th.Color(theme.ColorNameFocus, v)
	case r.p.hovered:
		return th.Color(theme.ColorNameHover, v)
	}
	return th.Color(theme.ColorNameInputBackground, v)
}

// pickerSearch is the popup's search field: Up and Down move the marked
// row, Enter picks it, Esc closes the list.
type pickerSearch struct {
	widget.Entry
	p *Picker
}

// Search is the open list's search field (for tests that type into it).
func (p *Picker) Search() fyne.Focusable { return p.search }

func (s *pickerSearch) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		s.p.highlight(s.p.cur + 1)
	case fyne.KeyUp:
		s.p.highlight(s.p.cur - 1)
	case fyne.KeyPageDown:
		s.p.highlight(s.p.cur + 8)
	case fyne.KeyPageUp:
		s.p.highlight(s.p.cur - 8)
	case fyne.KeyReturn, fyne.KeyEnter:
		if s.p.cur >= 0 {
			s.p.pick(s.p.cur)
		}
	case fyne.KeyEscape:
		s.p.close()
	default:
		s.Entry.TypedKey(ev)
	}
}

// TypedRune drops a space typed before anything else: the Space that
// opened the list arrives here as a character too.
func (s *pickerSearch) TypedRune(r rune) {
	if r == ' ' && s.Text == "" {
		return
	}
	s.Entry.TypedRune(r)
}
