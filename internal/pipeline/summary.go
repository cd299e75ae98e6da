package pipeline

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"time"
)

// The status of one input.
const (
	StatusExtracted = "extracted" // read and extracted in this run
	StatusUnchanged = "unchanged" // same content and options as before: records reloaded
	StatusDuplicate = "duplicate" // the same notice as another input, processed once
	StatusSkipped   = "skipped"   // not a notice format
	StatusFailed    = "failed"    // could not be read, extracted or written
	StatusRendered  = "rendered"  // duban render: records rendered
	StatusImported  = "imported"  // duban import: a returned sheet or ledger read
)

// Input is what happened to one input file.
type Input struct {
	Path        string `json:"path"`
	Status      string `json:"status"`
	Error       string `json:"error,omitempty"`
	Format      string `json:"format,omitempty"`
	DocNumber   string `json:"doc_number,omitempty"`
	Slug        string `json:"slug,omitempty"`
	Tasks       int    `json:"tasks,omitempty"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Reason classifies a failure the command line reports once for all
	// inputs it hit (ReasonDiskFull), "" otherwise.
	Reason string `json:"reason,omitempty"`
}

// NoticeWarning is a record warning with the notice it belongs to.
type NoticeWarning struct {
	Notice  string `json:"notice,omitempty"`
	Task    string `json:"task,omitempty"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Failure is an input that failed, with why.
type Failure struct {
	Path   string `json:"path"`
	Error  string `json:"error"`
	Reason string `json:"reason,omitempty"`
}

// Counts sums up a run.
type Counts struct {
	Inputs    int `json:"inputs"`
	Extracted int `json:"extracted"`
	Unchanged int `json:"unchanged"`
	Duplicate int `json:"duplicate"`
	Skipped   int `json:"skipped"`
	Failed    int `json:"failed"`
	Rendered  int `json:"rendered,omitempty"`
	Pending   int `json:"pending,omitempty"`
	Imported  int `json:"imported,omitempty"` // reports taken by duban import
	Rejected  int `json:"rejected,omitempty"` // returned rows not taken
	Notices   int `json:"notices"`            // notices in the output folder
	Tasks     int `json:"tasks"`              // their tasks
	Units     int `json:"units"`              // unit sheets
	Quarters  int `json:"quarters"`
}

// Summary is output/summary.json.
type Summary struct {
	Output      string          `json:"output"`
	Interrupted bool            `json:"interrupted,omitempty"`
	AsOf        time.Time       `json:"as_of"` // the day statuses are computed for
	Counts      Counts          `json:"counts"`
	Inputs      []Input         `json:"inputs"`
	Outputs     []string        `json:"outputs"`
	Warnings    []NoticeWarning `json:"warnings"`
	Failures    []Failure       `json:"failures"`
}

// Failed reports whether any input failed or the run was interrupted.
func (s *Summary) Failed() bool { return s.Counts.Failed > 0 || s.Interrupted }

// finish sorts the lists and computes counts and failures.
func (s *Summary) finish() {
	sort.Slice(s.Inputs, func(i, j int) bool { return s.Inputs[i].Path < s.Inputs[j].Path })
	sort.Strings(s.Outputs)
	c := &s.Counts
	c.Inputs = len(s.Inputs) + c.Pending
	s.Failures = s.Failures[:0]
	for _, in := range s.Inputs {
		switch in.Status {
		case StatusExtracted:
			c.Extracted++
		case StatusUnchanged:
			c.Unchanged++
		case StatusDuplicate:
			c.Duplicate++
		case StatusSkipped:
			c.Skipped++
		case StatusRendered:
			c.Rendered++
		case StatusFailed:
			c.Failed++
			s.Failures = append(s.Failures, Failure{Path: in.Path, Error: in.Error, Reason: in.Reason})
		}
	}
	if s.Warnings == nil {
		s.Warnings = []NoticeWarning{}
	}
	if s.Outputs == nil {
		s.Outputs = []string{}
	}
}

func (s *Summary) write(out string) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(out, "summary.json"), append(b, '\n'))
}
