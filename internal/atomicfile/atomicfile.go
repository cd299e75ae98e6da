// Package atomicfile writes files so that a reader sees the old file or
// the whole new one, never half a file, and marks its temporary files so
// that a run killed mid-write can find and remove them.
package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// TempMark is in the name of every temporary file duban writes, so a run
// killed mid-write can find and remove what it left.
const TempMark = ".duban-tmp-"

// WriteFile writes data to path through a temporary file in the same
// directory (created if missing), renamed into place, so a reader sees the
// old file or the whole new one, never half a file.
func WriteFile(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write streams a file to path: write gets the temporary file (in the same
// directory, created if missing), which is renamed into place only when
// write returns nil; on any error it is removed, so a reader never sees half
// a file and the file's memory is never held whole.
func Write(path string, write func(w io.Writer) error) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, "."+base+TempMark+"*")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	tmp := f.Name()
	werr := write(f)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp, 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp, path)
	}
	if werr != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, werr)
	}
	return nil
}
