package data

import "testing"

// limitCase is one value on or just past a rule's limit: check parses or
// saves it, and field names the field the problem must be on ("" when the
// value is allowed).
type limitCase struct {
	name  string
	check func() error
	field string
}

// wantLimits runs the cases, each as a subtest.
func wantLimits(t *testing.T, cases []limitCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.check()
			if tc.field == "" {
				if err != nil {
					t.Errorf("refused: %v", err)
				}
				return
			}
			wantFieldError(t, err, tc.field)
		})
	}
}
