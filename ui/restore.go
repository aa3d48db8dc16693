package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"partnerskab/data/agreement"
	"partnerskab/ui/form"
)

// Filer → "Gendan sikkerhedskopi…": the window lets its database go, the
// backup is checked and put in place (the current file is kept as a dated
// copy), and the window opens the result. A restore from outside the
// window (`partnerskab restore`) is refused while the window is open,
// because the window would go on saving into a file that is gone.

func (w *Window) chooseRestore() {
	form.OpenFile(w, []string{".db", ".bak", ".sqlite"}, func(rc fyne.URIReadCloser) {
		path := rc.URI().Path()
		rc.Close()
		w.confirmRestore(path)
	})
}

// confirmRestore asks before the database is replaced, naming the forms
// whose unsaved edits would be lost.
func (w *Window) confirmRestore(path string) {
	text := lang.X("restore.question", "Databasen erstattes med sikkerhedskopien {{.Path}}. Den nuværende database gemmes som en dateret kopi ved siden af.",
		map[string]any{"Path": path})
	if names := w.dirtyNames(); len(names) > 0 {
		text += "\n" + lang.X("restore.dirty", "Ændringer, der ikke er gemt, går tabt: {{.Names}}.",
			map[string]any{"Names": strings.Join(names, ", ")})
	}
	d := dialog.NewConfirm(lang.X("menu.restore", "Gendan sikkerhedskopi…"), text, func(ok bool) {
		if ok {
			w.RestoreFrom(path)
		}
	}, w.Win)
	d.SetConfirmText(lang.X("restore.confirm", "Gendan"))
	d.SetDismissText(lang.X("dialog.cancel", "Annullér"))
	d.Show()
}

// dirtyNames names the forms with unsaved edits.
func (w *Window) dirtyNames() []string {
	var names []string
	for i := 0; i < len(w.Tabs.Items); i++ {
		if e, ok := w.editors()[i]; ok && e.Dirty() {
			names = append(names, e.HeadingName()+" ("+w.Tabs.Items[i].Text+")")
		}
	}
	return names
}

// RestoreFrom puts the backup at path in place of the window's database
// and shows the result; on a refusal the database is as it was.
func (w *Window) RestoreFrom(path string) error {
	ctx := context.Background()
	res, err := w.store.Restore(ctx, path, agreement.CheckSigned)
	if err != nil {
		w.ShowError(err)
		return err
	}
	if sealer, err := agreement.OpenStoreSealer(ctx, w.store); err == nil {
		w.sealer = sealer
	}
	for _, e := range w.editors() {
		for _, f := range e.Forms() {
			f.Discard() // the edits belonged to the database that was replaced
		}
	}
	w.Reload()
	status := lang.X("restore.done", "Databasen er gendannet fra {{.Path}}.", map[string]any{"Path": path})
	if res.Kept != "" {
		status += " " + lang.X("restore.kept", "Den hidtidige er gemt som {{.Kept}}.", map[string]any{"Kept": res.Kept})
	}
	// The sentence comes from data/, in Danish, like the store's errors.
	if res.Redone.Text != "" {
		status += " " + res.Redone.Text
	}
	if res.Redone.Unread != "" {
		status += " " + lang.X("restore.ledger.unread", "Sletteloggen i den hidtidige database kunne ikke læses ({{.Why}}); kontrollér under Til sletning, om noget skal slettes igen.",
			map[string]any{"Why": res.Redone.Unread})
	}
	w.SetStatus(status)
	return nil
}
