package agreement

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// gofpdf compresses every page and every palette with a zlib writer of its
// own, and a new writer allocates and clears about a megabyte of tables:
// a third of what a ten-page rendering allocated. The renderer therefore
// asks gofpdf for uncompressed pages (SetCompression(false)) and archive
// compresses those streams with writers kept in a pool, at gofpdf's level
// (BestSpeed) and in gofpdf's dictionary, so the file is the same byte for
// byte: a reset zlib writer writes what a new one writes.

var deflaters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // a valid level: cannot fail
	return w
}}

// deflate is data compressed as gofpdf compresses a page.
func deflate(data []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(data)/2 + 64)
	w := deflaters.Get().(*zlib.Writer)
	w.Reset(&buf)
	w.Write(data) // writes to a buffer: cannot fail
	w.Close()
	w.Reset(nil) // let go of buf
	deflaters.Put(w)
	return buf.Bytes()
}

// plainStreams are the objects gofpdf would have compressed: each page's
// contents and the palette of each indexed image (the drawn signatures);
// and the pages' resource dictionaries.
func (f *pdfFile) plainStreams(catalog []kv) (map[int]bool, map[int]bool, error) {
	out := map[int]bool{}
	pages, err := parseRef(lookup(catalog, "Pages"))
	if err != nil {
		return nil, nil, fmt.Errorf("katalogets /Pages: %w", err)
	}
	root, _, err := f.dictObject(pages.num)
	if err != nil {
		return nil, nil, err
	}
	kids, err := parseRefs(lookup(root, "Kids"))
	if err != nil {
		return nil, nil, fmt.Errorf("siderne: %w", err)
	}
	resources := map[int]bool{}
	for _, k := range kids {
		page, _, err := f.dictObject(k.num)
		if err != nil {
			return nil, nil, err
		}
		c, err := parseRef(lookup(page, "Contents"))
		if err != nil {
			return nil, nil, fmt.Errorf("side %d: /Contents: %w", k.num, err)
		}
		out[c.num] = true
		if r, err := parseRef(lookup(page, "Resources")); err == nil {
			resources[r.num] = true
		}
	}
	for n := range resources {
		res, _, err := f.dictObject(n)
		if err != nil {
			return nil, nil, err
		}
		images, err := parseDict([]byte(lookup(res, "XObject")))
		if err != nil {
			continue // no images
		}
		for _, e := range images {
			img, err := parseRef(e.value)
			if err != nil {
				return nil, nil, fmt.Errorf("billede /%s: %w", e.key, err)
			}
			d, _, err := f.dictObject(img.num)
			if err != nil {
				return nil, nil, err
			}
			// [/Indexed /DeviceRGB hival 12 0 R]: the palette is the reference at the end.
			cs := strings.Fields(strings.Trim(lookup(d, "ColorSpace"), "[] "))
			if len(cs) == 6 && cs[0] == "/Indexed" {
				p, err := parseRef(strings.Join(cs[3:], " "))
				if err != nil {
					return nil, nil, fmt.Errorf("billede /%s: paletten: %w", e.key, err)
				}
				out[p.num] = true
			}
		}
	}
	return out, resources, nil
}

// parseRefs reads an array of references, "[3 0 R 5 0 R ]".
func parseRefs(s string) ([]ref, error) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
		return nil, fmt.Errorf("ikke en liste: %q", clip([]byte(s)))
	}
	fs := strings.Fields(s[1 : len(s)-1])
	if len(fs)%3 != 0 {
		return nil, fmt.Errorf("ikke en liste af referencer: %q", clip([]byte(s)))
	}
	out := make([]ref, 0, len(fs)/3)
	for i := 0; i < len(fs); i += 3 {
		r, err := parseRef(strings.Join(fs[i:i+3], " "))
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// deflateObject rewrites an object as gofpdf writes it uncompressed,
// "n 0 obj\n<</Length L>>\nstream\n…\nendstream\nendobj", as it writes it
// compressed.
func deflateObject(span []byte) ([]byte, error) {
	head, rest, ok := bytes.Cut(span, []byte("\n<</Length "))
	if !ok {
		return nil, fmt.Errorf("ukomprimeret strøm uden /Length: %q", clip(span))
	}
	num, rest, ok := bytes.Cut(rest, []byte(">>\nstream\n"))
	n, err := strconv.Atoi(string(num))
	if !ok || err != nil || n < 0 || n > len(rest) {
		return nil, fmt.Errorf("ukomprimeret strøm med en ugyldig /Length: %q", clip(span))
	}
	data, tail := rest[:n], rest[n:]
	if !bytes.Equal(tail, []byte("\nendstream\nendobj")) {
		return nil, fmt.Errorf("ukomprimeret strøm slutter ikke ved sin /Length: %q", clip(tail))
	}
	z := deflate(data)
	out := make([]byte, 0, len(head)+len(z)+64)
	out = append(out, head...)
	out = fmt.Appendf(out, "\n<</Filter /FlateDecode /Length %d>>\nstream\n", len(z))
	out = append(out, z...)
	return append(out, tail...), nil
}
