package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/assets"
	"partnerskab/data"
	"partnerskab/ui/widgets"
)

// Version is the program's version, as main has it, for Om Partnerskab.
var Version = "dev"

// helpMenu is Hjælp: the shortcuts, a short guide, and Om Partnerskab.
func (w *Window) helpMenu() *fyne.Menu {
	return fyne.NewMenu(lang.X("menu.help", "Hjælp"),
		fyne.NewMenuItem(lang.X("menu.guide", "Sådan bruges programmet"), w.showGuide),
		fyne.NewMenuItem(lang.X("menu.shortcuts", "Genveje"), func() {
			dialog.ShowInformation(lang.X("menu.shortcuts", "Genveje"), lang.X("help.shortcuts",
				"Ctrl+N  ny\nCtrl+S  gem\nCtrl+F  søg\nEsc  fortryd ændringer\nCtrl+1 … Ctrl+6  skift fane\nPil ned  fra søgefeltet til listen; Enter åbner\nEnter og Esc  svarer i en dialog"), w.Win)
		}),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.X("menu.about", "Om Partnerskab"), w.showAbout))
}

// showGuide is a page on the tabs and the signing, for the first week.
func (w *Window) showGuide() {
	text := widget.NewRichTextFromMarkdown(lang.X("help.guide", `## Fanerne

**Overblik** viser målene, beboernes andel, lejemålene, aftalerne og det, der forfalder de næste 90 dage. Vælg en linje for at åbne den.

**Partnere** er organisationerne i partnerskabet med deres kontaktpersoner. En socialøkonomisk virksomhed får styregruppens godkendelse her.

**Lokaler og lejemål** har ejendommene og lokalerne og lejemålene af dem. »Beregnet« under lejemålet viser husleje, depositum og opsigelsesfrister, mens du skriver.

**Bemanding** har stillingerne, placeringerne (kun med initialer eller et pseudonym, aldrig CPR-nummer eller helbred), ordningerne og målgrupperne, og de personoplysninger, der skal slettes.

**Skabeloner** er aftaleteksterne med flettefelter. **Aftaler** laver en kladde ud fra en skabelon og de valgte parter.

## Underskrift i mødet

1. Opret kladden, læs den igennem, og vælg »Send til underskrift«: teksten låses.
2. Vælg »Underskriv i mødet«. Vinduet viser nu kun underskrivningen.
3. Giv computeren til den, der skal skrive under. Vedkommende læser aftalen, sætter flueben og skriver under med musen, fingeren eller en pen.
4. Hver underskrift bekræftes på sin egen skærm, før computeren gives videre.
5. Efter den sidste underskrift forsegles aftalen som PDF. »Gem som PDF…« og »Udskriv« giver den forseglede fil.

Afbryd med »Afbryd (fortsæt senere)«; det, der er underskrevet, er gemt.

## Det, du skriver, er gemt

Det, du skriver, gemmes som kladde undervejs. Lukker programmet uventet, tilbydes ændringerne igen ved næste start.`))
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	size := w.Win.Canvas().Size()
	d := dialog.NewCustom(lang.X("menu.guide", "Sådan bruges programmet"), lang.X("csv.close", "Luk"),
		container.New(&widgets.MinHeight{H: min(560, size.Height*0.75)}, container.New(&widgets.MinWidth{W: min(720, size.Width*0.85)}, scroll)), w.Win)
	d.Show()
}

// showAbout names the program, its version, the database in use and the
// licence of the fonts it embeds in every PDF.
func (w *Window) showAbout() {
	info := widget.NewLabel(lang.X("help.about", "Partnerskab {{.Version}}\nDatabase: {{.Path}} (skema {{.Schema}})\n\nSkrifttyperne i aftalernes PDF-filer er Noto Sans og Noto Sans Arabic, under SIL Open Font License 1.1:",
		map[string]any{"Version": Version, "Path": w.store.Path(), "Schema": data.SchemaVersion()}))
	info.Wrapping = fyne.TextWrapWord
	licence := widget.NewLabel(assets.FontLicence)
	licence.Wrapping = fyne.TextWrapWord
	licence.TextStyle.Monospace = true
	size := w.Win.Canvas().Size()
	body := container.NewBorder(info, nil, nil, nil, container.NewVScroll(licence))
	d := dialog.NewCustom(lang.X("menu.about", "Om Partnerskab"), lang.X("csv.close", "Luk"),
		container.New(&widgets.MinHeight{H: min(520, size.Height*0.75)}, container.New(&widgets.MinWidth{W: min(720, size.Width*0.85)}, body)), w.Win)
	d.Show()
}
