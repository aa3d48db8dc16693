package agreement

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// The status report for the steering groups ("Status for partnerskabet"):
// numbered sections of counts and the placements chart, in the same
// pipeline as the agreements (fonts, header, footer, fixed dates).

// StatusReportTitle is the report's title, on the page and in the file.
const StatusReportTitle = "Status for partnerskabet"

// StatusReportSections are the numbered sections' headings, in order.
var StatusReportSections = []string{
	"Mål og resultater", "Placeringer pr. måned efter ordning", "Beboernes andel", "Virksomheder og godkendelser",
	"Lejemål", "Aftaler og aftaletræet", "Møder", "Afklaringer (tjekliste)", "Åbne risici og barrierer",
	"Tilskud og afrapportering",
}

// ProduceStatusReport gathers the report as of asOf (from: the period's
// start, zero for since the previous report), renders it, hands the PDF to
// deliver (nil: none) and, once delivered, stores the report, so the next
// one can show the trend. A report that could not be delivered is not
// stored.
func ProduceStatusReport(ctx context.Context, s *data.Store, asOf, from time.Time, deliver func([]byte) error) (data.StatusReport, []byte, error) {
	rep, err := s.StatusReport(ctx, asOf, from)
	if err != nil {
		return rep, nil, err
	}
	b, err := StatusReportPDF(rep)
	if err != nil {
		return rep, nil, err
	}
	if deliver != nil {
		if err := deliver(b); err != nil {
			return rep, nil, err
		}
	}
	return rep, b, s.SaveStatusReport(ctx, rep, b)
}

// StatusReportPDF renders a gathered report; the same report gives the
// same bytes (the PDF's dates are the as-of day's).
func StatusReportPDF(rep data.StatusReport) ([]byte, error) {
	asOf, from := rep.AsOfDay(), rep.FromDay()
	details := []Detail{{"Opgjort pr.", dk.FormatDateLong(asOf)}, {"Periode", dk.FormatDate(from) + "–" + dk.FormatDate(asOf)}}
	if rep.Previous != "" {
		prev, _ := dk.ParseISODate(rep.Previous)
		details = append(details, Detail{"Forrige rapport", "pr. " + dk.FormatDate(prev) + " (udviklingen måles herfra)"})
	} else {
		details = append(details, Detail{"Forrige rapport", "ingen (udviklingen vises fra næste rapport)"})
	}
	if rep.Organisation != "" {
		details = append(details, Detail{"Udarbejdet af", rep.Organisation})
	}
	details = append(details, Detail{"Til", "Styregrupperne og partnerskabets parter"})
	before, after := statusBlocks(rep)
	doc := Document{Title: StatusReportTitle, Date: asOf, Author: rep.Organisation,
		Label:   "Statusrapport " + dk.FormatDate(asOf),
		Kicker:  "Statusrapport til styregrupperne",
		Subject: "Status for partnerskabet pr. " + dk.FormatDate(asOf) + " (kun antal, ingen personoplysninger)",
		Details: details, Body: append(append([]Block{}, before...), after...)}
	return render(doc, "statusrapport", func(r *renderer) {
		r.titleBlock()
		// Section 2's heading stays on the page with the chart under it.
		last := len(before) - 1
		r.blocks(before[:last], marginL, contentW, 0)
		r.keep = chartHeight(rep)
		r.blocks(before[last:], marginL, contentW, 0)
		r.keep = 0
		r.placementChart(rep)
		r.blocks(after, marginL, contentW, 0)
	})
}

// numbered is section i's heading: "2. Placeringer pr. måned efter ordning".
func numbered(i int) Block {
	return Block{Kind: BlockHeading, Level: 2, Number: strconv.Itoa(i+1) + ".", Inlines: []Inline{{Text: StatusReportSections[i]}}}
}

// statusBlocks are the report's text: before the chart (the privacy note,
// the goals and section 2's heading) and after it.
func statusBlocks(rep data.StatusReport) (before, after []Block) {
	under := "under " + strconv.Itoa(rep.Threshold)
	before = append(before, para(Inline{Text: "Rapporten viser partnerskabets mål og arbejde opgjort pr. " + dk.FormatDate(rep.AsOfDay()) +
		", med det, der skete i perioden. Den indeholder kun antal og ingen personoplysninger: et antal personer fra 1 til " +
		strconv.Itoa(rep.Threshold-1) + " vises som »" + under + "«, et antal, der sammen med en sum ville afsløre et sådant, vises som »skjult«, " +
		"og en andel, der bygger på så få, vises ikke.", Italic: true}))
	before = append(before, numbered(0))
	if len(rep.Goals) == 0 {
		before = append(before, para(Inline{Text: "Der er ikke sat mål.", Italic: true}))
	} else {
		rows := [][][]Inline{cells("Mål", "Status", "Målsætning", "Frist", "Udvikling")}
		for _, g := range rep.Goals {
			state := g.Text
			switch {
			case g.Met:
				state += " (nået)"
			case g.Overdue:
				state += " (fristen er overskredet)"
			}
			rows = append(rows, cells(g.Name, state, goalTarget(g), isoText(g.Deadline), firstNonEmpty(g.Trend, "–")))
		}
		before = append(before, Block{Kind: BlockTable, Rows: rows})
	}
	before = append(before, numbered(1))
	after = append(after, placementTable(rep)...)
	after = append(after, numbered(2))
	res := rep.Residents
	after = append(after, para(Inline{Text: "Besatte job pr. " + dk.FormatDate(rep.AsOfDay()) + ": ", Bold: true}, Inline{Text: res.Placed.Text(), Break: true},
		Inline{Text: "Heraf beboere i området: ", Bold: true}, Inline{Text: res.Residents.Text(), Break: true},
		Inline{Text: "Beboernes andel: ", Bold: true}, Inline{Text: shareLine(res.Share)}))
	// Sections 4 to 10, each under its numbered heading.
	for i, part := range []func(data.StatusReport) []Block{enterpriseBlocks, leaseBlocks, agreementBlocks, meetingBlocks,
		checklistBlocks, riskBlocks, grantBlocks} {
		after = append(after, numbered(3+i))
		after = append(after, part(rep)...)
	}
	return before, after
}

// goalTarget is the goal as the table says it: "16 job", "50 %", "nået".
func goalTarget(g data.StatusGoal) string {
	if g.Measure == data.MeasureMilestone {
		return "nås"
	}
	s := dk.FormatDecimal(g.Goal, decimals(g.Goal))
	if g.Unit != "" {
		s += " " + g.Unit
	}
	return s
}

func decimals(v float64) int {
	if v == float64(int64(v)) {
		return 0
	}
	return 1
}

// isoText is an ISO date as "31.12.2015", "–" for none.
func isoText(iso string) string {
	t, err := dk.ParseISODate(iso)
	if iso == "" || err != nil {
		return "–"
	}
	return dk.FormatDate(t)
}

func shareLine(share *float64) string {
	if share == nil {
		return "vises ikke, fordi den bygger på for få personer"
	}
	return dk.FormatDecimal(*share, 0) + " %"
}

// countsLine is "Aktiv 2 · Planlagt 0 · …".
func countsLine(cs []data.StatusCount) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, c.Label+" "+strconv.Itoa(c.N))
	}
	return strings.Join(parts, " · ")
}

// none is the italic line of an empty section.
func none(s string) Block { return para(Inline{Text: s, Italic: true}) }

func placementTable(rep data.StatusReport) []Block {
	p := rep.Placements
	out := []Block{para(Inline{Text: "Startet i perioden: ", Bold: true}, Inline{Text: p.Started.Text() + " placeringer", Break: true},
		Inline{Text: "Ophørt i perioden: ", Bold: true}, Inline{Text: p.Ended.Text() + " placeringer"})}
	if len(p.Months) == 0 || len(p.Schemes) == 0 {
		return append(out, none("Ingen placeringer i perioden."))
	}
	if from := rep.FromDay(); p.Months[0].Month > from.Format("2006-01") {
		out = append(out, none(fmt.Sprintf("Diagram og tabel viser de seneste %d måneder af perioden.", data.ChartMonths)))
	}
	head := []string{"Måned"}
	for _, sc := range p.Schemes {
		head = append(head, sc.Name)
	}
	rows := [][][]Inline{cells(append(head, "I alt")...)}
	align := []Alignment{AlignLeft}
	for range p.Schemes {
		align = append(align, AlignRight)
	}
	align = append(align, AlignRight)
	for _, m := range p.Months {
		t, _ := time.Parse("2006-01", m.Month)
		row := []string{dk.MonthName(t.Month()) + " " + strconv.Itoa(t.Year())}
		for _, n := range m.ByScheme {
			row = append(row, n.Text())
		}
		rows = append(rows, cells(append(row, m.Total.Text())...))
	}
	return append(out, Block{Kind: BlockTable, Rows: rows, Align: align})
}

func enterpriseBlocks(rep data.StatusReport) []Block {
	if len(rep.Enterprises) == 0 {
		return []Block{none("Ingen virksomheder i partnerskabet.")}
	}
	approved := 0
	rows := [][][]Inline{cells("Virksomhed", "Godkendt af styregruppen", "Aktive placeringer")}
	for _, e := range rep.Enterprises {
		state := "mangler"
		if e.Approved != "" {
			state = isoText(e.Approved)
			approved++
		}
		rows = append(rows, cells(e.Name, state, e.Placements.Text()))
	}
	return []Block{para(Inline{Text: fmt.Sprintf("%d af %d virksomheder er godkendt af den boligsociale helhedsplans styregruppe.", approved, len(rep.Enterprises))}),
		{Kind: BlockTable, Rows: rows, Align: []Alignment{AlignLeft, AlignLeft, AlignRight}}}
}

func leaseBlocks(rep data.StatusReport) []Block {
	out := []Block{para(Inline{Text: "Status pr. " + dk.FormatDate(rep.AsOfDay()) + ": ", Bold: true}, Inline{Text: countsLine(rep.Leases.Counts)})}
	if len(rep.Leases.Rows) == 0 {
		return append(out, none("Ingen lejemål."))
	}
	rows := [][][]Inline{cells("Lejer", "Lokaler", "Periode", "Status", "Mangler godkendelse")}
	for _, l := range rep.Leases.Rows {
		period := isoText(l.Start) + "–"
		if l.End != "" {
			period += isoText(l.End)
		}
		rows = append(rows, cells(l.Tenant, l.Rooms, period, l.Status, firstNonEmpty(strings.Join(l.Missing, ", "), "–")))
	}
	return append(out, Block{Kind: BlockTable, Rows: rows})
}

func agreementBlocks(rep data.StatusReport) []Block {
	out := []Block{para(Inline{Text: "Efter status: ", Bold: true}, Inline{Text: countsLine(rep.Agreements.Counts)})}
	if len(rep.Agreements.Tree) == 0 {
		return append(out, none("Ingen aftaler."))
	}
	out = append(out, para(Inline{Text: "Aftaletræet: hver aftale under den aftale, den hører under."}))
	return append(out, Block{Kind: BlockList, Items: treeItems(rep.Agreements.Tree)})
}

// treeItems are the agreements as a nested list, children under parents.
func treeItems(nodes []*data.StatusAgreementNode) [][]Block {
	var items [][]Block
	for _, n := range nodes {
		text := n.Title + " (" + strings.ToLower(n.Status)
		if n.ValidFrom != "" {
			text += ", gælder fra " + isoText(n.ValidFrom)
		}
		if n.ValidTo != "" {
			text += " til " + isoText(n.ValidTo)
		}
		item := []Block{para(Inline{Text: n.Number + " ", Bold: true}, Inline{Text: text + ")"})}
		if len(n.Children) > 0 {
			item = append(item, Block{Kind: BlockList, Items: treeItems(n.Children)})
		}
		items = append(items, item)
	}
	return items
}

func meetingBlocks(rep data.StatusReport) []Block {
	m := rep.Meetings
	text := fmt.Sprintf("%d %s holdt i %d pr. %s, mod notatets %d–%d om året", m.Held, plural(m.Held, "møde", "møder"), m.Year,
		dk.FormatDate(rep.AsOfDay()), m.Min, m.Max)
	if m.Planned > 0 {
		text += fmt.Sprintf("; %d mere i året er planlagt eller ikke registreret som afholdt", m.Planned)
	}
	out := []Block{para(Inline{Text: text + "."})}
	if len(m.InPeriod) == 0 {
		return append(out, none("Ingen møder i perioden."))
	}
	rows := [][][]Inline{cells("Dato", "Møde", "Forum", "Status")}
	for _, mt := range m.InPeriod {
		rows = append(rows, cells(isoText(mt.Date), mt.Title, firstNonEmpty(mt.Body, "–"), mt.Status))
	}
	return append(out, Block{Kind: BlockTable, Rows: rows})
}

func checklistBlocks(rep data.StatusReport) []Block {
	c := rep.Checklist
	out := []Block{para(Inline{Text: fmt.Sprintf("%d punkter i alt: ", c.Total), Bold: true}, Inline{Text: countsLine(c.Counts)})}
	if len(c.Settled) == 0 {
		return append(out, none("Intet punkt blev afklaret i perioden."))
	}
	out = append(out, para(Inline{Text: "Afklaret i perioden:"}))
	rows := [][][]Inline{cells("Punkt", "Afklaret på mødet")}
	for _, s := range c.Settled {
		rows = append(rows, cells(s.Title, isoText(s.Date)))
	}
	return append(out, Block{Kind: BlockTable, Rows: rows})
}

func riskBlocks(rep data.StatusReport) []Block {
	if len(rep.Risks) == 0 {
		return []Block{none("Ingen åbne risici eller barrierer.")}
	}
	rows := [][][]Inline{cells("Risiko eller barriere", "Type", "Score", "S×K", "Status", "Næste gennemgang")}
	for _, k := range rep.Risks {
		rows = append(rows, cells(k.Title, k.Kind, strconv.Itoa(k.Score), fmt.Sprintf("%d×%d", k.Likelihood, k.Impact), k.Status, isoText(k.Review)))
	}
	return []Block{para(Inline{Text: "Score = sandsynlighed (S) × konsekvens (K), hver 1–5; højeste score først."}),
		{Kind: BlockTable, Rows: rows}}
}

var grantStates = map[string]string{"afleveret": "afleveret", "overskredet": "fristen er overskredet", "kommende": "kommende"}

func grantBlocks(rep data.StatusReport) []Block {
	if len(rep.Grants) == 0 {
		return []Block{none("Ingen tilskud registreret.")}
	}
	rows := [][][]Inline{cells("Tilskud", "Beløb", "Periode", "Afrapportering")}
	var total int64
	states := map[string]int{}
	for _, g := range rep.Grants {
		total += g.Amount
		for _, r := range g.Reports {
			states[r.State]++
		}
	}
	summary := fmt.Sprintf("%d %s på i alt %s – afrapporteringer: %d afleveret, %d kommende, %d med overskredet frist.",
		len(rep.Grants), plural(len(rep.Grants), "tilskud", "tilskud"), dk.FormatMoney(total), states["afleveret"], states["kommende"], states["overskredet"])
	for _, g := range rep.Grants {
		what := g.Grantor + ": " + g.Purpose
		if g.Funds != "" {
			what += " (" + g.Funds + ")"
		}
		var reps []string
		for _, r := range g.Reports {
			s := r.What + ", frist " + isoText(r.Due) + ": " + grantStates[r.State]
			if r.Done != "" {
				s += " " + isoText(r.Done)
			}
			reps = append(reps, s)
		}
		rows = append(rows, cells(what, dk.FormatMoney(g.Amount), isoText(g.Start)+"–"+isoText(g.End), firstNonEmpty(strings.Join(reps, "; "), "–")))
	}
	return []Block{para(Inline{Text: summary}), {Kind: BlockTable, Rows: rows, Align: []Alignment{AlignLeft, AlignRight, AlignLeft, AlignLeft}}}
}
