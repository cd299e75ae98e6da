package extract

import (
	"testing"

	"github.com/duban/duban/internal/notation"
)

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024年5月11日", "2024-05-11"},
		{"2024 年 5 月 11 日", "2024-05-11"},
		{" 2024年05月11日\n", "2024-05-11"},
		{"二〇二五年二月十八日", "2025-02-18"},
		{"二零二五年十二月三十一日", "2025-12-31"},
		{"二○二四年十月一日", "2024-10-01"},
		{"二〇二四年二月二十九日", "2024-02-29"},
		{"二〇二四年五月二十日", "2024-05-20"},
		{"２０２４年５月１１日", "2024-05-11"},
		{"2024-05-11", "2024-05-11"},
		{"2024.5.11", "2024-05-11"},
		{"2024/5/1", "2024-05-01"},
		// invalid or not a date
		{"2025年2月30日", ""},
		{"二〇二五年二月三十日", ""},
		{"2024年13月1日", ""},
		{"2024年5月", ""},
		{"24年5月11日", ""},
		{"2024年5月11日召开", ""},
		{"二〇二五年二三月一日", ""},
		{"", ""},
	}
	for _, tt := range tests {
		d, ok := parseDate(tt.in)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != tt.want {
			t.Errorf("parseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"5", 5, true}, {"１２", 12, true}, {"二〇二五", 2025, true}, {"〇", 0, true},
		{"十", 10, true}, {"十二", 12, true}, {"二十", 20, true}, {"三十一", 31, true},
		{"两", 2, true}, {"一百零五", 105, true}, {"两千", 2000, true}, {"一十", 10, true},
		{"", 0, false}, {"二三十", 0, false}, {"十十", 0, false}, {"百", 0, false}, {"五a", 0, false},
		{"12345", 0, false},
	}
	for _, tt := range tests {
		got, ok := notation.ParseNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("notation.ParseNumber(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
