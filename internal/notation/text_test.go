package notation

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"无锡连云港南北结对 帮扶合作 2024 年重点工作计划", "无锡连云港南北结对帮扶合作2024年重点工作计划"},
		{"  两市政府签订\t协议。 ", "两市政府签订协议。"},
		{"无 锡 连 云 港 2 0 2 4 年", "无锡连云港2024年"},
		{"（ 责任单位 ： 市发改委 ）", "（责任单位：市发改委）"},
		{"推进“ 放管服 ”改革", "推进“放管服”改革"},
		{"各县 (市、区) 住建局", "各县(市、区)住建局"},
		{"建设 5 G 基站", "建设5G基站"},
		{"建设 5G 基站", "建设5G基站"},
		{"Hello   world", "Hello world"},
		{"采用 Windows 10 系统", "采用Windows 10系统"},
		{"第\u3000一\u00a0条", "第一条"},
		{"完成时间：10\n月底前", "完成时间：10月底前"},
		{"第 12 项", "第12项"},
		{"1 2 3", "123"},
		{"推动 “ 2 + 1 ” 产业园区", "推动“2+1”产业园区"},
		{"增长 3 . 5 %", "增长3.5%"},
		{"the “ best ” way", "the “best” way"},
		{"12 34", "12 34"},
		{"", ""},
		{" \u3000 ", ""},
	}
	for _, tt := range tests {
		if got := CleanText(tt.in); got != tt.want {
			t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"5 月底前", "5月底前"},
		{"10 \n 月底前", "10月底前"},
		{"市\u3000发改委\u00a0", "市发改委"},
		{"\ufeff市发改委\u200b", "市发改委"},
		{"abc", "abc"},
	}
	for _, tt := range tests {
		if got := StripSpace(tt.in); got != tt.want {
			t.Errorf("StripSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"无锡 连云港 2024 年", "a  b", " 1 2 3 ", "“ 放 ” ", "\u3000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := CleanText(s)
		if strings.Contains(got, "  ") || got != strings.TrimFunc(got, IsSpace) {
			t.Fatalf("CleanText(%q) = %q: untrimmed or double space", s, got)
		}
		if utf8.ValidString(s) && StripSpace(got) != StripSpace(s) {
			t.Fatalf("CleanText(%q) = %q changed non-space text", s, got)
		}
		rs := []rune(got)
		for i := 1; i+1 < len(rs); i++ {
			if IsSpace(rs[i]) && IsCJK(rs[i-1]) && IsCJK(rs[i+1]) {
				t.Fatalf("CleanText(%q) = %q: space between CJK", s, got)
			}
		}
		if CleanText(got) != got {
			t.Fatalf("CleanText not idempotent on %q: %q", s, got)
		}
		if want := cleanTextByRunes(s); got != want {
			t.Fatalf("CleanText(%q) = %q, the rune version gives %q", s, got, want)
		}
	})
}

func BenchmarkCleanText(b *testing.B) {
	s := "无锡连云港南北结对 帮扶合作 2024 年重点工作计划，推 进 5 G 基站建设与“ 放管服 ”改革 Hello world"
	b.ReportAllocs()
	for b.Loop() {
		CleanText(s)
	}
}
