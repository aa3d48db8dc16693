package ui

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/ui/widgets"
)

// sealableDraft drafts the demo's partnership agreement through the form
// in a window that has a seal.
func sealableDraft(t *testing.T) (*Window, *data.Store, *draftView) {
	t.Helper()
	w, s, tp := withPartnershipTemplate(t)
	sealer, err := agreement.OpenSealer(t.TempDir(), "Slagelse Kommune")
	if err != nil {
		t.Fatal(err)
	}
	w.sealer = sealer
	createDemoDraft(t, w, tp)
	return w, s, w.Agreements.draft
}

// pendingAgreement drafts the demo's partnership agreement through the
// form, gives the window a seal, and sends the draft for signing through
// "Send til underskrift" and its question.
func pendingAgreement(t *testing.T) (*Window, *data.Store, data.Agreement) {
	t.Helper()
	w, s, d := sealableDraft(t)
	if d.editButton.Hidden || !d.signing.send.Visible() {
		t.Fatal("a draft shows no »Redigér tekst« or »Send til underskrift«")
	}
	captureTo(t, w, "signing-draft")
	test.Tap(d.signing.send)
	captureTo(t, w, "signing-send-question")
	test.Tap(button(t, w, "Send til underskrift")) // the question's confirm button
	a, err := s.Agreement(context.Background(), d.original.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != data.StatusPending || a.BodySHA256 == "" {
		t.Fatalf("after »Send til underskrift« the store has status %s", a.Status)
	}
	if d.editButton.Visible() || !d.signing.meeting.Visible() {
		t.Error("a pending agreement still offers »Redigér tekst« or lacks »Underskriv i mødet«")
	}
	return w, s, a
}

// captureTo saves what the window shows as PNG when PARTNERSKAB_CAPTURE
// names a folder (to look at the screens); otherwise it does nothing.
func captureTo(t *testing.T, w *Window, name string) {
	dir := os.Getenv("PARTNERSKAB_CAPTURE")
	if dir == "" {
		return
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, w.Win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// contentText is every label's and rich text's text in the window.
func contentText(w *Window) string {
	var b strings.Builder
	roots := []fyne.CanvasObject{w.Win.Content()}
	if top := w.Win.Canvas().Overlays().Top(); top != nil {
		roots = append(roots, top)
	}
	for _, r := range roots {
		find(r, func(o fyne.CanvasObject) bool {
			switch x := o.(type) {
			case *widget.Label:
				if x.Visible() {
					b.WriteString(x.Text + "\n")
				}
			case *widget.RichText:
				b.WriteString(widgets.RichTextString(x) + "\n")
			}
			return false
		})
	}
	return b.String()
}

// drawName draws six long strokes on the pad with test.Drag, the way a
// mouse drag arrives: each ends at pos after moving by the delta.
func drawName(t *testing.T, w *Window, pad *widgets.SignaturePad) {
	t.Helper()
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(pad)
	size := pad.Size()
	if size.Width < 100 || size.Height < 50 {
		t.Fatalf("the pad is %v", size)
	}
	for i := 0; i < 6; i++ {
		y := size.Height * (0.3 + 0.08*float32(i))
		end := origin.Add(fyne.NewPos(size.Width*0.85, y+size.Height*0.1))
		test.Drag(w.Win.Canvas(), end, size.Width*0.7, size.Height*0.2)
	}
}

// writeCursive writes a name-like signature with mouse events: a looping
// line and a flourish under it.
func writeCursive(pad *widgets.SignaturePad) {
	size := pad.Size()
	at := func(x, y float64) fyne.Position {
		return fyne.NewPos(float32(x)*size.Width, float32(y)*size.Height)
	}
	stroke := func(n int, f func(t float64) (float64, float64)) {
		x, y := f(0)
		prev := at(x, y)
		pad.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: prev}, Button: desktop.MouseButtonPrimary})
		for i := 1; i <= n; i++ {
			x, y := f(float64(i) / float64(n))
			pos := at(x, y)
			pad.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos}, Dragged: fyne.NewDelta(pos.X-prev.X, pos.Y-prev.Y)})
			prev = pos
		}
		pad.DragEnd()
		pad.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: prev}, Button: desktop.MouseButtonPrimary})
	}
	stroke(240, func(t float64) (float64, float64) {
		return 0.12 + 0.7*t + 0.035*math.Sin(14*math.Pi*t), 0.5 - 0.2*math.Sin(7*math.Pi*t)*math.Exp(-t) + 0.06*math.Cos(14*math.Pi*t)
	})
	stroke(60, func(t float64) (float64, float64) {
		return 0.2 + 0.65*t, 0.78 - 0.05*math.Sin(math.Pi*t)
	})
}

// signInMeeting walks the current signatory through the ceremony with a
// drawn signature and returns their name.
func signInMeeting(t *testing.T, w *Window) string {
	t.Helper()
	c := w.Agreements.draft.ceremony
	if c == nil {
		t.Fatal("no ceremony under way")
	}
	name := c.signer.Name
	mustContain(t, contentText(w), "Nu skal "+name)
	test.Tap(button(t, w, "Læs aftalen"))
	onward := button(t, w, "Videre til underskrift")
	if !onward.Disabled() {
		t.Error("»Videre til underskrift« works before »Jeg har læst aftalen« is checked")
	}
	test.Tap(c.readBox)
	test.Tap(onward)
	if c.pad == nil || !c.pad.Visible() {
		t.Fatal("no signature pad")
	}
	drawName(t, w, c.pad)
	test.Tap(button(t, w, "Underskriv"))
	return name
}

func TestDrawnSignaturesInTheMeetingLockTheAgreement(t *testing.T) {
	w, s, a := pendingAgreement(t)
	ctx := context.Background()
	d := w.Agreements.draft
	sealed := make(chan error, 1)
	d.onSealed = func(err error) { sealed <- err }

	test.Tap(button(t, w, "Underskriv i mødet"))
	c := d.ceremony
	if c == nil {
		t.Fatal("»Underskriv i mødet« started no ceremony")
	}
	first := a.Signatories[0]
	mustContain(t, contentText(w), "Nu skal "+first.Name+", "+first.Title+", "+first.OrganisationName+" underskrive")
	captureTo(t, w, "signing-handover")
	test.Tap(button(t, w, "Læs aftalen"))
	mustContain(t, contentText(w), "Lene Østergaard: læs aftalen")
	if c.readBox.Text != "Jeg har læst aftalen" || c.readBox.Checked {
		t.Errorf("the reading view's check: %q, checked %v", c.readBox.Text, c.readBox.Checked)
	}
	captureTo(t, w, "signing-reading")
	test.Tap(c.readBox)
	test.Tap(button(t, w, "Videre til underskrift"))

	// An empty pad is refused with its message, and nothing is stored.
	test.Tap(button(t, w, "Underskriv"))
	if c.message.Text != "Underskriften er for kort — tegn dit navn" {
		t.Errorf("an empty pad says %q", c.message.Text)
	}
	if n := countRows(t, s, "signatures"); n != 0 {
		t.Fatalf("an empty pad stored %d signatures", n)
	}
	// A tick is refused too; "Ryd" takes it away.
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.pad)
	test.Drag(w.Win.Canvas(), origin.Add(fyne.NewPos(60, 60)), 10, 5)
	if c.pad.Empty() {
		t.Fatal("a drag on the pad drew nothing")
	}
	test.Tap(button(t, w, "Underskriv"))
	if n := countRows(t, s, "signatures"); n != 0 {
		t.Fatalf("a tick stored %d signatures", n)
	}
	mustContain(t, c.message.Text, "for kort")
	test.Tap(button(t, w, "Ryd"))
	if !c.pad.Empty() {
		t.Error("»Ryd« left strokes on the pad")
	}

	// Drags on the pad make the signature; "Fortryd streg" takes the last one back.
	drawName(t, w, c.pad)
	test.Drag(w.Win.Canvas(), origin.Add(fyne.NewPos(300, 100)), 100, 40)
	if len(c.pad.Strokes()) != 7 {
		t.Fatalf("seven drags made %d strokes", len(c.pad.Strokes()))
	}
	test.Tap(button(t, w, "Fortryd streg"))
	if len(c.pad.Strokes()) != 6 {
		t.Errorf("»Fortryd streg« left %d strokes", len(c.pad.Strokes()))
	}

	// A signature written with the mouse: button down, moves, button up,
	// as the desktop driver sends them.
	test.Tap(button(t, w, "Ryd"))
	writeCursive(c.pad)
	if len(c.pad.Strokes()) != 2 {
		t.Fatalf("two mouse strokes made %d strokes", len(c.pad.Strokes()))
	}
	captureTo(t, w, "signing-pad")
	test.Tap(button(t, w, "Underskriv"))

	st, err := s.SigningState(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	sig := st.Signers[0].Signature
	if sig == nil || sig.Method != data.MethodDrawn {
		t.Fatalf("the first signatory's signature: %+v", sig)
	}
	if img, err := png.Decode(bytes.NewReader(sig.ImagePNG)); err != nil || img.Bounds().Dx() != widgets.StoredInkWidth {
		t.Errorf("stored PNG: %v (%v)", img.Bounds(), err)
	}
	strokes, err := data.ParseInk(sig.Strokes)
	if err != nil || len(strokes) != 2 || data.InkAmount(strokes) < data.MinInk {
		t.Errorf("stored strokes: %d, ink %.2f (%v)", len(strokes), data.InkAmount(strokes), err)
	}
	if sig.Place != "Korsør" || time.Since(sig.SignedAt) > time.Hour {
		t.Errorf("recorded place %q at %v", sig.Place, sig.SignedAt)
	}
	if g := st.Signers[0]; g.Presented.IsZero() || g.Read.IsZero() {
		t.Errorf("the steps were not recorded: presented %v, read %v", g.Presented, g.Read)
	}

	// The other three, in order.
	for i := 1; i < len(a.Signatories); i++ {
		if got := signInMeeting(t, w); got != a.Signatories[i].Name {
			t.Errorf("signatory %d: %s signed, want %s", i+1, got, a.Signatories[i].Name)
		}
	}
	waitSealed(t, sealed, "the agreement was not sealed")
	st, _ = s.SigningState(ctx, a.ID)
	for _, g := range st.Signers[1:] {
		ink, err := data.ParseInk(g.Signature.Strokes)
		if err != nil || len(ink) != 6 || data.InkAmount(ink) < data.MinInk || len(g.Signature.ImagePNG) == 0 {
			t.Errorf("%s's drawn signature: %d strokes, ink %.2f, %d bytes PNG (%v)", g.Name, len(ink),
				data.InkAmount(ink), len(g.Signature.ImagePNG), err)
		}
	}

	got, err := s.Agreement(ctx, a.ID)
	if err != nil || got.Status != data.StatusSigned {
		t.Fatalf("after the last signature the store has status %s (%v)", got.Status, err)
	}
	stored, _, err := s.SealedPDF(ctx, a.ID)
	if err != nil || !bytes.HasPrefix(stored, []byte("%PDF")) {
		t.Fatalf("no sealed PDF stored: %v", err)
	}
	if d.ceremony != nil || w.Win.Content() == nil || find(w.Win.Content(), func(o fyne.CanvasObject) bool { return o == w.Tabs }) == nil {
		t.Error("the ceremony did not give the window back")
	}
	if d.editButton.Visible() || d.signing.meeting.Visible() || d.signing.paper.Visible() {
		t.Error("a signed agreement still offers to edit or sign")
	}
	if !d.signing.amend.Visible() {
		t.Error("a signed agreement offers no »Tillæg«")
	}
	mustContain(t, d.form.State.Text, "Underskrevet")
	captureTo(t, w, "signing-signed")

	// "Gem som PDF…" writes exactly the sealed bytes.
	out := filepath.Join(t.TempDir(), "underskrevet.pdf")
	errs := make(chan error, 1)
	d.savePDF(out, func(err error) { errs <- err })
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, stored) {
		t.Errorf("Gem som PDF wrote %d bytes, not the %d sealed ones", len(b), len(stored))
	}
}

func TestRejectionNeedsAReasonAndShowsWhoAndWhy(t *testing.T) {
	w, s, a := pendingAgreement(t)
	d := w.Agreements.draft
	test.Tap(button(t, w, "Underskriv i mødet"))
	c := d.ceremony
	test.Tap(button(t, w, "Læs aftalen"))
	test.Tap(button(t, w, "Afvis …"))
	if c.rejecting == nil {
		t.Fatal("»Afvis …« asked nothing")
	}
	test.Tap(button(t, w, "Afvis aftalen"))
	if !c.rejecting.message.Visible() {
		t.Fatal("a rejection without a reason got no message")
	}
	mustContain(t, c.rejecting.message.Text, "skriv, hvorfor aftalen afvises")
	if got, _ := s.Agreement(context.Background(), a.ID); got.Status != data.StatusPending {
		t.Fatalf("a rejection without a reason made the agreement %s", got.Status)
	}
	reason := "Timetallet i § 3 passer ikke med det aftalte."
	typeInto(c.rejecting.reason, reason)
	test.Tap(button(t, w, "Afvis aftalen"))

	st, err := s.SigningState(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Status != data.StatusRejected || st.RejectedReason != reason || st.RejectedBy != a.Signatories[0].ID {
		t.Errorf("stored: status %s, by %d, reason %q", st.Status, st.RejectedBy, st.RejectedReason)
	}
	if d.ceremony != nil {
		t.Error("the ceremony goes on after a rejection")
	}
	mustContain(t, d.form.State.Text, "Afvist af "+a.Signatories[0].Name)
	mustContain(t, d.form.State.Text, reason)
	if d.signing.meeting.Visible() {
		t.Error("a rejected agreement still offers »Underskriv i mødet«")
	}
}

func TestTypedNameWhereTheAgreementAllowsIt(t *testing.T) {
	w, s, d := sealableDraft(t)
	ctx := context.Background()
	test.Tap(d.signing.typed) // "navnet må skrives i stedet for at tegnes"
	if st, _ := s.SigningState(ctx, d.original.ID); !st.AllowTyped || st.Parallel {
		t.Fatalf("the ticked option reached the store as typed %v, any order %v", st.AllowTyped, st.Parallel)
	}
	if err := s.SendForSigning(ctx, d.original.ID); err != nil {
		t.Fatal(err)
	}
	w.Agreements.open(d.original.ID)
	test.Tap(button(t, w, "Underskriv i mødet"))
	c := d.ceremony
	test.Tap(button(t, w, "Læs aftalen"))
	test.Tap(c.readBox)
	test.Tap(button(t, w, "Videre til underskrift"))
	if !c.useTyped.Visible() {
		t.Fatal("the agreement allows a typed name, the ceremony offers none")
	}
	test.Tap(c.useTyped)
	typeInto(c.typed, "Nogen Andens Navn")
	test.Tap(button(t, w, "Underskriv"))
	if n := countRows(t, s, "signatures"); n != 0 {
		t.Fatal("a name that is not the signatory's was taken")
	}
	mustContain(t, c.message.Text, "skriv dit navn, som det står i aftalen")
	typeInto(c.typed, c.signer.Name)
	test.Tap(button(t, w, "Underskriv"))
	st, _ := s.SigningState(ctx, d.original.ID)
	if sig := st.Signers[0].Signature; sig == nil || sig.Method != data.MethodTyped || sig.TypedName != st.Signers[0].Name {
		t.Errorf("typed signature stored: %+v", sig)
	}
}

func TestPaperSignaturesAreRegisteredAndSealed(t *testing.T) {
	w, s, a := pendingAgreement(t)
	d := w.Agreements.draft
	sealed := make(chan error, 1)
	d.onSealed = func(err error) { sealed <- err }
	test.Tap(d.signing.paper)
	p := d.paper
	if p == nil || len(p.dates) != len(a.Signatories) {
		t.Fatal("the paper dialog has no date per signatory")
	}
	typeInto(p.dates[1], "30.2.2015")
	test.Tap(button(t, w, "Registrér underskrifterne"))
	if !p.msgs[1].Visible() || !p.scanMsg.Visible() {
		t.Fatal("a bad date and a missing scan got no message")
	}
	mustContain(t, p.msgs[1].Text, "Dato")
	captureTo(t, w, "signing-paper")
	if n := countRows(t, s, "signatures"); n != 0 {
		t.Fatalf("a refused registration stored %d signatures", n)
	}
	for _, e := range p.dates {
		typeInto(e, "21.2.2015")
	}
	scan := []byte("%PDF-1.4\n% scannet papiraftale\n%%EOF\n")
	p.attach("/tmp/scanning.pdf", scan)
	mustContain(t, p.scanName.Text, "scanning.pdf")
	test.Tap(button(t, w, "Registrér underskrifterne"))
	waitSealed(t, sealed, "the agreement was not sealed")
	st, err := s.SigningState(context.Background(), a.ID)
	if err != nil || st.Status != data.StatusSigned || !st.Paper || st.ScanSHA256 == "" {
		t.Fatalf("after the paper route: %s paper %v scan %q (%v)", st.Status, st.Paper, st.ScanSHA256, err)
	}
	mustContain(t, d.form.State.Text, "Underskrevet (papir)")
	if d.signing.paper.Visible() || d.editButton.Visible() {
		t.Error("a signed agreement still offers paper signatures or editing")
	}
}

// signAllThroughStore has every signatory of a sign a drawn signature
// through the store, in order, and seals nothing: the state a sealing that
// failed or was interrupted leaves behind.
func signAllThroughStore(t *testing.T, s *data.Store, a data.Agreement) {
	t.Helper()
	ctx := context.Background()
	ink := [][]data.InkPoint{{{X: 0.1, Y: 0.6}, {X: 0.3, Y: 0.3}, {X: 0.5, Y: 0.7}, {X: 0.7, Y: 0.3}, {X: 0.9, Y: 0.6}}}
	img, err := agreement.RenderInk(ink, 600, 200)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range a.Signatories {
		if err := s.PresentToSigner(ctx, a.ID, g.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.ConfirmRead(ctx, a.ID, g.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.SignDrawn(ctx, a.ID, g.ID, data.InkJSON(ink), img, ""); err != nil {
			t.Fatal(err)
		}
	}
}

// unsealedAgreement is a pending agreement every signatory has signed,
// shown in the draft view, its seal missing.
func unsealedAgreement(t *testing.T) (*Window, *data.Store, data.Agreement) {
	t.Helper()
	w, s, a := pendingAgreement(t)
	signAllThroughStore(t, s, a)
	w.Agreements.open(a.ID)
	if st, err := s.SigningState(context.Background(), a.ID); err != nil || !st.AllSigned || st.Status != data.StatusPending {
		t.Fatalf("signed by all, not sealed: status %s, all signed %v (%v)", st.Status, st.AllSigned, err)
	}
	return w, s, a
}

func TestForseglSealsAnAgreementEveryoneHasSigned(t *testing.T) {
	w, s, a := unsealedAgreement(t)
	ctx := context.Background()
	d := w.Agreements.draft
	mustContain(t, d.form.State.Text, "mangler sit segl. Tryk »Forsegl«")
	if d.signing.meeting.Visible() || d.signing.paper.Visible() {
		t.Error("an agreement everyone has signed still offers »Underskriv i mødet« or paper signatures")
	}
	captureTo(t, w, "signing-unsealed")
	sealed := make(chan error, 1)
	d.onSealed = func(err error) { sealed <- err }
	test.Tap(button(t, w, "Forsegl"))
	waitSealed(t, sealed, "»Forsegl« sealed nothing")
	got, err := s.Agreement(ctx, a.ID)
	if err != nil || got.Status != data.StatusSigned {
		t.Fatalf("after »Forsegl« the store has status %s (%v)", got.Status, err)
	}
	stored, _, err := s.SealedPDF(ctx, a.ID)
	if err != nil || !bytes.HasPrefix(stored, []byte("%PDF")) {
		t.Fatalf("no sealed PDF stored: %v", err)
	}
	if d.signing.seal.Visible() {
		t.Error("a sealed agreement still offers »Forsegl«")
	}
	mustContain(t, d.form.State.Text, "Forseglet")
	mustContain(t, w.status.Text, "er underskrevet og forseglet")
}

func TestForseglWithoutACertificateSaysWhy(t *testing.T) {
	w, s, a := unsealedAgreement(t)
	w.sealer = nil
	test.Tap(button(t, w, "Forsegl"))
	mustContain(t, contentText(w), "seglets certifikat kunne ikke åbnes")
	if got, _ := s.Agreement(context.Background(), a.ID); got.Status != data.StatusPending {
		t.Errorf("without a certificate the store has status %s", got.Status)
	}
	if d := w.Agreements.draft; !d.signing.seal.Visible() || d.signing.seal.Disabled() {
		t.Error("after a failed sealing »Forsegl« cannot be pressed again")
	}
}

func TestSaveAsPDFSealsAndTheStatusFollows(t *testing.T) {
	w, s, a := unsealedAgreement(t)
	d := w.Agreements.draft
	out := filepath.Join(t.TempDir(), "aftale.pdf")
	errs := make(chan error, 1)
	d.savePDF(out, func(err error) { errs <- err })
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	stored, _, err := s.SealedPDF(context.Background(), a.ID)
	if err != nil {
		t.Fatalf("»Gem som PDF…« did not seal: %v", err)
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, stored) {
		t.Error("the file is not the sealed PDF the store holds")
	}
	if strings.Contains(d.form.State.Text, "mangler sit segl") {
		t.Errorf("the state line still says the seal is missing: %q", d.form.State.Text)
	}
	mustContain(t, d.form.State.Text, "Forseglet")
	if d.original.Status != data.StatusSigned || d.signing.seal.Visible() || !d.signing.amend.Visible() {
		t.Error("the view did not follow the sealing")
	}
}

func TestParallelSigningAsksWhoSignsNow(t *testing.T) {
	w, s, tp := withPartnershipTemplate(t)
	ctx := context.Background()
	createDemoDraft(t, w, tp)
	d := w.Agreements.draft
	test.Tap(d.signing.anyOrder) // "i vilkårlig rækkefølge"
	test.Tap(d.signing.send)
	test.Tap(button(t, w, "Send til underskrift"))
	a, err := s.Agreement(ctx, d.original.ID)
	if err != nil || a.Status != data.StatusPending {
		t.Fatalf("not sent: %s (%v)", a.Status, err)
	}
	if st, _ := s.SigningState(ctx, a.ID); !st.Parallel {
		t.Fatal("the ticked option did not reach the store")
	}

	test.Tap(button(t, w, "Underskriv i mødet"))
	text := contentText(w)
	mustContain(t, text, "Hvem underskriver nu?")
	if strings.Contains(text, "Nu skal ") {
		t.Fatal("the ceremony took a signatory without asking")
	}
	for _, g := range a.Signatories {
		button(t, w, signerLine(g)) // name, title and organisation
	}
	captureTo(t, w, "signing-choose")
	third := a.Signatories[2]
	test.Tap(button(t, w, signerLine(third)))
	if got := signInMeeting(t, w); got != third.Name {
		t.Fatalf("%s signed, %s was chosen", got, third.Name)
	}
	st, err := s.SigningState(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range st.Signers {
		if (g.Signature != nil) != (i == 2) {
			t.Errorf("%s signed: %v", g.Name, g.Signature != nil)
		}
	}

	// The next round offers only those who have not signed.
	mustContain(t, contentText(w), fmt.Sprintf("1 af %d har underskrevet", len(a.Signatories)))
	find(w.Win.Content(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Visible() && b.Text == signerLine(third) {
			t.Errorf("%s, who has signed, is offered again", third.Name)
		}
		return false
	})
	test.Tap(button(t, w, signerLine(a.Signatories[1])))
	mustContain(t, contentText(w), "Nu skal "+signerLine(a.Signatories[1])+" underskrive")
	test.Tap(button(t, w, "Afbryd (fortsæt senere)"))
	if d.ceremony != nil {
		t.Error("»Afbryd« did not end the ceremony")
	}
}

func TestVerifyPDFReportsAGoodAndATamperedFile(t *testing.T) {
	w, s, a := pendingAgreement(t)
	ctx := context.Background()
	signAllThroughStore(t, s, a)
	pdf, err := agreement.Finish(ctx, s, w.sealer, a.ID)
	if err != nil {
		t.Fatal(err)
	}

	good := w.showVerify("aftale.pdf", pdf)
	if !good.OK {
		t.Errorf("the sealed PDF fails: %s", good.Text)
	}
	text := contentText(w)
	mustContain(t, text, "Seglet holder: filen er uændret.")
	mustContain(t, text, "Databasen: filen er den forseglede PDF, der er gemt for aftale "+a.Number)
	captureTo(t, w, "verify-good")
	w.Win.Canvas().Overlays().Top().Hide()

	tampered := bytes.Clone(pdf)
	tampered[len(tampered)/3] ^= 0x01
	bad := w.showVerify("ændret.pdf", tampered)
	if bad.OK {
		t.Error("a tampered file passes")
	}
	text = contentText(w)
	mustContain(t, text, "Seglet holder ikke")
	mustContain(t, text, "ingen underskrevet aftale i databasen har netop denne fil")
	captureTo(t, w, "verify-bad")
}

func TestSealSettingsExportTheCA(t *testing.T) {
	w, _ := newTestWindow(t, false)
	sealer, err := agreement.OpenSealer(t.TempDir(), "Slagelse Kommune")
	if err != nil {
		t.Fatal(err)
	}
	w.sealer = sealer
	ss := w.showSealSettings()
	mustContain(t, ss.describe.Text, "Slagelse Kommune")
	out := filepath.Join(t.TempDir(), "ca.crt")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	ss.exportTo(f, out)
	if b, _ := os.ReadFile(out); !bytes.Equal(b, sealer.CACertPEM()) || !bytes.Contains(b, []byte("BEGIN CERTIFICATE")) {
		t.Errorf("exported %q", b)
	}
	mustContain(t, ss.message.Text, "CA-certifikatet er gemt")
	ss.importP12([]byte("ikke en p12-fil"))
	mustContain(t, ss.message.Text, "Certifikatet blev ikke importeret")
	if w.sealer != sealer {
		t.Error("a failed import changed the seal")
	}
}

// waitSealed waits for the sealing that reports on ch; a failure, or none
// within 30 seconds, fails the test with what.
func waitSealed(t *testing.T, ch <-chan error, what string) {
	t.Helper()
	select {
	case err := <-ch:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal(what)
	}
}
