package agreement

import (
	"strconv"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// The certificate page ("Underskriftsbevis"), the last page of a signed
// agreement: what was signed (number, title, the template and the hashes
// of template and text), who signed it, how and when, and what the times
// and the seal are worth. An archivist reads it without the program, so it
// says everything in words; the hashes are printed each on one line so that
// they can be copied out of the PDF and compared with the database.

// Layout of the fact rows: a muted label column and the value.
const (
	factLabelW = 42.0
	factSize   = 9.5
	factLine   = 4.9
)

// certificate draws the certificate page on a page of its own.
func (r *renderer) certificate() {
	sd := r.doc.Signed
	if sd == nil {
		return
	}
	r.newPage()
	size, _, after := headingStyle(1)
	lh := lineHeight(size)
	r.setColour(accentColour)
	r.drawText(marginL, baseline(r.y, lh, size), "Underskriftsbevis", "B", size)
	r.bookmark("Underskriftsbevis", 1, r.y)
	r.y += lh + after
	r.setColour(mutedColour)
	intro := "Beviset viser, hvad der blev underskrevet, og hvem der underskrev hvordan og hvornår, " +
		"sådan som Partnerskab registrerede det under underskrivningen."
	r.paragraphColoured([]Inline{{Text: intro}}, marginL, contentW, smallSize+0.5, lineHeight(smallSize+0.5), mutedColour)
	r.y += 3

	r.ruleAcross(accentColour, 0.4)
	template := sd.TemplateName
	if template == "" {
		template = r.doc.Template
	}
	version := sd.TemplateVer
	if version == 0 {
		version = r.doc.Version
	}
	if template != "" && version > 0 {
		template += ", version " + strconv.Itoa(version)
	}
	r.fact("Nummer", r.doc.Number, false)
	r.fact("Titel", r.doc.Title, false)
	if d := longDate(r.doc.Date); d != "" {
		r.fact("Dato", d, false)
	}
	if r.doc.Journal != "" {
		r.fact("Journalnummer", r.doc.Journal, false)
	}
	if r.doc.KLE != "" {
		r.fact("KLE-nummer", r.doc.KLE, false)
	}
	r.fact("Skabelon", template, false)
	r.fact("Skabelonens SHA-256", sd.TemplateSHA256, true)
	r.fact("Tekstens SHA-256", sd.BodySHA256, true)
	r.sealFacts(sd)
	r.y += 4

	if len(sd.Events) > 0 {
		r.sectionTitle("Underskrivere", bodyLine+3*factLine)
		for i, se := range sd.Events {
			r.signerRecord(i, se)
		}
	}
	note := strings.TrimSpace(sd.ClockNote)
	if note == "" {
		note = DefaultClockNote
	}
	r.statement(note)
}

// sealFacts are the sending, the sealing and the seal's certificate:
// what a recipient compares with `partnerskab verify`.
func (r *renderer) sealFacts(sd *Signed) {
	for _, e := range []struct {
		label string
		at    time.Time
	}{{"Sendt til underskrift", sd.SentAt}, {"Forseglet", sd.SealedAt}} {
		if !e.at.IsZero() {
			r.fact(e.label, dk.FormatDateTimeZone(e.at), false)
		}
	}
	if sd.Seal.Fingerprint == "" {
		return
	}
	r.fact("Seglets indehaver", sd.Seal.Holder, false)
	r.fact("Udsteder", sd.Seal.Issuer, false)
	r.fact("Seglets SHA-256", sd.Seal.Fingerprint, true)
	if sd.Seal.IssuerFingerprint != "" {
		r.fact("Udstederens SHA-256", sd.Seal.IssuerFingerprint, true)
	}
}

// statement draws the note on times and seal in a light box that sets it
// apart from the record above.
func (r *renderer) statement(note string) {
	size := bodySize - 0.5
	lines := r.layout([]Inline{{Text: note}}, size, contentW-8, false)
	h := float64(len(lines))*bodyLine + 7
	r.y += 2
	r.continued(h)
	r.pdf.SetFillColor(headerFill.r, headerFill.g, headerFill.b)
	r.pdf.Rect(marginL, r.y, contentW, h, "F")
	y := r.y + 3.5
	r.setColour(inkColour)
	for _, l := range lines {
		r.drawLine(l, marginL+4, baseline(y, bodyLine, size), contentW-8, size, AlignLeft)
		y += bodyLine
	}
	r.y += h
}

// fact draws one row of the agreement's facts: the label and the value; a
// hash is set smaller so that its 64 characters stay on one line.
func (r *renderer) fact(label, value string, hash bool) {
	if strings.TrimSpace(value) == "" {
		value = "–"
	}
	valueW := contentW - factLabelW
	size, lh := factSize, factLine
	if hash {
		size = hashSize
		// A hash is one word: shrink it until it fits rather than let the
		// layout cut it, which would put a line break inside it.
		for size > 6 && r.textWidth(value, "", size) > valueW {
			size -= 0.5
		}
	}
	lines := r.layout([]Inline{{Text: value}}, size, valueW, false)
	h := float64(max(len(lines), 1))*lh + 2.4
	r.continued(h)
	top := r.y + 1.2
	r.setColour(mutedColour)
	r.drawText(marginL, baseline(top, lh, factSize), label, "", factSize)
	r.setColour(inkColour)
	y := top
	for _, l := range lines {
		r.drawLine(l, marginL+factLabelW, baseline(y, lh, factSize), valueW, size, AlignLeft)
		y += lh
	}
	r.y += h
	r.ruleAcross(ruleColour, 0.15)
}

// signerRecord draws one signer's part of the certificate: name, then
// organisation, method and the events with their times as labelled rows,
// compact enough that four signers share the page with the facts.
func (r *renderer) signerRecord(i int, se SignerEvents) {
	x := marginL + 7
	valueX := x + 28
	timeW := 0.0
	for _, e := range se.Events {
		timeW = max(timeW, r.textWidth(dk.FormatDateTimeZone(e.At), "", factSize))
	}
	textX := valueX + timeW + 5
	rows := 2 + max(len(se.Events), 1)
	if r.continued(3 + bodyLine + float64(min(rows, 4))*factLine) {
		// A rule between two signers, not above the first on a page.
		if i > 0 {
			r.y += 1.5
			r.pdf.SetDrawColor(ruleColour.r, ruleColour.g, ruleColour.b)
			r.pdf.SetLineWidth(0.15)
			r.pdf.Line(x, r.y, pageW-marginR, r.y)
			r.y += 1.5
		}
	}
	r.setColour(inkColour)
	r.drawText(marginL, baseline(r.y, bodyLine, bodySize), strconv.Itoa(i+1)+".", "B", bodySize)
	end := r.drawText(x, baseline(r.y, bodyLine, bodySize), r.ellipsis(se.Name, "B", bodySize, contentW-7), "B", bodySize)
	if se.Title != "" && pageW-marginR-end > 20 {
		// The title on the name's line: the page keeps room for four signers.
		r.setColour(mutedColour)
		r.drawText(end, baseline(r.y, bodyLine, bodySize), r.ellipsis(", "+se.Title, "", bodySize, pageW-marginR-end), "", bodySize)
		r.setColour(inkColour)
	}
	r.y += bodyLine
	label := func(text string) {
		r.setColour(mutedColour)
		r.drawText(x, baseline(r.y, factLine, factSize), text, "", factSize)
		r.setColour(inkColour)
	}
	for _, kv := range [][2]string{{"Organisation", se.Organisation}, {"Metode", methodLabel(se.Method)}} {
		r.continued(factLine)
		label(kv[0])
		r.drawText(valueX, baseline(r.y, factLine, factSize), r.ellipsis(kv[1], "", factSize, pageW-marginR-valueX), "", factSize)
		r.y += factLine
	}
	r.continued(factLine)
	label("Hændelser")
	if len(se.Events) == 0 {
		r.drawText(valueX, baseline(r.y, factLine, factSize), "–", "", factSize)
		r.y += factLine
	}
	textW := pageW - marginR - textX
	for _, e := range se.Events {
		lines := r.eventLines(e.Text, textW)
		r.continued(float64(max(len(lines), 1)) * factLine)
		r.drawText(valueX, baseline(r.y, factLine, factSize), dk.FormatDateTimeZone(e.At), "", factSize)
		for k, l := range lines {
			if k > 0 {
				r.y += factLine
			}
			r.drawLine(l.line, textX, baseline(r.y, factLine, factSize), textW, l.size, AlignLeft)
		}
		r.y += factLine
	}
}

// continued makes sure h mm fit on the page; on a new page it first says
// that the certificate goes on there (in words other than its title, which
// stays the one place "Underskriftsbevis" is printed). It tells whether the
// page is the same.
func (r *renderer) continued(h float64) bool {
	page := r.pdf.PageNo()
	r.ensure(h)
	if r.pdf.PageNo() == page {
		return true
	}
	r.setColour(accentColour)
	r.drawText(marginL, baseline(r.y, bodyLine, bodySize), "Underskrivere, fortsat", "B", bodySize)
	r.y += bodyLine + 2
	r.setColour(inkColour)
	return false
}

// sizedLine is a line of an event's text and the size it is set in.
type sizedLine struct {
	line line
	size float64
}

// eventLines wraps an event's text to w. A word too long for a line (the
// SHA-256 of a scanned paper signature) gets a line of its own, set
// smaller until it fits, so that it is never broken and can be copied
// out of the PDF whole.
func (r *renderer) eventLines(text string, w float64) []sizedLine {
	var out []sizedLine
	var run []string
	flush := func() {
		if len(run) == 0 {
			return
		}
		for _, l := range r.layout([]Inline{{Text: strings.Join(run, " ")}}, factSize, w, false) {
			out = append(out, sizedLine{l, factSize})
		}
		run = nil
	}
	for _, word := range strings.Fields(text) {
		if r.textWidth(word, "", factSize) <= w {
			run = append(run, word)
			continue
		}
		flush()
		size := hashSize
		for size > 6 && r.textWidth(word, "", size) > w {
			size -= 0.5
		}
		for _, l := range r.layout([]Inline{{Text: word}}, size, w, false) {
			out = append(out, sizedLine{l, size})
		}
	}
	flush()
	return out
}

// paragraphColoured is paragraph in another colour than the ink.
func (r *renderer) paragraphColoured(in []Inline, x, w, size, lh float64, c colour) {
	for _, l := range r.layout(in, size, w, false) {
		r.ensure(lh)
		r.setColour(c)
		r.drawLine(l, x, baseline(r.y, lh, size), w, size, AlignLeft)
		r.y += lh
	}
	r.setColour(inkColour)
}

// ruleAcross draws a rule over the text width at the cursor.
func (r *renderer) ruleAcross(c colour, width float64) {
	r.pdf.SetDrawColor(c.r, c.g, c.b)
	r.pdf.SetLineWidth(width)
	r.pdf.Line(marginL, r.y, pageW-marginR, r.y)
}
