package agreement

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// The seal is a PAdES signature (ETSI EN 319 142, /SubFilter
// /ETSI.CAdES.detached) added as an incremental update: the PDF as
// rendered stays byte for byte in front, followed by a signature
// dictionary, an invisible signature field on the first page, new copies
// of the Catalog (with the /AcroForm) and of that page (with /Annots),
// their xref section and a trailer pointing back with /Prev. The
// signature covers every byte of the file except the hex string of its
// own /Contents, as /ByteRange says.

// sealFieldName is the signature field's name, shown by viewers.
const sealFieldName = "Segl"

// minContentsBytes is the least room reserved for the CMS in /Contents.
const minContentsBytes = 8192

// byteRangeWidth is the fixed width of the /ByteRange array: four numbers
// of up to ten digits, padded with spaces once the offsets are known.
const byteRangeWidth = len("[0 0000000000 0000000000 0000000000]")

// Seal signs pdf with the installation's certificate as of at (the time
// the seal claims; it comes from the laptop's clock). reason and location
// go into the signature dictionary. RSA keys give the same bytes for the
// same input.
func (s *Sealer) Seal(pdf []byte, at time.Time, reason, location string) ([]byte, error) {
	f, err := parsePDF(pdf)
	if err != nil {
		return nil, fmt.Errorf("segl: %w", err)
	}
	catalog, catalogGen, err := f.dictObject(f.root.num)
	if err != nil {
		return nil, fmt.Errorf("segl: katalog: %w", err)
	}
	if lookup(catalog, "AcroForm") != "" {
		return nil, errors.New("segl: PDF'en har allerede formularfelter eller et segl")
	}
	pageRef, err := f.firstPage(catalog)
	if err != nil {
		return nil, fmt.Errorf("segl: %w", err)
	}
	page, _, err := f.dictObject(pageRef.num)
	if err != nil {
		return nil, fmt.Errorf("segl: første side: %w", err)
	}

	sigNum, fieldNum := f.size, f.size+1
	field := ref{fieldNum, 0}
	annots, err := f.withAnnot(lookup(page, "Annots"), field)
	if err != nil {
		return nil, fmt.Errorf("segl: første side: %w", err)
	}
	page = set(page, "Annots", annots)
	catalog = set(catalog, "AcroForm", fmt.Sprintf("<</Fields [%s] /SigFlags 3>>", field))
	if lookup(catalog, "Metadata") == "" {
		// gofpdf writes the XMP object without naming it in the catalog.
		if r, err := f.metadataObject(); err == nil {
			catalog = append(catalog, kv{"Metadata", r.String()})
		}
	}
	if lookup(catalog, "Version") == "" {
		// PAdES signatures are PDF 1.7 (ISO 32000-1); gofpdf's header says 1.3.
		catalog = append(catalog, kv{"Version", "/1.7"})
	}

	reserve := s.contentsSize()
	var out bytes.Buffer
	out.Grow(len(pdf) + 2*reserve + 2048)
	out.Write(pdf)
	if !bytes.HasSuffix(pdf, []byte("\n")) {
		out.WriteByte('\n')
	}
	offsets := map[int]xrefEntry{}
	begin := func(num, gen int) {
		offsets[num] = xrefEntry{out.Len(), gen}
		fmt.Fprintf(&out, "%d %d obj\n", num, gen)
	}

	begin(sigNum, 0)
	out.WriteString("<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n/ByteRange ")
	byteRangeAt := out.Len()
	out.Write(bytes.Repeat([]byte(" "), byteRangeWidth))
	out.WriteString("\n/Contents ")
	contentsStart := out.Len()
	out.WriteByte('<')
	out.Write(bytes.Repeat([]byte("0"), 2*reserve))
	out.WriteByte('>')
	contentsEnd := out.Len()
	fmt.Fprintf(&out, "\n/M %s\n/Name %s\n/Reason %s\n/Location %s>>\nendobj\n",
		pdfString(pdfDate(at)), pdfString(s.cert.Subject.CommonName), pdfString(reason), pdfString(location))

	begin(fieldNum, 0)
	fmt.Fprintf(&out, "<</Type /Annot /Subtype /Widget /FT /Sig /T %s /V %s /Rect [0 0 0 0] /F 132 /P %s>>\nendobj\n",
		pdfString(sealFieldName), ref{sigNum, 0}, pageRef)
	begin(pageRef.num, pageRef.gen)
	out.WriteString(writeDict(page) + "\nendobj\n")
	begin(f.root.num, catalogGen)
	out.WriteString(writeDict(catalog) + "\nendobj\n")

	xrefAt := out.Len()
	out.WriteString(xrefSection(offsets))
	trailer := []kv{{"Size", strconv.Itoa(f.size + 2)}, {"Root", f.root.String()}}
	if f.info != "" {
		trailer = append(trailer, kv{"Info", f.info})
	}
	if f.id != "" {
		trailer = append(trailer, kv{"ID", f.id})
	}
	trailer = append(trailer, kv{"Prev", strconv.Itoa(f.startxref)})
	fmt.Fprintf(&out, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", writeDict(trailer), xrefAt)

	b := out.Bytes()
	byteRange := fmt.Sprintf("[0 %d %d %d", contentsStart, contentsEnd, len(b)-contentsEnd)
	byteRange += string(bytes.Repeat([]byte(" "), byteRangeWidth-len(byteRange)-1)) + "]"
	copy(b[byteRangeAt:], byteRange)

	h := sha256.New()
	h.Write(b[:contentsStart])
	h.Write(b[contentsEnd:])
	cms, err := signCMS(h.Sum(nil), s.key, s.cert, s.chain)
	if err != nil {
		return nil, fmt.Errorf("segl: %w", err)
	}
	if len(cms) > reserve {
		return nil, fmt.Errorf("segl: signaturen fylder %d byte, der er kun plads til %d", len(cms), reserve)
	}
	hex.Encode(b[contentsStart+1:], cms)
	return b, nil
}

// contentsSize is the room for the CMS: the certificates it carries plus
// the signed attributes and the signature, rounded up generously.
func (s *Sealer) contentsSize() int {
	n := len(s.cert.Raw) + 2048
	for _, c := range s.chain {
		n += len(c.Raw)
	}
	n = (n + 1023) / 1024 * 1024
	return max(n, minContentsBytes)
}

// withAnnot adds the field's widget to a page's /Annots, which may be
// absent, an array or a reference to one.
func (f *pdfFile) withAnnot(annots string, field ref) (string, error) {
	if annots == "" {
		return "[" + field.String() + "]", nil
	}
	if r, err := parseRef(annots); err == nil && !bytes.HasPrefix([]byte(annots), []byte("[")) {
		v, _, err := f.object(r.num)
		if err != nil {
			return "", fmt.Errorf("/Annots: %w", err)
		}
		annots = string(v)
	}
	if len(annots) < 2 || annots[0] != '[' || annots[len(annots)-1] != ']' {
		return "", fmt.Errorf("/Annots er ikke en liste: %q", annots)
	}
	return annots[:len(annots)-1] + " " + field.String() + "]", nil
}

// pdfDate writes a time as a PDF date, D:20150221143200+01'00', in the
// zone the time carries.
func pdfDate(t time.Time) string {
	_, offset := t.Zone()
	sign := '+'
	if offset < 0 {
		sign, offset = '-', -offset
	}
	if offset == 0 {
		return "D:" + t.Format("20060102150405") + "Z00'00'" // a bare Z is refused by some validators (pdfcpu)
	}
	return fmt.Sprintf("D:%s%c%02d'%02d'", t.Format("20060102150405"), sign, offset/3600, offset/60%60)
}
