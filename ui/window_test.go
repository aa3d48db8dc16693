package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestEmptyDatabaseOffersTheExample(t *testing.T) {
	w, s := newTestWindow(t, false)
	if w.Win.Title() != "Partnerskab" {
		t.Errorf("title %q", w.Win.Title())
	}
	w.OfferDemoIfEmpty()
	test.Tap(button(t, w, "Indlæs eksemplet"))
	if n := countRows(t, s, "organisations"); n != 9 {
		t.Fatalf("the example loaded %d organisations, want 9", n)
	}
	if got := len(w.Partners.List.Names()); got != 9 {
		t.Errorf("the list shows %d organisations after loading", got)
	}
}

func TestNoOfferOnADatabaseWithData(t *testing.T) {
	w, _ := newTestWindow(t, true)
	w.OfferDemoIfEmpty()
	if top := w.Win.Canvas().Overlays().Top(); top != nil {
		t.Error("a dialog opened on a database that holds data")
	}
}

// menuItem finds the main-menu item whose shortcut is Ctrl+key.
func menuItem(t *testing.T, w *Window, key fyne.KeyName) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.Win.MainMenu().Items {
		for _, it := range m.Items {
			if sc, ok := it.Shortcut.(*desktop.CustomShortcut); ok && sc.KeyName == key {
				return it
			}
		}
	}
	t.Fatalf("no menu item for Ctrl+%s", key)
	return nil
}

func TestControlDigitsSwitchTabs(t *testing.T) {
	w, _ := newTestWindow(t, false)
	for i, key := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7} {
		menuItem(t, w, key).Action()
		if got := w.Tabs.SelectedIndex(); got != i {
			t.Errorf("Ctrl+%s selected tab %d, want %d", key, got, i)
		}
	}
	want := []string{"Overblik", "Partnere", "Lokaler og lejemål", "Bemanding", "Skabeloner", "Aftaler", "Samarbejde"}
	if len(w.Tabs.Items) != len(want) {
		t.Errorf("%d tabs, want %d", len(w.Tabs.Items), len(want))
	}
	for i, item := range w.Tabs.Items {
		if i < len(want) && item.Text != want[i] {
			t.Errorf("tab %d is %q, want %q", i, item.Text, want[i])
		}
	}
}

func TestFormShortcutsReachThePartnersTab(t *testing.T) {
	w, s := newTestWindow(t, false)
	p := w.Partners
	menuItem(t, w, fyne.KeyN).Action()
	if w.Win.Canvas().Focused() != p.Entry("Name") {
		t.Error("Ctrl+N did not put the cursor in Navn")
	}
	typeInto(p.Entry("Name"), "Sekstanten")
	selectIn(p.Field("Kind")).SetSelected(kindLabel("sekretariat"))
	menuItem(t, w, fyne.KeyS).Action()
	if n := countRows(t, s, "organisations"); n != 1 {
		t.Fatalf("Ctrl+S saved %d organisations", n)
	}
	menuItem(t, w, fyne.KeyF).Action()
	if w.Win.Canvas().Focused() != p.List.Search {
		t.Error("Ctrl+F did not focus the search field")
	}
}

// Hjælp has a guide to the tabs and the signing, and Om Partnerskab with
// the version, the database in use and the fonts' licence.
func TestHelpHasAGuideAndAnAbout(t *testing.T) {
	w, s := newTestWindow(t, false)
	w.showGuide()
	mustContain(t, dialogText(w), "")
	test.Tap(button(t, w, "Luk"))
	w.showAbout()
	text := dialogText(w)
	mustContain(t, text, "Partnerskab "+Version)
	mustContain(t, text, s.Path())
	mustContain(t, text, "SIL Open Font License")
}
