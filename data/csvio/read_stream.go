package csvio

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// A file on the disk is read twice and never held whole: once to learn
// what the whole file decides (its size against MaxFileSize, whether it is
// valid UTF-8 or else Windows-1252, whether its lines end with CR alone),
// and once to import it, record by record. A 50 MB file then needs the
// memory of a few records, not of the file; it reads exactly as decode and
// openRecords read it in memory.

// streamBuffer is the reading buffer; a header line longer than it picks
// its delimiter from the buffer's first part.
const streamBuffer = 64 << 10

// streamRecords opens the records of rs from where it stands. ok is false
// when rs cannot seek after all (a pipe): the caller reads it whole.
func streamRecords(rs io.ReadSeeker) (_ *records, ok bool, _ error) {
	start, err := rs.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil, false, nil
	}
	head := make([]byte, 4096)
	n, err := io.ReadFull(rs, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, true, readError(err)
	}
	enc, skip := unicodeOf(head[:n])
	if _, err := rs.Seek(start, io.SeekStart); err != nil {
		return nil, true, readError(err)
	}
	sc, err := scanFile(rs, enc, skip)
	if err != nil {
		return nil, true, err
	}
	if _, err := rs.Seek(start+int64(skip), io.SeekStart); err != nil {
		return nil, true, readError(err)
	}
	var r io.Reader = io.LimitReader(rs, sc.size-int64(skip))
	if enc == nil && !sc.validUTF8 {
		enc = charmap.Windows1252
	}
	if enc != nil {
		r = transform.NewReader(r, enc.NewDecoder())
	}
	if sc.cr && !sc.lf {
		r = crToLF{r}
	}
	br := bufio.NewReaderSize(r, streamBuffer)
	header, _ := br.Peek(streamBuffer)
	return newRecords(readErrors{br}, delimiter(header)), true, nil
}

// fileScan is what the first reading learns of the whole file.
type fileScan struct {
	size      int64 // bytes, a byte order mark included
	validUTF8 bool  // after a UTF-8 byte order mark; false for UTF-16
	cr, lf    bool  // the decoded text has a CR, an LF
}

func scanFile(rs io.Reader, enc encoding.Encoding, skip int) (fileScan, error) {
	counted := &countingReader{r: io.LimitReader(rs, MaxFileSize+1)}
	var sc fileScan
	var err error
	if enc != nil {
		err = scanText(transform.NewReader(counted, enc.NewDecoder()), &sc, nil)
	} else {
		if _, err = io.CopyN(io.Discard, counted, int64(skip)); errors.Is(err, io.EOF) {
			err = nil
		}
		if err == nil {
			v := utf8Validator{valid: true}
			err = scanText(counted, &sc, &v)
			sc.validUTF8 = v.end()
		}
	}
	sc.size = counted.n
	if counted.err != nil {
		return sc, readError(counted.err)
	}
	if sc.size > MaxFileSize {
		return sc, tooLarge()
	}
	if err != nil {
		return sc, errUTF16 // only a decoder fails on its own
	}
	return sc, nil
}

// scanText reads r to its end, noting CR and LF and, when v is given,
// whether the bytes are valid UTF-8.
func scanText(r io.Reader, sc *fileScan, v *utf8Validator) error {
	buf := make([]byte, streamBuffer)
	for {
		n, err := r.Read(buf)
		chunk := buf[:n]
		sc.cr = sc.cr || bytes.IndexByte(chunk, '\r') >= 0
		sc.lf = sc.lf || bytes.IndexByte(chunk, '\n') >= 0
		if v != nil {
			v.write(chunk)
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// utf8Validator is utf8.Valid over a file read in chunks: a character cut
// by a chunk's end waits for the next chunk.
type utf8Validator struct {
	valid bool
	carry []byte
}

func (v *utf8Validator) write(p []byte) {
	if !v.valid || len(p) == 0 {
		return
	}
	if len(v.carry) > 0 {
		// At most three bytes are carried: complete that character first.
		need := min(utf8.UTFMax-len(v.carry), len(p))
		joined := append(v.carry, p[:need]...)
		if !utf8.FullRune(joined) {
			v.carry = joined
			return
		}
		r, size := utf8.DecodeRune(joined)
		if r == utf8.RuneError && size <= 1 {
			v.valid = false
			return
		}
		p = p[size-len(v.carry):]
		v.carry = v.carry[:0]
	}
	// Leave a last character that is not whole for the next chunk.
	cut := len(p)
	for i := len(p) - 1; i >= 0 && i >= len(p)-utf8.UTFMax; i-- {
		if utf8.RuneStart(p[i]) {
			if !utf8.FullRune(p[i:]) {
				cut = i
			}
			break
		}
	}
	if !utf8.Valid(p[:cut]) {
		v.valid = false
		return
	}
	v.carry = append(v.carry, p[cut:]...)
}

// end is whether the whole file was valid UTF-8.
func (v *utf8Validator) end() bool { return v.valid && len(v.carry) == 0 }

type countingReader struct {
	r   io.Reader
	n   int64
	err error // the first error other than the end
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && !errors.Is(err, io.EOF) && c.err == nil {
		c.err = err
	}
	return n, err
}

// crToLF ends lines written with CR alone with LF, as openRecords does.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// readErrors gives an error of the second reading (the file changed or
// went away under the import) in Danish; the import is then rolled back.
type readErrors struct{ r io.Reader }

func (e readErrors) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		return n, readError(err)
	}
	return n, err
}
