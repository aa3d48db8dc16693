package agreement

import (
	"testing"
)

// benchSealed is the ten-page benchmark agreement, rendered and sealed.
func benchSealed(b *testing.B) (*Sealer, []byte, []byte) {
	b.Helper()
	pdf, err := RenderPDF(benchDocument(b))
	if err != nil {
		b.Fatal(err)
	}
	s, _ := testSealer(b, "Slagelse Kommune")
	sealed, err := s.Seal(pdf, sealTime, "Underskrevet", "Korsør")
	if err != nil {
		b.Fatal(err)
	}
	return s, pdf, sealed
}

// BenchmarkSeal seals a ten-page agreement: parse the trailer, append the
// update, hash the file, sign with RSA 3072.
func BenchmarkSeal(b *testing.B) {
	s, pdf, _ := benchSealed(b)
	b.SetBytes(int64(len(pdf)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Seal(pdf, sealTime, "Underskrevet", "Korsør"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify checks a sealed ten-page agreement: byte range, digest,
// CMS signature, signing-certificate-v2 and the chain.
func BenchmarkVerify(b *testing.B) {
	s, _, sealed := benchSealed(b)
	trusted := s.Trust()
	b.SetBytes(int64(len(sealed)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := Verify(sealed, trusted)
		if err != nil || !r.OK {
			b.Fatalf("Verify: %v\n%s", err, r)
		}
	}
}
