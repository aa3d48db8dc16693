package data

import (
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
)

// precheck reads the SQLite header of an existing file without opening it as
// a database, so that a foreign or newer file is refused byte-for-byte
// untouched (opening it would switch it to WAL and create side files).
func precheck(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fileError(path, "kan ikke læses", unwrapPathError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fileError(path, "kan ikke læses", unwrapPathError(err))
	}
	if st.IsDir() {
		return fileError(path, "er en mappe, ikke en databasefil", nil)
	}
	if st.Size() == 0 {
		return nil
	}
	h, err := readHeader(f)
	if err != nil {
		return fileError(path, "er ikke en SQLite-database", nil)
	}
	if h.appID != 0 && h.appID != ApplicationID {
		return fileError(path, "er en SQLite-database fra et andet program, ikke Partnerskab", nil)
	}
	if h.appID == ApplicationID && h.userVersion > SchemaVersion() {
		return &NewerSchemaError{Path: path, Version: h.userVersion}
	}
	return nil
}

type header struct {
	userVersion int
	appID       uint32
}

func readHeader(r io.Reader) (header, error) {
	var b [100]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return header{}, err
	}
	if string(b[:16]) != "SQLite format 3\x00" {
		return header{}, errors.New("no SQLite header")
	}
	return header{
		userVersion: int(binary.BigEndian.Uint32(b[60:64])),
		appID:       binary.BigEndian.Uint32(b[68:72]),
	}, nil
}
