package agreement

import "time"

// Document is everything the PDF needs besides the text: who the parties
// and signatories are, the agreement's number and dates, and its state.
type Document struct {
	Number    string    // "2015-001"
	Title     string    // "Partnerskabsaftale af 2. orden"
	Date      time.Time // the agreement's date; also the PDF's fixed creation date
	Place     string    // "Korsør"
	Parties   []Party
	Body      []Block // Parse(merged Markdown)
	Signers   []Signer
	Draft     bool // prints a visible "UDKAST" mark on every page
	Example   bool // prints "EKSEMPEL" on every page (the demo case)
	Template  string
	Version   int
	Signed    *Signed   // the signatures and the certificate page; nil until signed
	Generated time.Time // ignored for the bytes: output is deterministic for the same input
}

// Party is one row of the parties' table.
type Party struct {
	Name    string
	CVR     string
	Kind    string // Danish label, "Socialøkonomisk virksomhed"
	Role    string
	Contact string // contact person, "Lene Østergaard, indehaver"
}

// Signer is one signature block: blank lines to sign on paper (the signing
// feature adds the drawn signature and when and where it was given).
type Signer struct {
	Name         string
	Title        string
	Organisation string
}
