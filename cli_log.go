package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// cmdLog prints the audit log: `log [--json] [--since DATO]`.
func cmdLog(e *env, args []string) int {
	var asJSON bool
	var sinceText string
	if !e.flags("log", args, func(fs *flag.FlagSet) {
		jsonFlag(&asJSON)(fs)
		fs.StringVar(&sinceText, "since", "", "kun hændelser fra denne dato (fx 21.2.2015)")
	}) {
		return 2
	}
	var since time.Time
	if sinceText != "" {
		d, err := dk.ParseDate(sinceText)
		if err != nil {
			e.fail("log: --since: %v", err)
			return 2
		}
		// The day as the caseworker's clock has it.
		since = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.Local)
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	events, err := s.AuditLog(context.Background(), since)
	if err != nil {
		return e.fail("%s: %v", s.Path(), data.DanishError(err))
	}
	if asJSON {
		type jsonEvent struct {
			ID       int64  `json:"id"`
			At       string `json:"at"`
			Actor    string `json:"actor"`
			Kind     string `json:"kind"`
			Entity   string `json:"entity"`
			EntityID int64  `json:"entity_id,omitempty"`
			Detail   string `json:"detail"`
		}
		out := make([]jsonEvent, 0, len(events))
		for _, ev := range events {
			out = append(out, jsonEvent{ev.ID, ev.At.UTC().Format(time.RFC3339), ev.Actor, ev.Kind, ev.Entity, ev.EntityID, ev.Detail})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return e.fail("%v", err)
		}
		return 0
	}
	if len(events) == 0 {
		fmt.Fprintln(e.stdout, "Ingen hændelser.")
		return 0
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Tidspunkt\tUdført af\tHændelse\tPost\tDetalje")
	for _, ev := range events {
		actor := ev.Actor
		if actor == "" {
			actor = "(før aktører)"
		}
		what := ev.Entity
		if ev.EntityID != 0 {
			what = fmt.Sprintf("%s %d", ev.Entity, ev.EntityID)
		}
		at := ev.At.Local()
		fmt.Fprintf(tw, "%s %s\t%s\t%s\t%s\t%s\n", dk.FormatDate(at), at.Format("15.04"), actor, ev.Kind, what, ev.Detail)
	}
	tw.Flush()
	return 0
}

// logged reports an export or backup the audit log could not take: the
// file is written, so it warns rather than fails.
func (e *env) logged(err error) int {
	if err == nil {
		return 0
	}
	if data.IsNotLogged(err) {
		fmt.Fprintln(e.stderr, "partnerskab: advarsel: "+err.Error())
		return 0
	}
	return e.fail("%v", err)
}
