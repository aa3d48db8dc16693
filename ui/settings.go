package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// settingsDialog is "Indstillinger…": the numbers the rules read (the
// meetings' notice, how many meetings a year, how long person data and
// agreements are kept, the subsidy ratio rule) and the installation's
// organisation and place of signing. A refused value is shown on its
// field and the dialog stays open with what was typed.
type settingsDialog struct {
	w      *Window
	d      dialog.Dialog
	fields []*form.Field
	values map[string]*widgets.Entry
}

// settingInputs are the dialog's fields in order: the form field, the
// window's label and a hint, each with its translation key.
var settingInputs = []struct{ field, key, label, hintKey, hint string }{
	{"OrganisationName", "settings.organisation", "Organisation", "settings.organisation.hint", "fx Slagelse Kommune, Center for Arbejdsmarked og Integration"},
	{"DefaultPlace", "settings.place", "Sted for underskrift", "settings.place.hint", "fx Korsør"},
	{"NoticeDays", "settings.notice", "Varsel for møder (dage)", "settings.notice.hint", "fx 14"},
	{"MeetingsMin", "settings.meetings.min", "Møder om året, mindst", "settings.meetings.min.hint", "fx 5"},
	{"MeetingsMax", "settings.meetings.max", "Møder om året, højst", "settings.meetings.max.hint", "fx 7"},
	{"RetentionPersonYears", "settings.retention.person", "Persondata opbevares (år efter sagen)", "settings.retention.person.hint", "fx 1"},
	{"RetentionAgreementYears", "settings.retention.agreement", "Aftaler opbevares (år efter udløb)", "settings.retention.agreement.hint", "fx 5"},
	{"RetentionContactYears", "settings.retention.contact", "Kontaktpersoner opbevares (år efter ophør)", "settings.retention.contact.hint", "fx 1"},
	{"RetentionMeetingYears", "settings.retention.meeting", "Mødedeltagere og mødenoter opbevares (år efter mødet) (kontrollér)", "settings.retention.meeting.hint", "fx 1"},
	{"RetentionDraftDays", "settings.retention.draft", "Ikke gemte kladder kasseres efter (dage) (kontrollér)", "settings.retention.draft.hint", "fx 30"},
	{"RetentionScanYears", "settings.retention.scan", "Scanninger af aldrig underskrevne aftaler opbevares (år) (kontrollér)", "settings.retention.scan.hint", "fx 1"},
	{"RetentionAuditYears", "settings.retention.audit", "Personhenvisninger i loggen opbevares (år) (kontrollér)", "settings.retention.audit.hint", "fx 5"},
	{"SubsidyPer", "settings.subsidy.per", "Rimelighedskrav: 1 pr. ordinært ansatte", "settings.subsidy.per.hint", "fx 5"},
	{"SubsidyThreshold", "settings.subsidy.threshold", "Rimelighedskrav: grænse (ansatte)", "settings.subsidy.threshold.hint", "fx 50"},
	{"SubsidyPerAbove", "settings.subsidy.above", "Rimelighedskrav: 1 pr. ansatte over grænsen", "settings.subsidy.above.hint", "fx 10"},
	{"ReportThreshold", "settings.report.threshold", "Statusrapport: færre personer end dette vises som »under N«", "settings.report.threshold.hint", "fx 3"},
}

// showSettings opens the dialog with the settings as the store has them.
func (w *Window) showSettings() *settingsDialog {
	cur, err := w.store.Settings(ctx())
	if err != nil {
		w.ShowError(err)
		return nil
	}
	s := &settingsDialog{w: w, values: map[string]*widgets.Entry{}}
	rows := container.NewVBox()
	for _, in := range settingInputs {
		e := widgets.NewEntry(lang.X(in.hintKey, in.hint))
		e.SetText(settingValue(cur, in.field))
		f := form.NewField(in.field, lang.X(in.key, in.label), e)
		s.fields = append(s.fields, f)
		s.values[in.field] = e
		rows.Add(container.NewBorder(nil, nil, container.New(&widgets.MinWidth{W: 300}, f.Label), nil, f.Row))
	}
	intro := widget.NewLabel(lang.X("settings.intro", "Reglerne læser disse tal. Flere af dem er arbejdsantagelser; ret dem, når kommunen beslutter andet. Hver ændring logges."))
	intro.Wrapping = fyne.TextWrapWord
	// Scrolled, so the dialog fits a 1024x600 screen too.
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(700, 330))
	body := container.NewBorder(container.NewVBox(intro, widget.NewSeparator()), nil, nil, nil, scroll)
	s.d = dialog.NewCustomConfirm(lang.X("settings.title", "Indstillinger"), lang.X("settings.save", "Gem"),
		lang.X("dialog.cancel", "Annullér"), container.New(&widgets.MinWidth{W: 720}, body), func(ok bool) {
			if ok {
				s.save()
			}
		}, w.Win)
	s.d.Show()
	return s
}

// save writes the settings, or shows the problems on their fields and
// opens the dialog again with what was typed.
func (s *settingsDialog) save() {
	var f data.SettingsForm
	for _, in := range settingInputs {
		*f.Field(in.field) = s.values[in.field].Text
	}
	_, err := s.w.store.SaveSettings(ctx(), f)
	for _, fl := range s.fields {
		fl.SetMessage("", false)
	}
	if v, refused := data.AsValidation(err); refused {
		for _, p := range v.Problems {
			for _, fl := range s.fields {
				if fl.Name == p.Field {
					fl.SetMessage(p.Text, true)
				}
			}
		}
		s.d.Show()
		return
	}
	if err != nil {
		s.w.ShowError(err)
		return
	}
	s.w.SetStatus(lang.X("settings.saved", "Indstillingerne er gemt."))
	s.w.Reload()
}

func settingValue(f data.SettingsForm, name string) string { return *f.Field(name) }
