package csvio

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
)

// onlyReader hides a reader's Seek: the file is read whole, in memory.
type onlyReader struct{ io.Reader }

// streamCases are files of every encoding, line end and size the reader
// tells apart, with characters cut by the stream's buffer at every offset.
func streamCases(t *testing.T) map[string][]byte {
	t.Helper()
	utf16 := func(order xunicode.Endianness, bom xunicode.BOMPolicy, s string) []byte {
		b, err := xunicode.UTF16(order, bom).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	text := "Navn;Type;By\r\nÆblegården;virksomhed;Køge\r\n\"Ø; \"\"Å\"\"\";andet;Århus\r\n"
	big := func(prefix string, n int) string {
		var b strings.Builder
		b.WriteString(prefix + "Navn;By\r\n")
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "Æblegård %d;Ø€𝄞\r\n", i)
		}
		return b.String()
	}
	cases := map[string][]byte{
		"utf-8":                []byte(text),
		"utf-8 with BOM":       []byte("\uFEFF" + text),
		"windows-1252":         []byte("Navn;By\r\nK\xf8ge;\xc6r\xf8sk\xf8bing\r\n"),
		"BOM then 1252":        []byte("\uFEFFNavn;By\r\nK\xf8ge;x\r\n"),
		"utf-16 LE with BOM":   utf16(xunicode.LittleEndian, xunicode.UseBOM, text),
		"utf-16 BE with BOM":   utf16(xunicode.BigEndian, xunicode.UseBOM, text),
		"utf-16 LE":            utf16(xunicode.LittleEndian, xunicode.IgnoreBOM, text),
		"utf-16 BE":            utf16(xunicode.BigEndian, xunicode.IgnoreBOM, text),
		"CR alone":             []byte("Navn;By\rA;B\rC;D\r"),
		"CR alone in utf-16":   utf16(xunicode.LittleEndian, xunicode.UseBOM, "Navn;By\rA;B\r"),
		"CR in a field":        []byte("Navn;Noter\r\nA;\"x\ry\"\r\n"),
		"commas":               []byte("Navn,By\nA,B\n"),
		"tabs":                 []byte("Navn\tBy\nA\tB\n"),
		"empty":                {},
		"a stray quote":        []byte("Navn;By\r\nA;B\"C\r\n"),
		"utf-16, odd length":   append(utf16(xunicode.LittleEndian, xunicode.UseBOM, "Navn;By\r\n"), 'x'),
		"big, 1252 at the end": []byte(big("", 300_000) + "K\xf8ge\r\n"),
		"big, cut at the end":  []byte(big("", 300_000) + "\xc3"),
	}
	for i := range 4 {
		cases[fmt.Sprintf("big, offset %d", i)] = []byte(big(strings.Repeat("x", i), 300_000))
		cases[fmt.Sprintf("big 1252, offset %d", i)] = bytes.ReplaceAll([]byte(big(strings.Repeat("x", i), 200_000)),
			[]byte("€𝄞"), []byte("\x80"))
	}
	return cases
}

// A file streamed from the disk reads as the same file read whole.
func TestStreamReadsAsInMemory(t *testing.T) {
	for name, file := range streamCases(t) {
		want, wantErr := readFile(onlyReader{bytes.NewReader(file)})
		got, gotErr := readFile(bytes.NewReader(file))
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%s: streamed error %v, in memory %v", name, gotErr, wantErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: streamed %d records, in memory %d; first difference at %d", name, len(got), len(want), firstDiff(got, want))
		}
		if len(want) == 0 && len(file) > 0 && wantErr == nil {
			t.Errorf("%s: no records", name)
		}
	}
}

func firstDiff(a, b []record) int {
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			return i
		}
	}
	return min(len(a), len(b))
}

// The stream starts where the reader stands, as reading it whole would.
func TestStreamFromWhereTheReaderStands(t *testing.T) {
	r := strings.NewReader("skip me\nNavn;By\r\nA;B\r\n")
	if _, err := r.Seek(int64(len("skip me\n")), io.SeekStart); err != nil {
		t.Fatal(err)
	}
	got, err := readFile(r)
	if err != nil || len(got) != 2 || got[1].fields[0] != "A" || got[1].line != 2 {
		t.Errorf("records %v, %v", got, err)
	}
}

// A validator fed one byte at a time agrees with utf8.Valid.
func TestUTF8ValidatorByteByByte(t *testing.T) {
	for _, s := range []string{"", "abc", "æøå€𝄞", "\xc3", "a\xc3(", "\xe2\x82", "\xe2\x82\xac", "\xf0\x9d\x84\x9e x",
		"\xed\xa0\x80", "\xc0\xaf", "\xff", "€\x80"} {
		for _, step := range []int{1, 2, 3, 5} {
			v := utf8Validator{valid: true}
			for i := 0; i < len(s); i += step {
				v.write([]byte(s[i:min(i+step, len(s))]))
			}
			if got, want := v.end(), utf8.ValidString(s); got != want {
				t.Errorf("%q in steps of %d: valid %v, want %v", s, step, got, want)
			}
		}
	}
}
