//go:build windows

package ui

import (
	"errors"
	"net/url"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/sys/windows"
)

// openForPrint prints the PDF the way Explorer's "Udskriv" does: the
// shell's print verb, which the PDF program (Adobe Reader, Foxit, …)
// registers and which prints to the default printer. A PDF program without
// a print verb (Edge) gets the file opened instead, to print from there;
// with no PDF program at all, the answer is errNoViewer.
func openForPrint(_ func(*url.URL) error, path string) error {
	err := shellExecute("print", path)
	if err == nil {
		return nil
	}
	if err = shellExecute("open", path); err == nil {
		return nil
	}
	if errors.Is(err, windows.ERROR_NO_ASSOCIATION) {
		return errNoViewer
	}
	return errors.New(lang.X("agreements.print.failed", "Aftalen kan ikke sendes til udskrift: {{.Err}}", map[string]any{"Err": err.Error()}))
}

func shellExecute(verb, path string) error {
	v, err := windows.UTF16PtrFromString(verb)
	if err != nil {
		return err
	}
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, v, p, nil, nil, windows.SW_SHOWNORMAL)
}
