package data

import (
	"errors"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"syscall"

	"modernc.org/sqlite"
)

// SQLite and the operating system speak English ("database is locked
// (5)", "no such file or directory"); what the caseworker reads says in
// Danish what is wrong. A refusal from one of the schema's own triggers is
// Danish already and is kept as written.

// sqliteText is the Danish for SQLite's primary result codes.
var sqliteText = map[int]string{
	3:  "adgang nægtet",
	5:  "databasen er optaget af et andet program (prøv igen om lidt)",
	6:  "en tabel i databasen er låst",
	7:  "der er ikke hukommelse nok",
	8:  "databasen kan kun læses, ikke skrives (skrivebeskyttet fil eller mappe)",
	9:  "handlingen blev afbrudt",
	10: "disken kunne ikke læses eller skrives",
	11: "databasefilen er beskadiget",
	13: "disken er fuld",
	14: "databasefilen kan ikke åbnes (findes mappen, og må den skrives?)",
	17: "databasens skema blev ændret undervejs; prøv igen",
	18: "en værdi er for stor",
	19: "en regel i databasen afviser ændringen",
	20: "en værdi har en forkert type",
	21: "forkert brug af databasen",
	23: "adgang nægtet af databasen",
	26: "filen er ikke en SQLite-database eller er krypteret",
}

// codeSuffix is the " (2067)" modernc adds to a message.
var codeSuffix = regexp.MustCompile(`\s*\(\d+\)(\s*\(SQLITE_BUSY\))?$`)

// englishConstraint are SQLite's own constraint messages, by prefix.
var englishConstraint = []struct{ prefix, text string }{
	{"UNIQUE constraint failed", "værdien findes allerede"},
	{"NOT NULL constraint failed", "en påkrævet værdi mangler"},
	{"CHECK constraint failed", "en værdi overholder ikke databasens regler"},
	{"FOREIGN KEY constraint failed", "en henvisning peger på noget, der ikke findes, eller noget andet henviser hertil"},
	{"PRIMARY KEY constraint failed", "nøglen findes allerede"},
}

// SQLiteError is an error from SQLite with its text in Danish.
type SQLiteError struct {
	Code int
	Text string // Danish
	Err  error  // SQLite's own error, for errors.As and logs
}

func (e *SQLiteError) Error() string { return e.Text }

func (e *SQLiteError) Unwrap() error { return e.Err }

// sqliteError turns an error from SQLite into one with a Danish text; other
// errors pass unchanged.
func sqliteError(err error) error {
	var se *sqlite.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	var already *SQLiteError
	if errors.As(err, &already) {
		return err
	}
	code := se.Code() & 0xff
	msg := codeSuffix.ReplaceAllString(se.Error(), "")
	if code == 19 {
		for _, c := range englishConstraint {
			if i := strings.Index(msg, c.prefix); i >= 0 {
				detail := strings.TrimSpace(strings.TrimPrefix(msg[i+len(c.prefix):], ":"))
				text := c.text
				if detail != "" {
					text += " (" + detail + ")"
				}
				return &SQLiteError{Code: se.Code(), Text: text, Err: err}
			}
		}
		// RAISE(ABORT, '…') from a trigger: "constraint failed: <Danish>".
		msg = strings.TrimPrefix(msg, "constraint failed: ")
		return &SQLiteError{Code: se.Code(), Text: msg, Err: err}
	}
	if text, ok := sqliteText[code]; ok {
		return &SQLiteError{Code: se.Code(), Text: text, Err: err}
	}
	return &SQLiteError{Code: se.Code(), Text: "databasefejl: " + msg, Err: err}
}

// OSError is an error from the operating system with its text in Danish.
type OSError struct {
	Text string
	Err  error
}

func (e *OSError) Error() string { return e.Text }

func (e *OSError) Unwrap() error { return e.Err }

// osError says in Danish why a file operation failed; errors that are not
// the system's pass unchanged.
func osError(err error) error {
	var errno syscall.Errno
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case err == nil:
		return nil
	case errors.As(err, new(*OSError)), errors.As(err, new(*SQLiteError)):
		return err
	case errors.Is(err, fs.ErrNotExist):
		return &OSError{Text: "findes ikke", Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &OSError{Text: "ingen adgang: mappen eller filen er skrivebeskyttet eller tilhører en anden bruger", Err: err}
	case errors.Is(err, fs.ErrExist):
		return &OSError{Text: "findes allerede", Err: err}
	case errors.Is(err, syscall.EROFS):
		return &OSError{Text: "skrivebeskyttet (mappen eller drevet kan kun læses)", Err: err}
	case errors.Is(err, syscall.ENOSPC):
		return &OSError{Text: "der er ikke plads på drevet", Err: err}
	case errors.Is(err, syscall.EISDIR):
		return &OSError{Text: "er en mappe", Err: err}
	case errors.Is(err, syscall.ENOTDIR):
		return &OSError{Text: "en del af stien er en fil, ikke en mappe", Err: err}
	case errors.Is(err, syscall.EXDEV):
		return &OSError{Text: "kan ikke flyttes til et andet drev", Err: err}
	case errors.As(err, &pe), errors.As(err, &le), errors.As(err, &errno):
		return &OSError{Text: "systemfejl: " + err.Error(), Err: err}
	}
	return err
}

// danishError is sqliteError and osError together.
func danishError(err error) error { return osError(sqliteError(err)) }

// DanishError says in Danish what an error from SQLite or the operating
// system means, for the commands and the window; other errors pass as they are.
func DanishError(err error) error { return danishError(err) }
