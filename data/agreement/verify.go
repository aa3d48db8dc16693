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

// Verification of a sealed PDF, independent of how it was made: the last
// signature's /ByteRange must cover the whole file except exactly its
// /Contents, the digest of those bytes must be the one signed, the CMS
// signature must hold over its signed attributes, signing-certificate-v2
// must name the signer's certificate, and the certificate must chain to
// one the caller trusts.

// VerifyReport is the outcome, with one Danish line per check.
type VerifyReport struct {
	OK       bool
	Lines    []string // "Digest: stemmer", "Signatur: ugyldig – …", …
	SHA256   string   // of the whole file, hex, to find the agreement it is
	Signer   string   // the certificate's name, "" when unknown
	Issuer   string
	SignedAt time.Time // the claimed time (/M), zero when absent
	Reason   string
	Location string
	Chained  bool // the certificate chains to a trusted one
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

func (r *VerifyReport) fail(line string) {
	r.OK = false
	r.Lines = append(r.Lines, line)
}

// sigDict is the last signature dictionary and where its parts are.
type sigDict struct {
	entries       []kv
	contentsStart int // offset of /Contents' '<'
	contentsEnd   int // just after its '>'
}

// Verify checks a sealed PDF against the trusted certificates (nil trusts
// none). The error is only for input that is not a PDF; everything else
// is in the report, which names what failed.
func Verify(pdf []byte, trusted *x509.CertPool) (VerifyReport, error) {
	sum := sha256.Sum256(pdf)
	r := VerifyReport{OK: true, SHA256: hex.EncodeToString(sum[:])}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return r, errNoPDF
	}
	d, err := lastSignature(pdf)
	if err != nil {
		r.fail("Segl: " + err.Error())
		return r, nil
	}
	r.Reason = pdfTextString(lookup(d.entries, "Reason"))
	r.Location = pdfTextString(lookup(d.entries, "Location"))
	if m := pdfTextString(lookup(d.entries, "M")); m != "" {
		if t, err := parsePDFDate(m); err == nil {
			r.SignedAt = t
		}
	}
	if sf := lookup(d.entries, "SubFilter"); sf != "/ETSI.CAdES.detached" && sf != "/adbe.pkcs7.detached" {
		r.fail("Format: seglet er ikke en PAdES-signatur (" + sf + ")")
		return r, nil
	}

	if err := checkByteRange(pdf, d); err != nil {
		r.fail("Byteinterval: " + err.Error())
		return r, nil
	}
	r.pass("Byteinterval: dækker hele filen undtagen signaturen")

	der, err := hex.DecodeString(string(pdf[d.contentsStart+1 : d.contentsEnd-1]))
	if err != nil {
		r.fail("Signatur: signaturfeltet er ikke gyldig hex")
		return r, nil
	}
	cms, rest, err := parseCMS(der)
	if err != nil {
		r.fail("Signatur: " + err.Error())
		return r, nil
	}
	if len(bytes.Trim(rest, "\x00")) > 0 {
		r.fail("Signatur: signaturfeltet indeholder data efter signaturen")
		return r, nil
	}
	r.Signer = cms.signer.Subject.CommonName
	r.Issuer = cms.signer.Issuer.CommonName

	h := cms.digestAlg.New()
	h.Write(pdf[:d.contentsStart])
	h.Write(pdf[d.contentsEnd:])
	switch {
	case !cms.contentType.Equal(oidData):
		r.fail("Digest: signaturens indholdstype er ikke data")
	case cms.messageDigest == nil:
		r.fail("Digest: signaturen har intet message-digest")
	case !bytes.Equal(h.Sum(nil), cms.messageDigest):
		r.fail("Digest: stemmer ikke – filen er ændret efter forseglingen")
	default:
		r.pass("Digest: stemmer")
	}

	if err := cms.checkSignature(); err != nil {
		r.fail("Signatur: ugyldig – " + err.Error())
	} else {
		r.pass("Signatur: gyldig")
	}

	switch {
	case !cms.hasSigningCertificateV2:
		r.fail("Certifikatreference: signing-certificate-v2 mangler")
	case !cms.certHashMatches():
		r.fail("Certifikatreference: signing-certificate-v2 passer ikke til certifikatet")
	default:
		r.pass("Certifikatreference: signing-certificate-v2 passer til certifikatet")
	}

	r.checkChain(cms, trusted)
	if !r.SignedAt.IsZero() {
		r.pass("Tidspunkt: " + dk.FormatDateTime(r.SignedAt) + " (fra computerens ur, ikke et tidsstempel)")
	}
	return r, nil
}

// checkChain verifies the signer's certificate up to a trusted one, with
// the certificates the seal carries as intermediates.
func (r *VerifyReport) checkChain(cms *cmsSignature, trusted *x509.CertPool) {
	cert := cms.signer
	name := fmt.Sprintf("%s, udstedt af %s", cert.Subject.CommonName, cert.Issuer.CommonName)
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		r.fail("Certifikat: " + name + ", må ikke bruges til at signere")
		return
	}
	if trusted == nil {
		trusted = x509.NewCertPool()
	}
	inter := x509.NewCertPool()
	for _, c := range cms.certs {
		if !c.Equal(cert) {
			inter.AddCert(c)
		}
	}
	chains, err := cert.Verify(x509.VerifyOptions{Roots: trusted, Intermediates: inter,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
	if err != nil {
		var unknown x509.UnknownAuthorityError
		var invalid x509.CertificateInvalidError
		switch {
		case errors.As(err, &unknown):
			r.fail("Certifikat: " + name + ", kæder IKKE til en CA, som denne installation stoler på")
		case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
			r.fail("Certifikat: " + name + ", er udløbet eller endnu ikke gyldigt")
		default:
			r.fail("Certifikat: " + name + ", kan ikke godkendes: " + err.Error())
		}
		return
	}
	r.Chained = true
	root := chains[0][len(chains[0])-1]
	if len(chains[0]) > 2 || root.Equal(cert) {
		name += ", kæder til " + root.Subject.CommonName
	}
	r.pass("Certifikat: " + name + "; denne installation stoler på udstederen")
}

// lastSignature finds the signature dictionary of the last /ByteRange in
// the file: the seal that covers the most.
func lastSignature(pdf []byte) (sigDict, error) {
	i := bytes.LastIndex(pdf, []byte("/ByteRange"))
	if i < 0 {
		return sigDict{}, errors.New("PDF'en har intet segl")
	}
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

// checkByteRange demands [0 a b c] with a and b the ends of /Contents and
// b+c the end of the file: nothing outside the signature is unsigned.
func checkByteRange(pdf []byte, d sigDict) error {
	v := strings.TrimSpace(lookup(d.entries, "ByteRange"))
	if !strings.HasPrefix(v, "[") || !strings.HasSuffix(v, "]") {
		return errors.New("/ByteRange er ikke en liste")
	}
	fs := strings.Fields(v[1 : len(v)-1])
	if len(fs) != 4 {
		return fmt.Errorf("/ByteRange har %d tal, ikke 4 (flere signerede afsnit eller et forkert segl)", len(fs))
	}
	var n [4]int
	for i, s := range fs {
		x, err := strconv.Atoi(s)
		if err != nil || x < 0 {
			return fmt.Errorf("/ByteRange indeholder %q", s)
		}
		n[i] = x
	}
	switch {
	case n[0] != 0:
		return errors.New("dækker ikke filens begyndelse")
	case n[1] != d.contentsStart || n[2] != d.contentsEnd:
		return errors.New("udelader andet end signaturen")
	case n[2]+n[3] != len(pdf):
		return fmt.Errorf("dækker ikke hele filen: %d byte efter det signerede", len(pdf)-n[2]-n[3])
	}
	for _, c := range pdf[d.contentsStart+1 : d.contentsEnd-1] {
		if !isHex(c) {
			return errors.New("signaturfeltet er ikke en ren hexstreng")
		}
	}
	return nil
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

// parsePDFDate reads D:YYYYMMDDHHmmSS with an optional zone (Z, +01'00').
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
	if zone == "" || zone == "Z" {
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
