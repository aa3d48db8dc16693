package data

import (
	"strings"
	"testing"
)

func sqlExec(s *Store, q string) error { _, err := s.DB().Exec(q); return err }

// The schema's last guard refuses the common forms of a CPR number in a
// person-data text column, however the file is written, and lets what is
// no CPR number through.
func TestSchemaRefusesCPRNumbersInText(t *testing.T) {
	s := mustDemo(t)
	for _, note := range []string{"ring 010190-1234", "0101901234", "01.01.90-1234", "01 01 90 1234", "01/01/90 1234", "010190\u20131234", "01.01.90_1234", "01\u00a001\u00a090 1234", "010190\u22121234", "Navn|010190-1234"} {
		err := sqlExec(s, `UPDATE organisations SET notes = '`+note+`'`)
		if err == nil || !strings.Contains(err.Error(), "ligner et CPR-nummer") {
			t.Errorf("notes %q: err = %v, want the CPR guard", note, err)
		}
	}
	for _, note := range []string{"tlf. +45 12 34 56 78", "beløb 1.700.000,00 kr.", "1.3.2015-30.9.2017", "10.30-12.00", "00.01.00-A00-1-15", "5798007149727", "0012345678"} {
		if err := sqlExec(s, `UPDATE organisations SET notes = '`+note+`'`); err != nil {
			t.Errorf("notes %q refused: %v", note, err)
		}
	}
}
