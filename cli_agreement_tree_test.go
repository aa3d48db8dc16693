package main

import (
	"strings"
	"testing"
)

func TestAgreementEndAndTree(t *testing.T) {
	db := agreementDemoDB(t)
	rows := agreementsJSON(t, db)
	signed, draft := itoa(rows[1].ID), itoa(rows[0].ID)

	code, _, stderr := runCLI(t, "agreement", "end", "--id", signed, "--kind", "opsigelse", "--date", "1.1.2015", "--db", db)
	if code != 1 || !strings.Contains(stderr, "Begrundelse: skal udfyldes") ||
		!strings.Contains(stderr, "Dato: aftalen kan ikke afsluttes 1.1.2015, før den begyndte (1.3.2015)") {
		t.Errorf("an early ending without reason: exit %d, %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "agreement", "end", "--id", draft, "--kind", "udløb", "--date", "30.9.2017", "--reason", "Udløbet", "--db", db)
	if code != 1 || !strings.Contains(stderr, "kun en underskrevet aftale kan afsluttes") {
		t.Errorf("ending a draft: exit %d, %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "agreement", "end", "--id", "x", "--db", db)
	if code != 2 || !strings.Contains(stderr, "--id skal være aftalens id") {
		t.Errorf("a bad id: exit %d, %q", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "agreement", "end", "--id", signed, "--kind", "ophævelse", "--date", "30.6.2016",
		"--reason", "Væsentlig misligholdelse", "--db", db)
	if code != 0 || stderr != "" || stdout != "Aftale 2015-002 er ophævet pr. 30.6.2016.\n" {
		t.Fatalf("agreement end: exit %d, %q, %q", code, stdout, stderr)
	}
	if rows := agreementsJSON(t, db); rows[1].Ended != "2016-06-30" {
		t.Errorf("agreements --json: %+v", rows[1])
	}
	code, stdout, _ = runCLI(t, "agreement", "tree", "--db", db)
	want := "2015-002 Partnerskabsaftale af 2. orden · ophævet pr. 30.6.2016 (Underskrevet, id " + signed + ")\n" +
		"    2015-005 Samarbejdsaftale: Fra de varme lande (Kladde"
	if code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("agreement tree: exit %d\n%s\nwant %q", code, stdout, want)
	}
	_, stdout, _ = runCLI(t, "log", "--db", db)
	if !strings.Contains(stdout, "afsluttet") || !strings.Contains(stdout, "2015-002: Ophævelse pr. 30.6.2016") {
		t.Errorf("the log lacks the ending:\n%s", stdout)
	}
}
