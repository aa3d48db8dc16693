package dk

import "strings"

// Genitive is a name in the Danish genitive: an s added ("Slagelse
// Kommunes"), or only an apostrophe after s, x or z ("Fremmed Firma ApS'").
func Genitive(name string) string {
	if name == "" {
		return name
	}
	switch strings.ToLower(name[len(name)-1:]) {
	case "s", "x", "z":
		return name + "'"
	}
	return name + "s"
}
