// Package safeopen reads an input file without trusting what its name
// leads to: a named pipe, a device (/dev/zero), a socket or a folder is
// refused with a message instead of blocking or growing without bound, and
// a regular file is read through a size limit.
package safeopen

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular is wrapped by the error for anything but a regular file.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by the error for a file over the limit.
var ErrTooLarge = errors.New("larger than the limit")

// ReadFile reads the regular file path (a symbolic link is followed) and
// at most limit bytes of it. The file is opened without waiting for a
// writer (a FIFO does not block), its type is checked on the open file
// (not the name, which may have changed since it was listed), and the
// read stops at limit+1 bytes whatever the file claims its size is.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, fi, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi.Size() > limit {
		return nil, fmt.Errorf("%s: %d bytes, %w of %d bytes for a notice", path, fi.Size(), ErrTooLarge, limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %w of %d bytes for a notice", path, ErrTooLarge, limit)
	}
	return data, nil
}

// Regular returns nil for a regular file's mode and otherwise an error
// naming path and what it is.
func Regular(path string, m fs.FileMode) error {
	if m.IsRegular() {
		return nil
	}
	return fmt.Errorf("%s: %s, %w; duban reads notice files only", path, Kind(m), ErrNotRegular)
}

// Kind names a file type in words.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsRegular():
		return "a regular file"
	}
	return "a special file"
}

// open is os.Open without blocking on a FIFO that has no writer.
func open(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
}

// Open opens the regular file path for reading (a symbolic link is
// followed) without blocking on a FIFO, and returns it with its
// information; anything but a regular file is an error naming path and
// what it is. The caller reads it through its own size limit.
func Open(path string) (*os.File, fs.FileInfo, error) {
	f, err := open(path)
	if err != nil {
		return nil, nil, err // *PathError names the file
	}
	fi, err := f.Stat()
	if err == nil {
		err = Regular(path, fi.Mode())
	}
	if err == nil {
		if err = blocking(f); err != nil {
			err = fmt.Errorf("%s: %w", path, err)
		}
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}
