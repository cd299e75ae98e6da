// Package segment splits Chinese text into words for the extractor, with
// gojieba (cppjieba through cgo): word segmentation, part-of-speech tags and
// TF-IDF keywords, with unit names added as organisation words (tag "nt").
//
// The dictionaries are embedded in the binary and written once to the user
// cache folder, so a copied binary works anywhere. Loading takes about 0.7 s
// and 140 MB, so Load does it lazily, once per process.
//
// Built without cgo or with the nojieba tag, the package is a stub whose
// Load returns ErrUnavailable, and callers do without segmentation.
package segment

import "errors"

// ErrUnavailable is returned by Load in a build without gojieba (no cgo or
// the nojieba tag).
var ErrUnavailable = errors.New("segmenter not available: duban was built without gojieba (nojieba tag or CGO_ENABLED=0)")

// Token is one word with its part-of-speech tag (jieba's tag set: n noun,
// v verb, ns place, nt organisation, x punctuation…).
type Token struct {
	Word string
	POS  string
}
