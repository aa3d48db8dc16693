package ui

import (
	"fmt"
	"os"
)

// signalOverviewEnv names the environment variable that makes the window
// say on stderr each time Overblik's figures are filled in: the start
// measurement (scripts/window-start.sh) stops its clock at that line, as a
// screenshot cannot tell a finished overview from one still being filled.
const signalOverviewEnv = "PARTNERSKAB_SIGNAL_OVERVIEW"

// overviewSignal is the line written, when the variable is set.
const overviewSignal = "partnerskab: Overblik er vist"

var signalOverview = os.Getenv(signalOverviewEnv) != ""

// overviewShown writes the line, if asked for.
func overviewShown() {
	if signalOverview {
		fmt.Fprintln(os.Stderr, overviewSignal)
	}
}
