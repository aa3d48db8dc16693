package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// The retention commands: what is due for deletion (every kind, as Til
// sletning lists it), anonymising or deleting named records, and the
// deletion ledger.

type dueRow struct {
	Key          string `json:"key"` // SLAGS:ID, or kladde:FORM/ID, as purge takes it
	Kind         string `json:"kind"`
	Title        string `json:"title"`
	Detail       string `json:"detail"`
	DueOn        string `json:"due_on"`
	Advice       string `json:"advice,omitempty"`
	CanAnonymise bool   `json:"can_anonymise"`
	CanDelete    bool   `json:"can_delete"`
}

func dueKeyText(k data.DueKey) string { return string(k.Kind) + ":" + k.String() }

// parseDueKey reads SLAGS:ID or kladde:FORM/ID.
func parseDueKey(s string) (data.DueKey, error) {
	kind, rest, ok := strings.Cut(s, ":")
	if !ok {
		return data.DueKey{}, fmt.Errorf("%q: skriv SLAGS:ID, fx kontaktperson:12 eller kladde:organisation/0", s)
	}
	k := data.DueKey{Kind: data.RetentionKind(kind)}
	known := false
	for _, rk := range data.RetentionKinds {
		known = known || rk == k.Kind
	}
	if !known {
		names := make([]string, len(data.RetentionKinds))
		for i, rk := range data.RetentionKinds {
			names[i] = string(rk)
		}
		return k, fmt.Errorf("%q: ukendt slags %q; brug %s", s, kind, strings.Join(names, ", "))
	}
	if k.Kind == data.KindDraft {
		form, id, ok := strings.Cut(rest, "/")
		if !ok {
			return k, fmt.Errorf("%q: en kladde skrives kladde:FORM/ID, fx kladde:organisation/0", s)
		}
		k.Form, rest = form, id
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	if err != nil || id < 0 {
		return k, fmt.Errorf("%q: %q er ikke et nummer", s, rest)
	}
	k.ID = id
	return k, nil
}

func cmdDue(e *env, args []string) int {
	var asJSON bool
	var on string
	if !e.flags("due", args, func(fs *flag.FlagSet) {
		jsonFlag(&asJSON)(fs)
		fs.StringVar(&on, "on", "", "dagen (fx 31.12.2016); i dag uden")
	}) {
		return 2
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	d := s.Now()
	if on != "" {
		var err error
		if d, err = dk.ParseDate(on); err != nil {
			return e.fail("due: --on %s: %v", on, err)
		}
	}
	items, err := s.DueForDeletion(context.Background(), d)
	if err != nil {
		return e.fail("%s: %v", s.Path(), err)
	}
	rows := make([]dueRow, len(items))
	for i, it := range items {
		rows[i] = dueRow{Key: dueKeyText(it.Key), Kind: string(it.Key.Kind), Title: it.Title, Detail: it.Detail,
			DueOn: dk.ISODate(it.DueOn), Advice: it.Advice, CanAnonymise: it.CanAnonymise, CanDelete: it.CanDelete}
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return e.fail("%v", err)
		}
		return 0
	}
	if len(rows) == 0 {
		fmt.Fprintf(e.stdout, "Intet har overskredet slettefristen %s.\n", dk.FormatDate(d))
		return 0
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NØGLE\tFRIST\tHVAD\tDETALJER")
	for i, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Key, dk.FormatDate(items[i].DueOn), r.Title, r.Detail)
		if r.Advice != "" {
			fmt.Fprintf(tw, "\t\t\t%s\n", r.Advice)
		}
	}
	tw.Flush()
	fmt.Fprintf(e.stdout, "%d poster har overskredet slettefristen %s; anonymisér eller slet med 'purge --anonymise|--delete NØGLE …'.\n",
		len(rows), dk.FormatDate(d))
	return 0
}

func cmdPurge(e *env, args []string) int {
	var anonymise, remove bool
	// The keys follow the flags, so this command parses its own.
	fs := newFlags("purge")
	fs.BoolVar(&anonymise, "anonymise", false, "anonymisér")
	fs.BoolVar(&remove, "delete", false, "slet helt")
	if err := fs.Parse(args); err != nil {
		e.fail("%s", flagError("purge", fs, err))
		return 2
	}
	if anonymise == remove {
		return e.fail("purge: angiv enten --anonymise eller --delete, og nøglerne fra 'due'")
	}
	if fs.NArg() == 0 {
		return e.fail("purge: angiv nøglerne fra 'due', fx kontaktperson:12")
	}
	var keys []data.DueKey
	for _, a := range fs.Args() {
		k, err := parseDueKey(a)
		if err != nil {
			return e.fail("purge: %v", err)
		}
		keys = append(keys, k)
	}
	s, code := e.open(forWriting)
	if s == nil {
		return code
	}
	defer s.Close()
	action := data.ActionDelete
	if anonymise {
		action = data.ActionAnonymise
	}
	n, err := s.Purge(context.Background(), action, keys)
	if err != nil {
		return e.fail("%s: %v", s.Path(), err)
	}
	fmt.Fprintf(e.stdout, "%d af %d poster er %s; handlingen står i loggen og i sletteloggen.\n", n, len(keys), action)
	return 0
}

type ledgerRow struct {
	At     string `json:"at"`
	Actor  string `json:"actor"`
	Key    string `json:"key"`
	Action string `json:"action"`
	UID    string `json:"uid"`
}

func cmdLedger(e *env, args []string) int {
	var asJSON bool
	if !e.flags("ledger", args, jsonFlag(&asJSON)) {
		return 2
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	es, err := s.Ledger(context.Background())
	if err != nil {
		return e.fail("%s: %v", s.Path(), err)
	}
	rows := make([]ledgerRow, len(es))
	for i, le := range es {
		rows[i] = ledgerRow{At: le.At, Actor: le.Actor, Key: dueKeyText(le.Key()), Action: le.Action, UID: le.UID}
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return e.fail("%v", err)
		}
		return 0
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TID\tHVEM\tPOST\tHANDLING")
	for i, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", es[i].Time().In(time.Local).Format("2.1.2006 15:04"), r.Actor, r.Key, r.Action)
	}
	tw.Flush()
	return 0
}
