package agreement

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// withByteRange rewrites the seal's /ByteRange to n, keeping the file's
// length (the array is padded to a fixed width when the seal is made).
func withByteRange(t *testing.T, sealed []byte, n [4]int) []byte {
	t.Helper()
	loc := regexp.MustCompile(`/ByteRange \[[0-9 ]+\]`).FindIndex(sealed)
	if loc == nil {
		t.Fatal("no /ByteRange")
	}
	old := sealed[loc[0]:loc[1]]
	repl := fmt.Sprintf("/ByteRange [%d %d %d %d", n[0], n[1], n[2], n[3])
	if len(repl)+1 > len(old) {
		t.Fatalf("%q does not fit in %q", repl, old)
	}
	repl += strings.Repeat(" ", len(old)-len(repl)-1) + "]"
	return append(append(append([]byte{}, sealed[:loc[0]]...), repl...), sealed[loc[1]:]...)
}

// A /ByteRange must leave out exactly the /Contents string: one that
// starts or ends a byte off, even while it still covers the file's end,
// leaves something unsigned or signs part of the signature, and Verify
// says so in its byte range line, as pdfsig refuses the file.
func TestVerifyRefusesAByteRangeOffTheContents(t *testing.T) {
	sealed := sealedSample(t, 0)
	s, _ := testSealer(t, "Slagelse Kommune")
	br := signedRange(t, sealed)
	for _, tc := range []struct {
		name string
		n    [4]int
	}{
		{"ends a byte after /Contents", [4]int{0, br[1], br[2] + 1, br[3] - 1}},
		{"ends a byte inside /Contents", [4]int{0, br[1], br[2] - 1, br[3] + 1}},
		{"starts a byte inside /Contents", [4]int{0, br[1] + 1, br[2], br[3]}},
		{"starts a byte before /Contents", [4]int{0, br[1] - 1, br[2], br[3]}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tampered := withByteRange(t, sealed, tc.n)
			if len(tampered) != len(sealed) {
				t.Fatalf("the rewrite changed the length")
			}
			r, err := Verify(tampered, s.Trust())
			if err != nil {
				t.Fatal(err)
			}
			if r.OK || !strings.Contains(r.String(), "Byteinterval: udelader andet end signaturen") {
				t.Errorf("Verify:\n%s", r)
			}
			if out := pdfsig(t, writeTemp(t, "byteinterval.pdf", tampered)); strings.Contains(out, "Signature is Valid.") &&
				strings.Contains(out, "Total document signed") {
				t.Errorf("pdfsig accepts it:\n%s", out)
			}
		})
	}
	// The same rewrite with the true numbers is the sealed file itself.
	if again := withByteRange(t, sealed, br); !bytes.Equal(again, sealed) {
		t.Error("rewriting the /ByteRange with its own numbers changed the file")
	}
}
