package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// draftLease names the lease form's drafts.
const draftLease = "lease"

// leasePanel is the Lejemål sub-tab: the list of leases and the form for
// one of them, with what follows from its terms computed as the user types.
type leasePanel struct {
	t       *PremisesTab
	w       *Window
	content fyne.CanvasObject

	list         *recordList[data.Lease]
	statusFilter *widget.Select
	showArchived *widget.Check

	form                                   *recordForm
	landlord, tenant                       *picker
	utilities, noticeBy                    *widget.Select
	rooms                                  *roomPicker
	start, end, handover                   *entry
	nonTerminable, noticeLandlord, noticeT *entry
	rent, deposit, use, noticeOn, notes    *entry
	approvalOn, approvalRef                [3]*entry // per data.ApprovalBodies
	vat, subletting, partial               *widget.Check
	terms                                  *termsBox
	saveButton, cancelButton, archiveBtn   *widget.Button
	original                               data.Lease // as saved; ID 0 for a new one

	soleLandlord pickerItem // the only organisation that can let rooms, if there is just one
}

func newLeasePanel(t *PremisesTab) *leasePanel {
	p := &leasePanel{t: t, w: t.w}
	p.buildList()
	p.buildForm()
	form := container.NewBorder(
		container.NewVBox(p.form.heading, p.form.state),
		container.NewVBox(p.terms.content, container.NewHBox(p.saveButton, p.cancelButton, layout.NewSpacer(), p.archiveBtn)),
		nil, nil,
		container.NewVScroll(p.formObject()))
	split := container.NewHSplit(container.NewBorder(nil, t.w.csvButtons("leases", t.w.Reload), nil, nil, p.list.content),
		container.NewPadded(form))
	split.Offset = 0.32
	p.content = split
	return p
}

func (p *leasePanel) ctx() context.Context { return context.Background() }

// --- the list ---

func (p *leasePanel) buildList() {
	all := lang.X("premises.filter.all", "Alle")
	options := []string{all}
	for _, st := range data.LeaseStatuses {
		options = append(options, statusFilterLabel(st))
	}
	p.statusFilter = widget.NewSelect(options, func(string) { p.reload() })
	p.statusFilter.SetSelected(all)
	p.showArchived = widget.NewCheck(lang.X("premises.archived", "Vis arkiverede"), func(bool) { p.reload() })
	p.list = newRecordList(p.w, recordListSpec[data.Lease]{
		placeholder: lang.X("premises.lease.search", "Søg: lejer, udlejer, lokale (Ctrl+F)"),
		newLabel:    lang.X("premises.lease.new", "Nyt lejemål (Ctrl+N)"),
		onNew:       func() { p.newRecord() },
		filters:     container.NewBorder(nil, nil, nil, p.showArchived, p.statusFilter),
		fetch: func(offset, limit int) ([]data.Lease, error) {
			q := p.query()
			q.Offset, q.Limit = offset, limit
			return p.w.store.SearchLeases(p.ctx(), q)
		},
		countRows: func() (int, error) { return p.w.store.CountLeases(p.ctx(), p.query()) },
		id:        func(l data.Lease) int64 { return l.ID },
		title:     leaseTitle,
		detail:    func(l data.Lease) string { return leaseDetail(l, p.t.today()) },
		countText: func(n int) string {
			if n == 1 {
				return lang.X("premises.lease.count.one", "1 lejemål")
			}
			return lang.X("premises.lease.count", "{{.N}} lejemål", map[string]any{"N": n})
		},
		onPick: func(l data.Lease) {
			if l.ID == p.original.ID {
				p.w.Win.Canvas().Focus(p.landlord)
				return
			}
			p.form.guard(p.headingName(), func() {
				p.open(l.ID)
				if p.w.Win.Canvas().Focused() == p.list.search {
					p.w.Win.Canvas().Focus(p.landlord) // Enter in the search goes on into the form
				}
			}, func() { p.list.mark(p.original.ID) })
		},
	})
}

func (p *leasePanel) query() data.LeaseQuery {
	q := data.LeaseQuery{Text: p.list.search.Text, Archived: p.showArchived.Checked, Day: p.t.today()}
	for _, st := range data.LeaseStatuses {
		if statusFilterLabel(st) == p.statusFilter.Selected {
			q.Status = st
		}
	}
	return q
}

func (p *leasePanel) reload() {
	if p.list == nil || p.showArchived == nil {
		return
	}
	p.list.reload(p.original.ID)
}

// leaseTitle is the list's first line: the tenant and the rooms.
func leaseTitle(l data.Lease) string { return l.Title() }

// leaseDetail is the list's second line: status, dates, missing approvals.
func leaseDetail(l data.Lease, today time.Time) string {
	parts := []string{statusLabel(l.Status(today)), leasePeriod(l)}
	if len(data.MissingApprovals(l)) > 0 {
		parts = append(parts, lang.X("premises.missing.short", "mangler godkendelse"))
	}
	if l.Archived() {
		parts = append(parts, lang.X("premises.archivedmark", "arkiveret"))
	}
	return strings.Join(parts, " · ")
}

func leasePeriod(l data.Lease) string {
	if l.End.IsZero() {
		return lang.X("premises.period.open", "fra {{.Start}} (uden slutdato)", map[string]any{"Start": dk.FormatDate(l.Start)})
	}
	return lang.X("premises.period", "{{.Start}} – {{.End}}", map[string]any{"Start": dk.FormatDate(l.Start), "End": dk.FormatDate(l.End)})
}

func statusLabel(s data.LeaseStatus) string {
	switch s {
	case data.LeaseActive:
		return lang.X("premises.status.active", "Aktiv")
	case data.LeasePlanned:
		return lang.X("premises.status.planned", "Planlagt")
	case data.LeaseNoticeGiven:
		return lang.X("premises.status.notice", "Opsagt")
	case data.LeaseEnded:
		return lang.X("premises.status.ended", "Ophørt")
	}
	return string(s)
}

// statusFilterLabel names a status in the list's filter, in the plural.
func statusFilterLabel(s data.LeaseStatus) string {
	switch s {
	case data.LeaseActive:
		return lang.X("premises.filter.active", "Aktive")
	case data.LeasePlanned:
		return lang.X("premises.filter.planned", "Planlagte")
	case data.LeaseNoticeGiven:
		return lang.X("premises.filter.notice", "Opsagte")
	case data.LeaseEnded:
		return lang.X("premises.filter.ended", "Ophørte")
	}
	return string(s)
}

func utilitiesLabel(u data.Utilities) string {
	switch u {
	case data.UtilitiesIncluded:
		return lang.X("premises.utilities.included", "Inkluderet i lejen")
	case data.UtilitiesOnAcct:
		return lang.X("premises.utilities.onaccount", "Aconto")
	case data.UtilitiesMetered:
		return lang.X("premises.utilities.metered", "Efter måler")
	}
	return string(u)
}

func approvalLabel(b data.ApprovalBody) string {
	switch b {
	case data.ApprovalResidents:
		return lang.X("premises.approval.residents", "Afdelingsmøde")
	case data.ApprovalBoard:
		return lang.X("premises.approval.board", "Organisationsbestyrelse")
	case data.ApprovalSubsidiary:
		return lang.X("premises.approval.subsidiary", "Datterselskab")
	}
	return string(b)
}

func sideLabel(s data.LeaseSide) string {
	switch s {
	case data.Landlord:
		return lang.X("premises.side.landlord", "Udlejer")
	case data.Tenant:
		return lang.X("premises.side.tenant", "Lejer")
	}
	return lang.X("premises.notice.none", "(ingen)")
}

// --- the form ---

// approvalFieldNames are the data.LeaseForm fields per approval body.
var approvalFieldNames = [3][2]string{{"ResidentsOn", "ResidentsRef"}, {"BoardOn", "BoardRef"}, {"SubsidiaryOn", "SubsidiaryRef"}}

func (p *leasePanel) buildForm() {
	p.form = newRecordForm(p.w, draftLease)
	p.form.recordID = func() int64 { return p.original.ID }
	p.form.values = func() any { return p.formValues() }
	p.form.parse = func() error { _, err := p.formValues().Parse(); return err }
	p.form.onChange = func() {
		p.updateState()
		p.updateTerms()
	}
	changed := func() { p.form.changed() }
	mk := func(hint string) *entry {
		e := newEntry(hint)
		e.OnChanged = func(string) { changed() }
		e.onEscape = p.cancel
		return e
	}
	dateHint := lang.X("form.date.hint", "dd.mm.åååå")
	p.landlord = orgPicker(p.w, lang.X("premises.landlord.hint", "Vælg udlejer"), data.LandlordKinds...)
	p.landlord.OnChanged = func(int64) { changed() }
	p.tenant = orgPicker(p.w, lang.X("premises.tenant.hint", "Vælg lejer (en socialøkonomisk virksomhed)"), data.TenantKinds...)
	p.tenant.OnChanged = func(int64) { changed() }
	p.rooms = newRoomPicker(p.w, changed)
	p.start = mk(dateHint)
	p.end = mk(lang.X("premises.end.hint", "tom: uden slutdato"))
	p.handover = mk(dateHint)
	p.nonTerminable = mk("0")
	p.noticeLandlord = mk("3")
	p.noticeT = mk("3")
	p.rent = mk(lang.X("premises.rent.hint", "fx 650,00"))
	p.deposit = mk("3")
	p.utilities = widget.NewSelect(nil, func(string) { changed() })
	for _, u := range data.UtilitiesValues {
		p.utilities.Options = append(p.utilities.Options, utilitiesLabel(u))
	}
	p.use = mk(lang.X("premises.use.hint", "fx systue med salg fra værkstedet"))
	p.vat = widget.NewCheck(lang.X("premises.vat.check", "Lejen er momspligtig"), func(bool) { changed() })
	p.subletting = widget.NewCheck(lang.X("premises.subletting.check", "Fremleje er tilladt"), func(bool) { changed() })
	p.partial = widget.NewCheck(lang.X("premises.partial.check", "Delvis udlejning (kræver datterselskabets godkendelse)"), func(bool) { changed() })
	for i := range data.ApprovalBodies {
		p.approvalOn[i] = mk(dateHint)
		p.approvalRef[i] = mk(lang.X("premises.approval.ref.hint", "reference: møde, punkt, brev"))
	}
	p.noticeOn = mk(dateHint)
	p.noticeBy = widget.NewSelect([]string{sideLabel(""), sideLabel(data.Landlord), sideLabel(data.Tenant)}, func(string) { changed() })
	p.notes = newMultiLineEntry("")
	p.notes.OnChanged = func(string) { changed() }
	p.notes.onEscape = p.cancel
	p.terms = newTermsBox()

	p.saveButton = widget.NewButton(lang.X("form.save", "Gem (Ctrl+S)"), p.save)
	p.saveButton.Importance = widget.HighImportance
	p.cancelButton = widget.NewButton(lang.X("form.cancel", "Fortryd (Esc)"), p.cancel)
	p.archiveBtn = widget.NewButton(lang.X("premises.archive", "Arkivér"), p.toggleArchived)
}

// formObject lays the fields out in one two-column form, with headings
// between the groups and the date and reference of each approval side by
// side, so the columns line up down the whole form.
func (p *leasePanel) formObject() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	add := func(name, label string, in fyne.CanvasObject) *field {
		f := p.form.fields.add(newField(name, label, in))
		objs = append(objs, f.label, f.row)
		return f
	}
	heading := func(text string) {
		l := widget.NewLabel(text)
		l.TextStyle.Bold = true
		objs = append(objs, l, layout.NewSpacer())
	}
	// pair puts two fields on one row: a narrow one (a date) and a wide one.
	pair := func(label string, narrow, wide *field) {
		p.form.fields.add(narrow)
		p.form.fields.add(wide)
		objs = append(objs, widget.NewLabel(label),
			container.NewBorder(nil, nil, container.New(&minWidth{w: 150}, narrow.row), nil, wide.row))
	}
	heading(lang.X("premises.section.parties", "Parter og lokaler"))
	add("LandlordID", lang.X("premises.landlord", "Udlejer"), p.landlord)
	add("TenantID", lang.X("premises.tenant", "Lejer"), p.tenant)
	add("Rooms", lang.X("premises.rooms", "Lokaler"), p.rooms.content)
	add("Use", lang.X("premises.use", "Anvendelse"), p.use)
	heading(lang.X("premises.section.period", "Periode og opsigelse"))
	add("Start", lang.X("premises.start", "Startdato"), p.start)
	add("End", lang.X("premises.end", "Slutdato"), p.end)
	add("Handover", lang.X("premises.handover", "Overtagelsesdag"), p.handover)
	add("NonTerminableMonths", lang.X("premises.nonterminable", "Uopsigelig (måneder)"), p.nonTerminable)
	add("NoticeMonthsLandlord", lang.X("premises.notice.landlord", "Opsigelsesvarsel, udlejer (måneder)"), p.noticeLandlord)
	add("NoticeMonthsTenant", lang.X("premises.notice.tenant", "Opsigelsesvarsel, lejer (måneder)"), p.noticeT)
	heading(lang.X("premises.section.rent", "Husleje"))
	add("Rent", lang.X("premises.rent", "Kr. pr. m² pr. år ekskl. moms"), p.rent)
	add("DepositMonths", lang.X("premises.deposit", "Depositum (måneders leje)"), p.deposit)
	add("Utilities", lang.X("premises.utilities", "Forbrug"), p.utilities)
	add("VAT", lang.X("premises.vat", "Moms"), p.vat)
	add("Subletting", lang.X("premises.subletting", "Fremleje"), p.subletting)
	heading(lang.X("premises.section.approvals", "Godkendelser (dato og reference)"))
	add("PartialLetting", lang.X("premises.partial", "Udlejningsform"), p.partial)
	for i, b := range data.ApprovalBodies {
		label := approvalLabel(b)
		pair(label, newField(approvalFieldNames[i][0], label, p.approvalOn[i]), newField(approvalFieldNames[i][1], label, p.approvalRef[i]))
	}
	heading(lang.X("premises.section.notice", "Opsigelse"))
	pair(lang.X("premises.notice.given", "Opsagt den / af"),
		newField("NoticeGivenOn", "", p.noticeOn), newField("NoticeGivenBy", "", p.noticeBy))
	add("Notes", lang.X("premises.notes", "Noter"), p.notes)
	return container.New(layout.NewFormLayout(), objs...)
}

// reloadParties finds out whether one organisation alone can let rooms
// (the pickers search the store themselves as they open).
func (p *leasePanel) reloadParties() {
	p.soleLandlord = pickerItem{}
	landlords, err := p.landlord.query("", 0, 2)
	if err != nil {
		p.w.showError(err)
		return
	}
	if len(landlords) == 1 {
		p.soleLandlord = landlords[0]
	}
}

// orgOptions names organisations for a Select; a name that occurs twice
// gets its CVR (or number) so the caseworker can tell them apart.
func orgOptions(orgs []data.Organisation) []string {
	seen := map[string]int{}
	for _, o := range orgs {
		seen[o.Name]++
	}
	out := make([]string, len(orgs))
	for i, o := range orgs {
		out[i] = orgOption(o, seen[o.Name] > 1)
	}
	return out
}

func orgOption(o data.Organisation, twin bool) string {
	if !twin {
		return o.Name
	}
	if o.CVR != "" {
		return o.Name + " (CVR " + o.CVR + ")"
	}
	return o.Name + " (#" + strconv.FormatInt(o.ID, 10) + ")"
}

func selectedOrg(sel *widget.Select, orgs []data.Organisation) int64 {
	opts := orgOptions(orgs)
	for i, o := range opts {
		if o == sel.Selected {
			return orgs[i].ID
		}
	}
	return 0
}

func selectOrg(sel *widget.Select, orgs []data.Organisation, id int64) {
	opts := orgOptions(orgs)
	for i, o := range orgs {
		if o.ID == id {
			sel.SetSelected(opts[i])
			return
		}
	}
	sel.ClearSelected()
}

// formValues reads the form as typed.
func (p *leasePanel) formValues() data.LeaseForm {
	f := data.LeaseForm{
		ID: p.original.ID, LandlordID: pickedID(p.landlord), TenantID: pickedID(p.tenant),
		RoomIDs: p.rooms.ids(), Start: p.start.Text, End: p.end.Text, Handover: p.handover.Text,
		NonTerminableMonths: p.nonTerminable.Text, NoticeMonthsLandlord: p.noticeLandlord.Text, NoticeMonthsTenant: p.noticeT.Text,
		Rent: p.rent.Text, DepositMonths: p.deposit.Text, Use: p.use.Text,
		VAT: data.YesNo(p.vat.Checked), Subletting: data.YesNo(p.subletting.Checked), PartialLetting: data.YesNo(p.partial.Checked),
		NoticeGivenOn: p.noticeOn.Text, Notes: p.notes.Text,
		ResidentsOn: p.approvalOn[0].Text, ResidentsRef: p.approvalRef[0].Text,
		BoardOn: p.approvalOn[1].Text, BoardRef: p.approvalRef[1].Text,
		SubsidiaryOn: p.approvalOn[2].Text, SubsidiaryRef: p.approvalRef[2].Text,
	}
	for _, u := range data.UtilitiesValues {
		if utilitiesLabel(u) == p.utilities.Selected {
			f.Utilities = string(u)
		}
	}
	for _, s := range []data.LeaseSide{data.Landlord, data.Tenant} {
		if sideLabel(s) == p.noticeBy.Selected {
			f.NoticeGivenBy = string(s)
		}
	}
	return f
}

// setValues puts form values into the widgets.
func (p *leasePanel) setValues(f data.LeaseForm) {
	chooseOrg(p.w, p.landlord, f.LandlordID)
	chooseOrg(p.w, p.tenant, f.TenantID)
	rooms, err := p.w.store.RoomsByID(p.ctx(), f.RoomIDs)
	if err != nil {
		p.w.showError(err)
	}
	p.rooms.setSelected(rooms)
	p.start.SetText(f.Start)
	p.end.SetText(f.End)
	p.handover.SetText(f.Handover)
	p.nonTerminable.SetText(f.NonTerminableMonths)
	p.noticeLandlord.SetText(f.NoticeMonthsLandlord)
	p.noticeT.SetText(f.NoticeMonthsTenant)
	p.rent.SetText(f.Rent)
	p.deposit.SetText(f.DepositMonths)
	p.utilities.SetSelected(utilitiesLabel(data.Utilities(f.Utilities)))
	p.use.SetText(f.Use)
	p.vat.SetChecked(f.VAT == "ja")
	p.subletting.SetChecked(f.Subletting == "ja")
	p.partial.SetChecked(f.PartialLetting == "ja")
	ons := []string{f.ResidentsOn, f.BoardOn, f.SubsidiaryOn}
	refs := []string{f.ResidentsRef, f.BoardRef, f.SubsidiaryRef}
	for i := range data.ApprovalBodies {
		p.approvalOn[i].SetText(ons[i])
		p.approvalRef[i].SetText(refs[i])
	}
	p.noticeOn.SetText(f.NoticeGivenOn)
	p.noticeBy.SetSelected(sideLabel(data.LeaseSide(f.NoticeGivenBy)))
	p.notes.SetText(f.Notes)
}

// fill shows a saved (or new, empty) lease, not dirty.
func (p *leasePanel) fill(l data.Lease) {
	p.original = l
	f := l.Form()
	if l.ID == 0 {
		f = data.NewLeaseForm()
		f.LandlordID, f.TenantID, f.RoomIDs = l.LandlordID, l.TenantID, l.RoomIDs
		if p.soleLandlord.ID != 0 && f.LandlordID == 0 {
			f.LandlordID = p.soleLandlord.ID // the usual case: one housing association
		}
	}
	p.form.fill(func() { p.setValues(f) })
	p.form.dirty, p.form.showErrors = false, false
	p.form.fields.clear()
	p.updateState()
	p.updateTerms()
}

// open loads a saved lease into the form.
func (p *leasePanel) open(id int64) {
	l, err := p.w.store.Lease(p.ctx(), id)
	if err != nil {
		p.w.showError(err)
		return
	}
	p.fill(l)
	p.list.mark(id)
}

func (p *leasePanel) headingName() string {
	if p.original.ID == 0 {
		return lang.X("premises.lease.newheading", "Nyt lejemål")
	}
	return lang.X("premises.lease.heading", "Lejemål {{.N}}: {{.Title}}",
		map[string]any{"N": p.original.ID, "Title": p.original.Title()})
}

func (p *leasePanel) updateState() {
	st := stateLine{id: p.original.ID, saved: savedAt(p.original.UpdatedAt), heading: p.headingName(),
		archived: p.original.Archived(), save: p.saveButton, archive: p.archiveBtn}
	if p.original.Archived() {
		st.locked = archivedOn(p.original.ArchivedAt)
	}
	p.form.showState(st)
}

// updateTerms recomputes the Beregnet box from the form as typed. Values
// whose inputs do not parse yet show a dash rather than a wrong figure.
func (p *leasePanel) updateTerms() {
	l, err := p.formValues().Parse()
	v, _ := data.AsValidation(err)
	bad := func(fields ...string) bool {
		if v == nil {
			return false
		}
		for _, f := range fields {
			if _, ok := v.For(f); ok {
				return true
			}
		}
		return false
	}
	p.terms.show(l, p.rooms.selected, p.t.today(), termsValid{
		money: !bad("Rent", "DepositMonths"),
		dates: !bad("Start", "End", "NonTerminableMonths", "NoticeMonthsLandlord", "NoticeMonthsTenant", "NoticeGivenOn", "NoticeGivenBy") && !l.Start.IsZero(),
	})
}

// newRecord starts a new lease (Ctrl+N), with rooms already chosen if given.
func (p *leasePanel) newRecord(roomIDs ...int64) {
	p.form.guard(p.headingName(), func() {
		p.fill(data.Lease{RoomIDs: roomIDs})
		p.list.mark(0)
		p.w.Win.Canvas().Focus(p.landlord)
	}, nil)
}

// save saves the form (Ctrl+S). A refused save keeps every typed value and
// puts each problem on its field: an overlap lands on Lokaler.
func (p *leasePanel) save() {
	if p.original.Archived() {
		return
	}
	l, err := p.w.store.SaveLease(p.ctx(), p.formValues())
	if !p.form.accept(err) {
		return
	}
	p.fill(l)
	p.reload()
	p.t.rooms.reload()
	p.w.setStatus(lang.X("premises.lease.saved", "Lejemål {{.N}} er gemt {{.When}}.",
		map[string]any{"N": l.ID, "When": time.Now().Format("15.04")}))
}

// cancel throws away unsaved edits (Esc) and shows what is saved.
func (p *leasePanel) cancel() {
	if !p.form.dirty {
		return
	}
	p.form.clean()
	p.fill(p.original)
}

func (p *leasePanel) toggleArchived() {
	l := p.original
	p.form.toggleArchived(archiveToggle{
		id: l.ID, archived: l.Archived(),
		title: lang.X("premises.lease.archive.title", "Arkivér lejemål"),
		question: lang.X("premises.lease.archive.question", "Arkivér {{.Name}}? Det forsvinder fra listerne og optager ikke længere lokalerne, men beholder sin historik og kan genskabes under »Vis arkiverede«.",
			map[string]any{"Name": p.headingName()}),
		archive: func(id int64) error { return p.w.store.ArchiveLease(p.ctx(), id) },
		restore: func(id int64) error { return p.w.store.RestoreLease(p.ctx(), id) },
		refused: func(v *data.ValidationError) {
			p.form.fields.show(v)
			p.form.state.SetText(lang.X("premises.restore.refused", "Kan ikke genskabes: {{.Text}}",
				map[string]any{"Text": v.Problems[0].Text}))
		},
		showArchived: p.showArchived,
		reopen: func(id int64) {
			p.open(id)
			p.reload()
		},
	}, p.headingName())
}

// restoreDraft puts a kept draft back into the form, dirty.
func (p *leasePanel) restoreDraft(d data.Draft) {
	restoreDraft(p.form, d, func(id int64) (data.Lease, error) { return p.w.store.Lease(p.ctx(), id) },
		p.fill, p.setValues, func() {
			p.updateState()
			p.updateTerms()
			p.list.mark(d.RecordID)
		})
}

func (p *leasePanel) draftTitle(d data.Draft) string {
	if d.RecordID == 0 {
		return lang.X("premises.lease.newheading", "Nyt lejemål")
	}
	if l, err := p.w.store.Lease(p.ctx(), d.RecordID); err == nil {
		return lang.X("premises.lease.heading", "Lejemål {{.N}}: {{.Title}}", map[string]any{"N": l.ID, "Title": l.Title()})
	}
	return lang.X("tab.premises", "Lokaler og lejemål")
}
