//go:build !windows

package data

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// lockFile takes an advisory lock on the whole file without waiting
// (flock: it belongs to the open file, so two opens in one process
// exclude each other like two processes do, and SQLite's own fcntl locks
// are not disturbed). Taking a shared lock over an exclusive one held
// through the same file lowers it in one step.
func lockFile(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EAGAIN) {
		return errLocked
	}
	return err
}

func unlockFile(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

// processAlive tells whether a process with the id runs (signal 0 checks
// without sending anything; EPERM means it runs as another user).
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// processesWithOpen names the other processes that have one of the files
// open, where the system tells (Linux's /proc; elsewhere nothing): a
// sqlite3 shell or another tool holds no lock of ours but is a user too.
func processesWithOpen(paths ...string) map[int]string {
	want := map[string]bool{}
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			want[abs] = true
		}
	}
	out := map[int]string{}
	procs, err := os.ReadDir("/proc")
	if err != nil {
		return out
	}
	self := os.Getpid()
	for _, p := range procs {
		pid, err := strconv.Atoi(p.Name())
		if err != nil || pid == self {
			continue
		}
		fds, err := os.ReadDir(filepath.Join("/proc", p.Name(), "fd"))
		if err != nil {
			continue
		}
		for _, fd := range fds {
			target, err := os.Readlink(filepath.Join("/proc", p.Name(), "fd", fd.Name()))
			if err == nil && want[target] {
				comm, _ := os.ReadFile(filepath.Join("/proc", p.Name(), "comm"))
				out[pid] = strings.TrimSpace(string(comm))
				break
			}
		}
	}
	return out
}
