package notation

import (
	"testing"
)

func TestCoinedLabels(t *testing.T) {
	tests := []struct {
		label string
		want  string // the listed label it stands for; "" for none
	}{
		{"牵头责任单位", "牵头单位"},
		{"责任单位（牵头）", "牵头单位"},
		{"牵头部门（单位）", "牵头单位"},
		{"配合责任单位", "配合单位"},
		{"参加单位", "配合单位"},
		{"主要责任单位", "责任单位"},
		{"责任部门（单位）", "责任单位"},
		{"责任股室", "责任单位"},
		{"完成节点", "完成时限"},
		{"实施时间", "完成时限"},
		{"县级责任领导", "责任领导"},
		{"督办领导", "责任领导"},
		// not field labels
		{"主要目标", ""},
		{"责任分工", ""},
		{"工作要求", ""},
		{"实施步骤", ""},
		{"这是一个很长的不像标签的句子时间", ""},
	}
	for _, tt := range tests {
		idx, n, ok := LabelAtPos(tt.label+"：X", 0)
		got := ""
		if ok {
			got = FieldLabels[idx].Label
			if n != len(tt.label+"：") {
				t.Errorf("%s: label length %d, want %d", tt.label, n, len(tt.label+"："))
			}
		}
		if got != tt.want {
			t.Errorf("LabelAtPos(%q) = %q, want %q", tt.label+"：X", got, tt.want)
		}
	}
	// Inside running text a coined label is not read: the listed one after
	// it is.
	s := "配合单位：县妇联完成时限：10月底前"
	locs := AppendLabels(nil, s)
	if len(locs) != 2 || FieldLabels[locs[1].Label].Label != "完成时限" || s[locs[1].Start:locs[1].ValueStart] != "完成时限：" {
		t.Errorf("AppendLabels(%q) = %+v", s, locs)
	}
}

func TestBracketLabels(t *testing.T) {
	tests := []struct {
		in, want string // want: the listed label, "" for none
		n        int
	}{
		{"【责任单位】市发改委", "责任单位", len("【责任单位】")},
		{"【牵头单位】 省财政厅", "牵头单位", len("【牵头单位】")},
		{"【完成时限】6月底前", "完成时限", len("【完成时限】")},
		{"【 牵头责任单位 】省财政厅", "牵头单位", len("【 牵头责任单位 】")},
		{"【典型经验】推广", "", 0},
		{"【责任单位", "", 0},
		{"【】", "", 0},
		{"〔2025〕", "", 0},
	}
	for _, tt := range tests {
		idx, n, ok := LabelAtPos(tt.in, 0)
		got := ""
		if ok {
			got = FieldLabels[idx].Label
		}
		if got != tt.want || (ok && n != tt.n) {
			t.Errorf("LabelAtPos(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.n)
		}
	}
}
