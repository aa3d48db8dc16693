package widgets

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// MonthChart draws the placements per month as bars stacked by scheme, with
// the months under the bars and a legend of the schemes' colours. It is
// drawn with canvas primitives in the theme's colours, so it reads in the
// light and the dark variant alike.
type MonthChart struct {
	widget.BaseWidget
	chart data.PlacementChart
}

// NewMonthChart makes an empty chart.
func NewMonthChart() *MonthChart {
	c := &MonthChart{}
	c.ExtendBaseWidget(c)
	return c
}

// Chart is what the chart shows.
func (c *MonthChart) Chart() data.PlacementChart { return c.chart }

// Set replaces the chart's data and redraws it.
func (c *MonthChart) Set(chart data.PlacementChart) {
	c.chart = chart
	c.Refresh()
}

// chartPalette are the bar colours by the scheme's place in the legend:
// data.ChartColours, which the status report's PDF uses too.
var chartPalette = func() []color.NRGBA {
	out := make([]color.NRGBA, len(data.ChartColours))
	for i, c := range data.ChartColours {
		out[i] = color.NRGBA{c[0], c[1], c[2], 0xff}
	}
	return out
}()

func SchemeColor(i int) color.Color { return chartPalette[i%len(chartPalette)] }

// monthLabel is a month as the chart writes it under its bar: "jan 25".
func MonthLabel(m data.MonthCount) string {
	return fmt.Sprintf("%s %02d", shortMonthNames()[m.Month.Month()-1], m.Month.Year()%100)
}

func shortMonthNames() [12]string {
	return [12]string{
		lang.X("overview.month.1", "jan"), lang.X("overview.month.2", "feb"), lang.X("overview.month.3", "mar"),
		lang.X("overview.month.4", "apr"), lang.X("overview.month.5", "maj"), lang.X("overview.month.6", "jun"),
		lang.X("overview.month.7", "jul"), lang.X("overview.month.8", "aug"), lang.X("overview.month.9", "sep"),
		lang.X("overview.month.10", "okt"), lang.X("overview.month.11", "nov"), lang.X("overview.month.12", "dec"),
	}
}

func (c *MonthChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c, axis: canvas.NewLine(color.Transparent), top: canvas.NewText("", color.Transparent),
		zero: canvas.NewText("0", color.Transparent), empty: canvas.NewText("", color.Transparent)}
	r.rebuild()
	return r
}

// chartRenderer keeps one rectangle per month and scheme (a month's stack),
// one label per month, the legend, and the axis with its top value.
type chartRenderer struct {
	c      *MonthChart
	bars   [][]*canvas.Rectangle // [month][scheme], schemes in the legend's order
	months []*canvas.Text
	swatch []*canvas.Rectangle
	names  []*canvas.Text
	axis   *canvas.Line
	top    *canvas.Text // the value at the top of the axis
	zero   *canvas.Text
	empty  *canvas.Text // shown when there is nothing to draw
	max    int          // the largest month's total
	objs   []fyne.CanvasObject
}

// rebuild makes the objects for the chart's data and colours them from the
// current theme.
func (r *chartRenderer) rebuild() {
	ch := r.c.chart
	r.bars, r.months, r.swatch, r.names = nil, nil, nil, nil
	r.max = 0
	fg := theme.Color(theme.ColorNameForeground)
	small := theme.CaptionTextSize()
	for _, m := range ch.Months {
		var stack []*canvas.Rectangle
		for i := range ch.Schemes {
			stack = append(stack, canvas.NewRectangle(SchemeColor(i)))
		}
		r.bars = append(r.bars, stack)
		t := canvas.NewText(MonthLabel(m), fg)
		t.TextSize = small
		t.Alignment = fyne.TextAlignCenter
		r.months = append(r.months, t)
		r.max = max(r.max, m.Total())
	}
	for i, s := range ch.Schemes {
		r.swatch = append(r.swatch, canvas.NewRectangle(SchemeColor(i)))
		t := canvas.NewText(s.Name, fg) // the caseworker's own list: shown as typed
		t.TextSize = small
		r.names = append(r.names, t)
	}
	r.axis.StrokeColor = theme.Color(theme.ColorNameSeparator)
	r.axis.StrokeWidth = 1
	for _, t := range []*canvas.Text{r.top, r.zero, r.empty} {
		t.Color, t.TextSize = fg, small
	}
	r.top.Text = dk.FormatDecimal(float64(r.max), 0)
	r.top.Alignment, r.zero.Alignment = fyne.TextAlignTrailing, fyne.TextAlignTrailing
	r.empty.Text = lang.X("overview.chart.empty", "Ingen placeringer i perioden.")
	r.empty.Hidden = r.max > 0

	r.objs = []fyne.CanvasObject{r.axis, r.top, r.zero, r.empty}
	for _, stack := range r.bars {
		for _, b := range stack {
			r.objs = append(r.objs, b)
		}
	}
	for _, t := range r.months {
		r.objs = append(r.objs, t)
	}
	for i := range r.swatch {
		r.objs = append(r.objs, r.swatch[i], r.names[i])
	}
}

func (r *chartRenderer) Destroy() {}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *chartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

// The chart's parts from the top: the legend, the plot with the axis on
// its left, the month labels.
func (r *chartRenderer) legendHeight() float32 {
	return fyne.MeasureText("Ag", theme.CaptionTextSize(), fyne.TextStyle{}).Height + theme.Padding()
}

func (r *chartRenderer) axisWidth() float32 {
	w := fyne.MeasureText(r.top.Text, theme.CaptionTextSize(), fyne.TextStyle{}).Width
	return max(w, fyne.MeasureText("000", theme.CaptionTextSize(), fyne.TextStyle{}).Width) + theme.Padding()
}

func (r *chartRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	textH := fyne.MeasureText("Ag", theme.CaptionTextSize(), fyne.TextStyle{}).Height

	// The legend: a swatch and a name per scheme, in one row.
	x := float32(0)
	sw := textH * 0.7
	for i := range r.swatch {
		r.swatch[i].Resize(fyne.NewSize(sw, sw))
		r.swatch[i].Move(fyne.NewPos(x, (textH-sw)/2))
		x += sw + pad/2
		nw := fyne.MeasureText(r.names[i].Text, r.names[i].TextSize, r.names[i].TextStyle).Width
		r.names[i].Resize(fyne.NewSize(nw, textH))
		r.names[i].Move(fyne.NewPos(x, 0))
		x += nw + 2*pad
	}

	left := r.axisWidth()
	plotTop := r.legendHeight() + textH/2
	plotBottom := size.Height - textH - pad
	plotH := max(plotBottom-plotTop, 0)
	r.top.Resize(fyne.NewSize(left-pad, textH))
	r.top.Move(fyne.NewPos(0, plotTop-textH/2))
	r.zero.Resize(fyne.NewSize(left-pad, textH))
	r.zero.Move(fyne.NewPos(0, plotBottom-textH/2))
	r.axis.Position1 = fyne.NewPos(left, plotBottom)
	r.axis.Position2 = fyne.NewPos(size.Width, plotBottom)
	r.empty.Move(fyne.NewPos(left+pad, plotTop))
	r.empty.Resize(fyne.NewSize(size.Width-left, textH))

	n := len(r.bars)
	if n == 0 {
		return
	}
	slot := (size.Width - left - pad) / float32(n)
	barW := max(slot*0.7, 1)
	// Label every month when the labels fit, else every second, third …
	labelW := fyne.MeasureText("sep 25", theme.CaptionTextSize(), fyne.TextStyle{}).Width + pad
	step := max(int(math.Ceil(float64(labelW/max(slot, 1)))), 1)
	months := r.c.chart.Months
	for i, stack := range r.bars {
		bx := left + pad + float32(i)*slot + (slot-barW)/2
		// Each segment runs between two rounded edges, so neighbours meet
		// without a hairline of background between them.
		bottom, sum := plotBottom, 0
		for k, b := range stack {
			n := months[i].ByScheme[r.c.chart.Schemes[k].ID]
			sum += max(n, 0)
			top := float32(math.Round(float64(plotBottom - r.barHeight(sum, plotH))))
			b.Hidden = n <= 0
			b.Resize(fyne.NewSize(barW, bottom-top))
			b.Move(fyne.NewPos(bx, top))
			bottom = top
		}
		t := r.months[i]
		// Count from the newest month, so the current month always has its label.
		t.Hidden = (n-1-i)%step != 0
		t.Resize(fyne.NewSize(slot*float32(step), textH))
		t.Move(fyne.NewPos(left+pad+float32(i)*slot+slot/2-slot*float32(step)/2, plotBottom+pad/2))
	}
}

// barHeight is the height of n placements in a plot plotH high whose top is
// the largest month.
func (r *chartRenderer) barHeight(n int, plotH float32) float32 {
	if r.max == 0 || n <= 0 {
		return 0
	}
	return plotH * float32(n) / float32(r.max)
}

// stackHeight is the drawn height of month i's bar (for tests).
func (r *chartRenderer) stackHeight(i int) float32 {
	var h float32
	for _, b := range r.bars[i] {
		if !b.Hidden {
			h += b.Size().Height
		}
	}
	return h
}

func (r *chartRenderer) MinSize() fyne.Size {
	textH := fyne.MeasureText("Ag", theme.CaptionTextSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(r.axisWidth()+float32(len(r.bars))*4, r.legendHeight()+2*textH+120)
}
