package agreement

// Tables: thin borders, a shaded bold header row that is repeated on every
// page the table runs onto, and rows that are never split across pages.

// tableCell is a cell's laid-out lines.
type tableCell struct{ lines []line }

// table draws rows of cells in the width w; with header the first row is
// the header.
func (r *renderer) table(rows [][][]Inline, align []Alignment, x, w float64, header bool) {
	cols := 0
	for _, row := range rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return
	}
	widths := r.columnWidths(rows, cols, w, header)
	laid := make([][]tableCell, len(rows))
	heights := make([]float64, len(rows))
	for i, row := range rows {
		laid[i] = make([]tableCell, cols)
		n := 1
		for c := 0; c < cols; c++ {
			var in []Inline
			if c < len(row) {
				in = row[c]
			}
			laid[i][c].lines = r.layout(in, tableSize, widths[c]-2*cellPadX, header && i == 0)
			n = max(n, len(laid[i][c].lines))
		}
		heights[i] = float64(n)*tableLine + 2*cellPadY
	}
	alignOf := func(c int) Alignment {
		if c < len(align) {
			return align[c]
		}
		return AlignLeft
	}
	drawRow := func(i int) {
		isHeader := header && i == 0
		cx := x
		r.pdf.SetDrawColor(ruleColour.r, ruleColour.g, ruleColour.b)
		r.pdf.SetLineWidth(0.2)
		for c := 0; c < cols; c++ {
			if isHeader {
				r.pdf.SetFillColor(headerFill.r, headerFill.g, headerFill.b)
				r.pdf.Rect(cx, r.y, widths[c], heights[i], "FD")
			} else {
				r.pdf.Rect(cx, r.y, widths[c], heights[i], "D")
			}
			r.setColour(inkColour)
			ly := r.y + cellPadY
			for _, l := range laid[i][c].lines {
				r.drawLine(l, cx+cellPadX, baseline(ly, tableLine, tableSize), widths[c]-2*cellPadX, tableSize, alignOf(c))
				ly += tableLine
			}
			cx += widths[c]
		}
		r.y += heights[i]
	}
	for i := range rows {
		need := heights[i]
		if header && i == 1 {
			need = 0 // the header already made room for the first row
		} else if header && i == 0 && len(rows) > 1 {
			need += heights[1]
		}
		if r.y+need > contentBottom && r.y > marginTop+0.1 {
			r.newPage()
			if header && i > 1 {
				drawRow(0)
			}
		}
		drawRow(i)
	}
}

// columnWidths shares w between the columns: each gets at least its
// longest word, the rest goes to the columns whose text wants more room.
func (r *renderer) columnWidths(rows [][][]Inline, cols int, w float64, header bool) []float64 {
	natural := make([]float64, cols)
	least := make([]float64, cols)
	for i, row := range rows {
		for c, cell := range row {
			ws := r.words(cell, tableSize, header && i == 0)
			total, longest := 0.0, 0.0
			for j, wd := range ws {
				total += wd.w
				if j < len(ws)-1 {
					total += wd.space
				}
				longest = max(longest, wd.w)
			}
			natural[c] = max(natural[c], total+2*cellPadX+0.5)
			least[c] = max(least[c], longest+2*cellPadX+0.5)
		}
	}
	sumNat, sumLeast := 0.0, 0.0
	for c := range cols {
		least[c] = min(least[c], w/2) // one long word may not squeeze the others out
		natural[c] = max(natural[c], least[c])
		sumNat += natural[c]
		sumLeast += least[c]
	}
	out := make([]float64, cols)
	switch {
	case sumNat <= w: // everything fits on one line: widen in proportion
		for c := range cols {
			out[c] = natural[c] + (w-sumNat)*natural[c]/sumNat
		}
	case sumLeast >= w:
		for c := range cols {
			out[c] = least[c] * w / sumLeast
		}
	default:
		for c := range cols {
			out[c] = least[c] + (w-sumLeast)*(natural[c]-least[c])/(sumNat-sumLeast)
		}
	}
	return out
}
