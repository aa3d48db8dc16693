package data

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// packFiles exports the demo's package and returns its files unpacked.
func packFiles(t *testing.T, s *Store) map[string][]byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "pakke.zip")
	if _, err := s.ExportKnowledgePack(context.Background(), out, PackOptions{ProgramVersion: "1.0"}); err != nil {
		t.Fatalf("ExportKnowledgePack: %v", err)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return files
}

// rezip packs files again after edit changed them, with the manifest's
// checksums made to fit.
func rezip(t *testing.T, files map[string][]byte, edit func(m map[string]any, files map[string][]byte)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(files[packManifestFile], &m); err != nil {
		t.Fatal(err)
	}
	edit(m, files)
	var list []any
	for _, n := range []string{packTemplatesFile, packChecklistFile, packListsFile, packGoalsFile, packReportFile} {
		if b, ok := files[n]; ok {
			sum := sha256.Sum256(b)
			list = append(list, map[string]any{"name": n, "size": len(b), "sha256": hex.EncodeToString(sum[:])})
		}
	}
	m["files"] = list
	if _, ok := files[packManifestFile]; ok {
		files[packManifestFile], _ = json.Marshal(m)
	}
	return zipOf(t, files)
}

// zipOf packs files as they are.
func zipOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, b := range files {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// lyingZip is files zipped with name's content replaced by big, whose
// header claims it unpacks to a few bytes.
func lyingZip(t *testing.T, files map[string][]byte, name string, big []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, b := range files {
		if n == name {
			continue
		}
		w, _ := zw.Create(n)
		w.Write(b)
	}
	var packed bytes.Buffer
	fw, _ := flate.NewWriter(&packed, flate.BestCompression)
	fw.Write(big)
	fw.Close()
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(files[name]),
		CompressedSize64: uint64(packed.Len()), UncompressedSize64: uint64(len(files[name]))})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(packed.Bytes())
	zw.Close()
	return buf.Bytes()
}

func copyFiles(files map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	for k, v := range files {
		out[k] = append([]byte(nil), v...)
	}
	return out
}

func TestKnowledgePackRefused(t *testing.T) {
	ctx := context.Background()
	src := mustDemo(t)
	files := packFiles(t, src)
	dst := MustOpenDB(t)
	bigZeros := bytes.Repeat([]byte{'0'}, packMaxJSON+1)
	cases := []struct {
		name string
		zip  []byte
		want string
	}{
		{"not a zip", []byte("Dette er ikke en zip-fil."), "filen er ikke en zip-fil"},
		{"wrong format", rezip(t, copyFiles(files), func(m map[string]any, _ map[string][]byte) { m["format"] = "andet-program" }),
			`filen er ikke en videndelingspakke fra Partnerskab (formatet hedder "andet-program"`},
		{"newer version", rezip(t, copyFiles(files), func(m map[string]any, _ map[string][]byte) { m["format_version"] = 2 }),
			"pakken er lavet af en nyere version af Partnerskab (1.0, format 2; dette program kender op til format 1)"},
		{"no manifest", rezip(t, copyFiles(files), func(_ map[string]any, f map[string][]byte) { delete(f, packManifestFile) }),
			"manifest.json mangler; filen er ikke en videndelingspakke fra Partnerskab"},
		{"corrupt manifest", func() []byte {
			f := copyFiles(files)
			f[packManifestFile] = []byte(`{"format": "partnerskab-videndeling", `)
			return zipOf(t, f)
		}(), "manifest.json kan ikke læses (ikke gyldig JSON"},
		{"changed file", func() []byte {
			f := copyFiles(files)
			f[packChecklistFile] = bytes.Replace(f[packChecklistFile], []byte("Jobcentrets"), []byte("Ændret"), 1)
			return zipOf(t, f)
		}(), "tjekliste.json er beskadiget eller ændret (kontrolsummen passer ikke med manifest.json)"},
		{"path traversal", rezip(t, copyFiles(files), func(_ map[string]any, f map[string][]byte) { f["../../.bashrc"] = []byte("x") }),
			`zip-filen indeholder et ugyldigt filnavn ("../../.bashrc")`},
		{"foreign file", rezip(t, copyFiles(files), func(_ map[string]any, f map[string][]byte) { f["program.exe"] = []byte("MZ") }),
			`zip-filen indeholder "program.exe", som ikke hører til en videndelingspakke`},
		{"zip bomb", rezip(t, copyFiles(files), func(_ map[string]any, f map[string][]byte) { f[packGoalsFile] = bigZeros }),
			"maal.json er for stor udpakket (højst 8 MB)"},
		{"zip bomb with a lying header", lyingZip(t, copyFiles(files), packTemplatesFile, bytes.Repeat([]byte{' '}, 50<<20)),
			"skabeloner.json er beskadiget (indholdet passer ikke med zip-filens oplysninger)"},
		{"someone else's zip", zipOf(t, map[string][]byte{"fotos/IMG_0001.jpg": []byte("JPEG")}),
			"manifest.json mangler; filen er ikke en videndelingspakke fra Partnerskab"},
		{"missing file", rezip(t, copyFiles(files), func(_ map[string]any, f map[string][]byte) { delete(f, packListsFile) }),
			"ordninger.json mangler i pakken"},
		{"CPR in the last text", rezip(t, copyFiles(files), func(_ map[string]any, f map[string][]byte) {
			// A template and a checklist item that would arrive before the
			// goal that is refused: neither may stay.
			body := "# Ny aftale\n\nTekst.\n"
			tpl := []PackTemplate{{Name: "Ny skabelon", Versions: []PackTemplateVersion{{Version: 1,
				Created: "2015-02-01T10:00:00Z", Body: body, SHA256: bodySHA256(body)}}}}
			f[packTemplatesFile], _ = json.Marshal(tpl)
			var items []PackChecklistItem
			json.Unmarshal(f[packChecklistFile], &items)
			items = append(items, PackChecklistItem{Code: "nyt_punkt", Title: "Nyt punkt", Decision: "Besluttet."})
			f[packChecklistFile], _ = json.Marshal(items)
			var goals []PackGoal
			json.Unmarshal(f[packGoalsFile], &goals)
			goals = append(goals, PackGoal{Name: "Sidste mål", Measure: "manuel", Goal: 3, Notes: "Borgeren 010190-1234 deltager."})
			f[packGoalsFile], _ = json.Marshal(goals)
		}), "målet »Sidste mål«: Noter: ligner et CPR-nummer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, beforeLists := snapshotCounts(t, dst), packState(t, dst)
			file := filepath.Join(t.TempDir(), "pakke.zip")
			if err := os.WriteFile(file, c.zip, 0o600); err != nil {
				t.Fatal(err)
			}
			p, err := ReadKnowledgePackFile(file)
			if err == nil {
				_, err = dst.ImportKnowledgePack(ctx, p, PackImportOptions{File: file})
			}
			if err == nil || !IsPackRefused(err) || !strings.Contains(err.Error(), c.want) ||
				!strings.HasPrefix(err.Error(), "Videndelingspakken kan ikke indlæses: ") || !strings.HasSuffix(err.Error(), "Intet er indlæst.") {
				t.Fatalf("got %v, want a refusal saying %q", err, c.want)
			}
			sameCounts(t, before, snapshotCounts(t, dst))
			if after := packState(t, dst); after != beforeLists {
				t.Errorf("the refused package changed the database: %s, was %s", after, beforeLists)
			}
		})
	}
}

// packState is what an import can change beside the rows snapshotCounts
// counts: the templates, the lists and the checklist's proposals.
func packState(t *testing.T, s *Store) string {
	t.Helper()
	var state string
	err := s.DB().QueryRow(`SELECT (SELECT count(*) FROM templates) || ' ' || (SELECT count(*) FROM template_versions) || ' ' ||
		(SELECT count(*) FROM schemes) || ' ' || (SELECT count(*) FROM target_groups) || ' ' ||
		(SELECT coalesce(group_concat(decision, '|'), '') FROM checklist_items)`).Scan(&state)
	if err != nil {
		t.Fatal(err)
	}
	return state
}

// TestKnowledgePackRefusesPersonData: an export whose texts name a
// contact person or a placement's pseudonym is refused, naming the text.
func TestKnowledgePackRefusesPersonData(t *testing.T) {
	ctx := context.Background()
	s := mustDemo(t)
	items, err := s.Checklist(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	f := items[0].Form()
	f.Description = "Aftalt med Mette Lindholm."
	if _, err := s.SaveChecklistItem(ctx, f); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "pakke.zip")
	_, err = s.ExportKnowledgePack(ctx, out, PackOptions{})
	want := "videndelingspakken kan ikke laves: tjeklistepunktet »" + items[0].Title + "« nævner en kontaktpersons navn (Mette Lindholm)"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("export = %v, want %q", err, want)
	}
	if _, statErr := os.Stat(out); !os.IsNotExist(statErr) {
		t.Errorf("the refused package was written: %v", statErr)
	}
	f.Description = "Gives til K.M. i ugen."
	if _, err := s.SaveChecklistItem(ctx, f); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ExportKnowledgePack(ctx, out, PackOptions{}); err == nil || !strings.Contains(err.Error(), "en placerets initialer eller pseudonym (K.M.)") {
		t.Fatalf("export with initials = %v", err)
	}
	if !containsWord("kok 20 og kok 2.", "kok 2") || containsWord("kok 20", "kok 2") || containsWord("benkm.", "k.m.") {
		t.Error("containsWord matches inside words")
	}
}
