package ui

import (
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// BenchmarkWindowHeap reports the Go heap the open window holds once every
// tab and sub-tab has been in front: what the big database may add to the
// demo's is what the caseworker's laptop pays for the window's memory.
func BenchmarkWindowHeap(b *testing.B) {
	b.Run("demo", func(b *testing.B) { windowHeap(b, demoDBFile(b)) })
	b.Run("big", func(b *testing.B) { windowHeap(b, bigDBFile(b)) })
}

// windowHeap opens the window on the database at path, brings every tab to
// the front and reports the heap in use after a collection, in MB. Run
// each database in a process of its own (-bench 'WindowHeap/demo$'): the
// test app keeps its closed windows, so a second run adds to the first.
func windowHeap(b *testing.B, path string) {
	a := test.NewTempApp(b)
	var inuse uint64
	for b.Loop() {
		s, err := data.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		w := Open(a, s, nil)
		w.Win.Show()
		w.Win.Resize(fyne.NewSize(1366, 768))
		visitTabs(w.Tabs)
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		inuse = m.HeapInuse
		runtime.KeepAlive(w)
		w.Win.Close()
		s.Close()
	}
	b.ReportMetric(float64(inuse)/(1<<20), "heapMB")
}

// visitTabs brings each tab of tabs to the front in turn, laid out, and
// does the same with the tabs inside it.
func visitTabs(tabs *container.AppTabs) {
	for i := range tabs.Items {
		tabs.SelectIndex(i)
		for _, o := range test.LaidOutObjects(widgets.TabContent(tabs.Items[i])) {
			if inner, ok := o.(*container.AppTabs); ok && inner != tabs {
				visitTabs(inner)
			}
		}
	}
}
