package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partnerskab/data"
)

// BenchmarkTabSwitch is the caseworker going from Partnere to Bemanding
// and back on the big database, once every tab has been in front: each
// switch reads the tab's data again (what the other tabs saved shows) and
// draws it. One op is the two switches.
func BenchmarkTabSwitch(b *testing.B) {
	a := test.NewTempApp(b)
	s, err := data.Open(bigDBFile(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	w := Open(a, s, nil)
	defer w.Win.Close()
	w.Win.Show()
	w.Win.Resize(fyne.NewSize(1366, 768))
	visitTabs(w.Tabs)
	for b.Loop() {
		w.Tabs.SelectIndex(tabStaffing)
		w.Tabs.SelectIndex(tabPartners)
	}
}
