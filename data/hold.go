package data

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"partnerskab/data/dk"
)

// Who uses a database file. Every open store holds the lock file next to
// the database ("partnerskab.db-lock") shared, so a backup or a report can
// run beside the window; what replaces or rewrites the file (a restore, a
// migration, the demo) holds it exclusively and is refused while anyone
// else has the file open. The lock file also carries one line per holder
// (process id, what it is, since when), so the refusal can name them; a
// line whose process has ended is ignored, and the first holder after a
// quiet spell starts the list afresh.

// errLocked is lockFile's answer when another holder is in the way.
var errLocked = errors.New("låst af en anden")

// holdWait is how long a shared hold waits for an exclusive holder that is
// only opening the file (a migration takes a moment); exclusiveWait how
// long an exclusive hold waits for readers that are about to finish.
const (
	holdWait      = 3 * time.Second
	exclusiveWait = time.Second
)

var holderName = struct {
	sync.Mutex
	name string
}{name: "Partnerskab"}

// SetHolderName says what this process is, for the message another process
// gets when it needs the file alone: "Partnerskab-vinduet", "partnerskab backup".
func SetHolderName(name string) {
	holderName.Lock()
	holderName.name = name
	holderName.Unlock()
}

func currentHolderName() string {
	holderName.Lock()
	defer holderName.Unlock()
	return holderName.name
}

// LockPath is the lock file of a database.
func LockPath(dbPath string) string { return dbPath + "-lock" }

// hold is a lock on a database's lock file.
type hold struct {
	f         *os.File
	exclusive bool
}

// InUseError refuses to replace or rewrite a database that another
// program has open, naming the programs where it can.
type InUseError struct {
	Path    string
	What    string   // "kan ikke gendannes", …
	Holders []string // "Partnerskab-vinduet (proces 1234, åbnet 2.12.2025 14.32)"
}

func (e *InUseError) Error() string {
	who := "et andet program"
	if len(e.Holders) > 0 {
		who = strings.Join(e.Holders, ", ")
	}
	return fmt.Sprintf("%s: %s, mens databasen er i brug af %s; luk det først og prøv igen", e.Path, e.What, who)
}

// IsInUse tells whether err refuses a database that is in use.
func IsInUse(err error) bool {
	var u *InUseError
	return errors.As(err, &u)
}

// openLockFile opens (creating, 0600) the lock file of dbPath.
func openLockFile(dbPath string) (*os.File, error) {
	f, err := os.OpenFile(LockPath(dbPath), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fileError(dbPath, "låsefilen "+LockPath(dbPath)+" kan ikke oprettes", unwrapPathError(err))
	}
	return f, nil
}

// holdExclusive holds dbPath alone, waiting up to holdWait for holders
// that are finishing; what says what cannot be done if that fails.
func holdExclusive(dbPath, what string) (*hold, error) {
	h, err := acquire(dbPath, true, exclusiveWait)
	if err != nil {
		return nil, inUse(err, what)
	}
	// A program that is not Partnerskab (a sqlite3 shell, a database
	// browser) takes no lock of ours; where the system tells, it is found.
	if others := processesWithOpen(dbPath, dbPath+"-wal"); len(others) > 0 {
		h.release()
		var names []string
		for pid, name := range others {
			names = append(names, fmt.Sprintf("%s (proces %d)", name, pid))
		}
		slices.Sort(names)
		return nil, &InUseError{Path: dbPath, What: what, Holders: names}
	}
	return h, nil
}

// tryExclusive holds dbPath alone if nobody else has it, without waiting;
// ok is false when another holder is in the way.
func tryExclusive(dbPath string) (h *hold, ok bool, err error) {
	h, err = acquire(dbPath, true, 0)
	if u, isUse := err.(*InUseError); isUse && u != nil {
		return nil, false, nil
	}
	return h, err == nil, err
}

// holdShared holds dbPath beside other users, waiting up to holdWait for
// an exclusive holder (one that is only opening the file). A folder that
// cannot take a lock file (read-only) is held by nobody: nothing can
// replace a file there either.
func holdShared(dbPath string) (*hold, error) {
	h, err := acquire(dbPath, false, holdWait)
	var fe *FileError
	if errors.As(err, &fe) && (errors.Is(fe.Err, fs.ErrPermission) || errors.Is(fe.Err, syscall.EROFS)) {
		return &hold{}, nil
	}
	return h, inUse(err, "kan ikke åbnes")
}

func inUse(err error, what string) error {
	if u, ok := err.(*InUseError); ok {
		u.What = what
	}
	return err
}

// acquire locks the lock file, trying for up to wait. The lock file is
// removed by the last holder (release), so a lock taken on a file that was
// removed or replaced meanwhile is let go and taken anew.
func acquire(dbPath string, exclusive bool, wait time.Duration) (*hold, error) {
	deadline := time.Now().Add(wait)
	for {
		f, err := openLockFile(dbPath)
		if err != nil {
			return nil, err
		}
		err = lockFile(f, exclusive)
		switch {
		case err == nil && !sameAsPath(f, LockPath(dbPath)):
			unlockFile(f)
			f.Close()
			continue
		case err == nil:
			h := &hold{f: f, exclusive: exclusive}
			h.writeLine(exclusive)
			openHolds.Add(1)
			return h, nil
		case !errors.Is(err, errLocked):
			f.Close()
			return nil, fileError(dbPath, "låsefilen kan ikke låses", err)
		case time.Now().After(deadline):
			holders := holdersOf(dbPath, f)
			f.Close()
			return nil, &InUseError{Path: dbPath, Holders: holders}
		}
		f.Close()
		time.Sleep(50 * time.Millisecond)
	}
}

// sameAsPath tells whether the open file is still the one at path.
func sameAsPath(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	return err == nil && os.SameFile(a, b)
}

// share lowers an exclusive hold to a shared one.
func (h *hold) share() error {
	if h == nil || h.f == nil || !h.exclusive {
		return nil
	}
	if err := lockFile(h.f, false); err != nil {
		return err
	}
	h.exclusive = false
	return nil
}

// release lets the file go; the last holder removes the lock file, so a
// closed database leaves nothing beside it (where the system lets an open
// file be removed; elsewhere the file stays for the next one).
func (h *hold) release() {
	if h == nil || h.f == nil {
		return
	}
	if h.exclusive || lockFile(h.f, true) == nil {
		if sameAsPath(h.f, h.f.Name()) {
			os.Remove(h.f.Name())
		}
	}
	unlockFile(h.f)
	h.f.Close()
	h.f = nil
	openHolds.Add(-1)
}

// openHolds counts this process's holds, so that its own line from a hold
// it has let go (a command that closed its store to replace the file) is
// not named as another user.
var openHolds atomic.Int64

// writeLine adds this process to the holders; the first (exclusive)
// holder starts the list afresh.
func (h *hold) writeLine(fresh bool) {
	line := fmt.Sprintf("%d\t%s\t%s\n", os.Getpid(), strings.ReplaceAll(currentHolderName(), "\t", " "),
		time.Now().Format(time.RFC3339))
	if fresh {
		h.f.Truncate(0)
		h.f.WriteAt([]byte(line), 0)
		return
	}
	// Holders beside each other append; naming them is a courtesy, so a
	// rare lost line between two that open at once does no harm.
	if end, err := h.f.Seek(0, io.SeekEnd); err == nil {
		h.f.WriteAt([]byte(line), end)
	}
}

// holdersOf names who holds the file: the lock file's lines of processes
// that still run, and other processes the system says have it open.
func holdersOf(dbPath string, f *os.File) []string {
	var out []string
	seen := map[int]bool{}
	if _, err := f.Seek(0, io.SeekStart); err == nil {
		sc := bufio.NewScanner(io.LimitReader(f, 64<<10))
		for sc.Scan() {
			parts := strings.SplitN(sc.Text(), "\t", 3)
			if len(parts) != 3 {
				continue
			}
			pid, err := strconv.Atoi(parts[0])
			if err != nil || seen[pid] || !processAlive(pid) || pid == os.Getpid() && openHolds.Load() == 0 {
				continue
			}
			seen[pid] = true
			text := fmt.Sprintf("%s (proces %d", parts[1], pid)
			if t, err := time.Parse(time.RFC3339, parts[2]); err == nil {
				text += ", åbnet " + dk.FormatDateTime(t.Local())
			}
			out = append(out, text+")")
		}
	}
	others := processesWithOpen(dbPath, dbPath+"-wal")
	pids := make([]int, 0, len(others))
	for pid := range others {
		pids = append(pids, pid)
	}
	slices.Sort(pids)
	for _, pid := range pids {
		if !seen[pid] {
			out = append(out, fmt.Sprintf("%s (proces %d)", others[pid], pid))
		}
	}
	return out
}
