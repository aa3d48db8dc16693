package agreement

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Reading a detached CMS SignedData with one signer, as a seal holds it.

// cmsSignature is what Verify needs from the CMS.
type cmsSignature struct {
	certs                   []*x509.Certificate
	signer                  *x509.Certificate
	digestAlg               crypto.Hash
	signedAttrs             []byte // DER of the SET OF attributes, as signed
	sigAlg                  asn1.ObjectIdentifier
	signature               []byte
	contentType             asn1.ObjectIdentifier
	messageDigest           []byte
	certHashAlg             crypto.Hash // signing-certificate-v2's hash algorithm; 0 when absent
	certHash                []byte
	hasSigningCertificateV2 bool
}

var errCMS = errors.New("signaturen er ikke en gyldig CMS-struktur")

// parseCMS reads the CMS; trailing bytes (the /Contents padding) are left
// to the caller.
func parseCMS(der []byte) (*cmsSignature, []byte, error) {
	in := cryptobyte.String(der)
	var ci, content, sd cryptobyte.String
	var oid asn1.ObjectIdentifier
	if !in.ReadASN1(&ci, cbasn1.SEQUENCE) || !ci.ReadASN1ObjectIdentifier(&oid) || !oid.Equal(oidSignedData) ||
		!ci.ReadASN1(&content, tagContext0Constructed) || !content.ReadASN1(&sd, cbasn1.SEQUENCE) {
		return nil, nil, errCMS
	}
	var version int64
	var digestAlgs, encap, signerInfos cryptobyte.String
	if !sd.ReadASN1Int64WithTag(&version, cbasn1.INTEGER) || !sd.ReadASN1(&digestAlgs, cbasn1.SET) ||
		!sd.ReadASN1(&encap, cbasn1.SEQUENCE) {
		return nil, nil, errCMS
	}
	c := &cmsSignature{}
	var eContentType asn1.ObjectIdentifier
	if !encap.ReadASN1ObjectIdentifier(&eContentType) {
		return nil, nil, errCMS
	}
	if !encap.Empty() {
		return nil, nil, errors.New("signaturen er ikke løsrevet (detached): den indeholder selv et indhold")
	}
	var certSet cryptobyte.String
	var hasCerts bool
	if !sd.ReadOptionalASN1(&certSet, &hasCerts, tagContext0Constructed) {
		return nil, nil, errCMS
	}
	for !certSet.Empty() {
		var raw cryptobyte.String
		var tag cbasn1.Tag
		if !certSet.ReadAnyASN1Element(&raw, &tag) {
			return nil, nil, errCMS
		}
		if tag != cbasn1.SEQUENCE {
			continue // other certificate formats are not used
		}
		cert, err := x509.ParseCertificate(raw)
		if err != nil {
			return nil, nil, fmt.Errorf("certifikat i signaturen: %w", err)
		}
		c.certs = append(c.certs, cert)
	}
	if !sd.SkipOptionalASN1(tagContext1Constructed) || !sd.ReadASN1(&signerInfos, cbasn1.SET) {
		return nil, nil, errCMS
	}
	var si cryptobyte.String
	if !signerInfos.ReadASN1(&si, cbasn1.SEQUENCE) {
		return nil, nil, errCMS
	}
	if !signerInfos.Empty() {
		return nil, nil, errors.New("signaturen har mere end én underskriver")
	}
	if err := c.readSignerInfo(si); err != nil {
		return nil, nil, err
	}
	return c, in, nil
}

// readSignerInfo reads the one SignerInfo and finds its certificate.
func (c *cmsSignature) readSignerInfo(si cryptobyte.String) error {
	var version int64
	var sid cryptobyte.String
	var sidTag cbasn1.Tag
	if !si.ReadASN1Int64WithTag(&version, cbasn1.INTEGER) || !si.ReadAnyASN1Element(&sid, &sidTag) {
		return errCMS
	}
	var err error
	if c.signer, err = c.findSigner(sid, sidTag); err != nil {
		return err
	}
	var digestAlg asn1.ObjectIdentifier
	if !readAlgorithm(&si, &digestAlg) {
		return errCMS
	}
	if c.digestAlg = hashFor(digestAlg); c.digestAlg == 0 {
		return fmt.Errorf("ukendt digest-algoritme %v", digestAlg)
	}
	var attrsElem cryptobyte.String
	if !si.PeekASN1Tag(tagSignedAttrs) || !si.ReadASN1Element(&attrsElem, tagSignedAttrs) {
		return errors.New("signaturen har ingen signerede attributter")
	}
	// What was signed is the SET OF: the same bytes with the SET tag.
	c.signedAttrs = append([]byte{0x31}, attrsElem[1:]...)
	var attrs cryptobyte.String
	if !attrsElem.ReadASN1(&attrs, tagSignedAttrs) {
		return errCMS
	}
	if err := c.readAttributes(attrs); err != nil {
		return err
	}
	if !readAlgorithm(&si, &c.sigAlg) || !si.ReadASN1Bytes(&c.signature, cbasn1.OCTET_STRING) {
		return errCMS
	}
	return nil
}

// findSigner finds the certificate that sid (issuer and serial, or
// subject key identifier) names.
func (c *cmsSignature) findSigner(sid cryptobyte.String, tag cbasn1.Tag) (*x509.Certificate, error) {
	switch tag {
	case cbasn1.SEQUENCE:
		var inner, issuer cryptobyte.String
		serial := new(big.Int)
		if !sid.ReadASN1(&inner, cbasn1.SEQUENCE) || !inner.ReadASN1Element(&issuer, cbasn1.SEQUENCE) ||
			!inner.ReadASN1Integer(serial) {
			return nil, errCMS
		}
		for _, cert := range c.certs {
			if bytes.Equal(cert.RawIssuer, issuer) && cert.SerialNumber.Cmp(serial) == 0 {
				return cert, nil
			}
		}
	case tagSubjectKeyIdentifier:
		var ski cryptobyte.String
		if !sid.ReadASN1(&ski, tagSubjectKeyIdentifier) {
			return nil, errCMS
		}
		for _, cert := range c.certs {
			if len(cert.SubjectKeyId) > 0 && bytes.Equal(cert.SubjectKeyId, ski) {
				return cert, nil
			}
		}
	default:
		return nil, errCMS
	}
	return nil, errors.New("signaturen indeholder ikke underskriverens certifikat")
}

// readAttributes picks out content-type, message-digest and
// signing-certificate-v2.
func (c *cmsSignature) readAttributes(attrs cryptobyte.String) error {
	for !attrs.Empty() {
		var attr, values cryptobyte.String
		var oid asn1.ObjectIdentifier
		if !attrs.ReadASN1(&attr, cbasn1.SEQUENCE) || !attr.ReadASN1ObjectIdentifier(&oid) ||
			!attr.ReadASN1(&values, cbasn1.SET) {
			return errCMS
		}
		switch {
		case oid.Equal(oidAttrContentType):
			if !values.ReadASN1ObjectIdentifier(&c.contentType) {
				return errCMS
			}
		case oid.Equal(oidAttrMessageDigest):
			if !values.ReadASN1Bytes(&c.messageDigest, cbasn1.OCTET_STRING) {
				return errCMS
			}
		case oid.Equal(oidAttrSigningCertV2):
			if err := c.readSigningCertificateV2(values); err != nil {
				return err
			}
		}
	}
	return nil
}

// readSigningCertificateV2 reads the first ESSCertIDv2: the hash of the
// signer's certificate.
func (c *cmsSignature) readSigningCertificateV2(values cryptobyte.String) error {
	var scv2, certIDs, id cryptobyte.String
	if !values.ReadASN1(&scv2, cbasn1.SEQUENCE) || !scv2.ReadASN1(&certIDs, cbasn1.SEQUENCE) ||
		!certIDs.ReadASN1(&id, cbasn1.SEQUENCE) {
		return errors.New("signing-certificate-v2 kan ikke læses")
	}
	c.certHashAlg = crypto.SHA256
	if id.PeekASN1Tag(cbasn1.SEQUENCE) {
		var alg asn1.ObjectIdentifier
		if !readAlgorithm(&id, &alg) {
			return errors.New("signing-certificate-v2 kan ikke læses")
		}
		if c.certHashAlg = hashFor(alg); c.certHashAlg == 0 {
			return fmt.Errorf("signing-certificate-v2: ukendt hash-algoritme %v", alg)
		}
	}
	if !id.ReadASN1Bytes(&c.certHash, cbasn1.OCTET_STRING) {
		return errors.New("signing-certificate-v2 kan ikke læses")
	}
	c.hasSigningCertificateV2 = true
	return nil
}

// readAlgorithm reads an AlgorithmIdentifier's OID, ignoring parameters.
func readAlgorithm(s *cryptobyte.String, oid *asn1.ObjectIdentifier) bool {
	var alg cryptobyte.String
	return s.ReadASN1(&alg, cbasn1.SEQUENCE) && alg.ReadASN1ObjectIdentifier(oid)
}

// hashFor maps a digest OID to its hash; 0 for one not accepted.
func hashFor(oid asn1.ObjectIdentifier) crypto.Hash {
	switch {
	case oid.Equal(oidSHA256):
		return crypto.SHA256
	case oid.Equal(oidSHA384):
		return crypto.SHA384
	case oid.Equal(oidSHA512):
		return crypto.SHA512
	}
	return 0
}

// checkSignature verifies the signature over the signed attributes with
// the signer's public key.
func (c *cmsSignature) checkSignature() error {
	h := c.digestAlg.New()
	h.Write(c.signedAttrs)
	sum := h.Sum(nil)
	switch pub := c.signer.PublicKey.(type) {
	case *rsa.PublicKey:
		switch {
		case c.sigAlg.Equal(oidRSAEncryption), c.sigAlg.Equal(oidSHA256WithRSA),
			c.sigAlg.Equal(oidSHA384WithRSA), c.sigAlg.Equal(oidSHA512WithRSA):
			return rsa.VerifyPKCS1v15(pub, c.digestAlg, sum, c.signature)
		}
	case *ecdsa.PublicKey:
		switch {
		case c.sigAlg.Equal(oidECPublicKey), c.sigAlg.Equal(oidECDSAWithSHA256),
			c.sigAlg.Equal(oidECDSAWithSHA384), c.sigAlg.Equal(oidECDSAWithSHA512):
			if ecdsa.VerifyASN1(pub, sum, c.signature) {
				return nil
			}
			return errors.New("ECDSA-signaturen passer ikke")
		}
	}
	return fmt.Errorf("signaturalgoritmen %v passer ikke til nøglen", c.sigAlg)
}

// certHashMatches compares signing-certificate-v2's hash with the signer's
// certificate.
func (c *cmsSignature) certHashMatches() bool {
	if c.certHashAlg == crypto.SHA256 {
		sum := sha256.Sum256(c.signer.Raw)
		return bytes.Equal(sum[:], c.certHash)
	}
	h := c.certHashAlg.New()
	h.Write(c.signer.Raw)
	return bytes.Equal(h.Sum(nil), c.certHash)
}
