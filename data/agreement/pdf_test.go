package agreement

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// The PDF is judged by poppler and qpdf, as a reader's viewer would see
// it. The tools are required: a missing one fails the test (.ci/run
// installs poppler-utils and qpdf) rather than letting it pass unseen.

// arabicName is a name in Arabic script (logical order: zain, yeh, noon,
// teh marbuta; hah, alef, dal, alef, dal).
const arabicName = "زينة حداد"

// sampleDocument is an agreement like the demo's, with names from the
// languages the caseworker meets, and extra sections to reach more pages.
func sampleDocument(extraSections int) Document {
	md := `# Partnerskabsaftale af 2. orden

## Baggrund

Helhedsplanen for **Motalavej** i Korsør samler boligorganisationen, Slagelse Kommune og de
socialøkonomiske virksomheder om *ét fælles mål*: at skabe **16 job** for beboere, der står uden for
arbejdsmarkedet. Aftalen er indgået den 21. februar 2015 i Århus og Korsør.

### Økonomi

Den samlede ramme er 1.700.000,00 kr. fordelt således:

| Post | Beløb | Andel |
|:-----|------:|:-----:|
| Løn til flexjob | 1.200.000,00 kr. | 70 % |
| Husleje, fælleshuset | 380.000,00 kr. | 22 % |
| Uddannelse | 120.000,00 kr. | 8 % |

## 3. Parternes roller

1. Kommunen stiller sagsbehandling og jobcenter til rådighed.
2. Virksomhederne ansætter og oplærer:
   - i kantinen,
   - i vaskeriet, herunder *tekstilservice* for andre virksomheder i området.
3. Boligorganisationen udlejer lokaler.

---

## Møder

Partnerskabet mødes 5–7 gange om året. Kontakt: Đorđe Šćepanović og Ayşe Yılmaz.
`
	for i := range extraSections {
		md += fmt.Sprintf("\n## Tillæg %d\n\n", i+1)
		md += strings.Repeat("Parterne forpligter sig til at dele viden om beskæftigelse, uddannelse og trivsel, så erfaringerne fra helhedsplanen kan bruges i andre boligområder. ", 4) + "\n\n"
		md += "### Opfølgning\n\n- Halvårlig status til styregruppen.\n- Årlig evaluering som læring.\n  1. Data fra jobcentret.\n  2. Interview med medarbejdere.\n\n"
		md += "| Mål | 2015 | 2016 |\n|---|---:|---:|\n| Job i alt | 16 | 20 |\n| Flexjob | 6 | 8 |\n\n"
	}
	md += "\n## Underskrifter\n\nAftalen underskrives i to eksemplarer.\n"
	return Document{
		Number: "2015-001",
		Title:  "Partnerskabsaftale af 2. orden",
		Date:   time.Date(2015, 2, 21, 0, 0, 0, 0, time.UTC),
		Place:  "Korsør",
		Parties: []Party{
			{Name: "Slagelse Kommune", CVR: "29188548", Kind: "Kommune", Role: "Myndighed", Contact: "Lene Østergaard, projektleder"},
			{Name: "Café Fælleshuset ApS", CVR: "12345674", Kind: "Socialøkonomisk virksomhed", Role: "Arbejdsgiver", Contact: "Đorđe Šćepanović, indehaver"},
			{Name: "Boligselskabet Århus", Kind: "Boligorganisation", Role: "Udlejer", Contact: "Ayşe Yılmaz"},
			{Name: arabicName, Kind: "Beboerrepræsentant", Role: "Beboer"},
		},
		Body: Parse(md),
		Signers: []Signer{
			{Name: "Lene Østergaard", Title: "Projektleder", Organisation: "Slagelse Kommune"},
			{Name: "Đorđe Šćepanović", Title: "Indehaver", Organisation: "Café Fælleshuset ApS"},
			{Name: "Ayşe Yılmaz", Title: "Driftschef", Organisation: "Boligselskabet Århus"},
		},
		Draft: true,
	}
}

// tool finds an external judge or fails the test.
func tool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is needed to check the PDF (apt-get install poppler-utils qpdf): %v", name, err)
	}
	return path
}

// writePDF renders doc into a temporary file.
func writePDF(t *testing.T, doc Document) string {
	t.Helper()
	b, err := RenderPDF(doc)
	if err != nil {
		t.Fatalf("RenderPDF: %v", err)
	}
	path := filepath.Join(t.TempDir(), "aftale.pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// run runs a judge and returns its output; a failure fails the test.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// pages is pdftotext's text of the PDF, one string per page.
func pages(t *testing.T, path string) []string {
	t.Helper()
	text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	ps := strings.Split(text, "\f")
	if len(ps) > 0 && strings.TrimSpace(ps[len(ps)-1]) == "" {
		ps = ps[:len(ps)-1]
	}
	return ps
}

func TestPDFTextRoundTrips(t *testing.T) {
	path := writePDF(t, sampleDocument(0))
	ps := pages(t, path)
	text := strings.Join(ps, "\n")
	for _, want := range []string{
		"Partnerskabsaftale af 2. orden", "Aftale nr. 2015-001", "21. februar 2015", "Korsør",
		"Slagelse Kommune", "Café Fælleshuset ApS", "Boligselskabet Århus", "29188548",
		"Đorđe Šćepanović", "Ayşe Yılmaz", "Lene Østergaard", "Århus",
		"16 job", "1.700.000,00 kr.", "1.200.000,00 kr.", "5–7 gange",
		"1. Baggrund", "1.1 Økonomi", "3. Parternes roller", "4. Møder",
		"For Slagelse Kommune", "Sted og dato:", "Projektleder",
		fmt.Sprintf("Aftale 2015-001 · Side 1 af %d", len(ps)),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	for i, p := range ps {
		if want := fmt.Sprintf("Side %d af %d", i+1, len(ps)); !strings.Contains(p, want) {
			t.Errorf("page %d lacks footer %q", i+1, want)
		}
	}
	if strings.Contains(text, "{nb}") {
		t.Error("the page count alias was not replaced")
	}
}

func TestPDFArabicNamePrintsShapedRightToLeft(t *testing.T) {
	doc := Document{Number: "2015-002", Title: "Aftale", Date: time.Date(2015, 2, 21, 0, 0, 0, 0, time.UTC),
		Body: Parse("Beboerrepræsentant: " + arabicName + " (Korsør).")}
	text := run(t, "pdftotext", "-enc", "UTF-8", writePDF(t, doc), "-")
	// The PDF holds presentation forms (joined glyphs); NFKC folds them
	// back to the letters. poppler sees the glyphs left to right and, as
	// they are right-to-left characters, reorders them: it gives the name
	// in logical order, which is what a reader copying it would want.
	// poppler wraps the run in U+202B … U+202C (embedding marks) and counts
	// the " (" next to it into the right-to-left run; both are its own
	// doing, so they are not held against the PDF.
	got := strings.NewReplacer("\u202b", "", "\u202c", "").Replace(norm.NFKC.String(text))
	if !strings.Contains(got, arabicName) {
		t.Errorf("pdftotext (NFKC) = %q, want it to contain %q in logical order", got, arabicName)
	}
	reversed := []rune(arabicName)
	for i, j := 0, len(reversed)-1; i < j; i, j = i+1, j-1 {
		reversed[i], reversed[j] = reversed[j], reversed[i]
	}
	if strings.Contains(got, string(reversed)) {
		t.Errorf("pdftotext gives the name in visual order: %q", got)
	}
	for _, want := range []string{"Beboerrepræsentant:", "Korsør)."} {
		if !strings.Contains(got, want) {
			t.Errorf("pdftotext lacks %q around the Arabic name: %q", want, got)
		}
	}
	// The shaped forms reached the PDF, not the unjoined letters.
	for _, r := range text {
		if r >= 0x0621 && r <= 0x064A {
			t.Fatalf("pdftotext found the unshaped letter %U: the name was not shaped", r)
		}
	}
}

func TestPDFFontsAreEmbeddedSubsets(t *testing.T) {
	out := run(t, "pdffonts", writePDF(t, sampleDocument(0)))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	// name type encoding emb sub uni object ID
	row := regexp.MustCompile(`^(\S+)\s+CID TrueType\s+Identity-H\s+(yes|no)\s+(yes|no)\s+(yes|no)`)
	seen := map[string]bool{}
	for _, l := range lines[2:] {
		m := row.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("unexpected font line: %q", l)
			continue
		}
		if m[2] != "yes" || m[3] != "yes" || m[4] != "yes" {
			t.Errorf("font %s: emb=%s sub=%s uni=%s, want all yes", m[1], m[2], m[3], m[4])
		}
		seen[m[1]] = true
	}
	// Regular, bold, italic Noto Sans and Noto Sans Arabic are used.
	if len(seen) < 4 {
		t.Errorf("pdffonts found %d fonts, want at least 4:\n%s", len(seen), out)
	}
}

func TestPDFPassesQpdfCheck(t *testing.T) {
	out := run(t, "qpdf", "--check", writePDF(t, sampleDocument(3)))
	if !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestPDFIsDeterministic(t *testing.T) {
	doc := sampleDocument(2)
	a, err := RenderPDF(doc)
	if err != nil {
		t.Fatal(err)
	}
	doc.Generated = time.Now() // not part of the bytes
	b, err := RenderPDF(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of the same document differ")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20150221120000")) {
		t.Error("the creation date is not the agreement's date")
	}
	doc.Date = doc.Date.AddDate(0, 0, 1)
	c, _ := RenderPDF(doc)
	if bytes.Equal(a, c) {
		t.Error("a different date gave the same bytes")
	}
}

func TestPDFMarks(t *testing.T) {
	for _, tc := range []struct {
		draft, example bool
		want, not      []string
	}{
		{draft: true, want: []string{"UDKAST"}, not: []string{"EKSEMPEL"}},
		{example: true, want: []string{"EKSEMPEL"}, not: []string{"UDKAST"}},
		{not: []string{"UDKAST", "EKSEMPEL"}},
	} {
		doc := sampleDocument(2)
		doc.Draft, doc.Example = tc.draft, tc.example
		// The mark is diagonal: poppler's layout mode scatters its letters,
		// its raw mode (content order) keeps them together.
		raw := run(t, "pdftotext", "-raw", "-enc", "UTF-8", writePDF(t, doc), "-")
		ps := strings.Split(strings.TrimSuffix(raw, "\f"), "\f")
		if len(ps) < 2 {
			t.Fatalf("want a document of several pages, got %d", len(ps))
		}
		for i, p := range ps {
			p = strings.ReplaceAll(p, "\n", "")
			for _, w := range tc.want {
				if !strings.Contains(p, w) {
					t.Errorf("draft=%v example=%v: page %d lacks %q", tc.draft, tc.example, i+1, w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(p, w) {
					t.Errorf("draft=%v example=%v: page %d shows %q", tc.draft, tc.example, i+1, w)
				}
			}
		}
	}
}

// TestPDFPageBreaks checks on a long agreement that no page ends with a
// heading and that no signature block is split over two pages.
func TestPDFPageBreaks(t *testing.T) {
	for extra := 0; extra < 12; extra++ { // shift the text so breaks fall everywhere
		doc := sampleDocument(extra)
		for i := range extra % 4 {
			doc.Signers = append(doc.Signers, Signer{Name: "Signer " + strconv.Itoa(i), Title: "Bestyrelsesformand", Organisation: "Forening " + strconv.Itoa(i)})
		}
		ps := pages(t, writePDF(t, doc))
		heading := regexp.MustCompile(`^(\d+\.|\d+\.\d+) \S`)
		for n, p := range ps {
			var lines []string
			for _, l := range strings.Split(p, "\n") {
				l = strings.TrimSpace(l)
				if l == "" || strings.Contains(l, "Side ") || l == "UDKAST" {
					continue
				}
				lines = append(lines, l)
			}
			if len(lines) == 0 {
				t.Fatalf("extra=%d: page %d is empty", extra, n+1)
			}
			if last := lines[len(lines)-1]; heading.MatchString(last) && !strings.HasSuffix(last, ".") {
				t.Errorf("extra=%d: page %d ends with the heading %q", extra, n+1, last)
			}
			if strings.Contains(p, "Underskrifter") && !strings.Contains(p, "Sted og dato:") {
				t.Errorf("extra=%d: page %d has the signature section's heading without a signature block", extra, n+1)
			}
			if fors, places := strings.Count(p, "For "), strings.Count(p, "Sted og dato:"); fors != places {
				t.Errorf("extra=%d: page %d has %d signature heads and %d place-and-date lines: a block is split", extra, n+1, fors, places)
			}
		}
	}
}

func TestPDFLongWordsAndEmptyDocument(t *testing.T) {
	doc := Document{Title: "Tom aftale"}
	if _, err := RenderPDF(doc); err != nil {
		t.Fatalf("an empty document: %v", err)
	}
	doc.Body = Parse("https://www.slagelse.dk/" + strings.Repeat("meget-lang-adresse-", 20) + "\n\n| a |\n|---|\n| " + strings.Repeat("x", 300) + " |")
	text := run(t, "pdftotext", writePDF(t, doc), "-")
	if !strings.Contains(strings.ReplaceAll(text, "\n", ""), "meget-lang-adresse-meget") {
		t.Errorf("the long word was lost:\n%s", text)
	}
}
