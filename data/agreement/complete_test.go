package agreement

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"partnerskab/data"
)

// demoWithAgreements is a fresh database after `partnerskab demo`: the
// draft and the signed example, with the seal folder next to the file.
func demoWithAgreements(tb testing.TB) *data.Store {
	tb.Helper()
	s, err := data.Open(filepath.Join(tb.TempDir(), "partnerskab.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	if err := LoadDemo(context.Background(), s); err != nil {
		tb.Fatalf("LoadDemo: %v", err)
	}
	return s
}

// demoOn1March is the demo in a store whose clock says 1.3.2015 kl. 9.30,
// the day the caseworker drafts; with agreements, the demo's agreements too.
func demoOn1March(tb testing.TB, agreements bool) *data.Store {
	tb.Helper()
	s, err := data.Open(filepath.Join(tb.TempDir(), "partnerskab.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return time.Date(2015, 3, 1, 9, 30, 0, 0, time.UTC) }
	load := s.LoadDemo
	if agreements {
		load = func(ctx context.Context) error { return LoadDemo(ctx, s) }
	}
	if err := load(context.Background()); err != nil {
		tb.Fatalf("LoadDemo: %v", err)
	}
	return s
}

// demoAgreement finds the demo's partnership agreement of status st (the
// sub-agreements under the signed one are drafts too).
func demoAgreement(tb testing.TB, s *data.Store, st data.AgreementStatus) data.Agreement {
	tb.Helper()
	all, err := s.Agreements(context.Background(), data.AgreementQuery{Status: st})
	var list []data.Agreement
	for _, a := range all {
		if a.ParentID == 0 {
			list = append(list, a)
		}
	}
	if err != nil || len(list) != 1 {
		tb.Fatalf("the demo has %d top agreements of status %s (%v), want 1", len(list), st, err)
	}
	a, err := s.Agreement(context.Background(), list[0].ID)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

func hexSum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// checkSealed asserts what every finished agreement must hold: status
// signed, the stored bytes are what ExportPDF gives (every time), their
// SHA-256 is the stored one, Verify and pdfsig accept the seal, and the
// certificate page prints the stored text hash.
func checkSealed(t *testing.T, s *data.Store, sealer *Sealer, id int64) []string {
	t.Helper()
	ctx := context.Background()
	st, err := s.SigningState(ctx, id)
	if err != nil || st.Status != data.StatusSigned {
		t.Fatalf("status %s (%v), want signed", st.Status, err)
	}
	stored, sum, err := s.SealedPDF(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	out1, err := ExportPDF(ctx, s, sealer, id)
	if err != nil {
		t.Fatal(err)
	}
	out2, _ := ExportPDF(ctx, s, nil, id)
	if !bytes.Equal(out1, stored) || !bytes.Equal(out2, stored) || hexSum(out1) != sum || st.SealedSHA256 != sum {
		t.Errorf("ExportPDF gives %s and %s; stored %s (state %s)", hexSum(out1), hexSum(out2), sum, st.SealedSHA256)
	}
	r, err := Verify(stored, sealer.Trust())
	if err != nil || !r.OK || !r.Trusted {
		t.Errorf("Verify: %v\n%s", err, r)
	}
	path := writeTemp(t, "underskrevet.pdf", stored)
	if out := pdfsig(t, path); !strings.Contains(out, "Signature is Valid.") || !strings.Contains(out, "Total document signed") {
		t.Errorf("pdfsig:\n%s", out)
	}
	ps := pages(t, path)
	a, _ := s.Agreement(ctx, id)
	// The certificate page(s) come last; a hash may wrap over two lines.
	all := strings.Join(strings.Fields(bare(strings.Join(ps, "\n"))), "")
	at := strings.LastIndex(all, "Underskriftsbevis")
	if at < 0 {
		t.Fatalf("no certificate page:\n%s", ps[len(ps)-1])
	}
	for _, want := range []string{a.Number, a.BodySHA256} {
		if !strings.Contains(all[at:], want) {
			t.Errorf("the certificate page lacks %q", want)
		}
	}
	return ps
}

func TestDemoHasASignedSealedExample(t *testing.T) {
	s := demoWithAgreements(t)
	ctx := context.Background()
	a := demoAgreement(t, s, data.StatusSigned)
	draft := demoAgreement(t, s, data.StatusDraft)
	if !a.Example || a.Title != draft.Title || len(a.Signatories) < 4 || a.Number == draft.Number {
		t.Errorf("signed example %s %q example %v, %d signatories", a.Number, a.Title, a.Example, len(a.Signatories))
	}
	sealer, err := OpenStoreSealer(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	ps := checkSealed(t, s, sealer, a.ID)
	all := bare(strings.Join(ps, "\n"))
	for _, want := range []string{"EKSEMPEL", "Underskrevet 19.2.2015 kl.", "i Korsør", "tegnet på skærm"} {
		if !strings.Contains(all, bare(want)) {
			t.Errorf("the signed example's text lacks %q", want)
		}
	}
	for _, g := range a.Signatories {
		if !strings.Contains(all, bare(g.Name)) {
			t.Errorf("the signed example lacks the signatory %q", g.Name)
		}
	}
	st, _ := s.SigningState(ctx, a.ID)
	for _, g := range st.Signers {
		if g.Signature == nil || g.Signature.Method != data.MethodDrawn || data.InkAmount(mustInk(t, g.Signature.Strokes)) < MinInk {
			t.Errorf("%s's demo signature = %+v", g.Name, g.Signature)
		}
	}
}

func mustInk(t *testing.T, s string) [][]Point {
	t.Helper()
	ink, err := data.ParseInk(s)
	if err != nil {
		t.Fatal(err)
	}
	return ink
}

// The whole ceremony through the data API, on the demo's draft.
func TestSignTheDemoDraftAndFinish(t *testing.T) {
	s := demoWithAgreements(t)
	ctx := context.Background()
	a := demoAgreement(t, s, data.StatusDraft)
	sealer, _ := testSealer(t, "Slagelse Kommune, Center for Arbejdsmarked og Integration")
	if _, err := Finish(ctx, s, sealer, a.ID); err == nil {
		t.Error("a draft was finished")
	}
	if err := s.SendForSigning(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2015, 2, 21, 14, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return clock }
	for i, g := range a.Signatories {
		clock = clock.Add(4 * time.Minute)
		if err := s.PresentToSigner(ctx, a.ID, g.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.ConfirmRead(ctx, a.ID, g.ID); err != nil {
			t.Fatal(err)
		}
		strokes := demoStrokes(g.Name)
		img, err := RenderInk(strokes, 900, 300)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SignDrawn(ctx, a.ID, g.ID, data.InkJSON(strokes), img, ""); err != nil {
			t.Fatal(err)
		}
		if i < len(a.Signatories)-1 {
			// Not finished before the last signature; the export is a fresh, unsealed render.
			if _, err := Finish(ctx, s, sealer, a.ID); err == nil {
				t.Fatalf("finished after %d of %d signatures", i+1, len(a.Signatories))
			}
		}
	}
	first, err := Finish(ctx, s, sealer, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Finish(ctx, s, sealer, a.ID)
	if err != nil || !bytes.Equal(first, again) {
		t.Errorf("a second Finish gave other bytes (%v)", err)
	}
	ps := checkSealed(t, s, sealer, a.ID)
	all := bare(strings.Join(ps, "\n"))
	for _, want := range []string{"Underskrevet 21.2.2015 kl. 14.04 i Korsør", "præsenteret", "læst og bekræftet"} {
		if !strings.Contains(all, bare(want)) {
			t.Errorf("the signed PDF lacks %q", want)
		}
	}
	if strings.Contains(all, "UDKAST") {
		t.Error("the signed PDF still says UDKAST")
	}
}

func TestPaperRouteIsSealedWithTheScanHash(t *testing.T) {
	s := demoWithAgreements(t)
	ctx := context.Background()
	a := demoAgreement(t, s, data.StatusDraft)
	if err := s.SendForSigning(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return time.Date(2015, 2, 25, 10, 0, 0, 0, time.UTC) }
	var sigs []data.PaperSignature
	for _, g := range a.Signatories {
		sigs = append(sigs, data.PaperSignature{SignatoryID: g.ID, SignedOn: time.Date(2015, 2, 23, 0, 0, 0, 0, time.UTC)})
	}
	scan := []byte("%PDF-1.4\n% scannede underskrifter\n%%EOF\n")
	if err := s.RegisterPaperSignatures(ctx, a.ID, sigs, scan); err != nil {
		t.Fatal(err)
	}
	sealer, _ := testSealer(t, "Slagelse Kommune, Center for Arbejdsmarked og Integration")
	if _, err := Finish(ctx, s, sealer, a.ID); err != nil {
		t.Fatal(err)
	}
	ps := checkSealed(t, s, sealer, a.ID)
	all := strings.Join(strings.Fields(bare(strings.Join(ps, "\n"))), "") // a hash may wrap
	for _, want := range []string{"Underskrevet på papir 23.2.2015", "papir", hexSum(scan)} {
		if !strings.Contains(all, strings.Join(strings.Fields(want), "")) {
			t.Errorf("the paper-signed PDF lacks %q", want)
		}
	}
	st, _ := s.SigningState(ctx, a.ID)
	if st.StatusLabel() != "Underskrevet (papir)" {
		t.Errorf("status label %q", st.StatusLabel())
	}
}

// An unsigned agreement's export is rendered afresh from what the store
// holds now: judged by pdftotext, pdfinfo and qpdf against the stored
// record, not against the renderer's own output.
func TestExportOfAnUnsignedAgreementIsAFreshRender(t *testing.T) {
	s := demoWithAgreements(t)
	ctx := context.Background()
	a := demoAgreement(t, s, data.StatusDraft)
	export := func() (string, []byte) {
		t.Helper()
		b, err := ExportPDF(ctx, s, nil, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := ExportPDF(ctx, s, nil, a.ID)
		if !bytes.Equal(b, again) {
			t.Error("two exports of the same draft differ")
		}
		return writeTemp(t, "kladde.pdf", b), b
	}
	path, b := export()
	text := strings.Join(strings.Fields(bare(strings.Join(pages(t, path), "\n"))), " ")
	want := []string{a.Number, a.Title, "UDKAST", "21. februar 2015", "Denne aftale er en partnerskabsaftale af 2. orden."}
	for _, p := range a.Parties {
		want = append(want, p.Name)
	}
	for _, g := range a.Signatories {
		want = append(want, g.Name)
	}
	for _, w := range want {
		if !strings.Contains(text, strings.Join(strings.Fields(bare(w)), " ")) {
			t.Errorf("the draft's PDF lacks %q", w)
		}
	}
	// The parties' table, between the title block and the text: every
	// party with its CVR number.
	if from, to := strings.Index(text, "Parter"), strings.Index(text, "Denne aftale er"); from < 0 || to < from {
		t.Error("no parties' table before the text")
	} else {
		for _, p := range a.Parties {
			for _, w := range []string{p.Name, p.CVR} {
				if !strings.Contains(text[from:to], strings.Join(strings.Fields(bare(w)), " ")) {
					t.Errorf("the parties' table lacks %q", w)
				}
			}
		}
	}
	// The signature blocks, after the last section's heading: one per
	// signatory, "For" the organisation, the name and title in print.
	if at := strings.LastIndex(text, "Underskrifter"); at < 0 {
		t.Error("no signature section")
	} else {
		blocks := text[at:]
		for _, g := range a.Signatories {
			for _, w := range []string{"For " + g.OrganisationName, g.Name, g.Title} {
				if !strings.Contains(blocks, strings.Join(strings.Fields(bare(w)), " ")) {
					t.Errorf("the signature blocks lack %q", w)
				}
			}
		}
		if n := strings.Count(blocks, "Sted og dato:"); n != len(a.Signatories) {
			t.Errorf("%d signature blocks, want %d", n, len(a.Signatories))
		}
	}
	if strings.Contains(text, "Underskriftsbevis") || bytes.Contains(b, []byte("/ByteRange")) {
		t.Error("an unsigned draft's PDF has a certificate page or a seal")
	}
	info := run(t, "pdfinfo", "-isodates", path)
	// Written at the draft's last stored change, not when it was exported.
	if fieldValue(info, "Title:") != a.Title || !sameInstant(t, a.UpdatedAt.Format(time.RFC3339), fieldValue(info, "CreationDate:")) {
		t.Errorf("pdfinfo:\n%s", info)
	}
	if out := run(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	if _, _, err := s.SealedPDF(ctx, a.ID); err == nil {
		t.Error("exporting a draft stored sealed bytes")
	}

	// Edited, the draft exports its new text: nothing is kept from before.
	f := a.Form()
	f.Title = "Partnerskabsaftale, revideret"
	f.Body = "## Formål\n\nParterne mødes hver anden måned i Kvarterhuset.\n"
	if _, err := s.SaveAgreementDraft(ctx, a.ID, f); err != nil {
		t.Fatal(err)
	}
	path, _ = export()
	text = strings.Join(strings.Fields(bare(strings.Join(pages(t, path), "\n"))), " ")
	for _, w := range []string{"Partnerskabsaftale, revideret", "Parterne mødes hver anden måned i Kvarterhuset."} {
		if !strings.Contains(text, w) {
			t.Errorf("the edited draft's PDF lacks %q", w)
		}
	}
	if strings.Contains(text, "Denne aftale er en partnerskabsaftale af 2. orden.") {
		t.Error("the edited draft's PDF still has the old text")
	}
}
