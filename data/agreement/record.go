package agreement

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The sealed PDF states what was signed in a form a program can read: an
// XMP metadata packet (PDF/A's place for metadata) carrying the
// agreement's number, title, the SHA-256 of its text and template, its
// signatories and how each signed, and the audit events of the signing
// with their places in the hash chain. The packet sits inside the sealed
// bytes, so the seal vouches for it as for the certificate page, which
// says the same in words. `partnerskab check` compares the database's
// rows with it (CheckSigned): a signed agreement whose text, title,
// signatories or events were changed behind the triggers is found.

// recordFormat is the version of SealRecord's layout.
const recordFormat = 1

// SealRecord is what a sealed PDF states about its agreement.
type SealRecord struct {
	Format         int               `json:"format"`
	Number         string            `json:"number"`
	Title          string            `json:"title"`
	BodySHA256     string            `json:"body_sha256"`
	TemplateSHA256 string            `json:"template_sha256,omitempty"`
	Signatories    []RecordSignatory `json:"signatories"`
	Events         []RecordEvent     `json:"events"`
}

// RecordSignatory is one signatory as signed.
type RecordSignatory struct {
	Name         string `json:"name"`
	Title        string `json:"title,omitempty"`
	Organisation string `json:"organisation,omitempty"`
	Method       string `json:"method"`
	SignedAt     string `json:"signed_at"` // as the signatures table holds it
	Place        string `json:"place,omitempty"`
}

// RecordEvent is one audit event of the agreement and its chain hash.
type RecordEvent struct {
	ID   int64  `json:"id"`
	Hash string `json:"hash"`
}

const xmpNamespace = "urn:partnerskab:aftale:1"

// errNoRecord is a sealed PDF without a record (made by an earlier version).
var errNoRecord = errors.New("PDF'en har ingen maskinlæsbar erklæring")

// maxRecordBytes bounds the packet read from a file.
const maxRecordBytes = 1 << 20

// ReadSealRecord reads the record a sealed PDF states. It does not judge
// the seal: call Verify first, for the record is only worth what the seal
// over it is.
func ReadSealRecord(pdf []byte) (SealRecord, error) {
	f, err := parsePDF(pdf)
	if err != nil {
		return SealRecord{}, err
	}
	catalog, _, err := f.dictObject(f.root.num)
	if err != nil {
		return SealRecord{}, fmt.Errorf("katalog: %w", err)
	}
	r, err := parseRef(lookup(catalog, "Metadata"))
	if err != nil {
		if r, err = f.metadataObject(); err != nil {
			return SealRecord{}, errNoRecord
		}
	}
	data, err := f.stream(r.num)
	if err != nil {
		return SealRecord{}, fmt.Errorf("XMP: %w", err)
	}
	var packet struct {
		RDF struct {
			Description []struct {
				Record string `xml:"urn:partnerskab:aftale:1 Record"`
			} `xml:"http://www.w3.org/1999/02/22-rdf-syntax-ns# Description"`
		} `xml:"http://www.w3.org/1999/02/22-rdf-syntax-ns# RDF"`
	}
	if err := xml.Unmarshal(data, &packet); err != nil {
		return SealRecord{}, fmt.Errorf("XMP kan ikke læses: %v", err)
	}
	for _, d := range packet.RDF.Description {
		if strings.TrimSpace(d.Record) == "" {
			continue
		}
		var rec SealRecord
		if err := json.Unmarshal([]byte(d.Record), &rec); err != nil {
			return SealRecord{}, fmt.Errorf("erklæringen kan ikke læses: %v", err)
		}
		if rec.Format != recordFormat {
			return SealRecord{}, fmt.Errorf("erklæringen har et ukendt format (%d)", rec.Format)
		}
		return rec, nil
	}
	return SealRecord{}, errNoRecord
}

// metadataObject finds the XMP object of a file whose catalog does not
// name it (gofpdf writes the object but no /Metadata entry).
func (f *pdfFile) metadataObject() (ref, error) {
	best := 0
	for n := range f.objects {
		d, _, err := f.dictObject(n)
		if err == nil && lookup(d, "Type") == "/Metadata" && lookup(d, "Subtype") == "/XML" && n > best {
			best = n
		}
	}
	if best == 0 {
		return ref{}, errNoRecord
	}
	return ref{best, f.objects[best].gen}, nil
}

// stream returns object n's stream data, unfiltered streams only.
func (f *pdfFile) stream(n int) ([]byte, error) {
	vStart, vEnd, _, err := f.objectBounds(n)
	if err != nil {
		return nil, err
	}
	d, err := parseDict(f.b[vStart:vEnd])
	if err != nil {
		return nil, err
	}
	if lookup(d, "Filter") != "" {
		return nil, errors.New("strømmen er komprimeret")
	}
	length, err := strconv.Atoi(strings.TrimSpace(lookup(d, "Length")))
	if err != nil || length < 0 || length > maxRecordBytes {
		return nil, errors.New("strømmens /Length kan ikke bruges")
	}
	p := skipSpace(f.b, vEnd)
	if !bytes.HasPrefix(f.b[p:], []byte("stream")) {
		return nil, errors.New("strømmen mangler")
	}
	p += len("stream")
	if p < len(f.b) && f.b[p] == '\r' {
		p++
	}
	if p < len(f.b) && f.b[p] == '\n' {
		p++
	}
	if p+length > len(f.b) {
		return nil, errors.New("strømmen er afkortet")
	}
	return f.b[p : p+length], nil
}
