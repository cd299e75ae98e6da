package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// labelAtByList is labelAt as a plain loop over every label.
func labelAtByList(s string) (idx, n int, ok bool) {
	for i, l := range fieldLabels {
		rest, found := strings.CutPrefix(s, l.label)
		if !found {
			continue
		}
		t := strings.TrimLeftFunc(rest, isSpace)
		if c, size := utf8.DecodeRuneInString(t); c == '：' || c == ':' {
			return i, len(s) - len(t) + size, true
		}
	}
	return 0, 0, false
}

// TestLabelAtEveryLabel finds every label with each colon, with spaces
// before it, cut short, and followed by a longer label's tail.
func TestLabelAtEveryLabel(t *testing.T) {
	for i, l := range fieldLabels {
		for _, s := range []string{
			l.label + "：市发改委", l.label + ":6月底前", l.label + " \u3000：X", l.label, l.label + "节点：X",
			"（" + l.label + "：X）", l.label[:len(l.label)-1],
		} {
			gi, gn, gok := labelAt(s)
			wi, wn, wok := labelAtByList(s)
			if gi != wi || gn != wn || gok != wok {
				t.Fatalf("labelAt(%q) = %d, %d, %v; want %d, %d, %v", s, gi, gn, gok, wi, wn, wok)
			}
			if strings.HasPrefix(s, l.label+"：") && (!gok || fieldLabels[gi].label != l.label && !strings.HasPrefix(fieldLabels[gi].label, l.label)) {
				t.Fatalf("labelAt(%q) found %d, not label %d %q", s, gi, i, l.label)
			}
		}
	}
}

func FuzzLabelAt(f *testing.F) {
	for _, s := range []string{"责任单位：市发改委", "完成时间节点：6月", "牵头领导:张三", "时限", "配合 ：X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gi, gn, gok := labelAt(s)
		wi, wn, wok := labelAtByList(s)
		if gi != wi || gn != wn || gok != wok {
			t.Fatalf("labelAt(%q) = %d, %d, %v; want %d, %d, %v", s, gi, gn, gok, wi, wn, wok)
		}
	})
}

// appendLabelsByRune is appendLabels trying labelAtPos at every
// character.
func appendLabelsByRune(s string) []labelLoc {
	var locs []labelLoc
	for i := 0; i < len(s); {
		if idx, n, ok := labelAtPos(s, i); ok {
			locs = append(locs, labelLoc{i, i + n, idx})
			i += n
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return locs
}

func FuzzAppendLabels(f *testing.F) {
	for _, s := range []string{"（责任单位：市发改委，完成时间：6月底前）", "牵头单位:X；配合单位：Y", "完成时间节点：\xe5", "a责任单位：b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := appendLabels(nil, s), appendLabelsByRune(s)
		if len(got) != len(want) {
			t.Fatalf("appendLabels(%q) = %v, want %v", s, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("appendLabels(%q) = %v, want %v", s, got, want)
			}
		}
	})
}

// TestLabelAtPosEnds: an empty text or a position at its end holds no
// label (the fuzz input that found this is in testdata/fuzz/FuzzStructure).
func TestLabelAtPosEnds(t *testing.T) {
	for _, s := range []string{"", "责任单位：X", "【"} {
		if _, _, ok := labelAtPos(s, len(s)); ok {
			t.Errorf("labelAtPos(%q, %d) found a label", s, len(s))
		}
	}
	if startsWithField("") {
		t.Error(`startsWithField("") = true`)
	}
}
