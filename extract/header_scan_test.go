package extract

import "testing"

// TestMentionsDistribution: a distribution line starts with 此件 or 抄送,
// perhaps bracketed or spaced out; a body sentence that mentions them
// further in is not one.
func TestMentionsDistribution(t *testing.T) {
	for s, want := range map[string]bool{
		"此件公开发布":      true,
		"（此件公开发布）":    true,
		"(此件依申请公开)":   true,
		"  （ 此 件不公开）": true,
		"抄送：市委办公室":    true,
		"抄\u3000送：市委办公室，市人大常委会办公室": true,
		"":           false,
		"此":          false,
		"抄":          false,
		"此外抄写":       false,
		"性能此件":       false,
		"各地抄送市发改委备案": false,
		"请将此件转发至各乡镇": false,
		"\xe6":       false,
		"\xe6\xad":   false,
	} {
		if got := mentionsDistribution(s); got != want {
			t.Errorf("mentionsDistribution(%q) = %v, want %v", s, got, want)
		}
	}
}
