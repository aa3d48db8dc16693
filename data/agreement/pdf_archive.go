package agreement

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"time"
)

// Every PDF the program writes is PDF/A-2b, so that the municipality's
// archive can keep it: gofpdf's file is rewritten once, deterministically,
// with a PDF 1.7 header and its binary comment, a document information
// dictionary and an XMP packet that say the same (ISO 19005-2 6.6.3), an
// OutputIntent with the sRGB profile (pdf_icc.go) for the DeviceRGB
// colours, the document's language, no empty EmbeddedFiles tree, and a
// trailer /ID. The objects gofpdf wrote are copied byte for byte, but for
// the pages and palettes it leaves uncompressed (pdf_deflate.go) and the
// pages' resources, which get the fonts the renderer embeds itself
// (pdf_font_objects.go).

// archiveMeta is what the file's properties say.
type archiveMeta struct {
	Title, Author, Subject, Creator, Producer string
	Lang                                      string      // "da-DK"
	Written                                   time.Time   // creation and modification date
	Record                                    *SealRecord // a signed agreement's record, in the XMP
}

// pdfHeader is PDF 1.7 and the comment of four bytes above 127 that marks
// the file as binary.
const pdfHeader = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"

// fontWriter writes the objects of a file's fonts, numbered from first
// on, and returns the /Font dictionary of the pages' resources.
type fontWriter func(first int) (string, [][]byte, error)

// archive rewrites gofpdf's file as PDF/A-2b with the fonts of fonts.
func archive(pdf []byte, m archiveMeta, fonts fontWriter) ([]byte, error) {
	f, err := parsePDF(pdf)
	if err != nil {
		return nil, err
	}
	info, err := parseRef(f.info)
	if err != nil {
		return nil, fmt.Errorf("trailer /Info: %w", err)
	}
	catalog, catalogGen, err := f.dictObject(f.root.num)
	if err != nil {
		return nil, fmt.Errorf("katalog: %w", err)
	}
	xmp, err := xmpArchivePacket(m)
	if err != nil {
		return nil, err
	}
	xmpNum, iccNum, intentNum := f.size, f.size+1, f.size+2
	fontNum := f.size + 3
	fontDict, fontObjs, err := fonts(fontNum)
	if err != nil {
		return nil, err
	}
	size := fontNum + len(fontObjs)

	if names, err := parseDict([]byte(lookup(catalog, "Names"))); err == nil && onlyEmptyEmbeddedFiles(names) {
		catalog = without(catalog, "Names")
	}
	catalog = set(catalog, "Version", "/1.7")
	catalog = set(catalog, "Metadata", ref{xmpNum, 0}.String())
	catalog = set(catalog, "OutputIntents", "["+ref{intentNum, 0}.String()+"]")
	catalog = set(catalog, "Lang", pdfString(m.Lang))
	catalog = set(catalog, "ViewerPreferences", "<</DisplayDocTitle true>>")

	// Each object as gofpdf wrote it runs from its offset to the next one's.
	nums := make([]int, 0, len(f.objects))
	for n := range f.objects {
		nums = append(nums, n)
	}
	sort.Slice(nums, func(i, j int) bool { return f.objects[nums[i]].offset < f.objects[nums[j]].offset })
	spans := map[int][]byte{}
	for i, n := range nums {
		end := f.startxref
		if i+1 < len(nums) {
			end = f.objects[nums[i+1]].offset
		}
		spans[n] = bytes.TrimRight(pdf[f.objects[n].offset:end], "\r\n")
	}

	replaced := f.outlineCounts(catalog)
	plain, resources, err := f.plainStreams(catalog)
	if err != nil {
		return nil, err
	}
	for n := range resources {
		d, _, err := f.dictObject(n)
		if err != nil {
			return nil, fmt.Errorf("ressourcer: %w", err)
		}
		replaced[n] = set(d, "Font", fontDict)
	}
	for n := range plain {
		if spans[n] == nil {
			return nil, fmt.Errorf("strøm %d findes ikke", n)
		}
		if spans[n], err = deflateObject(spans[n]); err != nil {
			return nil, fmt.Errorf("objekt %d: %w", n, err)
		}
	}

	var out bytes.Buffer
	out.Grow(len(pdf) + len(xmp) + len(sRGBProfile()) + 1024)
	out.WriteString(pdfHeader)
	offsets := make([]int, size)
	for n := 1; n < size; n++ {
		switch {
		case n == f.root.num:
			offsets[n] = out.Len()
			fmt.Fprintf(&out, "%d %d obj\n%s\nendobj\n", n, catalogGen, writeDict(catalog))
		case n == info.num:
			offsets[n] = out.Len()
			fmt.Fprintf(&out, "%d %d obj\n%s\nendobj\n", n, info.gen, writeDict(infoDict(m)))
		case n == xmpNum:
			offsets[n] = out.Len()
			fmt.Fprintf(&out, "%d 0 obj\n<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n", n, len(xmp))
			out.Write(xmp)
			out.WriteString("\nendstream\nendobj\n")
		case n == iccNum:
			icc := sRGBProfile()
			offsets[n] = out.Len()
			fmt.Fprintf(&out, "%d 0 obj\n<</N 3 /Length %d>>\nstream\n", n, len(icc))
			out.Write(icc)
			out.WriteString("\nendstream\nendobj\n")
		case n == intentNum:
			offsets[n] = out.Len()
			fmt.Fprintf(&out, "%d 0 obj\n<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)"+
				" /Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /DestOutputProfile %s>>\nendobj\n",
				n, ref{iccNum, 0})
		case n >= fontNum:
			offsets[n] = out.Len()
			out.Write(fontObjs[n-fontNum])
			out.WriteByte('\n')
		case replaced[n] != nil:
			offsets[n] = out.Len()
			fmt.Fprintf(&out, "%d %d obj\n%s\nendobj\n", n, f.objects[n].gen, writeDict(replaced[n]))
		case spans[n] != nil:
			offsets[n] = out.Len()
			out.Write(spans[n])
			out.WriteByte('\n')
		}
	}
	xrefAt := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		if offsets[n] == 0 {
			out.WriteString("0000000000 65535 f \n")
			continue
		}
		gen := 0
		if e, ok := f.objects[n]; ok {
			gen = e.gen
		}
		fmt.Fprintf(&out, "%010d %05d n \n", offsets[n], gen)
	}
	// The /ID is the file's own digest: the same content, the same ID.
	sum := sha256.Sum256(out.Bytes())
	id := "<" + hex.EncodeToString(sum[:16]) + ">"
	trailer := []kv{{"Size", strconv.Itoa(size)}, {"Root", f.root.String()}, {"Info", info.String()}, {"ID", "[" + id + " " + id + "]"}}
	fmt.Fprintf(&out, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", writeDict(trailer), xrefAt)
	return out.Bytes(), nil
}

// infoDict is the document information dictionary; xmpArchivePacket says
// the same in XMP.
func infoDict(m archiveMeta) []kv {
	var d []kv
	add := func(key, value string) {
		if value != "" {
			d = append(d, kv{key, pdfString(value)})
		}
	}
	add("Title", m.Title)
	add("Author", m.Author)
	add("Subject", m.Subject)
	add("Creator", m.Creator)
	add("Producer", m.Producer)
	add("CreationDate", pdfDate(m.Written))
	add("ModDate", pdfDate(m.Written))
	return d
}

// onlyEmptyEmbeddedFiles tells whether a /Names dictionary holds nothing
// but an EmbeddedFiles tree without names (what gofpdf always writes).
func onlyEmptyEmbeddedFiles(names []kv) bool {
	for _, e := range names {
		if e.key != "EmbeddedFiles" {
			return false
		}
		tree, err := parseDict([]byte(e.value))
		if err != nil {
			return false
		}
		arr := bytes.TrimSpace([]byte(lookup(tree, "Names")))
		if len(tree) != 1 || !bytes.Equal(bytes.Join(bytes.Fields(arr), nil), []byte("[]")) {
			return false
		}
	}
	return true
}

// without is d less key.
func without(d []kv, key string) []kv {
	out := d[:0:0]
	for _, e := range d {
		if e.key != key {
			out = append(out, e)
		}
	}
	return out
}

// outlineCounts gives each outline item with children the /Count PDF asks
// for (gofpdf writes 0): the number of its open descendants, all of them,
// for the outline opens fully. It returns the items to write anew.
func (f *pdfFile) outlineCounts(catalog []kv) map[int][]kv {
	out := map[int][]kv{}
	root, err := parseRef(lookup(catalog, "Outlines"))
	if err != nil {
		return out
	}
	seen := map[int]bool{}
	var count func(first string) int
	count = func(first string) int {
		n := 0
		for r, err := parseRef(first); err == nil && !seen[r.num]; r, err = parseRef(lookup(out[r.num], "Next")) {
			seen[r.num] = true
			d, _, err := f.dictObject(r.num)
			if err != nil {
				return n
			}
			out[r.num] = d
			below := count(lookup(d, "First"))
			if below > 0 {
				out[r.num] = set(d, "Count", strconv.Itoa(below))
			}
			n += 1 + below
		}
		return n
	}
	d, _, err := f.dictObject(root.num)
	if err != nil {
		return out
	}
	if n := count(lookup(d, "First")); n > 0 {
		out[root.num] = set(d, "Count", strconv.Itoa(n))
	}
	for n, d := range out {
		if lookup(d, "Count") == "0" || lookup(d, "Count") == "" {
			if lookup(d, "First") == "" && n != root.num {
				delete(out, n) // a leaf is written as it was
			}
		}
	}
	return out
}
