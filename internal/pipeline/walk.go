package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Collect walks the inputs and returns the files to process (sorted, each
// once) and the inputs that are skipped (unsupported) or failed (missing,
// unreadable). supported says which file names are processed; exclude is a
// folder never walked into (the output folder).
func Collect(inputs []string, supported func(string) bool, exclude string) (files []string, other []Input) {
	seen := map[string]bool{}
	excl := absClean(exclude)
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, in := range inputs {
		st, err := os.Stat(in)
		if err != nil {
			other = append(other, Input{Path: in, Status: StatusFailed, Error: statError(in, err)})
			continue
		}
		if !st.IsDir() {
			if supported(in) {
				add(in)
			} else {
				other = append(other, Input{Path: in, Status: StatusSkipped, Error: skipReason(in)})
			}
			continue
		}
		err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				other = append(other, Input{Path: p, Status: StatusFailed, Error: statError(p, err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != in && (strings.HasPrefix(d.Name(), ".") || (excl != "" && absClean(p) == excl)) {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") || !d.Type().IsRegular() {
				return nil
			}
			if supported(p) {
				add(p)
			} else {
				other = append(other, Input{Path: p, Status: StatusSkipped, Error: skipReason(p)})
			}
			return nil
		})
		if err != nil {
			other = append(other, Input{Path: in, Status: StatusFailed, Error: err.Error()})
		}
	}
	sort.Strings(files)
	return files, other
}

// skipReason says why a file is not read.
func skipReason(p string) string {
	if ext := filepath.Ext(p); ext != "" {
		return fmt.Sprintf("unsupported file type %q", ext)
	}
	return "no file extension"
}

func statError(p string, err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Sprintf("%s: no such file or folder", p)
	}
	return err.Error()
}

func absClean(p string) string {
	if p == "" {
		return ""
	}
	a, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	return a
}
