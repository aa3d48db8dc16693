package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/widgets"
)

// OverviewTab is the Overblik tab: the targets against reality as progress
// bars, what is due in the next 90 days (activating a row opens its record
// in its tab), and the placements per month. It only shows; the window
// reloads it each time the tab is selected.
type OverviewTab struct {
	w       *Window
	content fyne.CanvasObject
	// now gives the day the overview is for; tests fix it.
	now func() time.Time

	heading    *widget.Label
	targets    *fyne.Container // a name and a bar per target
	residents  *widget.ProgressBar
	leases     *widget.ProgressBar
	leasesNote *widget.Label
	agreements *widget.ProgressBar
	agreeNote  *widget.Label
	meetings   *widget.ProgressBar
	asOf       *widgets.Entry // the day the overview is for; empty: today
	dueTitle   *widget.Label
	due        *widgets.List
	dueEmpty   *widget.Label
	chart      *widgets.MonthChart

	ov data.Overview
}

func newOverviewTab(w *Window) *OverviewTab {
	t := &OverviewTab{w: w, now: time.Now}
	t.heading = widget.NewLabel("")
	t.heading.TextStyle.Bold = true
	t.targets = container.New(layout.NewCustomPaddedVBoxLayout(0))
	t.residents = widget.NewProgressBar()
	t.residents.Max = 1
	t.leases = widget.NewProgressBar()
	t.leasesNote = widget.NewLabel("")
	t.agreements = widget.NewProgressBar()
	t.agreeNote = widget.NewLabel("")
	t.meetings = widget.NewProgressBar()
	t.asOf = widgets.NewEntry(lang.X("overview.asof.hint", "i dag, eller fx 31.12.2015"))
	t.asOf.OnChanged = func(s string) {
		if _, err := dk.ParseDate(s); err == nil || strings.TrimSpace(s) == "" {
			t.Reload()
		}
	}
	t.asOf.OnEscape = func() { t.asOf.SetText("") }
	for _, l := range []*widget.Label{t.leasesNote, t.agreeNote} {
		l.Wrapping = fyne.TextWrapWord
		l.SizeName = theme.SizeNameCaptionText
	}
	// Tight rows, so that every figure shows without scrolling in a window
	// of ordinary size.
	report := widget.NewButton(lang.X("overview.statusreport", "Statusrapport…"), func() { w.showStatusReport(t.asOf.Text) })
	asOf := container.NewBorder(nil, nil, widget.NewLabel(lang.X("overview.asof", "Vis pr. dato")), report, t.asOf)
	figures := container.New(layout.NewCustomPaddedVBoxLayout(0),
		asOf,
		t.heading,
		t.targets,
		widget.NewSeparator(),
		overviewCaption(lang.X("overview.residents", "Beboere i området blandt de ansatte")), t.residents,
		overviewCaption(lang.X("overview.leases", "Lejemål")), t.leases, t.leasesNote,
		overviewCaption(lang.X("overview.agreements", "Aftaler")), t.agreements, t.agreeNote,
		overviewCaption(lang.X("overview.meetings", "Møder i året (kommissoriet: 5–7)")), t.meetings,
	)

	t.buildDue()
	dueBox := container.NewBorder(t.dueTitle, nil, nil, nil, container.NewStack(t.due, container.NewVBox(t.dueEmpty)))

	t.chart = widgets.NewMonthChart()
	chartTitle := widget.NewLabel(lang.X("overview.chart.title", "Aktive placeringer pr. måned, fordelt på ordning"))
	chartTitle.TextStyle.Bold = true
	chartBox := container.NewBorder(chartTitle, nil, nil, nil, container.NewPadded(t.chart))

	// The figures down the left; what is due and the chart on the right.
	right := container.NewVSplit(container.NewPadded(dueBox), chartBox)
	right.Offset = 0.5
	split := container.NewHSplit(container.NewVScroll(container.NewPadded(figures)), right)
	split.Offset = 0.36
	t.content = split
	w.atFirstShow(t.Reload)
	return t
}

func overviewCaption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

func (t *OverviewTab) buildDue() {
	t.dueTitle = widget.NewLabel(lang.X("overview.due.title", "Forfalder de næste 90 dage (vælg en linje for at åbne den)"))
	t.dueTitle.TextStyle.Bold = true
	t.dueTitle.Wrapping = fyne.TextWrapWord
	t.dueEmpty = widget.NewLabel(lang.X("overview.due.none", "Intet forfalder de næste 90 dage."))
	t.due = widgets.NewList(
		func() int { return len(t.ov.Due) },
		func() fyne.CanvasObject {
			icon := widget.NewIcon(nil)
			date := widget.NewLabel("00.00.0000")
			text := widget.NewLabel("")
			text.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewHBox(icon, date), nil, text)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(t.ov.Due) {
				return
			}
			d := t.ov.Due[id]
			row := o.(*fyne.Container)
			text := row.Objects[0].(*widget.Label)
			left := row.Objects[1].(*fyne.Container)
			icon, date := left.Objects[0].(*widget.Icon), left.Objects[1].(*widget.Label)
			date.SetText(dk.FormatDateTable(d.Date))
			text.SetText(dueText(d))
			if d.Overdue() {
				icon.SetResource(theme.WarningIcon())
				date.Importance, text.Importance = widget.DangerImportance, widget.DangerImportance
			} else {
				icon.SetResource(nil)
				date.Importance, text.Importance = widget.MediumImportance, widget.MediumImportance
			}
			date.Refresh()
			text.Refresh()
		})
	t.due.OnSelected = func(id widget.ListItemID) {
		t.due.UnselectAll()
		if id < len(t.ov.Due) {
			t.open(t.ov.Due[id])
		}
	}
}

// dueText is a due row's text in the window's language; the Danish is
// data.DueText's.
func dueText(d data.DueItem) string {
	args := map[string]any{"Subject": d.Subject, "End": dk.FormatDate(d.NextEnd),
		"N": dk.FormatDecimal(float64(d.Count), 0), "Date": dk.FormatDate(d.Date)}
	switch d.Kind {
	case data.DueLeaseNotice:
		if d.Side == data.Tenant {
			return lang.X("overview.due.notice.tenant", "Sidste frist for opsigelse (lejer, til ophør {{.End}}): {{.Subject}}", args)
		}
		return lang.X("overview.due.notice.landlord", "Sidste frist for opsigelse (udlejer, til ophør {{.End}}): {{.Subject}}", args)
	case data.DueLeaseEnd:
		return lang.X("overview.due.leaseend", "Lejemål ophører: {{.Subject}}", args)
	case data.DueAgreementExpires:
		return lang.X("overview.due.agreement", "Aftale udløber: {{.Subject}}", args)
	case data.DueAgreementNotice:
		if d.Count == 1 {
			return lang.X("overview.due.agreementnotice.one", "Sidste frist for opsigelse af aftale (1 måneds varsel før udløb {{.End}}): {{.Subject}}", args)
		}
		return lang.X("overview.due.agreementnotice", "Sidste frist for opsigelse af aftale ({{.N}} måneders varsel før udløb {{.End}}): {{.Subject}}", args)
	case data.DueAgreementEnds:
		return lang.X("overview.due.agreementends", "Aftale ophører: {{.Subject}}", args)
	case data.DuePlacementDelete:
		if d.Count == 1 {
			return lang.X("overview.due.placements.one", "1 placering skal slettes senest {{.Date}}", args)
		}
		return lang.X("overview.due.placements", "{{.N}} placeringer skal slettes senest {{.Date}}", args)
	case data.DuePlacementsOverdue:
		if d.Count == 1 {
			return lang.X("overview.due.overdue.one", "1 placering har passeret sin slettefrist: slet eller anonymisér den")
		}
		return lang.X("overview.due.overdue", "{{.N}} placeringer har passeret deres slettefrist: slet eller anonymisér dem", args)
	case data.DueApprovalMissing:
		return lang.X("overview.due.approval", "Styregruppens godkendelse mangler: {{.Subject}}", args)
	case data.DueMeetingCall:
		return lang.X("overview.due.meeting", "Indkald til mødet {{.End}}: {{.Subject}}", args)
	case data.DueActionItem:
		return lang.X("overview.due.action", "Handlingspunkt: {{.Subject}}", args)
	case data.DueRiskReview:
		return lang.X("overview.due.risk", "Gennemgang: {{.Subject}}", args)
	case data.DueGrantReport:
		return lang.X("overview.due.grant", "Afrapportering af tilskud: {{.Subject}}", args)
	}
	return d.Text
}

// open shows a due row's record in its tab.
func (t *OverviewTab) open(d data.DueItem) {
	w := t.w
	switch d.Entity {
	case data.EntityLease:
		w.Premises.OpenLease(d.ID)
	case data.EntityPlacement:
		w.Staffing.OpenPlacement(d.ID)
	case data.EntityPlacementsDue:
		w.Staffing.ShowDue()
	case data.EntityOrganisation:
		w.showTab(w.Partners.Content)
		w.Partners.Show(d.ID)
	case data.EntityMeeting:
		w.Partnership.OpenMeeting(d.ID)
	case data.EntityRisk:
		w.Partnership.OpenRisk(d.ID)
	case data.EntityGrant:
		w.Partnership.OpenGrant(d.ID)
	case data.EntityAgreement:
		// The agreements tab has no form yet; bring it to the front.
		for i, item := range w.Tabs.Items {
			if item.Text == lang.X("tab.agreements", "Aftaler") {
				w.Tabs.SelectIndex(i)
			}
		}
	}
}

// Reload re-reads what the tab shows, for today.
func (t *OverviewTab) Reload() {
	ov, err := t.w.store.Overview(context.Background(), t.day())
	if err != nil {
		t.w.ShowError(err)
		return
	}
	t.ov = ov
	t.heading.SetText(lang.X("overview.heading", "Mål og status pr. {{.Day}}", map[string]any{"Day": dk.FormatDate(ov.Day)}))
	t.showTargets()
	t.showRegisters()
	t.showMeetings()
	t.due.UnselectAll()
	t.due.Refresh()
	t.dueEmpty.Hidden = len(ov.Due) > 0
	t.dueEmpty.Refresh()
	t.chart.Set(ov.Chart)
	overviewShown()
}

// showTargets makes a name and a bar per target: "6 af 16 job · frist
// 31.12.2015". A value above the goal fills the bar and says so in the text.
func (t *OverviewTab) showTargets() {
	var objs []fyne.CanvasObject
	for _, tg := range t.ov.Targets {
		name := widget.NewLabel(tg.Name)
		name.Wrapping = fyne.TextWrapWord
		if tg.Overdue(t.day()) {
			name.Importance = widget.DangerImportance
		}
		bar := widget.NewProgressBar()
		bar.Max = max(tg.Goal, 1)
		bar.Value = min(tg.Current, bar.Max)
		text := targetText(tg, t.day())
		bar.TextFormatter = func() string { return text }
		objs = append(objs, name, bar)
	}
	if len(objs) == 0 {
		objs = append(objs, widget.NewLabel(lang.X("overview.targets.none", "Der er ingen mål endnu.")))
	}
	t.targets.Objects = objs
	t.targets.Refresh()
}

func targetText(tg data.Target, day time.Time) string {
	current := dk.FormatDecimal(tg.Current, -1)
	if tg.Measure == data.MeasureResidentShare {
		current = dk.FormatDecimal(tg.Current, 0)
	}
	args := map[string]any{"Current": current, "Goal": dk.FormatDecimal(tg.Goal, -1), "Unit": tg.Unit,
		"Deadline": dk.FormatDate(tg.Deadline), "Reached": dk.FormatDate(tg.Reached)}
	if tg.Milestone() {
		switch {
		case tg.Met():
			return lang.X("overview.milestone.reached", "Nået {{.Reached}}", args)
		case tg.Deadline.IsZero():
			return lang.X("overview.milestone", "Ikke nået", args)
		case tg.Overdue(day):
			return lang.X("overview.milestone.overdue", "Ikke nået · frist overskredet {{.Deadline}}", args)
		}
		return lang.X("overview.milestone.deadline", "Ikke nået · frist {{.Deadline}}", args)
	}
	switch {
	case tg.Deadline.IsZero():
		return lang.X("overview.target", "{{.Current}} af {{.Goal}} {{.Unit}}", args)
	case tg.Overdue(day):
		return lang.X("overview.target.overdue", "{{.Current}} af {{.Goal}} {{.Unit}} · frist overskredet {{.Deadline}}", args)
	}
	return lang.X("overview.target.deadline", "{{.Current}} af {{.Goal}} {{.Unit}} · frist {{.Deadline}}", args)
}

// showRegisters fills the residents' share, the leases and the agreements.
func (t *OverviewTab) showRegisters() {
	ov := t.ov
	share := ov.ResidentShare()
	residents := lang.X("overview.residents.value", "{{.Share}} % ({{.N}} af {{.Of}} ansatte)",
		map[string]any{"Share": dk.FormatDecimal(share*100, 0), "N": formatCount(ov.Residents), "Of": formatCount(ov.Placed)})
	t.residents.Value = share
	t.residents.TextFormatter = func() string { return residents }
	t.residents.Refresh()

	active := ov.Leases[data.LeaseActive]
	leases := lang.X("overview.leases.value", "{{.N}} aktive af {{.Of}} lejemål", map[string]any{"N": formatCount(active), "Of": formatCount(ov.LeasesTotal)})
	t.leases.Max = float64(max(ov.LeasesTotal, 1))
	t.leases.Value = float64(active)
	t.leases.TextFormatter = func() string { return leases }
	t.leases.Refresh()
	t.leasesNote.SetText(lang.X("overview.leases.note", "Planlagte: {{.Planned}} · opsagte: {{.Notice}} · ophørte: {{.Ended}}",
		map[string]any{"Planned": formatCount(ov.Leases[data.LeasePlanned]), "Notice": formatCount(ov.Leases[data.LeaseNoticeGiven]),
			"Ended": formatCount(ov.Leases[data.LeaseEnded])}))

	total, signed := 0, 0
	counts := map[string]int{}
	for _, a := range ov.Agreements {
		total += a.N
		counts[a.Status] = a.N
		if a.Status == "signed" {
			signed = a.N
		}
	}
	agreements := lang.X("overview.agreements.value", "{{.N}} underskrevne af {{.Of}} aftaler", map[string]any{"N": formatCount(signed), "Of": formatCount(total)})
	t.agreements.Max = float64(max(total, 1))
	t.agreements.Value = float64(signed)
	t.agreements.TextFormatter = func() string { return agreements }
	t.agreements.Refresh()
	t.agreeNote.SetText(lang.X("overview.agreements.note",
		"Kladder: {{.Draft}} · til underskrift: {{.Pending}} · underskrevne: {{.Signed}} · afviste: {{.Rejected}} · annullerede: {{.Cancelled}}",
		map[string]any{"Draft": formatCount(counts["draft"]), "Pending": formatCount(counts["pending"]),
			"Signed": formatCount(counts["signed"]), "Rejected": formatCount(counts["rejected"]), "Cancelled": formatCount(counts["cancelled"])}))
}

// showMeetings fills the year's meetings against the memo's 5–7.
func (t *OverviewTab) showMeetings() {
	y := t.ov.Meetings
	text := meetingYearText(y)
	t.meetings.Max = float64(max(y.Max, 1))
	t.meetings.Value = float64(min(y.Held, y.Max))
	t.meetings.TextFormatter = func() string { return text }
	t.meetings.Refresh()
}

// day is the day the overview is for: the one typed, or today.
func (t *OverviewTab) day() time.Time {
	if d, err := dk.ParseDate(t.asOf.Text); err == nil {
		return d
	}
	return t.now()
}

// formatCount writes a count the Danish way: 1.468.
func formatCount(n int) string { return dk.FormatDecimal(float64(n), 0) }
