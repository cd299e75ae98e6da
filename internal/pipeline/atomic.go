package pipeline

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/duban/duban/internal/atomicfile"
)

// tmpMark is in the name of every temporary file duban writes, the
// renderers' included.
const tmpMark = atomicfile.TempMark

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so path is either the old file or the whole new one.
func writeFileAtomic(path string, data []byte) error {
	return atomicfile.WriteFile(path, data)
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
