package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/data/dk"
)

// env is what a command gets: the --db path (empty for the default) and
// where to write.
type env struct {
	db     string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one headless command; help lists them in this order.
type command struct {
	name    string
	usage   string
	summary string
	run     func(e *env, args []string) int
}

var commands []command

func init() {
	commands = []command{
		{"demo", "demo", "indlæser eksemplet fra kommissoriet i en tom database", cmdDemo},
		{"sample-data", "sample-data [--placements N]", "skriver opdigtede prøvedata i en ny database (5.000 virksomheder, 10.000 lejemål, 100.000 placeringer, aftaler uden PDF): den, ydelsestallene i README måles på", cmdSampleData},
		{"check", "check", "tjekker databasens integritet, fremmednøgler, skema, hændelseslog og de underskrevne aftaler mod deres segl", cmdCheck},
		{"backup", "backup --out FIL", "skriver en konsistent sikkerhedskopi, også mens programmet er åbent", cmdBackup},
		{"restore", "restore --from FIL", "tjekker en sikkerhedskopi og sætter den i stedet for databasen (den nuværende gemmes)", cmdRestore},
		{"due", "due [--json] [--on DATO]", "viser alt, hvis slettefrist er overskredet: placeringer, kontaktpersoner, møders deltagere og noter, kladder, scanninger, underskrevne aftaler og loggens personhenvisninger", cmdDue},
		{"purge", "purge --anonymise|--delete NØGLE …", "anonymiserer eller sletter posterne med nøglerne fra 'due' (fx kontaktperson:12); skrives i sletteloggen", cmdPurge},
		{"ledger", "ledger [--json]", "viser sletteloggen: hvilken post, hvad, hvornår og af hvem (intet indhold)", cmdLedger},
		{"report", "report [--json]", "viser hvad databasen indeholder: antal pr. slags, målene og partnerskabets arbejde", cmdReport},
		{"import", "import SLAGS FIL.csv", "importerer en CSV-fil (partners, rooms, leases, placements): alle rækker eller ingen; se 'help import'", cmdImport},
		{"export-csv", "export-csv SLAGS --out FIL", "skriver en slags til en CSV-fil i samme format, som Excel åbner", cmdExportCSV},
		{"agreements", "agreements [--json]", "viser aftalerne: id, nummer, titel, status og dato", cmdAgreements},
		{"export", "export --agreement ID --out FIL.pdf", "skriver en aftale som PDF", cmdExport},
		{"agreement", "agreement end --id ID --kind opsigelse|udløb|ophævelse --date DATO --reason TEKST | agreement tree", "afslutter en underskrevet aftale med dato og begrundelse, eller viser aftalerne som træ (underaftaler under den aftale, de hører under)", cmdAgreement},
		{"journal", "journal --agreement ID [--journal NR] [--kle NR]", "viser eller sætter en kladdes journalnummer og KLE-nummer (fx 27.12.00 G01)", cmdJournal},
		{"meetings", "meetings [--json]", "viser møderne: id, dato, tid, møde i, status og titel, og årets antal mod 5–7", cmdMeetings},
		{"checklist", "checklist [--json]", "viser afklaringerne: status, ansvarlig, flettefelt og besluttet tekst", cmdChecklist},
		{"goals", "goals [--json] [--as-of DATO]", "viser målene og milepælene, opgjort i dag eller på en dato (fx 31.12.2015)", cmdGoals},
		{"verify", "verify FIL.pdf [--trust CA.pem] [--db STI]", "kontrollerer seglet på en underskrevet aftale (slutkode 0 i orden, 1 ændret eller ugyldig, 2 uændret men fra en ukendt udsteder); med --db også, at filen er den gemte", cmdVerify},
		{"seal", "seal show|export-ca --out FIL.pem|import FIL.p12 [--trust-issuer]", "viser seglet, eksporterer CA-certifikatet eller importerer organisationens certifikat (adgangskoden læses fra standard-input)", cmdSeal},
		{"template", "template check FIL.md|update", "tjekker en skabelonfil (hver fejl skrives som FIL:LINJE:KOLONNE: …) eller giver standardskabelonerne programmets nye tekster", cmdTemplate},
		{"log", "log [--json] [--since DATO]", "viser hændelsesloggen: tidspunkt, hvem (styresystemets bruger), hændelse, post og detalje", cmdLog},
		{"status-report", "status-report --as-of DATO [--from DATO] --out FIL.pdf [--json]", "skriver statusrapporten til styregrupperne (kun antal, ingen personoplysninger) og gemmer den, så næste rapport viser udviklingen", cmdStatusReport},
		{"art30", "art30 --out FIL.pdf", "skriver fortegnelsen over behandlingsaktiviteter (art. 30) til databeskyttelsesrådgiveren, dannet ud fra databasen", cmdArt30},
		{"extract", "extract --contact ID|--placement ID --out FIL", "skriver alt, hvad databasen har om en person (indsigt, art. 15): PDF, eller JSON når FIL ender på .json", cmdExtract},
		{"pack-export", "pack-export --out FIL.zip [--area NAVN]", "skriver en videndelingspakke til et andet boligområde: skabeloner med historik, tjeklisten med de besluttede tekster, ordninger, målgrupper, målenes definitioner og den seneste statusrapport; ingen persondata", cmdPackExport},
		{"pack-import", "pack-import FIL.zip [--no-checklist] [--report FIL.pdf]", "indlæser en videndelingspakke: skabelonerne bliver nye skabeloner, tjeklistens punkter et udgangspunkt; alt eller intet", cmdPackImport},
		{"version", "version", "viser programmets version", cmdVersion},
		{"help", "help [import|fields]", "viser denne hjælp; 'help import' viser CSV-kolonnerne, 'help fields' flettefelterne", cmdHelp},
	}
}

// moreUsage are a command's other forms, listed under it by help.
var moreUsage = map[string][][2]string{
	"export": {{"export --meeting ID --what dagsorden|referat --out FIL.pdf",
		"skriver et mødes indkaldelse med dagsorden eller dets referat som PDF"}},
}

func findCommand(name string) (command, bool) {
	if name == "-h" || name == "--help" || name == "-help" {
		name = "help"
	}
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func cmdHelp(e *env, args []string) int {
	if len(args) > 0 && args[0] == "fields" {
		return cmdHelpFields(e, args[1:])
	}
	if len(args) > 0 && args[0] == "import" {
		return cmdHelpImport(e, args[1:])
	}
	fmt.Fprintln(e.stdout, "Partnerskab: partnerskaber om socialøkonomiske virksomheder i et boligområde.")
	fmt.Fprintln(e.stdout)
	fmt.Fprintln(e.stdout, "Brug: partnerskab [--db STI] [KOMMANDO]")
	fmt.Fprintln(e.stdout, "Uden kommando åbnes vinduet. --db vælger databasefilen (standard: "+defaultPathText()+").")
	fmt.Fprintln(e.stdout)
	fmt.Fprintln(e.stdout, "Kommandoer:")
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	for _, c := range commands {
		fmt.Fprintf(tw, "  %s\t%s\n", c.usage, c.summary)
		for _, u := range moreUsage[c.name] {
			fmt.Fprintf(tw, "  %s\t%s\n", u[0], u[1])
		}
	}
	tw.Flush()
	return 0
}

func defaultPathText() string {
	p, err := data.DefaultPath()
	if err != nil {
		return "brugerens konfigurationsmappe"
	}
	return p
}

// flags parses a command's own flags; --db is already taken out.
func (e *env) flags(name string, args []string, define func(*flag.FlagSet)) bool {
	fs := newFlags(name)
	if define != nil {
		define(fs)
	}
	if err := fs.Parse(args); err != nil {
		e.fail("%s", flagError(name, fs, err))
		return false
	}
	if fs.NArg() > 0 {
		e.fail("%s: uventet argument %q", name, fs.Arg(0))
		return false
	}
	return true
}

func (e *env) fail(format string, a ...any) int {
	fmt.Fprintln(e.stderr, "partnerskab: "+fmt.Sprintf(format, a...))
	return 1
}

func (e *env) path() (string, error) {
	if e.db != "" {
		return e.db, nil
	}
	return data.DefaultPath()
}

// How a command opens the database.
type openHow int

const (
	forWriting  openHow = iota // must exist; may be migrated
	forReading                 // must exist; read-only, nothing beside it changes
	forChecking                // read-only; a schema that differs is for Check to name
	forCreating                // made if missing
)

// open opens the database as the command needs it.
func (e *env) open(how openHow) (*data.Store, int) {
	p, err := e.path()
	if err != nil {
		return nil, e.fail("%v", err)
	}
	var s *data.Store
	switch how {
	case forCreating:
		s, err = data.Open(p)
	case forReading:
		s, err = data.OpenReadOnly(p)
	case forChecking:
		s, err = data.OpenToCheck(p)
	default:
		s, err = data.OpenExisting(p)
	}
	if err != nil {
		return nil, e.fail("%v", err)
	}
	return s, 0
}

func cmdDemo(e *env, args []string) int {
	if !e.flags("demo", args, nil) {
		return 2
	}
	s, code := e.open(forCreating)
	if s == nil {
		return code
	}
	defer s.Close()
	if err := agreement.LoadDemo(context.Background(), s); err != nil {
		if strings.HasPrefix(err.Error(), s.Path()+":") {
			return e.fail("%v", err)
		}
		return e.fail("%s: %v", s.Path(), err)
	}
	fmt.Fprintf(e.stdout, "Eksemplet er indlæst i %s.\n", s.Path())
	return 0
}

func cmdCheck(e *env, args []string) int {
	if !e.flags("check", args, nil) {
		return 2
	}
	s, code := e.open(forChecking)
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	problems, err := s.Check(ctx)
	if err != nil {
		return e.fail("%v", err)
	}
	signed, err := agreement.CheckSigned(ctx, s)
	if err != nil {
		return e.fail("%s: de underskrevne aftaler kan ikke kontrolleres: %v", s.Path(), data.DanishError(err))
	}
	problems = append(problems, signed...)
	if len(problems) > 0 {
		fmt.Fprintf(e.stderr, "partnerskab: %s: databasen har fejl:\n", s.Path())
		for _, p := range problems {
			fmt.Fprintln(e.stderr, "  - "+p)
		}
		return 1
	}
	fmt.Fprintf(e.stdout, "%s er i orden: integritet, fremmednøgler, skema %d som migrationerne laver det, "+
		"hændelseslogens kæde og de underskrevne aftaler mod deres segl.\n", s.Path(), data.SchemaVersion())
	return 0
}

func cmdBackup(e *env, args []string) int {
	var out string
	if !e.flags("backup", args, func(fs *flag.FlagSet) { fs.StringVar(&out, "out", "", "filen der skal skrives") }) {
		return 2
	}
	if out == "" {
		return e.fail("backup: angiv filen med --out FIL")
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	err := s.Backup(context.Background(), out)
	if err != nil && !data.IsNotLogged(err) {
		return e.fail("%v", err)
	}
	fmt.Fprintf(e.stdout, "Sikkerhedskopien er skrevet til %s.\n", out)
	return e.logged(err)
}

func cmdRestore(e *env, args []string) int {
	var from string
	if !e.flags("restore", args, func(fs *flag.FlagSet) { fs.StringVar(&from, "from", "", "sikkerhedskopien") }) {
		return 2
	}
	if from == "" {
		return e.fail("restore: angiv sikkerhedskopien med --from FIL")
	}
	p, err := e.path()
	if err != nil {
		return e.fail("%v", err)
	}
	res, err := data.Restore(context.Background(), p, from, agreement.CheckSigned)
	if err != nil {
		return e.fail("%v", err)
	}
	fmt.Fprintf(e.stdout, "%s er genskabt fra %s.\n", p, from)
	if res.WithWAL {
		fmt.Fprintf(e.stdout, "Sikkerhedskopien havde en WAL-fil (%s-wal) ved siden af; dens seneste ændringer er taget med.\n", from)
	}
	if res.Kept != "" {
		fmt.Fprintf(e.stdout, "Den hidtidige database er gemt som %s.\n", res.Kept)
	}
	if res.Redone.Text != "" {
		fmt.Fprintln(e.stdout, res.Redone.Text)
	}
	if res.Redone.Unread != "" {
		fmt.Fprintf(e.stdout, "Sletteloggen i den hidtidige database kunne ikke læses (%s); kontrollér med 'due', om noget skal slettes igen.\n", res.Redone.Unread)
	}
	return 0
}

func cmdReport(e *env, args []string) int {
	var asJSON bool
	if !e.flags("report", args, jsonFlag(&asJSON)) {
		return 2
	}
	s, code := e.open(forReading)
	if s == nil {
		return code
	}
	defer s.Close()
	r, err := s.Report(context.Background(), s.Now())
	if err != nil {
		return e.fail("%s: %v", s.Path(), err)
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return e.fail("%v", err)
		}
		return 0
	}
	printReport(e.stdout, r, s.Now())
	return 0
}

func printReport(w io.Writer, r data.Report, day time.Time) {
	fmt.Fprintf(w, "Database: %s (skema %d), opgjort %s\n\n", r.Path, r.SchemaVersion, dk.FormatDate(day))
	rows := []struct {
		label string
		n     int
	}{
		{"Organisationer", r.Counts.Organisations}, {"Kontaktpersoner", r.Counts.Contacts}, {"Lokaler", r.Counts.Rooms},
		{"Lejemål", r.Counts.Leases}, {"Placeringer", r.Counts.Placements}, {"Skabeloner", r.Counts.Templates},
		{"Aftaler", r.Counts.Agreements},
	}
	for _, row := range rows {
		fmt.Fprintf(w, "  %-16s %6d\n", row.label, row.n)
	}
	fmt.Fprintln(w)
	if len(r.Targets) == 0 {
		fmt.Fprintln(w, "Ingen mål.")
	} else {
		fmt.Fprintln(w, "Mål:")
	}
	for _, t := range r.Targets {
		deadline := ""
		if t.Deadline != "" {
			if d, err := dk.ParseISODate(t.Deadline); err == nil {
				deadline = ", frist " + dk.FormatDate(d)
			}
		}
		fmt.Fprintf(w, "  %s: %s af %s %s%s\n", t.Name, dk.FormatDecimal(t.Current, 0), dk.FormatDecimal(t.Goal, 0), t.Unit, deadline)
	}
	fmt.Fprintln(w)
	printReportWork(w, r.Work)
	if len(r.Organisations) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Organisationer: "+strings.Join(r.Organisations, ", "))
	}
}

func cmdVersion(e *env, args []string) int {
	fmt.Fprintf(e.stdout, "partnerskab %s (databaseskema %d)\n", Version, data.SchemaVersion())
	return 0
}
