package data

import (
	"context"
	"strings"
	"testing"
)

// The settings dialog's rules: numbers whole and in range, at most never
// below at least, no CPR number in the texts; a refused form changes
// nothing, a good one changes what the rules read and logs what changed.
func TestSettingsAreCheckedSavedAndRead(t *testing.T) {
	s := mustDemo(t)
	ctx := context.Background()
	before, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before.NoticeDays != "14" || before.MeetingsMin != "5" || before.MeetingsMax != "7" || before.DefaultPlace != "Korsør" {
		t.Fatalf("the demo's settings: %+v", before)
	}
	for _, c := range []struct {
		field, value, want string
	}{
		{"NoticeDays", "0", "Varsel for møder (dage): skal være mellem 1 og 90 (0)"},
		{"NoticeDays", "to uger", "Varsel for møder (dage): skal være et helt tal (to uger)"},
		{"NoticeDays", "", "Varsel for møder (dage): skal udfyldes"},
		{"MeetingsMax", "4", "Møder om året, højst: skal være mindst det mindste antal (5)"},
		{"RetentionPersonYears", "11", "Persondata opbevares (år efter sagen): skal være mellem 1 og 10 (11)"},
		{"DefaultPlace", "Korsør 010190-1234", "Sted for underskrift: ligner et CPR-nummer"},
	} {
		f := before
		*f.Field(c.field) = c.value
		_, err := s.SaveSettings(ctx, f)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s = %q: %v, want %q", c.field, c.value, err, c.want)
		}
	}
	if after, _ := s.Settings(ctx); after != before {
		t.Fatalf("a refused form changed the settings: %+v", after)
	}

	events := countEvents(t, s, "indstillinger")
	f := before
	f.NoticeDays, f.MeetingsMin, f.MeetingsMax = "10", "4", "6"
	if _, err := s.SaveSettings(ctx, f); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.NoticeDays(ctx); n != 10 {
		t.Errorf("notice %d days after saving 10", n)
	}
	if y, _ := s.MeetingYear(ctx, 2015); y.Min != 4 || y.Max != 6 {
		t.Errorf("the year counts against %d–%d", y.Min, y.Max)
	}
	if got := countEvents(t, s, "indstillinger"); got != events+1 {
		t.Errorf("%d events after one save, want %d", got, events+1)
	}
	var detail string
	if err := s.DB().QueryRow(`SELECT detail FROM events WHERE entity = 'indstillinger' ORDER BY id DESC LIMIT 1`).Scan(&detail); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(detail, `Varsel for møder (dage): "14" → "10"`) {
		t.Errorf("the event says %q", detail)
	}
	// Saving the same again logs nothing.
	if _, err := s.SaveSettings(ctx, f); err != nil {
		t.Fatal(err)
	}
	if got := countEvents(t, s, "indstillinger"); got != events+1 {
		t.Errorf("an unchanged save logged an event")
	}
}

func countEvents(t *testing.T, s *Store, entity string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM events WHERE entity = ?`, entity).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
