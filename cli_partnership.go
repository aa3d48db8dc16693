package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/data/dk"
)

// The partnership's own work on the command line: the meetings with the
// year's count, the checklist and the goals. JSON gives the program's
// codes and ISO dates, for scripts; the text is Danish.

// meetingRow is one meeting in `partnerskab meetings --json`.
type meetingRow struct {
	ID          int64  `json:"id"`
	Date        string `json:"date"`
	Starts      string `json:"starts,omitempty"` // HH:MM
	Ends        string `json:"ends,omitempty"`
	Body        string `json:"body,omitempty"` // the body's code; empty for another kind of meeting
	Kind        string `json:"kind"`
	Title       string `json:"title"`
	Place       string `json:"place,omitempty"`
	Status      string `json:"status"` // planlagt, indkaldt, afholdt, godkendt
	InvitedOn   string `json:"invitedOn,omitempty"`
	ApprovedOn  string `json:"approvedOn,omitempty"`
	Items       int    `json:"agendaItems"`
	Actions     int    `json:"actionItems"`
	OpenActions int    `json:"openActionItems"`
	Example     bool   `json:"example,omitempty"`
}

// meetingYearRow is one year's count against the memo's 5–7 meetings.
type meetingYearRow struct {
	Year    int    `json:"year"`
	Held    int    `json:"held"`
	Planned int    `json:"planned"`
	Min     int    `json:"min"`
	Max     int    `json:"max"`
	Text    string `json:"text"`
}

type meetingsOut struct {
	Years    []meetingYearRow `json:"years"`
	Meetings []meetingRow     `json:"meetings"`
}

func cmdMeetings(e *env, args []string) int {
	var asJSON bool
	if !e.flags("meetings", args, jsonFlag(&asJSON)) {
		return 2
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	list, err := s.Meetings(ctx, data.MeetingQuery{})
	if err != nil {
		return e.fail("%s: %v", s.Path(), err)
	}
	out := meetingsOut{Years: []meetingYearRow{}, Meetings: make([]meetingRow, 0, len(list))}
	years := []int{}
	for _, m := range list {
		if len(years) == 0 || years[len(years)-1] != m.Date.Year() {
			years = append(years, m.Date.Year()) // newest first, as the list
		}
		full, err := s.Meeting(ctx, m.ID)
		if err != nil {
			return e.fail("%s: %v", s.Path(), err)
		}
		out.Meetings = append(out.Meetings, newMeetingRow(full))
	}
	if len(years) == 0 {
		years = append(years, s.Now().Year())
	}
	for _, year := range years {
		y, err := s.MeetingYear(ctx, year)
		if err != nil {
			return e.fail("%s: %v", s.Path(), err)
		}
		out.Years = append(out.Years, meetingYearRow{Year: y.Year, Held: y.Held, Planned: y.Planned, Min: y.Min, Max: y.Max, Text: y.Text()})
	}
	if asJSON {
		return e.printJSON(out)
	}
	printMeetings(e.stdout, list, out)
	return 0
}

func newMeetingRow(m data.Meeting) meetingRow {
	r := meetingRow{ID: m.ID, Date: dk.ISODate(m.Date), Starts: m.Starts, Ends: m.Ends, Body: m.BodyCode, Kind: m.Kind(),
		Title: m.Title, Place: m.Place, Status: string(m.Status), InvitedOn: isoOrEmpty(m.InvitedOn),
		ApprovedOn: isoOrEmpty(m.ApprovedOn), Items: len(m.Items), Actions: len(m.Actions), Example: m.Example}
	for _, a := range m.Actions {
		if a.Open() {
			r.OpenActions++
		}
	}
	return r
}

func printMeetings(w io.Writer, list []data.Meeting, out meetingsOut) {
	if len(list) == 0 {
		fmt.Fprintln(w, "Ingen møder.")
	} else {
		rows := [][]string{{"Id", "Dato", "Tid", "Møde i", "Status", "Titel"}}
		for _, m := range list {
			rows = append(rows, []string{fmt.Sprint(m.ID), dk.FormatDate(m.Date), clockSpan(m), m.Kind(), m.Status.Label(), m.Title})
		}
		writeColumns(w, rows)
	}
	fmt.Fprintln(w)
	for _, y := range out.Years {
		fmt.Fprintln(w, y.Text+".")
	}
}

// clockSpan is "9.30–11.30", "9.30" or "".
func clockSpan(m data.Meeting) string {
	switch {
	case m.Starts != "" && m.Ends != "":
		return dk.FormatClock(m.Starts) + "–" + dk.FormatClock(m.Ends)
	case m.Starts != "":
		return dk.FormatClock(m.Starts)
	}
	return ""
}

// checklistRow is one item in `partnerskab checklist --json`.
type checklistRow struct {
	ID        int64  `json:"id"`
	Field     string `json:"field"` // the merge field: afklaring.jobcentrets_rolle
	Title     string `json:"title"`
	Status    string `json:"status"` // aaben, under_afklaring, afklaret
	Owner     string `json:"owner,omitempty"`
	Discussed string `json:"discussedAt,omitempty"` // the meeting, "Opstartsmøde i partnerskabet 5.3.2015"
	Settled   string `json:"settledAt,omitempty"`
	Decision  string `json:"decision,omitempty"`
	Archived  bool   `json:"archived,omitempty"`
}

func cmdChecklist(e *env, args []string) int {
	var asJSON bool
	if !e.flags("checklist", args, jsonFlag(&asJSON)) {
		return 2
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	items, err := s.Checklist(context.Background(), false)
	if err != nil {
		return e.fail("%s: %v", s.Path(), err)
	}
	if asJSON {
		rows := make([]checklistRow, 0, len(items))
		for _, c := range items {
			rows = append(rows, checklistRow{ID: c.ID, Field: c.MergeField(), Title: c.Title, Status: string(c.Status), Owner: c.Owner,
				Discussed: c.Discussed, Settled: c.Settled, Decision: c.Decision, Archived: c.Archived()})
		}
		return e.printJSON(rows)
	}
	printChecklist(e.stdout, items)
	return 0
}

func printChecklist(w io.Writer, items []data.ChecklistItem) {
	if len(items) == 0 {
		fmt.Fprintln(w, "Ingen afklaringer.")
		return
	}
	counts := map[data.ChecklistStatus]int{}
	for i, c := range items {
		counts[c.Status]++
		fmt.Fprintf(w, "%d. %s\n", i+1, c.Title)
		owner := c.Owner
		if owner == "" {
			owner = "ikke valgt"
		}
		fmt.Fprintf(w, "   Status: %s · ansvarlig: %s · flettefelt: {{%s}}\n", c.Status.Label(), owner, c.MergeField())
		var at []string
		if c.Discussed != "" {
			at = append(at, "drøftet på "+c.Discussed)
		}
		if c.Settled != "" {
			at = append(at, "afklaret på "+c.Settled)
		}
		if len(at) > 0 {
			fmt.Fprintf(w, "   %s\n", upperFirst(strings.Join(at, " · ")))
		}
		if c.Decision != "" {
			fmt.Fprintf(w, "   Besluttet tekst: %s\n", strings.ReplaceAll(c.Decision, "\n", "\n   "))
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, checklistCounts(func(st data.ChecklistStatus) int { return counts[st] })+".")
}

// checklistCounts is "Åben: 4 · Under afklaring: 3 · Afklaret: 2".
func checklistCounts(n func(data.ChecklistStatus) int) string {
	var parts []string
	for _, st := range data.ChecklistStatuses {
		parts = append(parts, fmt.Sprintf("%s: %d", st.Label(), n(st)))
	}
	return strings.Join(parts, " · ")
}

// goalRow is one goal in `partnerskab goals --json`, measured on asOf.
type goalRow struct {
	ID       int64   `json:"id"`
	Name     string  `json:"name"`
	Measure  string  `json:"measure"` // besatte_job, fleksjob, beboerandel, manuel, milepael
	Goal     float64 `json:"goal"`
	Current  float64 `json:"current"`
	Unit     string  `json:"unit,omitempty"`
	Start    string  `json:"start,omitempty"`
	Deadline string  `json:"deadline,omitempty"`
	Met      bool    `json:"met"`
	Overdue  bool    `json:"overdue"`
	Reached  string  `json:"reached,omitempty"` // a milestone: the day it was reached
	Evidence string  `json:"evidence,omitempty"`
}

type goalsOut struct {
	AsOf  string    `json:"asOf"`
	Goals []goalRow `json:"goals"`
}

func cmdGoals(e *env, args []string) int {
	var asJSON bool
	var asOf string
	if !e.flags("goals", args, func(fs *flag.FlagSet) {
		jsonFlag(&asJSON)(fs)
		fs.StringVar(&asOf, "as-of", "", "opgør målene på en dato, fx 31.12.2015")
	}) {
		return 2
	}
	var day time.Time
	if strings.TrimSpace(asOf) != "" {
		d, err := dk.ParseDate(asOf)
		if err != nil {
			e.fail("goals: --as-of: %v", err)
			return 2
		}
		day = d
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	if day.IsZero() {
		now := s.Now()
		day = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	}
	goals, err := s.Targets(context.Background(), day)
	if err != nil {
		return e.fail("%s: %v", s.Path(), err)
	}
	if asJSON {
		out := goalsOut{AsOf: dk.ISODate(day), Goals: make([]goalRow, 0, len(goals))}
		for _, t := range goals {
			out.Goals = append(out.Goals, goalRow{ID: t.ID, Name: t.Name, Measure: string(t.Measure), Goal: t.Goal, Current: t.Current,
				Unit: t.Unit, Start: isoOrEmpty(t.Start), Deadline: isoOrEmpty(t.Deadline), Met: t.Met(), Overdue: t.Overdue(day),
				Reached: reachedBy(t, day), Evidence: t.Evidence})
		}
		return e.printJSON(out)
	}
	if len(goals) == 0 {
		fmt.Fprintln(e.stdout, "Ingen mål.")
		return 0
	}
	fmt.Fprintf(e.stdout, "Mål pr. %s:\n", dk.FormatDate(day))
	for _, t := range goals {
		fmt.Fprintf(e.stdout, "  %s: %s\n", t.Name, goalText(t, day))
	}
	return 0
}

// reachedBy is a milestone's day if it was reached by day, as ISO.
func reachedBy(t data.Target, day time.Time) string {
	if !t.Milestone() || t.Reached.IsZero() || t.Reached.After(day) {
		return ""
	}
	return dk.ISODate(t.Reached)
}

// goalText is a goal's state on day: "6 af 16 job · frist 31.12.2015",
// "milepæl nået 12.1.2016 (Referat …)", "… · frist overskredet 31.12.2015".
func goalText(t data.Target, day time.Time) string {
	var s string
	switch {
	case t.Milestone() && reachedBy(t, day) != "":
		s = "milepæl nået " + dk.FormatDate(t.Reached)
		if t.Evidence != "" {
			s += " (" + t.Evidence + ")"
		}
	case t.Milestone():
		s = "milepæl ikke nået"
	default:
		decimals := -1
		if t.Measure == data.MeasureResidentShare {
			decimals = 0
		}
		s = strings.TrimSpace(dk.FormatDecimal(t.Current, decimals) + " af " + dk.FormatDecimal(t.Goal, -1) + " " + t.Unit)
	}
	switch {
	case t.Deadline.IsZero():
	case t.Overdue(day):
		s += " · frist overskredet " + dk.FormatDate(t.Deadline)
	default:
		s += " · frist " + dk.FormatDate(t.Deadline)
	}
	return s
}

// printReportWork is the partnership's part of `partnerskab report`.
func printReportWork(w io.Writer, r data.ReportWork) {
	y := data.MeetingYear{Year: r.Year, Held: r.MeetingsHeld, Planned: r.MeetingsPlanned, Min: r.MeetingsMin, Max: r.MeetingsMax}
	fmt.Fprintln(w, "Partnerskabets arbejde:")
	fmt.Fprintf(w, "  Møder: %s\n", y.Text())
	fmt.Fprintf(w, "  Afklaringer: %s\n", checklistCounts(func(st data.ChecklistStatus) int { return r.Checklist[string(st)] }))
	fmt.Fprintf(w, "  Barrierer og risici: %d, heraf %d ikke lukket\n", r.Risks, r.OpenRisks)
	fmt.Fprintf(w, "  Tilskud: %d på i alt %s\n", r.Grants, dk.FormatMoney(r.GrantsOre))
}

// printJSON writes v as indented JSON.
func (e *env) printJSON(v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return e.fail("%v", err)
	}
	return 0
}

// writeColumns writes rows as columns padded to their widest cell.
func writeColumns(w io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-len([]rune(c))+2))
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

func isoOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return dk.ISODate(t)
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// exportMeeting writes a meeting's invitation with agenda, or its minutes,
// as a PDF (`export --meeting ID --what dagsorden|referat --out FIL.pdf`).
func exportMeeting(e *env, idText, whatText, out string) int {
	if whatText == "" || out == "" {
		e.fail("export: angiv mødet, dokumentet og filen med --meeting ID --what dagsorden|referat --out FIL.pdf")
		return 2
	}
	what, err := agreement.ParseMeetingDoc(whatText)
	if err != nil {
		e.fail("export: --what: %v", err)
		return 2
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 {
		return e.fail("export: --meeting skal være mødets id, et tal (se 'partnerskab meetings'), ikke %q", idText)
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	pdf, err := agreement.ExportMeetingPDF(ctx, s, id, what)
	switch {
	case errors.Is(err, data.ErrNotFound):
		return e.fail("%s: møde %d findes ikke; se 'partnerskab meetings'", s.Path(), id)
	case err != nil:
		return e.fail("export: %v", data.DanishError(err))
	}
	if err := data.WriteFile(s.Path(), out, 0o600, func(w io.Writer) error {
		_, err := w.Write(pdf)
		return err
	}); err != nil {
		return e.fail("%v", err)
	}
	m, _ := s.Meeting(ctx, id)
	fmt.Fprintf(e.stdout, "%s for %s %s er skrevet til %s.\n", what.Title(), m.Title, dk.FormatDate(m.Date), out)
	return e.logged(s.LogExport(ctx, "møde", id, "PDF: "+what.Title(), out))
}
