package agreement

import (
	"fmt"
	"strings"
	"time"
)

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
	// Written is when the file counts as written, from a stored event (the
	// sealing, the sending, the last change); zero: noon on Date.
	Written time.Time
	Author  string // the organisation, in the file's properties
	Journal string // the journal number in the records system
	KLE     string // "27.12.00 G01"
	Lang    string // the text's language, "da-DK" when empty

	// A document that is not an agreement (a meeting's agenda or minutes)
	// names itself: Label in the header and footer ("Referat 5.3.2015"),
	// Kicker above the title, Subject in the file's properties, and
	// Details under the title instead of the date and place. Left empty,
	// they are an agreement's: "Aftale 2015-001", "Aftale nr. 2015-001".
	Label   string
	Kicker  string
	Subject string
	Details []Detail
}

// Detail is one line under the title: "Tid  kl. 9.30–11.30".
type Detail struct {
	Label, Value string
}

// headerLabel is the header's right-hand text: the label, and the
// journal and KLE numbers the agreement is filed under.
func (d Document) headerLabel() string {
	s := d.label()
	if d.Journal != "" {
		s += " · J.nr. " + d.Journal
	}
	if d.KLE != "" {
		s += " · KLE " + d.KLE
	}
	return strings.TrimPrefix(s, " · ")
}

// label is what the header and footer call the document.
func (d Document) label() string {
	switch {
	case d.Label != "":
		return d.Label
	case d.Number != "":
		return "Aftale " + d.Number
	}
	return ""
}

// kicker is the small line above the title.
func (d Document) kicker() string {
	switch {
	case d.Kicker != "":
		return d.Kicker
	case d.Number != "":
		return "Aftale nr. " + d.Number
	}
	return ""
}

// subject is the file's subject: where the text came from.
func (d Document) subject() string {
	if d.Subject != "" {
		return d.Subject
	}
	s := "Aftale " + d.Number
	if d.Template != "" {
		s += fmt.Sprintf(" · skabelon %s, version %d", d.Template, d.Version)
	}
	return strings.TrimSpace(s)
}

// details are the lines under the title: the Details given, or the
// agreement's date and place.
func (d Document) details() []Detail {
	if d.Details != nil {
		return d.Details
	}
	var out []Detail
	if s := longDate(d.Date); s != "" {
		out = append(out, Detail{"Dato", s})
	}
	if d.Place != "" {
		out = append(out, Detail{"Sted", d.Place})
	}
	if d.Journal != "" {
		out = append(out, Detail{"J.nr.", d.Journal})
	}
	if d.KLE != "" {
		out = append(out, Detail{"KLE", d.KLE})
	}
	return out
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
