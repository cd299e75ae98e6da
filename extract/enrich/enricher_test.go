package enrich

import (
	"testing"

	"github.com/duban/duban"
)

// auto asks for the segmenter only for notices with a task naming no unit.
func TestEnrichAutoLoadsOnlyWhenNeeded(t *testing.T) {
	e := &Enricher{Mode: Auto}
	with := &duban.Notice{Tasks: []duban.Task{{Units: []duban.Unit{{Name: "市发改委"}}}}}
	without := &duban.Notice{Tasks: []duban.Task{{Units: []duban.Unit{{Name: "市发改委"}}}, {}}}
	if e.wantsSegmenter(with) {
		t.Error("auto: segmenter wanted for a notice whose tasks all have units")
	}
	if !e.wantsSegmenter(without) {
		t.Error("auto: segmenter not wanted for a task without units")
	}
	if (&Enricher{Mode: Off}).wantsSegmenter(without) || (&Enricher{}).wantsSegmenter(without) || !(&Enricher{Mode: On}).wantsSegmenter(with) {
		t.Error("on/off not obeyed")
	}
}
