package main

import (
	"fmt"
	"io"

	"partnerskab/data"
	"partnerskab/ui"
)

// openWindow opens the database (creating it on first start) and shows
// the window until it is closed.
func openWindow(dbPath string, stderr io.Writer) int {
	if dbPath == "" {
		p, err := data.DefaultPath()
		if err != nil {
			fmt.Fprintln(stderr, "partnerskab:", err)
			return 1
		}
		dbPath = p
	}
	s, err := data.Open(dbPath)
	if err != nil {
		fmt.Fprintln(stderr, "partnerskab:", err)
		return 1
	}
	defer s.Close()
	ui.Run(s)
	return 0
}
