package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"
)

// pendingAgreement is the demo's draft between Bevar and the helhedsplan,
// sent for signing: Sofie Krogh signs first, then Lene Østergaard.
func pendingAgreement(t *testing.T, s *Store) (Agreement, Signatory, Signatory) {
	t.Helper()
	ctx := context.Background()
	_, v := mustSaveTemplate(t, s, TemplateForm{Name: "Samarbejdsaftale", Body: partnershipBody})
	a := mustCreate(t, s, draftForm(t, s, v))
	if err := s.SendForSigning(ctx, a.ID); err != nil {
		t.Fatalf("SendForSigning: %v", err)
	}
	a, _ = s.Agreement(ctx, a.ID)
	return a, a.Signatories[0], a.Signatories[1]
}

// writtenName is ink enough for a signature: a zigzag across the pad.
func writtenName() string {
	var st []InkPoint
	for i := 0; i <= 30; i++ {
		y := float32(0.4)
		if i%2 == 1 {
			y = 0.6
		}
		st = append(st, InkPoint{X: 0.1 + 0.8*float32(i)/30, Y: y})
	}
	return InkJSON([][]InkPoint{st})
}

func smallPNG(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewNRGBA(image.Rect(0, 0, 30, 10))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// signOnScreen walks one signatory through the ceremony.
func signOnScreen(t *testing.T, s *Store, a Agreement, g Signatory) {
	t.Helper()
	ctx := context.Background()
	if err := s.PresentToSigner(ctx, a.ID, g.ID); err != nil {
		t.Fatalf("PresentToSigner(%s): %v", g.Name, err)
	}
	if err := s.ConfirmRead(ctx, a.ID, g.ID); err != nil {
		t.Fatalf("ConfirmRead(%s): %v", g.Name, err)
	}
	if err := s.SignDrawn(ctx, a.ID, g.ID, writtenName(), smallPNG(t), ""); err != nil {
		t.Fatalf("SignDrawn(%s): %v", g.Name, err)
	}
}

// fakeSealed stands for agreement.Finish's sealed bytes (package data
// cannot render them; the agreement package's tests seal for real).
var fakeSealed = []byte("%PDF-1.4\n% forseglet\n%%EOF\n")

func wantSigningError(t *testing.T, err error, text string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want one saying %q", text)
	}
	if !strings.Contains(err.Error(), text) {
		t.Errorf("error %q does not say %q", err, text)
	}
}

func TestSigningInOrderThenSealed(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	if _, err := s.DB().Exec(`UPDATE settings SET value = 'Korsør' WHERE key = 'default_place'`); err != nil {
		t.Fatal(err)
	}
	a, sofie, lene := pendingAgreement(t, s)

	// Lene cannot go before Sofie.
	wantSigningError(t, s.PresentToSigner(ctx, a.ID, lene.ID), "Sofie Krogh skal skrive under først")
	if g, ok, err := s.NextSigner(ctx, a.ID); err != nil || !ok || g.ID != sofie.ID {
		t.Errorf("NextSigner = %v %v %v, want Sofie Krogh", g.Name, ok, err)
	}
	// Signing before reading is refused.
	if err := s.PresentToSigner(ctx, a.ID, sofie.ID); err != nil {
		t.Fatal(err)
	}
	wantSigningError(t, s.SignDrawn(ctx, a.ID, sofie.ID, writtenName(), smallPNG(t), ""), "bekræfte at have læst")
	if err := s.ConfirmRead(ctx, a.ID, sofie.ID); err != nil {
		t.Fatal(err)
	}
	// A tick is not a signature, and a typed name is not allowed here.
	tick := InkJSON([][]InkPoint{{{X: 0.5, Y: 0.5}, {X: 0.51, Y: 0.5}}})
	wantFieldError(t, s.SignDrawn(ctx, a.ID, sofie.ID, tick, smallPNG(t), ""), "Signature", "næsten ingen underskrift")
	wantFieldError(t, s.SignTyped(ctx, a.ID, sofie.ID, "Sofie Krogh", ""), "TypedName", "ikke tilladt")
	if n := countRows(t, s, "signatures"); n != 0 {
		t.Fatalf("%d signatures after refused ones", n)
	}
	s.Now = func() time.Time { return time.Date(2015, 3, 1, 14, 32, 0, 0, time.UTC) }
	if err := s.SignDrawn(ctx, a.ID, sofie.ID, writtenName(), smallPNG(t), ""); err != nil {
		t.Fatal(err)
	}
	wantSigningError(t, s.PresentToSigner(ctx, a.ID, sofie.ID), "allerede skrevet under")
	// Not everyone has signed: no seal yet.
	wantSigningError(t, s.StoreSealed(ctx, a.ID, fakeSealed), "mangler underskrifter")
	signOnScreen(t, s, a, lene)

	st, err := s.SigningState(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Status != StatusPending || !st.AllSigned || st.Next != 0 {
		t.Errorf("after the last signature: status %s all %v next %d; want pending (awaiting the seal), all signed", st.Status, st.AllSigned, st.Next)
	}
	sig := st.Signers[0].Signature
	if sig == nil || sig.Method != MethodDrawn || sig.Place != "Korsør" || !sig.SignedAt.Equal(time.Date(2015, 3, 1, 14, 32, 0, 0, time.UTC)) ||
		sig.Strokes != writtenName() || !bytes.Equal(sig.ImagePNG, smallPNG(t)) {
		t.Errorf("Sofie's signature = %+v", sig)
	}
	var kinds []string
	for _, e := range st.Signers[0].Events {
		kinds = append(kinds, e.Kind)
	}
	if strings.Join(kinds, ",") != "præsenteret,læst og bekræftet,underskrevet" {
		t.Errorf("Sofie's events = %q", kinds)
	}

	if err := s.StoreSealed(ctx, a.ID, fakeSealed); err != nil {
		t.Fatal(err)
	}
	pdf, sum, err := s.SealedPDF(ctx, a.ID)
	want := sha256.Sum256(fakeSealed)
	if err != nil || !bytes.Equal(pdf, fakeSealed) || sum != hex.EncodeToString(want[:]) {
		t.Errorf("SealedPDF = %d bytes, %s, %v", len(pdf), sum, err)
	}
	st, _ = s.SigningState(ctx, a.ID)
	if st.Status != StatusSigned || st.SealedSHA256 != sum || st.SignedAt.IsZero() || st.StatusLabel() != "Underskrevet" {
		t.Errorf("after the seal: %s %q %v", st.Status, st.SealedSHA256, st.SignedAt)
	}
	if found, err := s.AgreementBySealedSHA256(ctx, strings.ToUpper(sum)); err != nil || found.ID != a.ID {
		t.Errorf("AgreementBySealedSHA256 = %d, %v", found.ID, err)
	}
	// Exactly once.
	wantSigningError(t, s.StoreSealed(ctx, a.ID, []byte("%PDF-1.4 other")), SignedMessage)
	if pdf, _, _ := s.SealedPDF(ctx, a.ID); !bytes.Equal(pdf, fakeSealed) {
		t.Error("the sealed bytes changed")
	}
}

func TestSigningInAnyOrderAndTyped(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	_, v := mustSaveTemplate(t, s, TemplateForm{Name: "Samarbejdsaftale", Body: partnershipBody})
	a := mustCreate(t, s, draftForm(t, s, v))
	if err := s.SetSigningOptions(ctx, a.ID, true, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SendForSigning(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	wantSigningError(t, s.SetSigningOptions(ctx, a.ID, false, false), "kladde")
	a, _ = s.Agreement(ctx, a.ID)
	lene := a.Signatories[1]
	if err := s.PresentToSigner(ctx, a.ID, lene.ID); err != nil {
		t.Fatalf("parallel: Lene may go first: %v", err)
	}
	if err := s.ConfirmRead(ctx, a.ID, lene.ID); err != nil {
		t.Fatal(err)
	}
	wantFieldError(t, s.SignTyped(ctx, a.ID, lene.ID, "Sofie Krogh", "Slagelse"), "TypedName", "Lene Østergaard")
	wantFieldError(t, s.SignTyped(ctx, a.ID, lene.ID, "  ", "Slagelse"), "TypedName", "skriv dit navn")
	if err := s.SignTyped(ctx, a.ID, lene.ID, " lene  østergaard ", "Slagelse"); err != nil {
		t.Fatal(err)
	}
	st, _ := s.SigningState(ctx, a.ID)
	g, _ := st.Signer(lene.ID)
	if g.Signature == nil || g.Signature.Method != MethodTyped || g.Signature.TypedName != "lene østergaard" || g.Signature.Place != "Slagelse" {
		t.Errorf("typed signature = %+v", g.Signature)
	}
	if st.Next != a.Signatories[0].ID {
		t.Errorf("next = %d, want Sofie", st.Next)
	}
}

func TestRejectSaysWhoAndWhy(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	a, sofie, lene := pendingAgreement(t, s)
	signOnScreen(t, s, a, sofie)
	wantFieldError(t, s.Reject(ctx, a.ID, lene.ID, "  "), "Reason", "skriv hvorfor")
	wantSigningError(t, s.Reject(ctx, a.ID, sofie.ID, "fortrudt"), "allerede skrevet under")
	if err := s.Reject(ctx, a.ID, lene.ID, "Huslejen er ikke aftalt"); err != nil {
		t.Fatal(err)
	}
	st, _ := s.SigningState(ctx, a.ID)
	if st.Status != StatusRejected || st.RejectedByName != "Lene Østergaard" || st.RejectedReason != "Huslejen er ikke aftalt" ||
		st.RejectedAt.IsZero() || st.Status.Label() != "Afvist" {
		t.Errorf("state = %s by %q: %q at %v", st.Status, st.RejectedByName, st.RejectedReason, st.RejectedAt)
	}
	g, _ := st.Signer(lene.ID)
	if last := g.Events[len(g.Events)-1]; last.Kind != EventRejected || !strings.Contains(last.Detail, "Huslejen") {
		t.Errorf("last event = %+v", last)
	}
	// Nothing more can be signed; the rejected agreement can be cancelled.
	wantSigningError(t, s.PresentToSigner(ctx, a.ID, lene.ID), "Afvist")
	if err := s.CancelAgreement(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Agreement(ctx, a.ID); a.Status != StatusCancelled {
		t.Errorf("status %s after cancel", a.Status)
	}
	// The raw rule: a rejection without who and why is refused by the schema.
	b := mustCreate(t, s, draftForm(t, s, TemplateVersion{ID: a.TemplateVersionID}))
	if _, err := s.DB().Exec(`UPDATE agreements SET status = 'rejected' WHERE id = ?`, b.ID); err == nil ||
		!strings.Contains(err.Error(), "hvem og hvorfor") {
		t.Errorf("raw rejection without a reason: %v", err)
	}
}

func TestPaperSignatures(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	a, sofie, lene := pendingAgreement(t, s)
	scan := []byte("%PDF-1.5\nscannet papir\n%%EOF\n")
	feb := time.Date(2015, 2, 27, 0, 0, 0, 0, time.UTC)
	// Every signatory needs a date, the dates cannot be in the future, and the scan must be a PDF.
	before := countRows(t, s, "signatures")
	wantFieldError(t, s.RegisterPaperSignatures(ctx, a.ID, []PaperSignature{{SignatoryID: sofie.ID, SignedOn: feb}}, scan),
		"Signatures", "Lene Østergaard")
	wantFieldError(t, s.RegisterPaperSignatures(ctx, a.ID, []PaperSignature{{SignatoryID: sofie.ID, SignedOn: feb},
		{SignatoryID: lene.ID, SignedOn: time.Date(2015, 3, 2, 0, 0, 0, 0, time.UTC)}}, scan), "Signatures", "fremtiden")
	wantFieldError(t, s.RegisterPaperSignatures(ctx, a.ID, []PaperSignature{{SignatoryID: sofie.ID, SignedOn: feb},
		{SignatoryID: lene.ID, SignedOn: feb}}, []byte("GIF89a")), "Scan", "ikke en PDF")
	if countRows(t, s, "signatures") != before || countRows(t, s, "agreement_scans") != 0 {
		t.Fatal("a refused registration wrote something")
	}
	if err := s.RegisterPaperSignatures(ctx, a.ID, []PaperSignature{{SignatoryID: sofie.ID, SignedOn: feb},
		{SignatoryID: lene.ID, SignedOn: feb.AddDate(0, 0, 1)}}, scan); err != nil {
		t.Fatal(err)
	}
	got, sum, err := s.PaperScan(ctx, a.ID)
	want := sha256.Sum256(scan)
	if err != nil || !bytes.Equal(got, scan) || sum != hex.EncodeToString(want[:]) {
		t.Errorf("PaperScan = %q %s %v", got, sum, err)
	}
	st, _ := s.SigningState(ctx, a.ID)
	g, _ := st.Signer(lene.ID)
	if !st.AllSigned || !st.Paper || g.Signature.Method != MethodPaper || !g.Signature.SignedOn.Equal(feb.AddDate(0, 0, 1)) {
		t.Errorf("paper state: all %v paper %v Lene %+v", st.AllSigned, st.Paper, g.Signature)
	}
	if err := s.StoreSealed(ctx, a.ID, fakeSealed); err != nil {
		t.Fatal(err)
	}
	st, _ = s.SigningState(ctx, a.ID)
	if st.StatusLabel() != "Underskrevet (papir)" || st.ScanSHA256 != sum {
		t.Errorf("label %q scan %s", st.StatusLabel(), st.ScanSHA256)
	}
	if _, err := s.DB().Exec(`UPDATE agreement_scans SET pdf = x'00'`); err == nil {
		t.Error("the scan of a signed agreement was changed")
	}
	if _, err := s.DB().Exec(`DELETE FROM agreement_scans`); err == nil {
		t.Error("the scan of a signed agreement was deleted")
	}
}

// A signed agreement, its text, parties, signatories, signatures and
// signing events refuse any change, even through raw SQL.
func TestSignedAgreementIsImmutable(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	a, sofie, lene := pendingAgreement(t, s)
	signOnScreen(t, s, a, sofie)
	signOnScreen(t, s, a, lene)
	// Before the seal the status cannot be set by hand.
	if _, err := s.DB().Exec(`UPDATE agreements SET status = 'signed' WHERE id = ?`, a.ID); err == nil {
		t.Fatal("status signed set without the sealed PDF")
	}
	// A given signature stands even before the seal.
	if _, err := s.DB().Exec(`DELETE FROM signatures`); err == nil || !strings.Contains(err.Error(), "kan ikke slettes") {
		t.Errorf("deleting a given signature: %v", err)
	}
	if err := s.StoreSealed(ctx, a.ID, fakeSealed); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`UPDATE agreements SET title = 'Ny titel' WHERE id = ?`,
		`UPDATE agreements SET body = 'Anden tekst' WHERE id = ?`,
		`UPDATE agreements SET status = 'draft' WHERE id = ?`,
		`UPDATE agreements SET sealed_pdf = x'25504446' WHERE id = ?`,
		`DELETE FROM agreements WHERE id = ?`,
		`UPDATE agreement_parties SET role = 'Anden' WHERE agreement_id = ?`,
		`DELETE FROM agreement_parties WHERE agreement_id = ?`,
		`INSERT INTO agreement_parties (agreement_id, organisation_id, position) SELECT ?, id, 9 FROM organisations WHERE name = 'BoligKorsør'`,
		`UPDATE signatories SET name = 'En anden' WHERE agreement_id = ?`,
		`DELETE FROM signatories WHERE agreement_id = ?`,
		`UPDATE signatures SET place = 'Slagelse' WHERE signatory_id IN (SELECT id FROM signatories WHERE agreement_id = ?)`,
		`DELETE FROM signatures WHERE signatory_id IN (SELECT id FROM signatories WHERE agreement_id = ?)`,
		`UPDATE events SET at = '2000-01-01T00:00:00Z' WHERE entity = 'aftale' AND entity_id = ?`,
		`DELETE FROM events WHERE entity = 'aftale' AND entity_id = ?`,
	} {
		_, err := s.DB().Exec(stmt, a.ID)
		if err == nil {
			t.Errorf("%s: accepted", stmt)
		} else if !strings.Contains(err.Error(), SignedMessage) && !strings.Contains(stmt, "INSERT") {
			t.Errorf("%s: %v; want %q", stmt, err, SignedMessage)
		}
	}
	// Nor through the API.
	if err := s.CancelAgreement(ctx, a.ID); err == nil {
		t.Error("a signed agreement was cancelled")
	}
	if err := s.SendForSigning(ctx, a.ID); !errors.Is(err, ErrNotDraft) {
		t.Errorf("SendForSigning of a signed agreement: %v", err)
	}
	got, _ := s.Agreement(ctx, a.ID)
	if got.Title != a.Title || got.Body != a.Body || got.Status != StatusSigned || len(got.Signatories) != 2 || len(got.Parties) != 2 {
		t.Errorf("the signed agreement changed: %+v", got)
	}
}

func TestAmendmentRefersToTheSignedAgreement(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	a, sofie, lene := pendingAgreement(t, s)
	if _, err := s.CreateAmendment(ctx, a.ID); !errors.Is(err, ErrSigning) {
		t.Errorf("amendment to an unsigned agreement: %v", err)
	}
	signOnScreen(t, s, a, sofie)
	signOnScreen(t, s, a, lene)
	if err := s.StoreSealed(ctx, a.ID, fakeSealed); err != nil {
		t.Fatal(err)
	}
	m, err := s.CreateAmendment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != StatusDraft || m.ParentID != a.ID || m.Number == a.Number || !strings.HasPrefix(m.Title, "Tillæg til "+a.Number) ||
		!strings.Contains(m.Body, "ændrer aftale "+a.Number) || len(m.Signatories) != 2 || len(m.Parties) != 2 ||
		m.TemplateVersionID != a.TemplateVersionID {
		t.Errorf("amendment = %+v", m)
	}
	// The amendment is an ordinary draft: it can be edited and sent.
	f := m.Form()
	f.Body += "\nHuslejen nedsættes.\n"
	if _, err := s.SaveAgreementDraft(ctx, m.ID, f); err != nil {
		t.Errorf("editing the amendment: %v", err)
	}
	if got := eventKinds(t, s, "aftale", a.ID); got[len(got)-1] != EventAmendment {
		t.Errorf("events of the signed agreement = %q", got)
	}
}
