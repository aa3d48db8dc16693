package main

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"testing"
)

// The icon file holds one PNG per size, each at the size its entry claims,
// where Windows' icon loader looks for it.
func TestWriteICO(t *testing.T) {
	var b bytes.Buffer
	if err := writeICO(&b, icoSizes); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	le := binary.LittleEndian
	if reserved, kind, n := le.Uint16(data[0:]), le.Uint16(data[2:]), int(le.Uint16(data[4:])); reserved != 0 || kind != 1 || n != len(icoSizes) {
		t.Fatalf("header: reserved %d, type %d, %d images; want 0, 1 (icon), %d", reserved, kind, n, len(icoSizes))
	}
	for i, want := range icoSizes {
		e := data[6+16*i:]
		w, h := int(e[0]), int(e[1])
		if w == 0 {
			w = 256
		}
		if h == 0 {
			h = 256
		}
		size, off := le.Uint32(e[8:]), le.Uint32(e[12:])
		if int(off+size) > len(data) {
			t.Fatalf("entry %d points past the end of the file", i)
		}
		img, err := png.Decode(bytes.NewReader(data[off : off+size]))
		if err != nil {
			t.Fatalf("entry %d (%dpx) is not a PNG: %v", i, want, err)
		}
		if got := img.Bounds().Dx(); w != want || h != want || got != want || img.Bounds().Dy() != want {
			t.Errorf("entry %d: header says %dx%d, PNG is %dx%d; want %d", i, w, h, got, img.Bounds().Dy(), want)
		}
	}
	if err := writeICO(&b, []int{512}); err == nil {
		t.Error("a 512 pixel entry was accepted; ICO entries stop at 256")
	}
}
