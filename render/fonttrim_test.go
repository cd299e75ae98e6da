package render

import (
	"bytes"
	"testing"
)

// runesOf returns the runes of s with printable ASCII, as a run's cut needs.
func runesOf(s string) (map[rune]bool, []rune) {
	need := map[rune]bool{}
	for r := rune(0x20); r < 0x7f; r++ {
		need[r] = true
	}
	for _, r := range s {
		need[r] = true
	}
	var list []rune
	for r := range need {
		list = append(list, r)
	}
	return need, list
}

// The cut made from the trimmed font must be the very cut fpdf makes from
// the full font: same glyphs, same metrics, same character map.
func TestTrimFontCmapCutsTheSameFont(t *testing.T) {
	res, err := Options{}.load()
	if err != nil {
		t.Fatal(err)
	}
	text := "第页共生成日期：（牵头经）、等任务清单分解表成员单位①②③⑳关于进一步推进重点工作的通知，各区县人民政府、市政府各部门：“”《》…—·ÀéΩ€"
	for r := rune(0x4e00); r < 0x9fa5; r += 37 {
		text += string(r)
	}
	need, list := runesOf(text)
	trimmed := trimFontCmap(res.Font, list)
	if trimmed == nil {
		t.Fatal("the embedded font was not trimmed")
	}
	full, err := cutFontProgram(res.Font, need) // trims internally
	if err != nil {
		t.Fatal(err)
	}
	fromTrim, err := cutFontProgram(trimmed, need)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(full, fromTrim) {
		t.Fatalf("cut from trimmed font differs (%d vs %d bytes)", len(full), len(fromTrim))
	}
	// And the same as fpdf cutting the untouched font.
	whole := append([]byte(nil), res.Font...)
	if got, err := cutWhole(whole, need); err != nil {
		t.Fatal(err)
	} else if !bytes.Equal(got, full) {
		t.Fatalf("cut from the full font differs (%d vs %d bytes)", len(got), len(full))
	}
}

// cutWhole cuts with the trimming turned off, as before it existed.
func cutWhole(full []byte, need map[rune]bool) ([]byte, error) {
	saved := trimDisabled
	trimDisabled = true
	defer func() { trimDisabled = saved }()
	return cutFontProgram(full, need)
}

func TestTrimFontCmapBadInput(t *testing.T) {
	res, err := Options{}.load()
	if err != nil {
		t.Fatal(err)
	}
	_, list := runesOf("任务")
	for _, n := range []int{0, 5, 12, 40, 300, 5000} {
		if got := trimFontCmap(res.Font[:n], list); got != nil && n < 300 {
			t.Errorf("%d bytes: trimmed a truncated font", n)
		}
	}
	bad := append([]byte(nil), res.Font...)
	for i := 12; i < 12+16*20 && i < len(bad); i += 7 {
		bad[i] ^= 0xA5
	}
	trimFontCmap(bad, list) // must not panic
}
