package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Go's flag package answers in English ("flag provided but not defined:
// -x") and prints its own usage; the commands say in Danish what is wrong
// and which flags the command has.

// newFlags is a flag set that prints nothing itself.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

var (
	flagUndefined = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	flagNoValue   = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	flagBadValue  = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:]*):`)
	flagSyntax    = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// flagError says in Danish what was wrong with a command's flags.
func flagError(name string, fs *flag.FlagSet, err error) string {
	known := knownFlags(fs)
	msg := err.Error()
	var what string
	switch {
	case errors.Is(err, flag.ErrHelp):
		what = "hjælp"
	case flagUndefined.MatchString(msg):
		what = fmt.Sprintf("ukendt flag --%s", flagUndefined.FindStringSubmatch(msg)[1])
	case flagNoValue.MatchString(msg):
		what = fmt.Sprintf("flaget --%s mangler en værdi", flagNoValue.FindStringSubmatch(msg)[1])
	case flagBadValue.MatchString(msg):
		m := flagBadValue.FindStringSubmatch(msg)
		what = fmt.Sprintf("ugyldig værdi %q til --%s", m[1], m[2])
	case flagSyntax.MatchString(msg):
		what = fmt.Sprintf("forkert skrevet flag %s", flagSyntax.FindStringSubmatch(msg)[1])
	default:
		what = "forkerte flag"
	}
	if known == "" {
		return fmt.Sprintf("%s: %s; kommandoen har ingen flag (se 'partnerskab help')", name, what)
	}
	return fmt.Sprintf("%s: %s; kommandoen kender %s (se 'partnerskab help')", name, what, known)
}

// knownFlags lists a flag set's flags as "--out FIL (…), --json".
func knownFlags(fs *flag.FlagSet) string {
	var parts []string
	fs.VisitAll(func(f *flag.Flag) {
		p := "--" + f.Name
		if f.Usage != "" {
			p += " (" + f.Usage + ")"
		}
		parts = append(parts, p)
	})
	return strings.Join(parts, ", ")
}

// jsonFlag is the listing commands' --json: the program's codes and ISO
// dates, for scripts, instead of the Danish text.
func jsonFlag(asJSON *bool) func(fs *flag.FlagSet) {
	return func(fs *flag.FlagSet) { fs.BoolVar(asJSON, "json", false, "skriv JSON") }
}
