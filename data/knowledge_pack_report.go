package data

import (
	"context"
	"fmt"
)

// PackOptionsFor is the package's options with the program's version, the
// area's name ("" for the settings') and the latest status report.
func (s *Store) PackOptionsFor(ctx context.Context, programVersion, area string) (PackOptions, error) {
	opt := PackOptions{ProgramVersion: programVersion, AreaName: area}
	pdf, asOf, ok, err := s.LatestStatusReport(ctx)
	if err != nil {
		return opt, fmt.Errorf("den seneste statusrapport kan ikke læses: %v", DanishError(err))
	}
	if ok {
		opt.ReportPDF, opt.ReportAsOf = pdf, asOf
	}
	return opt, nil
}
