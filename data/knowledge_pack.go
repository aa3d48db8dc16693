package data

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"partnerskab/data/dk"
)

// A knowledge-sharing package (videndelingspakke) is what one housing area
// hands another: the templates with their history, the checklist with the
// texts the partnership decided, the schemes and target groups, the goals'
// definitions and the latest status report. It is a zip of JSON files and
// a manifest; it never holds people: no contact person, no placement, no
// goal's value or evidence.

// The package's format; an installation refuses a newer version.
const (
	PackFormat        = "partnerskab-videndeling"
	PackFormatVersion = 1
)

// The files of a package. Nothing else may be in the zip.
const (
	packManifestFile  = "manifest.json"
	packTemplatesFile = "skabeloner.json"
	packChecklistFile = "tjekliste.json"
	packListsFile     = "ordninger.json"
	packGoalsFile     = "maal.json"
	packReportFile    = "statusrapport.pdf"
)

// PackManifest names the package and lists its files with their checksums.
type PackManifest struct {
	Format         string     `json:"format"`
	FormatVersion  int        `json:"format_version"`
	ProgramVersion string     `json:"program_version"`
	Created        string     `json:"created"` // RFC 3339 UTC
	SourceArea     string     `json:"source_area"`
	ReportAsOf     string     `json:"report_as_of,omitempty"` // ISO date of the status report
	Files          []PackFile `json:"files"`
}

// PackFile is one file of the package as the manifest lists it.
type PackFile struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// PackTemplate is a template with every version, oldest first.
type PackTemplate struct {
	Name        string                `json:"name"`
	Description string                `json:"description"`
	Versions    []PackTemplateVersion `json:"versions"`
}

// PackTemplateVersion is one saved text of a template.
type PackTemplateVersion struct {
	Version int    `json:"version"`
	Created string `json:"created"`
	Body    string `json:"body"`
	SHA256  string `json:"sha256"`
}

// PackChecklistItem is a checklist item; Decision is the text the source
// partnership decided (only for a settled item).
type PackChecklistItem struct {
	Code        string `json:"code"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Decision    string `json:"decision,omitempty"`
}

// PackScheme is an employment scheme's definition.
type PackScheme struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Subsidised  bool   `json:"subsidised"`
	Flex        bool   `json:"flex"`
	CountsAsJob bool   `json:"counts_as_job"`
	WarnWeeks   int    `json:"warn_weeks,omitempty"`
}

// PackLists are the schemes and the target groups.
type PackLists struct {
	Schemes      []PackScheme `json:"schemes"`
	TargetGroups []string     `json:"target_groups"`
}

// PackGoal is a goal's definition: what is measured and the target, not
// how far the source area has come.
type PackGoal struct {
	Name    string  `json:"name"`
	Measure string  `json:"measure"`
	Goal    float64 `json:"goal"`
	Unit    string  `json:"unit"`
	Notes   string  `json:"notes"`
}

// KnowledgePack is a package's content, as written or as read and checked.
type KnowledgePack struct {
	Manifest   PackManifest
	Templates  []PackTemplate
	Checklist  []PackChecklistItem
	Lists      PackLists
	Goals      []PackGoal
	ReportPDF  []byte
	ReportAsOf time.Time
}

// Versions counts the template versions in the package.
func (p *KnowledgePack) Versions() int {
	n := 0
	for _, t := range p.Templates {
		n += len(t.Versions)
	}
	return n
}

// Summary says what the package holds: "3 skabeloner (12 versioner), …".
func (p *KnowledgePack) Summary() string {
	parts := []string{
		countNoun(len(p.Templates), "skabelon", "skabeloner") + " (" + countNoun(p.Versions(), "version", "versioner") + ")",
		countNoun(len(p.Checklist), "punkt", "punkter") + " på tjeklisten",
		countNoun(len(p.Lists.Schemes), "ordning", "ordninger"),
		countNoun(len(p.Lists.TargetGroups), "målgruppe", "målgrupper"),
		countNoun(len(p.Goals), "mål", "mål"),
	}
	if len(p.ReportPDF) > 0 {
		parts = append(parts, "statusrapporten pr. "+dk.FormatDate(p.ReportAsOf))
	}
	return joinAnd(parts)
}

// joinAnd joins "a", "b" and "c" as "a, b og c".
func joinAnd(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " og " + parts[len(parts)-1]
}

// PackOptions is what the package takes from outside the database.
type PackOptions struct {
	ProgramVersion string
	AreaName       string // "" takes the organisation's name and the default place from the settings
	ReportPDF      []byte // the latest status report; nil for none
	ReportAsOf     time.Time
}

// KnowledgePack collects what the package holds from the database, and
// refuses when a text in it names a contact person or a placed citizen.
func (s *Store) KnowledgePack(ctx context.Context, opt PackOptions) (*KnowledgePack, error) {
	p := &KnowledgePack{ReportPDF: opt.ReportPDF, ReportAsOf: opt.ReportAsOf}
	area := strings.TrimSpace(opt.AreaName)
	if area == "" {
		var err error
		if area, err = s.packArea(ctx); err != nil {
			return nil, err
		}
	}
	p.Manifest = PackManifest{Format: PackFormat, FormatVersion: PackFormatVersion, ProgramVersion: opt.ProgramVersion,
		Created: s.nowText(), SourceArea: area}
	if len(opt.ReportPDF) > 0 {
		if opt.ReportAsOf.IsZero() {
			return nil, fmt.Errorf("statusrapporten mangler sin dato")
		}
		p.Manifest.ReportAsOf = opt.ReportAsOf.Format(time.DateOnly)
	}
	templates, err := s.Templates(ctx, false)
	if err != nil {
		return nil, err
	}
	for _, t := range templates {
		vs, err := s.TemplateVersions(ctx, t.ID)
		if err != nil {
			return nil, err
		}
		pt := PackTemplate{Name: t.Name, Description: t.Description}
		for i := len(vs) - 1; i >= 0; i-- { // TemplateVersions lists the newest first
			v := vs[i]
			pt.Versions = append(pt.Versions, PackTemplateVersion{Version: v.Version, Created: v.CreatedAt.UTC().Format(time.RFC3339),
				Body: v.Body, SHA256: v.SHA256})
		}
		p.Templates = append(p.Templates, pt)
	}
	items, err := s.Checklist(ctx, false)
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		pi := PackChecklistItem{Code: it.Code, Title: it.Title, Description: it.Description}
		if it.Status == ChecklistSettled {
			pi.Decision = it.Decision
		}
		p.Checklist = append(p.Checklist, pi)
	}
	schemes, err := s.Schemes(ctx, false)
	if err != nil {
		return nil, err
	}
	for _, sc := range schemes {
		p.Lists.Schemes = append(p.Lists.Schemes, PackScheme{Code: sc.Code, Name: sc.Name, Subsidised: sc.Subsidised,
			Flex: sc.Flex, CountsAsJob: sc.CountsAsJob, WarnWeeks: sc.WarnWeeks})
	}
	groups, err := s.TargetGroups(ctx, false)
	if err != nil {
		return nil, err
	}
	p.Lists.TargetGroups = []string{}
	for _, g := range groups {
		p.Lists.TargetGroups = append(p.Lists.TargetGroups, g.Name)
	}
	goals, err := s.Targets(ctx, s.Now())
	if err != nil {
		return nil, err
	}
	for _, g := range goals {
		p.Goals = append(p.Goals, PackGoal{Name: g.Name, Measure: string(g.Measure), Goal: g.Goal, Unit: g.Unit, Notes: g.Notes})
	}
	return p, s.checkPackPeople(ctx, p)
}

// packArea names the source area from the settings: "Slagelse Kommune, …
// (Korsør)".
func (s *Store) packArea(ctx context.Context) (string, error) {
	org, err := s.Setting(ctx, SettingOrganisationName)
	if err != nil {
		return "", err
	}
	place, err := s.Setting(ctx, SettingDefaultPlace)
	if err != nil {
		return "", err
	}
	org, place = strings.TrimSpace(org), strings.TrimSpace(place)
	switch {
	case org != "" && place != "":
		return org + " (" + place + ")", nil
	case org != "":
		return org, nil
	}
	return place, nil
}

// WriteZip writes the package as a zip to w. The zip is the same
// for the same content: its entries carry the manifest's creation time.
func (p *KnowledgePack) WriteZip(w io.Writer) error {
	files := map[string][]byte{}
	var names []string
	add := func(name string, v any) error {
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		files[name] = append(b, '\n')
		names = append(names, name)
		return nil
	}
	for _, f := range []struct {
		name string
		v    any
	}{{packTemplatesFile, nonNil(p.Templates)}, {packChecklistFile, nonNil(p.Checklist)},
		{packListsFile, p.Lists}, {packGoalsFile, nonNil(p.Goals)}} {
		if err := add(f.name, f.v); err != nil {
			return err
		}
	}
	if len(p.ReportPDF) > 0 {
		files[packReportFile] = p.ReportPDF
		names = append(names, packReportFile)
	}
	m := p.Manifest
	m.Files = nil
	for _, n := range names {
		sum := sha256.Sum256(files[n])
		m.Files = append(m.Files, PackFile{Name: n, Size: int64(len(files[n])), SHA256: hex.EncodeToString(sum[:])})
	}
	if err := add(packManifestFile, m); err != nil {
		return err
	}
	at, err := time.Parse(time.RFC3339, m.Created)
	if err != nil {
		at = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range append([]string{packManifestFile}, names[:len(names)-1]...) {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: at})
		if err != nil {
			return err
		}
		if _, err := f.Write(files[n]); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// nonNil makes an empty list a JSON [] rather than null.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// ExportKnowledgePack writes the package to path and records the export
// in the audit log; it returns what the package holds.
func (s *Store) ExportKnowledgePack(ctx context.Context, path string, opt PackOptions) (*KnowledgePack, error) {
	p, err := s.KnowledgePack(ctx, opt)
	if err != nil {
		return nil, err
	}
	if err := WriteFile(s.Path(), path, 0o600, p.WriteZip); err != nil {
		return nil, err
	}
	return p, s.LogExport(ctx, "videndelingspakke", 0, "videndelingspakke: "+p.Summary(), path)
}
