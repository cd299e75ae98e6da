package server

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/duban/duban"
	"github.com/duban/duban/store"
	"github.com/xuri/excelize/v2"
)

// chromiumPath finds the browser the tests drive; in CI (CI=true) its
// absence fails the tests, elsewhere it skips them.
func chromiumPath(t *testing.T) string {
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium not installed: .ci/run installs it (apt-get install -y chromium)")
	}
	t.Skip("browser tests skipped: chromium not installed (apt-get install -y chromium)")
	return ""
}

// browser starts headless Chromium at 1366×768 with a fresh profile.
func browser(t *testing.T) context.Context {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1366, 768),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(cancel3)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768)); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// shot saves a screenshot of the viewport when DUBAN_SCREENSHOTS names a
// folder.
func shot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("DUBAN_SCREENSHOTS")
	if dir == "" {
		return
	}
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644)
}

func run(t *testing.T, ctx context.Context, step string, acts ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, acts...); err != nil {
		stuck(t, ctx, step, err)
	}
}

// val runs an action that reads a value.
func val[T any](t *testing.T, ctx context.Context, step string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		stuck(t, ctx, step, err)
	}
	return v
}

func stuck(t *testing.T, ctx context.Context, step string, err error) {
	t.Helper()
	short, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	loc, _ := chromedp.Run(short, chromedp.Location())
	body, _ := chromedp.Run(short, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
	t.Fatalf("%s: %v (at %s)\n%.800s", step, err, loc, body)
}

// clearFlash removes the message of the last change, so that waiting for
// the next one waits for the next page.
var clearFlash = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	_, err := chromedp.Evaluate[bool](`document.querySelectorAll('.flash').forEach(function(e){e.remove()}), true`)(ctx, t)
	return err
})

func (e *testEnv) browserLogin(t *testing.T, ctx context.Context, name string) {
	run(t, ctx, "login as "+name,
		chromedp.Navigate(e.ts.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=name]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=name]`), name),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), pw),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.who`)),
	)
}

func (e *testEnv) browserLogout(t *testing.T, ctx context.Context) {
	run(t, ctx, "logout", chromedp.Click(chromedp.CSS(`.who button`)), chromedp.WaitVisible(chromedp.CSS(`input[name=password]`)))
}

// The whole loop in a real browser: the 督查室 uploads the sample, reviews
// it, corrects a deadline and a unit; 市教育局 logs in and reports progress
// on two tasks; the 督查室's 总览 shows them; the unit sheet and the 通报
// downloaded then carry the corrections (and what the renders carry of the
// progress).
func TestBrowserLoop(t *testing.T) {
	ctx := browser(t)
	e := newEnv(t, false)
	absSample, _ := filepath.Abs(sample)

	e.browserLogin(t, ctx, "office")
	shot(t, ctx, "1-notices-empty")
	run(t, ctx, "upload the sample with the file picker",
		chromedp.SetUploadFiles(chromedp.CSS(`#files`), []string{absSample}),
		chromedp.WaitVisible(chromedp.CSS(`#queue li.up-ok`)),
	)
	state := val(t, ctx, "upload state", chromedp.Text(chromedp.CSS(`#queue li`)))
	if !strings.Contains(state, "58 项任务") {
		t.Errorf("upload says %q", state)
	}
	run(t, ctx, "the list after the reload", chromedp.WaitVisible(chromedp.CSS(`table.list a[href^="/notices/"]`)))
	list := val(t, ctx, "read the list", chromedp.Text(chromedp.CSS(`table.list`)))
	for _, want := range []string{"连政办发〔2024〕22号", "58", "待审核"} {
		if !strings.Contains(list, want) {
			t.Errorf("notice list lacks %q: %s", want, list)
		}
	}
	// Drag-and-drop of several files; those that fail say why in the list.
	run(t, ctx, "drop two bad files",
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(function(){
				var dt = new DataTransfer();
				dt.items.add(new File(["not a pdf at all"], "扫描件.pdf", {type: "application/pdf"}));
				dt.items.add(new File(["MZ"], "setup.exe"));
				var d = document.getElementById("drop");
				d.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
				d.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
				return true;})()`)(ctx, tg)
			return err
		}),
		chromedp.WaitVisible(chromedp.CSS(`#queue li.up-failed + li.up-failed`)),
	)
	queue := val(t, ctx, "queue", chromedp.Text(chromedp.CSS(`#queue`)))
	for _, want := range []string{"扫描件.pdf", "不是 PDF 文件", "setup.exe", "不支持的文件类型"} {
		if !strings.Contains(queue, want) {
			t.Errorf("dropped files: the list lacks %q:\n%s", want, queue)
		}
	}
	shot(t, ctx, "2-notices-dropped")
	run(t, ctx, "the list after the reload", chromedp.WaitVisible(chromedp.CSS(`ul.uploads li.up-failed`)))
	shot(t, ctx, "2-notices")

	// 审核: click a task, its source line is marked and in view.
	review := e.ts.URL + "/notices/" + esc(sampleSlug)
	run(t, ctx, "open the review page and click a task",
		chromedp.Navigate(review),
		chromedp.WaitVisible(chromedp.CSS(`#source .line`)),
		chromedp.Click(chromedp.CSS(`article[id="T四.（三）.1"] a.tid`)),
		chromedp.Sleep(300*time.Millisecond),
	)
	hit := val(t, ctx, "source line in view", chromedp.Evaluate[bool](`(function(){var l=document.querySelector('#source .line.hit'); if(!l) return false;
			var r=l.getBoundingClientRect(), s=document.getElementById('source').getBoundingClientRect();
			return l.dataset.task==='四.（三）.1' && r.top>=s.top && r.bottom<=s.bottom;})()`))
	if !hit {
		t.Errorf("clicking task 四.（三）.1 did not scroll its source line into view and mark it")
	}
	marks := val(t, ctx, "highlighted spans", chromedp.Evaluate[int](`document.querySelectorAll('#source mark.unit').length + document.querySelectorAll('#source mark.deadline').length`))
	if marks < 58 {
		t.Errorf("%d highlighted unit/deadline spans in the text, want at least one per task", marks)
	}
	shot(t, ctx, "3-review")

	// Correct one deadline, one unit, and put HTML into a task's text.
	run(t, ctx, "correct the deadline of 四.（三）.1",
		chromedp.SetValue(chromedp.CSS(`article[id="T四.（三）.1"] input[name=deadline]`), "11月20日前"),
		clearFlash,
		chromedp.Click(chromedp.CSS(`article[id="T四.（三）.1"] button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	run(t, ctx, "correct the units of 四.（三）.2",
		chromedp.SetValue(chromedp.CSS(`article[id="T四.（三）.2"] input[name=units]`), "市教育局（牵头）、市体育局（配合）"),
		clearFlash,
		chromedp.Click(chromedp.CSS(`article[id="T四.（三）.2"] button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	const evil = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>推进“双师课堂”`
	run(t, ctx, "HTML into the text of 四.（三）.5",
		chromedp.SetValue(chromedp.CSS(`article[id="T四.（三）.5"] textarea[name=text]`), evil),
		clearFlash,
		chromedp.Click(chromedp.CSS(`article[id="T四.（三）.5"] button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	run(t, ctx, "read back", chromedp.Navigate(review), chromedp.WaitVisible(chromedp.CSS(`#source .line`)))
	date := val(t, ctx, "date", chromedp.Value(chromedp.CSS(`article[id="T四.（三）.1"] input[name=date]`)))
	xss := val(t, ctx, "xss", chromedp.Evaluate[string](`String(window.__xss)`))
	shown := val(t, ctx, "text", chromedp.Value(chromedp.CSS(`article[id="T四.（三）.5"] textarea[name=text]`)))
	if date != "2024-11-20" {
		t.Errorf("date after correcting 完成时限 to 11月20日前: %q, want 2024-11-20", date)
	}
	if xss != "undefined" || shown != evil {
		t.Errorf("HTML in a task's text: window.__xss=%s, shown %q", xss, shown)
	}
	run(t, ctx, "mark reviewed", clearFlash, chromedp.Click(chromedp.CSS(`#mark-reviewed`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	cs, _ := e.st.History(sampleSlug)
	if len(cs) != 3 {
		t.Errorf("corrections in the store: %+v", cs)
	}
	for _, c := range cs {
		if c.By != "office" || c.Origin != "console" || c.At == "" {
			t.Errorf("correction without who/when/where: %+v", c)
		}
	}
	if rev, _ := e.st.Reviewed(sampleSlug); rev == nil || rev.By != "office" {
		t.Errorf("review mark: %+v", rev)
	}

	// Split 四.（三）.2 in two and add a task the extraction missed behind
	// 四.（三）.1: both corrections in the store, shown in place.
	t6 := val(t, ctx, "text of 四.（三）.2", chromedp.Value(chromedp.CSS(`article[id="T四.（三）.2"] textarea[name=text]`)))
	cut := strings.IndexRune(t6, '。') + len("。")
	if cut <= 0 {
		cut = len(t6) / 2
		for !utf8.RuneStart(t6[cut]) {
			cut++
		}
	}
	first, second := t6[:cut], t6[cut:]
	run(t, ctx, "split 四.（三）.2",
		chromedp.Click(chromedp.CSS(`article[id="T四.（三）.2"] details.more summary`)),
		chromedp.SetValue(chromedp.CSS(`article[id="T四.（三）.2"] .split-form textarea[name=text]`), first),
		chromedp.SetValue(chromedp.CSS(`article[id="T四.（三）.2"] .split-form textarea[name=text2]`), second),
		chromedp.ScrollIntoView(chromedp.CSS(`article[id="T四.（三）.2"] .split-form`)),
	)
	shot(t, ctx, "3-review-split-form")
	run(t, ctx, "split 四.（三）.2",
		clearFlash,
		chromedp.Click(chromedp.CSS(`article[id="T四.（三）.2"] .split-form button`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	shot(t, ctx, "3-review-split")
	run(t, ctx, "add a task behind 四.（三）.1",
		chromedp.ScrollIntoView(chromedp.CSS(`#add-task`)),
		chromedp.SetValue(chromedp.CSS(`#add-task textarea[name=text]`), "建立两市教育帮扶工作季度会商机制。"),
		chromedp.SetValue(chromedp.CSS(`#add-task input[name=units]`), "市教育局（牵头）"),
		chromedp.SetValue(chromedp.CSS(`#add-task input[name=deadline]`), "12月底前"),
		chromedp.SetValue(chromedp.CSS(`#add-task select[name=after]`), "四.（三）.1"),
		clearFlash,
		chromedp.Click(chromedp.CSS(`#add-task button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	shot(t, ctx, "3-review-added")
	order := val(t, ctx, "task order", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('section.tasks article.task[id^="T"]')).map(a=>a.id.slice(1))`))
	pos := map[string]int{}
	for i, id := range order {
		pos[id] = i
	}
	if p1, ok := pos["补1"]; !ok || p1 != pos["四.（三）.1"]+1 {
		t.Errorf("added task 补1 not right behind 四.（三）.1: %v", order)
	}
	if p2, ok := pos["四.（三）.2-2"]; !ok || p2 != pos["四.（三）.2"]+1 {
		t.Errorf("split part 四.（三）.2-2 not right behind 四.（三）.2: %v", order)
	}
	if got := val(t, ctx, "added task's date", chromedp.Value(chromedp.CSS(`article[id="T补1"] input[name=date]`))); got != "2024-12-31" {
		t.Errorf("added task dated %q from 12月底前, want 2024-12-31", got)
	}
	cur, _, _ := e.st.Notice(sampleSlug, reparse)
	byID := map[string]duban.Task{}
	for _, x := range cur.Tasks {
		byID[x.ID] = x
	}
	if a, b := byID["四.（三）.2"], byID["四.（三）.2-2"]; a.Text != first || b.Text != second || unitsText(b.Units) != unitsText(a.Units) {
		t.Errorf("split in the store: %q + %q (units %s / %s), want %q + %q", a.Text, b.Text, unitsText(a.Units), unitsText(b.Units), first, second)
	}
	if len(cur.Tasks) != 60 {
		t.Errorf("%d tasks after one split and one add, want 60", len(cur.Tasks))
	}
	hist, _ := e.st.History(sampleSlug)
	fields := map[string]int{}
	for _, c := range hist[3:] {
		fields[c.Field]++
		if c.By != "office" || c.At == "" {
			t.Errorf("correction without who/when: %+v", c)
		}
	}
	if fields[store.FieldAdded] != 2 || fields[store.FieldText] != 1 {
		t.Errorf("split and add as corrections: %v", fields)
	}
	e.browserLogout(t, ctx)

	// 市教育局 reports on two tasks.
	e.browserLogin(t, ctx, "edu")
	loc := val(t, ctx, "lands on its unit", chromedp.Location())
	if !strings.Contains(loc, "/units/") {
		t.Errorf("unit user lands on %s", loc)
	}
	shot(t, ctx, "5-unit")
	report := func(task, status, detail string) {
		row := `tr[id="T` + sampleSlug + `/` + task + `"]`
		run(t, ctx, "report on "+task,
			chromedp.Click(chromedp.CSS(row+` summary`)),
			chromedp.SetValue(chromedp.CSS(row+` select[name=status]`), status),
			chromedp.SetValue(chromedp.CSS(row+` textarea[name=detail]`), detail),
			chromedp.SetValue(chromedp.CSS(row+` textarea[name=problems]`), "经费待落实"),
			chromedp.SetValue(chromedp.CSS(row+` input[name=done_date]`), "2024-11-10"),
			clearFlash,
			chromedp.Click(chromedp.CSS(row+` button.primary`)),
			chromedp.WaitVisible(chromedp.CSS(`.flash`)),
		)
	}
	report("四.（三）.3", "已完成", "已组织校长互访三批次")
	report("四.（三）.4", "滞后", "教师交流名单尚未确定")
	unitText := val(t, ctx, "the unit page after reporting", chromedp.Text(chromedp.CSS(`table.list`)))
	for _, want := range []string{"已组织校长互访三批次", "教师交流名单尚未确定", "临期"} {
		if !strings.Contains(unitText, want) {
			t.Errorf("unit page lacks %q", want)
		}
	}
	shot(t, ctx, "5-unit-reported")
	rs, _ := e.st.Reports(sampleSlug)
	if len(rs) != 2 || rs[0].By != "edu" || rs[0].Unit != "市教育局" {
		t.Errorf("reports in the store: %+v", rs)
	}
	e.browserLogout(t, ctx)

	// The 督查室's 总览.
	e.browserLogin(t, ctx, "office")
	run(t, ctx, "overview",
		chromedp.Navigate(e.ts.URL+"/overview?quarter=2024Q4&asof=2024-11-15"),
		chromedp.WaitVisible(chromedp.CSS(`table.rank`)),
	)
	ov := val(t, ctx, "overview text", chromedp.Text(chromedp.CSS(`main`)))
	for _, want := range []string{"已组织校长互访三批次", "教师交流名单尚未确定", "市教育局 · 四（三）1", "市体育局"} {
		if !strings.Contains(ov, want) {
			t.Errorf("总览 lacks %q", want)
		}
	}
	done := val(t, ctx, "已完成 count", chromedp.Text(`//table[contains(@class,"bars")]//tr[th="已完成"]/td[2]`))
	behind := val(t, ctx, "滞后 count", chromedp.Text(`//table[contains(@class,"bars")]//tr[th="滞后"]/td[2]`))
	if done != "1" || behind != "1" {
		t.Errorf("总览 counts 已完成 %s, 滞后 %s; want 1 and 1", done, behind)
	}
	shot(t, ctx, "6-overview")
	run(t, ctx, "the 已完成 count links to its tasks",
		chromedp.Click(`//table[contains(@class,"bars")]//tr[th="已完成"]/td[2]/a`),
		chromedp.WaitVisible(chromedp.CSS(`table.tasks-list`)),
	)
	listed := val(t, ctx, "tasks listed", chromedp.Text(chromedp.CSS(`table.tasks-list tbody`)))
	if !strings.Contains(listed, "四（三）3") || strings.Contains(listed, "四（三）4") {
		t.Errorf("the 已完成 list: %s", listed)
	}
	shot(t, ctx, "6-overview-tasks")
	for _, p := range []struct{ path, name string }{{"/units", "4-units"}, {"/downloads", "7-downloads"}, {"/settings", "8-settings"}} {
		run(t, ctx, p.path, chromedp.Navigate(e.ts.URL+p.path), chromedp.WaitVisible(chromedp.CSS(`main h1`)))
		shot(t, ctx, p.name)
	}
	run(t, ctx, "the unit directory in 设置",
		chromedp.SetValue(chromedp.CSS(`table.dir input[name=unit_name]`), "市发展改革委"),
		chromedp.SetValue(chromedp.CSS(`table.dir input[name=unit_aliases]`), "市发改委、连云港市发展和改革委员会"),
		clearFlash,
		chromedp.Click(chromedp.CSS(`#save-directory`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
		chromedp.ScrollIntoView(chromedp.CSS(`#directory`)),
	)
	shot(t, ctx, "8-settings-directory")
	if d, _ := e.st.Directory(); d == nil || !strings.Contains(d.YAML, "连云港市发展和改革委员会") {
		t.Errorf("directory saved in the browser: %+v", d)
	}
	audit := val(t, ctx, "audit log", chromedp.Text(chromedp.CSS(`table.audit`)))
	for _, want := range []string{"上传", "更正", "标记已审核", "报送进展"} {
		if !strings.Contains(audit, want) {
			t.Errorf("audit log lacks %q", want)
		}
	}

	// Downloads with the browser's session.
	cres, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{})
	if err != nil {
		t.Fatal(err)
	}
	cookies := cres.Cookies
	get := func(path string) *excelize.File {
		req, _ := http.NewRequest("GET", e.ts.URL+path, nil)
		for _, c := range cookies {
			req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil || res.StatusCode != 200 {
			t.Fatalf("GET %s: %v %v", path, err, res.StatusCode)
		}
		defer res.Body.Close()
		f, err := excelize.OpenReader(res.Body)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return f
	}
	sheet := cellsText(get("/download/unit/" + esc("市教育局") + ".xlsx"))
	for _, want := range []string{"市教育局", "四（三）1", "11月20日前", "2024-11-20", "市体育局", "四（三）3", "四（三）4"} {
		if !strings.Contains(sheet, want) {
			t.Errorf("downloaded unit sheet lacks %q", want)
		}
	}
	report4 := cellsText(get("/download/quarterly/2024Q4.xlsx?asof=2024-11-15"))
	for _, want := range []string{"市教育局", "四（三）3", "四（三）4", "市体育局"} {
		if !strings.Contains(report4, want) {
			t.Errorf("downloaded 2024Q4 通报 lacks %q", want)
		}
	}
	// The 通报 counts the reports by status and quotes the unit's own words
	// for the task behind; the unit sheet shows each report.
	bulletin := cellsText(get("/download/bulletin/2024Q4.xlsx?asof=2024-11-15"))
	for _, want := range []string{"市教育局", "已完成", "滞后", "教师交流名单尚未确定"} {
		if !strings.Contains(bulletin, want) {
			t.Errorf("downloaded 2024Q4 通报 lacks %q", want)
		}
	}
	for _, want := range []string{"已完成", "滞后"} {
		if !strings.Contains(sheet, want) {
			t.Errorf("downloaded unit sheet lacks the reported status %q", want)
		}
	}
	ret := cellsText(get("/download/return/" + esc("市教育局") + ".xlsx?asof=2024-11-15"))
	for _, want := range []string{"四.（三）.3", "已完成", "已组织校长互访三批次", "四.（三）.4", "滞后", "教师交流名单尚未确定", "经费待落实", "2024-11-20"} {
		if !strings.Contains(ret, want) {
			t.Errorf("downloaded return sheet lacks %q", want)
		}
	}
}

// cellsText joins every cell of every sheet.
func cellsText(f *excelize.File) string {
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t"))
			b.WriteByte('\n')
		}
	}
	return b.String()
}
