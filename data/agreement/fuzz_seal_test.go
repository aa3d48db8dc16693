package agreement

import (
	"bytes"
	"path/filepath"
	"testing"
)

// FuzzVerify: no file makes Verify, ReadSealRecord or the sealer's own
// PDF parser panic, and a file that passes Verify with its holder trusted
// was sealed by that holder. The seeds (a sealed agreement, it changed,
// cut and signed twice) run as ordinary tests.
func FuzzVerify(f *testing.F) {
	s, _ := testSealer(f, "Slagelse Kommune")
	sealed := sealedSample(f, 0)
	f.Add(sealed)
	f.Add(sealed[:len(sealed)-10])
	f.Add(append(bytes.Clone(sealed), "x"...))
	changed := bytes.Clone(sealed)
	changed[len(changed)/2] ^= 1
	f.Add(changed)
	f.Add(mustRender(f))
	f.Add([]byte("%PDF-1.7\n/ByteRange [0 1 2 3] /Contents <00>"))
	f.Add([]byte("%PDF-" + string(bytes.Repeat([]byte("<<"), 1000))))
	f.Add([]byte("%PDF-1.4\n" + string(bytes.Repeat([]byte("["), 100000))))
	trust := s.Trust()
	f.Fuzz(func(t *testing.T, pdf []byte) {
		r, err := Verify(pdf, trust)
		if err == nil && r.OK && !r.Trusted {
			t.Fatalf("a report is OK without a trusted holder:\n%s", r)
		}
		ReadSealRecord(pdf)
		if p, err := parsePDF(pdf); err == nil {
			if c, _, err := p.dictObject(p.root.num); err == nil {
				p.firstPage(c)
			}
		}
		s.Seal(pdf, sealTime, "x", "y")
	})
}

// FuzzImportP12: no .p12 file (with any password) makes the import
// panic, and a refused one writes no key.
func FuzzImportP12(f *testing.F) {
	p12, _ := testP12(f, "hemmelig")
	f.Add(p12, "hemmelig")
	f.Add(p12, "forkert")
	f.Add(p12[:len(p12)/2], "hemmelig")
	f.Add([]byte{0x30, 0x80}, "")
	f.Add([]byte("ikke en p12"), "")
	f.Fuzz(func(t *testing.T, b []byte, password string) {
		dir := filepath.Join(t.TempDir(), "segl")
		if err := ImportP12(dir, b, password, false); err != nil {
			if kf, err := readKeyFile(filepath.Join(dir, importedKeyFile)); err == nil {
				t.Fatalf("a refused import left a key: %v", kf.path)
			}
		}
	})
}

// FuzzRenderInk: strokes of any shape render or are refused, never panic.
func FuzzRenderInk(f *testing.F) {
	f.Add(float32(0.1), float32(0.5), float32(0.9), float32(0.5), 900, 300)
	f.Add(float32(-1e30), float32(1e30), float32(0), float32(0), 10, 10)
	f.Add(float32(0.5), float32(0.5), float32(0.5), float32(0.5), 0, 300)
	f.Fuzz(func(t *testing.T, x1, y1, x2, y2 float32, w, h int) {
		if w > 2000 || h > 2000 {
			return // the pad's images are 900 wide; larger only costs time
		}
		RenderInk([][]Point{{{X: x1, Y: y1}, {X: x2, Y: y2}}}, w, h)
	})
}
