// Package outdir keeps every path duban derives from stored or input data
// (a notice's folder name read from the state or the store, a unit's file
// name, a slug made from a 文号) inside the output folder, and deletes only
// files duban writes there.
//
// A name is one path element: not empty, not "." or "..", without a
// separator, colon or NUL. A path is built from the output folder and names only,
// and no folder on the way below the output folder may be a symbolic link,
// so nothing written or removed through this package reaches outside the
// output folder, whatever a tampered state file or a hostile notice says.
package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrEscape is wrapped by every error about a path that would leave the
// output folder.
var ErrEscape = errors.New("outside the output folder")

// CheckName reports whether name is a single, plain path element.
func CheckName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("empty name: %w", ErrEscape)
	case name == "." || name == "..":
		return fmt.Errorf("%q: %w", name, ErrEscape)
	case strings.ContainsAny(name, `/\:`+"\x00"):
		// ':' names a drive or an alternate data stream on Windows.
		return fmt.Errorf("%q: not a single name: %w", name, ErrEscape)
	}
	return nil
}

// Join returns root joined with names after checking each name with
// CheckName and that no existing folder below root on the way is a symbolic
// link (root itself may be one: the user chose it).
func Join(root string, names ...string) (string, error) {
	p := root
	for i, n := range names {
		if err := CheckName(n); err != nil {
			return "", fmt.Errorf("%s: %w", filepath.Join(append([]string{root}, names[:i+1]...)...), err)
		}
		p = filepath.Join(p, n)
		fi, err := os.Lstat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue // created below root by duban, never a link
			}
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return "", fmt.Errorf("%s: a symbolic link inside the output folder: %w", p, ErrEscape)
		}
	}
	return p, nil
}

// Within reports whether path (made absolute, links in it resolved as far
// as it exists) is root or below it.
func Within(root, path string) bool {
	r, err1 := Real(root)
	p, err2 := Real(path)
	if err1 != nil || err2 != nil {
		return false
	}
	if r == p {
		return true
	}
	rel, err := filepath.Rel(r, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// Real returns path made absolute with every symbolic link resolved; of a
// path that does not exist (yet), the longest existing prefix is resolved.
func Real(path string) (string, error) {
	a, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		r, err := filepath.EvalSymlinks(a)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(a)
		if parent == a {
			return filepath.Join(a, rest), nil
		}
		rest = filepath.Join(filepath.Base(a), rest)
		a = parent
	}
}

// RemoveFiles removes from the folder root/names… the files whose names
// keep accepts (and nothing else: no sub-folder, no link target), then the
// folder itself when it is left empty. A folder that does not exist is no
// error.
func RemoveFiles(root string, keep func(name string) bool, names ...string) error {
	dir, err := Join(root, names...)
	if err != nil {
		return err
	}
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var first error
	for _, e := range ents {
		if !e.Type().IsRegular() || !keep(e.Name()) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && first == nil && !errors.Is(err, fs.ErrNotExist) {
			first = err
		}
	}
	RemoveIfEmpty(dir)
	return first
}

// RemoveIfEmpty removes dir when it holds nothing (an error, such as a
// folder that is not empty, is ignored).
func RemoveIfEmpty(dir string) {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) == 0 {
		_ = os.Remove(dir)
	}
}
