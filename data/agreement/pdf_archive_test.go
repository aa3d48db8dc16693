package agreement

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// xmpFields is what the tests read back from a PDF's XMP packet.
type xmpFields struct {
	Part, Conformance, Title, Creator, Producer, CreateDate, ModifyDate string
}

// readXMP pulls the catalog's metadata stream out of the file and parses
// it as XML.
func readXMP(t *testing.T, pdf []byte) xmpFields {
	t.Helper()
	f, err := parsePDF(pdf)
	if err != nil {
		t.Fatal(err)
	}
	catalog, _, err := f.dictObject(f.root.num)
	if err != nil {
		t.Fatal(err)
	}
	r, err := parseRef(lookup(catalog, "Metadata"))
	if err != nil {
		t.Fatalf("the catalog names no /Metadata: %v", err)
	}
	raw, err := f.stream(r.num)
	if err != nil {
		t.Fatal(err)
	}
	var packet struct {
		Descriptions []struct {
			Part        string `xml:"http://www.aiim.org/pdfa/ns/id/ part"`
			Conformance string `xml:"http://www.aiim.org/pdfa/ns/id/ conformance"`
			Title       struct {
				Li string `xml:"Alt>li"`
			} `xml:"http://purl.org/dc/elements/1.1/ title"`
			Creator struct {
				Li string `xml:"Seq>li"`
			} `xml:"http://purl.org/dc/elements/1.1/ creator"`
			Producer   string `xml:"http://ns.adobe.com/pdf/1.3/ Producer"`
			CreateDate string `xml:"http://ns.adobe.com/xap/1.0/ CreateDate"`
			ModifyDate string `xml:"http://ns.adobe.com/xap/1.0/ ModifyDate"`
		} `xml:"RDF>Description"`
	}
	if err := xml.Unmarshal(raw, &packet); err != nil {
		t.Fatalf("the XMP does not parse: %v\n%s", err, raw)
	}
	var x xmpFields
	for _, d := range packet.Descriptions {
		x.Part += d.Part
		x.Conformance += d.Conformance
		x.Title += d.Title.Li
		x.Creator += d.Creator.Li
		x.Producer += d.Producer
		x.CreateDate += d.CreateDate
		x.ModifyDate += d.ModifyDate
	}
	return x
}

// qpdfJSON is the part of `qpdf --json` the tests look at.
type qpdfJSON struct {
	Outlines []struct {
		Title string `json:"title"`
	} `json:"outlines"`
	Qpdf []map[string]any `json:"qpdf"`
}

// wantArchivable checks what an archivist checks on any of the program's
// PDFs and returns pdfinfo's output.
func wantArchivable(t *testing.T, path, title, author string, outline ...string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info := run(t, "pdfinfo", "-isodates", path)
	if fieldValue(info, "Metadata Stream:") != "yes" {
		t.Errorf("pdfinfo: no metadata stream\n%s", info)
	}
	if v := fieldValue(info, "PDF version:"); v != "1.7" {
		t.Errorf("pdfinfo: PDF version %q, want 1.7", v)
	}
	x := readXMP(t, b)
	if x.Part != "2" || x.Conformance != "B" {
		t.Errorf("XMP pdfaid part %q conformance %q, want 2 and B", x.Part, x.Conformance)
	}
	if x.Title != title || fieldValue(info, "Title:") != title {
		t.Errorf("title: XMP %q, Info %q, want %q", x.Title, fieldValue(info, "Title:"), title)
	}
	if x.Creator != author || fieldValue(info, "Author:") != author {
		t.Errorf("author: XMP %q, Info %q, want %q", x.Creator, fieldValue(info, "Author:"), author)
	}
	if x.Producer != producer || fieldValue(info, "Producer:") != producer {
		t.Errorf("producer: XMP %q, Info %q", x.Producer, fieldValue(info, "Producer:"))
	}
	if x.CreateDate == "" || x.CreateDate != x.ModifyDate || !sameInstant(t, x.CreateDate, fieldValue(info, "CreationDate:")) {
		t.Errorf("dates: XMP %q / %q, Info %q", x.CreateDate, x.ModifyDate, fieldValue(info, "CreationDate:"))
	}
	if out, err := exec.Command(tool(t, "qpdf"), "--check", path).CombinedOutput(); err != nil ||
		!strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	raw := run(t, "qpdf", "--json", "--json-key=outlines", "--json-key=qpdf", path)
	var q qpdfJSON
	if err := json.Unmarshal([]byte(raw), &q); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var titles []string
	for _, o := range q.Outlines {
		titles = append(titles, o.Title)
	}
	for _, want := range outline {
		if !contains(titles, want) {
			t.Errorf("the outline %q lacks %q", titles, want)
		}
	}
	if len(titles) == 0 {
		t.Error("the PDF has no outline")
	}
	trailer := string(b[bytes.LastIndex(b, []byte("trailer")):])
	if !regexp.MustCompile(`/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]`).MatchString(trailer) {
		t.Errorf("the last trailer has no /ID:\n%s", trailer)
	}
	for _, want := range []string{"/Lang (da-DK)", "/OutputIntents [", "/S /GTS_PDFA1", "/DestOutputProfile "} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the file lacks %s", want)
		}
	}
	if bytes.Contains(b, []byte("/EmbeddedFiles")) {
		t.Error("the file has an EmbeddedFiles tree and no files")
	}
	return info
}

// sameInstant compares an XMP date with pdfinfo's ISO date, which may
// give the offset as "+01".
func sameInstant(t *testing.T, a, b string) bool {
	if regexp.MustCompile(`[+-]\d\d$`).MatchString(b) {
		b += ":00"
	}
	ta, err1 := time.Parse(time.RFC3339, a)
	tb, err2 := time.Parse(time.RFC3339, b)
	return err1 == nil && err2 == nil && ta.Equal(tb)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestDraftPDFIsArchivable(t *testing.T) {
	doc := sampleDocument(1)
	doc.Author = "Slagelse Kommune"
	doc.Written = time.Date(2015, 2, 21, 14, 3, 0, 0, time.FixedZone("CET", 3600))
	path := writePDF(t, doc)
	info := wantArchivable(t, path, doc.Title, "Slagelse Kommune", "Parter")
	if v := fieldValue(info, "CreationDate:"); v != "2015-02-21T14:03:00+01" && v != "2015-02-21T14:03:00+01:00" {
		t.Errorf("CreationDate %q, want the written time 21.2.2015 kl. 14.03 (+01:00)", v)
	}
	again, err := RenderPDF(doc)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(path)
	if !bytes.Equal(first, again) {
		t.Error("the same document renders to different bytes")
	}
}

// The ICC profile is one an ICC parser accepts: its size field is its
// length, its signature is acsp and every tag lies inside it.
func TestSRGBProfileIsWellFormed(t *testing.T) {
	p := sRGBProfile()
	be := func(b []byte) int { return int(b[0])<<24 | int(b[1])<<16 | int(b[2])<<8 | int(b[3]) }
	if be(p) != len(p) || string(p[36:40]) != "acsp" || string(p[12:16]) != "mntr" || string(p[16:20]) != "RGB " {
		t.Fatalf("header: size %d of %d, %q %q %q", be(p), len(p), p[36:40], p[12:16], p[16:20])
	}
	n := be(p[128:])
	seen := map[string]bool{}
	for i := 0; i < n; i++ {
		e := p[132+12*i:]
		sig, off, size := string(e[:4]), be(e[4:]), be(e[8:])
		if off%4 != 0 || off+size > len(p) || off < 132+12*n {
			t.Errorf("tag %s at %d+%d outside the profile of %d bytes", sig, off, size, len(p))
		}
		seen[sig] = true
	}
	for _, want := range []string{"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"} {
		if !seen[want] {
			t.Errorf("the profile lacks the %s tag", want)
		}
	}
}

// The certificate page names the seal's certificate, the sending and the
// sealing, and every time with its offset from UTC; each signer's title
// stands by the name; the journal and KLE numbers are among the facts.
func TestCertificatePageNamesTheSealAndTheTimes(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	doc := signedDocument(t, 0)
	doc.Journal, doc.KLE = "15/12345", "27.12.00 G01"
	doc.Signed.SentAt = time.Date(2015, 2, 21, 14, 3, 0, 0, cet)
	doc.Signed.SealedAt = time.Date(2015, 2, 21, 15, 1, 0, 0, cet)
	doc.Written = doc.Signed.SealedAt
	doc.Signed.Seal = SealCertificate{Holder: "Slagelse Kommune", Issuer: "Partnerskab lokal CA – Slagelse Kommune",
		Fingerprint: strings.Repeat("ab", 32), IssuerFingerprint: strings.Repeat("cd", 32)}
	for i := range doc.Signed.Events {
		doc.Signed.Events[i].Title = doc.Signers[i].Title
		for j := range doc.Signed.Events[i].Events {
			doc.Signed.Events[i].Events[j].At = doc.Signed.Events[i].Events[j].At.In(cet)
		}
	}
	path := writePDF(t, doc)
	ps := pages(t, path)
	cert := strings.Join(ps[certificateStart(t, ps):], "\n")
	flat := strings.Join(strings.Fields(cert), " ")
	for _, want := range []string{
		"Journalnummer 15/12345", "KLE-nummer 27.12.00 G01",
		"Sendt til underskrift 21.2.2015 kl. 14.03 (+01:00)", "Forseglet 21.2.2015 kl. 15.01 (+01:00)",
		"Seglets indehaver Slagelse Kommune", "Udsteder Partnerskab lokal CA – Slagelse Kommune",
		strings.Repeat("ab", 32), strings.Repeat("cd", 32),
		"Lene Østergaard, " + doc.Signers[0].Title, "(+01:00) præsenteret",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the certificate page lacks %q:\n%s", want, cert)
		}
	}
	info := run(t, "pdfinfo", "-isodates", path)
	if !sameInstant(t, "2015-02-21T15:01:00+01:00", fieldValue(info, "CreationDate:")) {
		t.Errorf("the file was written %s, want the sealing 21.2.2015 kl. 15.01 (+01:00)", fieldValue(info, "CreationDate:"))
	}
}
