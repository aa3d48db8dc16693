package csvio

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// The budget: a 10.000-row placements file, read, validated and
// imported in one transaction, in under 1 s.
const (
	benchPlacements  = 10_000
	benchEnterprises = 50
)

// benchEnterpriseName names the i'th enterprise of the benchmark database.
func benchEnterpriseName(i int) string { return fmt.Sprintf("Virksomhed %02d ApS", i) }

// benchTemplate builds a database with the enterprises (and one position
// each) that the placements refer to, and returns its path.
func benchTemplate(b *testing.B) string {
	b.Helper()
	s := openStore(b)
	mustImport(b, s, "partners", benchPartnersFile())
	// Checkpoint, so that the file alone holds everything (no -wal to copy).
	if _, err := s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		b.Fatal(err)
	}
	return s.Path()
}

// benchPartnersFile holds the enterprises the placements refer to.
func benchPartnersFile() string {
	lines := []string{"Navn;Type;By"}
	for i := range benchEnterprises {
		lines = append(lines, benchEnterpriseName(i)+";Socialøkonomisk virksomhed;Korsør")
	}
	return csvText(lines...)
}

// benchPlacementsFile is a placements file as a caseworker's spreadsheet
// would hold it: spread over the enterprises, schemes, positions (one new
// title per enterprise, the rest existing), dates and target groups.
func benchPlacementsFile() string {
	schemes := []string{"Ordinært job", "Fleksjob", "Løntilskud", "Virksomhedspraktik", "Job med ydelse", "Frivillig"}
	groups := []string{"Ledige fleksjobbere", "Beboere i området", "Andre", ""}
	titles := []string{"Syerske", "Køkkenmedhjælper", "Caféassistent"}
	var b strings.Builder
	b.WriteString("\uFEFF" + placementsHeader + "\r\n")
	start := time.Date(2013, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range benchPlacements {
		day := start.AddDate(0, 0, i%4000)
		end := ""
		if i%3 == 0 {
			end = dk.FormatDate(day.AddDate(0, 6, 0))
		}
		fmt.Fprintf(&b, "P%05d;%s;%s;%s;%d,5;%s;%s;%s;%s;;Række %d\r\n",
			i, benchEnterpriseName(i%benchEnterprises), titles[i%len(titles)], schemes[i%len(schemes)], 5+i%30,
			[]string{"ja", "nej"}[i%2], groups[i%len(groups)], dk.FormatDate(day), end, i)
	}
	return b.String()
}

func BenchmarkImportPlacements(b *testing.B) {
	template := benchTemplate(b)
	file := benchPlacementsFile()
	dir := b.TempDir()
	ctx := context.Background()
	b.SetBytes(int64(len(file)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, done := benchStore(b, template, dir, i)
		b.StartTimer()
		n, err := Import(ctx, s, "placements", strings.NewReader(file), "placeringer.csv")
		b.StopTimer()
		if err != nil || n != benchPlacements {
			b.Fatalf("imported %d rows: %v", n, err)
		}
		done()
		b.StartTimer()
	}
}

// benchStore opens run i's own copy of the template; done closes and
// removes it.
func benchStore(b *testing.B, template, dir string, i int) (s *data.Store, done func()) {
	b.Helper()
	path := filepath.Join(dir, fmt.Sprintf("run%d.db", i))
	copyFile(b, template, path)
	s, err := data.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	return s, func() {
		s.Close()
		os.Remove(path)
	}
}

func copyFile(tb testing.TB, from, to string) {
	tb.Helper()
	src, err := os.Open(from)
	if err != nil {
		tb.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		tb.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		tb.Fatal(err)
	}
}
