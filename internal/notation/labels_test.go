package notation

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// labelAtByList is LabelAt as a plain loop over every label.
func labelAtByList(s string) (idx, n int, ok bool) {
	for i, l := range FieldLabels {
		rest, found := strings.CutPrefix(s, l.Label)
		if !found {
			continue
		}
		t := strings.TrimLeftFunc(rest, IsSpace)
		if c, size := utf8.DecodeRuneInString(t); c == '：' || c == ':' {
			return i, len(s) - len(t) + size, true
		}
	}
	return 0, 0, false
}

// TestLabelAtEveryLabel finds every label with each colon, with spaces
// before it, cut short, and followed by a longer label's tail.
func TestLabelAtEveryLabel(t *testing.T) {
	for i, l := range FieldLabels {
		for _, s := range []string{
			l.Label + "：市发改委", l.Label + ":6月底前", l.Label + " \u3000：X", l.Label, l.Label + "节点：X",
			"（" + l.Label + "：X）", l.Label[:len(l.Label)-1],
		} {
			gi, gn, gok := LabelAt(s)
			wi, wn, wok := labelAtByList(s)
			if gi != wi || gn != wn || gok != wok {
				t.Fatalf("LabelAt(%q) = %d, %d, %v; want %d, %d, %v", s, gi, gn, gok, wi, wn, wok)
			}
			if strings.HasPrefix(s, l.Label+"：") && (!gok || FieldLabels[gi].Label != l.Label && !strings.HasPrefix(FieldLabels[gi].Label, l.Label)) {
				t.Fatalf("LabelAt(%q) found %d, not label %d %q", s, gi, i, l.Label)
			}
		}
	}
}

func FuzzLabelAt(f *testing.F) {
	for _, s := range []string{"责任单位：市发改委", "完成时间节点：6月", "牵头领导:张三", "时限", "配合 ：X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gi, gn, gok := LabelAt(s)
		wi, wn, wok := labelAtByList(s)
		if gi != wi || gn != wn || gok != wok {
			t.Fatalf("LabelAt(%q) = %d, %d, %v; want %d, %d, %v", s, gi, gn, gok, wi, wn, wok)
		}
	})
}

// appendLabelsByRune is AppendLabels trying LabelAtPos at every
// character.
func appendLabelsByRune(s string) []LabelLoc {
	var locs []LabelLoc
	for i := 0; i < len(s); {
		if idx, n, ok := LabelAtPos(s, i); ok {
			locs = append(locs, LabelLoc{i, i + n, idx})
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
		got, want := AppendLabels(nil, s), appendLabelsByRune(s)
		if len(got) != len(want) {
			t.Fatalf("AppendLabels(%q) = %v, want %v", s, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("AppendLabels(%q) = %v, want %v", s, got, want)
			}
		}
	})
}

// TestLabelAtPosEnds: an empty text or a position at its end holds no
// label (the fuzz input that found this is in testdata/fuzz/FuzzStructure).
func TestLabelAtPosEnds(t *testing.T) {
	for _, s := range []string{"", "责任单位：X", "【"} {
		if _, _, ok := LabelAtPos(s, len(s)); ok {
			t.Errorf("LabelAtPos(%q, %d) found a label", s, len(s))
		}
	}
	if StartsWithField("") {
		t.Error(`StartsWithField("") = true`)
	}
}
