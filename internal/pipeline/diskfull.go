package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"

	"github.com/duban/duban/internal/outdir"
)

// ReasonDiskFull is the Reason of an input whose documents could not be
// written because the output folder's disk is full: the command line says
// so once for all of them.
const ReasonDiskFull = "disk_full"

// diskFull says whether err is a write that failed for want of space
// (or of quota).
func diskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return true
	}
	// The store's driver reports SQLITE_FULL (13) as its own error code.
	var coded interface{ Code() int }
	return errors.As(err, &coded) && coded.Code()&0xff == sqliteFull
}

// sqliteFull is SQLite's primary result code for "database or disk is full".
const sqliteFull = 13

// removeEmptyFolders removes the notice folders, units/ and quarterly/
// that a failed write (disk full, a cancelled render) left empty: a folder
// with nothing in it is nothing a person should find.
func (r *runner) removeEmptyFolders() {
	notices := filepath.Join(r.out, "notices")
	if ents, err := os.ReadDir(notices); err == nil {
		for _, e := range ents {
			if e.IsDir() {
				if d, err := outdir.Join(r.out, "notices", e.Name()); err == nil {
					outdir.RemoveIfEmpty(d)
				}
			}
		}
	}
	for _, d := range []string{"notices", "units", "quarterly", "returns", "calendar", RemindersDir, BulletinsDir} {
		if p, err := outdir.Join(r.out, d); err == nil {
			outdir.RemoveIfEmpty(p)
		}
	}
}
