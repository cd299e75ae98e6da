package server

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/duban/duban"
)

// The pages render for the 督查室 with the sample's content.
func TestPagesRender(t *testing.T) {
	e := newEnv(t, true)
	c := e.login("office")
	for path, want := range map[string]string{
		"/notices":                    "连政办发〔2024〕22号",
		"/notices/" + esc(sampleSlug): "在无锡举办连云港市粮食推介会",
		"/units":                      "市教育局",
		"/units/" + esc("市教育局"):       "四.（三）.1",
		"/overview?quarter=2024Q4":    "各单位完成率",
		"/downloads":                  "任务分解表",
		"/settings":                   "操作记录",
		"/api/notices":                `"tasks": 58`,
		"/api/units/" + esc("市教育局") + "/tasks": `"task": "四.（三）.1"`,
	} {
		res, body := c.get(path)
		if res.StatusCode != 200 || !strings.Contains(body, want) {
			t.Errorf("GET %s: %d, want %q in:\n%.600s", path, res.StatusCode, want, body)
		}
	}
}

// A correction made in the console is a correction in the store, and the
// deadline's date and quarter follow a corrected 完成时限.
func TestCorrectionAndReport(t *testing.T) {
	e := newEnv(t, true)
	c := e.login("office")
	path := "/notices/" + esc(sampleSlug) + "/tasks/" + esc("四.（三）.1")
	res, body := c.post(path, url.Values{"text": {"组织两地中小学结对交流。<script>alert(1)</script>"}, "units": {"市教育局（牵头）、市体育局（配合）"},
		"deadline": {"11月20日前"}, "date": {"2024-12-31"}}, true)
	if res.StatusCode != 303 {
		t.Fatalf("correct: %d %s", res.StatusCode, body)
	}
	n, _, err := e.st.Notice(sampleSlug, reparse)
	if err != nil {
		t.Fatal(err)
	}
	var got *duban.Task
	for i := range n.Tasks {
		if n.Tasks[i].ID == "四.（三）.1" {
			got = &n.Tasks[i]
		}
	}
	if got.Deadline.Raw != "11月20日前" || got.Deadline.Date != "2024-11-20" || got.Deadline.Quarter != "2024Q4" {
		t.Errorf("deadline after correction: %+v", got.Deadline)
	}
	if len(got.Units) != 2 || got.Units[0] != (duban.Unit{Name: "市教育局", Role: duban.RoleLead}) || got.Units[1] != (duban.Unit{Name: "市体育局", Role: duban.RoleCo}) {
		t.Errorf("units after correction: %+v", got.Units)
	}
	cs, _ := e.st.History(sampleSlug)
	if len(cs) != 3 || cs[0].By != "office" || cs[0].Origin != "console" {
		t.Errorf("corrections: %+v", cs)
	}
	// The text is shown as text.
	_, page := c.get("/notices/" + esc(sampleSlug))
	if strings.Contains(page, "<script>alert(1)") || !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("task text not escaped on the review page")
	}

	u := e.login("edu")
	res, body = u.do("POST", "/api/units/"+esc("市教育局")+"/reports", "application/json",
		`{"notice":"`+sampleSlug+`","task":"四.（三）.2","status":"已完成","detail":"已签约 12 所学校","done_date":"2024-10-30"}`,
		map[string]string{"X-CSRF-Token": u.csrf})
	if res.StatusCode != 200 || !strings.Contains(body, `"stored": true`) {
		t.Fatalf("report: %d %s", res.StatusCode, body)
	}
	rs, _ := e.st.Reports(sampleSlug)
	if len(rs) != 1 || rs[0].Unit != "市教育局" || rs[0].Status != duban.StatusDone || rs[0].By != "edu" || rs[0].Round != "2024Q4" {
		t.Errorf("reports: %+v", rs)
	}
	_, ov := e.login("office").get("/api/overview?quarter=2024Q4&asof=2024-11-15")
	var o overview
	if err := json.Unmarshal([]byte(ov), &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Reported) != 1 || o.Reported[0].Task != "四.（三）.2" || len(o.NearDue) == 0 {
		t.Errorf("overview: reported %+v near-due %+v", o.Reported, o.NearDue)
	}
}

// A withdrawn task leaves the notice and comes back with 恢复.
func TestWithdrawRestore(t *testing.T) {
	e := newEnv(t, true)
	c := e.login("office")
	path := "/notices/" + esc(sampleSlug) + "/tasks/" + esc("一.2")
	if res, _ := c.post(path, url.Values{"withdraw": {"1"}}, true); res.StatusCode != 303 {
		t.Fatalf("withdraw: %d", res.StatusCode)
	}
	n, _, _ := e.st.Notice(sampleSlug, reparse)
	if len(n.Tasks) != 57 {
		t.Errorf("%d tasks after withdrawing one", len(n.Tasks))
	}
	_, page := c.get("/notices/" + esc(sampleSlug))
	if !strings.Contains(page, `id="W一.2"`) {
		t.Errorf("withdrawn task not listed on the review page")
	}
	if res, _ := c.post(path, url.Values{"restore": {"1"}}, true); res.StatusCode != 303 {
		t.Fatalf("restore: %d", res.StatusCode)
	}
	n, _, _ = e.st.Notice(sampleSlug, reparse)
	if len(n.Tasks) != 58 {
		t.Errorf("%d tasks after restoring", len(n.Tasks))
	}
	if res, _ := c.post(path, url.Values{"restore": {"1"}}, true); res.StatusCode != 404 {
		t.Errorf("restoring a task that is there: %d", res.StatusCode)
	}
}
