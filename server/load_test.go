package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/duban/duban/internal/pipeline"
	"github.com/duban/duban/store"
	"github.com/xuri/excelize/v2"
	"golang.org/x/crypto/bcrypt"
)

// TestLoad drives the console on loopback with many sessions browsing and
// reporting while `duban import` (pipeline.Import, the command's code, on
// the same output folder and store through its own connection) reads
// filled return sheets again and again. It runs only with DUBAN_LOAD=1:
// DUBAN_LOAD_SESSIONS (default 50) and DUBAN_LOAD_SECONDS (default 30)
// bound it; DUBAN_LOAD_IMPORT=0 leaves the import out (the console alone). It fails on any error and on a report not stored exactly once;
// the latencies are logged (run with -v), not asserted, the machine being
// shared.
func TestLoad(t *testing.T) {
	if os.Getenv("DUBAN_LOAD") == "" {
		t.Skip("load test: set DUBAN_LOAD=1 (DUBAN_LOAD_SESSIONS, DUBAN_LOAD_SECONDS)")
	}
	sessions := envInt("DUBAN_LOAD_SESSIONS", 50)
	dur := time.Duration(envInt("DUBAN_LOAD_SECONDS", 30)) * time.Second
	e := newEnv(t, true)
	n, _, err := e.st.Notice(sampleSlug, reparse)
	if err != nil {
		t.Fatal(err)
	}
	units := map[string]bool{}
	for _, tk := range n.Tasks {
		for _, u := range tk.Units {
			units[u.Name] = true
		}
	}
	var unitList []string
	for u := range units {
		unitList = append(unitList, u)
	}
	sort.Strings(unitList)

	// Return sheets as units fill them, for the import running alongside.
	sheets := fillReturns(t, e.out)

	// Accounts: one in five sessions is the 督查室's, the rest units'.
	type sess struct {
		c    *http.Client
		csrf string
		unit string
		buf  []byte // the session's read buffer, reused for every answer
	}
	hash, _ := HashPassword(pw, bcrypt.MinCost)
	all := make([]*sess, sessions)
	for i := range all {
		name, unit, role := fmt.Sprintf("load%02d", i), unitList[i%len(unitList)], store.RoleUnit
		if i%5 == 0 {
			unit, role = "", store.RoleOffice
		}
		if err := e.st.AddAccount(store.Account{Name: name, Role: role, Unit: unit, Hash: hash}); err != nil {
			t.Fatal(err)
		}
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar, Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 4},
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		res, err := c.Post(e.ts.URL+"/api/login", "application/json", strings.NewReader(`{"name":"`+name+`","password":"`+pw+`"}`))
		if err != nil || res.StatusCode != 200 {
			t.Fatalf("login %s: %v", name, err)
		}
		var v struct{ CSRF string }
		decodeJSON(res, &v)
		all[i] = &sess{c: c, csrf: v.CSRF, unit: unit, buf: make([]byte, 32<<10)}
	}

	type sample struct {
		page string
		d    time.Duration
	}
	var mu sync.Mutex
	var samples []sample
	var errs []string
	var reportsOK atomic.Int64
	record := func(page string, d time.Duration, err string) {
		mu.Lock()
		samples = append(samples, sample{page, d})
		if err != "" && len(errs) < 20 {
			errs = append(errs, page+": "+err)
		}
		mu.Unlock()
	}
	var errCount atomic.Int64
	hit := func(s *sess, page, method, path string, form url.Values, want int) {
		var req *http.Request
		if method == "POST" {
			form.Set("csrf", s.csrf)
			req, _ = http.NewRequest("POST", e.ts.URL+path, strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		} else {
			req, _ = http.NewRequest("GET", e.ts.URL+path, nil)
		}
		start := time.Now()
		res, err := s.c.Do(req)
		msg := ""
		if err != nil {
			msg = err.Error()
		} else {
			var b strings.Builder
			buf := s.buf
			for {
				k, rerr := res.Body.Read(buf)
				if b.Len() < 400 {
					b.Write(buf[:k])
				}
				if rerr != nil {
					break
				}
			}
			res.Body.Close()
			if res.StatusCode != want {
				msg = fmt.Sprintf("%s %d %.200s", path, res.StatusCode, b.String())
			} else if method == "POST" {
				reportsOK.Add(1)
			}
		}
		if msg != "" {
			errCount.Add(1)
		}
		record(page, time.Since(start), msg)
	}

	cpu0 := cpuTime()
	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	// The import, again and again until the time is up.
	var imports, importRows atomic.Int64
	var importErr atomic.Value
	var wg sync.WaitGroup
	withImport := os.Getenv("DUBAN_LOAD_IMPORT") != "0"
	wg.Go(func() {
		for withImport && ctx.Err() == nil {
			sum, err := pipeline.Import(context.Background(), pipeline.Options{Inputs: []string{sheets}, Out: e.out, AsOf: testNow, Formats: []string{"xlsx"}, Jobs: 1, By: "import"})
			if err != nil {
				importErr.Store(err.Error())
				return
			}
			if sum.Failed() {
				importErr.Store(fmt.Sprintf("%+v", sum.Failures))
				return
			}
			imports.Add(1)
			importRows.Store(int64(sum.Counts.Tasks))
		}
	})
	for i, s := range all {
		wg.Go(func() {
			k := 0
			for ctx.Err() == nil {
				k++
				if s.unit == "" {
					switch k % 4 {
					case 0:
						hit(s, "通知", "GET", "/notices", nil, 200)
					case 1:
						hit(s, "审核", "GET", "/notices/"+esc(sampleSlug), nil, 200)
					case 2:
						hit(s, "总览", "GET", "/overview?quarter=2024Q4", nil, 200)
					case 3:
						hit(s, "单位列表", "GET", "/units", nil, 200)
					}
					continue
				}
				switch k % 3 {
				case 0:
					hit(s, "本单位", "GET", "/units/"+esc(s.unit), nil, 200)
				case 1:
					hit(s, "API 任务", "GET", "/api/units/"+esc(s.unit)+"/tasks", nil, 200)
				case 2:
					task := ""
					for _, tk := range n.Tasks {
						for _, u := range tk.Units {
							if u.Name == s.unit && task == "" {
								task = tk.ID
							}
						}
					}
					hit(s, "报送", "POST", "/units/"+esc(s.unit)+"/report", url.Values{"notice": {sampleSlug}, "task": {task},
						"status": {"按时推进"}, "detail": {fmt.Sprintf("会话 %d 第 %d 次报送", i, k)}}, http.StatusSeeOther)
				}
			}
		})
	}
	wg.Wait()
	cpu := cpuTime() - cpu0
	load, _ := os.ReadFile("/proc/loadavg")

	// Every report the console accepted is stored exactly once.
	rs, err := e.st.Reports(sampleSlug)
	if err != nil {
		t.Fatal(err)
	}
	console := map[string]int{}
	for _, r := range rs {
		if r.File == "console" {
			console[r.Detail]++
		}
	}
	dups := 0
	for _, c := range console {
		if c != 1 {
			dups++
		}
	}
	if int64(len(console)) != reportsOK.Load() || dups != 0 {
		t.Errorf("%d reports accepted, %d distinct stored, %d stored more than once", reportsOK.Load(), len(console), dups)
	}
	if v := importErr.Load(); v != nil {
		t.Errorf("import: %v", v)
	}
	if withImport && imports.Load() == 0 {
		t.Errorf("no import finished within %v", dur)
	}

	by := map[string][]time.Duration{}
	var pages []string
	for _, s := range samples {
		if _, ok := by[s.page]; !ok {
			pages = append(pages, s.page)
		}
		by[s.page] = append(by[s.page], s.d)
	}
	sort.Strings(pages)
	var b strings.Builder
	fmt.Fprintf(&b, "%d sessions, %v, %d requests, %d errors, %d reports stored once each, %d imports of %s alongside; load average %s",
		sessions, dur, len(samples), errCount.Load(), reportsOK.Load(), imports.Load(), filepath.Base(sheets), strings.TrimSpace(string(load)))
	fmt.Fprintf(&b, "\nthis process used %v of CPU in the %v (server, clients and imports together: %.0f%% of one core; %v per request, the imports included)",
		cpu.Round(time.Millisecond), dur, 100*cpu.Seconds()/dur.Seconds(), (cpu / time.Duration(max(1, len(samples)))).Round(time.Microsecond*10))
	fmt.Fprintf(&b, "\n%-10s %7s %9s %9s %9s %9s", "page", "n", "p50", "p95", "p99", "max")
	for _, p := range pages {
		d := by[p]
		sort.Slice(d, func(a, b int) bool { return d[a] < d[b] })
		q := func(f float64) time.Duration { return d[min(len(d)-1, int(f*float64(len(d))))] }
		fmt.Fprintf(&b, "\n%-10s %7d %9s %9s %9s %9s", p, len(d), q(0.5).Round(time.Millisecond/10), q(0.95).Round(time.Millisecond/10),
			q(0.99).Round(time.Millisecond/10), d[len(d)-1].Round(time.Millisecond))
	}
	t.Log(b.String())
	if len(errs) > 0 && errCount.Load() > 0 {
		t.Errorf("%d requests failed, e.g.:\n%s", errCount.Load(), strings.Join(errs, "\n"))
	}
	if out := os.Getenv("DUBAN_LOAD_REPORT"); out != "" {
		os.WriteFile(out, []byte(b.String()+"\n"), 0o644)
	}
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func envInt(k string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(k)); err == nil && v > 0 {
		return v
	}
	return def
}

func decodeJSON(res *http.Response, v any) {
	defer res.Body.Close()
	json.NewDecoder(res.Body).Decode(v)
}

// fillReturns copies the return sheets the run wrote and fills 完成状态
// and 具体进展 on every row, as units send them back.
func fillReturns(t *testing.T, out string) string {
	src := filepath.Join(out, pipeline.ReturnsDir)
	ents, err := os.ReadDir(src)
	if err != nil || len(ents) == 0 {
		t.Fatalf("no return sheets in %s: %v", src, err)
	}
	dst := t.TempDir()
	for _, en := range ents {
		f, err := excelize.OpenFile(filepath.Join(src, en.Name()))
		if err != nil {
			t.Fatal(err)
		}
		sh := f.GetSheetList()[0]
		rows, _ := f.GetRows(sh)
		for r := 6; r <= len(rows); r++ {
			if id, _ := f.GetCellValue(sh, fmt.Sprintf("B%d", r)); id == "" {
				continue
			}
			f.SetCellValue(sh, fmt.Sprintf("I%d", r), "按时推进")
			f.SetCellValue(sh, fmt.Sprintf("J%d", r), "按计划推进（回执）")
		}
		if err := f.SaveAs(filepath.Join(dst, en.Name())); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	return dst
}
