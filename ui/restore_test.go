package ui

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/internal/testkit"
)

// fileMenuItem finds an item of the window's Filer menu by its label.
func fileMenuItem(t *testing.T, w *Window, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range w.Win.MainMenu().Items[0].Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("the Filer menu has no %q", label)
	return nil
}

// TestRestoreBesideTheWindowAndFromItsMenu: while the window is open, a
// restore from outside is refused (the window goes on saving into the
// file that stays); from the window's own Filer menu the store is closed,
// the backup put in place and the result opened, and saving goes on into
// the restored file.
func TestRestoreBesideTheWindowAndFromItsMenu(t *testing.T) {
	ctx := context.Background()
	data.SetHolderName("Partnerskab-vinduet")
	w, s := newTestWindow(t, true)
	backup := filepath.Join(t.TempDir(), "kopi.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveOrganisation(ctx, data.OrganisationForm{Name: "Efter kopien", Kind: "andet"}); err != nil {
		t.Fatal(err)
	}
	// `partnerskab restore` from another process, as it runs: refused.
	_, err := data.Restore(ctx, s.Path(), backup, agreement.CheckSigned)
	if !data.IsInUse(err) || !strings.Contains(err.Error(), "Partnerskab-vinduet") {
		t.Fatalf("a restore beside the window = %v, want a refusal naming the window", err)
	}
	if _, err := s.SaveOrganisation(ctx, data.OrganisationForm{Name: "Gemt efter nægtelsen", Kind: "andet"}); err != nil {
		t.Fatalf("the window cannot save after the refused restore: %v", err)
	}

	// From the window's menu.
	fileMenuItem(t, w, "Gendan sikkerhedskopi…")
	w.confirmRestore(backup)
	mustContain(t, contentText(w), "Databasen erstattes med sikkerhedskopien "+backup)
	captureTo(t, w, "restore-confirm")
	test.Tap(button(t, w, "Gendan"))
	captureTo(t, w, "restore-done")
	mustContain(t, w.status.Text, "Databasen er gendannet fra "+backup)
	for _, gone := range []string{"Efter kopien", "Gemt efter nægtelsen"} {
		if n, err := s.CountOrganisations(ctx, data.OrgQuery{Text: gone}); err != nil || n != 0 {
			t.Errorf("after the restore the window's store still finds %q (%d, %v)", gone, n, err)
		}
	}
	if strings.Contains(contentText(w), "Efter kopien") {
		t.Error("the Partnere tab still lists a partner from after the backup")
	}
	if _, err := s.SaveOrganisation(ctx, data.OrganisationForm{Name: "Efter gendannelsen", Kind: "andet"}); err != nil {
		t.Fatal(err)
	}
	w.Win.Close()
	s.Close()
	db, err := sql.Open("sqlite", "file:"+s.Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	db.QueryRow(`SELECT count(*) FROM organisations WHERE name = 'Efter gendannelsen'`).Scan(&n)
	if n != 1 {
		t.Errorf("a save after the restore is not in the file (%d rows)", n)
	}
	kept, _ := filepath.Glob(s.Path() + ".*.bak")
	if len(kept) != 1 {
		t.Errorf("dated copies kept: %q, want one", kept)
	}
}

// TestVerifyPDFRefusesAForgedSealFromTheSameCA: the organisation's
// certificate from a public CA is imported in Segl…, and a PDF sealed by
// another company's certificate from that CA gets no green "Seglet
// holder" in Kontrollér PDF…: the report says whose seal it is.
func TestVerifyPDFRefusesAForgedSealFromTheSameCA(t *testing.T) {
	ctx := context.Background()
	w, s := newTestWindow(t, false)
	ca := testkit.NewCA(t, "Offentlig Test-CA")
	sealDir := agreement.SealDir(s.Path())
	w.sealer = nil
	ss := w.showSealSettings()
	ss.password.SetText("hemmelig")
	ss.importP12(ca.IssueP12(t, "Slagelse Kommune", "29188505", "hemmelig"))
	mustContain(t, ss.message.Text, "Certifikatet er importeret")
	mustContain(t, ss.keys.Text, "nøglerne")
	captureTo(t, w, "seal-settings")
	if w.sealer == nil || !w.sealer.Imported() {
		t.Fatal("the window does not seal with the imported certificate")
	}
	w.Win.Canvas().Overlays().Top().Hide()

	// A PDF sealed by another holder of the same CA.
	pdf, err := agreement.RenderPDF(agreement.Document{Number: "2015-001", Title: "Forfalsket aftale",
		Date: time.Date(2015, 2, 21, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	otherDir := filepath.Join(t.TempDir(), "segl")
	if err := agreement.ImportP12(otherDir, ca.IssueP12(t, "Fremmed Firma ApS", "13748136", "x"), "x", false); err != nil {
		t.Fatal(err)
	}
	forger, err := agreement.OpenSealer(otherDir, "")
	if err != nil {
		t.Fatal(err)
	}
	forged, err := forger.Seal(pdf, time.Date(2015, 2, 21, 14, 0, 0, 0, time.UTC), "Underskrevet aftale 2015-001", "Korsør")
	if err != nil {
		t.Fatal(err)
	}
	res := w.showVerify("forfalsket.pdf", forged)
	if res.OK {
		t.Fatalf("the forged PDF passes in the window:\n%s", res.Text)
	}
	text := contentText(w)
	mustContain(t, text, "Seglet holder ikke: filen er uændret, men seglet er Fremmed Firma ApS', og den indehaver kender denne installation ikke.")
	mustContain(t, text, "Indehaver: Fremmed Firma ApS")
	mustContain(t, text, "IKKE en indehaver, denne installation kender")
	if strings.Contains(text, "Seglet holder: filen er uændret") {
		t.Error("the forged PDF gets the green verdict")
	}
	captureTo(t, w, "verify-forged")
	w.Win.Canvas().Overlays().Top().Hide()

	// The organisation's own seal holds, and says whose it is.
	genuine, err := w.sealer.Seal(pdf, time.Date(2015, 2, 21, 14, 0, 0, 0, time.UTC), "Underskrevet aftale 2015-001", "Korsør")
	if err != nil {
		t.Fatal(err)
	}
	if res := w.showVerify("ægte.pdf", genuine); !res.OK {
		t.Errorf("the organisation's own seal fails:\n%s", res.Text)
	}
	mustContain(t, contentText(w), "Seglet holder: filen er uændret, og seglet er Slagelse Kommunes.")
	if _, err := os.Stat(filepath.Join(sealDir, "tillid.json")); err != nil {
		t.Errorf("the trust list: %v", err)
	}
	_ = ctx
}

// A PDF sealed under a CA this installation has never met, unchanged: the
// window neither passes nor condemns it, but says so and shows the issuer's
// fingerprint to compare with the certificate page (verify's exit 2).
func TestVerifyPDFFromAnUnknownIssuerShowsItsFingerprint(t *testing.T) {
	w, _ := newTestWindow(t, false)
	pdf, err := agreement.RenderPDF(agreement.Document{Number: "2015-009", Title: "Aftale fra et andet boligområde",
		Date: time.Date(2015, 2, 21, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	foreign := testkit.NewCA(t, "Anden Kommunes CA")
	dir := filepath.Join(t.TempDir(), "segl")
	if err := agreement.ImportP12(dir, foreign.IssueP12(t, "Næstved Kommune", "29189803", "x"), "x", true); err != nil {
		t.Fatal(err)
	}
	sender, err := agreement.OpenSealer(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := sender.Seal(pdf, time.Date(2015, 2, 21, 14, 0, 0, 0, time.UTC), "Underskrevet aftale 2015-009", "Næstved")
	if err != nil {
		t.Fatal(err)
	}
	res := w.showVerify("fra-næstved.pdf", sealed)
	if res.OK || !res.UnknownCA || len(res.CA) != 64 {
		t.Fatalf("the foreign seal: ok %v, unknown CA %v, CA %q\n%s", res.OK, res.UnknownCA, res.CA, res.Text)
	}
	text := contentText(w)
	mustContain(t, text, "Filen er uændret siden forseglingen, men seglet er Næstved Kommunes og udstedt af en udsteder, som denne installation ikke kender.")
	mustContain(t, text, res.CA)
	if strings.Contains(text, "Seglet holder: filen er uændret") || strings.Contains(text, "Seglet holder ikke") {
		t.Errorf("an unknown issuer gets a verdict it cannot have:\n%s", text)
	}
}
