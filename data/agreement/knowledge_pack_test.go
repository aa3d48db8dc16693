package agreement

import (
	"archive/zip"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerskab/data"
	"partnerskab/data/dk"
)

// packFromDemo exports the demo (with a second version of one template)
// to a zip file and returns the source and the file.
func packFromDemo(t *testing.T) (*data.Store, string) {
	t.Helper()
	ctx := context.Background()
	src := demoWithAgreements(t)
	tps, err := src.Templates(ctx, false)
	if err != nil || len(tps) == 0 {
		t.Fatalf("demo templates: %v %v", tps, err)
	}
	v, err := src.LatestVersion(ctx, tps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := src.SaveTemplate(ctx, tps[0].Form(data.TemplateVersion{Body: v.Body + "\nTilføjet i version 2.\n"})); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "videndeling.zip")
	report := []byte("%PDF-1.7\n% statusrapport\n%%EOF\n")
	if _, err := src.ExportKnowledgePack(ctx, out, data.PackOptions{ProgramVersion: "1.2.3", ReportPDF: report,
		ReportAsOf: time.Date(2015, 12, 31, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatalf("ExportKnowledgePack: %v", err)
	}
	return src, out
}

func emptyStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "ny.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func importPack(t *testing.T, dst *data.Store, file string, opt data.PackImportOptions) data.PackImportReport {
	t.Helper()
	p, err := data.ReadKnowledgePackFile(file)
	if err != nil {
		t.Fatalf("ReadKnowledgePackFile: %v", err)
	}
	opt.File = file
	r, err := dst.ImportKnowledgePack(context.Background(), p, opt)
	if err != nil {
		t.Fatalf("ImportKnowledgePack: %v", err)
	}
	return r
}

func TestKnowledgePackRoundTrip(t *testing.T) {
	ctx := context.Background()
	src, file := packFromDemo(t)
	dst := emptyStore(t)
	r := importPack(t, dst, file, data.PackImportOptions{})

	srcT, _ := src.Templates(ctx, false)
	dstT, err := dst.Templates(ctx, false)
	if err != nil || len(dstT) != len(srcT) {
		t.Fatalf("imported %d templates, want %d (%v)", len(dstT), len(srcT), err)
	}
	codes, _ := dst.ChecklistCodes(ctx)
	versions := 0
	for i := range srcT {
		want, _ := src.TemplateVersions(ctx, srcT[i].ID)
		got, _ := dst.TemplateVersions(ctx, dstT[i].ID)
		if dstT[i].Name != srcT[i].Name || len(got) != len(want) {
			t.Fatalf("template %q has %d versions in the new database, want %q with %d", dstT[i].Name, len(got), srcT[i].Name, len(want))
		}
		for j := range want {
			if got[j].Version != want[j].Version || got[j].Body != want[j].Body || !got[j].CreatedAt.Equal(want[j].CreatedAt) {
				t.Errorf("%s: version %d differs from the source's version %d", dstT[i].Name, got[j].Version, want[j].Version)
			}
		}
		if p := got[0].Problems(codes...); len(p) > 0 {
			t.Errorf("imported template %q fails the template check: %v", dstT[i].Name, p)
		}
		versions += len(want)
	}
	if versions != len(srcT)+1 {
		t.Fatalf("the source has %d versions, want one template with two", versions)
	}
	wantSummary := dk.FormatDecimal(float64(len(srcT)), 0) + " skabeloner (" + dk.FormatDecimal(float64(versions), 0) + " versioner)"
	if !strings.HasPrefix(r.Summary(), wantSummary) || len(r.Problems) > 0 {
		t.Errorf("report %q (problems %v), want it to start %q", r.Summary(), r.Problems, wantSummary)
	}

	// The settled items' texts arrive as proposals on open items.
	srcC, _ := src.Checklist(ctx, false)
	dstC, _ := dst.Checklist(ctx, false)
	byCode := map[string]data.ChecklistItem{}
	for _, c := range dstC {
		byCode[c.Code] = c
	}
	filled := 0
	for _, c := range srcC {
		got, ok := byCode[c.Code]
		if !ok {
			t.Errorf("checklist item %s did not arrive", c.Code)
			continue
		}
		if got.Status != data.ChecklistOpen || got.OwnerID != 0 {
			t.Errorf("item %s arrived as %s with owner %d, want open with no owner", c.Code, got.Status, got.OwnerID)
		}
		if c.Status == data.ChecklistSettled {
			filled++
			if got.Decision != c.Decision {
				t.Errorf("item %s has proposal %q, want the decided text %q", c.Code, got.Decision, c.Decision)
			}
		}
	}
	if filled == 0 || r.ChecklistFilled != filled {
		t.Errorf("report says %d items filled, the source has %d settled", r.ChecklistFilled, filled)
	}

	srcS, _ := src.Schemes(ctx, false)
	dstS, _ := dst.Schemes(ctx, false)
	for _, sc := range srcS {
		if _, ok := data.FindScheme(dstS, sc.Name); !ok {
			t.Errorf("scheme %q did not arrive", sc.Name)
		}
	}
	srcG, _ := src.Targets(ctx, time.Now())
	dstG, _ := dst.Targets(ctx, time.Now())
	if len(dstG) != len(srcG) || r.GoalsNew != len(srcG) || len(srcG) == 0 {
		t.Fatalf("%d goals arrived (report %d), want %d", len(dstG), r.GoalsNew, len(srcG))
	}
	for i := range srcG {
		g, w := dstG[i], srcG[i]
		if g.Name != w.Name || g.Measure != w.Measure || g.Goal != w.Goal || g.Unit != w.Unit || !g.Reached.IsZero() || g.Evidence != "" {
			t.Errorf("goal %+v arrived as %+v; want its definition without progress", w, g)
		}
	}
	if !r.ReportAsOf.Equal(time.Date(2015, 12, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("report as of %v, want 31.12.2015", r.ReportAsOf)
	}
	if n := eventCount(t, src, "eksporteret", "videndelingspakke"); n != 1 {
		t.Errorf("the source logged %d exports of the package, want 1", n)
	}
	if n := eventCount(t, dst, "importeret", "videndelingspakke"); n != 1 {
		t.Errorf("the new database logged %d imports of the package, want 1", n)
	}
}

func eventCount(t *testing.T, s *data.Store, kind, entity string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM events WHERE kind = ? AND entity = ?`, kind, entity).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestKnowledgePackNameClash(t *testing.T) {
	ctx := context.Background()
	src, file := packFromDemo(t)
	tps, _ := src.Templates(ctx, false)
	dst := emptyStore(t)
	importPack(t, dst, file, data.PackImportOptions{SkipChecklist: true})
	second := importPack(t, dst, file, data.PackImportOptions{SkipChecklist: true})
	third := importPack(t, dst, file, data.PackImportOptions{SkipChecklist: true})
	if len(second.Renamed) != len(tps) || second.Renamed[0].To != second.Renamed[0].From+" (2)" ||
		third.Renamed[0].To != third.Renamed[0].From+" (3)" {
		t.Fatalf("renames %+v then %+v, want every template with (2) then (3)", second.Renamed, third.Renamed)
	}
	all, _ := dst.Templates(ctx, false)
	names := map[string]bool{}
	for _, x := range all {
		names[x.Name] = true
	}
	for _, x := range tps {
		for _, n := range []string{x.Name, x.Name + " (2)", x.Name + " (3)"} {
			if !names[n] {
				t.Errorf("template %q missing after three imports (have %v)", n, names)
			}
		}
	}
	if second.SchemesNew != 0 || second.GoalsNew != 0 || second.GoalsKnown == 0 {
		t.Errorf("the second import added %d schemes and %d goals; want none, the goals known (%d)",
			second.SchemesNew, second.GoalsNew, second.GoalsKnown)
	}
	if n, _ := dst.Checklist(ctx, false); len(n) != 9 {
		t.Errorf("with the checklist skipped the new database has %d items, want its own 9", len(n))
	}
}

// TestKnowledgePackHoldsNoPersonData unpacks every file and looks for the
// demo's people in it.
func TestKnowledgePackHoldsNoPersonData(t *testing.T) {
	src, file := packFromDemo(t)
	var needles []string
	rows, err := src.DB().Query(`SELECT name, email, phone FROM contacts UNION ALL SELECT pseudonym, '', '' FROM placements`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var a, b, c string
		if err := rows.Scan(&a, &b, &c); err != nil {
			t.Fatal(err)
		}
		for _, x := range []string{a, b, c, strings.ReplaceAll(c, " ", "")} {
			if x != "" {
				needles = append(needles, x)
			}
		}
	}
	rows.Close()
	if len(needles) < 10 {
		t.Fatalf("the demo has %d person texts to look for, want contacts and placements", len(needles))
	}
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	names := []string{}
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		text := string(b)
		for _, n := range needles {
			if strings.Contains(text, n) {
				t.Errorf("%s holds %q", f.Name, n)
			}
		}
		if cpr, found := dk.FindCPR(text); found {
			t.Errorf("%s holds something like a CPR number: %q", f.Name, cpr)
		}
	}
	if strings.Join(names, " ") != "manifest.json skabeloner.json tjekliste.json ordninger.json maal.json statusrapport.pdf" {
		t.Errorf("zip holds %v", names)
	}
}
