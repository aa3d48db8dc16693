package csvio

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"partnerskab/data"
)

func TestGuardAndUnguard(t *testing.T) {
	for _, tc := range []struct{ cell, exported string }{
		{`=HYPERLINK("http://x";"klik")`, `'=HYPERLINK("http://x";"klik")`},
		{"+45 12 34 56 78", "'+45 12 34 56 78"},
		{"- punkt et", "'- punkt et"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\tfaneblad", "'\tfaneblad"},
		{"\rvognretur", "'\rvognretur"},
		{"'=allerede med apostrof", "''=allerede med apostrof"},
		{"-1.500,00", "-1.500,00"}, // a number stays a number
		{"+12,5", "+12,5"},
		{"-3", "-3"},
		{"'hej", "'hej"}, // an apostrophe before ordinary text is the user's own
		{"Bevar", "Bevar"},
		{"", ""},
	} {
		if got := guard(tc.cell); got != tc.exported {
			t.Errorf("guard(%q) = %q, want %q", tc.cell, got, tc.exported)
		}
		if back, _ := unguard(guard(tc.cell)); back != tc.cell {
			t.Errorf("the round trip of %q gives %q", tc.cell, back)
		}
	}
}

// TestExportNeutralisesFormulasAndRoundTripsLosslessly: cells a
// spreadsheet would run are written with an apostrophe, amounts are not,
// and reading the export back gives the text as it was, without notes.
func TestExportNeutralisesFormulasAndRoundTripsLosslessly(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	notes := map[string]string{
		"Formel":  `=HYPERLINK("http://example.com/";"Klik")`,
		"Punkt":   "- punkt et\n- punkt to",
		"Beløb":   "-1.500,00",
		"Snabel":  "@SUM(A1:A2)",
		"Plus":    "+45 12 34 56 78",
		"Almind.": "Systue med genbrug",
	}
	for name, n := range notes {
		if _, err := s.SaveOrganisation(ctx, data.OrganisationForm{Name: name, Kind: "andet", Notes: n}); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if _, err := Export(ctx, s, "partners", &b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`"'=HYPERLINK(""http://example.com/"";""Klik"")"`, "\"'- punkt et\r\n- punkt to\"", ";-1.500,00;",
		";'@SUM(A1:A2);", ";'+45 12 34 56 78;", ";Systue med genbrug;"} {
		if !strings.Contains(out, want) {
			t.Errorf("the export lacks %q:\n%s", want, out)
		}
	}
	fresh := openStore(t)
	n, ns, err := ImportWithNotes(ctx, fresh, "partners", strings.NewReader(out), "partnere.csv")
	if err != nil || n != len(notes) {
		t.Fatalf("importing the export: %d, %v", n, err)
	}
	if len(ns.List) > 0 {
		t.Errorf("the program's own export gives notes: %q", ns.Lines())
	}
	for name, want := range notes {
		var got string
		if err := fresh.DB().QueryRow(`SELECT notes FROM organisations WHERE name = ?`, name).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: the round trip gives %q, want %q", name, got, want)
		}
	}
}

// TestImportSaysWhenAFormulaWasTakenAsText: a hostile row's formula is
// kept as the text it is, and the import says so.
func TestImportSaysWhenAFormulaWasTakenAsText(t *testing.T) {
	s := openStore(t)
	n, ns, err := ImportWithNotes(context.Background(), s, "partners", strings.NewReader(csvText("Navn;Type;Noter",
		`Ond;Andet;=cmd|' /C calc'!A0`, "Pæn;Andet;-1.500,00")), "ond.csv")
	if err != nil || n != 2 {
		t.Fatalf("import: %d, %v", n, err)
	}
	lines := ns.Lines()
	if len(lines) != 1 || lines[0] != "linje 2, kolonne Noter: cellen begynder med »=« og er gemt som tekst, ikke som en formel" {
		t.Errorf("notes = %q", lines)
	}
	var got string
	s.DB().QueryRow(`SELECT notes FROM organisations WHERE name = 'Ond'`).Scan(&got)
	if got != `=cmd|' /C calc'!A0` {
		t.Errorf("stored %q", got)
	}
	var b bytes.Buffer
	if _, err := Export(context.Background(), s, "partners", &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `;'=cmd|' /C calc'!A0;`) {
		t.Errorf("the formula is written back unguarded:\n%s", b.String())
	}
}

// TestDuplicateOrganisationNamesAreRefused names both lines, and an
// existing organisation of the name.
func TestDuplicateOrganisationNamesAreRefused(t *testing.T) {
	s := demoStore(t)
	_, err := importText(t, s, "partners", csvText("Navn;Type", "Ny Forening;Andet", "Anden;Andet", "NY FORENING;Andet", "Bevar;Andet"))
	wantProblems(t, err,
		"linje 4, kolonne Navn: NY FORENING står også i linje 2; to organisationer med samme navn gør senere importer tvetydige",
		"linje 5, kolonne Navn: der er allerede en organisation, der hedder Bevar; ret den under Partnere, eller giv den nye et andet navn")
}

// TestControlCharactersAndLengthsAreRefused: a NUL byte and a name of
// 100.000 characters, in a file and in a form.
func TestControlCharactersAndLengthsAreRefused(t *testing.T) {
	s := openStore(t)
	long := strings.Repeat("a", 100_000)
	_, err := importText(t, s, "partners", csvText("Navn;Type;Noter", "Nul\x00byte;Andet;", long+";Andet;", "Fint;Andet;ok\x1b[31m"))
	wantProblems(t, err,
		"linje 2, kolonne Navn: indeholder et styretegn (U+0000), som ikke kan gemmes; fjern det",
		"linje 3, kolonne Navn: er for lang: 100.000 tegn, højst 200",
		"linje 4, kolonne Noter: indeholder et styretegn (U+001B), som ikke kan gemmes; fjern det")
	_, err = s.SaveOrganisation(context.Background(), data.OrganisationForm{Name: "To\nlinjer", Kind: "andet", Notes: strings.Repeat("x", 10_001)})
	v, ok := data.AsValidation(err)
	if !ok {
		t.Fatalf("SaveOrganisation = %v", err)
	}
	if p, _ := v.For("Name"); p.Text != "må kun være én linje; fjern linjeskiftet" {
		t.Errorf("Name: %q", p.Text)
	}
	if p, _ := v.For("Notes"); p.Text != "er for lang: 10.001 tegn, højst 10.000" {
		t.Errorf("Notes: %q", p.Text)
	}
	if n := count(t, s, "organisations"); n != 0 {
		t.Errorf("%d organisations saved", n)
	}
}

func utf16Bytes(s string, order binary.AppendByteOrder) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = order.AppendUint16(b, u)
	}
	return b
}

// TestUTF16WithoutBOMAndCROnlyLinesAreRead.
func TestUTF16WithoutBOMAndCROnlyLinesAreRead(t *testing.T) {
	text := "Navn;Type\r\nÆblehaven;Andet\r\nØster;Andet\r\n"
	for name, file := range map[string][]byte{
		"UTF-16 LE without BOM": utf16Bytes(text, binary.LittleEndian),
		"UTF-16 BE without BOM": utf16Bytes(text, binary.BigEndian),
		"CR-only line ends":     []byte(strings.ReplaceAll(text, "\r\n", "\r")),
	} {
		t.Run(name, func(t *testing.T) {
			s := openStore(t)
			n, err := Import(context.Background(), s, "partners", bytes.NewReader(file), "fil.csv")
			if err != nil || n != 2 {
				t.Fatalf("import: %d, %v", n, err)
			}
			var got string
			s.DB().QueryRow(`SELECT group_concat(name, '|') FROM (SELECT name FROM organisations ORDER BY id)`).Scan(&got)
			if got != "Æblehaven|Øster" {
				t.Errorf("stored %q", got)
			}
		})
	}
}

// TestAFileOfManyBadRowsListsTheFirstHundred: every row is checked (the
// count is all of them), 100 are listed.
func TestAFileOfManyBadRowsListsTheFirstHundred(t *testing.T) {
	s := openStore(t)
	var b strings.Builder
	b.WriteString("Navn;Type\r\n")
	const rows = 20_000
	for i := range rows {
		fmt.Fprintf(&b, "Organisation %d;Ukendt type\r\n", i)
	}
	_, err := importText(t, s, "partners", b.String())
	ie, ok := data.AsImportError(err)
	if !ok {
		t.Fatalf("import = %v", err)
	}
	if len(ie.Problems) != data.MaxImportProblems || ie.Total() != rows || ie.Problems[0].Line != 2 {
		t.Errorf("%d problems listed of %d, first on line %d; want %d of %d from line 2",
			len(ie.Problems), ie.Total(), ie.Problems[0].Line, data.MaxImportProblems, rows)
	}
	if msg := ie.Error(); strings.Count(msg, "\n") != data.MaxImportProblems ||
		!strings.HasSuffix(msg, fmt.Sprintf("… og %d fejl mere", rows-data.MaxImportProblems)) {
		t.Errorf("the message has %d lines and ends %q", strings.Count(msg, "\n")+1, msg[max(0, len(msg)-40):])
	}
}
