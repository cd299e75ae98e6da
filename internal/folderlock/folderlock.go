// Package folderlock gives one process at a time a folder: duban's output
// folder is locked by every run, render and (later) the store and the web
// console, so two of them never write, clean up or rename into the same
// folder at once.
//
// The lock is an advisory lock held on the file Name in the folder (flock
// on Unix, LockFileEx on Windows), released by the operating system when
// the process ends however it ends: a killed run leaves no stale lock. The
// file stays and holds who took the lock last (pid, command, start time,
// host), so a second process can say who holds it.
package folderlock

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Name is the lock file in a locked folder.
const Name = ".duban.lock"

// Holder is who holds (or last held) a folder's lock.
type Holder struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`
	Started time.Time `json:"started"`
	Host    string    `json:"host,omitempty"`
}

func (h Holder) String() string {
	s := fmt.Sprintf("pid %d", h.PID)
	if h.Host != "" {
		s += " on " + h.Host
	}
	if h.Command != "" {
		s += ", " + h.Command
	}
	if !h.Started.IsZero() {
		s += ", started " + h.Started.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	return s
}

// BusyError says the folder is locked by another process.
type BusyError struct {
	Dir    string
	Holder Holder // zero when the holder could not be read
	Waited time.Duration
}

func (e *BusyError) Error() string {
	who := "another process"
	if e.Holder.PID != 0 {
		who = "another duban (" + e.Holder.String() + ")"
	}
	return fmt.Sprintf("%s: in use by %s; waited %s. Wait for it to finish, or use another output folder",
		e.Dir, who, e.Waited.Round(100*time.Millisecond))
}

// ErrBusy is matched by errors.Is for a *BusyError.
var ErrBusy = errors.New("folder in use")

func (e *BusyError) Is(target error) bool { return target == ErrBusy }

// Lock is a held lock; Unlock releases it.
type Lock struct {
	f *os.File
}

// pollEvery is how often a waiting Acquire tries again.
const pollEvery = 50 * time.Millisecond

// Acquire locks dir (which must exist), waiting up to wait for another
// holder to let go, and records this process as the holder. It returns a
// *BusyError naming the holder when the wait ends first.
func Acquire(dir string, wait time.Duration) (*Lock, error) {
	p := filepath.Join(dir, Name)
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}
	start := time.Now()
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", p, err)
		}
		if ok {
			break
		}
		if time.Since(start) >= wait {
			h, _ := readHolder(f)
			f.Close()
			return nil, &BusyError{Dir: dir, Holder: h, Waited: time.Since(start)}
		}
		time.Sleep(min(pollEvery, wait))
	}
	if err := writeHolder(f, self()); err != nil {
		unlock(f)
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", p, err)
	}
	return &Lock{f: f}, nil
}

// Unlock releases the lock; the file stays.
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlock(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}

// Read returns who holds or last held dir's lock.
func Read(dir string) (Holder, error) {
	f, err := os.Open(filepath.Join(dir, Name))
	if err != nil {
		return Holder{}, err
	}
	defer f.Close()
	return readHolder(f)
}

func self() Holder {
	host, _ := os.Hostname()
	cmd := strings.Join(os.Args, " ")
	if len(cmd) > 200 {
		cmd = cmd[:200] + "…"
	}
	return Holder{PID: os.Getpid(), Command: cmd, Started: processStart(), Host: host}
}

// started is when this process took its first lock (near enough to its
// start for a person deciding whether to wait).
var started = time.Now()

func processStart() time.Time { return started }

func readHolder(f *os.File) (Holder, error) {
	var h Holder
	b, err := io.ReadAll(io.NewSectionReader(f, 0, 4096))
	if err != nil {
		return h, err
	}
	err = json.Unmarshal(b, &h)
	return h, err
}

func writeHolder(f *os.File, h Holder) error {
	b, err := json.Marshal(h)
	if err != nil {
		return err
	}
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err = f.WriteAt(append(b, '\n'), 0)
	return err
}
