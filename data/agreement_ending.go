package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// An agreement ends by notice (opsigelse), by running out (udløb) or by
// being cancelled for breach (ophævelse): an event with a date and a
// reason, kept in a table beside the signed agreement, whose own row never
// changes. An ended agreement drops out of the list of what is due.

// EndingKind is how an agreement ended.
type EndingKind string

// The kinds of ending.
const (
	EndingNotice  EndingKind = "opsigelse"
	EndingExpiry  EndingKind = "udloeb"
	EndingBreach  EndingKind = "ophaevelse"
	EventEnded               = "afsluttet" // the audit log's event kind
	endingKindsDK            = "opsigelse, udløb eller ophævelse"
)

// EndingKinds are the kinds in the order the window offers them.
var EndingKinds = []EndingKind{EndingNotice, EndingExpiry, EndingBreach}

// Label is the kind's Danish name: Opsigelse, Udløb, Ophævelse.
func (k EndingKind) Label() string {
	switch k {
	case EndingNotice:
		return "Opsigelse"
	case EndingExpiry:
		return "Udløb"
	case EndingBreach:
		return "Ophævelse"
	}
	return string(k)
}

// pastLabel is how the tree says it: "opsagt", "udløbet", "ophævet".
func (k EndingKind) pastLabel() string {
	switch k {
	case EndingNotice:
		return "opsagt"
	case EndingExpiry:
		return "udløbet"
	case EndingBreach:
		return "ophævet"
	}
	return string(k)
}

// ParseEndingKind reads a kind as the CLI and the window write it:
// "opsigelse", "udløb" (or "udloeb"), "ophævelse" (or "ophaevelse").
func ParseEndingKind(s string) (EndingKind, bool) {
	switch dk.Fold(strings.TrimSpace(s)) {
	case dk.Fold("opsigelse"):
		return EndingNotice, true
	case dk.Fold("udløb"), "udloeb":
		return EndingExpiry, true
	case dk.Fold("ophævelse"), "ophaevelse":
		return EndingBreach, true
	}
	return "", false
}

// AgreementEnding is how and when one agreement ended, and why.
type AgreementEnding struct {
	AgreementID int64
	Kind        EndingKind
	On          time.Time
	Reason      string
}

// Line is the ending as the tree shows it: "opsagt pr. 30.6.2016".
func (e AgreementEnding) Line() string {
	return e.Kind.pastLabel() + " pr. " + dk.FormatDate(e.On)
}

// EndingForm is an ending as typed.
type EndingForm struct {
	Kind   string // "opsigelse", "udløb", "ophævelse"
	Date   string // "30.6.2016"
	Reason string
}

// EndAgreement records that the signed agreement id ended: kind, date (not
// before it began) and reason are required. An agreement ends once.
func (s *Store) EndAgreement(ctx context.Context, id int64, f EndingForm) (AgreementEnding, error) {
	var c checker
	e := AgreementEnding{AgreementID: id}
	if strings.TrimSpace(f.Kind) == "" {
		c.add("Kind", "Afslutning", "required", "vælg "+endingKindsDK)
	} else if k, ok := ParseEndingKind(f.Kind); ok {
		e.Kind = k
	} else {
		c.add("Kind", "Afslutning", "kind", fmt.Sprintf("skal være %s (%s)", endingKindsDK, strings.TrimSpace(f.Kind)))
	}
	if strings.TrimSpace(f.Date) == "" {
		c.add("Date", "Dato", "required", "skal udfyldes")
	}
	e.On = c.date("Date", "Dato", f.Date)
	e.Reason = c.required("Reason", "Begrundelse", f.Reason)
	c.noCPR("Reason", "Begrundelse", e.Reason)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		a, err := readAgreement(ctx, tx, id)
		if err != nil {
			return err
		}
		if a.Status != StatusSigned {
			c.add("Kind", "Afslutning", "not_signed", fmt.Sprintf("aftale %s har status %s; kun en underskrevet aftale kan afsluttes",
				a.Number, a.Status.Label()))
		}
		start := a.ValidFrom
		if start.IsZero() {
			start = a.Date
		}
		if !e.On.IsZero() && !start.IsZero() && e.On.Before(start) {
			c.add("Date", "Dato", "date_order", fmt.Sprintf("aftalen kan ikke afsluttes %s, før den begyndte (%s)",
				dk.FormatDate(e.On), dk.FormatDate(start)))
		}
		if old, found, err := agreementEnding(ctx, tx, id); err != nil {
			return err
		} else if found {
			c.add("Kind", "Afslutning", "ended", fmt.Sprintf("aftale %s er allerede afsluttet: %s", a.Number, old.Line()))
		}
		if err := c.err(); err != nil {
			return err
		}
		now := s.nowText()
		if _, err := tx.ExecContext(ctx, `INSERT INTO agreement_endings (agreement_id, kind, ended_on, reason, created_at)
			VALUES (?, ?, ?, ?, ?)`, id, string(e.Kind), dk.ISODate(e.On), e.Reason, now); err != nil {
			return err
		}
		return logEvent(ctx, tx, now, EventEnded, "aftale", id,
			fmt.Sprintf("%s: %s pr. %s", a.Number, e.Kind.Label(), dk.FormatDate(e.On)))
	})
	return e, err
}

// AgreementEnding reads how agreement id ended; found is false while it runs.
func (s *Store) AgreementEnding(ctx context.Context, id int64) (e AgreementEnding, found bool, err error) {
	return agreementEnding(ctx, s.db, id)
}

func agreementEnding(ctx context.Context, q queryRower, id int64) (AgreementEnding, bool, error) {
	e := AgreementEnding{AgreementID: id}
	var kind, on string
	err := q.QueryRowContext(ctx, `SELECT kind, ended_on, reason FROM agreement_endings WHERE agreement_id = ?`, id).
		Scan(&kind, &on, &e.Reason)
	if errors.Is(err, sql.ErrNoRows) {
		return e, false, nil
	} else if err != nil {
		return e, false, err
	}
	e.Kind, e.On = EndingKind(kind), dateCol(sql.NullString{String: on, Valid: true})
	return e, true, nil
}
