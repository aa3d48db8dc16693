package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// NewTabItem is container.NewTabItem with the content on a page that
// refreshes only while it is in front. Fyne's tabs refresh the content of
// every tab each time one is selected (to carry a change of theme to all):
// each hidden list, form and table was redrawn, and built the first time,
// on every switch and when the window was made. A hidden page skips that;
// it refreshes when it is shown, which is when its tab comes to the front.
func NewTabItem(text string, content fyne.CanvasObject) *container.TabItem {
	return container.NewTabItem(text, newTabPage(content))
}

// TabContent is the content an item of NewTabItem was made with (the item's
// own content for any other item).
func TabContent(item *container.TabItem) fyne.CanvasObject {
	if p, ok := item.Content.(*tabPage); ok {
		return p.content
	}
	return item.Content
}

type tabPage struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

// newTabPage makes a page that starts hidden: the tabs show the one in
// front when they are first laid out, and building the tabs refreshes none.
func newTabPage(content fyne.CanvasObject) *tabPage {
	p := &tabPage{content: content}
	p.ExtendBaseWidget(p)
	p.Hidden = true
	return p
}

func (p *tabPage) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.content) }

// Refresh refreshes the content while the page is in front; Show refreshes
// it when it comes back.
func (p *tabPage) Refresh() {
	if p.Visible() {
		p.BaseWidget.Refresh()
	}
}
