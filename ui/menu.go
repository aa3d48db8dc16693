package ui

import (
	"partnerskab/ui/form"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

// mainMenu carries the keyboard shortcuts: menu shortcuts fire even while
// an entry has the focus, which canvas shortcuts do not.
func (w *Window) mainMenu() *fyne.MainMenu {
	ctrl := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	item := func(label string, key fyne.KeyName, fn func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, fn)
		it.Shortcut = ctrl(key)
		return it
	}
	file := fyne.NewMenu(lang.X("menu.file", "Filer"),
		item(lang.X("menu.new", "Ny"), fyne.KeyN, func() { w.current().NewRecord() }),
		item(lang.X("menu.save", "Gem"), fyne.KeyS, w.save),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.X("signing.menu.verify", "Kontrollér PDF…"), w.chooseVerify),
		fyne.NewMenuItem(lang.X("signing.menu.seal", "Segl…"), func() { w.showSealSettings() }),
		fyne.NewMenuItem(lang.X("menu.settings", "Indstillinger…"), func() { w.showSettings() }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.X("menu.restore", "Gendan sikkerhedskopi…"), w.chooseRestore),
		fyne.NewMenuItem(lang.X("menu.art30", "Fortegnelse over behandlinger (art. 30)…"), func() { w.art30PDF().choose() }),
		fyne.NewMenuItem(lang.X("menu.statusreport", "Statusrapport for partnerskabet…"), func() { w.showStatusReport("") }),
		fyne.NewMenuItem(lang.X("menu.pack.export", "Eksportér videndelingspakke…"), w.chooseExportPack),
		fyne.NewMenuItem(lang.X("menu.pack.import", "Importér videndelingspakke…"), w.chooseImportPack),
		fyne.NewMenuItem(lang.X("menu.demo", "Indlæs eksemplet…"), w.confirmDemo),
	)
	edit := fyne.NewMenu(lang.X("menu.edit", "Rediger"),
		item(lang.X("menu.search", "Søg"), fyne.KeyF, func() { w.current().FocusSearch() }),
		fyne.NewMenuItem(lang.X("menu.cancel", "Fortryd ændringer (Esc)"), func() { w.current().Cancel() }),
	)
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
	var tabs []*fyne.MenuItem
	for i, t := range w.Tabs.Items {
		tabs = append(tabs, item(t.Text, keys[i], func() { w.Tabs.SelectIndex(i) }))
	}
	view := fyne.NewMenu(lang.X("menu.view", "Vis"), tabs...)
	help := w.helpMenu()
	return fyne.NewMainMenu(file, edit, view, help)
}

func (w *Window) confirmDemo() {
	form.Ask(w, lang.X("menu.demo", "Indlæs eksemplet…"),
		lang.X("demo.confirm", "Eksemplet kan kun indlæses i en tom database. Indlæs det nu?"),
		lang.X("demo.load", "Indlæs eksemplet"), lang.X("dialog.cancel", "Annullér"), w.LoadDemo)
}
