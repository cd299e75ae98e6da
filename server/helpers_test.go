package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/pipeline"
	"github.com/duban/duban/store"
	"golang.org/x/crypto/bcrypt"
)

// sample is the bundled notice (a copy of seeds/): 58 tasks.
var sample = filepath.Join("testdata", "lianyungang-2024-22.txt")

const sampleSlug = "连政办发2024-22"

// testNow is the console's clock in the tests: 2024-11-15, in the sample's
// fourth quarter.
var testNow = time.Date(2024, 11, 15, 9, 0, 0, 0, time.UTC)

const pw = "correct horse"

type testEnv struct {
	t   *testing.T
	out string
	st  *store.Store
	srv *Server
	ts  *httptest.Server
}

// newEnv starts a console on a new store with three accounts: 督查室 "office",
// unit user "edu" of 市教育局 and "fgw" of 市发改委, viewer "viewer". With
// seed, the sample notice is run into the store first.
func newEnv(t *testing.T, seed bool, mod ...func(*Options)) *testEnv {
	t.Helper()
	out := t.TempDir()
	if seed {
		sum, err := pipeline.Run(context.Background(), pipeline.Options{Inputs: []string{sample}, Out: out, Formats: []string{"xlsx"}, Jobs: 1, AsOf: testNow})
		if err != nil || sum.Failed() {
			t.Fatalf("seeding: %v %+v", err, sum)
		}
	}
	st, err := store.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	opt := Options{Out: out, Store: st, BcryptCost: bcrypt.MinCost, Now: func() time.Time { return testNow }, Logf: t.Logf}
	for _, m := range mod {
		m(&opt)
	}
	srv, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []store.Account{
		{Name: "office", Role: store.RoleOffice},
		{Name: "edu", Role: store.RoleUnit, Unit: "市教育局"},
		{Name: "fgw", Role: store.RoleUnit, Unit: "市发改委"},
		{Name: "viewer", Role: store.RoleViewer},
	} {
		a.Hash, _ = HashPassword(pw, bcrypt.MinCost)
		if err := st.AddAccount(a); err != nil {
			t.Fatal(err)
		}
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &testEnv{t: t, out: out, st: st, srv: srv, ts: ts}
}

// client is a browser-like HTTP client with its own cookies that does not
// follow redirects.
type client struct {
	e    *testEnv
	c    *http.Client
	csrf string
}

func (e *testEnv) anon() *client {
	jar, _ := cookiejar.New(nil)
	return &client{e: e, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// login logs in through the API and keeps the session's CSRF token.
func (e *testEnv) login(name string) *client {
	e.t.Helper()
	c := e.anon()
	res, body := c.do("POST", "/api/login", "application/json", `{"name":"`+name+`","password":"`+pw+`"}`, nil)
	if res.StatusCode != 200 {
		e.t.Fatalf("login %s: %d %s", name, res.StatusCode, body)
	}
	var v struct{ CSRF string }
	json.Unmarshal([]byte(body), &v)
	c.csrf = v.CSRF
	return c
}

func (c *client) do(method, path, ctype, body string, hdr map[string]string) (*http.Response, string) {
	c.e.t.Helper()
	req, err := http.NewRequest(method, c.e.ts.URL+path, strings.NewReader(body))
	if err != nil {
		c.e.t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := c.c.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(b)
}

func (c *client) get(path string) (*http.Response, string) { return c.do("GET", path, "", "", nil) }

// post sends a form; the session's CSRF token is added unless withCSRF is false.
func (c *client) post(path string, form url.Values, withCSRF bool) (*http.Response, string) {
	if form == nil {
		form = url.Values{}
	}
	if withCSRF {
		form.Set("csrf", c.csrf)
	}
	return c.do("POST", path, "application/x-www-form-urlencoded", form.Encode(), nil)
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([0-9a-f]{64})"`)

func esc(s string) string { return url.PathEscape(s) }
