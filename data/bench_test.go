package data

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The budgets: open and check a database with 10.000 organisations
// and 50.000 contacts in under 50 ms; one search-as-you-type query over those
// organisations, sorted the Danish way, first 100 rows, in under 5 ms.
const (
	benchOrganisations = 10_000
	benchContacts      = 50_000
	// benchRareWord is in every 1000th name: a search that must look at
	// (almost) every row to fill its page.
	benchRareWord = "Æblehaven"
)

var (
	benchOnce sync.Once
	benchDir  string
	benchPath string
	benchErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchDB returns the path of the large database, built once per run.
func benchDB(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "partnerskab-bench-")
		if benchErr != nil {
			return
		}
		benchPath = filepath.Join(benchDir, "partnerskab.db")
		benchErr = buildBenchDB(benchPath)
	})
	if benchErr != nil {
		b.Fatalf("building the benchmark database: %v", benchErr)
	}
	return benchPath
}

// buildBenchDB fills a new database through the store's own save paths (sort
// keys, search text, events), in one transaction.
func buildBenchDB(path string) error {
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	base := time.Date(2015, 1, 1, 8, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return base }
	r := rand.New(rand.NewPCG(2015, 223))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	return s.tx(ctx, func(tx *sql.Tx) error {
		ids := make([]int64, 0, benchOrganisations)
		cvrN := 0
		for i := range benchOrganisations {
			name := strings.TrimSpace(pick(nameFirst) + pick(nameSecond) + " " + pick(nameForm))
			if i%1000 == 7 {
				name = benchRareWord + " " + name
			}
			kind := OrgKinds[r.IntN(len(OrgKinds))]
			if kind == KindMunicipalUnit {
				kind = KindEnterprise
			}
			o := Organisation{Name: name, Kind: kind, RSV: RSVUnknown, City: pick(cities), Role: pick(roles),
				Address: fmt.Sprintf("%svej %d", pick(nameFirst), 1+r.IntN(120))}
			if r.IntN(2) == 0 {
				for {
					cvrN++
					if c, ok := sampleCVR(cvrN); ok {
						o.CVR = c
						break
					}
				}
			}
			if kind == KindEnterprise && r.IntN(3) == 0 {
				o.ApprovedOn = base.AddDate(0, 0, r.IntN(400))
				o.ApprovalRef = "Styregruppemøde"
			}
			if i%10 == 0 {
				o.Notes = "Kontakt via hovedkontoret; møde hver anden måned."
			}
			saved, err := organisationKind.write(ctx, s, tx, o)
			if err != nil {
				return fmt.Errorf("organisation %d %q: %w", i, name, err)
			}
			ids = append(ids, saved.ID)
		}
		for i := range benchContacts {
			first, last := pick(firstNames), pick(lastNames)
			k := Contact{OrganisationID: ids[r.IntN(len(ids))], Name: first + " " + last, Title: pick(titles),
				Email: strings.ToLower(fmt.Sprintf("k%d@example.dk", i)), Phone: fmt.Sprintf("%08d", 20_000_000+i),
				ValidFrom: base.AddDate(0, 0, r.IntN(1000))}
			if _, err := contactKind.write(ctx, s, tx, k); err != nil {
				return fmt.Errorf("contact %d: %w", i, err)
			}
		}
		return nil
	})
}

// BenchmarkOpenStore is what the program does at every start: Open checks
// the header (SQLite, Partnerskab's application id, a schema this program
// knows), applies migrations, checks the sort-key scheme, and the first
// query reads the file; then Close.
func BenchmarkOpenStore(b *testing.B) {
	path := benchDB(b)
	ctx := context.Background()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if empty, err := s.Empty(ctx); err != nil || empty {
			b.Fatalf("Empty = %v, %v", empty, err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck is `partnerskab check`: SQLite's full integrity check,
// the foreign-key check and the version check over every page of the file.
func BenchmarkCheck(b *testing.B) {
	path := benchDB(b)
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		problems, err := s.Check(ctx)
		if err != nil || len(problems) > 0 {
			b.Fatalf("Check = %q, %v", problems, err)
		}
	}
}

// BenchmarkOpenStoreParts splits BenchmarkOpenStore into its pieces, to see
// what dominates.
func BenchmarkOpenStoreParts(b *testing.B) {
	path := benchDB(b)
	ctx := context.Background()
	b.Run("open+close", func(b *testing.B) {
		for b.Loop() {
			s, err := Open(path)
			if err != nil {
				b.Fatal(err)
			}
			// One query, so that the connection is really opened.
			if _, err := s.Empty(ctx); err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var size int64
	s.DB().QueryRow("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()").Scan(&size)
	b.Logf("file: %.1f MB", float64(size)/1e6)
	for _, pragma := range []string{"integrity_check", "quick_check", "foreign_key_check"} {
		b.Run(pragma, func(b *testing.B) {
			for b.Loop() {
				rows, err := s.DB().QueryContext(ctx, "PRAGMA "+pragma)
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				for rows.Next() {
					n++
				}
				rows.Close()
				if pragma == "foreign_key_check" && n != 0 {
					b.Fatalf("%d foreign key problems", n)
				}
			}
		})
	}
}

// BenchmarkSearchOrganisations is one search-as-you-type query over the
// 10.000 organisations, Danish order, first 100 rows.
func BenchmarkSearchOrganisations(b *testing.B) {
	path := benchDB(b)
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, tt := range []struct {
		name, text string
		minRows    int
	}{
		{"empty", "", 100}, // the list as the tab opens
		{"bo", "bo", 100},  // two letters typed: common
		{"sy", "sy", 100},  // "systue": a commoner word inside names
		{"køkken_korsør", "køkken korsør", 10},
		{"rare", strings.ToLower(benchRareWord), 10}, // ten matches in 10.000
		{"cvr", "2000", 1},                           // CVR digits
		{"none", "xyzzy", 0},                         // nothing matches: every row is looked at
	} {
		b.Run(tt.name, func(b *testing.B) {
			got, err := s.SearchOrganisations(ctx, OrgQuery{Text: tt.text, Limit: 100})
			if err != nil {
				b.Fatal(err)
			}
			if len(got) < tt.minRows {
				b.Fatalf("%q found %d organisations, want at least %d", tt.text, len(got), tt.minRows)
			}
			for b.Loop() {
				if _, err := s.SearchOrganisations(ctx, OrgQuery{Text: tt.text, Limit: 100}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
