package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
)

// Extracted is one notice file's records, or why there are none.
type Extracted struct {
	Path   string
	Notice *duban.Notice
	Err    error
}

// Extract reads the notices of paths (folders are walked) with opt.Jobs
// workers, applies opt.Directory and opt.Segment, and returns them in input
// order with the warnings of the run itself (the segmenter could not be
// loaded). Unsupported files are errors here: the caller asked for them
// by name.
func Extract(ctx context.Context, paths []string, opt Options) ([]Extracted, []NoticeWarning) {
	be := opt.backend()
	enr := newEnricher(be, opt)
	xopt := opt.extractOptions(enr)
	files, other := Collect(paths, be.supported, "")
	var out []Extracted
	for _, o := range other {
		msg := o.Error
		if !strings.HasPrefix(msg, o.Path) {
			msg = o.Path + ": " + msg
		}
		out = append(out, Extracted{Path: o.Path, Err: fmt.Errorf("%s", msg)})
	}
	res := make([]Extracted, len(files))
	sem := make(chan struct{}, opt.jobs())
	var wg sync.WaitGroup
	for i, p := range files {
		res[i].Path = p
		if ctx.Err() != nil {
			res[i].Err = fmt.Errorf("%s: %w", p, ctx.Err())
			continue
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			res[i].Notice, res[i].Err = extractFile(be, p, xopt)
		}()
	}
	wg.Wait()
	return append(out, res...), enr.warnings()
}

func extractFile(be *Backend, path string, opt extract.Options) (*duban.Notice, error) {
	in, err := extract.Load(path, opt)
	if err != nil {
		return nil, err
	}
	if be.Extract == nil {
		return nil, fmt.Errorf("%s: %w", path, errNotAvailable("extraction"))
	}
	return be.Extract(in, opt)
}

// WriteRecords writes notices to w as format "json" (one object, or an
// array when array is set), "jsonl" (one notice per line) or "csv".
func WriteRecords(w io.Writer, notices []*duban.Notice, format string, array bool, be *Backend) error {
	if be == nil {
		be = Default()
	}
	switch format {
	case "json", "":
		if !array && len(notices) == 0 {
			return nil
		}
		var v any = notices
		if !array && len(notices) == 1 {
			v = notices[0]
		}
		if notices == nil {
			v = []*duban.Notice{}
		}
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, n := range notices {
			if err := enc.Encode(n); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		if be.WriteCSV == nil {
			return errNotAvailable("CSV output")
		}
		return be.WriteCSV(w, notices)
	}
	return fmt.Errorf("unknown format %q (want json, jsonl or csv)", format)
}

// ReadRecords reads the notices of a records file: one JSON object, a JSON
// array of them, JSON lines, or a ledger workbook (.xlsx).
func ReadRecords(path string, be *Backend) ([]*duban.Notice, error) {
	if be == nil {
		be = Default()
	}
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		if be.ReadLedger == nil {
			return nil, fmt.Errorf("%s: %w", path, errNotAvailable("reading ledgers"))
		}
		n, err := be.ReadLedger(path)
		if err != nil {
			return nil, err
		}
		return []*duban.Notice{n}, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	t := bytes.TrimSpace(b)
	if len(t) == 0 {
		return nil, fmt.Errorf("%s: empty file", path)
	}
	var ns []*duban.Notice
	if t[0] == '[' {
		if err := json.Unmarshal(t, &ns); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	} else {
		dec := json.NewDecoder(bufio.NewReader(bytes.NewReader(t)))
		for {
			var n duban.Notice
			err := dec.Decode(&n)
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, fmt.Errorf("%s: notice %d: %w", path, len(ns)+1, err)
			}
			ns = append(ns, &n)
		}
	}
	if len(ns) == 0 {
		return nil, fmt.Errorf("%s: no notices", path)
	}
	for i, n := range ns {
		if n == nil || len(n.Tasks) == 0 {
			return nil, fmt.Errorf("%s: notice %d: no tasks", path, i+1)
		}
	}
	return ns, nil
}
