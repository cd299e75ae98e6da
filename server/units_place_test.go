package server

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/duban/duban"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/pipeline"
	"github.com/duban/duban/returns"
	"github.com/duban/duban/store"
	"github.com/xuri/excelize/v2"
	"golang.org/x/crypto/bcrypt"
)

// placeNotice is a small notice of a city's government office whose tasks
// name 市发改委, as the two cities' notices of the place test do.
func placeNotice(doc, city, work string) string {
	return fmt.Sprintf(`%s

市政府办公室关于印发%s2024年%s工作要点的通知

各县、区人民政府，市各委办局：

《%s2024年%s工作要点》已经市政府同意，现印发给你们，请认真贯彻落实。

%s人民政府办公室

2024 年 4 月 8 日

%s2024年%s工作要点

一、重点任务

1. 编制%s年度项目计划。（责任单位：市发改委，完成时间：6 月底前）

2. 建立%s项目资金保障机制。（责任单位：市发改委、市财政局，完成时间：9 月底前）

3. 开展%s专项督查。（责任单位：市政府督查室，完成时间：12 月底前）

%s人民政府办公室

2024年4月8日印发
`, doc, city, work, city, work, city, city, work, work, work, work, city)
}

const (
	lygDoc = "连政办发〔2024〕31号"
	wxDoc  = "锡政办发〔2024〕17号"
	lygFGW = "市发改委（连云港市）"
	wxFGW  = "市发改委（无锡市）"
)

// placeEnv is a console whose store holds a 连云港 and a 无锡 notice, both
// naming 市发改委, with unit users of each city's 市发改委.
func placeEnv(t *testing.T) (*testEnv, map[string]string) {
	e := newEnv(t, false)
	in := t.TempDir()
	for name, text := range map[string]string{
		"lyg.txt": placeNotice(lygDoc, "连云港市", "港口物流"),
		"wx.txt":  placeNotice(wxDoc, "无锡市", "集成电路"),
	} {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := pipeline.Run(context.Background(), pipeline.Options{Inputs: []string{in}, Out: e.out, Formats: []string{"xlsx"}, Jobs: 1, AsOf: testNow})
	if err != nil || sum.Failed() {
		t.Fatalf("run: %v %+v", err, sum)
	}
	slugs := map[string]string{}
	ss, _ := e.st.Slugs()
	for _, sl := range ss {
		n, _ := e.st.Extracted(sl)
		slugs[n.DocNumber] = sl
		if len(n.Tasks) != 3 {
			t.Fatalf("%s: %d tasks, want 3", n.DocNumber, len(n.Tasks))
		}
	}
	if len(slugs) != 2 {
		t.Fatalf("notices %v", slugs)
	}
	for name, unit := range map[string]string{"fgw-lyg": lygFGW, "fgw-wx": wxFGW} {
		h, _ := HashPassword(pw, bcrypt.MinCost)
		if err := e.st.AddAccount(store.Account{Name: name, Role: store.RoleUnit, Unit: unit, Hash: h}); err != nil {
			t.Fatal(err)
		}
	}
	return e, slugs
}

// Two cities' notices both naming 市发改委: the console keeps the two units
// apart as the command line does — unit list, unit pages, a unit user's
// binding, progress, return sheets, downloads and 总览 — and a unit user
// of one city gets 403 on the other's tasks and files.
func TestSameUnitOfTwoPlacesInConsole(t *testing.T) {
	e, slugs := placeEnv(t)
	office := e.login("office")

	// 单位: two units, no plain 市发改委; 市财政局 of each city likewise.
	_, page := office.get("/units")
	for _, want := range []string{lygFGW, wxFGW, "市财政局（连云港市）", "市财政局（无锡市）"} {
		if !strings.Contains(page, ">"+want+"<") {
			t.Errorf("unit list lacks %s", want)
		}
	}
	if strings.Contains(page, ">市发改委<") {
		t.Error("unit list still has a plain 市发改委")
	}

	// A unit user sees its city's tasks only.
	lyg, wx := e.login("fgw-lyg"), e.login("fgw-wx")
	var ts []unitTask
	res, body := lyg.get("/api/units/" + esc(lygFGW) + "/tasks")
	if res.StatusCode != 200 || json.Unmarshal([]byte(body), &ts) != nil {
		t.Fatalf("tasks of %s: %d %s", lygFGW, res.StatusCode, body)
	}
	if len(ts) != 2 {
		t.Errorf("%s has %d tasks, want 2: %+v", lygFGW, len(ts), ts)
	}
	for _, x := range ts {
		if x.Slug != slugs[lygDoc] || x.Unit != lygFGW || x.Name != "市发改委" {
			t.Errorf("task of %s: %+v", lygFGW, x)
		}
	}
	_, page = lyg.get("/units/" + esc(lygFGW))
	if !strings.Contains(page, lygDoc) || strings.Contains(page, wxDoc) {
		t.Errorf("%s's page shows the wrong notices", lygFGW)
	}
	for _, p := range []string{"/units/" + esc(wxFGW), "/api/units/" + esc(wxFGW) + "/tasks",
		"/download/unit/" + esc(wxFGW) + ".xlsx", "/download/return/" + esc(wxFGW) + ".xlsx",
		"/download/calendar/" + esc(wxFGW) + ".ics", "/download/unit/" + esc("市发改委") + ".xlsx"} {
		if res, _ := lyg.get(p); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s as fgw-lyg: %d, want 403", p, res.StatusCode)
		}
	}

	// Progress by form: kept under the name the records give the unit.
	report := func(c *client, unit, slug, task, detail string) int {
		res, _ := c.post("/units/"+esc(unit)+"/report", url.Values{"notice": {slug}, "task": {task}, "status": {"按时推进"}, "detail": {detail}}, true)
		return res.StatusCode
	}
	if code := report(lyg, lygFGW, slugs[lygDoc], "一.1", "连云港的进展"); code != http.StatusSeeOther {
		t.Fatalf("report: %d", code)
	}
	if code := report(lyg, wxFGW, slugs[wxDoc], "一.1", "x"); code != http.StatusForbidden {
		t.Errorf("report for the other city's unit: %d", code)
	}
	if code := report(lyg, lygFGW, slugs[wxDoc], "一.1", "x"); code != http.StatusNotFound {
		t.Errorf("report on the other city's task under its own unit: %d", code)
	}
	rs, _ := e.st.Reports(slugs[lygDoc])
	if len(rs) != 1 || rs[0].Unit != "市发改委" || rs[0].Task != "一.1" || rs[0].Detail != "连云港的进展" {
		t.Errorf("reports of %s: %+v", lygDoc, rs)
	}
	if rs, _ := e.st.Reports(slugs[wxDoc]); len(rs) != 0 {
		t.Errorf("reports of %s: %+v", wxDoc, rs)
	}

	// The return sheet of 无锡's 市发改委, filled and uploaded by its user;
	// the same sheet sent by 连云港's user is refused.
	res, sheet := wx.get("/download/return/" + esc(wxFGW) + ".xlsx")
	if res.StatusCode != 200 {
		t.Fatalf("return sheet: %d", res.StatusCode)
	}
	filled := fillReturn(t, []byte(sheet), "一.2", "已完成", "无锡填报单的进展")
	send := func(c *client, unit string, data []byte) (*http.Response, string) {
		body, ct := multipartBody(t, c.csrf, map[string][]byte{"填报单.xlsx": data})
		return c.do("POST", "/units/"+esc(unit)+"/returns", ct, body.String(), map[string]string{"Accept": "application/json"})
	}
	if res, out := send(lyg, lygFGW, filled); res.StatusCode != http.StatusForbidden || !strings.Contains(out, wxFGW) {
		t.Errorf("无锡's sheet sent by fgw-lyg: %d %s", res.StatusCode, out)
	}
	if res, out := send(wx, wxFGW, filled); res.StatusCode != 200 || !strings.Contains(out, `"imported": 1`) {
		t.Fatalf("无锡's sheet: %d %s", res.StatusCode, out)
	}
	rs, _ = e.st.Reports(slugs[wxDoc])
	if len(rs) != 1 || rs[0].Unit != "市发改委" || rs[0].Task != "一.2" || rs[0].Status != "已完成" || rs[0].By != "fgw-wx" {
		t.Errorf("reports of %s: %+v", wxDoc, rs)
	}

	// A sheet of the plain name listing both cities' tasks (what an account
	// still bound to 市发改委 could make) is refused whole, naming the rows.
	var rn []returns.Notice
	for _, sl := range slugs {
		n, _, _ := e.st.CurrentNotice(sl, reparse)
		rn = append(rn, returns.Notice{Slug: sl, Notice: n})
	}
	var both returns.Sheet
	for _, s := range returns.Sheets(rn, returns.Options{AsOf: testNow}) {
		if s.Unit == lygFGW || s.Unit == wxFGW {
			both.Rows, both.Slugs = append(both.Rows, s.Rows...), s.Slugs
		}
	}
	both.Unit = "市发改委"
	wb, err := both.Workbook(returns.Options{AsOf: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	wb.Write(&buf)
	plain := e.login("fgw") // bound to 市发改委 before 无锡's notice came
	if res, out := send(plain, "市发改委", fillReturn(t, buf.Bytes(), "一.1", "已完成", "伪造")); res.StatusCode != http.StatusForbidden || !strings.Contains(out, "另一地区") {
		t.Errorf("plain-name sheet of both cities: %d %s", res.StatusCode, out)
	}
	// That account sees no task and is told why; it reports on none.
	_, page = plain.get("/units/" + esc("市发改委"))
	if !strings.Contains(page, "不同地区发文的同名单位") || !strings.Contains(page, lygFGW) || strings.Contains(page, lygDoc) {
		t.Errorf("plain-bound unit page: %.600s", page[strings.Index(page, "<main"):])
	}
	if code := report(plain, "市发改委", slugs[lygDoc], "一.1", "x"); code != http.StatusNotFound {
		t.Errorf("plain-bound report: %d", code)
	}
	if _, page := office.get("/settings"); !strings.Contains(page, "请改绑到") {
		t.Error("设置 does not flag the account bound to the plain name")
	}

	// Downloads: each city's unit sheet holds its own tasks and statuses.
	for unit, want := range map[string][2]string{lygFGW: {lygDoc, "按时推进"}, wxFGW: {wxDoc, "已完成"}} {
		res, body := office.get("/download/unit/" + esc(unit) + ".xlsx")
		if res.StatusCode != 200 {
			t.Fatalf("unit sheet %s: %d", unit, res.StatusCode)
		}
		f, err := excelize.OpenReader(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		cells := cellsText(f)
		other := wxDoc
		if unit == wxFGW {
			other = lygDoc
		}
		if !strings.Contains(cells, unit) || !strings.Contains(cells, want[0]) || !strings.Contains(cells, want[1]) || strings.Contains(cells, other) {
			t.Errorf("unit sheet of %s: %.400s", unit, cells)
		}
	}
	res, body = office.get("/download/units/all.zip")
	zr, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
	if res.StatusCode != 200 || err != nil {
		t.Fatalf("zip: %d %v", res.StatusCode, err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	for _, want := range []string{lygFGW + ".xlsx", wxFGW + ".pdf"} {
		if !slices.Contains(names, want) {
			t.Errorf("zip lacks %s: %v", want, names)
		}
	}

	// 总览 of 2024Q3 (the 9 月底前 tasks): a rate per city's unit.
	var o overview
	res, body = office.get("/api/overview?quarter=2024Q3&asof=2024-11-15")
	if res.StatusCode != 200 || json.Unmarshal([]byte(body), &o) != nil {
		t.Fatalf("overview: %d %s", res.StatusCode, body)
	}
	rate := map[string]float64{}
	for _, u := range o.Units {
		rate[u.Unit] = u.Rate
	}
	if r, ok := rate[wxFGW]; !ok || r != 1 {
		t.Errorf("总览 rate of %s: %v (%v)", wxFGW, r, rate)
	}
	if r, ok := rate[lygFGW]; !ok || r != 0 {
		t.Errorf("总览 rate of %s: %v (%v)", lygFGW, r, rate)
	}
	if _, ok := rate["市发改委"]; ok {
		t.Errorf("总览 has a plain 市发改委: %v", rate)
	}
}

// fillReturn sets the 完成状态 and 具体进展 of task's row on a return sheet.
func fillReturn(t *testing.T, data []byte, task, status, detail string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	sh := f.GetSheetList()[0]
	rows, _ := f.GetRows(sh)
	filled := 0
	for r := 1; r <= len(rows); r++ {
		// Column B shows the number as the notice writes it (一、2).
		if id, _ := f.GetCellValue(sh, fmt.Sprintf("B%d", r)); id == (duban.Task{ID: task}).Number() {
			f.SetCellValue(sh, fmt.Sprintf("I%d", r), status)
			f.SetCellValue(sh, fmt.Sprintf("J%d", r), detail)
			filled++
		}
	}
	if filled == 0 {
		t.Fatalf("row of %s not found in the return sheet", task)
	}
	var buf bytes.Buffer
	f.Write(&buf)
	return buf.Bytes()
}

// A task assigned to a collective name (相关县区) reaches its members as on
// the unit sheets, once the directory lists them: 东海县's page lists it
// 经相关县区, 东海县's user reports on it under its own name (as `duban
// import` keeps a member's return sheet row), and its sheet lists it; the
// directory saved in 设置 is used at once.
func TestGroupMembersInConsole(t *testing.T) {
	e := newEnv(t, true)
	office := e.login("office")
	h, _ := HashPassword(pw, bcrypt.MinCost)
	if err := e.st.AddAccount(store.Account{Name: "dh", Role: store.RoleUnit, Unit: "东海县", Hash: h}); err != nil {
		t.Fatal(err)
	}
	dh := e.login("dh")
	const task = "四.（一）.8" // 市农业农村局、相关县区
	has := func() *unitTask {
		var ts []unitTask
		_, body := dh.get("/api/units/" + esc("东海县") + "/tasks")
		json.Unmarshal([]byte(body), &ts)
		for i := range ts {
			if ts[i].Task == task {
				return &ts[i]
			}
		}
		return nil
	}
	if has() != nil {
		t.Fatalf("东海县 has %s before the directory names it a member of 相关县区", task)
	}
	res, body := office.post("/settings/directory", url.Values{"group_name": {"相关县区"}, "group_members": {"东海县、灌云县"}}, true)
	if res.StatusCode != 303 {
		t.Fatalf("directory: %d %s", res.StatusCode, body)
	}
	x := has()
	if x == nil || x.Via != "相关县区" || x.Name != "东海县" || !strings.HasPrefix(x.Role, "经相关县区") {
		t.Fatalf("东海县's %s after the directory: %+v", task, x)
	}
	res, body = dh.post("/units/"+esc("东海县")+"/report", url.Values{"notice": {sampleSlug}, "task": {task}, "status": {"滞后"}, "detail": {"东海县的进展"}}, true)
	if res.StatusCode != 303 {
		t.Fatalf("report: %d %s", res.StatusCode, body)
	}
	rs, _ := e.st.Reports(sampleSlug)
	if len(rs) != 1 || rs[0].Unit != "东海县" || rs[0].Task != task {
		t.Errorf("reports: %+v", rs)
	}
	if x := has(); x == nil || x.Status != "滞后" {
		t.Errorf("东海县's %s after reporting: %+v", task, x)
	}
	res, body = dh.get("/download/unit/" + esc("东海县") + ".xlsx")
	f, err := excelize.OpenReader(strings.NewReader(body))
	if res.StatusCode != 200 || err != nil {
		t.Fatalf("东海县's sheet: %d %v", res.StatusCode, err)
	}
	// The row, and 进展情况 showing 东海县's own report (滞后), as the
	// console does.
	if cells := cellsText(f); !strings.Contains(cells, duban.Task{ID: task}.Number()) || !strings.Contains(cells, "经相关县区") || !strings.Contains(cells, "滞后") {
		t.Errorf("东海县's sheet: %.800s", cells)
	}
}
