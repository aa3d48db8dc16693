package agreement

import (
	"bytes"
	"crypto/sha256"
	_ "crypto/sha512" // SHA-384 and SHA-512 for seals made elsewhere
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"partnerskab/data/dk"
)

// Verification of a sealed PDF, independent of how it was made. Every
// signature in the file is checked: its /ByteRange must cover the file as
// it was up to it except exactly its /Contents, the digest of those bytes
// must be the one signed, the CMS signature must hold over its signed
// attributes and signing-certificate-v2 must name the signer's
// certificate. The last signature must cover the whole file (an earlier
// one covers the file as it was when it was made). Then the seal's holder:
// the last signature's certificate must belong to a holder the
// installation trusts (trust.go), not merely chain to some CA.

// VerifyReport is the outcome, with one Danish line per check.
type VerifyReport struct {
	OK          bool
	Lines       []string // "Digest: stemmer", "Signatur: ugyldig – …", …
	SHA256      string   // of the whole file, hex, to find the agreement it is
	Signer      string   // the certificate's name, "" when unknown
	Issuer      string
	Holder      string // the seal's holder: the certificate's organisation, else its name
	Fingerprint string // SHA-256 of the seal's certificate, hex
	// CAFingerprint is the SHA-256 of the certificate at the top of the
	// chain the seal carries (the CA that issued it), "" when it carries none.
	CAFingerprint string
	CAKnown       bool      // the installation has met that CA (Trust.knowsCA)
	SignedAt      time.Time // the claimed time (/M), zero when absent
	Reason        string
	Location      string
	Signatures    int  // how many signatures the file has
	Trusted       bool // the holder is one the installation trusts

	failures     int  // lines that failed
	holderFailed bool // one of them is the holder's
}

// String is the report as printed: the lines and a verdict.
func (r VerifyReport) String() string {
	verdict := "Resultat: PDF'en er uændret siden forseglingen, og seglet er gyldigt"
	if !r.OK {
		verdict = "Resultat: FEJL – seglet holder ikke"
	}
	return strings.Join(append(append([]string{}, r.Lines...), verdict), "\n") + "\n"
}

func (r *VerifyReport) pass(line string) { r.Lines = append(r.Lines, line) }

// UnknownHolder tells whether the seal holds over an unchanged file and
// only its holder is one the installation does not know.
func (r VerifyReport) UnknownHolder() bool { return r.failures == 1 && r.holderFailed }

// UnknownCA tells whether the seal holds over an unchanged file and was
// issued under a CA the installation has never met: the recipient must
// compare the CA's fingerprint with the one on the certificate page. A
// seal from a known CA but another holder is a failure, not this.
func (r VerifyReport) UnknownCA() bool { return r.UnknownHolder() && !r.CAKnown }

// withoutHolder is the report judged without the holder: the seal's
// integrity alone, for a file checked where no installation is.
func (r VerifyReport) withoutHolder() VerifyReport {
	out := r
	out.Lines = nil
	for _, l := range r.Lines {
		if !strings.HasPrefix(l, "Indehaver: ") {
			out.Lines = append(out.Lines, l)
		}
	}
	out.OK = r.failures == 0 || r.failures == 1 && r.holderFailed
	return out
}

func (r *VerifyReport) fail(line string) {
	r.OK = false
	r.failures++
	r.Lines = append(r.Lines, line)
}

// sigDict is a signature dictionary and where its parts are.
type sigDict struct {
	entries       []kv
	contentsStart int // offset of /Contents' '<'
	contentsEnd   int // just after its '>'
}

// maxSignatures is the most signatures Verify reads in one file.
const maxSignatures = 32

// Verify checks a sealed PDF against the installation's trust (nil trusts
// nobody). The error is only for input that is not a PDF; everything
// else is in the report, which names what failed.
func Verify(pdf []byte, trust *Trust) (VerifyReport, error) {
	sum := sha256.Sum256(pdf)
	r := VerifyReport{OK: true, SHA256: hex.EncodeToString(sum[:])}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return r, errNoPDF
	}
	sigs, err := signatures(pdf)
	if err != nil {
		r.fail("Segl: " + err.Error())
		return r, nil
	}
	r.Signatures = len(sigs)
	if len(sigs) > 1 {
		r.pass(fmt.Sprintf("Segl: filen har %d signaturer; hver er kontrolleret, og den sidste skal dække hele filen", len(sigs)))
	}
	var last *cmsSignature
	for i, d := range sigs {
		prefix := ""
		if i < len(sigs)-1 {
			prefix = fmt.Sprintf("Signatur %d af %d (tidligere): ", i+1, len(sigs))
		}
		cms := r.checkSignature(pdf, d, prefix, i == len(sigs)-1)
		if i == len(sigs)-1 {
			last = cms
			r.Reason = pdfTextString(lookup(d.entries, "Reason"))
			r.Location = pdfTextString(lookup(d.entries, "Location"))
			if m := pdfTextString(lookup(d.entries, "M")); m != "" {
				if t, err := parsePDFDate(m); err == nil {
					r.SignedAt = t
				}
			}
		}
	}
	if last == nil {
		return r, nil
	}
	r.Signer = last.signer.Subject.CommonName
	r.Issuer = last.signer.Issuer.CommonName
	r.checkHolder(last, trust)
	if !r.SignedAt.IsZero() {
		r.pass("Tidspunkt: " + dk.FormatDateTime(r.SignedAt) + " (fra computerens ur, ikke et tidsstempel)")
	}
	return r, nil
}

// checkSignature checks one signature and returns its CMS, or nil when it
// could not be read. prefix names an earlier signature in its lines; last
// says the signature must cover the whole file.
func (r *VerifyReport) checkSignature(pdf []byte, d sigDict, prefix string, last bool) *cmsSignature {
	if sf := lookup(d.entries, "SubFilter"); sf != "/ETSI.CAdES.detached" && sf != "/adbe.pkcs7.detached" {
		r.fail(prefix + "Format: seglet er ikke en PAdES-signatur (" + sf + ")")
		return nil
	}
	end, err := checkByteRange(pdf, d, last)
	if err != nil {
		r.fail(prefix + "Byteinterval: " + err.Error())
		return nil
	}
	if last {
		r.pass("Byteinterval: dækker hele filen undtagen signaturen")
	} else {
		r.pass(fmt.Sprintf("%sByteinterval: dækker de første %s byte (filen, som den var, da den signerede)", prefix,
			dk.FormatDecimal(float64(end), 0)))
	}
	der, err := hex.DecodeString(string(pdf[d.contentsStart+1 : d.contentsEnd-1]))
	if err != nil {
		r.fail(prefix + "Signatur: signaturfeltet er ikke gyldig hex")
		return nil
	}
	cms, rest, err := parseCMS(der)
	if err != nil {
		r.fail(prefix + "Signatur: " + err.Error())
		return nil
	}
	if len(bytes.Trim(rest, "\x00")) > 0 {
		r.fail(prefix + "Signatur: signaturfeltet indeholder data efter signaturen")
		return nil
	}
	h := cms.digestAlg.New()
	h.Write(pdf[:d.contentsStart])
	h.Write(pdf[d.contentsEnd:end])
	switch {
	case !cms.contentType.Equal(oidData):
		r.fail(prefix + "Digest: signaturens indholdstype er ikke data")
	case cms.messageDigest == nil:
		r.fail(prefix + "Digest: signaturen har intet message-digest")
	case !bytes.Equal(h.Sum(nil), cms.messageDigest):
		r.fail(prefix + "Digest: stemmer ikke – filen er ændret efter forseglingen")
	default:
		r.pass(prefix + "Digest: stemmer")
	}
	if err := cms.checkSignature(); err != nil {
		r.fail(prefix + "Signatur: ugyldig – " + err.Error())
	} else {
		r.pass(prefix + "Signatur: gyldig")
	}
	switch {
	case !cms.hasSigningCertificateV2:
		r.fail(prefix + "Certifikatreference: signing-certificate-v2 mangler")
	case !cms.certHashMatches():
		r.fail(prefix + "Certifikatreference: signing-certificate-v2 passer ikke til certifikatet")
	default:
		r.pass(prefix + "Certifikatreference: signing-certificate-v2 passer til certifikatet")
	}
	if prefix != "" {
		r.pass(fmt.Sprintf("%sCertifikat: %s, udstedt af %s", prefix, cms.signer.Subject.CommonName, cms.signer.Issuer.CommonName))
	}
	return cms
}

// checkHolder says whose seal it is and whether the installation trusts
// that holder.
func (r *VerifyReport) checkHolder(cms *cmsSignature, trust *Trust) {
	cert := cms.signer
	r.Fingerprint = Fingerprint(cert)
	r.Holder = organisationOf(cert)
	if r.Holder == "" {
		r.Holder = cert.Subject.CommonName
	}
	name := fmt.Sprintf("%s, udstedt af %s", cert.Subject.CommonName, cert.Issuer.CommonName)
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		r.fail("Certifikat: " + name + ", må ikke bruges til at signere")
		return
	}
	r.pass("Certifikat: " + name + ", gyldigt " + dk.FormatDate(cert.NotBefore) + "–" + dk.FormatDate(cert.NotAfter))
	if ca := issuingCA(cert, cms.certs); ca != nil {
		r.CAFingerprint = Fingerprint(ca)
		r.CAKnown = trust.knowsCA(r.CAFingerprint)
	}
	v := trust.judge(cert, cms.certs, time.Now())
	line := fmt.Sprintf("Indehaver: %s (certifikatets SHA-256 %s): %s", r.Holder, r.Fingerprint, v.text)
	if !v.known {
		r.holderFailed = true
		r.fail(line)
		if r.CAFingerprint != "" && !r.CAKnown {
			r.pass("Udsteder: " + cert.Issuer.CommonName + " er ikke en udsteder, denne installation kender; udstederens SHA-256 er " +
				r.CAFingerprint + " – sammenlign med den på underskriftsbeviset")
		}
		return
	}
	r.Trusted = true
	r.pass(line)
}

// issuingCA is the top of cert's chain among the carried certificates,
// nil when none of them issued it.
func issuingCA(cert *x509.Certificate, carried []*x509.Certificate) *x509.Certificate {
	var top *x509.Certificate
	for depth := 0; depth < 8; depth++ {
		var next *x509.Certificate
		for _, c := range carried {
			if !c.Equal(cert) && cert.CheckSignatureFrom(c) == nil {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		top, cert = next, next
	}
	return top
}

// signatures finds every signature dictionary in the file, in the order
// they were added: one per /ByteRange.
func signatures(pdf []byte) ([]sigDict, error) {
	var out []sigDict
	for from := 0; ; {
		i := bytes.Index(pdf[from:], []byte("/ByteRange"))
		if i < 0 {
			break
		}
		i += from
		from = i + len("/ByteRange")
		if len(out) == maxSignatures {
			return nil, fmt.Errorf("PDF'en har mere end %d signaturer; den kontrolleres ikke", maxSignatures)
		}
		d, err := signatureAt(pdf, i)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
		from = max(from, d.contentsEnd)
	}
	if len(out) == 0 {
		return nil, errors.New("PDF'en har intet segl")
	}
	return out, nil
}

// signatureAt reads the signature dictionary around the /ByteRange at i.
func signatureAt(pdf []byte, i int) (sigDict, error) {
	// The dictionary starts at the nearest "<<" before it that parses as a
	// dictionary containing this /ByteRange (nested dictionaries such as
	// /Prop_Build may come first; a few tries are enough).
	start := bytes.LastIndex(pdf[:i], []byte("<<"))
	for tries := 0; start >= 0 && tries < 16; tries, start = tries+1, bytes.LastIndex(pdf[:start], []byte("<<")) {
		end, err := objectEnd(pdf, start)
		if err != nil || end <= i {
			continue
		}
		entries, err := parseDict(pdf[start:end])
		if err != nil || lookup(entries, "ByteRange") == "" {
			continue
		}
		d := sigDict{entries: entries}
		// Where /Contents' value sits in the file.
		pos := start + 2
		for {
			pos = skipSpace(pdf, pos)
			if pos >= end-2 {
				return sigDict{}, errors.New("seglet har ingen /Contents")
			}
			kEnd := tokenEnd(pdf, pos+1)
			vStart := skipSpace(pdf, kEnd)
			vEnd, err := objectEnd(pdf, vStart)
			if err != nil {
				return sigDict{}, errors.New("seglets ordbog kan ikke læses")
			}
			if string(pdf[pos+1:kEnd]) == "Contents" {
				if pdf[vStart] != '<' {
					return sigDict{}, errors.New("seglets /Contents er ikke en hexstreng")
				}
				d.contentsStart, d.contentsEnd = vStart, vEnd
				return d, nil
			}
			pos = vEnd
		}
	}
	return sigDict{}, errors.New("seglets ordbog kan ikke læses")
}

// checkByteRange demands [0 a b c] with a and b the ends of /Contents,
// and, for the last signature, b+c the end of the file: nothing outside
// the signature is unsigned. It returns where the signed bytes end.
func checkByteRange(pdf []byte, d sigDict, last bool) (int, error) {
	v := strings.TrimSpace(lookup(d.entries, "ByteRange"))
	if !strings.HasPrefix(v, "[") || !strings.HasSuffix(v, "]") {
		return 0, errors.New("/ByteRange er ikke en liste")
	}
	fs := strings.Fields(v[1 : len(v)-1])
	if len(fs) != 4 {
		return 0, fmt.Errorf("/ByteRange har %d tal, ikke 4 (flere signerede afsnit eller et forkert segl)", len(fs))
	}
	var n [4]int
	for i, s := range fs {
		x, err := strconv.Atoi(s)
		if err != nil || x < 0 || x > len(pdf)+1<<20 {
			return 0, fmt.Errorf("/ByteRange indeholder %q", s)
		}
		n[i] = x
	}
	switch {
	case n[0] != 0:
		return 0, errors.New("dækker ikke filens begyndelse")
	case n[1] != d.contentsStart || n[2] != d.contentsEnd:
		return 0, errors.New("udelader andet end signaturen")
	case n[2]+n[3] > len(pdf):
		return 0, fmt.Errorf("filen er afkortet: der mangler %d byte af det, seglet dækker", n[2]+n[3]-len(pdf))
	case last && n[2]+n[3] < len(pdf):
		return 0, fmt.Errorf("dækker ikke hele filen: %d byte er tilføjet efter det signerede", len(pdf)-n[2]-n[3])
	}
	for _, c := range pdf[d.contentsStart+1 : d.contentsEnd-1] {
		if !isHex(c) {
			return 0, errors.New("signaturfeltet er ikke en ren hexstreng")
		}
	}
	return n[2] + n[3], nil
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// pdfTextString decodes a PDF string as written: (literal) with escapes
// or <hex>, UTF-16BE when it starts with a byte order mark.
func pdfTextString(v string) string {
	var raw []byte
	switch {
	case strings.HasPrefix(v, "("):
		raw = unescapeLiteral(v)
	case strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">"):
		var err error
		if raw, err = hex.DecodeString(strings.Join(strings.Fields(v[1:len(v)-1]), "")); err != nil {
			return ""
		}
	default:
		return ""
	}
	if len(raw) >= 2 && raw[0] == 0xFE && raw[1] == 0xFF {
		u := make([]uint16, 0, len(raw)/2)
		for i := 2; i+1 < len(raw); i += 2 {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		}
		return string(utf16.Decode(u))
	}
	// PDFDocEncoding agrees with Latin-1 for the letters a seal uses.
	rs := make([]rune, len(raw))
	for i, b := range raw {
		rs[i] = rune(b)
	}
	return string(rs)
}

// unescapeLiteral undoes a (literal string)'s escapes.
func unescapeLiteral(v string) []byte {
	v = strings.TrimSuffix(strings.TrimPrefix(v, "("), ")")
	var out []byte
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' || i+1 >= len(v) {
			out = append(out, v[i])
			continue
		}
		i++
		switch c := v[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '\n':
		case '0', '1', '2', '3', '4', '5', '6', '7':
			n := 0
			j := i
			for ; j < len(v) && j < i+3 && v[j] >= '0' && v[j] <= '7'; j++ {
				n = n*8 + int(v[j]-'0')
			}
			out = append(out, byte(n))
			i = j - 1
		default:
			out = append(out, c)
		}
	}
	return out
}

// parsePDFDate reads D:YYYYMMDDHHmmSS with an optional zone (Z, Z00'00',
// +01'00').
func parsePDFDate(s string) (time.Time, error) {
	s = strings.TrimPrefix(s, "D:")
	if len(s) < 14 {
		return time.Time{}, errors.New("kort dato")
	}
	t, err := time.Parse("20060102150405", s[:14])
	if err != nil {
		return time.Time{}, err
	}
	zone := strings.ReplaceAll(s[14:], "'", "")
	if zone == "" || zone == "Z" || zone == "Z0000" {
		return t, nil
	}
	if len(zone) != 5 || (zone[0] != '+' && zone[0] != '-') {
		return time.Time{}, errors.New("ukendt tidszone")
	}
	hh, err1 := strconv.Atoi(zone[1:3])
	mm, err2 := strconv.Atoi(zone[3:5])
	if err1 != nil || err2 != nil {
		return time.Time{}, errors.New("ukendt tidszone")
	}
	offset := hh*3600 + mm*60
	if zone[0] == '-' {
		offset = -offset
	}
	loc := time.FixedZone("", offset)
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc), nil
}
