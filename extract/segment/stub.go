//go:build !cgo || nojieba

package segment

// Available reports whether this build has the segmenter.
const Available = false

// Segmenter is absent from this build; every method of a nil Segmenter
// returns nothing.
type Segmenter struct{}

// Load always fails with ErrUnavailable in this build.
func Load() (*Segmenter, error) { return nil, ErrUnavailable }

// AddUnits does nothing in this build.
func (s *Segmenter) AddUnits(names []string) {}

// Cut returns nil in this build.
func (s *Segmenter) Cut(text string) []string { return nil }

// Tag returns nil in this build.
func (s *Segmenter) Tag(text string) []Token { return nil }

// Keywords returns nil in this build.
func (s *Segmenter) Keywords(text string, n int) []string { return nil }

// IsUnit reports false in this build.
func (s *Segmenter) IsUnit(word string) bool { return false }
