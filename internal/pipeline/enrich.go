package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/enrich"
)

// SegmentMode says when the word segmenter (gojieba) is used: the modes
// of package enrich, with "" meaning SegmentAuto.
type SegmentMode string

// The segment modes. The zero mode is SegmentAuto.
const (
	SegmentAuto = SegmentMode(enrich.Auto)
	SegmentOn   = SegmentMode(enrich.On)
	SegmentOff  = SegmentMode(enrich.Off)
)

// ParseSegmentMode reads "auto", "on" or "off".
func ParseSegmentMode(s string) (SegmentMode, error) {
	m, err := enrich.ParseMode(s)
	return SegmentMode(m), err
}

func (m SegmentMode) norm() SegmentMode {
	if m == "" {
		return SegmentAuto
	}
	return m
}

// enricher is the run's enrich.Enricher: shared by the workers, so that
// the segmenter is loaded once and its failure reported once.
type enricher struct{ *enrich.Enricher }

func newEnricher(be *Backend, opt Options) *enricher {
	return &enricher{&enrich.Enricher{Directory: opt.Directory, Mode: enrich.Mode(opt.Segment.norm()), Load: be.Segmenter}}
}

// recanonicalise sets the canonical names of records read back (corrected
// records, or notices of earlier runs) from the directory.
func (e *enricher) recanonicalise(n *duban.Notice) { e.Recanonicalise(n) }

// warnings is what the run says about the segmenter.
func (e *enricher) warnings() []NoticeWarning {
	if e == nil || e.Err() == nil {
		return nil
	}
	return []NoticeWarning{{Code: "segment", Message: fmt.Sprintf("units were not inferred from task texts and no keywords were made: %v", e.Err())}}
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
