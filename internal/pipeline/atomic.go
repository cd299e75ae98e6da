package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// tmpMark is in the name of every temporary file the pipeline writes.
const tmpMark = ".duban-tmp-"

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so path is either the old file or the whole new one.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+tmpMark+"*")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr == nil {
		werr = cerr
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

// removeTemps deletes temporary files a killed run left in dir and below.
func removeTemps(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Contains(d.Name(), tmpMark) {
			os.Remove(p)
		}
		return nil
	})
}
