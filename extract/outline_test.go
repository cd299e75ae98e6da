package extract

import (
	"testing"

	"github.com/duban/duban/internal/notation"
)

func TestParseMarker(t *testing.T) {
	for _, c := range []struct {
		in    string
		kind  notation.MarkerKind
		canon string
		rest  string
	}{
		{"一、总体要求", notation.MarkCN, "一", "总体要求"},
		{"一．总体要求", notation.MarkCN, "一", "总体要求"},
		{"二.提升城市品质", notation.MarkCN, "二", "提升城市品质"},
		{"十二、其他", notation.MarkCN, "十二", "其他"},
		{"（一）深化合作。", notation.MarkParenCN, "（一）", "深化合作。"},
		{"(二) 深化科技", notation.MarkParenCN, "（二）", " 深化科技"},
		{"（ 三 ）加强", notation.MarkParenCN, "（三）", "加强"},
		{"1. 两市政府", notation.MarkArabic, "1", " 两市政府"},
		{"12．完成", notation.MarkArabic, "12", "完成"},
		{"3、推进", notation.MarkArabic, "3", "推进"},
		{"１．全角", notation.MarkArabic, "1", "全角"},
		{"（1）新建", notation.MarkParenArabic, "（1）", "新建"},
		{"(10)新建", notation.MarkParenArabic, "（10）", "新建"},
		{"1）开展", notation.MarkArabicParen, "1", "开展"},
		{"②消防", notation.MarkCircled, "②", "消防"},
		{"　　2.缩进", notation.MarkArabic, "2", "缩进"},
		// not markers
		{"1.5亿元投资", notation.MarkNone, "", ""},
		{"2024年5月11日", notation.MarkNone, "", ""},
		{"2024 年 5 月 11 日", notation.MarkNone, "", ""},
		{"二〇二五年二月十八日", notation.MarkNone, "", ""},
		{"一是加强领导", notation.MarkNone, "", ""},
		{"（无锡）", notation.MarkNone, "", ""},
		{"（一二三四五六七八九十一二三）", notation.MarkNone, "", ""},
		{"1234.", notation.MarkNone, "", ""},
		{"", notation.MarkNone, "", ""},
	} {
		kind, canon, rest := notation.ParseMarker(c.in)
		if kind != c.kind || canon != c.canon || (c.kind != notation.MarkNone && rest != c.rest) {
			t.Errorf("notation.ParseMarker(%q) = %v %q %q, want %v %q %q", c.in, kind, canon, rest, c.kind, c.canon, c.rest)
		}
	}
}

func TestRejoin(t *testing.T) {
	in := []string{
		"一、统筹开展两市帮扶合作",            // heading: not continued
		"1. 惠榆新兴产业合作园年内开工建设，完成污水", // cut mid-word
		"处理厂建设。（责任单位：赣榆区，完成时间：12",
		"月底前)", // cut inside the clause
		"2.",   // number alone
		"落实政策。",
		"（责任单位：市财政局）", // clause on its own line
		"一、加强组织、协调",   // heading with 、
		"各部门要加强领导",
		"牵头单位：区教育局", // labelled line
	}
	var ps []bodyPara
	for i, s := range in {
		ps = append(ps, bodyPara{text: s, line: i + 1})
	}
	want := []string{
		"一、统筹开展两市帮扶合作",
		"1. 惠榆新兴产业合作园年内开工建设，完成污水处理厂建设。（责任单位：赣榆区，完成时间：12月底前)",
		"2.落实政策。（责任单位：市财政局）",
		"一、加强组织、协调",
		"各部门要加强领导",
		"牵头单位：区教育局",
	}
	got := rejoin(ps)
	if len(got) != len(want) {
		t.Fatalf("got %d paragraphs: %+v", len(got), got)
	}
	for i := range want {
		if got[i].text != want[i] {
			t.Errorf("paragraph %d = %q, want %q", i, got[i].text, want[i])
		}
	}
	if got[1].line != 2 || got[2].line != 5 {
		t.Errorf("lines %d, %d: want the first piece's", got[1].line, got[2].line)
	}
}

func TestIsPageNumberLine(t *testing.T) {
	for s, want := range map[string]bool{
		"— 3 —": true, "-3-": true, "- 12 -": true, "第3页": true, "第 3 页 共 13 页": true, "3/13": true, "3": true,
		"3.": false, "2024年": false, "第三页": false, "— 完 —": false, "12月底前）": false,
	} {
		if got := isPageNumberLine(s); got != want {
			t.Errorf("isPageNumberLine(%q) = %v", s, got)
		}
	}
}
