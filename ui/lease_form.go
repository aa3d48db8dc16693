package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// leasePanel is the Lejemål sub-tab: the list of leases and the form for
// one of them, with what follows from its terms computed as the user types.
type leasePanel struct {
	*form.Register[data.Lease, data.LeaseForm]
	t                *PremisesTab
	w                *Window
	statusFilter     *widget.Select
	landlord, tenant *widgets.Picker
	rooms            *roomPicker
	terms            *termsBox

	soleLandlord widgets.PickerItem // the only organisation that can let rooms, if there is just one
}

type leaseForm = data.LeaseForm

// at is a text field of the lease form, by pointer.
type at = func(*leaseForm) *string

func newLeasePanel(t *PremisesTab) *leasePanel {
	w := t.w
	p := &leasePanel{t: t, w: w, terms: newTermsBox(),
		landlord: orgPicker(w, lang.X("premises.landlord.hint", "Vælg udlejer"), data.LandlordKinds...),
		tenant:   orgPicker(w, lang.X("premises.tenant.hint", "Vælg lejer (en socialøkonomisk virksomhed)"), data.TenantKinds...)}
	all := lang.X("premises.filter.all", "Alle")
	options := []string{all}
	for _, st := range data.LeaseStatuses {
		options = append(options, statusFilterLabel(st))
	}
	p.statusFilter = widget.NewSelect(options, func(string) { p.Reload() })
	p.statusFilter.SetSelected(all)
	p.rooms = newRoomPicker(w, nil)
	date := lang.X("form.date.hint", "dd.mm.åååå")
	fields := []*form.Binding[leaseForm]{
		form.Heading[leaseForm](lang.X("premises.section.parties", "Parter og lokaler")),
		form.Picked("LandlordID", lang.X("premises.landlord", "Udlejer"), p.landlord, w.orgName, w.ShowError,
			func(f *leaseForm) *int64 { return &f.LandlordID }),
		form.Picked("TenantID", lang.X("premises.tenant", "Lejer"), p.tenant, w.orgName, w.ShowError,
			func(f *leaseForm) *int64 { return &f.TenantID }),
		form.Custom("Rooms", lang.X("premises.rooms", "Lokaler"), p.rooms.content,
			func(f *leaseForm) { f.RoomIDs = p.rooms.ids() },
			func(f *leaseForm) {
				rooms, err := w.store.RoomsByID(ctx(), f.RoomIDs)
				if err != nil {
					w.ShowError(err)
				}
				p.rooms.setSelected(rooms)
			},
			func(changed func()) { p.rooms.onChange = changed }),
		form.Text("Use", lang.X("premises.use", "Anvendelse"), lang.X("premises.use.hint", "fx systue med salg fra værkstedet"), func(f *leaseForm) *string { return &f.Use }),
		form.Heading[leaseForm](lang.X("premises.section.period", "Periode og opsigelse")),
		form.Text("Start", lang.X("premises.start", "Startdato"), date, func(f *leaseForm) *string { return &f.Start }),
		form.Text("End", lang.X("premises.end", "Slutdato"), lang.X("premises.end.hint", "tom: uden slutdato"), func(f *leaseForm) *string { return &f.End }),
		form.Text("Handover", lang.X("premises.handover", "Overtagelsesdag"), date, func(f *leaseForm) *string { return &f.Handover }),
		form.Text("NonTerminableMonths", lang.X("premises.nonterminable", "Uopsigelig (måneder)"), "0", func(f *leaseForm) *string { return &f.NonTerminableMonths }),
		form.Text("NoticeMonthsLandlord", lang.X("premises.notice.landlord", "Opsigelsesvarsel, udlejer (måneder)"), "3",
			func(f *leaseForm) *string { return &f.NoticeMonthsLandlord }),
		form.Text("NoticeMonthsTenant", lang.X("premises.notice.tenant", "Opsigelsesvarsel, lejer (måneder)"), "3",
			func(f *leaseForm) *string { return &f.NoticeMonthsTenant }),
		form.Heading[leaseForm](lang.X("premises.section.rent", "Husleje")),
		form.Text("Rent", lang.X("premises.rent", "Kr. pr. m² pr. år ekskl. moms"), lang.X("premises.rent.hint", "fx 650,00"), func(f *leaseForm) *string { return &f.Rent }),
		form.Text("DepositMonths", lang.X("premises.deposit", "Depositum (måneders leje)"), "3", func(f *leaseForm) *string { return &f.DepositMonths }),
		form.Choice("Utilities", lang.X("premises.utilities", "Forbrug"), utilitiesOptions(), "", func(f *leaseForm) *string { return &f.Utilities }),
		form.YesNo("VAT", lang.X("premises.vat", "Moms"), lang.X("premises.vat.check", "Lejen er momspligtig"), func(f *leaseForm) *string { return &f.VAT }),
		form.YesNo("Subletting", lang.X("premises.subletting", "Fremleje"), lang.X("premises.subletting.check", "Fremleje er tilladt"),
			func(f *leaseForm) *string { return &f.Subletting }),
		form.Choice("RentAdjustment", lang.X("premises.adjustment", "Lejeregulering"), rentAdjustmentOptions(), "",
			func(f *leaseForm) *string { return &f.RentAdjustment }),
		form.Text("RentAdjustmentMonth", lang.X("premises.adjustment.month", "Reguleres hvert år i"),
			lang.X("premises.adjustment.month.hint", "fx januar; kun ved nettoprisindeks"), func(f *leaseForm) *string { return &f.RentAdjustmentMonth }),
		form.Heading[leaseForm](lang.X("premises.section.approvals", "Godkendelser (dato og reference)")),
		form.YesNo("PartialLetting", lang.X("premises.partial", "Udlejningsform"),
			lang.X("premises.partial.check", "Delvis udlejning (kræver datterselskabets godkendelse)"), func(f *leaseForm) *string { return &f.PartialLetting }),
	}
	for _, a := range approvalFields(date) {
		fields = append(fields, form.Pair(a.label, 150, form.Text(a.on, a.label, date, a.onAt), form.Text(a.ref, a.label, a.hint, a.refAt)))
	}
	fields = append(fields,
		form.Heading[leaseForm](lang.X("premises.section.notice", "Opsigelse")),
		form.Pair(lang.X("premises.notice.given", "Opsagt den / af"), 150,
			form.Text("NoticeGivenOn", "", date, func(f *leaseForm) *string { return &f.NoticeGivenOn }),
			form.Choice("NoticeGivenBy", "", sideOptions(), "", func(f *leaseForm) *string { return &f.NoticeGivenBy })),
		form.Lines("Notes", lang.X("premises.notes", "Noter"), "", func(f *leaseForm) *string { return &f.Notes }))
	p.Register = form.NewRegister(w, form.Spec[data.Lease, leaseForm]{
		Name: lang.X("tab.premises", "Lokaler og lejemål"), Draft: draftLease,
		New: lang.X("premises.lease.newheading", "Nyt lejemål"), Heading: leaseHeading,
		ID: func(l data.Lease) int64 { return l.ID }, Values: p.values,
		Parse: form.ParseOf[data.Lease, leaseForm], Read: w.store.Lease, Save: w.store.SaveLease,
		Updated: func(l data.Lease) time.Time { return l.UpdatedAt },
		Fields:  fields,
		List: form.ListSpec[data.Lease]{
			Search:   lang.X("premises.lease.search", "Søg: lejer, udlejer, lokale (Ctrl+F)"),
			NewLabel: lang.X("premises.lease.new", "Nyt lejemål (Ctrl+N)"),
			Filters:  p.statusFilter,
			Fetch:    func(o, l int) ([]data.Lease, error) { return w.store.SearchLeases(ctx(), p.query(o, l)) },
			Rows:     func() (int, error) { return w.store.CountLeases(ctx(), p.query(0, 0)) },
			ID:       func(l data.Lease) int64 { return l.ID },
			Title:    data.Lease.Title,
			Detail:   func(l data.Lease) string { return leaseDetail(l, t.today()) },
			Count: func(n int) string {
				return form.Counted(n, lang.X("premises.lease.count.one", "1 lejemål"), lang.X("premises.lease.count", "{{.N}} lejemål", map[string]any{"N": formatCount(n)}))
			},
		},
		Archive: &form.Archiving[data.Lease]{Archive: w.store.ArchiveLease, Restore: w.store.RestoreLease,
			At: func(l data.Lease) time.Time { return l.ArchivedAt }, Title: lang.X("premises.lease.archive.title", "Arkivér lejemål"),
			Question: func(l data.Lease) string {
				return lang.X("premises.lease.archive.question", "Arkivér {{.Name}}? Det forsvinder fra listerne og optager ikke længere lokalerne, men beholder sin historik og kan genskabes under »Vis arkiverede«.", map[string]any{"Name": leaseHeading(l)})
			}},
		CSV:     "leases",
		Refresh: p.updateTerms,
		OnSaved: func(data.Lease) { t.rooms.reload() },
		// The terms are computed below the fields, in a split the caseworker
		// can move: on a small screen the fields get the room.
		Layout: &form.Pane[data.Lease, leaseForm]{Split: 0.32, Body: func(fields fyne.CanvasObject) fyne.CanvasObject {
			split := container.NewVSplit(container.NewVScroll(fields), container.NewVScroll(p.terms.content))
			split.Offset = 0.72
			return split
		}},
	})
	return p
}

func leaseHeading(l data.Lease) string {
	return lang.X("premises.lease.heading", "Lejemål {{.N}}: {{.Title}}", map[string]any{"N": l.ID, "Title": l.Title()})
}

// values is the form showing lease l; a new lease starts from the usual
// terms, with the one housing association as landlord when there is one.
func (p *leasePanel) values(l data.Lease) leaseForm {
	if l.ID != 0 {
		return l.Form()
	}
	f := data.NewLeaseForm()
	f.LandlordID, f.TenantID, f.RoomIDs = l.LandlordID, l.TenantID, l.RoomIDs
	if p.soleLandlord.ID != 0 && f.LandlordID == 0 {
		f.LandlordID = p.soleLandlord.ID
	}
	return f
}

func (p *leasePanel) query(offset, limit int) data.LeaseQuery {
	q := data.LeaseQuery{Text: p.List.Text(), Archived: p.Archived(), Day: p.t.today(), Offset: offset, Limit: limit}
	for _, st := range data.LeaseStatuses {
		if statusFilterLabel(st) == p.statusFilter.Selected {
			q.Status = st
		}
	}
	return q
}

// approvalField is one approval's pair of fields in the lease form.
type approvalField struct {
	label, on, ref, hint string
	onAt, refAt          at
}

// approvalFields are the date and reference per data.ApprovalBodies.
func approvalFields(date string) []approvalField {
	hint := lang.X("premises.approval.ref.hint", "reference: møde, punkt, brev")
	return []approvalField{
		{approvalLabel(data.ApprovalResidents), "ResidentsOn", "ResidentsRef", hint,
			func(f *leaseForm) *string { return &f.ResidentsOn }, func(f *leaseForm) *string { return &f.ResidentsRef }},
		{approvalLabel(data.ApprovalBoard), "BoardOn", "BoardRef", hint,
			func(f *leaseForm) *string { return &f.BoardOn }, func(f *leaseForm) *string { return &f.BoardRef }},
		{approvalLabel(data.ApprovalSubsidiary), "SubsidiaryOn", "SubsidiaryRef", hint,
			func(f *leaseForm) *string { return &f.SubsidiaryOn }, func(f *leaseForm) *string { return &f.SubsidiaryRef }},
	}
}

func utilitiesOptions() []form.Option { return form.Options(data.UtilitiesValues, utilitiesLabel) }

func rentAdjustmentOptions() []form.Option {
	return form.Options(data.RentAdjustments, func(r data.RentAdjustment) string {
		return lang.X("premises.adjustment."+string(r), r.Label())
	})
}

func sideOptions() []form.Option {
	return []form.Option{{Label: sideLabel(""), Value: ""}, {Label: sideLabel(data.Landlord), Value: string(data.Landlord)},
		{Label: sideLabel(data.Tenant), Value: string(data.Tenant)}}
}

// reloadParties finds out whether one organisation alone can let rooms
// (the pickers search the store themselves as they open).
func (p *leasePanel) reloadParties() {
	p.soleLandlord = widgets.PickerItem{}
	landlords, err := p.landlord.Find("", 0, 2)
	if err != nil {
		p.w.ShowError(err)
		return
	}
	if len(landlords) == 1 {
		p.soleLandlord = landlords[0]
	}
}

// updateTerms recomputes the Beregnet box from the form as typed. Values
// whose inputs do not parse yet show a dash rather than a wrong figure.
func (p *leasePanel) updateTerms() {
	l, err := p.Values().Parse()
	v, _ := data.AsValidation(err)
	bad := v.Any
	p.terms.show(l, p.rooms.selected, p.t.today(), termsValid{
		money: !bad("Rent", "DepositMonths"),
		dates: !bad("Start", "End", "NonTerminableMonths", "NoticeMonthsLandlord", "NoticeMonthsTenant", "NoticeGivenOn", "NoticeGivenBy") && !l.Start.IsZero(),
	})
}
