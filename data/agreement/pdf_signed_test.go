package agreement

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// The hashes the signing recorded: the test compares the printed text
// with these, as the judge compares it with the database.
const (
	testTemplateSHA = "3f2a9c4e81b07d65a1c3e5f7092b4d6e8f1a3c5e7092b4d6e8f1a3c5e7092b4d"
	testBodySHA     = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	testScanSHA     = "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca7"
)

// inkPNG draws a wavy stroke, like a quick signature, in a transparent
// pad of w×h pixels; seed varies the wave so two signers differ.
func inkPNG(t testing.TB, w, h int, seed float64) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	pen := color.NRGBA{20, 30, 90, 255}
	for x := w / 10; x < w*9/10; x++ {
		fx := float64(x)
		y := float64(h)/2 + float64(h)/4*math.Sin(fx/(9+seed))*math.Cos(fx/(31+seed))
		for dy := -2; dy <= 2; dy++ {
			for dx := -1; dx <= 1; dx++ {
				img.SetNRGBA(x+dx, int(y)+dy, pen)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// at is a time on the signing day, 21.2.2015, in UTC (the zone the times
// are printed in is the one they come with).
func at(hour, minute int) time.Time {
	return time.Date(2015, 2, 21, hour, minute, 0, 0, time.UTC)
}

// signedDocument is the sample agreement signed by four people, one for
// each way of signing and each kind of name: drawn, typed (with Bosnian
// letters), on paper, and drawn by a signer with an Arabic-script name.
func signedDocument(t testing.TB, extraSections int) Document {
	t.Helper()
	doc := sampleDocument(extraSections)
	doc.Draft = false
	doc.Template, doc.Version = "Partnerskabsaftale af 2. orden", 3
	doc.Signers = append(doc.Signers, Signer{Name: arabicName, Title: "Beboerrepræsentant", Organisation: "Beboerne på Motalavej"})
	events := func(h, m int, last string) []Event {
		return []Event{{At: at(h, m), Text: "præsenteret"}, {At: at(h, m+2), Text: "læst og bekræftet"}, {At: at(h, m+3), Text: last}}
	}
	doc.Signed = &Signed{
		Signatures: []GivenSignature{
			{Method: MethodDrawn, ImagePNG: inkPNG(t, 600, 200, 0), SignedAt: at(14, 32), Place: "Korsør"},
			{Method: MethodTyped, TypedName: "Đorđe Šćepanović", SignedAt: at(14, 38), Place: "Korsør"},
			{Method: MethodPaper, SignedAt: time.Date(2015, 2, 23, 0, 0, 0, 0, time.UTC)},
			{Method: MethodDrawn, ImagePNG: inkPNG(t, 480, 240, 4), SignedAt: at(14, 51), Place: "Korsør"},
		},
		TemplateName:   "Partnerskabsaftale af 2. orden",
		TemplateVer:    3,
		TemplateSHA256: testTemplateSHA,
		BodySHA256:     testBodySHA,
		Events: []SignerEvents{
			{Name: "Lene Østergaard", Organisation: "Slagelse Kommune", Method: MethodDrawn, Events: events(14, 29, "underskrevet")},
			{Name: "Đorđe Šćepanović", Organisation: "Café Fælleshuset ApS", Method: MethodTyped, Events: events(14, 35, "underskrevet")},
			{Name: "Ayşe Yılmaz", Organisation: "Boligselskabet Århus", Method: MethodPaper,
				Events: []Event{
					{At: time.Date(2015, 2, 24, 9, 5, 0, 0, time.UTC), Text: "papirunderskrift registreret (underskrevet 23.2.2015)"},
					{At: time.Date(2015, 2, 24, 9, 5, 0, 0, time.UTC), Text: "scanningen af papiret gemt, SHA-256 " + testScanSHA},
				}},
			{Name: arabicName, Organisation: "Beboerne på Motalavej", Method: MethodDrawn, Events: events(14, 48, "underskrevet")},
		},
		ClockNote: "Tidspunkterne kommer fra uret i den bærbare computer, som underskrivningen foregik på. " +
			"Seglet på filen beskytter den mod ændringer: enhver ændring efter underskrivningen kan ses ved kontrol af seglet.",
	}
	return doc
}

// keepPDF copies a rendered file to $PARTNERSKAB_PDF_DIR, to look at.
func keepPDF(t *testing.T, path, name string) {
	if dir := os.Getenv("PARTNERSKAB_PDF_DIR"); dir != "" {
		b, _ := os.ReadFile(path)
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
}

// certificateStart is the index of the page the certificate starts on.
func certificateStart(t *testing.T, ps []string) int {
	t.Helper()
	for i, p := range ps {
		if strings.Contains(p, "Underskriftsbevis") {
			return i
		}
	}
	t.Fatal("pdftotext finds no \"Underskriftsbevis\"")
	return 0
}

// bare is pdftotext's text with the Arabic presentation forms folded back
// to letters and poppler's embedding marks removed (see
// TestPDFArabicNamePrintsShapedRightToLeft).
func bare(s string) string {
	return strings.NewReplacer("\u202b", "", "\u202c", "").Replace(norm.NFKC.String(s))
}

func TestSignedPDFShowsSignaturesAndCertificate(t *testing.T) {
	path := writePDF(t, signedDocument(t, 1))
	keepPDF(t, path, "signed.pdf")
	ps := pages(t, path)
	text := bare(strings.Join(ps, "\n"))
	for _, want := range []string{
		"Lene Østergaard", "Đorđe Šćepanović", "Ayşe Yılmaz", arabicName,
		"Underskrevet 21.2.2015 kl. 14.32 i Korsør", "Underskrevet 21.2.2015 kl. 14.38 i Korsør",
		"Underskrevet på papir 23.2.2015", "Underskrevet 21.2.2015 kl. 14.51 i Korsør",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	if strings.Contains(text, "Sted og dato:") {
		t.Error("a signed block still shows the blank place-and-date line")
	}

	// The certificate comes last, from a page of its own, and holds
	// everything by itself.
	first := certificateStart(t, ps)
	last := bare(strings.Join(ps[first:], "\n"))
	for _, want := range []string{
		"Underskriftsbevis", "2015-001", "Partnerskabsaftale af 2. orden, version 3",
		testTemplateSHA, testBodySHA,
		"Lene Østergaard", "Slagelse Kommune", "Đorđe Šćepanović", "Café Fælleshuset ApS",
		"Ayşe Yılmaz", "Boligselskabet Århus", arabicName,
		"tegnet på skærm", "maskinskrevet", "papir",
		"21.2.2015 kl. 14.29", "præsenteret", "læst og bekræftet", "21.2.2015 kl. 14.51",
		"24.2.2015 kl. 9.05", "papirunderskrift registreret",
		"Tidspunkterne kommer fra uret",
	} {
		if !strings.Contains(last, want) {
			t.Errorf("the certificate page lacks %q:\n%s", want, last)
		}
	}
	if !strings.HasPrefix(strings.TrimSpace(strings.SplitN(ps[first], "Aftale 2015-001", 2)[1]), "Underskriftsbevis") {
		t.Errorf("the certificate does not start a page of its own:\n%s", ps[first])
	}
	if len(ps)-first > 1 {
		t.Errorf("the certificate of four signers takes %d pages, want one", len(ps)-first)
	}
	// Each hash is printed as one string: the line it is on holds it whole.
	for _, h := range []string{testTemplateSHA, testBodySHA, testScanSHA} {
		if !regexp.MustCompile(`(^|\s)` + h + `(\s|$)`).MatchString(last) {
			t.Errorf("the hash %s is not printed as one word", h)
		}
	}
}

func TestSignedPDFEmbedsTheDrawnSignatures(t *testing.T) {
	out := run(t, "pdfimages", "-list", writePDF(t, signedDocument(t, 0)))
	// page num type width height color comp bpc enc interp object ID …
	row := regexp.MustCompile(`(?m)^\s*\d+\s+\d+\s+(image|smask)\s+(\d+)\s+(\d+)\s`)
	var images, masks []string
	for _, m := range row.FindAllStringSubmatch(out, -1) {
		if m[1] == "image" {
			images = append(images, m[2]+"x"+m[3])
		} else {
			masks = append(masks, m[2]+"x"+m[3])
		}
	}
	// Two drawn signatures, each with its transparency as a soft mask, at
	// full resolution: the ink is not resampled on the way into the PDF.
	want := []string{"600x200", "480x240"}
	if strings.Join(images, " ") != strings.Join(want, " ") || strings.Join(masks, " ") != strings.Join(want, " ") {
		t.Errorf("pdfimages -list: images %v, masks %v; want %v for both\n%s", images, masks, want, out)
	}
}

func TestSignedPDFPassesQpdfAndIsDeterministic(t *testing.T) {
	doc := signedDocument(t, 3)
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
		t.Fatal("two renderings of the same signed document differ")
	}
	path := filepath.Join(t.TempDir(), "signed.pdf")
	if err := os.WriteFile(path, a, 0o600); err != nil {
		t.Fatal(err)
	}
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	// The signing time is what the PDF shows: a later signature, a
	// different file.
	doc.Signed.Signatures[0].SignedAt = doc.Signed.Signatures[0].SignedAt.Add(time.Minute)
	if c, _ := RenderPDF(doc); bytes.Equal(a, c) {
		t.Error("a different signing time gave the same bytes")
	}
}

func TestSignedPDFMarks(t *testing.T) {
	for _, tc := range []struct {
		name           string
		draft, example bool
		want, not      []string
	}{
		// The flag can lag behind the status; a signature settles it.
		{name: "signed", draft: true, not: []string{"UDKAST", "EKSEMPEL"}},
		{name: "signed example", draft: true, example: true, want: []string{"EKSEMPEL"}, not: []string{"UDKAST"}},
	} {
		doc := signedDocument(t, 1)
		doc.Draft, doc.Example = tc.draft, tc.example
		raw := run(t, "pdftotext", "-raw", "-enc", "UTF-8", writePDF(t, doc), "-")
		ps := strings.Split(strings.TrimSuffix(raw, "\f"), "\f")
		for i, p := range ps {
			p = strings.ReplaceAll(p, "\n", "")
			for _, w := range tc.want {
				if !strings.Contains(p, w) {
					t.Errorf("%s: page %d lacks %q", tc.name, i+1, w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(p, w) {
					t.Errorf("%s: page %d shows %q", tc.name, i+1, w)
				}
			}
		}
	}
}

func TestSignedPDFStatesWhatTheTimesAreWorthByDefault(t *testing.T) {
	doc := signedDocument(t, 0)
	doc.Signed.ClockNote = ""
	text := strings.Join(strings.Fields(strings.Join(pages(t, writePDF(t, doc)), " ")), " ")
	if !strings.Contains(text, DefaultClockNote) {
		t.Errorf("without a ClockNote the certificate lacks the default statement %q", DefaultClockNote)
	}
}

func TestSignedPDFRefusesAnUnreadableSignature(t *testing.T) {
	doc := signedDocument(t, 0)
	doc.Signed.Signatures[0].ImagePNG = []byte("not a png")
	if _, err := RenderPDF(doc); err == nil || !strings.Contains(err.Error(), "underskrift 1") {
		t.Errorf("RenderPDF with a broken signature image: err = %v, want it to name signature 1", err)
	}
}

func TestSignedTextAndMethods(t *testing.T) {
	for _, tc := range []struct {
		g    GivenSignature
		want string
	}{
		{GivenSignature{Method: MethodDrawn, SignedAt: at(14, 32), Place: "Korsør"}, "Underskrevet 21.2.2015 kl. 14.32 i Korsør"},
		{GivenSignature{Method: MethodTyped, SignedAt: at(9, 5)}, "Underskrevet 21.2.2015 kl. 9.05"},
		{GivenSignature{Method: MethodPaper, SignedAt: at(0, 0)}, "Underskrevet på papir 21.2.2015"},
	} {
		if got := signedText(tc.g); got != tc.want {
			t.Errorf("signedText(%+v) = %q, want %q", tc.g, got, tc.want)
		}
	}
	for m, want := range map[SignatureMethod]string{MethodDrawn: "tegnet på skærm", MethodTyped: "maskinskrevet", MethodPaper: "papir"} {
		if got := methodLabel(m); got != want {
			t.Errorf("methodLabel(%s) = %q, want %q", m, got, want)
		}
	}
}

// TestPDFMarksAreWholeWords: the slanted marks come out of text extraction
// as the words they are, also in poppler's layout mode (which a reader's
// copy and paste and most search tools use), and both when a draft is
// also an example.
func TestPDFMarksAreWholeWords(t *testing.T) {
	doc := sampleDocument(2)
	doc.Draft, doc.Example = true, true
	ps := pages(t, writePDF(t, doc))
	for i, p := range ps {
		words := map[string]bool{}
		for _, w := range strings.Fields(p) {
			words[w] = true
		}
		for _, w := range []string{"UDKAST", "EKSEMPEL"} {
			if !words[w] {
				t.Errorf("page %d: pdftotext does not give %q as a word:\n%s", i+1, w, p)
			}
		}
	}
}

// BenchmarkRenderSignedPDF renders a ten-page agreement signed by four
// (two drawn images, a typed name, a paper signature) with its
// certificate page: the rendering part of exporting a signed agreement.
func BenchmarkRenderSignedPDF(b *testing.B) {
	doc := signedDocument(b, 14)
	out, err := RenderPDF(doc)
	if err != nil {
		b.Fatal(err)
	}
	if n := bytes.Count(out, []byte("/Type /Page\n")); n != 10 {
		b.Fatalf("the benchmark document has %d pages, want 10", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderPDF(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSignedPDFLongCertificateContinues: with many signers the certificate
// runs onto more pages, each saying so, and no signer is split from the
// first lines of their record.
func TestSignedPDFLongCertificateContinues(t *testing.T) {
	doc := signedDocument(t, 0)
	for i := range 8 {
		name := "Underskriver nummer " + string(rune('A'+i))
		doc.Signers = append(doc.Signers, Signer{Name: name, Title: "Formand", Organisation: "Forening " + string(rune('A'+i))})
		doc.Signed.Signatures = append(doc.Signed.Signatures, GivenSignature{Method: MethodTyped, TypedName: name, SignedAt: at(15, i), Place: "Korsør"})
		doc.Signed.Events = append(doc.Signed.Events, SignerEvents{Name: name, Organisation: "Forening " + string(rune('A'+i)), Method: MethodTyped,
			Events: []Event{{At: at(15, i), Text: "præsenteret"}, {At: at(15, i), Text: "læst og bekræftet"}, {At: at(15, i), Text: "underskrevet"}}})
	}
	ps := pages(t, writePDF(t, doc))
	for i := range ps {
		ps[i] = bare(ps[i])
	}
	first := certificateStart(t, ps)
	if len(ps)-first < 2 {
		t.Fatalf("want the certificate of 12 signers to take at least two pages, got %d", len(ps)-first)
	}
	for n, p := range ps[first+1:] {
		if !strings.Contains(p, "Underskrivere, fortsat") {
			t.Errorf("certificate page %d does not say it continues:\n%s", n+2, p)
		}
	}
	for _, se := range doc.Signed.Events {
		found := false
		for _, p := range ps[first:] {
			i := strings.Index(p, se.Name)
			if i < 0 {
				continue
			}
			found = true
			if !strings.Contains(p[i:], "Organisation") {
				t.Errorf("%s ends a page without the lines of their record", se.Name)
			}
		}
		if !found {
			t.Errorf("the certificate lacks %s", se.Name)
		}
	}
}
