package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partnerskab/data"
)

// BenchmarkWindowStart measures what the caseworker waits for when the
// program starts: the database opened, the whole window built with every
// tab as Run builds it, shown, and Overblik in front with its figures read
// and laid out. The demo database is the baseline the big one is held to.
func BenchmarkWindowStart(b *testing.B) {
	for _, c := range []struct {
		name string
		path func(b *testing.B) string
	}{
		{"demo", demoDBFile},
		{"big", bigDBFile},
	} {
		b.Run(c.name, func(b *testing.B) {
			path := c.path(b)
			a := test.NewTempApp(b)
			b.ResetTimer()
			for b.Loop() {
				s, err := data.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				w := Open(a, s, nil)
				w.Win.Show()
				showOverview(b, w)
				b.StopTimer()
				w.Win.Close()
				s.Close()
				b.StartTimer()
			}
		})
	}
}

// showOverview brings Overblik to the front as Ctrl+1 does and lays out
// its content, failing unless its figures are filled in.
func showOverview(tb testing.TB, w *Window) {
	tb.Helper()
	w.Tabs.SelectIndex(0)
	w.Win.Resize(fyne.NewSize(1366, 768))
	test.LaidOutObjects(w.Win.Content())
	o := w.Overview
	if o.heading.Text == "" || o.residents.TextFormatter == nil || o.leases.TextFormatter == nil {
		tb.Fatal("Overblik is in front without its figures")
	}
}

// demoDBFile is a database file holding the example case.
func demoDBFile(b *testing.B) string {
	path := filepath.Join(b.TempDir(), "demo.db")
	s, err := data.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadDemo(context.Background()); err != nil {
		b.Fatal(err)
	}
	return path
}

// bigDBFile is a private copy of the big database (opening the window may
// write: drafts, settings), shared with the other packages' benchmarks.
func bigDBFile(b *testing.B) string {
	src, err := data.CachedSample(data.LargeSample)
	if err != nil {
		b.Fatal(err)
	}
	dst := filepath.Join(b.TempDir(), "big.db")
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return dst
}
