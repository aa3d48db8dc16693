package main

import (
	"regexp"
	"testing"
)

// The version the program prints is FyneApp.toml's, in the form the MSI
// needs (three numbers, each at most 255.255.65535).
func TestVersionFromFyneApp(t *testing.T) {
	if !regexp.MustCompile(`^\d{1,3}\.\d{1,3}\.\d{1,5}$`).MatchString(Version) {
		t.Errorf("Version = %q from FyneApp.toml; an MSI needs MAJOR.MINOR.PATCH", Version)
	}
	for _, tt := range []struct{ toml, want string }{
		{"[Details]\nName = \"Partnerskab\"\nVersion = \"1.2.3\"\nBuild = 4\n", "1.2.3"},
		{"[Details]\n  Version=\"2.0.10\"\n", "2.0.10"},
		{"[Details]\nName = \"Partnerskab\"\n", "ukendt"},
	} {
		if got := appVersion(tt.toml); got != tt.want {
			t.Errorf("appVersion(%q) = %q, want %q", tt.toml, got, tt.want)
		}
	}
}
