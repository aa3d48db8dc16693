package agreement

import "strings"

// The parts around the text: the title block, the parties' table and the
// signature blocks.

// titleBlock draws the number (or the kind of document), the title and
// the lines under it: an agreement's date and place.
func (r *renderer) titleBlock() {
	r.y = marginTop
	if k := r.doc.kicker(); k != "" {
		r.setColour(mutedColour)
		r.drawText(marginL, baseline(r.y, 5, 9.5), k, "", 9.5)
		r.y += 6.5
	}
	lh := lineHeight(titleSize) * 0.95
	r.setColour(accentColour)
	for _, l := range r.layout([]Inline{{Text: r.doc.Title}}, titleSize, contentW, true) {
		r.drawLine(l, marginL, baseline(r.y, lh, titleSize), contentW, titleSize, AlignLeft)
		r.y += lh
	}
	r.y += 3
	details := r.doc.details()
	// An agreement's "Dato" and "Sted" fit in 18 mm on one line each; the
	// longer labels and values of other documents are measured (measuring
	// a new glyph writes to the page, so the agreement's are not).
	labelW := 18.0
	if r.doc.Details != nil {
		for _, d := range details {
			labelW = max(labelW, r.textWidth(d.Label, "", bodySize)+5)
		}
	}
	for _, d := range details {
		r.setColour(mutedColour)
		r.drawText(marginL, baseline(r.y, bodyLine, bodySize), d.Label, "", bodySize)
		r.setColour(inkColour)
		if r.doc.Details == nil {
			r.drawText(marginL+labelW, baseline(r.y, bodyLine, bodySize), d.Value, "", bodySize)
			r.y += bodyLine
			continue
		}
		for _, l := range r.layout([]Inline{{Text: d.Value}}, bodySize, contentW-labelW, false) {
			r.drawLine(l, marginL+labelW, baseline(r.y, bodyLine, bodySize), contentW-labelW, bodySize, AlignLeft)
			r.y += bodyLine
		}
	}
	r.y += 3
	r.pdf.SetDrawColor(accentColour.r, accentColour.g, accentColour.b)
	r.pdf.SetLineWidth(0.5)
	r.pdf.Line(marginL, r.y, pageW-marginR, r.y)
	r.y += 5
}

// sectionTitle draws an unnumbered heading of the document's own parts
// ("Parter", "Underskrifter"), keeping need mm under it on the page.
func (r *renderer) sectionTitle(text string, need float64) {
	size, before, after := headingStyle(2)
	lh := lineHeight(size)
	if r.y > marginTop+0.1 {
		r.y += before
	}
	r.ensure(lh + after + need)
	r.setColour(accentColour)
	r.drawText(marginL, baseline(r.y, lh, size), text, "B", size)
	r.bookmark(text, 2, r.y)
	r.y += lh + after
	r.setColour(inkColour)
}

// parties draws the parties' table; a column nobody has a value for (no
// party with a CVR, say) is left out.
func (r *renderer) parties() {
	if len(r.doc.Parties) == 0 {
		return
	}
	columns := []struct {
		title string
		value func(Party) string
	}{
		{"Navn", func(p Party) string { return p.Name }},
		{"CVR", func(p Party) string { return p.CVR }},
		{"Type", func(p Party) string { return p.Kind }},
		{"Rolle", func(p Party) string { return p.Role }},
		{"Kontaktperson", func(p Party) string { return p.Contact }},
	}
	var header [][]Inline
	var used []int
	for i, c := range columns {
		for _, p := range r.doc.Parties {
			if strings.TrimSpace(c.value(p)) != "" {
				used = append(used, i)
				header = append(header, []Inline{{Text: c.title}})
				break
			}
		}
	}
	rows := [][][]Inline{header}
	for _, p := range r.doc.Parties {
		var row [][]Inline
		for _, i := range used {
			row = append(row, []Inline{{Text: columns[i].value(p), Bold: i == 0}})
		}
		rows = append(rows, row)
	}
	r.sectionTitle("Parter", 2*tableLine+4*cellPadY)
	r.table(rows, nil, marginL, contentW, true)
	r.y += tableSpacing
}

// signatures draws one block per signer, two side by side, each kept
// whole on one page: "For <organisation>", room to sign, a line, the name
// and title, and a line for place and date.
func (r *renderer) signatures() {
	signers := r.doc.Signers
	if len(signers) == 0 {
		return
	}
	colW := (contentW - signatureGap) / 2
	heights := make([]float64, len(signers))
	for i := range signers {
		heights[i] = r.blockHeight(i, colW) // pdf_signed.go: a given signature's block differs
	}
	if !r.bodyHasSignatureHeading() {
		r.sectionTitle("Underskrifter", heights[0])
	} else {
		r.y += paraSpacing
	}
	for i := 0; i < len(signers); i += 2 {
		h := heights[i]
		if i+1 < len(signers) {
			h = max(h, heights[i+1])
		}
		r.ensure(h)
		// Both blocks of a row put their signature lines at the same
		// height, however many lines "For …" takes in each.
		head := len(r.forLines(signers[i], colW))
		if i+1 < len(signers) {
			head = max(head, len(r.forLines(signers[i+1], colW)))
		}
		top := r.y
		r.signatureAt(i, marginL, top, colW, head)
		if i+1 < len(signers) {
			r.signatureAt(i+1, marginL+colW+signatureGap, top, colW, head)
		}
		r.y = top + h + 6
	}
}

// firstSignatureRow is the height of the first row of signature blocks.
func (r *renderer) firstSignatureRow() float64 {
	colW := (contentW - signatureGap) / 2
	h := 0.0
	for i := range r.doc.Signers[:min(2, len(r.doc.Signers))] {
		h = max(h, r.blockHeight(i, colW))
	}
	return h + paraSpacing
}

// signatureGap is the space between two signature blocks side by side.
const signatureGap = 12.0

// signatureSpace is the room left blank for the handwritten signature.
const signatureSpace = 17.0

func (r *renderer) forLines(s Signer, w float64) []line {
	if s.Organisation == "" {
		return nil
	}
	return r.layout([]Inline{{Text: "For " + s.Organisation, Bold: true}}, bodySize, w, false)
}

func (r *renderer) signatureHeight(s Signer, w float64) float64 {
	n := len(r.forLines(s, w))
	h := float64(n)*bodyLine + signatureSpace + 1.5 + 2*bodyLine + 5 + bodyLine
	return h
}

// signature draws one signature block with its top at y; the signature
// line comes after head lines of "For …".
func (r *renderer) signature(s Signer, x, y, w float64, head int) {
	r.setColour(inkColour)
	for _, l := range r.forLines(s, w) {
		r.drawLine(l, x, baseline(y, bodyLine, bodySize), w, bodySize, AlignLeft)
		y += bodyLine
		head--
	}
	y += float64(max(head, 0))*bodyLine + signatureSpace
	r.pdf.SetDrawColor(inkColour.r, inkColour.g, inkColour.b)
	r.pdf.SetLineWidth(0.3)
	r.pdf.Line(x, y, x+w, y)
	y += 1.5
	r.drawText(x, baseline(y, bodyLine, bodySize), r.ellipsis(s.Name, "B", bodySize, w), "B", bodySize)
	y += bodyLine
	r.setColour(mutedColour)
	r.drawText(x, baseline(y, bodyLine, bodySize), r.ellipsis(s.Title, "", bodySize, w), "", bodySize)
	y += bodyLine + 5
	r.setColour(inkColour)
	end := r.drawText(x, baseline(y, bodyLine, bodySize), "Sted og dato:", "", bodySize)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(end+2, baseline(y, bodyLine, bodySize)+0.8, x+w, baseline(y, bodyLine, bodySize)+0.8)
}

// bodyHasSignatureHeading tells whether the template ends with its own
// section for signatures, so the blocks go under it and not under a
// second heading.
func (r *renderer) bodyHasSignatureHeading() bool {
	for i := len(r.doc.Body) - 1; i >= 0; i-- {
		b := r.doc.Body[i]
		if b.Kind == BlockHeading {
			return strings.Contains(strings.ToLower(plain(b.Inlines)), "underskrift")
		}
	}
	return false
}
