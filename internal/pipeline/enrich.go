package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/duban/duban"
)

// SegmentMode says when the word segmenter (gojieba) is used.
type SegmentMode string

// The segment modes. The zero mode is SegmentAuto.
const (
	// SegmentAuto loads the segmenter only for a notice with a task that
	// names no unit in a unit clause, to infer its units from the text;
	// such a notice also gets keywords and mentioned units.
	SegmentAuto SegmentMode = "auto"
	// SegmentOn loads it for every notice: inferred units, keywords and
	// mentioned units everywhere.
	SegmentOn SegmentMode = "on"
	// SegmentOff never loads it: only the directory's canonical names.
	SegmentOff SegmentMode = "off"
)

// ParseSegmentMode reads "auto", "on" or "off".
func ParseSegmentMode(s string) (SegmentMode, error) {
	switch m := SegmentMode(s); m {
	case SegmentAuto, SegmentOn, SegmentOff:
		return m, nil
	case "":
		return SegmentAuto, nil
	}
	return "", fmt.Errorf("segment mode %q: want auto, on or off", s)
}

func (m SegmentMode) norm() SegmentMode {
	if m == "" {
		return SegmentAuto
	}
	return m
}

// enricher applies the unit directory and the segmenter to freshly
// extracted notices. It is shared by the workers of a run; the segmenter
// itself is loaded once per process by the backend.
type enricher struct {
	be   *Backend
	dir  *duban.Directory
	mode SegmentMode

	mu     sync.Mutex
	segErr error // why the segmenter could not be loaded, the first time
}

func newEnricher(be *Backend, opt Options) *enricher {
	return &enricher{be: be, dir: opt.Directory, mode: opt.Segment.norm()}
}

// wantsSegmenter says whether a notice is to be segmented.
func (e *enricher) wantsSegmenter(n *duban.Notice) bool {
	switch e.mode {
	case SegmentOn:
		return true
	case SegmentOff:
		return false
	}
	for i := range n.Tasks {
		if len(n.Tasks[i].Units) == 0 {
			return true
		}
	}
	return false
}

// apply enriches one freshly extracted notice; the warnings it adds go to
// n.Warnings. When the segmenter cannot be loaded the notice still gets
// the directory's names and the run warns once.
func (e *enricher) apply(n *duban.Notice) {
	if e == nil || e.be.Enrich == nil || n == nil {
		return
	}
	seg := e.wantsSegmenter(n)
	if e.dir.Empty() && !seg {
		return
	}
	if seg {
		e.mu.Lock()
		failed := e.segErr != nil
		e.mu.Unlock()
		if !failed {
			err := e.be.Enrich(n, e.dir, true)
			if err == nil {
				return
			}
			e.mu.Lock()
			if e.segErr == nil {
				e.segErr = err
			}
			e.mu.Unlock()
		}
	}
	_ = e.be.Enrich(n, e.dir, false)
}

// recanonicalise sets the canonical names of records read back (corrected
// records, or notices of earlier runs) from the directory, replacing the
// unknown-unit warnings they carried. Without a directory it does nothing.
func (e *enricher) recanonicalise(n *duban.Notice) {
	if e == nil || e.be.Enrich == nil || n == nil || e.dir == nil {
		return
	}
	kept := n.Warnings[:0:0]
	for _, w := range n.Warnings {
		if w.Code != duban.WarnUnknownUnit {
			kept = append(kept, w)
		}
	}
	n.Warnings = kept
	_ = e.be.Enrich(n, e.dir, false)
}

// warnings is what the run says about the segmenter.
func (e *enricher) warnings() []NoticeWarning {
	if e == nil {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.segErr == nil {
		return nil
	}
	return []NoticeWarning{{Code: "segment", Message: fmt.Sprintf("units were not inferred from task texts and no keywords were made: %v", e.segErr)}}
}

// directoryHash fingerprints what a directory says (not its comments or
// layout), for the options hash.
func directoryHash(d *duban.Directory) string {
	if d.Empty() {
		return ""
	}
	type entry struct {
		Kind, Name       string
		Aliases, Members []string
	}
	var es []entry
	for _, u := range d.Units {
		es = append(es, entry{Kind: "unit", Name: u.Name, Aliases: u.Aliases})
	}
	for _, g := range d.Groups {
		es = append(es, entry{Kind: "group", Name: g.Name, Members: g.Members})
	}
	b, _ := json.Marshal(es)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
