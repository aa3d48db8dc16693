package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/data/dk"
)

// agreementRow is one agreement in `partnerskab agreements --json`; the
// status is the program's code (draft, pending, signed, rejected,
// cancelled) and the date is ISO, for scripts.
type agreementRow struct {
	ID     int64  `json:"id"`
	Number string `json:"number"`
	Title  string `json:"title"`
	Status string `json:"status"`
	Date   string `json:"date,omitempty"`
	Parent int64  `json:"parent_id,omitempty"` // the agreement it hangs under
	Ended  string `json:"ended_on,omitempty"`  // the day it ended (opsigelse, udløb, ophævelse)
}

func cmdAgreements(e *env, args []string) int {
	var asJSON bool
	if !e.flags("agreements", args, jsonFlag(&asJSON)) {
		return 2
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	var all []data.AgreementNode // in the tree's order: a sub-agreement under its parent
	for {
		page, err := s.AgreementTree(ctx, data.AgreementQuery{Limit: 500, Offset: len(all)})
		if err != nil {
			return e.fail("%s: %v", s.Path(), err)
		}
		all = append(all, page...)
		if len(page) < 500 {
			break
		}
	}
	if asJSON {
		rows := make([]agreementRow, 0, len(all))
		for _, a := range all {
			r := agreementRow{ID: a.ID, Number: a.Number, Title: a.Title, Status: string(a.Status), Parent: a.ParentID}
			if !a.Date.IsZero() {
				r.Date = dk.ISODate(a.Date)
			}
			if !a.Ending.On.IsZero() {
				r.Ended = dk.ISODate(a.Ending.On)
			}
			rows = append(rows, r)
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return e.fail("%v", err)
		}
		return 0
	}
	printAgreements(e.stdout, all)
	return 0
}

func printAgreements(w io.Writer, all []data.AgreementNode) {
	if len(all) == 0 {
		fmt.Fprintln(w, "Ingen aftaler.")
		return
	}
	fmt.Fprintf(w, "%-5s %-10s %-16s %-11s %s\n", "Id", "Nummer", "Status", "Dato", "Titel")
	for _, a := range all {
		date := ""
		if !a.Date.IsZero() {
			date = dk.FormatDate(a.Date)
		}
		title := a.Title
		if a.Depth > 0 { // a sub-agreement, indented under the one it hangs under
			title = strings.Repeat("  ", a.Depth) + "└ " + title
		}
		if !a.Ending.On.IsZero() {
			title += " (" + a.Ending.Line() + ")"
		}
		fmt.Fprintf(w, "%-5d %-10s %-16s %-11s %s\n", a.ID, a.Number, a.Status.Label(), date, title)
	}
}

func cmdExport(e *env, args []string) int {
	var idText, meetingText, what, out string
	if !e.flags("export", args, func(fs *flag.FlagSet) {
		fs.StringVar(&idText, "agreement", "", "aftalens id (se 'partnerskab agreements')")
		fs.StringVar(&meetingText, "meeting", "", "mødets id (se 'partnerskab meetings')")
		fs.StringVar(&what, "what", "", "mødets dokument: dagsorden eller referat")
		fs.StringVar(&out, "out", "", "PDF-filen der skal skrives")
	}) {
		return 2
	}
	switch {
	case idText != "" && meetingText != "":
		e.fail("export: vælg enten --agreement eller --meeting, ikke begge")
		return 2
	case meetingText != "":
		return exportMeeting(e, meetingText, what, out)
	case what != "":
		e.fail("export: --what vælger et mødes dokument; angiv mødet med --meeting ID")
		return 2
	}
	if idText == "" || out == "" {
		return e.fail("export: angiv aftalen og filen med --agreement ID --out FIL.pdf")
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 {
		return e.fail("export: --agreement skal være aftalens id, et tal (se 'partnerskab agreements'), ikke %q", idText)
	}
	s, code := e.open(forWriting) // an interrupted seal is finished and stored
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	a, ok := e.storedAgreement(ctx, s, id)
	if !ok {
		return 1
	}
	// A signed agreement is exactly its stored sealed bytes (ExportPDF).
	pdf, err := agreement.ExportPDF(ctx, s, existingSealer(ctx, s), id)
	if err != nil {
		return e.fail("aftale %s: PDF'en kan ikke dannes: %v", a.Number, err)
	}
	if err := data.WriteFile(s.Path(), out, 0o600, func(w io.Writer) error {
		_, err := w.Write(pdf)
		return err
	}); err != nil {
		return e.fail("%v", err)
	}
	fmt.Fprintf(e.stdout, "Aftale %s er skrevet til %s.\n", a.Number, out)
	return e.logged(s.LogExport(ctx, "aftale", id, "PDF af aftale "+a.Number, out))
}

// readInput reads a file the user named, saying in Danish what is wrong
// with it when it cannot be read: missing, a folder, not allowed.
func readInput(path string) ([]byte, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if _, derr := os.Stat(filepath.Dir(path)); derr != nil {
			return nil, fmt.Errorf("kan ikke læse %s: mappen %s findes ikke", path, filepath.Dir(path))
		}
		return nil, fmt.Errorf("kan ikke læse %s: filen findes ikke", path)
	case err != nil:
		return nil, fmt.Errorf("kan ikke læse %s: %v", path, data.DanishError(err))
	case st.IsDir():
		return nil, fmt.Errorf("kan ikke læse %s: det er en mappe, ikke en fil", path)
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("kan ikke læse %s: det er ikke en almindelig fil", path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("kan ikke læse %s: %v", path, data.DanishError(err))
	}
	return b, nil
}

// cmdTemplate runs `partnerskab template check FIL.md`.
func cmdTemplate(e *env, args []string) int {
	if len(args) == 1 && args[0] == "update" {
		return cmdTemplateUpdate(e)
	}
	if len(args) == 0 || args[0] != "check" {
		return e.fail("template: brug 'partnerskab template check FIL.md' eller 'partnerskab template update'")
	}
	if len(args) != 2 {
		return e.fail("template check: angiv én skabelonfil, fx 'partnerskab template check aftale.md'")
	}
	path := args[1]
	b, err := readInput(path)
	if err != nil {
		return e.fail("%v", err)
	}
	// A template may use the decided texts of the database's checklist.
	items, ok := e.checklistIfAny()
	if !ok {
		return 1
	}
	codes := make([]string, len(items))
	for i, it := range items {
		codes[i] = it.Code
	}
	problems := agreement.Check(string(b), codes...)
	if len(problems) == 0 {
		fmt.Fprintf(e.stdout, "%s: ingen fejl.\n", path)
		return 0
	}
	for _, p := range problems {
		fmt.Fprintf(e.stderr, "%s:%s\n", path, p.Error())
	}
	return 1
}

// cmdTemplateUpdate brings the database's default templates up to this
// release's texts (agreement.UpdateDefaultTemplates) and says what it did.
func cmdTemplateUpdate(e *env) int {
	s, code := e.open(forWriting)
	if s == nil {
		return code
	}
	defer s.Close()
	u, err := agreement.UpdateDefaultTemplates(context.Background(), s)
	if err != nil {
		return e.fail("%v", err)
	}
	for _, n := range u.Updated {
		fmt.Fprintf(e.stdout, "%s: ny version med programmets nye tekst; aftaler på den gamle version beholder deres tekst.\n", n)
	}
	for _, n := range u.Offered {
		fmt.Fprintf(e.stdout, "%s: din redigerede skabelon er ikke ændret; den nye tekst ligger som »%s%s«.\n", n, n, agreement.OfferedSuffix)
	}
	if len(u.Updated)+len(u.Offered) == 0 {
		fmt.Fprintln(e.stdout, "Standardskabelonerne er opdaterede.")
	}
	return 0
}

// cmdHelpFields prints the merge fields ('partnerskab help fields'), with
// the checklist's decided texts (afklaring.*) of the database given by
// --db or of the default database when there is one.
func cmdHelpFields(e *env, args []string) int {
	items, ok := e.checklistIfAny()
	if !ok {
		return 1
	}
	fmt.Fprint(e.stdout, agreement.HelpTextOf(agreement.CatalogueFor(items)))
	return 0
}

// checklistIfAny reads the checklist of the database named by --db, or of
// the default database if it exists; with neither, there is none. A
// database that --db names and that cannot be read is an error (said on
// stderr, ok false).
func (e *env) checklistIfAny() (items []data.ChecklistItem, ok bool) {
	if e.db == "" {
		p, err := data.DefaultPath()
		if err != nil {
			return nil, true
		}
		if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
			return nil, true
		}
	}
	s, code := e.open(forReading)
	if s == nil {
		return nil, code == 0
	}
	defer s.Close()
	items, err := s.Checklist(context.Background(), true)
	if err != nil {
		e.fail("%s: afklaringerne kan ikke læses: %v", s.Path(), data.DanishError(err))
		return nil, false
	}
	return items, true
}

// storedAgreement reads agreement id for a command, or says in Danish that
// it does not exist; ok is false when the message is written.
func (e *env) storedAgreement(ctx context.Context, s *data.Store, id int64) (data.Agreement, bool) {
	a, err := s.Agreement(ctx, id)
	if errors.Is(err, data.ErrNotFound) {
		e.fail("%s: aftale %d findes ikke; se 'partnerskab agreements'", s.Path(), id)
		return a, false
	} else if err != nil {
		e.fail("%s: %v", s.Path(), err)
		return a, false
	}
	return a, true
}
