package agreement

import (
	"strconv"
	"strings"
	"time"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// The text of a meeting's documents, as blocks the renderer lays out like
// an agreement's: sections (level 2), numbered agenda items (level 3),
// paragraphs and tables. What was typed is printed as typed: it is never
// read as Markdown.

// agendaBlocks are the invitation's text: who is invited and the agenda.
func agendaBlocks(m data.Meeting) []Block {
	var out []Block
	out = append(out, textBlocks(m.Notes)...)
	out = append(out, section("Indbudte"))
	out = append(out, peopleBlocks(m.Invited(), "Ingen er indbudt endnu.")...)
	out = append(out, section("Dagsorden"))
	for i, it := range m.Items {
		out = append(out, itemHeading(i, it))
		out = append(out, textBlocks(it.Text)...)
		out = append(out, itemFacts(it)...)
	}
	return out
}

// minutesBlocks are the minutes' text: who came and who did not, the
// minutes and the decision per item, the action items and the corrections
// made after the approval.
func minutesBlocks(m data.Meeting) []Block {
	var out []Block
	out = append(out, textBlocks(m.Notes)...)
	out = append(out, section("Deltagere"))
	out = append(out, peopleBlocks(m.Attended(), "Ingen deltagere er skrevet på.")...)
	var absent []data.Person
	for _, p := range m.People {
		if p.Invited && !p.Attended {
			absent = append(absent, p.Person)
		}
	}
	out = append(out, section("Fraværende"))
	out = append(out, peopleBlocks(absent, "Ingen.")...)
	out = append(out, section("Referat"))
	for i, it := range m.Items {
		out = append(out, itemHeading(i, it))
		out = append(out, itemFacts(it)...)
		if strings.TrimSpace(it.Minutes) == "" && strings.TrimSpace(it.Decision) == "" {
			out = append(out, para(Inline{Text: "Intet til referat.", Italic: true}))
			continue
		}
		out = append(out, textBlocks(it.Minutes)...)
		if d := strings.TrimSpace(it.Decision); d != "" {
			out = append(out, labelled("Beslutning", d)...)
		}
	}
	out = append(out, section("Handlingspunkter"))
	if len(m.Actions) == 0 {
		out = append(out, para(Inline{Text: "Ingen handlingspunkter.", Italic: true}))
	} else {
		rows := [][][]Inline{cells("Nr.", "Hvad", "Ansvarlig", "Frist", "Udført")}
		for i, a := range m.Actions {
			done := "Åben"
			if !a.Done.IsZero() {
				done = dk.FormatDate(a.Done)
			}
			rows = append(rows, cells(strconv.Itoa(i+1)+".", a.What, a.Owner, dk.FormatDate(a.Due), done))
		}
		out = append(out, Block{Kind: BlockTable, Rows: rows, Align: []Alignment{AlignRight}})
	}
	if len(m.Corrections) > 0 {
		out = append(out, section("Rettelser efter godkendelsen"))
		rows := [][][]Inline{cells("Dato", "Rettelse")}
		for _, c := range m.Corrections {
			rows = append(rows, cells(dk.FormatDate(c.At.Local()), c.Text))
		}
		out = append(out, Block{Kind: BlockTable, Rows: rows})
	}
	return out
}

// section is an unnumbered heading of the document's own parts.
func section(title string) Block {
	return Block{Kind: BlockHeading, Level: 2, Inlines: []Inline{{Text: title}}}
}

// itemHeading is agenda item i's numbered heading: "3. Jobcentrets rolle".
func itemHeading(i int, it data.AgendaItem) Block {
	return Block{Kind: BlockHeading, Level: 3, Number: strconv.Itoa(i+1) + ".", Inlines: []Inline{{Text: it.Title}}}
}

// itemFacts are who answers for an item and what it is about (unless
// the title says it already), one line each in one paragraph.
func itemFacts(it data.AgendaItem) []Block {
	about := it.Link.Title
	if strings.EqualFold(strings.TrimSpace(about), strings.TrimSpace(it.Title)) {
		about = ""
	}
	var in []Inline
	for _, f := range [][2]string{{"Ansvarlig", it.Owner}, {"Vedrører", about}} {
		if f[1] == "" {
			continue
		}
		if len(in) > 0 {
			in[len(in)-1].Break = true
		}
		in = append(in, Inline{Text: f[0] + ": ", Bold: true}, Inline{Text: f[1]})
	}
	if len(in) == 0 {
		return nil
	}
	return []Block{para(in...)}
}

// labelled is text after a bold label, "Beslutning: …"; text of several
// paragraphs keeps them.
func labelled(label, text string) []Block {
	bs := textBlocks(text)
	if len(bs) == 0 || bs[0].Kind != BlockParagraph {
		return append([]Block{para(Inline{Text: label + ":", Bold: true})}, bs...)
	}
	bs[0].Inlines = append([]Inline{{Text: label + ": ", Bold: true}}, bs[0].Inlines...)
	return bs
}

// peopleBlocks is a table of people (name, title, organisation), or none
// when there are none.
func peopleBlocks(ps []data.Person, none string) []Block {
	if len(ps) == 0 {
		return []Block{para(Inline{Text: none, Italic: true})}
	}
	rows := [][][]Inline{cells("Navn", "Titel", "Organisation")}
	for _, p := range ps {
		rows = append(rows, cells(p.Name, p.Title, p.Organisation))
	}
	return []Block{{Kind: BlockTable, Rows: rows}}
}

func cells(texts ...string) [][]Inline {
	out := make([][]Inline, len(texts))
	for i, t := range texts {
		out[i] = []Inline{{Text: t}}
	}
	return out
}

func para(in ...Inline) Block { return Block{Kind: BlockParagraph, Inlines: in} }

// textBlocks turns typed text into paragraphs: a blank line between
// paragraphs, a line break kept as one, and lines that all start with
// "- " or "• " a bulleted list.
func textBlocks(s string) []Block {
	var out []Block
	for _, p := range strings.Split(strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n"), "\n\n") {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) == 0 {
			continue
		}
		if items, ok := bullets(lines); ok {
			out = append(out, Block{Kind: BlockList, Items: items})
			continue
		}
		var in []Inline
		for i, l := range lines {
			in = append(in, Inline{Text: l, Break: i < len(lines)-1})
		}
		out = append(out, para(in...))
	}
	return out
}

// bullets reads lines that are all "- item" as a list's items.
func bullets(lines []string) ([][]Block, bool) {
	var items [][]Block
	for _, l := range lines {
		rest, ok := strings.CutPrefix(l, "- ")
		if !ok {
			rest, ok = strings.CutPrefix(l, "• ")
		}
		if !ok {
			return nil, false
		}
		items = append(items, []Block{para(Inline{Text: strings.TrimSpace(rest)})})
	}
	return items, true
}

// firstOf is the first time that is set.
func firstOf(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}
