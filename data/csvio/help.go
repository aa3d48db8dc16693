package csvio

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Help writes the documentation of the file format and every kind's
// columns, generated from the catalogue so that it cannot drift from what
// Import reads.
func Help(w io.Writer) {
	p := func(s string) { fmt.Fprintln(w, s) }
	p("Import og eksport af CSV-filer")
	p("")
	p("  partnerskab import SLAGS FIL.csv [--db STI]")
	p("  partnerskab export-csv SLAGS --out FIL.csv [--db STI]")
	p("")
	p("SLAGS er " + kindNames() + " (eller på dansk " + kindTitles() + ").")
	p("Importér i den rækkefølge i en tom database: de senere slags henviser til de første ved navn.")
	p("Kun eksport: " + exportOnlyNames() + ".")
	p("")
	p("Filen: første linje navngiver kolonnerne; felterne adskilles med semikolon (som dansk Excel")
	p("gemmer \"CSV (semikolonsepareret)\"), komma eller tabulator; tekst med semikolon eller linjeskift")
	p("står i anførselstegn. Tegnsæt: UTF-8 med eller uden BOM, eller Windows-1252. Datoer skrives")
	p("21.2.2015, beløb 1.700.000,00 og tal med decimalkomma (12,5). Overskrifterne må skrives med små")
	p("eller store bogstaver og med ae, oe, aa for æ, ø, å; kolonnernes rækkefølge er ligegyldig, og")
	p("kolonner, der ikke skal med, kan udelades. Tomme rækker springes over.")
	p("")
	p("Alt eller intet: er én række forkert, importeres intet, og hver fejl vises som")
	p("  linje N, kolonne NAVN: hvad der er galt")
	p("Eksporten skriver samme format (UTF-8 med BOM, så Excel viser æ, ø og å rigtigt).")
	for _, k := range AllKinds() {
		p("")
		p(fmt.Sprintf("%s (%s)", k.Name, k.Title))
		table := [][]string{{"Kolonne", "Skal med", "Hvad", "Eksempel"}}
		for _, c := range k.Columns {
			req := ""
			if c.Required {
				req = "ja"
			}
			table = append(table, []string{c.Header, req, c.What, c.Example})
		}
		writeTable(w, table)
		for _, n := range k.Notes {
			p("  " + n)
		}
	}
}

func exportOnlyNames() string {
	var names []string
	for _, k := range AllKinds() {
		if !k.Importable() {
			names = append(names, k.Name+" ("+strings.ToLower(k.Title)+")")
		}
	}
	return strings.Join(names, ", ")
}

func kindTitles() string {
	var names []string
	for _, k := range Kinds() {
		names = append(names, strings.ToLower(k.Title))
	}
	return strings.Join(names, ", ")
}

func kindNames() string {
	var names []string
	for _, k := range Kinds() {
		names = append(names, k.Name)
	}
	return strings.Join(names, ", ")
}

// writeTable writes rows as columns padded to their widest cell.
func writeTable(w io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range r {
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)+2))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " ")) // without the last column's padding
	}
}
