//go:build unix

package safeopen

import (
	"os"
	"syscall"
)

const nonBlock = syscall.O_NONBLOCK

// blocking puts a regular file opened non-blocking back to blocking reads
// (the flag means nothing for regular files on Linux, but is cleared so
// that no platform returns EAGAIN mid-read).
func blocking(f *os.File) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := rc.Control(func(fd uintptr) { serr = syscall.SetNonblock(int(fd), false) }); err != nil {
		return err
	}
	return serr
}
