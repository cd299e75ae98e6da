package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/outdir"
)

// LedgerName is the file name (without extension) of a notice's ledger.
const LedgerName = "任务分解表"

// noticeDir is the folder of a notice, checked to be a folder of its own
// inside the output folder: slugs come from the state and from 文号s.
func (r *runner) noticeDir(slug string) (string, error) {
	return outdir.Join(r.out, "notices", slug)
}

func (r *runner) noticeFile(slug string) (string, error) {
	d, err := r.noticeDir(slug)
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "notice.json"), nil
}

// isNoticeFile says whether a file name in a notice folder is one duban
// writes there (in any format, or a temporary file of a killed run): the
// only files it ever deletes from such a folder.
func isNoticeFile(name string) bool {
	switch name {
	case "notice.json", "tasks.csv", LedgerName + ".pdf", LedgerName + ".xlsx":
		return true
	}
	return strings.Contains(name, tmpMark)
}

// readNotice reads one notice's records from a JSON file.
func readNotice(path string) (*duban.Notice, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var n duban.Notice
	if err := json.Unmarshal(b, &n); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &n, nil
}

// complete reports whether a notice folder has every file a run writes.
func (r *runner) complete(slug string) bool {
	dir, err := r.noticeDir(slug)
	if err != nil {
		return false
	}
	for _, name := range r.noticeFiles() {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			return false
		}
	}
	return true
}

func (r *runner) noticeFiles() []string {
	names := []string{"notice.json"}
	if r.be.WriteCSV != nil {
		names = append(names, "tasks.csv")
	}
	if r.be.Ledger != nil {
		for _, f := range r.opt.formats() {
			names = append(names, LedgerName+"."+f)
		}
	}
	return names
}

// writeNotice writes notice.json, tasks.csv and the ledger of one notice
// into notices/<slug>, then removes files there a run does not write.
func (r *runner) writeNotice(n *duban.Notice, slug string) error {
	dir, err := r.noticeDir(slug)
	if err != nil {
		return fmt.Errorf("%s: %w", n.Source.Path, err)
	}
	_, statErr := os.Stat(dir)
	if err := r.writeNoticeFiles(n, dir); err != nil {
		if statErr != nil {
			// A new folder: take back what was written, leave no half
			// notice (nor an empty folder) behind.
			_ = outdir.RemoveFiles(r.out, isNoticeFile, "notices", slug)
		}
		return err
	}
	return nil
}

func (r *runner) writeNoticeFiles(n *duban.Notice, dir string) error {
	b, err := json.MarshalIndent(n, "", "  ")
	if err != nil {
		return fmt.Errorf("%s: records: %w", n.Source.Path, err)
	}
	if err := writeFileAtomic(filepath.Join(dir, "notice.json"), append(b, '\n')); err != nil {
		return err
	}
	if r.be.WriteCSV != nil {
		var buf bytes.Buffer
		if err := r.be.WriteCSV(&buf, []*duban.Notice{n}); err != nil {
			return fmt.Errorf("%s: tasks.csv: %w", n.Source.Path, err)
		}
		if err := writeFileAtomic(filepath.Join(dir, "tasks.csv"), buf.Bytes()); err != nil {
			return err
		}
	}
	if r.be.Ledger != nil {
		if _, err := r.be.Ledger(n, dir, r.ropt); err != nil {
			return fmt.Errorf("%s: ledger: %w", n.Source.Path, err)
		}
	}
	keep := map[string]bool{}
	for _, name := range r.noticeFiles() {
		keep[name] = true
	}
	if ents, err := os.ReadDir(dir); err == nil {
		for _, e := range ents {
			if !keep[e.Name()] && e.Type().IsRegular() && isNoticeFile(e.Name()) {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	return nil
}
