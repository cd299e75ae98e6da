package extract

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/notation"
)

var issue2024 = time.Date(2024, 5, 11, 0, 0, 0, 0, time.UTC)

func TestParseDeadline(t *testing.T) {
	const null = ""
	tests := []struct {
		raw, wantRaw string
		kind         duban.DeadlineKind
		date         string
	}{
		// date
		{"6月30日前", "6月30日前", duban.KindDate, "2024-06-30"},
		{"2025年10月31日前", "2025年10月31日前", duban.KindDate, "2025-10-31"},
		{"9月30日", "9月30日", duban.KindDate, "2024-09-30"},
		{"2025年12月31日前", "2025年12月31日前", duban.KindDate, "2025-12-31"},
		{"6 月 30 日前", "6月30日前", duban.KindDate, "2024-06-30"},
		{"６月３０日前", "６月３０日前", duban.KindDate, "2024-06-30"},
		{"六月三十日前", "六月三十日前", duban.KindDate, "2024-06-30"},
		{"2月30日前", "2月30日前", duban.KindUnknown, null},
		{"2024.12.31", "2024.12.31", duban.KindDate, "2024-12-31"},
		{"2025-6-30前", "2025-6-30前", duban.KindDate, "2025-06-30"},
		{"2025/9", "2025/9", duban.KindMonthEnd, "2025-09-30"},
		{"2024-2025年", "2024-2025年", duban.KindYearEnd, "2025-12-31"},
		{"2024年至2025年底", "2024年至2025年底", duban.KindYearEnd, "2025-12-31"},
		{"每半月", "每半月", duban.KindRecurring, null},
		{"2025年6月30日—12月31日", "2025年6月30日—12月31日", duban.KindDate, "2025-12-31"},
		// month_end
		{"5月底前", "5月底前", duban.KindMonthEnd, "2024-05-31"},
		{"5 月底前", "5月底前", duban.KindMonthEnd, "2024-05-31"},
		{"10 \n 月底前", "10月底前", duban.KindMonthEnd, "2024-10-31"},
		{"12月底", "12月底", duban.KindMonthEnd, "2024-12-31"},
		{"12月底前", "12月底前", duban.KindMonthEnd, "2024-12-31"},
		{"2月底前", "2月底前", duban.KindMonthEnd, "2024-02-29"},
		{"2025年9月底前", "2025年9月底前", duban.KindMonthEnd, "2025-09-30"},
		{"2026年6月底前", "2026年6月底前", duban.KindMonthEnd, "2026-06-30"},
		{"十月底前", "十月底前", duban.KindMonthEnd, "2024-10-31"},
		{"十二月底", "十二月底", duban.KindMonthEnd, "2024-12-31"},
		{"二〇二五年三月底前", "二〇二五年三月底前", duban.KindMonthEnd, "2025-03-31"},
		{"9月末", "9月末", duban.KindMonthEnd, "2024-09-30"},
		{"10月前", "10月前", duban.KindMonthEnd, "2024-10-31"},
		{"6-9月", "6-9月", duban.KindMonthEnd, "2024-09-30"},
		{"6月至9月底", "6月至9月底", duban.KindMonthEnd, "2024-09-30"},
		{"2025年12月", "2025年12月", duban.KindMonthEnd, "2025-12-31"},
		{"9月份", "9月份", duban.KindMonthEnd, "2024-09-30"},
		{"13月底前", "13月底前", duban.KindUnknown, null},
		// month_part
		{"7月上旬", "7月上旬", duban.KindMonthPart, "2024-07-10"},
		{"7月中旬", "7月中旬", duban.KindMonthPart, "2024-07-20"},
		{"7月下旬", "7月下旬", duban.KindMonthPart, "2024-07-31"},
		{"2月下旬前", "2月下旬前", duban.KindMonthPart, "2024-02-29"},
		{"2025年9月中旬前", "2025年9月中旬前", duban.KindMonthPart, "2025-09-20"},
		{"9月中下旬", "9月中下旬", duban.KindMonthPart, "2024-09-30"},
		{"9月上中旬前", "9月上中旬前", duban.KindMonthPart, "2024-09-20"},
		// quarter_end
		{"三季度末", "三季度末", duban.KindQuarterEnd, "2024-09-30"},
		{"二季度", "二季度", duban.KindQuarterEnd, "2024-06-30"},
		{"第三季度", "第三季度", duban.KindQuarterEnd, "2024-09-30"},
		{"一季度前", "一季度前", duban.KindQuarterEnd, "2024-03-31"},
		{"第四季度末", "第四季度末", duban.KindQuarterEnd, "2024-12-31"},
		{"2025年二季度", "2025年二季度", duban.KindQuarterEnd, "2025-06-30"},
		{"3季度", "3季度", duban.KindQuarterEnd, "2024-09-30"},
		// half_year_end
		{"上半年", "上半年", duban.KindHalfYearEnd, "2024-06-30"},
		{"年中", "年中", duban.KindHalfYearEnd, "2024-06-30"},
		{"下半年", "下半年", duban.KindHalfYearEnd, "2024-12-31"},
		{"2025年上半年", "2025年上半年", duban.KindHalfYearEnd, "2025-06-30"},
		// year_end
		{"年底前", "年底前", duban.KindYearEnd, "2024-12-31"},
		{"年底", "年底", duban.KindYearEnd, "2024-12-31"},
		{"年内", "年内", duban.KindYearEnd, "2024-12-31"},
		{"全年", "全年", duban.KindYearEnd, "2024-12-31"},
		{"年末", "年末", duban.KindYearEnd, "2024-12-31"},
		{"2025年底前", "2025年底前", duban.KindYearEnd, "2025-12-31"},
		{"2025年年底前", "2025年年底前", duban.KindYearEnd, "2025-12-31"},
		{"2025年", "2025年", duban.KindYearEnd, "2025-12-31"},
		{"2025 年", "2025年", duban.KindYearEnd, "2025-12-31"},
		{"2025年完成", "2025年完成", duban.KindYearEnd, "2025-12-31"},
		{"今年", "今年", duban.KindYearEnd, "2024-12-31"},
		{"明年底前", "明年底前", duban.KindYearEnd, "2025-12-31"},
		{"次年6月底前", "次年6月底前", duban.KindMonthEnd, "2025-06-30"},
		{"上半年启动，明年上半年完成", "上半年启动，明年上半年完成", duban.KindHalfYearEnd, "2025-06-30"},
		{"本年度", "本年度", duban.KindYearEnd, "2024-12-31"},
		{"二〇二五年底", "二〇二五年底", duban.KindYearEnd, "2025-12-31"},
		// relative, from the issue date
		{"印发之日起30日内", "印发之日起30日内", duban.KindRelative, "2024-06-10"},
		{"发文后一个月内", "发文后一个月内", duban.KindRelative, "2024-06-11"},
		{"30个工作日内", "30个工作日内", duban.KindRelative, "2024-06-21"},
		{"印发后3个月内", "印发后3个月内", duban.KindRelative, "2024-08-11"},
		{"通知下发后两周内", "通知下发后两周内", duban.KindRelative, "2024-05-25"},
		{"印发之日起十五天内", "印发之日起十五天内", duban.KindRelative, "2024-05-26"},
		{"印发之日起三十日内", "印发之日起三十日内", duban.KindRelative, "2024-06-10"},
		{"印发后半年内", "印发后半年内", duban.KindRelative, "2024-11-11"},
		// recurring
		{"每季度", "每季度", duban.KindRecurring, null},
		{"每月", "每月", duban.KindRecurring, null},
		{"每年", "每年", duban.KindRecurring, null},
		{"按季度", "按季度", duban.KindRecurring, null},
		{"定期", "定期", duban.KindRecurring, null},
		{"每年12月底前", "每年12月底前", duban.KindRecurring, null},
		// ongoing
		{"长期坚持", "长期坚持", duban.KindOngoing, null},
		{"持续推进", "持续推进", duban.KindOngoing, null},
		{"长期", "长期", duban.KindOngoing, null},
		{"常态化推进", "常态化推进", duban.KindOngoing, null},
		{"2024年起持续推进", "2024年起持续推进", duban.KindOngoing, null},
		{"2024年起", "2024年起", duban.KindOngoing, null},
		{"7月起实施", "7月起实施", duban.KindOngoing, null},
		{"7月起启动，年底前完成", "7月起启动，年底前完成", duban.KindYearEnd, "2024-12-31"},
		{"即日起", "即日起", duban.KindOngoing, null},
		{"即日起至12月31日", "即日起至12月31日", duban.KindDate, "2024-12-31"},
		{"即日起至2025年6月底", "即日起至2025年6月底", duban.KindMonthEnd, "2025-06-30"},
		{"7月起到10月", "7月起到10月", duban.KindMonthEnd, "2024-10-31"},
		{"2024年起至今", "2024年起至今", duban.KindOngoing, null},
		// two stages: the completion counts
		{"上半年启动，年底前完成", "上半年启动，年底前完成", duban.KindYearEnd, "2024-12-31"},
		{"6月底前启动，12月底前完成", "6月底前启动，12月底前完成", duban.KindMonthEnd, "2024-12-31"},
		{"2025年6月底前启动,9月底前完成", "2025年6月底前启动,9月底前完成", duban.KindMonthEnd, "2025-09-30"},
		{"9月底前完成，长期坚持", "9月底前完成，长期坚持", duban.KindMonthEnd, "2024-09-30"},
		{"6月底前完成试点；年底前全面推开", "6月底前完成试点；年底前全面推开", duban.KindYearEnd, "2024-12-31"},
		// a label left on the text
		{"完成时间：10月底前", "完成时间：10月底前", duban.KindMonthEnd, "2024-10-31"},
		// not understood: raw kept, no date
		{"视情况而定", "视情况而定", duban.KindUnknown, null},
		{"尽快", "尽快", duban.KindUnknown, null},
		{"???", "???", duban.KindUnknown, null},
	}
	for _, tt := range tests {
		d := parseDeadline(tt.raw, 2024, issue2024)
		if d == nil {
			t.Errorf("parseDeadline(%q) = nil", tt.raw)
			continue
		}
		if d.Raw != tt.wantRaw || d.Kind != tt.kind || string(d.Date) != tt.date {
			t.Errorf("parseDeadline(%q) = %q %s %q; want %q %s %q", tt.raw, d.Raw, d.Kind, d.Date, tt.wantRaw, tt.kind, tt.date)
			continue
		}
		wantQ := ""
		if tt.date != "" {
			day, _ := time.Parse(duban.DateLayout, tt.date)
			wantQ = duban.QuarterOf(day)
		}
		if string(d.Quarter) != wantQ {
			t.Errorf("parseDeadline(%q).Quarter = %q, want %q", tt.raw, d.Quarter, wantQ)
		}
	}
}

func TestParseDeadlineEmpty(t *testing.T) {
	for _, raw := range []string{"", " ", "\u3000\n"} {
		if d := parseDeadline(raw, 2024, issue2024); d != nil {
			t.Errorf("parseDeadline(%q) = %+v, want nil", raw, d)
		}
	}
}

// A paragraph taken for a deadline is not understood, and is kept.
func TestParseDeadlineTooLong(t *testing.T) {
	raw := strings.Repeat("推进工作", 50) + "12月底前"
	d := parseDeadline(raw, 2024, issue2024)
	if d.Kind != duban.KindUnknown || d.Raw != raw || d.Date != "" {
		t.Errorf("got %s %q", d.Kind, d.Date)
	}
}

// A relative deadline without an issue date keeps its kind and has no date.
func TestParseDeadlineRelativeNoIssue(t *testing.T) {
	d := parseDeadline("印发之日起30日内", 2024, time.Time{})
	if d.Kind != duban.KindRelative || d.Date != "" || d.Quarter != "" {
		t.Errorf("got %+v", d)
	}
}

// Without a plan year a deadline keeps its kind but has no day.
func TestParseDeadlineNoYear(t *testing.T) {
	d := parseDeadline("5月底前", 0, time.Time{})
	if d.Kind != duban.KindMonthEnd || d.Date != "" || d.Quarter != "" {
		t.Errorf("got %+v", d)
	}
	d = parseDeadline("2025年5月底前", 0, time.Time{})
	if d.Kind != duban.KindMonthEnd || d.Date != "2025-05-31" {
		t.Errorf("got %+v", d)
	}
}

// A deadline before the issue date stays in the plan year.
func TestParseDeadlineBeforeIssueKept(t *testing.T) {
	d := parseDeadline("4月底前", 2024, issue2024)
	if d.Date != "2024-04-30" || d.Quarter != "2024Q2" {
		t.Errorf("got %+v", d)
	}
}

func TestFindDeadline(t *testing.T) {
	tests := []struct{ text, want string }{
		{"推进政务数据共享。2025年9月底前，建成全省一体化平台。", "2025年9月底前"},
		{"年底前实现企业开办全程网办。", "年底前"},
		{"完善基层服务体系，2026年6月底前实现基层全覆盖。", "2026年6月底前"},
		{"10月底前完成评估。", "10月底前"},
		{"十月底前完成评估。", "十月底前"},
		{"统一十二月底前完成。", "十二月底前"},
		{"二〇二五年六月三十日前完成。", "二〇二五年六月三十日前"},
		{"方案印发之日起三十日内报送。", "印发之日起三十日内"},
		{"于6月30日前报送方案。", "6月30日前"},
		{"2025年12月31日前完成清理。", "2025年12月31日前"},
		{"三季度末前完成验收。", "三季度末前"},
		{"第二季度前出台实施细则。", "第二季度前"},
		{"7月中旬前召开推进会。", "7月中旬前"},
		{"9月中下旬前完成交叉检查。", "9月中下旬前"},
		{"年内完成改造。", "年内"},
		{"今年内完成改造。", "今年内"},
		{"明年底前全面建成。", "明年底前"},
		{"力争明年6月底前投用。", "明年6月底前"},
		{"2025年底前全面建成。", "2025年底前"},
		{"2025年年底前全面建成。", "2025年年底前"},
		{"印发之日起30日内制定方案。", "印发之日起30日内"},
		{"本方案印发后一个月内报送细则。", "印发后一个月内"},
		{"2026年前建成示范区。", "2026年前"},
		{"6月底前启动试点，12月底前全面完成。", "12月底前"},
		{"6月底前完成试点，12月底前全面推开。", "6月底前"},
		{"2025年9 月底前，建成平台。", "2025年9 月底前"},
		// negatives
		{"定期开展风险评估。", ""},
		{"全年举办不少于4场招聘会。", ""},
		{"到2027年，营商环境显著提升。", ""},
		{"两市政府签订南北结对帮扶合作2024年度协议。", ""},
		{"按照《实施意见》（苏办发〔2022〕13号）要求推进。", ""},
		{"每个领域至少形成1项亮点工作。", ""},
		{"每年举行一次联席会议。", ""},
		{"每年6月底前报送年度报告。", ""},
		{"每季度末前报送进展。", ""},
		{"截至2024年底，已建成基站1200个。", ""},
		{"三年内实现全覆盖。", ""},
		{"项目实施后3个月内完成验收。", ""},
		{"每月5日前报送进展。", ""},
		{"半年前完成的项目要复查。", ""},
		{"在去年底完成试点的基础上推广。", ""},
		{"提前谋划，摸底排查，守住底线。", ""},
		{"目前区内当前前列。", ""},
		{"审批时限压缩至5个工作日内。", ""},
		{"2024年前三季度实现增长。", ""},
		{"2024年5月11日召开会议。", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := findDeadline(tt.text); got != tt.want {
			t.Errorf("findDeadline(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Every phrase findDeadline finds is one parseDeadline understands.
func TestFindDeadlineParses(t *testing.T) {
	for _, s := range []string{
		"2025年9月底前", "年底前", "印发之日起30日内", "三季度末前", "7月中旬前", "年内", "2026年前", "上半年前", "6-9月底",
	} {
		raw := findDeadline("开展工作，" + s + "完成。")
		if raw != s {
			t.Errorf("findDeadline found %q in text with %q", raw, s)
			continue
		}
		if d := parseDeadline(raw, 2024, issue2024); d.Kind == duban.KindUnknown || d.Date == "" {
			t.Errorf("parseDeadline(%q) = %+v", raw, d)
		}
	}
}

func FuzzParseDeadline(f *testing.F) {
	for _, s := range []string{
		"5月底前", "2025年10月31日前", "上半年启动，年底前完成", "印发之日起30日内", "每季度", "长期坚持",
		"二〇二五年十二月底", "三季度末", "7月中旬", "13月40日", "99999年", "发文后999999999个月内", "2月30日前",
	} {
		f.Add(s, 2024)
	}
	f.Fuzz(func(t *testing.T, raw string, year int) {
		d := parseDeadline(raw, year, issue2024)
		if notation.StripSpace(raw) == "" {
			if d != nil {
				t.Fatalf("non-nil for blank %q", raw)
			}
			return
		}
		if d == nil || d.Raw != notation.StripSpace(raw) {
			t.Fatalf("parseDeadline(%q) = %+v", raw, d)
		}
		day, ok := d.Time()
		switch d.Kind {
		case duban.KindRecurring, duban.KindOngoing, duban.KindUnknown:
			if d.Date != "" || d.Quarter != "" {
				t.Fatalf("%q: %s with date %+v", raw, d.Kind, d)
			}
		case duban.KindRelative:
			if ok && day.Before(issue2024) {
				t.Fatalf("%q: relative before issue %+v", raw, d)
			}
		default:
			if ok && string(d.Quarter) != duban.QuarterOf(day) {
				t.Fatalf("%q: quarter %+v", raw, d)
			}
			if !ok && d.Date != "" {
				t.Fatalf("%q: bad date %+v", raw, d)
			}
			if !ok && year > 1900 && year < 2999 && !dlYearRe.MatchString(arabicNumerals(raw)) {
				t.Fatalf("%q in %d: %s without a date", raw, year, d.Kind)
			}
		}
		// findDeadline must not panic and returns a substring.
		if got := findDeadline(raw); got != "" && !strings.Contains(raw, got) {
			t.Fatalf("findDeadline(%q) = %q, not a substring", raw, got)
		}
	})
}

func BenchmarkParseDeadline(b *testing.B) {
	raws := []string{"12月底前", "2025年9月底前", "上半年启动，年底前完成", "印发之日起30日内", "长期坚持", "三季度末"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		parseDeadline(raws[i%len(raws)], 2024, issue2024)
	}
}

func BenchmarkFindDeadline(b *testing.B) {
	text := "进一步完善两市工作推进机制，聚力推动“2+1”产业园区共建，推进延伸“3+X”县乡（镇）结对，拓展深化“6+N”帮扶合作领域，注重培育典型案例，2025年9月底前，每个领域至少形成1项亮点工作。"
	b.ReportAllocs()
	for b.Loop() {
		findDeadline(text)
	}
}

// TestArabicNumeralsPlain: text whose only numerals are ASCII digit runs
// without leading zeros is what the conversion would give anyway.
func TestArabicNumeralsPlain(t *testing.T) {
	for _, s := range []string{
		"12月底前", "2025年6月30日前", "印发之日起30日内", "三季度末", "二〇二五年二月", "05月底前",
		"2024.12.31", "１２月底", "十月底前", "12345月", "0", "10个月", "第3季度", "",
	} {
		checkArabicNumeralsPlain(t, s)
	}
}

func FuzzArabicNumeralsPlain(f *testing.F) {
	for _, s := range []string{"12月底前", "05月", "2025年6月30日", "十月", "１２月", "100000年"} {
		f.Add(s)
	}
	f.Fuzz(checkArabicNumeralsPlain)
}

func checkArabicNumeralsPlain(t *testing.T, s string) {
	if got, want := arabicNumerals(s), convertNumerals(s); got != want {
		t.Fatalf("arabicNumerals(%q) = %q, conversion gives %q", s, got, want)
	}
}

// monthRe is the expression lastMonth stands for.
var monthRe = regexp.MustCompile(`(\d{1,2})月`)

func checkLastMonth(t *testing.T, s string) {
	want, wantOK := "", false
	if all := monthRe.FindAllStringSubmatch(s, -1); len(all) > 0 {
		want, wantOK = all[len(all)-1][1], true
	}
	if got, ok := lastMonth(s); got != want || ok != wantOK {
		t.Fatalf("lastMonth(%q) = %q, %v; the expression gives %q, %v", s, got, ok, want, wantOK)
	}
}

func TestLastMonth(t *testing.T) {
	for _, s := range []string{"", "月", "12月", "年12月底前", "123月", "6月至9月底", "9月底前，12月", "5个月", "1月月", "１２月", "a9月b", "3月15日", "12月底前完成1月"} {
		checkLastMonth(t, s)
	}
}

func FuzzLastMonth(f *testing.F) {
	for _, s := range []string{"12月底前", "6月至9月", "123月", "月1月"} {
		f.Add(s)
	}
	f.Fuzz(checkLastMonth)
}
