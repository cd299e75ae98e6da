package extract

import (
	"strings"
	"testing"
)

// TestMentionsDistribution checks the one-pass scan against strings.Contains.
func TestMentionsDistribution(t *testing.T) {
	for _, s := range []string{
		"", "此件公开发布", "抄送：市委办公室", "此", "抄", "此外抄写", "性能此件", "abc抄送",
		"惠此件", "此 件", "抄\u3000送", "\xe6", "\xe6\xad", "一二三此",
	} {
		want := strings.Contains(s, "此件") || strings.Contains(s, "抄送")
		if got := mentionsDistribution(s); got != want {
			t.Errorf("mentionsDistribution(%q) = %v, want %v", s, got, want)
		}
	}
}
