package data

import (
	"context"
	"fmt"
	"time"
)

// LatestStatusReport finds the newest status report's PDF and the date it
// counts as of, for the knowledge-sharing package; ok is false when there
// is none. It is a variable so that the package does not depend on where
// reports are kept: point it at the store's reports (the command line and
// the window both ask through it).
var LatestStatusReport = func(ctx context.Context, s *Store) (pdf []byte, asOf time.Time, ok bool, err error) {
	return nil, time.Time{}, false, nil
}

// PackOptionsFor is the package's options with the program's version, the
// area's name ("" for the settings') and the latest status report.
func (s *Store) PackOptionsFor(ctx context.Context, programVersion, area string) (PackOptions, error) {
	opt := PackOptions{ProgramVersion: programVersion, AreaName: area}
	pdf, asOf, ok, err := LatestStatusReport(ctx, s)
	if err != nil {
		return opt, fmt.Errorf("den seneste statusrapport kan ikke læses: %v", DanishError(err))
	}
	if ok {
		opt.ReportPDF, opt.ReportAsOf = pdf, asOf
	}
	return opt, nil
}
