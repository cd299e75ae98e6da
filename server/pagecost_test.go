package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
)

// TestPageCost measures what one request of each page the load test asks
// for costs the server alone (no network, no client), with a report
// written between two pages as under load so that every snapshot is new.
// It runs only with DUBAN_PAGECOST=1; the costs are logged (run with -v).
func TestPageCost(t *testing.T) {
	if os.Getenv("DUBAN_PAGECOST") == "" {
		t.Skip("page cost: set DUBAN_PAGECOST=1")
	}
	e := newEnv(t, true)
	office, edu := e.login("office"), e.login("edu")
	cookie := func(c *client) *http.Cookie {
		u, _ := url.Parse(e.ts.URL)
		return c.c.Jar.Cookies(u)[0]
	}
	n, _, err := e.st.Notice(sampleSlug, reparse)
	if err != nil {
		t.Fatal(err)
	}
	task := ""
	for _, tk := range n.Tasks {
		for _, u := range tk.Units {
			if u.Name == "市教育局" && task == "" {
				task = tk.ID
			}
		}
	}
	k := 0
	report := func() {
		k++
		form := url.Values{"notice": {sampleSlug}, "task": {task}, "status": {"按时推进"}, "detail": {strings.Repeat("进展", k%7+1) + string(rune('a'+k%26))}, "csrf": {edu.csrf}}
		req := httptest.NewRequest("POST", "/units/"+esc("市教育局")+"/report", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(cookie(edu))
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, req)
		if w.Code != http.StatusSeeOther {
			t.Fatalf("report: %d %s", w.Code, w.Body)
		}
	}
	pages := []struct {
		name, path string
		c          *client
	}{
		{"通知", "/notices", office},
		{"审核", "/notices/" + esc(sampleSlug), office},
		{"总览", "/overview?quarter=2024Q4", office},
		{"单位列表", "/units", office},
		{"本单位", "/units/" + esc("市教育局"), edu},
		{"API 任务", "/api/units/" + esc("市教育局") + "/tasks", edu},
	}
	var b strings.Builder
	for _, p := range pages {
		for _, fresh := range []bool{false, true} {
			r := testing.Benchmark(func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if fresh {
						b.StopTimer()
						report()
						b.StartTimer()
					}
					req := httptest.NewRequest("GET", p.path, nil)
					req.AddCookie(cookie(p.c))
					w := httptest.NewRecorder()
					e.srv.ServeHTTP(w, req)
					if w.Code != 200 {
						b.Fatalf("%s: %d", p.path, w.Code)
					}
				}
			})
			what := "same snapshot"
			if fresh {
				what = "after a report"
			}
			b.WriteString("\n" + p.name + " (" + what + "): " + r.String() + " " + r.MemString())
		}
	}
	r := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			report()
		}
	})
	b.WriteString("\n报送: " + r.String() + " " + r.MemString())
	t.Log(b.String())
}
