package main

import (
	"context"
	"fmt"
	"io"

	"partnerskab/data"
	"partnerskab/data/agreement"
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
	// A new file starts with the default agreement templates; once there
	// are templates, the caseworker's choices (archive, delete) stand.
	ctx := context.Background()
	if ts, err := s.Templates(ctx, true); err == nil && len(ts) == 0 {
		if _, err := agreement.InstallDefaultTemplates(ctx, s); err != nil {
			fmt.Fprintln(stderr, "partnerskab:", err)
		}
	} else if _, err := agreement.UpdateDefaultTemplates(ctx, s); err != nil {
		// Unedited defaults get this release's text as a new version.
		fmt.Fprintln(stderr, "partnerskab:", err)
	}
	// The seal's certificates live next to the database (agreement.SealDir);
	// a failure leaves the window usable, only sealing is refused.
	sealer, err := agreement.OpenStoreSealer(ctx, s)
	if err != nil {
		fmt.Fprintln(stderr, "partnerskab: segl:", err)
	}
	ui.Version = Version
	if err := ui.Run(s, sealer); err != nil {
		fmt.Fprintln(stderr, "partnerskab:", err)
		return 1
	}
	return 0
}
