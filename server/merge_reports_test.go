package server

import (
	"encoding/json"
	"github.com/duban/duban"
	"net/url"
	"strings"
	"testing"

	"github.com/duban/duban/store"
	"github.com/xuri/excelize/v2"
)

// reportAs posts a progress report through the unit page's form.
func reportAs(t *testing.T, c *client, unit, task, status, detail, problems string) {
	t.Helper()
	res, body := c.post("/units/"+esc(unit)+"/report", url.Values{"notice": {sampleSlug}, "task": {task}, "status": {status},
		"detail": {detail}, "problems": {problems}}, true)
	if res.StatusCode != 303 {
		t.Fatalf("report of %s on %s: %d %s", unit, task, res.StatusCode, body)
	}
}

// latestOn is the latest report of each unit on each task: "task unit" →
// the report.
func latestOn(t *testing.T, st *store.Store) map[string]store.TaskProgress {
	t.Helper()
	ls, err := st.LatestReports(sampleSlug)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]store.TaskProgress{}
	for _, l := range ls {
		out[l.Task+" "+l.Progress.Unit] = l
	}
	return out
}

// A task merged into another takes its reports along: the surviving task
// shows them (new rows, the originals kept on the merged-away task), the
// units of both keep their progress, the audit log says so, and the unit
// sheet and the 通报 rendered afterwards show the carried report.
func TestMergeCarriesReports(t *testing.T) {
	e := newEnv(t, true)
	office, edu, fgw := e.login("office"), e.login("edu"), e.login("fgw")
	// 市教育局 has both tasks, 市发改委 only the one merged away.
	const keep, gone = "四.（三）.1", "一.8"
	reportAs(t, fgw, "市发改委", gone, "滞后", "对接会延期到12月", "参展资金未到位")
	reportAs(t, edu, "市教育局", gone, "已完成", "合并前在一.8上的旧进展", "")
	reportAs(t, edu, "市教育局", keep, "按时推进", "跟岗计划已印发", "") // the more recent: kept
	before, _ := e.st.Reports(sampleSlug)

	res, body := office.post("/notices/"+esc(sampleSlug)+"/tasks/"+esc(keep)+"/merge", url.Values{"with": {gone}}, true)
	if res.StatusCode != 303 {
		t.Fatalf("merge: %d %s", res.StatusCode, body)
	}

	// The store: 市发改委's report copied onto the surviving task as a new
	// row by the clerk, saying where from; every original row still there.
	after, _ := e.st.Reports(sampleSlug)
	if len(after) != len(before)+1 {
		t.Fatalf("%d reports after the merge, want %d + 1: %+v", len(after), len(before), after)
	}
	for i, r := range before {
		if after[i] != r {
			t.Errorf("original report %d changed: %+v → %+v", i, r, after[i])
		}
	}
	l := latestOn(t, e.st)
	c, ok := l[keep+" 市发改委"]
	if !ok || c.Progress.Status != "滞后" || c.Progress.Detail != "对接会延期到12月" || c.Progress.Problems != "参展资金未到位" ||
		c.Progress.File != "合并自 "+gone {
		t.Errorf("carried report on %s: %+v", keep, c)
	}
	if got := l[keep+" 市教育局"].Progress.Detail; got != "跟岗计划已印发" {
		t.Errorf("市教育局 on %s: %q, want its own report kept", keep, got)
	}
	if _, ok := l[gone+" 市发改委"]; !ok {
		t.Errorf("the original report on %s left history", gone)
	}
	log, _ := e.st.AuditLog(5)
	if len(log) == 0 || log[0].Action != "合并任务" || !strings.Contains(log[0].Detail, "转入进展 1 条：市发改委（滞后）") {
		t.Errorf("audit: %+v", log)
	}

	// The units' views: 市发改委 has the surviving task with its progress,
	// not the merged-away one; 市教育局 keeps its own.
	var ts []unitTask
	_, body = fgw.get("/api/units/" + esc("市发改委") + "/tasks")
	json.Unmarshal([]byte(body), &ts)
	found := false
	for _, x := range ts {
		if x.Task == gone {
			t.Errorf("市发改委 still lists %s", gone)
		}
		if x.Task == keep {
			found = true
			if x.Status != "滞后" || x.Progress == nil || x.Progress.Problems != "参展资金未到位" {
				t.Errorf("市发改委's %s: %+v", keep, x)
			}
		}
	}
	if !found {
		t.Errorf("市发改委 does not list %s after the merge", keep)
	}

	// The documents: 市发改委's unit sheet and the Q4 通报 (its 滞后 list
	// quotes the unit's 具体进展 and 存在问题).
	_, body = office.get("/download/unit/" + esc("市发改委") + ".xlsx")
	f, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	// The sheet shows numbers as the notice writes them (四（三）1).
	keepN, goneN := duban.Task{ID: keep}.Number(), duban.Task{ID: gone}.Number()
	if cells := cellsText(f); !strings.Contains(cells, keepN) || !strings.Contains(cells, "滞后") || strings.Contains(cells, goneN) {
		t.Errorf("市发改委's sheet after the merge: %.600s", cells)
	}
	res, body = office.get("/download/bulletin/2024Q4.xlsx?asof=2024-11-15")
	if res.StatusCode != 200 {
		t.Fatalf("通报: %d", res.StatusCode)
	}
	if f, err = excelize.OpenReader(strings.NewReader(body)); err != nil {
		t.Fatal(err)
	}
	cells := cellsText(f)
	for _, want := range []string{"对接会延期到12月", "参展资金未到位"} {
		if !strings.Contains(cells, want) {
			t.Errorf("通报 lacks %q", want)
		}
	}
}

// Splitting says where the text divides — the part split off alone, or a
// point in the text — and gives the new part the units and 完成时限 the
// clerk chose; the units it keeps start from their report on the whole.
func TestSplitWhereTheClerkSays(t *testing.T) {
	e := newEnv(t, true)
	office, edu := e.login("office"), e.login("edu")
	const id = "四.（三）.3"
	m, _ := tasksOf(t, e.st)
	whole := m[id].Text
	cut := strings.Index(whole, "科学制定")
	if cut < 0 {
		t.Fatalf("%s: %s", id, whole)
	}
	part := whole[cut:]
	reportAs(t, edu, "市教育局", id, "按时推进", "工作站方案已起草", "")

	base := "/notices/" + esc(sampleSlug) + "/tasks/"
	// Only the new part, with other units and 完成时限; 本项 as shown.
	res, body := office.post(base+esc(id)+"/split", url.Values{"text": {whole}, "text2": {part},
		"units2": {"市教育局、市科技局"}, "deadline2": {"11月底前"}, "date2": {""}}, true)
	if res.StatusCode != 303 {
		t.Fatalf("split: %d %s", res.StatusCode, body)
	}
	m, _ = tasksOf(t, e.st)
	first, second := m[id], m[id+"-2"]
	if first.Text != strings.TrimSpace(whole[:cut]) || second.Text != part {
		t.Errorf("parts %q / %q", first.Text, second.Text)
	}
	if unitsText(first.Units) != "市教育局（责任）" || unitsText(second.Units) != "市教育局（责任）、市科技局（责任）" {
		t.Errorf("units %s / %s", unitsText(first.Units), unitsText(second.Units))
	}
	if first.Deadline.Raw != m[id].Deadline.Raw || second.Deadline == nil || second.Deadline.Raw != "11月底前" ||
		second.Deadline.Date != "2024-11-30" || second.Deadline.Quarter != "2024Q4" {
		t.Errorf("deadlines %+v / %+v", first.Deadline, second.Deadline)
	}
	l := latestOn(t, e.st)
	if r := l[id+"-2 市教育局"]; r.Progress.Detail != "工作站方案已起草" || r.Progress.File != "拆分自 "+id {
		t.Errorf("市教育局 on the new part: %+v", r)
	}
	if _, ok := l[id+"-2 市科技局"]; ok {
		t.Error("a report made up for 市科技局")
	}
	if r := l[id+" 市教育局"]; r.Progress.Detail != "工作站方案已起草" || r.Progress.File != "console" {
		t.Errorf("市教育局 on the first part: %+v", r)
	}

	// A point in the text (what 在光标处断开 does in the browser).
	const id2 = "四.（三）.4"
	whole2 := []rune(m[id2].Text)
	if res, body := office.post(base+esc(id2)+"/split", url.Values{"at": {"10"}}, true); res.StatusCode != 303 {
		t.Fatalf("split at 10: %d %s", res.StatusCode, body)
	}
	m, _ = tasksOf(t, e.st)
	if m[id2].Text != strings.TrimSpace(string(whole2[:10])) || m[id2+"-2"].Text != strings.TrimSpace(string(whole2[10:])) ||
		unitsText(m[id2+"-2"].Units) != unitsText(m[id2].Units) {
		t.Errorf("split at 10: %q / %q", m[id2].Text, m[id2+"-2"].Text)
	}

	// Refused: a part the text does not hold with 本项 unchanged (both would
	// keep the whole), a point outside the text, a new part with no unit.
	for _, form := range []url.Values{
		{"text": {m["四.（三）.5"].Text}, "text2": {"另写的一句话。"}},
		{"at": {"0"}},
		{"at": {"100000"}},
		{"text": {"甲。"}, "text2": {"乙。"}, "units2": {""}},
	} {
		if res, body := office.post(base+esc("四.（三）.5")+"/split", form, true); res.StatusCode != 400 {
			t.Errorf("split %v: %d %s", form, res.StatusCode, body)
		}
	}
	if _, ok := m["四.（三）.5-2"]; ok {
		t.Error("a refused split was stored")
	}
}
