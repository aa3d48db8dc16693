package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// refreshCounter is a label that counts its refreshes.
type refreshCounter struct {
	widget.Label
	n int
}

func newRefreshCounter(text string) *refreshCounter {
	c := &refreshCounter{}
	c.Text = text
	c.ExtendBaseWidget(c)
	return c
}

func (c *refreshCounter) Refresh() {
	c.n++
	c.Label.Refresh()
}

// Switching tabs refreshes the tab that comes to the front, not the
// hidden ones; a hidden tab is refreshed when it is shown again, so a
// change of theme reaches it.
func TestTabsRefreshOnlyTheTabInFront(t *testing.T) {
	test.NewTempApp(t)
	first, second, third := newRefreshCounter("Overblik"), newRefreshCounter("Partnere"), newRefreshCounter("Aftaler")
	tabs := container.NewAppTabs(NewTabItem("Overblik", first), NewTabItem("Partnere", second), NewTabItem("Aftaler", third))
	w := test.NewWindow(tabs)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	if third.n != 0 {
		t.Errorf("a tab never shown was refreshed %d times", third.n)
	}
	if TabContent(tabs.Items[1]) != second || TabContent(container.NewTabItem("x", first)) != first {
		t.Error("TabContent does not give the content back")
	}

	before := [3]int{first.n, second.n, third.n}
	tabs.SelectIndex(1)
	if first.n != before[0] || third.n != before[2] {
		t.Errorf("selecting Partnere refreshed the hidden tabs (%d and %d times)", first.n-before[0], third.n-before[2])
	}
	if second.n == before[1] || !second.Visible() {
		t.Error("Partnere was not refreshed or is not shown when it came to the front")
	}

	test.ApplyTheme(t, test.NewTheme())
	after := first.n
	tabs.SelectIndex(0)
	if first.n == after {
		t.Error("Overblik was not refreshed when it came back after a change of theme")
	}
	if third.n != 0 {
		t.Errorf("Aftaler, never shown, was refreshed %d times", third.n)
	}
}
