package notation

import (
	"testing"
)

func TestUnspaceLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"牵 头 单 位 ： 区 城 管 局", "牵头单位：区城管局"},
		{"1 . 推 进 老 旧 小 区 改 造 ， 完 成 2 0 个", "1.推进老旧小区改造，完成20个"},
		{"完 成 时 限 ： 2 0 2 5 年 9 月 底 前", "完成时限：2025年9月底前"},
		// words apart, not every character: left as they are
		{"瑞安区人民政府办公室          2025年3月14日", "瑞安区人民政府办公室          2025年3月14日"},
		{"市发改委　市财政局　市商务局", "市发改委　市财政局　市商务局"},
		{"第 3 页", "第 3 页"},
		{"没有空格的行", "没有空格的行"},
	}
	for _, tt := range tests {
		if got := UnspaceLine(tt.in); got != tt.want {
			t.Errorf("UnspaceLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
