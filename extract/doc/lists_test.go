package doc

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func level(text, format string) *listLevel {
	return &listLevel{start: 1, format: format, text: utf16.Encode([]rune(text)), restartLim: -1}
}

// Numbers count as Word counts them: a level restarts after a higher one,
// two instances of one list share its counters unless one restarts them,
// each placeholder is written in its level's format.
func TestListLabels(t *testing.T) {
	def := &listDef{}
	def.levels[0] = level("\x00、", "chineseCountingThousand")
	def.levels[1] = level("（\x01）", "chineseCountingThousand")
	def.levels[2] = level("\x01.\x02", "decimal")
	n := &numbering{defs: map[uint32]*listDef{7: def}, vals: map[uint32]*[maxLevels]int{}, set: map[uint32]*[maxLevels]bool{},
		insts: []*listInst{{lsid: 7, starts: map[int]int{}}, {lsid: 7, starts: map[int]int{}}, {lsid: 7, starts: map[int]int{0: 1}}}}
	var got []string
	for _, c := range [][2]int{{1, 0}, {1, 1}, {1, 1}, {1, 2}, {1, 0}, {1, 1}, {2, 0}, {3, 0}, {3, 0}, {9, 0}, {1, 9}} {
		got = append(got, n.label(c[0], c[1]))
	}
	want := "一、|（一）|（二）|二.1|二、|（一）|三、|一、|二、||"
	if s := strings.Join(got, "|"); s != want {
		t.Errorf("labels %s, want %s", s, want)
	}
	var none *numbering
	if none.label(1, 0) != "" {
		t.Error("a document without lists numbers a paragraph")
	}
}
