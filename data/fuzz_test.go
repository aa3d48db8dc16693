package data

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzCheckFile: the header check a restore and an open start with never
// panics on any file, and never changes it.
func FuzzCheckFile(f *testing.F) {
	s := MustOpenDB(f)
	mustSaveOrg(f, s, OrganisationForm{Name: "Bevar", Kind: "virksomhed"})
	backup := filepath.Join(f.TempDir(), "kopi.db")
	if err := s.Backup(context.Background(), backup); err != nil {
		f.Fatal(err)
	}
	b, err := os.ReadFile(backup)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b[:100])
	f.Add(b[:512])
	f.Add([]byte("SQLite format 3\x00"))
	f.Add([]byte("ikke en database"))
	f.Add([]byte{})
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, file []byte) {
		p := filepath.Join(dir, "kandidat.db")
		if err := os.WriteFile(p, file, 0o600); err != nil {
			t.Fatal(err)
		}
		CheckFile(context.Background(), p)
		precheck(p)
		after, err := os.ReadFile(p)
		if err != nil || string(after) != string(file) {
			t.Fatalf("the check changed the file")
		}
		for _, side := range []string{"-wal", "-shm", "-journal", "-lock"} {
			if _, err := os.Stat(p + side); err == nil {
				t.Fatalf("the check made %s", side)
			}
		}
	})
}

// FuzzInk: a drawn signature's strokes as stored (JSON) never make
// ParseInk, CheckInk or InkAmount panic.
func FuzzInk(f *testing.F) {
	f.Add(InkJSON([][]InkPoint{{{0.1, 0.5}, {0.9, 0.5}}}))
	f.Add(`[[{"X":1e38,"Y":-1e38}]]`)
	f.Add(`[[]]`)
	f.Add(`[[{"X":"a"}]]`)
	f.Add(`null`)
	f.Add(`[[{"X":0.5,"Y":0.5},{"X":0.5,"Y":0.5}]]`)
	f.Fuzz(func(t *testing.T, s string) {
		strokes, err := ParseInk(s)
		if err != nil {
			return
		}
		InkAmount(strokes)
		CheckInk(strokes)
	})
}

// FuzzDraftJSON: a kept form draft (read back from the file, where a
// restored backup could have put anything) never makes a form's Parse
// panic, whatever its JSON holds.
func FuzzDraftJSON(f *testing.F) {
	for _, v := range []any{OrganisationForm{Name: "Bevar", Kind: "virksomhed"}, ContactForm{Name: "Lene"},
		LeaseForm{Start: "1.9.2015"}, PlacementForm{Pseudonym: "AB"}, RoomForm{Name: "Systue", Area: "48,5"},
		AgreementForm{Title: "Aftale", Body: "# Tekst"}} {
		b, _ := json.Marshal(v)
		f.Add(b)
	}
	f.Add([]byte(`{"Name":"\u0000","Notes":"` + string(make([]byte, 0)) + `"}`))
	f.Add([]byte(`{"Parties":[{"OrganisationID":-1}],"Signatories":[{"Name":""}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		parseDraft(b, OrganisationForm.Parse)
		parseDraft(b, ContactForm.Parse)
		parseDraft(b, LeaseForm.Parse)
		parseDraft(b, PlacementForm.Parse)
		parseDraft(b, RoomForm.Parse)
		parseDraft(b, PremisesForm.Parse)
		parseDraft(b, PositionForm.Parse)
		parseDraft(b, AgreementForm.Parse)
		parseDraft(b, func(f TemplateForm) (Template, error) { t, _, err := f.Parse(); return t, err })
	})
}

// parseDraft reads a draft as form F and parses it, as the window does
// when it offers a draft back and the caseworker saves it.
func parseDraft[F, R any](b []byte, parse func(F) (R, error)) {
	var f F
	if json.Unmarshal(b, &f) == nil {
		parse(f)
	}
}
