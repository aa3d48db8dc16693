package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"partnerskab/data/csvio"
)

// A count under a list is written the Danish way, with a point between
// thousands: 1.009 organisationer, not 1009.
func TestListCountsHaveThousandsPoints(t *testing.T) {
	w, s := newTestWindow(t, true)
	lines := []string{"Navn;Type;By"}
	for i := range 1000 {
		lines = append(lines, fmt.Sprintf("Virksomhed %04d;Socialøkonomisk virksomhed;Korsør", i))
	}
	if _, err := csvio.Import(context.Background(), s, "partners", strings.NewReader(strings.Join(lines, "\r\n")+"\r\n"), "partnere.csv"); err != nil {
		t.Fatal(err)
	}
	w.Partners.Reload()
	mustContain(t, w.Partners.List.Count.Text, "1.009 organisationer")
}
