package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"partnerskab/data"
	"partnerskab/data/agreement"
	"partnerskab/data/dk"
)

// `partnerskab seal show|export-ca|import`: the seal for IT to script and
// for tests to drive, the same as Filer → Segl… in the window.
//
//	seal show                         what seals are made with, how the keys are kept, whom the installation trusts
//	seal export-ca --out FILE.pem     the CA certificate to give recipients
//	seal import FILE.p12 [--trust-issuer]
//	                                  seal with the organisation's certificate from now on; the
//	                                  password is read from standard input (one line), never an argument

func cmdSeal(e *env, args []string) int {
	if len(args) == 0 {
		e.fail("seal: skriv 'seal show', 'seal export-ca --out FIL.pem' eller 'seal import FIL.p12'")
		return 2
	}
	switch args[0] {
	case "show":
		return cmdSealShow(e, args[1:])
	case "export-ca":
		return cmdSealExportCA(e, args[1:])
	case "import":
		return cmdSealImport(e, args[1:])
	}
	e.fail("seal: ukendt underkommando %q; skriv 'seal show', 'seal export-ca --out FIL.pem' eller 'seal import FIL.p12'", args[0])
	return 2
}

// sealOf opens the store and its seal (made on first use, like the window).
func (e *env) sealOf() (*data.Store, *agreement.Sealer, int) {
	s, code := e.open(forCreating)
	if s == nil {
		return nil, nil, code
	}
	sealer, err := agreement.OpenStoreSealer(context.Background(), s)
	if err != nil {
		s.Close()
		return nil, nil, e.fail("%s: seglet kan ikke åbnes: %v", agreement.SealDir(s.Path()), err)
	}
	return s, sealer, 0
}

func cmdSealShow(e *env, args []string) int {
	if !e.flags("seal show", args, nil) {
		return 2
	}
	s, sealer, code := e.sealOf()
	if sealer == nil {
		return code
	}
	defer s.Close()
	cert := sealer.Certificate()
	w := e.stdout
	fmt.Fprintf(w, "Segl: %s\n", sealer.Describe())
	holder := cert.Subject.CommonName
	if len(cert.Subject.Organization) > 0 {
		holder = cert.Subject.Organization[0]
	}
	fmt.Fprintf(w, "Indehaver: %s\n", holder)
	fmt.Fprintf(w, "Certifikatets SHA-256: %s\n", agreement.Fingerprint(cert))
	if sealer.Imported() {
		fmt.Fprintln(w, "Certifikatet er organisationens eget, importeret fra en .p12-fil.")
	} else {
		fmt.Fprintln(w, "Certifikatet er installationens eget, udstedt af dens lokale CA.")
	}
	fmt.Fprintf(w, "Nøgler: %s\n", sealer.KeyProtection())
	fmt.Fprintf(w, "Seglmappe: %s\n", sealer.Dir())
	t := sealer.Trust()
	fmt.Fprintln(w, "Denne installation stoler på segl fra:")
	for _, h := range t.Holders {
		source := "eget segl"
		if h.Source == "imported" {
			source = "importeret " + dk.FormatDate(h.Added.Local())
		}
		fmt.Fprintf(w, "  %s (%s), SHA-256 %s\n", h.Name, source, h.Fingerprint)
	}
	if len(t.OwnCAs) > 0 {
		fmt.Fprintln(w, "  certifikater udstedt af installationens egen lokale CA")
	}
	for _, is := range t.Issuers {
		id := ""
		if is.HolderID != "" {
			id = " (" + is.HolderID + ")"
		}
		fmt.Fprintf(w, "  certifikater fra %s til %s%s, godkendt %s\n", is.Name, is.Organisation, id, dk.FormatDate(is.Added.Local()))
	}
	return 0
}

func cmdSealExportCA(e *env, args []string) int {
	var out string
	if !e.flags("seal export-ca", args, func(fs *flag.FlagSet) { fs.StringVar(&out, "out", "", "filen der skal skrives") }) {
		return 2
	}
	if out == "" {
		return e.fail("seal export-ca: angiv filen med --out FIL.pem")
	}
	s, sealer, code := e.sealOf()
	if sealer == nil {
		return code
	}
	defer s.Close()
	// A certificate is public: readable by all, like the ones it is given to.
	if err := data.WriteFile(s.Path(), out, 0o644, func(w io.Writer) error {
		_, err := w.Write(sealer.CACertPEM())
		return err
	}); err != nil {
		return e.fail("%v", err)
	}
	fmt.Fprintf(e.stdout, "CA-certifikatet er skrevet til %s.\n", out)
	return 0
}

func cmdSealImport(e *env, args []string) int {
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	var trustIssuer bool
	if !e.flags("seal import", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&trustIssuer, "trust-issuer", false, "stol også på udstederens nye certifikater til samme organisation")
	}) {
		return 2
	}
	if file == "" {
		return e.fail("seal import: angiv .p12-filen: partnerskab seal import FIL.p12 (adgangskoden læses fra standard-input)")
	}
	p12, err := readInput(file)
	if err != nil {
		return e.fail("%v", err)
	}
	password, err := readPassword(e.stdin)
	if err != nil {
		return e.fail("seal import: adgangskoden kan ikke læses fra standard-input: %v", data.DanishError(err))
	}
	p, err := e.path()
	if err != nil {
		return e.fail("%v", err)
	}
	dir := agreement.SealDir(p)
	if err := agreement.ImportP12(dir, p12, password, trustIssuer); err != nil {
		return e.fail("seal import: %s: %v", file, err)
	}
	s, sealer, code := e.sealOf()
	if sealer == nil {
		return code
	}
	defer s.Close()
	fmt.Fprintf(e.stdout, "Certifikatet er importeret; nye aftaler forsegles med %s.\n", sealer.Describe())
	if trustIssuer {
		fmt.Fprintf(e.stdout, "Udstederen %s er godkendt for netop denne organisation.\n", sealer.Certificate().Issuer.CommonName)
	}
	return 0
}

// readPassword reads one line from r: the password, without its line end.
func readPassword(r io.Reader) (string, error) {
	if r == nil {
		r = os.Stdin
	}
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}
