//go:build windows

package agreement

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Windows keeps the key files encrypted with DPAPI: CryptProtectData under
// the user's account, so only that user on that machine can open them.

type dpapi struct{}

func findKeyring() (keyring, string) { return dpapi{}, "" }

func (dpapi) Name() string { return "Windows (DPAPI)" }

func (dpapi) Protection() string { return protectDPAPI }

func blobOf(b []byte) *windows.DataBlob {
	if len(b) == 0 {
		return &windows.DataBlob{}
	}
	return &windows.DataBlob{Size: uint32(len(b)), Data: &b[0]}
}

// Seal protects plain; the id is the entropy, so a file moved under another
// key file's name does not open.
func (dpapi) Seal(id, label string, plain []byte) ([]byte, error) {
	name, _ := windows.UTF16PtrFromString(label)
	var out windows.DataBlob
	if err := windows.CryptProtectData(blobOf(plain), name, blobOf([]byte(id)), 0, nil,
		windows.CRYPTPROTECT_UI_FORBIDDEN, &out); err != nil {
		return nil, fmt.Errorf("nøglen kan ikke krypteres med Windows (DPAPI): %v", err)
	}
	defer windows.LocalFree(windows.Handle(unsafe.Pointer(out.Data)))
	return append([]byte(nil), unsafe.Slice(out.Data, out.Size)...), nil
}

func (dpapi) Open(id string, sealed []byte) ([]byte, error) {
	var out windows.DataBlob
	if err := windows.CryptUnprotectData(blobOf(sealed), nil, blobOf([]byte(id)), 0, nil,
		windows.CRYPTPROTECT_UI_FORBIDDEN, &out); err != nil {
		return nil, fmt.Errorf("nøglen kan ikke dekrypteres med Windows (DPAPI) – er den fra en anden bruger eller computer? %v", err)
	}
	defer windows.LocalFree(windows.Handle(unsafe.Pointer(out.Data)))
	return append([]byte(nil), unsafe.Slice(out.Data, out.Size)...), nil
}
