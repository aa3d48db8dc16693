package agreement

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"time"
)

// The XMP packet of every PDF: the PDF/A identification (part 2,
// conformance B), the Dublin Core title, creator and description, the
// dates and tools, equal to the information dictionary; and for a signed
// agreement its record (record.go) in the program's own schema, which
// PDF/A asks to be described by an extension schema in the packet itself.

// xmpArchivePacket writes the packet for m.
func xmpArchivePacket(m archiveMeta) ([]byte, error) {
	var b bytes.Buffer
	esc := func(s string) {
		_ = xml.EscapeText(&b, []byte(s)) // writes to a buffer: cannot fail
	}
	date := xmpDate(m.Written)
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")

	b.WriteString(`<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">` +
		"<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n")

	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`)
	b.WriteString("<dc:format>application/pdf</dc:format>")
	// dc's properties: a text in a language alternative, or a list of one.
	for _, p := range []struct{ name, container, li, value string }{
		{"title", "Alt", ` xml:lang="x-default"`, m.Title},
		{"creator", "Seq", "", m.Author},
		{"description", "Alt", ` xml:lang="x-default"`, m.Subject},
		{"language", "Bag", "", m.Lang},
	} {
		if p.value == "" {
			continue
		}
		b.WriteString("<dc:" + p.name + "><rdf:" + p.container + "><rdf:li" + p.li + ">")
		esc(p.value)
		b.WriteString("</rdf:li></rdf:" + p.container + "></dc:" + p.name + ">")
	}
	b.WriteString("</rdf:Description>\n")

	b.WriteString(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`)
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate><xmp:ModifyDate>" + date + "</xmp:ModifyDate>")
	b.WriteString("<xmp:MetadataDate>" + date + "</xmp:MetadataDate>")
	if m.Creator != "" {
		b.WriteString("<xmp:CreatorTool>")
		esc(m.Creator)
		b.WriteString("</xmp:CreatorTool>")
	}
	b.WriteString("</rdf:Description>\n")

	b.WriteString(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`)
	b.WriteString("<pdf:Producer>")
	esc(m.Producer)
	b.WriteString("</pdf:Producer></rdf:Description>\n")

	if m.Record != nil {
		js, err := json.Marshal(*m.Record)
		if err != nil {
			return nil, err
		}
		b.WriteString(recordSchema)
		b.WriteString(`<rdf:Description rdf:about="" xmlns:pskb="` + xmpNamespace + `"><pskb:Record>`)
		esc(string(js))
		b.WriteString("</pskb:Record></rdf:Description>\n")
	}
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return b.Bytes(), nil
}

// recordSchema describes the pskb:Record property for PDF/A validators.
const recordSchema = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"` +
	` xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">` +
	`<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">` +
	`<pdfaSchema:schema>Partnerskab: den underskrevne aftales erklæring</pdfaSchema:schema>` +
	`<pdfaSchema:namespaceURI>` + xmpNamespace + `</pdfaSchema:namespaceURI>` +
	`<pdfaSchema:prefix>pskb</pdfaSchema:prefix>` +
	`<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">` +
	`<pdfaProperty:name>Record</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>` +
	`<pdfaProperty:category>external</pdfaProperty:category>` +
	`<pdfaProperty:description>Aftalens nummer, titel, tekstens SHA-256, underskrivere og hændelser som JSON</pdfaProperty:description>` +
	`</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>` + "\n"

// xmpDate is an XMP date with its offset, "2015-02-21T14:03:00+01:00".
func xmpDate(t time.Time) string { return t.Format("2006-01-02T15:04:05Z07:00") }
