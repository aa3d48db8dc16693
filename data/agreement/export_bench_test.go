package agreement

import (
	"bytes"
	"context"
	"testing"
)

// BenchmarkExportSigned is the work done when the last signature is given
// (Finish, less the database write): render a ten-page agreement signed
// four ways, two of them drawn as the pad stores them (900×300 PNGs from
// RenderInk), with its certificate page, and seal it.
func BenchmarkExportSigned(b *testing.B) {
	doc := signedDocument(b, 14)
	for i, name := range []string{"Lene Østergaard", "", "", "Yasmin Haddad"} {
		if name == "" {
			continue
		}
		img, err := RenderInk(demoStrokes(name), 900, 300)
		if err != nil {
			b.Fatal(err)
		}
		doc.Signed.Signatures[i].ImagePNG = img
	}
	out, err := RenderPDF(doc)
	if err != nil {
		b.Fatal(err)
	}
	if n := bytes.Count(out, []byte("/Type /Page\n")); n != 10 {
		b.Fatalf("the benchmark document has %d pages, want 10", n)
	}
	sealer, _ := testSealer(b, "Slagelse Kommune")
	b.ReportAllocs()
	for b.Loop() {
		pdf, err := RenderPDF(doc)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := sealer.Seal(pdf, sealTime, "Underskrevet aftale 2015-001", "Korsør"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportStoredSigned is exporting an agreement that is signed
// already: reading the stored sealed bytes.
func BenchmarkExportStoredSigned(b *testing.B) {
	s := demoWithAgreements(b)
	ctx := context.Background()
	a := demoAgreement(b, s, "signed")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ExportPDF(ctx, s, nil, a.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderInk draws a signature as the pad stores it.
func BenchmarkRenderInk(b *testing.B) {
	strokes := demoStrokes("Anders Bjerregaard-Hansen")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderInk(strokes, 900, 300); err != nil {
			b.Fatal(err)
		}
	}
}
