package server

import (
	"bytes"
	"fmt"
	"github.com/duban/duban/store"
	"golang.org/x/crypto/bcrypt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// routes lists every route with a sample path (the mux's patterns).
var routes = []struct{ method, path string }{
	{"GET", "/"}, {"GET", "/notices"}, {"POST", "/notices/upload"}, {"GET", "/notices/" + esc(sampleSlug)},
	{"POST", "/notices/" + esc(sampleSlug) + "/tasks/" + esc("一.1")}, {"POST", "/notices/" + esc(sampleSlug) + "/reviewed"},
	{"GET", "/units"}, {"GET", "/units/" + esc("市教育局")}, {"POST", "/units/" + esc("市教育局") + "/report"},
	{"GET", "/overview"}, {"GET", "/downloads"}, {"GET", "/download/unit/" + esc("市教育局") + ".xlsx"},
	{"GET", "/download/ledger/" + esc(sampleSlug) + ".pdf"}, {"GET", "/download/quarterly/2024Q4.xlsx"}, {"GET", "/download/bulletin/2024Q4.pdf"},
	{"GET", "/settings"}, {"POST", "/settings/accounts"}, {"POST", "/logout"},
	{"GET", "/api/notices"}, {"GET", "/api/notices/" + esc(sampleSlug)}, {"GET", "/api/units/" + esc("市教育局") + "/tasks"},
	{"POST", "/api/units/" + esc("市教育局") + "/reports"}, {"GET", "/api/overview"}, {"POST", "/api/logout"},
	{"GET", "/api/download/unit/" + esc("市教育局") + ".xlsx"},
	{"POST", "/units/" + esc("市教育局") + "/returns"}, {"POST", "/api/units/" + esc("市教育局") + "/returns"},
	{"GET", "/download/return/" + esc("市教育局") + ".xlsx"}, {"GET", "/download/calendar/" + esc("市教育局") + ".ics"},
	{"POST", "/notices/" + esc(sampleSlug) + "/tasks"}, {"POST", "/notices/" + esc(sampleSlug) + "/tasks/" + esc("一.1") + "/split"},
	{"POST", "/notices/" + esc(sampleSlug) + "/tasks/" + esc("一.1") + "/merge"}, {"POST", "/settings/directory"},
	{"GET", "/download/units/all.zip"}, {"GET", "/api/download/units/all.zip"}, {"GET", "/tasks?quarter=2024Q4"},
	{"GET", "/api/tasks?quarter=2024Q4"}, {"POST", "/api/notices/" + esc(sampleSlug) + "/tasks"},
	{"POST", "/api/notices/" + esc(sampleSlug) + "/tasks/" + esc("一.1") + "/split"}, {"POST", "/api/notices/" + esc(sampleSlug) + "/tasks/" + esc("一.1") + "/merge"},
}

// Without a session every page redirects to the login and every API call
// and form post is refused with 401.
func TestNoSession(t *testing.T) {
	e := newEnv(t, true)
	c := e.anon()
	for _, r := range routes {
		res, body := c.do(r.method, r.path, "application/x-www-form-urlencoded", "", nil)
		switch {
		case r.method == "GET" && !strings.HasPrefix(r.path, "/api/"):
			if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login?next=") {
				t.Errorf("%s %s: %d %s, want a redirect to /login", r.method, r.path, res.StatusCode, res.Header.Get("Location"))
			}
		default:
			if res.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s %s: %d %.100s, want 401", r.method, r.path, res.StatusCode, body)
			}
		}
	}
	// A forged cookie is no session either.
	req, _ := http.NewRequest("GET", e.ts.URL+"/api/notices", nil)
	req.AddCookie(&http.Cookie{Name: sessionCookie, Value: strings.Repeat("ab", 32)})
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusUnauthorized {
		t.Errorf("forged session: %v %v", res.StatusCode, err)
	}
}

// A unit user sees and reports for its own unit only.
func TestUnitUserConfined(t *testing.T) {
	e := newEnv(t, true)
	u := e.login("edu")
	for _, p := range []string{
		"/units/" + esc("市发改委"), "/api/units/" + esc("市发改委") + "/tasks",
		"/download/unit/" + esc("市发改委") + ".xlsx", "/api/download/unit/" + esc("市发改委") + ".pdf",
		"/download/return/" + esc("市发改委") + ".xlsx", "/download/calendar/" + esc("市发改委") + ".ics",
		"/download/ledger/" + esc(sampleSlug) + ".xlsx", "/download/quarterly/2024Q4.pdf", "/download/bulletin/2024Q4.docx",
		"/notices", "/notices/" + esc(sampleSlug), "/api/notices", "/overview", "/settings",
	} {
		if res, body := u.get(p); res.StatusCode != http.StatusForbidden {
			t.Errorf("edu GET %s: %d %.100s, want 403", p, res.StatusCode, body)
		}
	}
	// Reporting on another unit's task, by form and by API.
	res, _ := u.post("/units/"+esc("市发改委")+"/report", url.Values{"notice": {sampleSlug}, "task": {"一.7"}, "status": {"已完成"}}, true)
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("report for another unit: %d", res.StatusCode)
	}
	res, _ = u.do("POST", "/api/units/"+esc("市发改委")+"/reports", "application/json", `{"notice":"`+sampleSlug+`","task":"一.7","status":"已完成"}`, map[string]string{"X-CSRF-Token": u.csrf})
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("API report for another unit: %d", res.StatusCode)
	}
	// A task of the notice that is not the unit's own.
	res, _ = u.post("/units/"+esc("市教育局")+"/report", url.Values{"notice": {sampleSlug}, "task": {"一.1"}, "status": {"已完成"}}, true)
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("report on a task not of the unit: %d", res.StatusCode)
	}
	if rs, _ := e.st.Reports(sampleSlug); len(rs) != 0 {
		t.Errorf("reports stored: %+v", rs)
	}
	// Its own: allowed.
	if res, _ := u.get("/units/" + esc("市教育局")); res.StatusCode != 200 {
		t.Errorf("own unit: %d", res.StatusCode)
	}
	if res, body := u.get("/download/unit/" + esc("市教育局") + ".xlsx"); res.StatusCode != 200 || !strings.HasPrefix(body, "PK") {
		t.Errorf("own unit sheet: %d", res.StatusCode)
	}
	if res, _ := u.get("/download/remind/" + esc("市发改委") + ".pdf"); res.StatusCode != http.StatusForbidden {
		t.Errorf("another unit's 催办单: %d", res.StatusCode)
	}
	if res, body := e.login("office").get("/download/remind/" + esc("市工信局") + ".pdf?asof=2024-11-15"); res.StatusCode != 200 || !strings.HasPrefix(body, "%PDF") {
		t.Errorf("催办单 of a unit with overdue tasks: %d %.100s", res.StatusCode, body)
	}
	if res, body := u.get("/download/calendar/" + esc("市教育局") + ".ics"); res.StatusCode != 200 || !strings.Contains(body, "BEGIN:VCALENDAR") || !strings.Contains(body, "四.（三）.1") {
		t.Errorf("own calendar: %d %.200s", res.StatusCode, body)
	}
	// A viewer reads but changes nothing.
	v := e.login("viewer")
	if res, _ := v.get("/notices/" + esc(sampleSlug)); res.StatusCode != 200 {
		t.Errorf("viewer review page: %d", res.StatusCode)
	}
	res, _ = v.post("/notices/"+esc(sampleSlug)+"/tasks/"+esc("一.1"), url.Values{"text": {"x"}}, true)
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("viewer correction: %d", res.StatusCode)
	}
}

// Every form and state-changing call without the session's CSRF token is
// refused with 403, and changes nothing.
func TestCSRF(t *testing.T) {
	e := newEnv(t, true)
	c := e.login("office")
	u := e.login("edu")
	for _, x := range []struct {
		c    *client
		path string
		form url.Values
	}{
		{c, "/notices/" + esc(sampleSlug) + "/tasks/" + esc("一.1"), url.Values{"text": {"改"}, "units": {"市发改委"}}},
		{c, "/notices/" + esc(sampleSlug) + "/reviewed", nil},
		{c, "/notices/" + esc(sampleSlug) + "/tasks", url.Values{"text": {"新任务"}, "units": {"市发改委"}}},
		{c, "/notices/" + esc(sampleSlug) + "/tasks/" + esc("一.1") + "/split", url.Values{"text": {"甲"}, "text2": {"乙"}}},
		{c, "/notices/" + esc(sampleSlug) + "/tasks/" + esc("一.1") + "/merge", url.Values{"with": {"一.2"}}},
		{c, "/settings/directory", url.Values{"unit_name": {"市发展改革委"}, "unit_aliases": {"市发改委"}}},
		{c, "/settings/accounts", url.Values{"name": {"evil"}, "role": {"office"}, "password": {"12345678"}}},
		{c, "/logout", nil},
		{u, "/units/" + esc("市教育局") + "/report", url.Values{"notice": {sampleSlug}, "task": {"四.（三）.1"}, "status": {"已完成"}}},
	} {
		res, _ := x.c.post(x.path, x.form, false)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s without CSRF: %d, want 403", x.path, res.StatusCode)
		}
		x.form = url.Values{"csrf": {strings.Repeat("0", 64)}}
		res, _ = x.c.post(x.path, x.form, false)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s with a wrong CSRF token: %d, want 403", x.path, res.StatusCode)
		}
	}
	res, _ := u.do("POST", "/api/units/"+esc("市教育局")+"/reports", "application/json", `{"notice":"`+sampleSlug+`","task":"四.（三）.1","status":"已完成"}`, nil)
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("API report without CSRF header: %d", res.StatusCode)
	}
	// Upload without the token.
	body, ct := multipartBody(t, "", map[string][]byte{"a.txt": []byte("x")})
	res, _ = c.do("POST", "/notices/upload", ct, body.String(), nil)
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("upload without CSRF: %d", res.StatusCode)
	}
	// The login form needs its own token too.
	res, _ = e.anon().do("POST", "/login", "application/x-www-form-urlencoded", url.Values{"name": {"office"}, "password": {pw}}.Encode(), nil)
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("login form without token: %d", res.StatusCode)
	}
	cs, _ := e.st.History(sampleSlug)
	rs, _ := e.st.Reports(sampleSlug)
	rev, _ := e.st.Reviewed(sampleSlug)
	acc, _ := e.st.AccountByName("evil")
	dir, _ := e.st.Directory()
	if len(cs) != 0 || len(rs) != 0 || rev != nil || acc != nil || dir != nil {
		t.Errorf("a request without CSRF changed the store: %v %v %v %v %v", cs, rs, rev, acc, dir)
	}
	if res, _ := c.get("/notices"); res.StatusCode != 200 {
		t.Errorf("session gone after a refused logout: %d", res.StatusCode)
	}
}

// 20 guessed passwords lock the name out: the right password is refused
// too, until the lockout has passed.
func TestLoginLockout(t *testing.T) {
	now := testNow
	e := newEnv(t, false, func(o *Options) { o.Now = func() time.Time { return now } })
	c := e.anon()
	_, page := c.get("/login")
	m := csrfRe.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token on the login page")
	}
	codes := map[int]int{}
	for i := range 20 {
		res, _ := c.do("POST", "/login", "application/x-www-form-urlencoded", url.Values{"csrf": {m[1]}, "name": {"office"}, "password": {fmt.Sprintf("guess%02d", i)}}.Encode(), nil)
		codes[res.StatusCode]++
	}
	if codes[http.StatusUnauthorized] != 5 || codes[http.StatusTooManyRequests] != 15 {
		t.Errorf("20 guesses: %v, want 5 × 401 then 15 × 429", codes)
	}
	res, body := c.do("POST", "/login", "application/x-www-form-urlencoded", url.Values{"csrf": {m[1]}, "name": {"office"}, "password": {pw}}.Encode(), nil)
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "已锁定") {
		t.Errorf("right password while locked: %d", res.StatusCode)
	}
	res, _ = e.anon().do("POST", "/api/login", "application/json", `{"name":"office","password":"`+pw+`"}`, nil)
	if res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("API login while locked: %d", res.StatusCode)
	}
	now = now.Add(16 * time.Minute)
	res, _ = e.anon().do("POST", "/api/login", "application/json", `{"name":"office","password":"`+pw+`"}`, nil)
	if res.StatusCode != 200 {
		t.Errorf("login after the lockout: %d", res.StatusCode)
	}
	log, _ := e.st.AuditLog(100)
	fails := 0
	for _, a := range log {
		if a.Action == "登录失败" {
			fails++
		}
	}
	if fails != 5 {
		t.Errorf("audit log holds %d failed logins, want 5", fails)
	}
}

func multipartBody(t *testing.T, csrf string, files map[string][]byte) (*bytes.Buffer, string) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	if csrf != "" {
		w.WriteField("csrf", csrf)
	}
	for name, data := range files {
		h := make(map[string][]string)
		h["Content-Disposition"] = []string{fmt.Sprintf(`form-data; name="file"; filename="%s"`, name)}
		h["Content-Type"] = []string{"application/octet-stream"}
		p, err := w.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		p.Write(data)
	}
	w.Close()
	return &b, w.FormDataContentType()
}

// An upload over the limit is refused with 413 and leaves nothing behind.
func TestUploadTooLarge(t *testing.T) {
	e := newEnv(t, false, func(o *Options) { o.MaxUpload = 1 << 20 })
	c := e.login("office")
	big := bytes.Repeat([]byte("一二三四五六七八九十\n"), 80000) // 2.4 MB
	body, ct := multipartBody(t, c.csrf, map[string][]byte{"big.txt": big})
	res, msg := c.do("POST", "/notices/upload", ct, body.String(), map[string]string{"Accept": "application/json"})
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(msg, "本次上传 2.4 MB，文件过大：每次上传合计不超过 1 MB") {
		t.Errorf("2.4 MB upload with a 1 MB limit: %d %s", res.StatusCode, msg)
	}
	// Without a Content-Length the limit holds while reading.
	req, _ := http.NewRequest("POST", e.ts.URL+"/notices/upload", struct{ *bytes.Buffer }{body})
	req.Header.Set("Content-Type", ct)
	req.Header.Set("X-CSRF-Token", c.csrf)
	req.ContentLength = -1
	res2, err := c.c.Do(req)
	if err != nil || res2.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked 2.4 MB upload: %v %v", res2.StatusCode, err)
	} else if b, _ := io.ReadAll(res2.Body); !strings.Contains(string(b), "big.txt：文件过大：每次上传合计不超过 1 MB") {
		t.Errorf("chunked 2.4 MB upload: the answer does not name the file: %s", b)
	}
	ents, _ := os.ReadDir(filepath.Join(e.out, "uploads"))
	if len(ents) != 0 {
		t.Errorf("uploads/ after refused uploads: %v", ents)
	}
}

var storedName = regexp.MustCompile(`^[0-9a-f]{24}\.(txt|pdf|docx)$`)

// Names with ../, absolute paths and Windows-reserved names are stored
// under generated names inside uploads/; files whose content is not what
// their name says are refused with the reason.
func TestUploadNames(t *testing.T) {
	e := newEnv(t, false)
	c := e.login("office")
	notice, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"../../../../tmp/evil.txt":         notice,
		`..\..\Windows\System32\CON.txt`:   notice,
		"aux.pdf":                          []byte("not a pdf"),
		"NUL.docx":                         []byte("not a zip"),
		"payload.exe":                      []byte("MZ"),
		"<img src=x onerror=alert(1)>.txt": []byte("没有任务的文字"),
	}
	body, ct := multipartBody(t, c.csrf, files)
	res, out := c.do("POST", "/notices/upload", ct, body.String(), map[string]string{"Accept": "application/json"})
	if res.StatusCode != 200 {
		t.Fatalf("upload: %d %s", res.StatusCode, out)
	}
	for _, want := range []string{`"name": "evil.txt"`, `"name": "CON.txt"`, `"status": "extracted"`, `"status": "duplicate"`,
		"不是 PDF 文件", "不是 docx 文件", `不支持的文件类型 \".exe\"`} {
		if !strings.Contains(out, want) {
			t.Errorf("upload results lack %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, e.out) {
		t.Errorf("results reveal the server's paths:\n%s", out)
	}
	if _, err := os.Stat("/tmp/evil.txt"); err == nil {
		t.Errorf("/tmp/evil.txt written")
	}
	ents, _ := os.ReadDir(filepath.Join(e.out, "uploads"))
	if len(ents) != 3 {
		t.Errorf("uploads/ holds %d files, want the 3 text files", len(ents))
	}
	for _, en := range ents {
		if !storedName.MatchString(en.Name()) {
			t.Errorf("stored as %q, not a generated name", en.Name())
		}
	}
	_, page := c.get("/notices")
	if strings.Contains(page, "<img src=x") || !strings.Contains(page, "&lt;img src=x onerror=alert(1)&gt;.txt") {
		t.Errorf("an uploaded file's name is not escaped in the list")
	}
	if !strings.Contains(page, "no tasks") && !strings.Contains(page, "失败") {
		t.Errorf("the failed file does not say why in the list")
	}
}

// The setup link creates the first 督查室 account once; after that, and
// with a wrong token, it is refused.
func TestSetupLinkOnce(t *testing.T) {
	out := t.TempDir()
	st, err := store.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := New(Options{Out: out, Store: st, BcryptCost: bcrypt.MinCost, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	e := &testEnv{t: t, out: out, st: st, srv: srv, ts: ts}
	link, err := srv.SetupLink(ts.URL)
	if err != nil || link == "" {
		t.Fatalf("setup link: %q %v", link, err)
	}
	c := e.anon()
	path := strings.TrimPrefix(link, ts.URL)
	tok := path[strings.Index(path, "token=")+6:]
	if res, _ := c.get("/setup?token=" + strings.Repeat("0", 64)); res.StatusCode != http.StatusForbidden {
		t.Errorf("wrong token: %d", res.StatusCode)
	}
	res, page := c.get(path)
	m := csrfRe.FindStringSubmatch(page)
	if res.StatusCode != 200 || m == nil {
		t.Fatalf("setup page: %d", res.StatusCode)
	}
	form := url.Values{"csrf": {m[1]}, "token": {tok}, "name": {"主任"}, "password": {pw}}
	if res, body := c.do("POST", "/setup", "application/x-www-form-urlencoded", form.Encode(), nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("setup: %d %s", res.StatusCode, body)
	}
	if a, _ := st.AccountByName("主任"); a == nil || a.Role != store.RoleOffice {
		t.Errorf("account after setup: %+v", a)
	}
	form.Set("name", "second")
	if res, _ := c.do("POST", "/setup", "application/x-www-form-urlencoded", form.Encode(), nil); res.StatusCode != http.StatusForbidden {
		t.Errorf("setup link used twice: %d", res.StatusCode)
	}
	if link, _ := srv.SetupLink(ts.URL); link != "" {
		t.Errorf("a setup link while an account exists")
	}
}

// The PDF and the DOCX of the sample go through the same route as
// `duban run`: one notice, the other two files its duplicates.
func TestUploadFormats(t *testing.T) {
	e := newEnv(t, false)
	c := e.login("office")
	files := map[string][]byte{}
	for _, p := range []string{sample, "../testdata/lianyungang-2024-22.pdf", "../testdata/lianyungang-2024-22.docx"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = b
	}
	body, ct := multipartBody(t, c.csrf, files)
	res, out := c.do("POST", "/notices/upload", ct, body.String(), map[string]string{"Accept": "application/json"})
	if res.StatusCode != 200 || strings.Count(out, `"status": "extracted"`)+strings.Count(out, `"status": "duplicate"`) != 3 ||
		strings.Count(out, `"slug": "`+sampleSlug+`"`) < 1 || strings.Contains(out, `"failed"`) {
		t.Errorf("upload of TXT, PDF and DOCX: %d\n%s", res.StatusCode, out)
	}
	if n, _, _ := e.st.Notice(sampleSlug, reparse); n == nil || len(n.Tasks) != 58 {
		t.Errorf("the notice in the store: %v", n)
	}
}
