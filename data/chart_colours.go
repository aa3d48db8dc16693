package data

// ChartColours are the placement chart's bar colours by the scheme's place
// in the legend, as RGB: Overblik draws with them and the status report's
// PDF too, so a scheme has one colour wherever it is shown. Each is a
// middle tone (relative luminance 0,13–0,33), which stands out against the
// light theme's white and the dark theme's near-black alike (contrast
// 2,5:1 or more; ui/overview_test.go checks it); fyne's own accent colours
// do not all manage that (its yellow vanishes on white).
var ChartColours = [][3]uint8{
	{0x1f, 0x77, 0xb4}, // blue
	{0xe0, 0x6c, 0x10}, // orange
	{0x2c, 0xa0, 0x2c}, // green
	{0x94, 0x67, 0xbd}, // purple
	{0xd6, 0x27, 0x28}, // red
	{0x11, 0x8a, 0x96}, // teal
	{0x8c, 0x56, 0x4b}, // brown
	{0xd8, 0x5f, 0xb0}, // pink
	{0x7f, 0x7f, 0x7f}, // grey
}

// ChartColour is the colour of the scheme at place i in the legend.
func ChartColour(i int) [3]uint8 { return ChartColours[i%len(ChartColours)] }
