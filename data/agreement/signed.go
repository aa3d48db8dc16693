package agreement

import "time"

// What a signed agreement's PDF shows besides its text: each signature as
// it was given, and the certificate page ("Underskriftsbevis") with the
// events and hashes. Document.Signed is nil for a draft or an agreement
// awaiting signatures.

// Signed holds what the signing recorded.
type Signed struct {
	Signatures     []GivenSignature // by signer, in the order of Document.Signers
	TemplateName   string
	TemplateVer    int
	TemplateSHA256 string
	BodySHA256     string // SHA-256 of the agreement's text as signed
	Events         []SignerEvents
	// ClockNote says that the times come from the laptop's clock and that
	// the seal protects the file against change (printed on the certificate page).
	ClockNote string
	// Record is the same in a form a program reads (record.go), written
	// into the PDF's XMP metadata.
	Record *SealRecord
	// SentAt is when the agreement was sent for signing, SealedAt when it
	// was sealed (the time the seal claims), Seal the seal's certificate:
	// all printed on the certificate page. Zero when not known.
	SentAt, SealedAt time.Time
	Seal             SealCertificate
}

// SealCertificate is what the certificate page says about the seal's
// certificate, so that a recipient can compare it with what verify prints.
type SealCertificate struct {
	Holder, Issuer    string
	Fingerprint       string // SHA-256 of the seal's certificate, hex
	IssuerFingerprint string // SHA-256 of the CA at the top of its chain, "" when it has none
}

// SignatureMethod is how a signature was given.
type SignatureMethod string

// The ways to sign.
const (
	MethodDrawn SignatureMethod = "drawn" // tegnet på skærm
	MethodTyped SignatureMethod = "typed" // maskinskrevet
	MethodPaper SignatureMethod = "paper" // papir
)

// GivenSignature is one signature block's filled-in part.
type GivenSignature struct {
	Method    SignatureMethod
	ImagePNG  []byte // drawn: the signature as a PNG with transparent background
	TypedName string // typed: the name as typed
	SignedAt  time.Time
	Place     string
}

// SignerEvents is one signer's line of the certificate page.
type SignerEvents struct {
	Name         string
	Title        string
	Organisation string
	Method       SignatureMethod
	Events       []Event
}

// Event is one step of the signing, as the audit log holds it.
type Event struct {
	At   time.Time
	Text string // "præsenteret", "læst og bekræftet", "underskrevet", "afvist: …"
}
