package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"partnerskab/ui/form"
	"partnerskab/ui/widgets"
)

// The Samarbejde tab's sub-tabs, in order.
const (
	subMeetings = iota
	subChecklist
	subRisks
	subGoals
	subGrants
	subOrganisation
)

// PartnershipTab is the Samarbejde tab: the partnership's own work. Its
// meetings with agenda and minutes, the checklist of what the
// collaboration must clarify, barriers and risks, goals and milestones,
// grants, and who sits in the project organisation.
type PartnershipTab struct {
	*form.Group
	w       *Window
	content fyne.CanvasObject

	meetings  *meetingPanel
	checklist *checklistList
	risks     *riskList
	goals     *goalList
	grants    *grantList
	members   *membershipList
	bodies    *bodyList
}

func newPartnershipTab(w *Window) *PartnershipTab {
	t := &PartnershipTab{w: w}
	t.meetings = newMeetingPanel(w)
	t.checklist = newChecklistList(w)
	t.risks = newRiskList(w)
	t.goals = newGoalList(w)
	t.grants = newGrantList(w)
	t.members = newMembershipList(w)
	t.bodies = newBodyList(w)
	org := container.NewHSplit(t.members.Content, container.NewPadded(t.bodies.Content))
	org.Offset = 0.72
	part := func(key, text string, content fyne.CanvasObject, e form.Editor, reload func()) form.Part {
		return form.Part{Item: widgets.NewTabItem(lang.X(key, text), content), Editor: e, Reload: reload}
	}
	t.Group = form.NewGroup(
		part("partnership.tab.meetings", "Møder", t.meetings.Content, t.meetings, t.meetings.Reload),
		part("partnership.tab.checklist", "Afklaringer", t.checklist.Content, t.checklist, t.checklist.Reload),
		part("partnership.tab.risks", "Barrierer og risici", t.risks.Content, t.risks, t.risks.Reload),
		part("partnership.tab.goals", "Mål og milepæle", t.goals.Content, t.goals, t.goals.Reload),
		part("partnership.tab.grants", "Tilskud", t.grants.Content, t.grants, t.grants.Reload),
		part("partnership.tab.organisation", "Projektorganisation", org, form.Both{A: t.members, B: t.bodies},
			func() { t.members.Reload(); t.bodies.Reload() }),
	)
	t.content = t.Tabs
	return t
}

// show brings the Samarbejde tab and its sub-tab i to the front.
func (t *PartnershipTab) show(i int) {
	t.w.showTab(t.content)
	t.Group.Show(i)
}

// OpenMeeting, OpenRisk and OpenGrant show one record (the overview's
// rows call them).
func (t *PartnershipTab) OpenMeeting(id int64) { t.show(subMeetings); t.meetings.Show(id) }
func (t *PartnershipTab) OpenRisk(id int64)    { t.show(subRisks); t.risks.Show(id) }
func (t *PartnershipTab) OpenGrant(id int64)   { t.show(subGrants); t.grants.Show(id) }

// today is the store's day: what "today" means for a deadline or an
// approval (tests set the store's clock).
func (w *Window) today() time.Time {
	y, m, d := w.store.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// boldLabel is a heading inside a form's page.
func boldLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}
