package agreement

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"fmt"
	"sort"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// The CMS SignedData (RFC 5652) that a PAdES seal carries, written by hand
// with cryptobyte: detached (no content inside; the content is the PDF's
// byte range), SHA-256, and the signed attributes PAdES baseline asks for:
// content-type, message-digest and ESS signing-certificate-v2 (RFC 5035),
// which binds the signature to the certificate's hash. PAdES baseline
// forbids the CMS signing-time attribute; the claimed time is the
// signature dictionary's /M.

var (
	oidData                 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidAttrContentType      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidAttrMessageDigest    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidAttrSigningTime      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 5}
	oidAttrSigningCertV2    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidSHA256               = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidSHA384               = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}
	oidSHA512               = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}
	oidRSAEncryption        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidSHA256WithRSA        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 11}
	oidSHA384WithRSA        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 12}
	oidSHA512WithRSA        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 13}
	oidECDSAWithSHA256      = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2}
	oidECDSAWithSHA384      = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 3}
	oidECDSAWithSHA512      = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 4}
	oidECPublicKey          = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
	tagContext0Constructed  = cbasn1.Tag(0).Constructed().ContextSpecific()
	tagContext1Constructed  = cbasn1.Tag(1).Constructed().ContextSpecific()
	tagDirectoryName        = cbasn1.Tag(4).Constructed().ContextSpecific()
	tagSignedAttrs          = tagContext0Constructed
	tagSubjectKeyIdentifier = cbasn1.Tag(0).ContextSpecific()
)

// signCMS makes the detached CMS SignedData over a content whose SHA-256
// is digest, signed by key for cert, carrying cert and chain.
func signCMS(digest []byte, key crypto.Signer, cert *x509.Certificate, chain []*x509.Certificate) ([]byte, error) {
	attrs := signedAttributes(digest, cert)
	// The signature covers the attributes encoded as a SET OF (tag 0x31);
	// SignerInfo carries the same bytes under [0] IMPLICIT.
	toSign := cryptobyte.NewBuilder(nil)
	toSign.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) { b.AddBytes(attrs) })
	signedBytes, err := toSign.Bytes()
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256(signedBytes)
	signature, err := key.Sign(rand.Reader, h[:], crypto.SHA256)
	if err != nil {
		return nil, fmt.Errorf("signér: %w", err)
	}
	var sigAlg asn1.ObjectIdentifier
	switch key.Public().(type) {
	case *rsa.PublicKey:
		sigAlg = oidRSAEncryption
	case *ecdsa.PublicKey:
		sigAlg = oidECDSAWithSHA256
	default:
		return nil, fmt.Errorf("nøgletypen %T understøttes ikke", key.Public())
	}

	// CertificateSet is a SET OF: DER wants its members sorted.
	certs := [][]byte{cert.Raw}
	for _, c := range chain {
		if !c.Equal(cert) {
			certs = append(certs, c.Raw)
		}
	}
	sort.Slice(certs, func(i, j int) bool { return bytes.Compare(certs[i], certs[j]) < 0 })

	b := cryptobyte.NewBuilder(nil)
	b.AddASN1(cbasn1.SEQUENCE, func(ci *cryptobyte.Builder) { // ContentInfo
		ci.AddASN1ObjectIdentifier(oidSignedData)
		ci.AddASN1(tagContext0Constructed, func(c0 *cryptobyte.Builder) {
			c0.AddASN1(cbasn1.SEQUENCE, func(sd *cryptobyte.Builder) { // SignedData
				sd.AddASN1Int64(1)
				sd.AddASN1(cbasn1.SET, func(s *cryptobyte.Builder) { addAlgorithm(s, oidSHA256, false) })
				sd.AddASN1(cbasn1.SEQUENCE, func(e *cryptobyte.Builder) { e.AddASN1ObjectIdentifier(oidData) })
				sd.AddASN1(tagContext0Constructed, func(c *cryptobyte.Builder) {
					for _, raw := range certs {
						c.AddBytes(raw)
					}
				})
				sd.AddASN1(cbasn1.SET, func(s *cryptobyte.Builder) {
					s.AddASN1(cbasn1.SEQUENCE, func(si *cryptobyte.Builder) { // SignerInfo
						si.AddASN1Int64(1)
						addIssuerSerial(si, cert)
						addAlgorithm(si, oidSHA256, false)
						si.AddASN1(tagSignedAttrs, func(a *cryptobyte.Builder) { a.AddBytes(attrs) })
						addAlgorithm(si, sigAlg, sigAlg.Equal(oidRSAEncryption))
						si.AddASN1OctetString(signature)
					})
				})
			})
		})
	})
	return b.Bytes()
}

// signedAttributes returns the attributes' DER, each one an Attribute,
// in the order DER gives a SET OF.
func signedAttributes(digest []byte, cert *x509.Certificate) []byte {
	certHash := sha256.Sum256(cert.Raw)
	attrs := [][]byte{
		attribute(oidAttrContentType, func(v *cryptobyte.Builder) { v.AddASN1ObjectIdentifier(oidData) }),
		attribute(oidAttrMessageDigest, func(v *cryptobyte.Builder) { v.AddASN1OctetString(digest) }),
		attribute(oidAttrSigningCertV2, func(v *cryptobyte.Builder) {
			v.AddASN1(cbasn1.SEQUENCE, func(scv2 *cryptobyte.Builder) { // SigningCertificateV2
				scv2.AddASN1(cbasn1.SEQUENCE, func(certsSeq *cryptobyte.Builder) {
					certsSeq.AddASN1(cbasn1.SEQUENCE, func(id *cryptobyte.Builder) { // ESSCertIDv2
						// hashAlgorithm is left out: its DEFAULT is SHA-256.
						id.AddASN1OctetString(certHash[:])
						id.AddASN1(cbasn1.SEQUENCE, func(is *cryptobyte.Builder) { // IssuerSerial
							is.AddASN1(cbasn1.SEQUENCE, func(names *cryptobyte.Builder) { // GeneralNames
								names.AddASN1(tagDirectoryName, func(dn *cryptobyte.Builder) { dn.AddBytes(cert.RawIssuer) })
							})
							is.AddASN1BigInt(cert.SerialNumber)
						})
					})
				})
			})
		}),
	}
	sort.Slice(attrs, func(i, j int) bool { return bytes.Compare(attrs[i], attrs[j]) < 0 })
	return bytes.Join(attrs, nil)
}

// attribute writes Attribute ::= SEQUENCE { type, SET OF value } with one value.
func attribute(oid asn1.ObjectIdentifier, value func(*cryptobyte.Builder)) []byte {
	b := cryptobyte.NewBuilder(nil)
	b.AddASN1(cbasn1.SEQUENCE, func(a *cryptobyte.Builder) {
		a.AddASN1ObjectIdentifier(oid)
		a.AddASN1(cbasn1.SET, value)
	})
	return b.BytesOrPanic()
}

// addAlgorithm writes an AlgorithmIdentifier, with NULL parameters where
// the algorithm's definition has them (rsaEncryption).
func addAlgorithm(b *cryptobyte.Builder, oid asn1.ObjectIdentifier, null bool) {
	b.AddASN1(cbasn1.SEQUENCE, func(a *cryptobyte.Builder) {
		a.AddASN1ObjectIdentifier(oid)
		if null {
			a.AddASN1NULL()
		}
	})
}

// addIssuerSerial writes IssuerAndSerialNumber, the signer's identifier.
func addIssuerSerial(b *cryptobyte.Builder, cert *x509.Certificate) {
	b.AddASN1(cbasn1.SEQUENCE, func(is *cryptobyte.Builder) {
		is.AddBytes(cert.RawIssuer)
		is.AddASN1BigInt(cert.SerialNumber)
	})
}
