package pipeline

import (
	"errors"
	"fmt"
	"github.com/duban/duban/store"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/duban/duban/internal/folderlock"
	"github.com/duban/duban/internal/outdir"
	"github.com/duban/duban/internal/safeopen"
)

// LockFile is the lock a run holds on its output folder.
const LockFile = folderlock.Name

// outputEntries are the names duban writes directly in an output folder.
// A folder holding a state or lock file is an output folder, and these
// entries of it are never read as input, however the folder is reached
// (issue 17 item 3): a run whose output is inside its input would
// otherwise feed on its own ledgers and sheets.
var outputEntries = map[string]bool{
	"notices": true, "units": true, "quarterly": true, "summary.json": true,
	"returns": true, "calendar": true, RemindersDir: true, BulletinsDir: true,
}

// isOutputFolder says whether dir is an output folder of some run.
func isOutputFolder(dir string) bool {
	for _, m := range []string{StateFile, LockFile, store.FileName} {
		if _, err := os.Lstat(filepath.Join(dir, m)); err == nil {
			return true
		}
	}
	return false
}

// Collect walks the inputs and returns the files to process (sorted, each
// once) and the inputs that are skipped (unsupported) or failed (missing,
// unreadable, not a regular file). supported says which file names are
// processed; exclude is the output folder: nothing duban wrote there (nor
// in any other output folder) is read, however it is reached. A symbolic
// link to a regular file is followed; one to a folder is not (a given
// input folder may be one); loops, FIFOs, devices and sockets are listed
// as failed with what they are.
func Collect(inputs []string, supported func(string) bool, exclude string) (files []string, other []Input) {
	seen := map[string]bool{}
	c := collector{supported: supported}
	if exclude != "" {
		if r, err := outdir.Real(exclude); err == nil {
			c.out = r
		}
	}
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
		if why := c.written(in, st.IsDir()); why != "" {
			other = append(other, Input{Path: in, Status: StatusSkipped, Error: why})
			continue
		}
		if !st.IsDir() {
			if err := safeopen.Regular(in, st.Mode()); err != nil {
				other = append(other, Input{Path: in, Status: StatusFailed, Error: err.Error()})
			} else if supported(in) {
				add(in)
			} else {
				other = append(other, Input{Path: in, Status: StatusSkipped, Error: skipReason(in)})
			}
			continue
		}
		root := in
		if fi, err := os.Lstat(in); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			root = in + string(filepath.Separator) // walk the folder the link names
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				other = append(other, Input{Path: p, Status: StatusFailed, Error: statError(p, err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p == root {
				p = in
			}
			if d.IsDir() {
				if p != in && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				if p != in && c.isOut(p) {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			if outputEntries[d.Name()] && isOutputFolder(filepath.Dir(p)) {
				return nil
			}
			if in, ok := c.entry(p, d); ok {
				add(p)
			} else if in.Status != "" {
				other = append(other, in)
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

// collector decides about each entry of a walk.
type collector struct {
	supported func(string) bool
	out       string // the output folder, links resolved ("": none)
}

// entry says whether the non-folder entry p is a notice to read, and if
// not, what to list it as (nothing for a link to a folder inside the
// inputs, which is not followed).
func (c *collector) entry(p string, d fs.DirEntry) (Input, bool) {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		fi, err := os.Stat(p)
		if err != nil {
			return Input{Path: p, Status: StatusFailed, Error: linkError(p, err)}, false
		}
		if fi.IsDir() {
			return Input{Path: p, Status: StatusSkipped, Error: "symbolic link to a folder, not followed; give the folder itself"}, false
		}
		if why := c.written(p, false); why != "" {
			return Input{Path: p, Status: StatusSkipped, Error: why}, false
		}
		mode = fi.Mode()
	}
	if !mode.IsRegular() {
		return Input{Path: p, Status: StatusFailed, Error: safeopen.Regular(p, mode).Error()}, false
	}
	if !c.supported(p) {
		return Input{Path: p, Status: StatusSkipped, Error: skipReason(p)}, false
	}
	return Input{}, true
}

// isOut says whether the folder p is the output folder or one of duban's
// folders in an output folder.
func (c *collector) isOut(p string) bool {
	if outputEntries[filepath.Base(p)] && isOutputFolder(filepath.Dir(p)) {
		return true
	}
	if c.out == "" {
		return false
	}
	r, err := outdir.Real(p)
	return err == nil && r == c.out
}

// written says why p (reached by any name) must not be read: it is
// something duban wrote in the output folder. "" means it may be read.
func (c *collector) written(p string, dir bool) string {
	if c.out == "" {
		return ""
	}
	r, err := outdir.Real(p)
	if err != nil || r == c.out && dir {
		return "" // the output folder as input: walked without duban's folders
	}
	rel, err := filepath.Rel(c.out, r)
	if err != nil || !filepath.IsLocal(rel) {
		return ""
	}
	first := strings.Split(filepath.ToSlash(rel), "/")[0]
	if outputEntries[first] || strings.HasPrefix(first, ".duban") || strings.HasPrefix(first, store.FileName) {
		return "in the output folder: duban never reads what it wrote"
	}
	return ""
}

func linkError(p string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("%s: symbolic link to nothing (its target is missing)", p)
	case strings.Contains(err.Error(), "too many levels"):
		return fmt.Sprintf("%s: symbolic link loop", p)
	}
	return err.Error()
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
