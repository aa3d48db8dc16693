//go:build !race

// The size limit is checked with 64 MB files, which the race detector
// makes some ten times slower to read; there is nothing concurrent here
// for it to find, so the -race run leaves this file out.

package csvio

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"partnerskab/data"
)

// sizedFile is a file of exactly size bytes: a header with a stray quote
// (which the reader refuses on line 1, before any other work) and spaces.
func sizedFile(size int64) io.Reader {
	head := "Navn;Ty\"pe\r\n"
	return io.MultiReader(strings.NewReader(head), io.LimitReader(spaces{}, size-int64(len(head))))
}

type spaces struct{}

var spaceBlock = bytes.Repeat([]byte(" "), 64<<10)

func (spaces) Read(p []byte) (int, error) { return copy(p, spaceBlock), nil }

// sizedDiskFile is sizedFile as a file on the disk reads: it can seek,
// so it is streamed.
func sizedDiskFile(size int64) io.Reader { return io.NewSectionReader(spacesAt{}, 0, size) }

type spacesAt struct{}

func (spacesAt) ReadAt(p []byte, off int64) (int, error) {
	head := "Navn;Ty\"pe\r\n"
	n := 0
	if off < int64(len(head)) {
		n = copy(p, head[off:])
	}
	for i := n; i < len(p); i++ {
		p[i] = ' '
	}
	return len(p), nil
}

// A file of MaxFileSize bytes is read; one byte more is refused whole,
// never cut short and imported in part.
func TestFileSizeLimit(t *testing.T) {
	for name, file := range map[string]func(int64) io.Reader{"in memory": sizedFile, "streamed": sizedDiskFile} {
		t.Run(name, func(t *testing.T) { fileSizeLimit(t, file) })
	}
}

func fileSizeLimit(t *testing.T, sizedFile func(int64) io.Reader) {
	_, err := partnersKind.Read(sizedFile(MaxFileSize))
	ie, ok := data.AsImportError(err)
	if !ok || len(ie.Problems) != 1 || ie.Problems[0].Line != 1 || !strings.Contains(ie.Problems[0].Text, "anførselstegn") {
		t.Errorf("a file of exactly %d bytes: %v; want it read (and its header's quote refused)", MaxFileSize, err)
	}
	_, err = partnersKind.Read(sizedFile(MaxFileSize + 1))
	if err == nil || err.Error() != "filen er større end 64 MB; del den op" {
		t.Errorf("a file one byte over the limit: %v", err)
	}
}
