package agreement

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// A meeting's two documents, the invitation with the agenda and the
// minutes, go through the agreements' renderer: the same fonts, header,
// footer and deterministic bytes. They are made when asked for, from the
// meeting as the store holds it, and never stored.

// MeetingDoc is which of a meeting's documents to make.
type MeetingDoc string

// The documents of a meeting.
const (
	MeetingAgenda  MeetingDoc = "dagsorden" // "Indkaldelse og dagsorden"
	MeetingMinutes MeetingDoc = "referat"
)

// MeetingDocs are the documents in the order a meeting needs them.
var MeetingDocs = []MeetingDoc{MeetingAgenda, MeetingMinutes}

// ParseMeetingDoc reads a document's name as typed: "dagsorden" (or
// "indkaldelse") or "referat", in any case.
func ParseMeetingDoc(s string) (MeetingDoc, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "dagsorden", "indkaldelse":
		return MeetingAgenda, nil
	case "referat":
		return MeetingMinutes, nil
	}
	return "", fmt.Errorf("ukendt dokument %q; vælg dagsorden eller referat", s)
}

// Title is the document's name as it heads the page.
func (d MeetingDoc) Title() string {
	if d == MeetingMinutes {
		return "Referat"
	}
	return "Indkaldelse og dagsorden"
}

// FileName is the name a save dialog suggests: "referat-2015-03-05.pdf".
func (d MeetingDoc) FileName(m data.Meeting) string {
	return string(d) + "-" + dk.ISODate(m.Date) + ".pdf"
}

// ErrNoMeetingDoc is a document the meeting cannot have yet: an agenda
// without items, minutes of a meeting not held.
var ErrNoMeetingDoc = errors.New("mødets dokument kan ikke dannes endnu")

// noDocError says why, and is ErrNoMeetingDoc.
type noDocError struct{ text string }

func (e *noDocError) Error() string        { return e.text }
func (e *noDocError) Is(target error) bool { return target == ErrNoMeetingDoc }

// MeetingPDF renders one of meeting m's documents; notice is the notice
// period in days (data.Store.NoticeDays) that the invitation is held to.
// Minutes not yet approved carry the mark UDKAST, the demo's meetings
// EKSEMPEL. The same meeting always gives the same bytes.
func MeetingPDF(m data.Meeting, what MeetingDoc, notice int) ([]byte, error) {
	return meetingPDF(m, what, notice, "")
}

// meetingPDF is MeetingPDF with the organisation named as the file's author.
func meetingPDF(m data.Meeting, what MeetingDoc, notice int, org string) ([]byte, error) {
	doc, err := MeetingDocument(m, what, notice)
	if err != nil {
		return nil, err
	}
	doc.Author = org
	return render(doc, strings.ToLower(what.Title())+" "+m.Title, func(r *renderer) {
		r.titleBlock()
		r.blocks(doc.Body, marginL, contentW, 0)
	})
}

// ExportMeetingPDF renders document what of meeting id as the store holds
// it now.
func ExportMeetingPDF(ctx context.Context, s *data.Store, id int64, what MeetingDoc) ([]byte, error) {
	m, err := s.Meeting(ctx, id)
	if err != nil {
		return nil, err
	}
	notice, err := s.NoticeDays(ctx)
	if err != nil {
		return nil, err
	}
	org, err := s.Setting(ctx, data.SettingOrganisationName)
	if err != nil {
		return nil, err
	}
	return meetingPDF(m, what, notice, org)
}

// MeetingDocument is what the PDF of a meeting's document shows: its
// title block and its text as blocks for the renderer.
func MeetingDocument(m data.Meeting, what MeetingDoc, notice int) (Document, error) {
	doc := Document{Title: m.Title, Example: m.Example, Place: m.Place,
		Label:   labelOf(what) + " " + dk.FormatDate(m.Date),
		Subject: what.Title() + " · " + m.Kind() + " " + dk.FormatDate(m.Date)}
	switch what {
	case MeetingAgenda:
		if len(m.Items) == 0 {
			return doc, &noDocError{fmt.Sprintf("dagsordenen kan ikke dannes: mødet »%s« %s har ingen punkter; tilføj mindst ét",
				m.Title, dk.FormatDate(m.Date))}
		}
		doc.Date = firstOf(m.InvitedOn, m.Date)
		doc.Kicker = what.Title() + " · " + m.Kind()
		doc.Details = append(meetingDetails(m), Detail{"Indkaldelse", noticeLine(m, notice)})
		doc.Body = agendaBlocks(m)
	case MeetingMinutes:
		if m.Status != data.MeetingHeld && m.Status != data.MeetingApproved {
			return doc, &noDocError{fmt.Sprintf("referatet kan ikke dannes endnu: mødet »%s« %s er %s, ikke afholdt",
				m.Title, dk.FormatDate(m.Date), strings.ToLower(m.Status.Label()))}
		}
		doc.Date = firstOf(m.ApprovedOn, m.Date)
		doc.Draft = !m.Approved()
		doc.Kicker = "Referat · " + m.Kind()
		approval := "Godkendt " + dk.FormatDate(m.ApprovedOn)
		if !m.Approved() {
			doc.Kicker = "Udkast til referat · " + m.Kind()
			approval = "Ikke godkendt endnu"
		}
		doc.Details = append(meetingDetails(m), Detail{"Referat", approval})
		doc.Body = minutesBlocks(m)
	default:
		return doc, fmt.Errorf("ukendt mødedokument %q", what)
	}
	return doc, nil
}

// labelOf is the document's short name in the header and footer.
func labelOf(what MeetingDoc) string {
	if what == MeetingMinutes {
		return "Referat"
	}
	return "Dagsorden"
}

// meetingDetails are the lines under the title: when, where, which body.
func meetingDetails(m data.Meeting) []Detail {
	out := []Detail{{"Dato", dk.WeekdayName(m.Date.Weekday()) + " " + dk.FormatDateLong(m.Date)}}
	switch {
	case m.Starts != "" && m.Ends != "":
		out = append(out, Detail{"Tid", "kl. " + dk.FormatClock(m.Starts) + "–" + dk.FormatClock(m.Ends)})
	case m.Starts != "":
		out = append(out, Detail{"Tid", "kl. " + dk.FormatClock(m.Starts)})
	}
	if m.Place != "" {
		out = append(out, Detail{"Sted", m.Place})
	}
	return append(out, Detail{"Møde i", m.Kind()})
}

// noticeLine says when the invitation went out against the notice period,
// or by when it must go out.
func noticeLine(m data.Meeting, notice int) string {
	by := data.InviteBy(m.Date, notice)
	if m.InvitedOn.IsZero() {
		return fmt.Sprintf("sendes senest %s (%d dages varsel)", dk.FormatDate(by), notice)
	}
	days := int(m.Date.Sub(m.InvitedOn).Hours() / 24)
	s := fmt.Sprintf("sendt %s, %d %s før mødet", dk.FormatDate(m.InvitedOn), days, plural(days, "dag", "dage"))
	if m.InvitedOn.After(by) {
		return s + fmt.Sprintf(" (kortere end %d dages varsel; skulle være sendt senest %s)", notice, dk.FormatDate(by))
	}
	return s + fmt.Sprintf(" (%d dages varsel)", notice)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
