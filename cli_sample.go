package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// cmdSampleData fills a new database with made-up records the size of a
// large partnership run for many years, the one the performance figures in
// the README are measured on: anyone can reproduce them on the real
// program. Names, initials and dates are invented; no person is real.
func cmdSampleData(e *env, args []string) int {
	placements := data.LargeSample.Placements
	if !e.flags("sample-data", args, func(fs *flag.FlagSet) {
		fs.IntVar(&placements, "placements", placements, "antal placeringer")
	}) {
		return 2
	}
	if placements < 1 || placements > 10_000_000 {
		return e.fail("sample-data: --placements skal være mellem 1 og 10.000.000, ikke %d", placements)
	}
	p, err := e.path()
	if err != nil {
		return e.fail("%v", err)
	}
	if _, err := os.Stat(p); err == nil {
		return e.fail("%s findes allerede; prøvedata skrives kun i en ny fil", p)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return e.fail("%s: %v", p, err)
	}
	if err := data.BuildSample(p, data.LargeSample.WithPlacements(placements)); err != nil {
		return e.fail("%s: prøvedata kan ikke skrives: %v", p, err)
	}
	fmt.Fprintf(e.stdout, "Prøvedata med %s placeringer er skrevet i %s.\n", dk.FormatDecimal(float64(placements), 0), p)
	return 0
}
