package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// SaveStatusReport stores a report produced with its PDF, so the next
// report shows the trend since it and LatestStatusReport can pass it on;
// the event log names it.
func (s *Store) SaveStatusReport(ctx context.Context, r StatusReport, pdf []byte) error {
	summary, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		now := s.nowText()
		res, err := tx.ExecContext(ctx, `INSERT INTO status_reports (as_of, from_on, created_at, summary, pdf) VALUES (?, ?, ?, ?, ?)`,
			r.AsOf, r.From, now, string(summary), pdf)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		return logEvent(ctx, tx, now, "oprettet", "statusrapport", id,
			"pr. "+dk.FormatDate(r.AsOfDay())+", perioden fra "+dk.FormatDate(r.FromDay()))
	})
}

// LatestStatusReport is the newest stored report's PDF and its as-of day;
// ok is false when no report has been produced.
func (s *Store) LatestStatusReport(ctx context.Context) (pdf []byte, asOf time.Time, ok bool, err error) {
	var day string
	err = s.db.QueryRowContext(ctx, `SELECT pdf, as_of FROM status_reports ORDER BY id DESC LIMIT 1`).Scan(&pdf, &day)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, time.Time{}, false, nil
	}
	if err != nil {
		return nil, time.Time{}, false, err
	}
	asOf, err = dk.ParseISODate(day)
	return pdf, asOf, err == nil, err
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

// StatusReportForm is the window's choice of day and period, as typed.
type StatusReportForm struct {
	AsOf string // required: "31.12.2015"
	From string // optional: the period's first day
}

// Parse reads the form: the as-of day required, both real dates, the
// period's start not after the as-of day.
func (f StatusReportForm) Parse() (asOf, from time.Time, err error) {
	var c checker
	if strings.TrimSpace(f.AsOf) == "" {
		c.add("AsOf", "Opgjort pr.", "required", "skal udfyldes, fx 31.12.2015")
	}
	asOf = c.date("AsOf", "Opgjort pr.", f.AsOf)
	from = c.date("From", "Fra", f.From)
	c.dateOrder("From", "Fra", from, asOf, "opgørelsesdatoen")
	return asOf, from, c.err()
}
