package main

import (
	_ "embed"
	"regexp"
)

// FyneApp.toml is where the version is set: `fyne package` writes it into
// the Windows program's version resource, the MSI takes it from there
// (Makefile), and the program prints it.
//
//go:embed FyneApp.toml
var fyneApp string

// appVersion is the Version line of FyneApp.toml's [Details].
func appVersion(toml string) string {
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindStringSubmatch(toml)
	if m == nil {
		return "ukendt"
	}
	return m[1]
}
