package csvio

import (
	"strings"
	"testing"
)

// The demo's action items go out soonest deadline first, with the meeting
// they were decided at, the owner and Danish dates; the checklist goes out
// in its order with its merge fields. Neither imports: a file of them is
// refused naming the kind, and nothing changes.
func TestThePartnershipListsExportOnly(t *testing.T) {
	s := demoStore(t)
	actions := strings.Split(strings.TrimPrefix(export(t, s, "action-items"), bom), "\r\n")
	if actions[0] != "Møde;Mødedato;Hvad;Ansvarlig;Frist;Udført" {
		t.Fatalf("header %q", actions[0])
	}
	want := []string{
		"Opstartsmøde i partnerskabet;5.3.2015;Udkast til partnerskabsaftale sendes til parterne;" +
			"Mette Lindholm, Center for Arbejdsmarked og Integration;20.3.2015;18.3.2015",
		"Opstartsmøde i partnerskabet;5.3.2015;Afklare lejevilkår for systue og køkken med BoligKorsør;" +
			"Sofie Krogh, Boligsocial helhedsplan Motalavej;31.3.2015;30.3.2015",
		"Opstartsmøde i partnerskabet;5.3.2015;Beskrive kravene til de socialøkonomiske virksomheder;" +
			"Thomas Ærenlund, Center for Arbejdsmarked og Integration;30.4.2015;",
	}
	if got := strings.Join(actions[1:], "\n"); got != strings.Join(want, "\n")+"\n" {
		t.Errorf("action items\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}

	list := strings.Split(strings.TrimPrefix(export(t, s, "checklist"), bom), "\r\n")
	if list[0] != "Emne;Status;Ansvarlig;Drøftet på mødet;Afklaret på mødet;Besluttet tekst;Flettefelt" {
		t.Fatalf("header %q", list[0])
	}
	if n := len(list) - 2; n != 9 { // the header and the last line end
		t.Errorf("%d checklist rows, want the memo's 9", n)
	}
	var role string
	for _, l := range list {
		if strings.HasPrefix(l, "Jobcentrets rolle;") {
			role = l
		}
	}
	if !strings.Contains(role, ";Afklaret;") || !strings.HasSuffix(role, ";afklaring.jobcentrets_rolle") {
		t.Errorf("the job centre's role: %q", role)
	}

	before := counts(t, s)
	for _, kind := range []string{"checklist", "Handlingspunkter"} {
		_, err := importText(t, s, kind, list[0]+"\r\nNyt emne;Åben;;;;;\r\n")
		if err == nil || !strings.Contains(err.Error(), "kan kun eksporteres, ikke importeres") {
			t.Errorf("importing %s: %v", kind, err)
		}
	}
	sameCounts(t, before, counts(t, s))
}
