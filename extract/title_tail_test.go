package extract

import "testing"

func TestIsTitleTail(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"的通知", true},
		{"的 实施意见", true},
		{"的通知。", false},
		{"的", false},
		{"重点任务清单的通知", false}, // a wrapped title's second half, not a tail
		{"的重点工作，现印发给你们的通知", false},
		{"的有关情况说明与工作安排计划的通知", false}, // too long for a tail
	} {
		if got := isTitleTail(tt.s); got != tt.want {
			t.Errorf("isTitleTail(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// A title wrapped after a word that ends titles too keeps its tail.
func TestHeaderTitleTail(t *testing.T) {
	ps := []bodyPara{
		{text: "长宁区人民政府办公室关于印发2025年工作要点"},
		{text: "的通知"},
		{text: "长政办发〔2025〕27号"},
		{text: "各街道办事处："},
	}
	h := parseHeader(ps, len(ps))
	if want := "长宁区人民政府办公室关于印发2025年工作要点的通知"; h.title != want {
		t.Errorf("title = %q, want %q", h.title, want)
	}
}
