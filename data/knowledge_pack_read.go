package data

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// A package comes from outside: it is read with limits (a zip bomb
// unpacks to gigabytes), only the package's own flat file names are
// accepted (no "../"), and every file must match the manifest's checksum.

// The limits of a package.
const (
	packMaxZip     = 64 << 20 // the zip file
	packMaxJSON    = 8 << 20  // one JSON file unpacked
	packMaxPDF     = 32 << 20 // the status report unpacked
	packMaxTotal   = 64 << 20 // everything unpacked
	packMaxEntries = 16
)

// PackError refuses a package; nothing was imported.
type PackError struct{ Reason string }

func (e *PackError) Error() string {
	return "Videndelingspakken kan ikke indlæses: " + e.Reason + ". Intet er indlæst."
}

func packRefused(format string, a ...any) error { return &PackError{Reason: fmt.Sprintf(format, a...)} }

// IsPackRefused tells whether err refuses a package.
func IsPackRefused(err error) bool {
	var p *PackError
	return errors.As(err, &p)
}

// ReadKnowledgePackFile reads and checks the package at path.
func ReadKnowledgePackFile(path string) (*KnowledgePack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, packRefused("filen %s kan ikke åbnes (%v)", path, DanishError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, packRefused("filen %s kan ikke læses (%v)", path, DanishError(err))
	}
	if st.IsDir() {
		return nil, packRefused("%s er en mappe, ikke en fil", path)
	}
	return ReadKnowledgePack(f, st.Size())
}

// ReadKnowledgePack reads and checks a package of size bytes.
func ReadKnowledgePack(r io.ReaderAt, size int64) (*KnowledgePack, error) {
	if size > packMaxZip {
		return nil, packRefused("filen er for stor (%s MB; højst %d MB)", dk.FormatDecimal(float64(size)/(1<<20), 1), packMaxZip>>20)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, packRefused("filen er ikke en zip-fil")
	}
	if len(zr.File) > packMaxEntries {
		return nil, packRefused("zip-filen har %d filer; en videndelingspakke har højst %d", len(zr.File), packMaxEntries)
	}
	// A zip without a manifest is some other file (photos, a backup):
	// say so before judging its names.
	hasManifest := false
	for _, f := range zr.File {
		hasManifest = hasManifest || f.Name == packManifestFile
	}
	if !hasManifest {
		return nil, packRefused("%s mangler; filen er ikke en videndelingspakke fra Partnerskab", packManifestFile)
	}
	files := map[string][]byte{}
	var total int64
	for _, f := range zr.File {
		name := f.Name
		if strings.ContainsAny(name, `/\:`) || strings.Contains(name, "..") || name == "" {
			return nil, packRefused("zip-filen indeholder et ugyldigt filnavn (%q)", name)
		}
		limit := int64(packMaxJSON)
		switch name {
		case packManifestFile, packTemplatesFile, packChecklistFile, packListsFile, packGoalsFile:
		case packReportFile:
			limit = packMaxPDF
		default:
			return nil, packRefused("zip-filen indeholder %q, som ikke hører til en videndelingspakke", name)
		}
		if _, twice := files[name]; twice {
			return nil, packRefused("zip-filen indeholder %s to gange", name)
		}
		if f.UncompressedSize64 > uint64(limit) {
			return nil, packRefused("%s er for stor udpakket (højst %d MB)", name, limit>>20)
		}
		b, err := readLimited(f, limit)
		if err != nil {
			return nil, packRefused("%s %v", name, err)
		}
		if total += int64(len(b)); total > packMaxTotal {
			return nil, packRefused("pakken fylder for meget udpakket (højst %d MB)", packMaxTotal>>20)
		}
		files[name] = b
	}
	return parsePack(files)
}

// readLimited unpacks f, refusing more than limit bytes whatever its
// header says.
func readLimited(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if errors.Is(err, zip.ErrAlgorithm) {
		return nil, errors.New("er pakket på en måde, programmet ikke kender")
	} else if err != nil {
		return nil, errors.New("kan ikke pakkes ud")
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		// The zip package's reasons are in English: a wrong checksum, a
		// size other than the header's (a zip bomb), a broken stream.
		return nil, errors.New("er beskadiget (indholdet passer ikke med zip-filens oplysninger)")
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("er for stor udpakket (højst %d MB)", limit>>20)
	}
	return b, nil
}

// parsePack checks the manifest against the files and reads them.
func parsePack(files map[string][]byte) (*KnowledgePack, error) {
	raw, ok := files[packManifestFile]
	if !ok {
		return nil, packRefused("%s mangler; filen er ikke en videndelingspakke fra Partnerskab", packManifestFile)
	}
	p := &KnowledgePack{}
	if err := json.Unmarshal(raw, &p.Manifest); err != nil {
		return nil, packRefused("%s kan ikke læses (%s)", packManifestFile, jsonProblem(err))
	}
	m := p.Manifest
	if m.Format != PackFormat {
		return nil, packRefused("filen er ikke en videndelingspakke fra Partnerskab (formatet hedder %q, ikke %q)", m.Format, PackFormat)
	}
	if m.FormatVersion > PackFormatVersion {
		made := fmt.Sprintf("format %d", m.FormatVersion)
		if v := strings.TrimSpace(m.ProgramVersion); v != "" {
			made = v + ", " + made
		}
		return nil, packRefused("pakken er lavet af en nyere version af Partnerskab (%s; dette program kender op til format %d); opdatér programmet",
			made, PackFormatVersion)
	}
	if m.FormatVersion < 1 {
		return nil, packRefused("%s har et ugyldigt formatnummer (%d)", packManifestFile, m.FormatVersion)
	}
	if _, err := time.Parse(time.RFC3339, m.Created); err != nil {
		return nil, packRefused("%s har en ugyldig dato for, hvornår pakken er lavet (%q)", packManifestFile, m.Created)
	}
	listed := map[string]bool{}
	for _, f := range m.Files {
		b, ok := files[f.Name]
		if !ok || f.Name == packManifestFile {
			return nil, packRefused("%s nævner %q, som ikke er i pakken", packManifestFile, f.Name)
		}
		sum := sha256.Sum256(b)
		if int64(len(b)) != f.Size || hex.EncodeToString(sum[:]) != f.SHA256 {
			return nil, packRefused("%s er beskadiget eller ændret (kontrolsummen passer ikke med %s)", f.Name, packManifestFile)
		}
		listed[f.Name] = true
	}
	for name := range files {
		if name != packManifestFile && !listed[name] {
			return nil, packRefused("%s er i pakken, men ikke i %s", name, packManifestFile)
		}
	}
	for _, f := range []struct {
		name string
		v    any
	}{{packTemplatesFile, &p.Templates}, {packChecklistFile, &p.Checklist}, {packListsFile, &p.Lists}, {packGoalsFile, &p.Goals}} {
		b, ok := files[f.name]
		if !ok {
			return nil, packRefused("%s mangler i pakken", f.name)
		}
		if err := json.Unmarshal(b, f.v); err != nil {
			return nil, packRefused("%s kan ikke læses (%s)", f.name, jsonProblem(err))
		}
	}
	if pdf, ok := files[packReportFile]; ok {
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			return nil, packRefused("%s er ikke en PDF-fil", packReportFile)
		}
		d, err := dk.ParseISODate(m.ReportAsOf)
		if err != nil {
			return nil, packRefused("%s mangler statusrapportens dato", packManifestFile)
		}
		p.ReportPDF, p.ReportAsOf = pdf, d
	}
	if err := p.checkContent(); err != nil {
		return nil, err
	}
	return p, nil
}

// jsonProblem says in Danish what is wrong with a JSON file.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("ikke gyldig JSON ved tegn %d", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("feltet %q har en forkert type", typ.Field)
	}
	return "ikke gyldig JSON"
}

// checkContent checks what the import relies on: template versions in
// order and matching their checksums, checklist field names that can be
// merge fields, known measures. The texts themselves are checked by the
// forms' rules when they are imported.
func (p *KnowledgePack) checkContent() error {
	for _, t := range p.Templates {
		if strings.TrimSpace(t.Name) == "" {
			return packRefused("en skabelon i %s har intet navn", packTemplatesFile)
		}
		if len(t.Versions) == 0 {
			return packRefused("skabelonen »%s« har ingen versioner", t.Name)
		}
		for i, v := range t.Versions {
			if v.Version < 1 || i > 0 && v.Version <= t.Versions[i-1].Version {
				return packRefused("skabelonen »%s« har versionerne i forkert rækkefølge (version %d)", t.Name, v.Version)
			}
			if bodySHA256(v.Body) != v.SHA256 {
				return packRefused("skabelonen »%s« version %d er ændret (kontrolsummen passer ikke)", t.Name, v.Version)
			}
			if _, err := time.Parse(time.RFC3339, v.Created); err != nil {
				return packRefused("skabelonen »%s« version %d har en ugyldig dato (%q)", t.Name, v.Version, v.Created)
			}
		}
	}
	codes := map[string]bool{}
	for _, c := range p.Checklist {
		if problem := checkFieldName(c.Code); problem != "" {
			return packRefused("tjeklistepunktet »%s« har et ugyldigt flettefelt: %s", c.Title, problem)
		}
		if codes[c.Code] {
			return packRefused("flettefeltet afklaring.%s står to gange i %s", c.Code, packChecklistFile)
		}
		codes[c.Code] = true
	}
	for _, g := range p.Goals {
		if !validMeasure(Measure(g.Measure)) {
			return packRefused("målet »%s« måles på en måde, programmet ikke kender (%q)", g.Name, g.Measure)
		}
	}
	return nil
}
