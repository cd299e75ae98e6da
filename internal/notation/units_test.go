package notation

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// splitUnitsCases are unit lists and what they split into.
var splitUnitsCases = []struct {
	in    string
	names []string
	open  bool
}{
	{"市粮储局", []string{"市粮储局"}, false},
	{"", nil, false},
	{"  ", nil, false},
	// every separator, full- and half-width
	{"市发改委、市财政局", []string{"市发改委", "市财政局"}, false},
	{"市发改委，市财政局", []string{"市发改委", "市财政局"}, false},
	{"市发改委,市财政局", []string{"市发改委", "市财政局"}, false},
	{"市发改委；市财政局", []string{"市发改委", "市财政局"}, false},
	{"市发改委;市财政局", []string{"市发改委", "市财政局"}, false},
	{"市发改委、市财政局，市商务局;市工信局", []string{"市发改委", "市财政局", "市商务局", "市工信局"}, false},
	// whitespace never separates, it is removed
	{"市 发改委、 市财政局 ", []string{"市发改委", "市财政局"}, false},
	{"市\u3000发改委\u00a0、市财\n政局", []string{"市发改委", "市财政局"}, false},
	{"市发改委 市财政局", []string{"市发改委市财政局"}, false},
	// brackets of every style keep their separators
	{"无锡连云港工业园区、海州区（连云港高新区）", []string{"无锡连云港工业园区", "海州区（连云港高新区）"}, false},
	{"各县(市、区)住建局、局城建处", []string{"各县(市、区)住建局", "局城建处"}, false},
	{"各县（市、区）人民政府，市发改委", []string{"各县（市、区）人民政府", "市发改委"}, false},
	{"各县〔市、区〕政府；市财政局", []string{"各县〔市、区〕政府", "市财政局"}, false},
	{"各县[市,区]政府、市财政局", []string{"各县[市,区]政府", "市财政局"}, false},
	{"各县【市；区】政府、市财政局", []string{"各县【市；区】政府", "市财政局"}, false},
	{"各县（市、区)政府、市财政局", []string{"各县（市、区)政府", "市财政局"}, false},
	// nesting
	{"甲（乙（丙、丁）、戊）、己", []string{"甲（乙（丙、丁）、戊）", "己"}, false},
	// unbalanced brackets keep all text and still split outside
	{"海州区（连云港高新区、灌云县", []string{"海州区（连云港高新区", "灌云县"}, false},
	{"海州区）、灌云县", []string{"海州区）", "灌云县"}, false},
	{"（、）", []string{"（、）"}, false},
	// 和/及 never split
	{"区自然资源和规划局、区住建局", []string{"区自然资源和规划局", "区住建局"}, false},
	{"市委宣传部及各县区", []string{"市委宣传部及各县区"}, false},
	// trailing punctuation
	{"市发改委、市财政局。", []string{"市发改委", "市财政局"}, false},
	{"市发改委;", []string{"市发改委"}, false},
	{"市发改委.", []string{"市发改委"}, false},
	{"、市发改委、、市财政局，", []string{"市发改委", "市财政局"}, false},
	// a label left before the names
	{"责任单位：市发改委、市财政局", []string{"市发改委", "市财政局"}, false},
	{"配合单位:市发改委；牵头单位：市财政局", []string{"市发改委", "市财政局"}, false},
	{"市发改委（联系人：张三）", []string{"市发改委（联系人：张三）"}, false},
	// 等
	{"市发改委、市财政局等", []string{"市发改委", "市财政局"}, true},
	{"市发改委、市财政局等有关部门", []string{"市发改委", "市财政局", "有关部门"}, true},
	{"市发改委等相关单位", []string{"市发改委", "相关单位"}, true},
	{"市发改委等部门", []string{"市发改委"}, true},
	{"市发改委等单位", []string{"市发改委"}, true},
	{"市发改委等", []string{"市发改委"}, true},
	{"市教育局等5部门", []string{"市教育局"}, true},
	{"市教育局等五个部门", []string{"市教育局"}, true},
	{"市教育局、市财政局等各有关单位。", []string{"市教育局", "市财政局", "各有关单位"}, true},
	{"省委网信办、省公安厅、省数据局等", []string{"省委网信办", "省公安厅", "省数据局"}, true},
	{"市 发改委 等 有关 部门", []string{"市发改委", "有关部门"}, true},
	{"市发改委、市财政局等市直有关部门", []string{"市发改委", "市财政局", "市直有关部门"}, true},
	{"市发改委等职能部门", []string{"市发改委"}, true},
	{"东海县等3个县区", []string{"东海县"}, true},
	{"市发改委等其他成员单位", []string{"市发改委", "其他成员单位"}, true},
	{"市发改委等各县（区）", []string{"市发改委", "各县（区）"}, true},
	// 等 inside a name is not a list end
	{"市高等教育学会、市教育局", []string{"市高等教育学会", "市教育局"}, false},
	{"市中等职业学校", []string{"市中等职业学校"}, false},
	// 等 inside brackets is not a list end
	{"市场主体（个体户等）、市场监管局", []string{"市场主体（个体户等）", "市场监管局"}, false},
	// collectives are units
	{"市农业农村局、相关县区", []string{"市农业农村局", "相关县区"}, false},
	{"区住建局、各镇（街道）", []string{"区住建局", "各镇（街道）"}, false},
	// duplicates
	{"市发改委、市财政局、市发改委", []string{"市发改委", "市财政局"}, false},
	{"市 发改委、市发改委", []string{"市发改委"}, false},
}

func TestSplitUnits(t *testing.T) {
	for _, tt := range splitUnitsCases {
		names, open := SplitUnits(tt.in)
		if !reflect.DeepEqual(names, tt.names) || open != tt.open {
			t.Errorf("SplitUnits(%q) = %q, %v; want %q, %v", tt.in, names, open, tt.names, tt.open)
		}
	}
}

// cjkCount counts the CJK characters of s that splitUnits may not drop:
// everything but separators.
func cjkCount(s string) map[rune]int {
	m := map[rune]int{}
	for _, r := range s {
		if unicode.Is(unicode.Han, r) && r != '等' {
			m[r]++
		}
	}
	return m
}

func FuzzSplitUnits(f *testing.F) {
	for _, s := range []string{
		"市发改委、市财政局", "各县(市、区)住建局、局城建处", "海州区（连云港高新区", "X、Y等有关部门",
		"市发改委等部门", "甲（乙（丙、丁）、戊）、己", "）（", "等等", "、，,；;", "市 发改委\u3000等",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		names, open := SplitUnits(s)
		seen := map[string]bool{}
		for _, n := range names {
			if n == "" {
				t.Fatalf("empty name from %q", s)
			}
			if seen[n] {
				t.Fatalf("duplicate %q from %q", n, s)
			}
			seen[n] = true
			if strings.IndexFunc(n, IsSpace) >= 0 {
				t.Fatalf("whitespace in %q from %q", n, s)
			}
		}
		if !strings.ContainsRune(s, '等') && open {
			t.Fatalf("open without 等: %q", s)
		}
		// No Han character is lost: every one in the input occurs in
		// some name, as often as in its most frequent occurrence
		// (duplicates are dropped, so count presence only).
		in := cjkCount(s)
		out := cjkCount(strings.Join(names, ""))
		for r := range in {
			if out[r] == 0 && !dengCategoryRune(r, s) && !labelRune(r, s) {
				t.Fatalf("lost %q from %q: %q", r, s, names)
			}
		}
	})
}

// dengCategoryRune reports whether r may have been dropped as part of a
// category noun after 等 ("部门", "5个单位", "职能部门"): it occurs after a 等.
func dengCategoryRune(r rune, s string) bool {
	i := strings.IndexRune(s, '等')
	return i >= 0 && strings.ContainsRune(s[i:], r)
}

// labelRune reports whether r may have been dropped as part of a label
// before a colon: it occurs before the last colon.
func labelRune(r rune, s string) bool {
	i := strings.LastIndexAny(s, ":：")
	return i >= 0 && strings.ContainsRune(s[:i], r)
}
