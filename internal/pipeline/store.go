package pipeline

import (
	"fmt"
	"sync"

	"github.com/duban/duban"
	"github.com/duban/duban/store"
)

// WarnConflict is the warning code of a corrected field whose extracted
// value changed after the correction.
const WarnConflict = "conflict"

// storeWarnings collects what workers learn from the store.
type storeWarnings struct {
	mu    sync.Mutex
	warns []NoticeWarning
}

func (s *storeWarnings) add(w ...NoticeWarning) {
	s.mu.Lock()
	s.warns = append(s.warns, w...)
	s.mu.Unlock()
}

// reparse is the store's way to redate a corrected 完成时限.
func (r *runner) reparse() store.Reparse {
	if r.be.ParseDeadline == nil {
		return nil
	}
	return r.be.ParseDeadline
}

// fromStore records a freshly extracted notice in the store (or, for one
// reloaded from an output folder the store does not hold yet, adopts it)
// and returns the notice as the store has it: every correction applied,
// the units' latest progress attached. Conflicts become warnings.
func (r *runner) fromStore(n *duban.Notice, slug string, keys []string, fresh bool) (*duban.Notice, error) {
	if !fresh {
		if have, err := r.db.Extracted(slug); err != nil || have != nil {
			fresh = false
		} else {
			fresh = true
		}
	}
	if fresh {
		if err := r.db.PutExtracted(slug, keys, n); err != nil {
			return nil, err
		}
	}
	got, conf, err := r.db.Notice(slug, r.reparse())
	if err != nil {
		return nil, err
	}
	if got == nil {
		return n, nil
	}
	r.sw.add(conflictWarnings(conf)...)
	return got, nil
}

func conflictWarnings(conf []store.Conflict) []NoticeWarning {
	var out []NoticeWarning
	for _, c := range conf {
		out = append(out, NoticeWarning{Notice: c.Slug, Task: c.Task, Code: WarnConflict,
			Message: fmt.Sprintf("%s: corrected to %q by %s; extraction now gives %q (was %q); the correction is kept",
				c.Field, c.Corrected, c.By, c.Now, c.Was)})
	}
	return out
}

// correct turns records a person edited (a ledger workbook or JSON) into
// corrections in the store against the notice the store holds under slug,
// and returns the notice as the store now has it. Records of a notice the
// store does not hold become its extraction.
func (r *runner) correct(edited *duban.Notice, slug, origin string) (*duban.Notice, int, error) {
	ext, err := r.db.Extracted(slug)
	if err != nil {
		return nil, 0, err
	}
	if ext == nil {
		if err := r.db.PutExtracted(slug, noticeKeys(edited), edited); err != nil {
			return nil, 0, err
		}
		got, _, err := r.db.Notice(slug, r.reparse())
		return got, 0, err
	}
	cur, _, err := r.db.Notice(slug, r.reparse())
	if err != nil {
		return nil, 0, err
	}
	added := 0
	for _, c := range store.Diff(slug, ext, cur, edited, origin, r.opt.By) {
		ok, err := r.db.AddCorrection(c)
		if err != nil {
			return nil, added, err
		}
		if ok {
			added++
		}
	}
	got, conf, err := r.db.Notice(slug, r.reparse())
	if err != nil {
		return nil, added, err
	}
	r.sw.add(conflictWarnings(conf)...)
	return got, added, nil
}
