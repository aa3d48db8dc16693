package widgets

import (
	"image/color"
	"math"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"partnerskab/data"
)

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, bl, _ := c.RGBA()
		lin := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(bl)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// The chart's bars are as tall as their month's count, a month without
// placements has none, and every colour stands out against the background
// of the light and the dark theme.
func TestChartBars(t *testing.T) {
	first := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	totals := []map[int64]int{{}, {1: 2, 2: 1}, {1: 4, 2: 4, 3: 2}, {2: 5}}
	var ch data.PlacementChart
	for i, by := range totals {
		ch.Months = append(ch.Months, data.MonthCount{Month: first.AddDate(0, i, 0), ByScheme: by})
	}
	ch.Schemes = []data.ChartScheme{{ID: 1, Name: "Ordinært job"}, {ID: 2, Name: "Fleksjob"}, {ID: 3, Name: "Løntilskud"}}
	for _, th := range []struct {
		name  string
		theme fyne.Theme
	}{{"light", theme.LightTheme()}, {"dark", theme.DarkTheme()}} { //nolint:staticcheck // the two variants by name
		t.Run(th.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(th.theme)
			c := NewMonthChart()
			win := test.NewWindow(c)
			defer win.Close()
			win.Resize(fyne.NewSize(600, 300))
			c.Set(ch)
			r := test.WidgetRenderer(c).(*chartRenderer)
			h := make([]float32, len(totals))
			for i := range totals {
				h[i] = r.stackHeight(i)
			}
			if h[0] != 0 {
				t.Errorf("a month without placements has a bar %v high", h[0])
			}
			if !(h[2] > h[3] && h[3] > h[1] && h[1] > 0) {
				t.Errorf("bar heights %v; want the 10 of month 3 tallest, then 5, then 3", h)
			}
			// Heights in proportion: 3/10 of the tallest.
			if got := h[1] / h[2]; math.Abs(float64(got)-0.3) > 0.01 {
				t.Errorf("month 2's bar is %.3f of the tallest, want 0,3", got)
			}
			bg := theme.Color(theme.ColorNameBackground)
			for i := range chartPalette {
				if cr := contrast(SchemeColor(i), bg); cr < 2.5 {
					t.Errorf("colour %d has contrast %.2f against the %s background", i, cr, th.name)
				}
			}
			if cr := contrast(r.months[3].Color, bg); cr < 4.5 {
				t.Errorf("month labels have contrast %.2f against the %s background", cr, th.name)
			}
			if r.months[3].Text != "apr 25" || r.months[3].Hidden {
				t.Errorf("newest month label %q (hidden %v), want \"apr 25\"", r.months[3].Text, r.months[3].Hidden)
			}
		})
	}
}
