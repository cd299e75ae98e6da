package enrich

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/segment"
)

// enrSegmenter loads the process's segmenter once for the whole test
// binary, or skips in a build without it.
func enrSegmenter(tb testing.TB) *segment.Segmenter {
	tb.Helper()
	s, err := segment.Load()
	if err != nil {
		if !segment.Available {
			tb.Skip(err)
		}
		tb.Fatal(err)
	}
	return s
}

func enrUnits(us []duban.Unit) []string {
	var out []string
	for _, u := range us {
		s := u.Name + ":" + string(u.Role)
		if u.Inferred {
			s += ":inferred"
		}
		if u.Canonical != "" {
			s += ":=" + u.Canonical
		}
		out = append(out, s)
	}
	return out
}

// A notice whose tasks name their units only in the text.
func enrTextOnlyNotice() *duban.Notice {
	return &duban.Notice{
		DocNumber: "测政办发〔2025〕3号",
		Tasks: []duban.Task{
			{ID: "一.1", Text: "由市发改委牵头，市财政局配合，统筹安排南北合作项目资金，做好资金保障工作。"},
			{ID: "一.2", Text: "市教育局要会同市人社局推进职业院校与企业共建实训基地，扩大订单式培养规模。"},
			{ID: "一.3", Text: "县委宣传部负责做好全县乡村振兴典型经验的宣传报道。"},
			{ID: "一.4", Text: "市住建局、市自然资源局按职责分工负责，加快老旧小区改造和危房排查。"},
			{ID: "一.5", Text: "在无锡举办连云港农产品推介会，组织企业参加各类展会，拓宽销售渠道。"},
			{ID: "一.6", Text: "加强干部队伍建设，会同无锡市发改委联合印发年度项目计划。"},
		},
		Warnings: []duban.Warning{
			{Task: "一.1", Code: duban.WarnNoUnit, Message: "no unit"},
			{Task: "一.5", Code: duban.WarnNoUnit, Message: "no unit"},
		},
	}
}

func TestEnrichInfersUnitsFromText(t *testing.T) {
	seg := enrSegmenter(t)
	n := enrTextOnlyNotice()
	Apply(n, nil, seg)
	want := map[string][]string{
		"一.1": {"市发改委:lead:inferred", "市财政局:co:inferred"},
		"一.2": {"市教育局:lead:inferred", "市人社局:co:inferred"},
		"一.3": {"县委宣传部:responsible:inferred"},
		"一.4": {"市住建局:responsible:inferred", "市自然资源局:responsible:inferred"},
		"一.5": nil,
		"一.6": {"无锡市发改委:co:inferred"},
	}
	for _, task := range n.Tasks {
		if got := enrUnits(task.Units); !reflect.DeepEqual(got, want[task.ID]) {
			t.Errorf("%s: units %v, want %v", task.ID, got, want[task.ID])
		}
	}
	// The no_unit warning goes where units were found, and stays elsewhere.
	if len(n.Warnings) != 1 || n.Warnings[0].Task != "一.5" {
		t.Errorf("warnings %v, want only 一.5's no_unit", n.Warnings)
	}
}

func TestEnrichMentioned(t *testing.T) {
	seg := enrSegmenter(t)
	n := &duban.Notice{Tasks: []duban.Task{
		{ID: "1", Text: "会同无锡市发改委联合印发2024年度帮扶合作资金支持项目计划。",
			Units: []duban.Unit{{Name: "市发改委", Role: duban.RoleResponsible}}},
		{ID: "2", Text: "配合市财政局做好专项资金绩效评价，市发改委定期通报进展。",
			Units: []duban.Unit{{Name: "市发改委", Role: duban.RoleResponsible}}},
		{ID: "3", Text: "推动两地商会开展产业合作交流对接等活动。",
			Units: []duban.Unit{{Name: "市工商联", Role: duban.RoleResponsible}}},
	}}
	Apply(n, nil, seg)
	want := map[string][]string{
		"1": {"无锡市发改委"},
		"2": {"市财政局"},
		"3": nil,
	}
	for _, task := range n.Tasks {
		if !reflect.DeepEqual(task.Mentioned, want[task.ID]) {
			t.Errorf("%s: mentioned %v, want %v", task.ID, task.Mentioned, want[task.ID])
		}
		// Units that were given are never replaced by inferred ones.
		if len(task.Units) != 1 || task.Units[0].Inferred {
			t.Errorf("%s: units changed to %v", task.ID, task.Units)
		}
	}
}

func TestEnrichKeywords(t *testing.T) {
	seg := enrSegmenter(t)
	n := &duban.Notice{Tasks: []duban.Task{
		{ID: "1", Text: "由市发改委牵头，市财政局配合，统筹安排南北合作项目资金，做好资金保障工作。"},
		{ID: "2", Text: "在无锡举办连云港农产品推介会，组织农业企业参加各类展会，拓宽农产品销售渠道。",
			Units: []duban.Unit{{Name: "市农业农村局", Role: duban.RoleResponsible}}},
	}}
	Apply(n, nil, seg)
	for _, task := range n.Tasks {
		if len(task.Keywords) == 0 || len(task.Keywords) > KeywordsPerTask {
			t.Errorf("%s: %d keywords %v", task.ID, len(task.Keywords), task.Keywords)
		}
		for _, k := range task.Keywords {
			if !strings.Contains(task.Text, k) {
				t.Errorf("%s: keyword %q not in the text", task.ID, k)
			}
			if isRoleWord(k) || strings.Contains("市发改委市财政局", k) {
				t.Errorf("%s: keyword %q is a role word or part of a unit", task.ID, k)
			}
		}
	}
	if !enrContains(n.Tasks[0].Keywords, "资金") {
		t.Errorf("task 1 keywords %v lack 资金", n.Tasks[0].Keywords)
	}
	if !enrContains(n.Tasks[1].Keywords, "农产品") {
		t.Errorf("task 2 keywords %v lack 农产品", n.Tasks[1].Keywords)
	}
}

func enrContains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

const enrichTestDirectory = `units:
  - name: 市发展改革委
    aliases: [市发改委, 连云港市发展和改革委员会]
  - name: 市财政局
groups:
  - name: 相关县区
    members: [东海县, 灌云县]
`

func TestEnrichCanonicalAndUnknown(t *testing.T) {
	dir, err := duban.ParseDirectory([]byte(enrichTestDirectory), "units.yaml")
	if err != nil {
		t.Fatal(err)
	}
	n := &duban.Notice{Tasks: []duban.Task{
		{ID: "1", Units: []duban.Unit{{Name: "市发改委", Role: duban.RoleLead}, {Name: "市财政局", Role: duban.RoleCo}}},
		{ID: "2", Units: []duban.Unit{{Name: "连云港市发展和改革委员会", Role: duban.RoleResponsible}, {Name: "市财正局", Role: duban.RoleResponsible}}},
		{ID: "3", Units: []duban.Unit{{Name: "相关县区", Role: duban.RoleResponsible}, {Name: "市财正局", Role: duban.RoleResponsible}}},
	}}
	// Without a segmenter only the directory step runs.
	ws := Apply(n, dir, nil)
	want := [][]string{
		{"市发改委:lead:=市发展改革委", "市财政局:co:=市财政局"},
		{"连云港市发展和改革委员会:responsible:=市发展改革委", "市财正局:responsible"},
		{"相关县区:responsible:=相关县区", "市财正局:responsible"},
	}
	for i, task := range n.Tasks {
		if got := enrUnits(task.Units); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("%s: %v, want %v", task.ID, got, want[i])
		}
		if task.Keywords != nil || task.Mentioned != nil {
			t.Errorf("%s: keywords/mentioned set without a segmenter", task.ID)
		}
	}
	if len(ws) != 1 || ws[0].Code != duban.WarnUnknownUnit || ws[0].Task != "2" || !strings.Contains(ws[0].Message, "市财正局") || !strings.Contains(ws[0].Message, "2、3") {
		t.Errorf("warnings %+v, want one unknown_unit for 市财正局 at 2 and 3", ws)
	}
	if !reflect.DeepEqual(n.Warnings, ws) {
		t.Errorf("notice warnings %v, want %v", n.Warnings, ws)
	}
	// An empty directory warns about nothing and sets no canonical name.
	empty, err := duban.ParseDirectory(nil, "empty.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m := &duban.Notice{Tasks: []duban.Task{{ID: "1", Units: []duban.Unit{{Name: "市财正局", Role: duban.RoleResponsible}}}}}
	if ws := Apply(m, empty, nil); len(ws) != 0 || m.Tasks[0].Units[0].Canonical != "" {
		t.Errorf("empty directory: %v %v", ws, m.Tasks[0].Units)
	}
	if Apply(nil, dir, nil) != nil {
		t.Error("nil notice")
	}
}

func TestEnrichDirectoryNamesAsWords(t *testing.T) {
	seg := enrSegmenter(t)
	dir, err := duban.ParseDirectory([]byte("units:\n  - name: 市数据局\n    aliases: [市大数据管理局]\n"), "units.yaml")
	if err != nil {
		t.Fatal(err)
	}
	n := &duban.Notice{Tasks: []duban.Task{{ID: "1", Text: "市大数据管理局牵头建设政务数据共享平台。"}}}
	Apply(n, dir, seg)
	if got := enrUnits(n.Tasks[0].Units); !reflect.DeepEqual(got, []string{"市大数据管理局:lead:inferred:=市数据局"}) {
		t.Errorf("units %v", got)
	}
	if !enrContains(seg.Cut("市大数据管理局牵头"), "市大数据管理局") {
		t.Errorf("directory alias not a word: %v", seg.Cut("市大数据管理局牵头"))
	}
}

func FuzzEnrich(f *testing.F) {
	seg, err := segment.Load()
	if err != nil {
		f.Skip(err)
	}
	for _, s := range []string{"由市发改委牵头，市财政局配合。", "会同会同县县市场监管局", "（）局、、负责", "由\xff市局牵头", ""} {
		f.Add(s, "市发改委")
	}
	f.Fuzz(func(t *testing.T, text, unit string) {
		n := &duban.Notice{Tasks: []duban.Task{
			{ID: "1", Text: text},
			{ID: "2", Text: text, Units: []duban.Unit{{Name: unit, Role: duban.RoleResponsible}}},
		}}
		Apply(n, nil, seg)
		for _, task := range n.Tasks {
			for _, m := range append(task.Mentioned, task.Keywords...) {
				if !strings.Contains(text, m) {
					t.Fatalf("%q not in the text %q", m, text)
				}
			}
			for _, u := range task.Units {
				if u.Inferred && !strings.Contains(text, u.Name) {
					t.Fatalf("inferred %q not in the text %q", u.Name, text)
				}
			}
		}
	})
}

// Notices are enriched in parallel by the pipeline's workers with one
// shared segmenter.
func TestEnrichConcurrent(t *testing.T) {
	seg := enrSegmenter(t)
	want := enrTextOnlyNotice()
	Apply(want, nil, seg)
	done := make(chan *duban.Notice)
	for w := 0; w < 4; w++ {
		go func(w int) {
			n := enrTextOnlyNotice()
			// Each worker also brings unit names of its own.
			n.Tasks = append(n.Tasks, duban.Task{ID: "9", Text: "开展专项行动。",
				Units: []duban.Unit{{Name: fmt.Sprintf("市第%d专项办", w+1), Role: duban.RoleResponsible}}})
			Apply(n, nil, seg)
			done <- n
		}(w)
	}
	for w := 0; w < 4; w++ {
		n := <-done
		if !reflect.DeepEqual(n.Tasks[:len(want.Tasks)], want.Tasks) {
			t.Errorf("parallel result differs:\n%+v\nwant\n%+v", n.Tasks, want.Tasks)
		}
	}
}
