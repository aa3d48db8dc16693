package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
	"partnerskab/ui/widgets"
)

// termsValid says which computed values the form's input supports.
type termsValid struct{ money, dates bool }

// termsBox is the "Beregnet" box under the lease form: what follows from
// the terms as typed, from data.Lease.Terms.
type termsBox struct {
	content                             fyne.CanvasObject
	area, yearly, monthly, deposit      *widget.Label
	status, landlord, tenant, approvals *widget.Label
}

func newTermsBox() *termsBox {
	b := &termsBox{}
	value := func() *widget.Label {
		l := widget.NewLabel("—")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	b.area, b.yearly, b.monthly, b.deposit = value(), value(), value(), value()
	b.status, b.landlord, b.tenant, b.approvals = value(), value(), value(), value()
	b.approvals.Wrapping = fyne.TextWrapWord
	b.approvals.Truncation = fyne.TextTruncateOff
	title := widget.NewLabel(lang.X("premises.terms.title", "Beregnet"))
	title.TextStyle.Bold = true
	left := compactPairs(170,
		widget.NewLabel(lang.X("premises.terms.area", "Samlet areal")), b.area,
		widget.NewLabel(lang.X("premises.terms.yearly", "Årlig husleje")), b.yearly,
		widget.NewLabel(lang.X("premises.terms.monthly", "Månedlig husleje")), b.monthly,
		widget.NewLabel(lang.X("premises.terms.deposit", "Depositum")), b.deposit)
	right := compactPairs(0,
		widget.NewLabel(lang.X("premises.terms.status", "Status")), b.status,
		widget.NewLabel(lang.X("premises.terms.landlord", "Udlejers opsigelse")), b.landlord,
		widget.NewLabel(lang.X("premises.terms.tenant", "Lejers opsigelse")), b.tenant,
		widget.NewLabel(""), widget.NewLabel(""))
	// The box stays in view under the scrolling form, so it is packed
	// tighter than the form's rows.
	b.content = container.New(layout.NewCustomPaddedVBoxLayout(-10), widget.NewSeparator(), title,
		container.NewBorder(nil, nil, container.NewHBox(left, layout.NewSpacer()), nil, right), b.approvals)
	return b
}

// compactPairs lays out label, value, label, value … as two tight columns;
// valueWidth keeps the values (which truncate) from collapsing.
func compactPairs(valueWidth float32, objs ...fyne.CanvasObject) fyne.CanvasObject {
	var labels, values []fyne.CanvasObject
	for i := 0; i+1 < len(objs); i += 2 {
		labels = append(labels, objs[i])
		values = append(values, objs[i+1])
	}
	tight := func(o []fyne.CanvasObject) *fyne.Container {
		return container.New(layout.NewCustomPaddedVBoxLayout(-12), o...)
	}
	return container.NewBorder(nil, nil, tight(labels), nil, container.New(&widgets.MinWidth{W: valueWidth}, tight(values)))
}

// show puts the terms of l (with the rooms chosen) on day into the box.
func (b *termsBox) show(l data.Lease, rooms []data.Room, day time.Time, ok termsValid) {
	t := l.Terms(rooms, day)
	dash := "—"
	b.area.SetText(data.FormatArea(t.AreaM2))
	if ok.money {
		b.yearly.SetText(dk.FormatMoney(t.YearlyRent))
		b.monthly.SetText(dk.FormatMoney(t.MonthlyRent))
		b.deposit.SetText(dk.FormatMoney(t.Deposit))
	} else {
		b.yearly.SetText(dash)
		b.monthly.SetText(dash)
		b.deposit.SetText(dash)
	}
	b.landlord.SetText(dash)
	b.tenant.SetText(dash)
	if !ok.dates {
		b.status.SetText(dash)
	} else {
		s := statusLabel(t.Status)
		switch {
		case t.Status == data.LeasePlanned:
			s += " · " + lang.X("premises.terms.starts", "starter {{.Date}}", map[string]any{"Date": dk.FormatDate(l.Start)})
		case !t.End.IsZero() && t.Status == data.LeaseEnded:
			s += " · " + lang.X("premises.terms.ended", "ophørte {{.Date}}", map[string]any{"Date": dk.FormatDate(t.End)})
		case !t.End.IsZero():
			s += " · " + lang.X("premises.terms.ends", "ophører {{.Date}}", map[string]any{"Date": dk.FormatDate(t.End)})
		}
		b.status.SetText(s)
		for _, d := range t.Deadlines {
			text := lang.X("premises.terms.deadline", "ophør {{.End}}, sidste frist {{.Last}}",
				map[string]any{"End": dk.FormatDate(d.NextEnd), "Last": dk.FormatDate(d.LastNotice)})
			if d.Side == data.Landlord {
				b.landlord.SetText(text)
			} else {
				b.tenant.SetText(text)
			}
		}
	}
	if len(t.Missing) == 0 {
		b.approvals.Importance = widget.SuccessImportance
		b.approvals.SetText(lang.X("premises.terms.approved", "Godkendelser: alle de nødvendige er givet."))
		return
	}
	var names []string
	for _, m := range t.Missing {
		names = append(names, approvalLabel(m))
	}
	b.approvals.Importance = widget.WarningImportance
	b.approvals.SetText(lang.X("premises.terms.missing", "Mangler godkendelse: {{.Names}}.",
		map[string]any{"Names": strings.Join(names, ", ")}))
}
