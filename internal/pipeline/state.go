package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/duban/duban/internal/outdir"
	"github.com/duban/duban/store"
)

// StateFile is the name of the incremental state in the output folder
// before the store held it: a run moves it into the store and removes it.
const StateFile = ".duban-state.json"

// stateKeyName is the store key of the incremental state.
const stateKeyName = "pipeline.state"

// stateVersion changes when the meaning of the state or of extracted
// records changes, so every notice is redone once.
const stateVersion = 1

// state remembers, for every notice file content extracted with some
// options, where its records are and which notice it is (its keys), so an
// unchanged file is not extracted again.
type state struct {
	Version int                    `json:"version"`
	Entries map[string]*stateEntry `json:"entries"` // content sha256 + options hash
	Paths   map[string]string      `json:"paths"`   // input path → slug it last gave
	// Aggregate is what units/ and quarterly/ were last built from.
	Aggregate *aggregateState `json:"aggregate,omitempty"`

	mu sync.Mutex
	db *store.Store // where it is kept (nil: StateFile)
}

type stateEntry struct {
	Slug      string   `json:"slug"`
	Keys      []string `json:"keys"`
	Duplicate bool     `json:"duplicate,omitempty"`
}

func newState() *state {
	return &state{Version: stateVersion, Entries: map[string]*stateEntry{}, Paths: map[string]string{}}
}

// loadState reads the state of an output folder from its store (or, the
// first time, from the StateFile an earlier version left); a missing,
// unreadable or outdated state is an empty one (with a warning when it was
// corrupt).
func loadState(out string, db *store.Store) (*state, string) {
	st, warn := readState(out, db)
	st.db = db
	return st, warn
}

func readState(out string, db *store.Store) (*state, string) {
	st := newState()
	var ok bool
	var err error
	src := ""
	if db != nil {
		src = db.Path() + ": " + stateKeyName
		ok, err = db.Get(stateKeyName, st)
	}
	if !ok && err == nil {
		src = filepath.Join(out, StateFile)
		var b []byte
		if b, err = os.ReadFile(src); err != nil {
			return newState(), ""
		}
		err = json.Unmarshal(b, st)
	}
	if err != nil {
		return newState(), fmt.Sprintf("%s: unreadable, every notice is extracted again: %v", src, err)
	}
	if st.Version != stateVersion || st.Entries == nil {
		return newState(), ""
	}
	if st.Paths == nil {
		st.Paths = map[string]string{}
	}
	return st, st.confine(src)
}

// confine drops what a tampered or damaged state names outside the
// output folder: notice folders that are not a single plain name, and
// aggregate files that are not plain paths below it. It returns a warning
// when it dropped anything.
func (s *state) confine(p string) string {
	var bad []string
	for k, e := range s.Entries {
		if e == nil {
			delete(s.Entries, k)
			continue
		}
		if err := outdir.CheckName(e.Slug); err != nil {
			bad = append(bad, e.Slug)
			delete(s.Entries, k)
		}
	}
	for in, slug := range s.Paths {
		if err := outdir.CheckName(slug); err != nil {
			bad = append(bad, slug)
			delete(s.Paths, in)
		}
	}
	if a := s.Aggregate; a != nil {
		for _, f := range a.Files {
			if !filepath.IsLocal(f) {
				bad = append(bad, f)
				s.Aggregate = nil
			}
		}
	}
	if len(bad) == 0 {
		return ""
	}
	sort.Strings(bad)
	return fmt.Sprintf("%s: ignored %d entries naming a path outside the output folder (%q); nothing is read or removed there", p, len(bad), bad[0])
}

func (s *state) get(key string) *stateEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Entries[key]
}

func (s *state) save(out string) error {
	s.mu.Lock()
	b, err := json.Marshal(s)
	s.mu.Unlock()
	if err != nil {
		return err
	}
	if s.db == nil {
		return writeFileAtomic(filepath.Join(out, StateFile), b)
	}
	if err := s.db.Put(stateKeyName, json.RawMessage(b)); err != nil {
		return err
	}
	// Moved into the store: the old file would only mislead.
	if err := os.Remove(filepath.Join(out, StateFile)); err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}

// stateKey identifies a file content read with some options.
func stateKey(sum, opts string) string { return sum + "/" + opts }

// optionsHash covers everything that changes a notice's records or its
// ledger files.
func optionsHash(o Options) string {
	f := append([]string(nil), o.formats()...)
	sort.Strings(f)
	b, _ := json.Marshal(struct {
		V         int
		Year      int
		Formats   []string
		Templates string
		Units     string
		Segment   SegmentMode
		Segmenter bool
	}{stateVersion, o.Year, f, absClean(o.Templates), directoryHash(o.Directory), o.Segment.norm(), segmenterBuilt})
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:8])
}
