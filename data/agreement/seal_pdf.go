package agreement

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Just enough PDF to append an incremental update: the trailer and classic
// xref tables (what gofpdf writes), objects by number, and the syntax of a
// dictionary so that the Catalog and the first page can be copied with an
// entry added. Content streams are never parsed.

// ref is an indirect reference "N G R".
type ref struct{ num, gen int }

func (r ref) String() string { return fmt.Sprintf("%d %d R", r.num, r.gen) }

// xrefEntry is where an object in use starts.
type xrefEntry struct{ offset, gen int }

// pdfFile is a parsed PDF's cross-reference information.
type pdfFile struct {
	b         []byte
	objects   map[int]xrefEntry // the newest entry of every object in use
	size      int               // the trailer's /Size
	root      ref
	info      string // the trailer's /Info value as written, "" if none
	id        string // the trailer's /ID value as written, "" if none
	startxref int    // the last xref section, the new section's /Prev
}

// kv is one dictionary entry: the key without its slash and the value as
// written.
type kv struct{ key, value string }

var errNoPDF = errors.New("filen er ikke en PDF")

// parsePDF reads the trailer and every xref section back through /Prev.
func parsePDF(b []byte) (*pdfFile, error) {
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		return nil, errNoPDF
	}
	tail := b[max(0, len(b)-1024):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return nil, errors.New("PDF uden startxref")
	}
	pos := len(b) - len(tail) + i + len("startxref")
	start, _, err := readInt(b, pos)
	if err != nil {
		return nil, fmt.Errorf("startxref: %w", err)
	}
	f := &pdfFile{b: b, objects: map[int]xrefEntry{}, startxref: start}
	seen := map[int]bool{}
	for off, first := start, true; ; first = false {
		if seen[off] {
			return nil, errors.New("xref-sektionerne peger i ring")
		}
		seen[off] = true
		trailer, err := f.readXref(off)
		if err != nil {
			return nil, err
		}
		if first {
			for _, e := range trailer {
				switch e.key {
				case "Size":
					f.size, err = strconv.Atoi(e.value)
				case "Root":
					f.root, err = parseRef(e.value)
				case "Info":
					f.info = e.value
				case "ID":
					f.id = e.value
				}
				if err != nil {
					return nil, fmt.Errorf("trailer /%s: %w", e.key, err)
				}
			}
			if f.size == 0 || f.root.num == 0 {
				return nil, errors.New("trailer uden /Size eller /Root")
			}
		}
		prev := lookup(trailer, "Prev")
		if prev == "" {
			break
		}
		if off, err = strconv.Atoi(prev); err != nil {
			return nil, fmt.Errorf("trailer /Prev: %w", err)
		}
	}
	return f, nil
}

// readXref reads one classic xref section at off and its trailer; entries
// already known from a newer section win.
func (f *pdfFile) readXref(off int) ([]kv, error) {
	b := f.b
	if off < 0 || off >= len(b) || !bytes.HasPrefix(b[off:], []byte("xref")) {
		return nil, errors.New("PDF'en bruger en xref-strøm eller har en forkert startxref; kun klassiske xref-tabeller understøttes")
	}
	pos := off + len("xref")
	for {
		pos = skipSpace(b, pos)
		if bytes.HasPrefix(b[pos:], []byte("trailer")) {
			pos = skipSpace(b, pos+len("trailer"))
			end, err := objectEnd(b, pos)
			if err != nil {
				return nil, fmt.Errorf("trailer: %w", err)
			}
			return parseDict(b[pos:end])
		}
		first, p, err := readInt(b, pos)
		if err != nil {
			return nil, fmt.Errorf("xref: %w", err)
		}
		count, p, err := readInt(b, p)
		if err != nil {
			return nil, fmt.Errorf("xref: %w", err)
		}
		pos = p
		for n := first; n < first+count; n++ {
			offset, p, err := readInt(b, pos)
			if err != nil {
				return nil, fmt.Errorf("xref-post %d: %w", n, err)
			}
			gen, p, err := readInt(b, p)
			if err != nil {
				return nil, fmt.Errorf("xref-post %d: %w", n, err)
			}
			p = skipSpace(b, p)
			if p >= len(b) || (b[p] != 'n' && b[p] != 'f') {
				return nil, fmt.Errorf("xref-post %d: mangler n/f", n)
			}
			if _, known := f.objects[n]; !known && b[p] == 'n' {
				f.objects[n] = xrefEntry{offset, gen}
			}
			pos = p + 1
		}
	}
}

// object returns the value of object n (its dictionary, for the objects
// the seal touches) as written, and its generation.
func (f *pdfFile) object(n int) ([]byte, int, error) {
	p, end, gen, err := f.objectBounds(n)
	if err != nil {
		return nil, 0, err
	}
	return f.b[p:end], gen, nil
}

// objectBounds is where object n's value starts and ends in the file.
func (f *pdfFile) objectBounds(n int) (start, end, gen int, err error) {
	e, ok := f.objects[n]
	if !ok {
		return 0, 0, 0, fmt.Errorf("objekt %d findes ikke", n)
	}
	b := f.b
	num, p, err := readInt(b, e.offset)
	if err == nil && num != n {
		err = fmt.Errorf("xref peger på objekt %d", num)
	}
	if err != nil {
		return 0, 0, 0, fmt.Errorf("objekt %d: %w", n, err)
	}
	if _, p, err = readInt(b, p); err != nil {
		return 0, 0, 0, fmt.Errorf("objekt %d: %w", n, err)
	}
	p = skipSpace(b, p)
	if !bytes.HasPrefix(b[p:], []byte("obj")) {
		return 0, 0, 0, fmt.Errorf("objekt %d: mangler obj", n)
	}
	p = skipSpace(b, p+3)
	end, err = objectEnd(b, p)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("objekt %d: %w", n, err)
	}
	return p, end, e.gen, nil
}

// dictObject is object n's dictionary entries.
func (f *pdfFile) dictObject(n int) ([]kv, int, error) {
	v, gen, err := f.object(n)
	if err != nil {
		return nil, 0, err
	}
	d, err := parseDict(v)
	if err != nil {
		return nil, 0, fmt.Errorf("objekt %d: %w", n, err)
	}
	return d, gen, nil
}

// firstPage walks from the Catalog's /Pages down the first /Kids.
func (f *pdfFile) firstPage(catalog []kv) (ref, error) {
	r, err := parseRef(lookup(catalog, "Pages"))
	for depth := 0; err == nil && depth < 32; depth++ {
		var node []kv
		if node, _, err = f.dictObject(r.num); err != nil {
			break
		}
		if lookup(node, "Type") == "/Page" {
			return r, nil
		}
		kids := strings.TrimSpace(lookup(node, "Kids"))
		if !strings.HasPrefix(kids, "[") {
			return ref{}, errors.New("siderne har ingen /Kids")
		}
		r, err = parseRef(strings.TrimSpace(kids[1:]))
	}
	if err == nil {
		err = errors.New("sidetræet er for dybt")
	}
	return ref{}, fmt.Errorf("første side: %w", err)
}

// lookup is the value of key in d, "" if absent.
func lookup(d []kv, key string) string {
	for _, e := range d {
		if e.key == key {
			return e.value
		}
	}
	return ""
}

// set replaces key's value or appends the entry.
func set(d []kv, key, value string) []kv {
	for i, e := range d {
		if e.key == key {
			d[i].value = value
			return d
		}
	}
	return append(d, kv{key, value})
}

// writeDict writes entries back in their order.
func writeDict(d []kv) string {
	var sb strings.Builder
	sb.WriteString("<<")
	for i, e := range d {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString("/" + e.key + " " + e.value)
	}
	sb.WriteString(">>")
	return sb.String()
}

// parseRef reads "N G R" at the start of s.
func parseRef(s string) (ref, error) {
	fs := strings.Fields(s)
	if len(fs) < 3 || fs[2] != "R" && !strings.HasPrefix(fs[2], "R") {
		return ref{}, fmt.Errorf("ikke en reference: %q", s)
	}
	n, err1 := strconv.Atoi(fs[0])
	g, err2 := strconv.Atoi(fs[1])
	if err1 != nil || err2 != nil || n <= 0 {
		return ref{}, fmt.Errorf("ikke en reference: %q", s)
	}
	return ref{n, g}, nil
}

// parseDict splits "<< /Key value … >>" into its entries.
func parseDict(b []byte) ([]kv, error) {
	if !bytes.HasPrefix(b, []byte("<<")) {
		return nil, errors.New("ikke en ordbog")
	}
	var d []kv
	pos := 2
	for {
		pos = skipSpace(b, pos)
		if pos >= len(b) {
			return nil, errors.New("ordbogen slutter ikke")
		}
		if bytes.HasPrefix(b[pos:], []byte(">>")) {
			return d, nil
		}
		if b[pos] != '/' {
			return nil, fmt.Errorf("nøgle forventet ved %q", clip(b[pos:]))
		}
		kEnd := tokenEnd(b, pos+1)
		key := string(b[pos+1 : kEnd])
		vStart := skipSpace(b, kEnd)
		vEnd, err := objectEnd(b, vStart)
		if err != nil {
			return nil, fmt.Errorf("/%s: %w", key, err)
		}
		d = append(d, kv{key, string(b[vStart:vEnd])})
		pos = vEnd
	}
}

// objectEnd returns where the object starting at pos ends: a dictionary,
// array, string, name, number, reference, boolean or null.
func objectEnd(b []byte, pos int) (int, error) {
	if pos >= len(b) {
		return 0, errors.New("uventet slutning")
	}
	switch c := b[pos]; {
	case c == '<' && pos+1 < len(b) && b[pos+1] == '<':
		return containerEnd(b, pos+2, ">>")
	case c == '[':
		return containerEnd(b, pos+1, "]")
	case c == '(':
		return literalEnd(b, pos)
	case c == '<':
		i := bytes.IndexByte(b[pos:], '>')
		if i < 0 {
			return 0, errors.New("hexstreng slutter ikke")
		}
		return pos + i + 1, nil
	case c == '/':
		return tokenEnd(b, pos+1), nil
	default:
		end := tokenEnd(b, pos)
		if end == pos {
			return 0, fmt.Errorf("uventet tegn %q", c)
		}
		// "N G R" is one object.
		if _, err := strconv.Atoi(string(b[pos:end])); err == nil {
			p := skipSpace(b, end)
			if g := tokenEnd(b, p); g > p {
				if _, err := strconv.Atoi(string(b[p:g])); err == nil {
					r := skipSpace(b, g)
					if r < len(b) && b[r] == 'R' && tokenEnd(b, r) == r+1 {
						return r + 1, nil
					}
				}
			}
		}
		return end, nil
	}
}

// containerEnd finds the closing delimiter of a dictionary or array whose
// contents start at pos.
func containerEnd(b []byte, pos int, closing string) (int, error) {
	for {
		pos = skipSpace(b, pos)
		if pos >= len(b) {
			return 0, fmt.Errorf("%s mangler", closing)
		}
		if bytes.HasPrefix(b[pos:], []byte(closing)) {
			return pos + len(closing), nil
		}
		end, err := objectEnd(b, pos)
		if err != nil {
			return 0, err
		}
		pos = end
	}
}

// literalEnd finds the end of a (string) with nested parentheses and
// backslash escapes.
func literalEnd(b []byte, pos int) (int, error) {
	depth := 0
	for i := pos; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1, nil
			}
		}
	}
	return 0, errors.New("streng slutter ikke")
}

// isDelimiter reports PDF whitespace and delimiters.
func isDelimiter(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0, '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// tokenEnd is the end of a regular token (a name's or number's characters).
func tokenEnd(b []byte, pos int) int {
	for pos < len(b) && !isDelimiter(b[pos]) {
		pos++
	}
	return pos
}

// skipSpace skips whitespace and comments.
func skipSpace(b []byte, pos int) int {
	for pos < len(b) {
		switch b[pos] {
		case ' ', '\t', '\r', '\n', '\f', 0:
			pos++
		case '%':
			for pos < len(b) && b[pos] != '\n' && b[pos] != '\r' {
				pos++
			}
		default:
			return pos
		}
	}
	return pos
}

// readInt reads a non-negative integer after optional whitespace.
func readInt(b []byte, pos int) (int, int, error) {
	pos = skipSpace(b, pos)
	end := pos
	for end < len(b) && b[end] >= '0' && b[end] <= '9' {
		end++
	}
	if end == pos || end-pos > 12 {
		return 0, pos, fmt.Errorf("tal forventet ved %q", clip(b[pos:]))
	}
	n, err := strconv.Atoi(string(b[pos:end]))
	return n, end, err
}

// clip shortens bytes for an error message.
func clip(b []byte) string {
	return string(b[:min(len(b), 20)])
}

// pdfString writes a text string: literal when it is plain ASCII, else
// UTF-16BE with a byte order mark, as PDF text strings require.
func pdfString(s string) string {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		return "(" + strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s) + ")"
	}
	var sb strings.Builder
	sb.WriteString("<FEFF")
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			fmt.Fprintf(&sb, "%04X%04X", 0xD800+(r>>10), 0xDC00+(r&0x3FF))
			continue
		}
		fmt.Fprintf(&sb, "%04X", r)
	}
	sb.WriteString(">")
	return sb.String()
}

// xrefSection writes a classic xref table for the given objects, grouped
// in runs of consecutive numbers.
func xrefSection(offsets map[int]xrefEntry) string {
	nums := make([]int, 0, len(offsets))
	for n := range offsets {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	var sb strings.Builder
	sb.WriteString("xref\n")
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j] == nums[j-1]+1 {
			j++
		}
		fmt.Fprintf(&sb, "%d %d\n", nums[i], j-i)
		for _, n := range nums[i:j] {
			fmt.Fprintf(&sb, "%010d %05d n \n", offsets[n].offset, offsets[n].gen)
		}
		i = j
	}
	return sb.String()
}
