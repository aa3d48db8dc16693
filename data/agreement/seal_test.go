package agreement

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	osexec "os/exec"
	"partnerskab/data"
	"partnerskab/data/dk"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The seal is judged by poppler's pdfsig and by qpdf as well as by Verify.
// Making RSA keys takes a moment, so the tests share one installation's
// seal folder (and one foreign installation's, for the chain tests).

var (
	sharedSealers    = map[string]*Sealer{}
	sharedSealerDirs = map[string]string{}
	sharedSealersMu  sync.Mutex
)

// testSealer is the sealer of a named installation, made once per run.
func testSealer(tb testing.TB, name string) (*Sealer, string) {
	tb.Helper()
	sharedSealersMu.Lock()
	defer sharedSealersMu.Unlock()
	if s, ok := sharedSealers[name]; ok {
		return s, sharedSealerDirs[name]
	}
	base, err := os.MkdirTemp("", "partnerskab-segl-")
	if err != nil {
		tb.Fatal(err)
	}
	dir := filepath.Join(base, "segl")
	s, err := OpenSealer(dir, name)
	if err != nil {
		tb.Fatalf("OpenSealer: %v", err)
	}
	sharedSealers[name], sharedSealerDirs[name] = s, dir
	return s, dir
}

func TestMain(m *testing.M) {
	data.CopySchemaForNewFiles()
	code := m.Run()
	for _, dir := range sharedSealerDirs {
		os.RemoveAll(filepath.Dir(dir))
	}
	os.Exit(code)
}

// sealTime is when the test seals claim to be made.
var sealTime = time.Date(2015, 2, 21, 14, 32, 0, 0, time.FixedZone("CET", 3600))

// sealedSample is a sealed agreement of the given extra sections.
func sealedSample(tb testing.TB, extraSections int) []byte {
	tb.Helper()
	pdf, err := RenderPDF(sampleDocument(extraSections))
	if err != nil {
		tb.Fatal(err)
	}
	s, _ := testSealer(tb, "Slagelse Kommune")
	sealed, err := s.Seal(pdf, sealTime, "Partnerskabsaftale 2015-001 underskrevet", "Korsør")
	if err != nil {
		tb.Fatalf("Seal: %v", err)
	}
	return sealed
}

// writeTemp writes b to a file in a test folder.
func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// pdfsig runs poppler's pdfsig; it exits non-zero for an invalid
// signature, which is an answer, not a failure of the test.
func pdfsig(t *testing.T, path string) string {
	t.Helper()
	out, _ := judge(t, "pdfsig", path)
	return out
}

func TestSealKeepsThePDFAndAppendsAnIncrementalUpdate(t *testing.T) {
	pdf, err := RenderPDF(sampleDocument(0))
	if err != nil {
		t.Fatal(err)
	}
	sealed := sealedSample(t, 0)
	if !bytes.HasPrefix(sealed, pdf) {
		t.Fatal("the sealed PDF does not start with the PDF as rendered")
	}
	update := string(sealed[len(pdf):])
	for _, want := range []string{"/Type /Sig", "/Filter /Adobe.PPKLite", "/SubFilter /ETSI.CAdES.detached",
		"/FT /Sig", "/T (Segl)", "/SigFlags 3", "/Annots [", "/Prev ", "/M (D:20150221143200+01'00')",
		"/Location (Korsør)", "%%EOF"} {
		if want == "/Location (Korsør)" {
			want = "/Location " + pdfString("Korsør")
		}
		if !strings.Contains(update, want) {
			t.Errorf("the update lacks %q", want)
		}
	}
	// RSA signatures are deterministic: the same input gives the same bytes.
	if again := sealedSample(t, 0); !bytes.Equal(again, sealed) {
		t.Error("sealing the same PDF at the same time gave different bytes")
	}
}

func TestSealedPDFIsValidForPdfsigAndQpdf(t *testing.T) {
	path := writeTemp(t, "segl.pdf", sealedSample(t, 0))
	out := pdfsig(t, path)
	t.Logf("pdfsig:\n%s", out)
	for _, want := range []string{"Signature #1", "Signature is Valid.", "ETSI.CAdES.detached",
		"Total document signed", "Partnerskab-segl for Slagelse Kommune"} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfsig does not say %q:\n%s", want, out)
		}
	}
	qpdf, err := judge(t, "qpdf", "--check", path)
	if err != nil || !strings.Contains(qpdf, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check: %v\n%s", err, qpdf)
	}
	// The text is still the agreement's.
	if text := strings.Join(pages(t, path), "\n"); !strings.Contains(text, "Partnerskabsaftale af 2. orden") {
		t.Error("pdftotext no longer finds the title after sealing")
	}
}

func TestVerifyAcceptsTheSeal(t *testing.T) {
	s, _ := testSealer(t, "Slagelse Kommune")
	r, err := Verify(sealedSample(t, 0), s.Trust())
	if err != nil {
		t.Fatal(err)
	}
	text := r.String()
	if !r.OK || !r.Trusted {
		t.Fatalf("Verify fails a fresh seal:\n%s", text)
	}
	for _, want := range []string{
		"Byteinterval: dækker hele filen undtagen signaturen",
		"Digest: stemmer",
		"Signatur: gyldig",
		"Certifikatreference: signing-certificate-v2 passer til certifikatet",
		"Certifikat: Partnerskab-segl for Slagelse Kommune, udstedt af Partnerskab lokal CA – Slagelse Kommune, gyldigt 1.1.2000–",
		"Indehaver: Slagelse Kommune (certifikatets SHA-256 " + Fingerprint(s.Certificate()) + "): denne installations eget segl",
		"Tidspunkt: 21.2.2015 kl. 14.32",
		"Resultat: PDF'en er uændret",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	if r.Location != "Korsør" || r.Reason != "Partnerskabsaftale 2015-001 underskrevet" {
		t.Errorf("Location, Reason = %q, %q", r.Location, r.Reason)
	}
	if !r.SignedAt.Equal(sealTime) {
		t.Errorf("SignedAt = %v, want %v", r.SignedAt, sealTime)
	}
}

// signedRange is the /ByteRange of a sealed PDF.
func signedRange(t *testing.T, pdf []byte) [4]int {
	t.Helper()
	m := regexp.MustCompile(`/ByteRange \[(\d+) (\d+) (\d+) (\d+) *\]`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no /ByteRange")
	}
	var n [4]int
	for i := range n {
		n[i], _ = strconv.Atoi(string(m[i+1]))
	}
	return n
}

func TestTamperingAnywhereIsCaught(t *testing.T) {
	sealed := sealedSample(t, 0)
	s, _ := testSealer(t, "Slagelse Kommune")
	br := signedRange(t, sealed)
	original, _ := RenderPDF(sampleDocument(0))
	stream := bytes.Index(sealed, []byte("stream\n")) + len("stream\n") + 40
	fontStream := bytes.LastIndex(original, []byte("/FontFile2")) // an embedded font's dictionary
	positions := map[string]int{
		"header":               5,
		"first page's content": stream,
		"middle of the body":   len(original) / 2,
		"font":                 fontStream + 3,
		"original trailer":     bytes.LastIndex(original, []byte("/Root")) + 2,
		"signature dictionary": br[1] - 12,
		"after the signature":  br[2] + 3,
		"new catalog":          bytes.LastIndex(sealed, []byte("/AcroForm")) + 3,
		"startxref":            len(sealed) - 12,
		"end of file":          len(sealed) - 2,
	}
	for name, pos := range positions {
		t.Run(name, func(t *testing.T) {
			if pos <= 0 || pos >= len(sealed) || (pos >= br[1] && pos < br[2]) {
				t.Fatalf("position %d is not in the signed range", pos)
			}
			tampered := bytes.Clone(sealed)
			tampered[pos] ^= 0x01
			r, err := Verify(tampered, s.Trust())
			if err == nil && r.OK {
				t.Fatalf("Verify accepts a file with byte %d changed:\n%s", pos, r)
			}
			out := pdfsig(t, writeTemp(t, "ændret.pdf", tampered))
			if strings.Contains(out, "Signature is Valid.") {
				t.Errorf("pdfsig accepts a file with byte %d changed:\n%s", pos, out)
			}
		})
	}
	// A change inside the body is a digest mismatch for both judges.
	tampered := bytes.Clone(sealed)
	tampered[len(original)/2] ^= 0x01
	r, _ := Verify(tampered, s.Trust())
	if !strings.Contains(r.String(), "Digest: stemmer ikke") {
		t.Errorf("the report does not name the digest:\n%s", r)
	}
	if out := pdfsig(t, writeTemp(t, "ændret.pdf", tampered)); !strings.Contains(out, "Digest Mismatch") {
		t.Errorf("pdfsig does not report a digest mismatch:\n%s", out)
	}
}

func TestTamperingTheSignatureItselfIsCaught(t *testing.T) {
	sealed := sealedSample(t, 0)
	s, _ := testSealer(t, "Slagelse Kommune")
	br := signedRange(t, sealed)
	for name, pos := range map[string]int{
		"certificate in the CMS": br[1] + 400,
		"signature value":        bytes.LastIndexFunc(sealed[:br[2]-1], func(r rune) bool { return r != '0' }) - 4,
		"padding":                br[2] - 10,
	} {
		tampered := bytes.Clone(sealed)
		if tampered[pos] == '1' {
			tampered[pos] = '2'
		} else {
			tampered[pos] = '1'
		}
		if r, _ := Verify(tampered, s.Trust()); r.OK {
			t.Errorf("%s: Verify accepts a changed signature:\n%s", name, r)
		}
	}
}

func TestAppendedUpdateIsCaught(t *testing.T) {
	sealed := sealedSample(t, 0)
	s, _ := testSealer(t, "Slagelse Kommune")
	added := append(bytes.Clone(sealed), "1 0 obj\n<</Type /Pages>>\nendobj\n"...)
	r, _ := Verify(added, s.Trust())
	if r.OK || !strings.Contains(r.String(), "Byteinterval: dækker ikke hele filen") {
		t.Errorf("Verify accepts bytes after the sealed range:\n%s", r)
	}
}

func TestSealFromAnotherCADoesNotChain(t *testing.T) {
	pdf, err := RenderPDF(sampleDocument(0))
	if err != nil {
		t.Fatal(err)
	}
	other, _ := testSealer(t, "Anden Kommune")
	sealed, err := other.Seal(pdf, sealTime, "Test", "Odense")
	if err != nil {
		t.Fatal(err)
	}
	ours, _ := testSealer(t, "Slagelse Kommune")
	r, err := Verify(sealed, ours.Trust())
	if err != nil {
		t.Fatal(err)
	}
	if r.OK || r.Trusted {
		t.Fatalf("a seal from another installation's CA is accepted:\n%s", r)
	}
	text := r.String()
	for _, want := range []string{"Digest: stemmer", "Signatur: gyldig",
		"Indehaver: Anden Kommune (certifikatets SHA-256 " + Fingerprint(other.Certificate()) + "): IKKE en indehaver, denne installation kender"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	// With the other installation's CA trusted, the same file holds.
	if r, _ := Verify(sealed, other.Trust()); !r.OK {
		t.Errorf("the other installation rejects its own seal:\n%s", r)
	}
}

func TestVerifyUnsealedAndNonPDF(t *testing.T) {
	pdf, err := RenderPDF(sampleDocument(0))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Verify(pdf, nil)
	if err != nil || r.OK || !strings.Contains(r.String(), "Segl: PDF'en har intet segl") {
		t.Errorf("an unsealed PDF: err %v, report:\n%s", err, r)
	}
	if _, err := Verify([]byte("hello"), nil); err == nil {
		t.Error("Verify takes a text file for a PDF")
	}
}

// Each file Seal cannot read is refused with what is wrong with it.
func TestSealRefusesAPDFItCannotRead(t *testing.T) {
	s, _ := testSealer(t, "Slagelse Kommune")
	for _, tc := range []struct {
		name string
		pdf  []byte
		want string
	}{
		{"not a PDF", []byte("GIF89a"), "segl: filen er ikke en PDF"},
		{"no startxref", []byte("%PDF-1.3\n1 0 obj\n<<>>\nendobj\n"), "segl: PDF uden startxref"},
		{"sealed already", sealedSample(t, 0), "segl: PDF'en har allerede formularfelter eller et segl"},
		{"truncated trailer", []byte("%PDF-1.3\nxref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 1\nstartxref\n9\n%%EOF\n"),
			"segl: trailer: >> mangler"},
	} {
		out, err := s.Seal(tc.pdf, sealTime, "", "")
		if err == nil || err.Error() != tc.want || out != nil {
			t.Errorf("%s: Seal = %d bytes, %v; want %q", tc.name, len(out), err, tc.want)
		}
	}
	if _, err := s.Seal([]byte("GIF89a"), sealTime, "", ""); !errors.Is(err, errNoPDF) {
		t.Errorf("a GIF: %v, want errNoPDF", err)
	}
}

// judge runs an external checker and returns its output and exit error;
// a missing checker fails the test.
func judge(t *testing.T, name string, args ...string) (string, error) {
	t.Helper()
	out, err := osexec.Command(tool(t, name), args...).CombinedOutput()
	return string(out), err
}

// TestEveryByteOfTheUpdateAndASpreadOfTheBodyIsSealed flips, one at a
// time, every byte the seal appended outside /Contents and 256 bytes
// spread evenly over the rendered PDF: Verify must refuse each copy.
func TestEveryByteOfTheUpdateAndASpreadOfTheBodyIsSealed(t *testing.T) {
	sealed := sealedSample(t, 0)
	s, _ := testSealer(t, "Slagelse Kommune")
	trusted := s.Trust()
	br := signedRange(t, sealed)
	original := mustRender(t)
	var positions []int
	for i := range 256 {
		positions = append(positions, i*len(original)/256)
	}
	for p := len(original); p < len(sealed); p++ {
		if p < br[1] || p >= br[2] {
			positions = append(positions, p)
		}
	}
	tampered := bytes.Clone(sealed)
	for _, p := range positions {
		tampered[p] ^= 0x01
		if r, err := Verify(tampered, trusted); err == nil && r.OK {
			t.Errorf("Verify accepts the file with byte %d (%q) changed", p, sealed[p])
		}
		tampered[p] = sealed[p]
	}
}

// TestTamperingASignedAgreementIsCaught seals an agreement with drawn
// signatures and the certificate page, then changes one byte of a
// signature image and one of the certificate page: both judges refuse.
func TestTamperingASignedAgreementIsCaught(t *testing.T) {
	pdf, err := RenderPDF(signedDocument(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := testSealer(t, "Slagelse Kommune")
	sealed, err := s.Seal(pdf, sealTime, "Underskrevet", "Korsør")
	if err != nil {
		t.Fatal(err)
	}
	if out := pdfsig(t, writeTemp(t, "underskrevet.pdf", sealed)); !strings.Contains(out, "Signature is Valid.") {
		t.Fatalf("pdfsig on the sealed signed agreement:\n%s", out)
	}
	// streamAfter is a position inside the first stream after marker.
	streamAfter := func(marker string, last bool) int {
		i := bytes.Index(pdf, []byte(marker))
		if last {
			i = bytes.LastIndex(pdf, []byte(marker))
		}
		if i < 0 {
			t.Fatalf("the PDF has no %q", marker)
		}
		j := bytes.Index(pdf[i:], []byte("stream\n"))
		if j < 0 {
			t.Fatalf("no stream after %q", marker)
		}
		return i + j + len("stream\n") + 20
	}
	for name, pos := range map[string]int{
		"signature image":  streamAfter("/Subtype /Image", false),
		"certificate page": streamAfter("/Type /Page\n", true), // the last page's content follows its page object
	} {
		t.Run(name, func(t *testing.T) {
			tampered := bytes.Clone(sealed)
			tampered[pos] ^= 0x01
			r, _ := Verify(tampered, s.Trust())
			if r.OK || !strings.Contains(r.String(), "Digest: stemmer ikke") {
				t.Errorf("Verify after changing byte %d:\n%s", pos, r)
			}
			if out := pdfsig(t, writeTemp(t, "ændret.pdf", tampered)); !strings.Contains(out, "Digest Mismatch") {
				t.Errorf("pdfsig after changing byte %d:\n%s", pos, out)
			}
		})
	}
}

// TestVerifyReadsOtherProducersLayout: a signature dictionary written by
// another program, with /Contents before /ByteRange and a nested
// dictionary, is found and checked the same way.
func TestVerifyReadsOtherProducersLayout(t *testing.T) {
	sealed := sealedSample(t, 0)
	s, _ := testSealer(t, "Slagelse Kommune")
	br := signedRange(t, sealed)
	// Rewrite the dictionary: same length, entries in another order.
	dictStart := bytes.LastIndex(sealed[:br[1]], []byte("<<"))
	dictEnd := bytes.Index(sealed[br[2]:], []byte(">>\nendobj")) + br[2] + 2
	contents := string(sealed[br[1]:br[2]])
	rest := string(sealed[br[2]:dictEnd])
	rest = strings.TrimSuffix(rest, ">>")
	dict := "<</Contents " + contents + rest + "\n/Prop_Build <</Filter <</Name /Other>>>>\n/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 AAAAAAAAAA BBBBBBBBBB CCCCCCCCCC]>>"
	out := append(bytes.Clone(sealed[:dictStart]), dict...)
	contentsStart := dictStart + len("<</Contents ")
	contentsEnd := contentsStart + len(contents)
	out = append(out, sealed[dictEnd:]...)
	fill := func(marker string, n int) {
		i := bytes.Index(out, []byte(marker))
		copy(out[i:], fmt.Sprintf("%-10d", n))
	}
	fill("AAAAAAAAAA", contentsStart)
	fill("BBBBBBBBBB", contentsEnd)
	fill("CCCCCCCCCC", len(out)-contentsEnd)
	r, err := Verify(out, s.Trust())
	if err != nil {
		t.Fatal(err)
	}
	// The layout is understood: the byte range holds, and as the signed
	// bytes changed, the digest does not.
	text := r.String()
	if r.OK || !strings.Contains(text, "Byteinterval: dækker hele filen undtagen signaturen") ||
		!strings.Contains(text, "Digest: stemmer ikke") || !strings.Contains(text, "Signatur: gyldig") {
		t.Errorf("the report on a reordered dictionary:\n%s", text)
	}
}

// countersign appends a second signature to a sealed PDF as an
// incremental update (a signature dictionary covering the whole file),
// as another program would add one.
func countersign(t *testing.T, sealed []byte, s *Sealer, at string) []byte {
	t.Helper()
	f, err := parsePDF(sealed)
	if err != nil {
		t.Fatal(err)
	}
	num := f.size
	var out bytes.Buffer
	out.Write(sealed)
	offsets := map[int]xrefEntry{num: {out.Len(), 0}}
	fmt.Fprintf(&out, "%d 0 obj\n<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n/ByteRange ", num)
	byteRangeAt := out.Len()
	out.Write(bytes.Repeat([]byte(" "), byteRangeWidth))
	out.WriteString("\n/Contents ")
	contentsStart := out.Len()
	out.WriteByte('<')
	out.Write(bytes.Repeat([]byte("0"), 2*s.contentsSize()))
	out.WriteByte('>')
	contentsEnd := out.Len()
	fmt.Fprintf(&out, "\n/M (%s)>>\nendobj\n", at)
	xrefAt := out.Len()
	out.WriteString(xrefSection(offsets))
	fmt.Fprintf(&out, "trailer\n<</Size %d /Root %s /Prev %d>>\nstartxref\n%d\n%%%%EOF\n", num+1, f.root, f.startxref, xrefAt)
	b := out.Bytes()
	br := fmt.Sprintf("[0 %d %d %d", contentsStart, contentsEnd, len(b)-contentsEnd)
	br += strings.Repeat(" ", byteRangeWidth-len(br)-1) + "]"
	copy(b[byteRangeAt:], br)
	h := sha256.New()
	h.Write(b[:contentsStart])
	h.Write(b[contentsEnd:])
	cms, err := signCMS(h.Sum(nil), s.key, s.cert, s.chain)
	if err != nil {
		t.Fatal(err)
	}
	hex.Encode(b[contentsStart+1:], cms)
	return b
}

// TestVerifyReportsEverySignature: a file signed twice has each signature
// checked and reported; the last covers the whole file; a change in the
// part the first covers fails both.
func TestVerifyReportsEverySignature(t *testing.T) {
	s, _ := testSealer(t, "Slagelse Kommune")
	sealed := sealedSample(t, 0)
	twice := countersign(t, sealed, s, "D:20150222100000Z")
	r, err := Verify(twice, s.Trust())
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK || r.Signatures != 2 {
		t.Fatalf("a file signed twice: OK %v, %d signatures:\n%s", r.OK, r.Signatures, r)
	}
	for _, want := range []string{
		"Segl: filen har 2 signaturer; hver er kontrolleret, og den sidste skal dække hele filen",
		fmt.Sprintf("Signatur 1 af 2 (tidligere): Byteinterval: dækker de første %s byte", dk.FormatDecimal(float64(len(sealed)), 0)),
		"Signatur 1 af 2 (tidligere): Digest: stemmer",
		"Signatur 1 af 2 (tidligere): Signatur: gyldig",
		"Byteinterval: dækker hele filen undtagen signaturen",
	} {
		if !strings.Contains(r.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, r)
		}
	}
	tampered := bytes.Clone(twice)
	tampered[len(sealed)/3] ^= 1
	if r, _ := Verify(tampered, s.Trust()); r.OK || !strings.Contains(r.String(), "Signatur 1 af 2 (tidligere): Digest: stemmer ikke") {
		t.Errorf("a change under the first signature:\n%s", r)
	}
}

// TestVerifySaysATruncatedFileIsTruncated: the message says what is wrong,
// not a negative count of bytes "after" the signed part.
func TestVerifySaysATruncatedFileIsTruncated(t *testing.T) {
	s, _ := testSealer(t, "Slagelse Kommune")
	sealed := sealedSample(t, 0)
	r, _ := Verify(sealed[:len(sealed)-10], s.Trust())
	if r.OK || !strings.Contains(r.String(), "Byteinterval: filen er afkortet: der mangler 10 byte af det, seglet dækker") {
		t.Errorf("a truncated file:\n%s", r)
	}
	if strings.Contains(r.String(), "-10") {
		t.Errorf("the report counts negative bytes:\n%s", r)
	}
}
