package csvio

import "testing"

// Asking values for a column its kind does not have is a mistake in the
// catalogue, which the tests must hear of at once.
func TestValuesOfAnUnknownColumnPanic(t *testing.T) {
	for name, use := range map[string]func(v values){
		"get": func(v values) { v.get("Skostørrelse") },
		"set": func(v values) { v.set("Skostørrelse", "42") },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != "csvio: partners has no column Skostørrelse" {
					t.Errorf("recovered %v", r)
				}
			}()
			use(newValues(partnersKind))
		})
	}
	// Every column of every kind can be set and read back.
	for _, k := range Kinds() {
		v := newValues(k)
		for _, c := range k.Columns {
			v.set(c.Header, " "+c.Header+" ")
			if got := v.get(c.Header); got != c.Header {
				t.Errorf("%s: %q reads back as %q", k.Name, c.Header, got)
			}
		}
	}
}
