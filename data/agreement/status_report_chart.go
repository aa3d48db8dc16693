package agreement

import (
	"strconv"
	"time"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// The placements chart of the status report, drawn as vector graphics:
// a bar per month stacked by scheme in Overblik's colours
// (data.ChartColours), a scale, the months and a legend.

const (
	chartH      = 55.0 // the bars' area
	chartAxisW  = 8.0  // room for the scale's numbers
	chartLabelH = 9.0  // the months under the bars
)

// placementChart draws the chart at the cursor. A count masked under the
// threshold is drawn pale, the masked ones of a month sharing what the
// month's total leaves, so the bar tells no more than the table does.
func (r *renderer) placementChart(rep data.StatusReport) {
	p := rep.Placements
	if len(p.Months) == 0 || len(p.Schemes) == 0 {
		return
	}
	legendRows := (len(p.Schemes) + 2) / 3
	r.ensure(chartHeight(rep))
	top := r.y + 2
	most := 1
	for _, m := range p.Months {
		most = max(most, int(barTotal(m, rep.Threshold)+0.5))
	}
	step := scaleStep(most)
	top2 := ((most + step - 1) / step) * step
	left := marginL + chartAxisW
	w := contentW - chartAxisW
	base := top + chartH
	unit := chartH / float64(top2)
	pdf := r.pdf
	// The scale: a light line and number at each step.
	pdf.SetLineWidth(0.15)
	pdf.SetDrawColor(markColour.r, markColour.g, markColour.b)
	r.setColour(mutedColour)
	for v := 0; v <= top2; v += step {
		y := base - float64(v)*unit
		pdf.Line(left, y, left+w, y)
		s := strconv.Itoa(v)
		r.drawText(left-1.5-r.textWidth(s, "", smallSize), y+1.1, s, "", smallSize)
	}
	slot := w / float64(len(p.Months))
	barW := slot * 0.7
	for i, m := range p.Months {
		x := left + float64(i)*slot + (slot-barW)/2
		y := base
		heights := segments(m, rep.Threshold)
		for j, c := range m.ByScheme {
			h := heights[j] * unit
			if h <= 0 {
				continue
			}
			col := data.ChartColour(j)
			if c.Masked() {
				col = [3]uint8{pale(col[0]), pale(col[1]), pale(col[2])}
			}
			pdf.SetFillColor(int(col[0]), int(col[1]), int(col[2]))
			pdf.Rect(x, y-h, barW, h, "F")
			y -= h
		}
		if !m.Total.Masked() && m.Total.N > 0 && slot > 5 {
			s := strconv.Itoa(m.Total.N)
			r.setColour(inkColour)
			r.drawText(x+(barW-r.textWidth(s, "", 7))/2, y-1, s, "", 7)
		}
		t, _ := time.Parse("2006-01", m.Month)
		label := dk.MonthName(t.Month())[:3]
		r.setColour(mutedColour)
		r.drawText(x+(barW-r.textWidth(label, "", 7))/2, base+3.5, label, "", 7)
		if t.Month() == time.January || i == 0 {
			year := strconv.Itoa(t.Year())
			r.drawText(x+(barW-r.textWidth(year, "", 7))/2, base+7, year, "", 7)
		}
	}
	pdf.SetDrawColor(inkColour.r, inkColour.g, inkColour.b)
	pdf.SetLineWidth(0.3)
	pdf.Line(left, base, left+w, base)
	// The legend: three schemes a row, then what a pale bar means.
	y := base + chartLabelH + 1
	colW := contentW / 3
	for j, sc := range p.Schemes {
		x := marginL + float64(j%3)*colW
		row := y + float64(j/3)*bodyLine
		col := data.ChartColour(j)
		pdf.SetFillColor(int(col[0]), int(col[1]), int(col[2]))
		pdf.Rect(x, row+1.2, 3.2, 3.2, "F")
		r.setColour(inkColour)
		r.drawText(x+5, baseline(row, bodyLine, smallSize), r.ellipsis(sc.Name, "", smallSize, colW-7), "", smallSize)
	}
	y += float64(legendRows) * bodyLine
	r.setColour(mutedColour)
	r.drawText(marginL, baseline(y, bodyLine, smallSize), "Aktive placeringer pr. måned. Lys farve: under "+strconv.Itoa(rep.Threshold)+
		" (de lyse dele deler resten af månedens antal ligeligt).", "", smallSize)
	r.setColour(inkColour)
	r.y = y + bodyLine + paraSpacing
}

// chartHeight is the room the chart takes: the bars, the months, the
// legend (three schemes a row) and its note; 0 without a chart.
func chartHeight(rep data.StatusReport) float64 {
	p := rep.Placements
	if len(p.Months) == 0 || len(p.Schemes) == 0 {
		return 0
	}
	legendRows := (len(p.Schemes) + 2) / 3
	return chartH + chartLabelH + float64(legendRows)*bodyLine + bodyLine + 6
}

// pale mixes a colour channel halfway with white.
func pale(c uint8) uint8 { return uint8((int(c) + 255*2) / 3) }

// scaleStep is a round step giving at most five lines up to most.
func scaleStep(most int) int {
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000} {
		if most/s <= 5 {
			return s
		}
	}
	return 1000 * (most/5000 + 1)
}

// barTotal is the height of a month's bar: its total, or the most a
// masked total may be.
func barTotal(m data.StatusMonth, threshold int) float64 {
	if m.Total.Masked() {
		return float64(threshold - 1)
	}
	return float64(m.Total.N)
}

// segments are the heights of a month's schemes: the told counts as they
// are, the masked ones sharing the rest of the bar equally.
func segments(m data.StatusMonth, threshold int) []float64 {
	out := make([]float64, len(m.ByScheme))
	rest, masked := barTotal(m, threshold), 0
	for j, c := range m.ByScheme {
		if c.Masked() {
			masked++
			continue
		}
		out[j] = float64(c.N)
		rest -= out[j]
	}
	for j, c := range m.ByScheme {
		if c.Masked() {
			out[j] = max(rest, 0) / float64(masked)
		}
	}
	return out
}
