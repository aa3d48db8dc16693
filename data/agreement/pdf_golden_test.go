package agreement

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"partnerskab/data"
)

// Work that makes rendering cheaper (fonts and compressors kept between
// files) must not change a byte of what is written. testdata/pdf_golden.sha256
// holds the SHA-256 of every kind of PDF as rendered since the fonts are
// embedded by the renderer itself (pages checked pixel for pixel and text
// for text against gofpdf's embedding before the sums were pinned): the
// ten-page agreement of the benchmark, a signed one with a drawn
// signature, a text in every font (Arabic and bold italic too), and the
// demo's draft, minutes and status report (the art. 30 record and a
// person's extract carry the day they are made). Each is rendered twice,
// the second time after the others, so that nothing one file leaves
// behind (a font's subset, a compressor) shows in the next. `-update` rewrites the file after a deliberate change.
func TestPDFGoldenBytes(t *testing.T) {
	ctx := context.Background()
	s := demoOn1March(t, true)
	draft := demoAgreement(t, s, data.StatusDraft)
	meetings, err := s.Meetings(ctx, data.MeetingQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var minutes int64
	for _, m := range meetings {
		if m.Approved() {
			minutes = m.ID
		}
	}
	if minutes == 0 {
		t.Fatal("the demo has no approved meeting")
	}
	rep, err := s.StatusReport(ctx, time.Date(2015, 6, 30, 0, 0, 0, 0, time.UTC), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	// One drawn signature: gofpdf writes images of the same width in the
	// order it meets them in a map, so two drawn signatures (the pad's
	// images are all 900 pixels wide) come out in either order.
	signed := signedDocument(t, 14)
	img, err := RenderInk(demoStrokes("Lene Østergaard"), 900, 300)
	if err != nil {
		t.Fatal(err)
	}
	signed.Signed.Signatures[0].ImagePNG = img
	everyFont := Document{Number: "2015-099", Title: "Alle skrifter", Date: time.Date(2015, 2, 21, 0, 0, 0, 0, time.UTC),
		Body: Parse("# Fed overskrift\n\nAlm. tekst, **fed**, *kursiv* og ***fed kursiv***.\n\n" +
			"Beboerrepræsentant: " + arabicName + " og **" + arabicName + "** (Korsør).")}

	kinds := map[string]func() ([]byte, error){
		"bench":     func() ([]byte, error) { return RenderPDF(sampleDocument(16)) },
		"signed":    func() ([]byte, error) { return RenderPDF(signed) },
		"everyfont": func() ([]byte, error) { return RenderPDF(everyFont) },
		"draft":     func() ([]byte, error) { return ExportPDF(ctx, s, nil, draft.ID) },
		"minutes":   func() ([]byte, error) { return ExportMeetingPDF(ctx, s, minutes, MeetingMinutes) },
		"status":    func() ([]byte, error) { return StatusReportPDF(rep) },
	}
	var names []string
	for n := range kinds {
		names = append(names, n)
	}
	sort.Strings(names)
	got := map[string]string{}
	for round := 0; round < 2; round++ {
		for _, n := range names {
			b, err := kinds[n]()
			if err != nil {
				t.Fatalf("%s: %v", n, err)
			}
			sum := hexSum(b)
			if round == 1 && got[n] != sum {
				t.Errorf("%s rendered again after the others is %s, was %s", n, sum, got[n])
			}
			got[n] = sum
		}
	}

	checkPinnedSums(t, filepath.Join("testdata", "pdf_golden.sha256"), got)
}

// Files rendered at the same time are each what they are alone: the fonts
// read once are only read, the compressors kept between files are never
// shared by two, and no file's subset of a font shows in another's.
func TestPDFRenderedConcurrently(t *testing.T) {
	docs := []Document{sampleDocument(0), sampleDocument(3), sampleDocument(16),
		{Number: "2015-098", Title: "Kun arabisk", Body: Parse("**" + arabicName + "** og " + arabicName + ".")},
		{Title: "Tom aftale", Body: Parse("Kun én linje.")}}
	want := make([]string, len(docs))
	for i, d := range docs {
		b, err := RenderPDF(d)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = hexSum(b)
	}
	const workers, rounds = 4, 3
	errs := make(chan error, workers*rounds*len(docs))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				for k := range docs {
					i := (k + w + r) % len(docs) // each worker in its own order
					b, err := RenderPDF(docs[i])
					if err == nil && hexSum(b) != want[i] {
						err = fmt.Errorf("document %d rendered alongside others differs from it rendered alone", i)
					}
					if err != nil {
						errs <- err
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
