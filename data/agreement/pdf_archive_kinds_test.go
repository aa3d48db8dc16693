package agreement

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"partnerskab/data"
)

// Every kind of PDF the program writes is archivable: the demo's draft and
// sealed agreement, the minutes, the art. 30 record and a person's
// extract pass qpdf --check and pdfcpu's strict validation, carry the
// XMP with pdfaid part 2 / B, an outline, /Lang and a trailer /ID; the
// sealed one still satisfies pdfsig and mutool, and its dates are the
// sealing time. Exporting again gives the same bytes.
func TestEveryPDFIsArchivable(t *testing.T) {
	ctx := context.Background()
	s := demoWithAgreements(t)
	org, _ := s.Setting(ctx, data.SettingOrganisationName)
	if org == "" {
		t.Fatal("the demo names no organisation")
	}
	draft := demoAgreement(t, s, data.StatusDraft)
	signed := demoAgreement(t, s, data.StatusSigned)
	meetings, err := s.Meetings(ctx, data.MeetingQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var approved int64
	for _, m := range meetings {
		if m.Approved() {
			approved = m.ID
		}
	}
	var contact int64
	for _, p := range draft.Parties {
		if ks, _ := s.Contacts(ctx, p.OrganisationID, true); contact == 0 && len(ks) > 0 {
			contact = ks[0].ID
		}
	}
	if contact == 0 {
		t.Fatal("no party of the demo's draft has a contact person")
	}
	x, err := s.ContactExtract(ctx, contact)
	if err != nil {
		t.Fatal(err)
	}
	kinds := []struct {
		name, title string
		outline     []string
		make        func() ([]byte, error)
	}{
		{"kladde", draft.Title, []string{"1. Aftalens karakter", "Parter"}, func() ([]byte, error) { return ExportPDF(ctx, s, nil, draft.ID) }},
		{"underskrevet", signed.Title, []string{"1. Aftalens karakter", "Underskriftsbevis"},
			func() ([]byte, error) { return ExportPDF(ctx, s, nil, signed.ID) }},
		{"referat", "", nil, func() ([]byte, error) { return ExportMeetingPDF(ctx, s, approved, MeetingMinutes) }},
		{"art30", "Fortegnelse over behandlingsaktiviteter", nil, func() ([]byte, error) { return Art30PDF(ctx, s) }},
		{"indsigt", "Indsigt: " + x.Subject, nil, func() ([]byte, error) { return ExtractPDF(ctx, s, x) }},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			b, err := k.make()
			if err != nil {
				t.Fatal(err)
			}
			again, err := k.make()
			if err != nil || string(again) != string(b) {
				t.Errorf("exported twice, the bytes differ (%v)", err)
			}
			path := writeTemp(t, k.name+".pdf", b)
			title := k.title
			if title == "" {
				title = fieldValue(run(t, "pdfinfo", path), "Title:")
			}
			wantArchivable(t, path, title, org, k.outline...)
			if out, err := exec.Command(pdfcpu(t), "validate", "-m", "strict", path).CombinedOutput(); err != nil ||
				!strings.Contains(string(out), "validation ok") {
				t.Errorf("pdfcpu validate: %v\n%s", err, out)
			}
		})
	}
	t.Run("seal", func(t *testing.T) {
		stored, _, err := s.SealedPDF(ctx, signed.ID)
		if err != nil {
			t.Fatal(err)
		}
		path := writeTemp(t, "segl.pdf", stored)
		if out := pdfsig(t, path); !strings.Contains(out, "Signature is Valid.") || !strings.Contains(out, "Total document signed") {
			t.Errorf("pdfsig:\n%s", out)
		}
		out, _ := exec.Command(tool(t, "mutool"), "sign", "-v", path).CombinedOutput()
		if !strings.Contains(string(out), "The document is unchanged since signing.") {
			t.Errorf("mutool sign -v:\n%s", out)
		}
		sealed, err := Verify(stored, nil)
		if err != nil {
			t.Fatal(err)
		}
		x := readXMP(t, stored)
		if !sameInstant(t, x.CreateDate, sealed.SignedAt.Format("2006-01-02T15:04:05Z07:00")) {
			t.Errorf("the sealed PDF was written %s, sealed %s: want the sealing time", x.CreateDate, sealed.SignedAt)
		}
		if rec, err := ReadSealRecord(stored); err != nil || rec.Number != signed.Number {
			t.Errorf("the seal's record: %+v, %v", rec, err)
		}
	})
}

// pdfcpuVersion is the validator make deps installs into the checkout's .bin.
const pdfcpuVersion = "v0.15.0"

// pdfcpu is the path of pdfcpu, which make deps (scripts/deps.sh) installs
// from the Go module proxy: the validator is a test's tool, not a
// dependency of the program. Missing, the test fails and says how to get it.
func pdfcpu(t *testing.T) string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("..", "..", ".bin", "pdfcpu-"+pdfcpuVersion, "pdfcpu"))
	if err == nil {
		_, err = os.Stat(path)
	}
	if err != nil {
		t.Fatalf("pdfcpu %s is missing (%v): run make deps", pdfcpuVersion, err)
	}
	return path
}
