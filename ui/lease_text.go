package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// What the lease tab says of a lease: its list lines and the names of its codes.

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

// The Danish names of the lease's codes come from data; the translations
// are keyed by the code ("premises.status.aktiv").

func statusLabel(s data.LeaseStatus) string { return lang.X("premises.status."+string(s), s.Label()) }

func utilitiesLabel(u data.Utilities) string {
	return lang.X("premises.utilities."+string(u), u.Label())
}

func approvalLabel(b data.ApprovalBody) string {
	return lang.X("premises.approval."+string(b), b.Label())
}

// sideLabel names who gave notice, or "(ingen)".
func sideLabel(s data.LeaseSide) string {
	if s == "" {
		return lang.X("premises.notice.none", "(ingen)")
	}
	return lang.X("premises.side."+string(s), s.Label())
}

// statusPlurals name the statuses in the list's filter.
var statusPlurals = map[data.LeaseStatus]string{
	data.LeaseActive: "Aktive", data.LeasePlanned: "Planlagte", data.LeaseNoticeGiven: "Opsagte", data.LeaseEnded: "Ophørte"}

// statusFilterLabel names a status in the list's filter, in the plural.
func statusFilterLabel(s data.LeaseStatus) string {
	return lang.X("premises.filter."+string(s), statusPlurals[s])
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
