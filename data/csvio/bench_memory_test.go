package csvio

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"partnerskab/data/dk"
)

// memoryFileSize is the size of the file BenchmarkImportMemory imports:
// the 50 MB.
const memoryFileSize = 50 << 20

// BenchmarkImportMemory imports a 50 MB placements file, made as it is
// read, and reports how much memory the import needed above what the
// program held before it: the Go heap's peak (sampled) and the process's
// peak resident memory (Linux). "streamed" reads it as a file on the disk
// is read; "in-memory" as a reader that cannot seek (read whole first).
func BenchmarkImportMemory(b *testing.B) {
	template := benchTemplate(b)
	for _, mode := range []string{"streamed", "in-memory"} {
		b.Run(mode, func(b *testing.B) {
			dir := b.TempDir()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, done := benchStore(b, template, dir, i)
				file := newPlacementsCSV(memoryFileSize)
				var r io.Reader = file
				if mode == "in-memory" {
					r = onlyReader{file}
				}
				m := startMemoryWatch()
				b.StartTimer()
				n, err := Import(context.Background(), s, "placements", r, "placeringer.csv")
				b.StopTimer()
				heap, rss := m.stop()
				if err != nil || n != file.rows {
					b.Fatalf("imported %d of %d rows: %v", n, file.rows, err)
				}
				b.ReportMetric(float64(heap)/(1<<20), "heap-peak-MB")
				if rss >= 0 {
					b.ReportMetric(float64(rss)/(1<<20), "rss-peak-MB")
				}
				b.ReportMetric(float64(file.size)/(1<<20), "file-MB")
				done()
			}
		})
	}
}

// memoryWatch samples the Go heap in use while an import runs; the peak
// resident memory comes from the kernel, reset at the start.
type memoryWatch struct {
	baseHeap, baseRSS int64
	peakHeap          int64
	done              chan struct{}
	wg                sync.WaitGroup
}

func startMemoryWatch() *memoryWatch {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m := &memoryWatch{baseHeap: int64(ms.HeapInuse), peakHeap: int64(ms.HeapInuse), done: make(chan struct{})}
	// Writing 5 to clear_refs resets VmHWM, the peak resident memory.
	if os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil {
		m.baseRSS = procStatus("VmRSS")
	} else {
		m.baseRSS = -1
	}
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-m.done:
				return
			case <-tick.C:
				runtime.ReadMemStats(&ms)
				m.peakHeap = max(m.peakHeap, int64(ms.HeapInuse))
			}
		}
	}()
	return m
}

// stop returns the peaks above the start: heap in use, and resident
// memory (-1 where the kernel does not tell).
func (m *memoryWatch) stop() (heap, rss int64) {
	close(m.done)
	m.wg.Wait()
	rss = -1
	if m.baseRSS >= 0 {
		if peak := procStatus("VmHWM"); peak >= 0 {
			rss = peak - m.baseRSS
		}
	}
	return m.peakHeap - m.baseHeap, rss
}

// procStatus reads a size in bytes from /proc/self/status; -1 if absent.
func procStatus(key string) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), key+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return -1
			}
			return kb << 10
		}
	}
	return -1
}

// placementsCSV is a placements file of about size bytes, made row by row
// as it is read, never held whole; it seeks as a file on the disk does
// (to go back, it makes the file again from the start).
type placementsCSV struct {
	size, off int64 // the file's size (whole rows), how far it is read
	rows      int   // rows in the file
	next      int   // the next row to make
	pending   []byte
}

func newPlacementsCSV(size int64) *placementsCSV {
	p := &placementsCSV{}
	// Measure once: the rows until the size is reached.
	for p.off < size {
		p.off += int64(len(p.row()))
	}
	p.size, p.rows = p.off, p.next-1
	p.rewind()
	return p
}

var placementsNote = strings.Repeat("Aftalt opfølgning med virksomheden og jobkonsulenten. ", 3)

// row makes the next line: the header first, then placements spread over
// the benchmark's enterprises as in benchPlacementsFile, each with a note.
func (p *placementsCSV) row() []byte {
	i := p.next
	p.next++
	if i == 0 {
		return []byte("\uFEFF" + placementsHeader + "\r\n")
	}
	i--
	schemes := []string{"Ordinært job", "Fleksjob", "Løntilskud", "Virksomhedspraktik", "Job med ydelse", "Frivillig"}
	groups := []string{"Ledige fleksjobbere", "Beboere i området", "Andre", ""}
	titles := []string{"Syerske", "Køkkenmedhjælper", "Caféassistent"}
	day := time.Date(2013, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%4000)
	end := ""
	if i%3 == 0 {
		end = dk.FormatDate(day.AddDate(0, 6, 0))
	}
	return fmt.Appendf(nil, "%c%c%05d;%s;%s;%s;%d,5;%s;%s;%s;%s;;%sRække %d\r\n",
		'A'+i/100000%26, 'A'+i/2600000%26, i%100000, benchEnterpriseName(i%benchEnterprises), titles[i%len(titles)],
		schemes[i%len(schemes)], 5+i%30, []string{"ja", "nej"}[i%2], groups[i%len(groups)], dk.FormatDate(day), end,
		placementsNote, i)
}

func (p *placementsCSV) rewind() { p.off, p.next, p.pending = 0, 0, nil }

func (p *placementsCSV) Read(b []byte) (int, error) {
	if p.off >= p.size {
		return 0, io.EOF
	}
	n := 0
	for n < len(b) && p.off < p.size {
		if len(p.pending) == 0 {
			p.pending = p.row()
		}
		c := copy(b[n:], p.pending)
		p.pending, n, p.off = p.pending[c:], n+c, p.off+int64(c)
	}
	return n, nil
}

func (p *placementsCSV) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekCurrent:
		offset += p.off
	case io.SeekEnd:
		offset += p.size
	}
	if offset < 0 {
		return 0, errors.New("seek before the start")
	}
	if offset < p.off {
		p.rewind()
	}
	_, err := io.CopyN(io.Discard, onlyReader{p}, offset-p.off)
	if errors.Is(err, io.EOF) {
		err = nil
	}
	return p.off, err
}

// The generated file is a file: read twice it is the same, its rows are
// the rows it counts, and it imports (a small one; the benchmark imports
// 50 MB).
func TestPlacementsCSVIsAFile(t *testing.T) {
	p := newPlacementsCSV(200_000)
	first, _ := io.ReadAll(p)
	if _, err := p.Seek(17, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	again, _ := io.ReadAll(p)
	if int64(len(first)) != p.size || !bytes.Equal(first[17:], again) {
		t.Fatalf("read %d bytes of %d; again from 17: %d", len(first), p.size, len(again))
	}
	if lines := bytes.Count(first, []byte("\r\n")) - 1; lines != p.rows {
		t.Errorf("%d rows, counted %d", lines, p.rows)
	}
	p.rewind()
	s := openStore(t)
	mustImport(t, s, "partners", benchPartnersFile())
	if n, err := Import(context.Background(), s, "placements", p, "placeringer.csv"); err != nil || n != p.rows {
		t.Errorf("imported %d of %d rows: %v", n, p.rows, err)
	}
}
