package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image/png"
	"io"
)

// icoSizes are the sizes Windows asks an icon file for: the Start menu,
// the taskbar, Explorer's views and Apps & features each pick one.
var icoSizes = []int{16, 24, 32, 48, 64, 256}

// writeICO writes a Windows icon file with the icon drawn at each size.
// Every entry is a PNG, which Windows reads since Vista; drawing each size
// anew keeps the small ones sharp instead of scaling the big one down.
func writeICO(w io.Writer, sizes []int) error {
	var images [][]byte
	for _, s := range sizes {
		if s < 1 || s > 256 {
			return fmt.Errorf("an icon entry is 1 to 256 pixels, not %d", s)
		}
		var b bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&b, render(s)); err != nil {
			return err
		}
		images = append(images, b.Bytes())
	}
	// ICONDIR, then one ICONDIRENTRY per image, then the images.
	var head bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&head, le, [3]uint16{0, 1, uint16(len(sizes))})
	offset := 6 + 16*len(sizes)
	for i, s := range sizes {
		dim := uint8(s % 256) // 0 means 256
		binary.Write(&head, le, struct {
			Width, Height, Colors, Reserved uint8
			Planes, BitCount                uint16
			Size, Offset                    uint32
		}{dim, dim, 0, 0, 1, 32, uint32(len(images[i])), uint32(offset)})
		offset += len(images[i])
	}
	if _, err := w.Write(head.Bytes()); err != nil {
		return err
	}
	for _, img := range images {
		if _, err := w.Write(img); err != nil {
			return err
		}
	}
	return nil
}
