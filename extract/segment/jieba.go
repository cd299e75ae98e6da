//go:build cgo && !nojieba

package segment

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yanyiwu/gojieba"
)

// Available reports whether this build has the segmenter.
const Available = true

// unitFreq is the frequency unit names are added with: high enough that a
// listed name comes out as one token even where its parts are common words.
const unitFreq = 100000

// Segmenter is a loaded gojieba instance. It is safe for concurrent use;
// the methods of a nil Segmenter return nothing.
type Segmenter struct {
	mu    sync.RWMutex
	jb    *gojieba.Jieba
	units map[string]bool
}

var (
	loadOnce   sync.Once
	loaded     *Segmenter
	errLoading error
)

// Load returns the process's segmenter, loading it on the first call
// (about 0.7 s): the embedded dictionaries are written to the user cache
// folder if they are not there yet, and gojieba loads them from there.
// Later calls return the same segmenter, or the same error.
func Load() (*Segmenter, error) {
	loadOnce.Do(func() { loaded, errLoading = load() })
	return loaded, errLoading
}

func load() (s *Segmenter, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("segment: loading gojieba: %v", r)
		}
	}()
	paths, err := writeDicts(dictFS, cacheRoots())
	if err != nil {
		return nil, err
	}
	return &Segmenter{jb: gojieba.NewJieba(paths...), units: map[string]bool{}}, nil
}

// AddUnits adds unit names as organisation words (tag "nt"), so that each
// comes out of Cut and Tag as one token and is never a keyword. Names
// already added, empty ones and single characters are skipped.
func (s *Segmenter) AddUnits(names []string) {
	if s == nil {
		return
	}
	var todo []string
	s.mu.RLock()
	for _, n := range names {
		n = strings.TrimSpace(n)
		if utf8.RuneCountInString(n) >= 2 && !s.units[n] && !strings.ContainsAny(n, " \t\r\n") {
			todo = append(todo, n)
		}
	}
	s.mu.RUnlock()
	if len(todo) == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range todo {
		if !s.units[n] {
			s.units[n] = true
			s.jb.AddWordEx(n, unitFreq, "nt")
		}
	}
}

// IsUnit reports whether word was added with AddUnits.
func (s *Segmenter) IsUnit(word string) bool {
	if s == nil {
		return false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.units[word]
}

// Cut splits text into words (with the HMM for words not in the
// dictionary).
func (s *Segmenter) Cut(text string) []string {
	if s == nil || text == "" {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.jb.Cut(text, true)
}

// Tag splits text into words with their part-of-speech tags.
func (s *Segmenter) Tag(text string) []Token {
	if s == nil || text == "" {
		return nil
	}
	s.mu.RLock()
	raw := s.jb.Tag(text)
	s.mu.RUnlock()
	out := make([]Token, 0, len(raw))
	for _, w := range raw {
		i := strings.LastIndexByte(w, '/')
		if i < 0 {
			out = append(out, Token{Word: w})
			continue
		}
		out = append(out, Token{Word: w[:i], POS: w[i+1:]})
	}
	return out
}

// Keywords returns up to n words of text ranked by TF-IDF, keeping only
// content words (nouns, verbal nouns, idioms, abbreviations, foreign words)
// and leaving out unit names added with AddUnits, single characters and
// words without a letter (numbers, punctuation).
func (s *Segmenter) Keywords(text string, n int) []string {
	if s == nil || text == "" || n <= 0 {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	content := map[string]bool{}
	for _, w := range s.jb.Tag(text) {
		i := strings.LastIndexByte(w, '/')
		if i > 0 && contentPOS(w[i+1:]) {
			content[w[:i]] = true
		}
	}
	// Ask for more than n: some candidates are filtered out below.
	var out []string
	for _, w := range s.jb.Extract(text, 4*n+10) {
		if len(out) == n {
			break
		}
		if !content[w] || s.units[w] || utf8.RuneCountInString(w) < 2 || !hasLetter(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// contentPOS reports whether a jieba tag marks a content word worth
// listing as a keyword.
func contentPOS(pos string) bool {
	switch pos {
	case "vn", "l", "i", "j", "eng", "nz", "an":
		return true
	}
	switch pos {
	case "nt", "ns", "nr": // organisations and places are units' business
		return false
	}
	return strings.HasPrefix(pos, "n")
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
