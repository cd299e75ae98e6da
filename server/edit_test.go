package server

import (
	"archive/zip"
	"bytes"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/store"
	"github.com/xuri/excelize/v2"
)

// tasksOf returns the sample's tasks as the store gives them now, by ID
// and in order.
func tasksOf(t *testing.T, st *store.Store) (map[string]duban.Task, []string) {
	t.Helper()
	n, _, err := st.Notice(sampleSlug, reparse)
	if err != nil || n == nil {
		t.Fatalf("notice: %v", err)
	}
	m := map[string]duban.Task{}
	var ids []string
	for _, x := range n.Tasks {
		m[x.ID] = x
		ids = append(ids, x.ID)
	}
	return m, ids
}

// Add, split and merge are corrections in the store with who and when,
// and the notice as corrected has the rows in place.
func TestAddSplitMerge(t *testing.T) {
	e := newEnv(t, true)
	c := e.login("office")
	base := "/notices/" + esc(sampleSlug) + "/tasks"
	res, body := c.post(base, url.Values{"text": {"补充任务：建立季度会商机制。"}, "units": {"市发改委（牵头）、市财政局（配合）"}, "deadline": {"9月底前"}, "after": {"一.2"}}, true)
	if res.StatusCode != 303 || !strings.Contains(res.Header.Get("Location"), "ok=added") {
		t.Fatalf("add: %d %s %s", res.StatusCode, res.Header.Get("Location"), body)
	}
	res, body = c.post(base+"/"+esc("一.3")+"/split", url.Values{"text": {"举办南北结对帮扶合作工作干部培训班。"}, "text2": {"组织培训学员赴无锡跟岗。"}}, true)
	if res.StatusCode != 303 {
		t.Fatalf("split: %d %s", res.StatusCode, body)
	}
	m, _ := tasksOf(t, e.st)
	one4, one5 := m["一.4"], m["一.5"]
	res, body = c.post(base+"/"+esc("一.4")+"/merge", url.Values{"with": {"一.5"}}, true)
	if res.StatusCode != 303 {
		t.Fatalf("merge: %d %s", res.StatusCode, body)
	}
	// Refusals: empty parts, merging a task into itself, an unknown task.
	for _, x := range []struct {
		path string
		form url.Values
		code int
	}{
		{base + "/" + esc("一.6") + "/split", url.Values{"text": {"甲"}, "text2": {" "}}, 400},
		{base + "/" + esc("一.6") + "/merge", url.Values{"with": {"一.6"}}, 400},
		{base + "/" + esc("九.9") + "/merge", url.Values{"with": {"一.6"}}, 404},
		{base, url.Values{"text": {""}, "units": {"市发改委"}}, 400},
		{base, url.Values{"text": {"x"}, "after": {"九.9"}}, 400},
	} {
		if res, _ := c.post(x.path, x.form, true); res.StatusCode != x.code {
			t.Errorf("POST %s %v: %d, want %d", x.path, x.form, res.StatusCode, x.code)
		}
	}

	m, ids := tasksOf(t, e.st)
	if len(ids) != 59 { // 58 + 1 added + 1 split off − 1 merged
		t.Errorf("%d tasks, want 59: %v", len(ids), ids)
	}
	pos := map[string]int{}
	for i, id := range ids {
		pos[id] = i
	}
	if pos["补1"] != pos["一.2"]+1 || pos["一.3-2"] != pos["一.3"]+1 {
		t.Errorf("added and split rows out of place: %v", ids[:8])
	}
	add := m["补1"]
	if add.Text != "补充任务：建立季度会商机制。" || unitsText(add.Units) != "市发改委（牵头）、市财政局（配合）" ||
		add.Deadline == nil || add.Deadline.Date != "2024-09-30" || add.Deadline.Quarter != "2024Q3" {
		t.Errorf("added task: %+v %+v", add, add.Deadline)
	}
	if m["一.3"].Text != "举办南北结对帮扶合作工作干部培训班。" || m["一.3-2"].Text != "组织培训学员赴无锡跟岗。" ||
		unitsText(m["一.3-2"].Units) != unitsText(m["一.3"].Units) || m["一.3-2"].Deadline.Raw != m["一.3"].Deadline.Raw {
		t.Errorf("split: %+v / %+v", m["一.3"], m["一.3-2"])
	}
	if _, ok := m["一.5"]; ok {
		t.Error("一.5 still there after merging it into 一.4")
	}
	merged := m["一.4"]
	if merged.Text != one4.Text+one5.Text {
		t.Errorf("merged text %q, want %q", merged.Text, one4.Text+one5.Text)
	}
	for _, u := range append(one4.Units, one5.Units...) {
		if !strings.Contains(unitsText(merged.Units), u.Name) {
			t.Errorf("merged task lacks unit %s: %s", u.Name, unitsText(merged.Units))
		}
	}
	hist, _ := e.st.History(sampleSlug)
	for _, h := range hist {
		if h.By != "office" || h.At == "" || h.Origin != "console" {
			t.Errorf("correction without who/when/where: %+v", h)
		}
	}
	log, _ := e.st.AuditLog(50)
	var acts []string
	for _, a := range log {
		acts = append(acts, a.Action)
	}
	for _, want := range []string{"新增任务", "拆分任务", "合并任务"} {
		if !strings.Contains(strings.Join(acts, " "), want) {
			t.Errorf("audit log lacks %s: %v", want, acts)
		}
	}
	// The 一.5 merged away is among the withdrawn and can be restored; the
	// review page shows the new rows.
	_, page := c.get("/notices/" + esc(sampleSlug))
	for _, want := range []string{`id="T补1"`, `id="T一.3-2"`, `id="W一.5"`} {
		if !strings.Contains(page, want) {
			t.Errorf("review page lacks %s", want)
		}
	}
	// The ledger rendered from the store has the rows where they are.
	res, body = c.get("/download/ledger/" + esc(sampleSlug) + ".xlsx")
	if res.StatusCode != 200 {
		t.Fatalf("ledger: %d", res.StatusCode)
	}
	wb, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	cells := cellsText(wb)
	for _, want := range []string{"补充任务：建立季度会商机制。", "组织培训学员赴无锡跟岗。", one4.Text + one5.Text} {
		if !strings.Contains(cells, want) {
			t.Errorf("ledger lacks %q", want)
		}
	}
	if i, j := strings.Index(cells, "举办南北结对帮扶合作工作干部培训班。"), strings.Index(cells, "组织培训学员赴无锡跟岗。"); i < 0 || j < i {
		t.Errorf("ledger: the split-off part is not behind its task (%d, %d)", i, j)
	}
	// The same through the API, with the token in the header.
	res, body = c.do("POST", "/api/notices/"+esc(sampleSlug)+"/tasks", "application/x-www-form-urlencoded",
		url.Values{"text": {"经 API 新增的任务。"}, "units": {"市教育局"}}.Encode(), map[string]string{"X-CSRF-Token": c.csrf})
	if res.StatusCode != 200 || !strings.Contains(body, `"task": "补2"`) {
		t.Errorf("API add: %d %s", res.StatusCode, body)
	}
	res, body = c.get("/api/tasks?quarter=2024Q3&status=" + url.QueryEscape("未报送"))
	if res.StatusCode != 200 || !strings.Contains(body, `"task": "补1"`) {
		t.Errorf("API task list: %d %.300s", res.StatusCode, body)
	}
	// A viewer and a unit user may do none of it.
	for _, who := range []string{"viewer", "edu"} {
		if res, _ := e.login(who).post(base, url.Values{"text": {"x"}, "units": {"市教育局"}}, true); res.StatusCode != 403 {
			t.Errorf("%s adding a task: %d", who, res.StatusCode)
		}
	}
}

// The unit directory edited in 设置 is stored and used by the next
// extraction (an upload): an alias gets its canonical name.
func TestDirectoryForm(t *testing.T) {
	e := newEnv(t, false)
	c := e.login("office")
	res, body := c.post("/settings/directory", url.Values{
		"unit_name": {"市发展改革委", "市教育局", ""}, "unit_aliases": {"市发改委、连云港市发展和改革委员会", "", ""},
		"group_name": {"相关县区", ""}, "group_members": {"东海县、灌云县", ""}}, true)
	if res.StatusCode != 303 {
		t.Fatalf("save directory: %d %s", res.StatusCode, body)
	}
	d, err := e.st.Directory()
	if err != nil || d == nil {
		t.Fatalf("directory in the store: %v %v", d, err)
	}
	dir, err := duban.ParseDirectory([]byte(d.YAML), "stored")
	if err != nil || len(dir.Units) != 2 || len(dir.Groups) != 1 || strings.Join(dir.Units[0].Aliases, ",") != "市发改委,连云港市发展和改革委员会" ||
		strings.Join(dir.Groups[0].Members, ",") != "东海县,灌云县" {
		t.Errorf("stored directory: %v %q", err, d.YAML)
	}
	_, page := c.get("/settings")
	if !strings.Contains(page, `value="市发改委、连云港市发展和改革委员会"`) {
		t.Error("设置 does not show the stored aliases")
	}
	// A name in two units is refused with the reason, and nothing changes.
	res, body = c.post("/settings/directory", url.Values{"unit_name": {"甲", "乙"}, "unit_aliases": {"丙", "丙"}}, true)
	if res.StatusCode != 400 || !strings.Contains(body, "单位名录有误") {
		t.Errorf("conflicting directory: %d %s", res.StatusCode, body)
	}
	if d2, _ := e.st.Directory(); d2.Hash != d.Hash {
		t.Error("a refused directory replaced the stored one")
	}
	// The next upload is extracted with it.
	data, _ := os.ReadFile(sample)
	mb, ct := multipartBody(t, c.csrf, map[string][]byte{"通知.txt": data})
	res, body = c.do("POST", "/notices/upload", ct, mb.String(), map[string]string{"Accept": "application/json"})
	if res.StatusCode != 200 || !strings.Contains(body, "extracted") {
		t.Fatalf("upload: %d %s", res.StatusCode, body)
	}
	n, err := e.st.Extracted(sampleSlug)
	if err != nil || n == nil {
		t.Fatal(err)
	}
	canon := 0
	for _, x := range n.Tasks {
		for _, u := range x.Units {
			if u.Name == "市发改委" && u.Canonical == "市发展改革委" {
				canon++
			}
		}
	}
	if canon == 0 {
		t.Error("the upload after saving the directory gave 市发改委 no canonical name 市发展改革委")
	}
}

// All unit sheets in one zip, rendered from the store as it is: every
// workbook opens and names its unit; a correction made a moment before is
// in it.
func TestZipAllUnits(t *testing.T) {
	e := newEnv(t, true)
	c := e.login("office")
	c.post("/notices/"+esc(sampleSlug)+"/tasks/"+esc("四.（三）.1"), url.Values{"text": {"深度推进挂职跟岗工作（已更正）。"}, "units": {"市教育局（责任）"}, "deadline": {"12月底前"}, "date": {"2024-12-31"}}, true)
	res, body := c.get("/download/units/all.zip")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("zip: %d %s %.200s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	zr, err := zip.NewReader(bytes.NewReader([]byte(body)), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	units, _ := e.srv.unitNames()
	xlsx, pdf := map[string]string{}, 0
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		switch filepath.Ext(f.Name) {
		case ".xlsx":
			wb, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Errorf("%s: %v", f.Name, err)
				continue
			}
			xlsx[strings.TrimSuffix(filepath.Base(f.Name), ".xlsx")] = cellsText(wb)
		case ".pdf":
			if !bytes.HasPrefix(data, []byte("%PDF-")) {
				t.Errorf("%s is no PDF", f.Name)
			}
			pdf++
		}
	}
	if len(xlsx) != len(units) || pdf != len(units) {
		t.Errorf("zip holds %d workbooks and %d PDFs for %d units", len(xlsx), pdf, len(units))
	}
	for _, u := range units {
		cells, ok := xlsx[u.Name]
		if !ok {
			t.Errorf("no workbook for %s", u.Name)
			continue
		}
		if !strings.Contains(cells, u.Name) {
			t.Errorf("%s.xlsx does not name its unit", u.Name)
		}
	}
	if !strings.Contains(xlsx["市教育局"], "深度推进挂职跟岗工作（已更正）。") {
		t.Error("the zip's 市教育局 sheet lacks the correction made before the download")
	}
	if res, _ := e.login("edu").get("/download/units/all.zip"); res.StatusCode != 403 {
		t.Errorf("unit user downloading every unit's sheet: %d", res.StatusCode)
	}
}

var taskLinkRe = regexp.MustCompile(`href="(/tasks\?[^"]+)"[^>]*>(\d+)<`)

// Every number of the 总览 links to the list of exactly that many tasks.
func TestOverviewLinks(t *testing.T) {
	e := newEnv(t, true)
	c := e.login("office")
	u := e.login("edu")
	for _, task := range []string{"四.（三）.3", "四.（三）.4"} {
		if res, body := u.do("POST", "/api/units/"+esc("市教育局")+"/reports", "application/json",
			`{"notice":"`+sampleSlug+`","task":"`+task+`","status":"已完成","detail":"办结"}`, map[string]string{"X-CSRF-Token": u.csrf}); res.StatusCode != 200 {
			t.Fatalf("report %s: %d %s", task, res.StatusCode, body)
		}
	}
	_, page := c.get("/overview?quarter=2024Q4&asof=2024-11-15")
	links := taskLinkRe.FindAllStringSubmatch(page, -1)
	t.Logf("%d linked numbers", len(links))
	if len(links) < 10 {
		t.Fatalf("%d linked numbers on the 总览", len(links))
	}
	rowRe := regexp.MustCompile(`<tr class="(overdue|neardue|)">`)
	for _, l := range links {
		href := strings.ReplaceAll(l[1], "&amp;", "&")
		want, _ := strconv.Atoi(l[2])
		res, body := c.get(href)
		if res.StatusCode != 200 {
			t.Errorf("%s: %d", href, res.StatusCode)
			continue
		}
		if got := len(rowRe.FindAllString(body, -1)); got != want {
			t.Errorf("%s lists %d tasks, the 总览 says %d", href, got, want)
		}
	}
}

// The review page shows the text as read from the store once the
// uploaded file is gone (a fresh console, so nothing is cached).
func TestReviewAfterFileMoved(t *testing.T) {
	e := newEnv(t, false)
	c := e.login("office")
	data, _ := os.ReadFile(sample)
	mb, ct := multipartBody(t, c.csrf, map[string][]byte{"通知.txt": data})
	if res, body := c.do("POST", "/notices/upload", ct, mb.String(), map[string]string{"Accept": "application/json"}); res.StatusCode != 200 {
		t.Fatalf("upload: %d %s", res.StatusCode, body)
	}
	ents, _ := os.ReadDir(filepath.Join(e.out, "uploads"))
	if len(ents) == 0 {
		t.Fatal("nothing under uploads/")
	}
	for _, f := range ents {
		os.Remove(filepath.Join(e.out, "uploads", f.Name()))
	}
	srv, err := New(e.srv.opt)
	if err != nil {
		t.Fatal(err)
	}
	e.srv = srv
	e.ts.Config.Handler = srv
	_, page := c.get("/notices/" + esc(sampleSlug))
	if strings.Contains(page, "原文件已不在") || !strings.Contains(page, "在无锡举办连云港市粮食推介会") || !strings.Contains(page, `<mark class="unit">`) {
		t.Errorf("review page after the file went: %.400s", page[strings.Index(page, `id="source"`):])
	}
	// Without the text in the store the page says which file is gone, by
	// the name it was sent with.
	e.st.Put("text/"+mustSum(t, e.st), []textLine(nil))
	fresh, err := New(e.srv.opt)
	if err != nil {
		t.Fatal(err)
	}
	e.ts.Config.Handler = fresh
	if _, page := c.get("/notices/" + esc(sampleSlug)); !strings.Contains(page, "通知.txt: 原文件已不在") {
		t.Errorf("review page without file or stored text: %.300s", page[strings.Index(page, `id="source"`):])
	}
}

// The console's snapshot, brought up to date report by report, gives each
// task the same latest reports as the store read afresh.
func TestSnapshotFollowsReports(t *testing.T) {
	e := newEnv(t, true)
	if _, err := e.srv.current(); err != nil {
		t.Fatal(err)
	}
	add := func(task, unit, round, status, detail string) {
		t.Helper()
		_, err := e.st.AddReport(store.Report{Slug: sampleSlug, Task: task, By: "t", Progress: duban.Progress{Unit: unit, Status: duban.Status(status), Detail: detail, Round: round}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.srv.current(); err != nil { // one snapshot per report
			t.Fatal(err)
		}
	}
	add("四.（三）.1", "市教育局", "2024Q3", "未启动", "a")
	add("四.（三）.1", "市教育局", "2024Q4", "按时推进", "b")
	add("四.（三）.2", "市教育局", "2024Q4", "滞后", "c")
	add("四.（三）.1", "市教育局", "2024Q4", "已完成", "d")
	add("一.1", "市发改委", "2024Q4", "已完成", "e")
	add("四.（三）.2", "市教育局", "2024Q4", "按时推进", "f")
	got, _, err := e.srv.notice(sampleSlug)
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := e.st.CurrentNotice(sampleSlug, reparse)
	if err != nil {
		t.Fatal(err)
	}
	progress := func(n *duban.Notice) map[string]string {
		m := map[string]string{}
		for _, x := range n.Tasks {
			for _, p := range x.Progress {
				m[x.ID+" "+p.Unit] = p.Round + " " + string(p.Status) + " " + p.Detail
			}
		}
		return m
	}
	g, w := progress(got), progress(want)
	if len(w) != 3 || w["四.（三）.1 市教育局"] != "2024Q4 已完成 d" {
		t.Fatalf("store's latest reports: %v", w)
	}
	for k, v := range w {
		if g[k] != v {
			t.Errorf("%s: snapshot %q, store %q", k, g[k], v)
		}
	}
	if len(g) != len(w) {
		t.Errorf("snapshot %v, store %v", g, w)
	}
}

func mustSum(t *testing.T, st *store.Store) string {
	n, err := st.Extracted(sampleSlug)
	if err != nil || n == nil {
		t.Fatal(err)
	}
	return n.Source.SHA256
}
