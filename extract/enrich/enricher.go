package enrich

import (
	"fmt"
	"sync"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/segment"
)

// Mode says when the word segmenter is used.
type Mode string

// The segment modes.
const (
	// Off never loads the segmenter: units get only the directory's
	// canonical names.
	Off Mode = "off"
	// Auto loads the segmenter only for a notice with a task that names
	// no unit in a unit clause, to infer its units from the text; such a
	// notice also gets keywords and mentioned units.
	Auto Mode = "auto"
	// On loads it for every notice: inferred units, keywords and mentioned
	// units everywhere.
	On Mode = "on"
)

// ParseMode reads "auto", "on" or "off"; "" is Auto, as on the command
// line.
func ParseMode(s string) (Mode, error) {
	switch m := Mode(s); m {
	case Auto, On, Off:
		return m, nil
	case "":
		return Auto, nil
	}
	return "", fmt.Errorf("segment mode %q: want auto, on or off", s)
}

// An Enricher applies a unit directory and, as its Mode says, the word
// segmenter to freshly extracted notices. One Enricher may serve many
// goroutines; the segmenter is loaded on first need, once. When it cannot
// be loaded, notices still get the directory's names and Err says why.
type Enricher struct {
	Directory *duban.Directory // nil: no directory
	Mode      Mode             // "" is Off
	// Load loads the segmenter; nil is segment.Load.
	Load func() (*segment.Segmenter, error)

	mu     sync.Mutex
	loaded bool
	seg    *segment.Segmenter
	err    error
}

// Enrich applies the directory and the segmenter to n (see Apply).
func (e *Enricher) Enrich(n *duban.Notice) {
	if e == nil || n == nil {
		return
	}
	seg := e.wantsSegmenter(n)
	if e.Directory.Empty() && !seg {
		return
	}
	var s *segment.Segmenter
	if seg {
		s = e.segmenter()
	}
	Apply(n, e.Directory, s)
}

// Recanonicalise sets the canonical names of records read back (corrected
// records, or notices of earlier runs) from the directory, replacing the
// unknown-unit warnings they carried. Without a directory it does nothing.
func (e *Enricher) Recanonicalise(n *duban.Notice) {
	if e == nil || n == nil || e.Directory == nil {
		return
	}
	kept := n.Warnings[:0:0]
	for _, w := range n.Warnings {
		if w.Code != duban.WarnUnknownUnit {
			kept = append(kept, w)
		}
	}
	n.Warnings = kept
	Apply(n, e.Directory, nil)
}

// Err says why the segmenter could not be loaded, nil if it was not
// needed or was loaded.
func (e *Enricher) Err() error {
	if e == nil {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.err
}

// wantsSegmenter says whether a notice is to be segmented.
func (e *Enricher) wantsSegmenter(n *duban.Notice) bool {
	switch e.Mode {
	case On:
		return true
	case Auto:
		for i := range n.Tasks {
			if len(n.Tasks[i].Units) == 0 {
				return true
			}
		}
	}
	return false
}

// segmenter loads the segmenter the first time; nil when it cannot be.
func (e *Enricher) segmenter() *segment.Segmenter {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.loaded {
		load := e.Load
		if load == nil {
			load = segment.Load
		}
		e.seg, e.err = load()
		e.loaded = true
	}
	return e.seg
}
