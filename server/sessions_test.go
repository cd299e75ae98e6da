package server

import (
	"net/http"
	"net/url"
	"testing"
)

// The session cache never outlives what ends a session in the console: a
// cookie used a moment ago stops working at once after its logout, after
// the account is disabled or its password changed, and a changed role
// applies to the next request.
func TestSessionCacheFollowsChanges(t *testing.T) {
	e := newEnv(t, true)
	office := e.login("office")
	unitPage := "/units/" + esc("市教育局")

	edu := e.login("edu")
	if res, _ := edu.get(unitPage); res.StatusCode != 200 { // read and cached
		t.Fatalf("unit page: %d", res.StatusCode)
	}
	if res, _ := edu.post("/logout", nil, true); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", res.StatusCode)
	}
	for _, c := range edu.c.Jar.Cookies(mustURL(e.ts.URL)) {
		if c.Name == sessionCookie {
			t.Fatalf("logout left the cookie")
		}
	}
	// The browser dropped the cookie; a copy of it must not work either.
	stale := e.login("edu")
	cookies := stale.c.Jar.Cookies(mustURL(e.ts.URL))
	if res, _ := stale.get(unitPage); res.StatusCode != 200 {
		t.Fatalf("unit page: %d", res.StatusCode)
	}
	stale.post("/logout", nil, true)
	stale.c.Jar.SetCookies(mustURL(e.ts.URL), cookies)
	if res, _ := stale.get(unitPage); res.StatusCode != http.StatusSeeOther {
		t.Errorf("a logged-out session's cookie still works: %d", res.StatusCode)
	}

	account := func(name, role, unit, password, disabled string) {
		t.Helper()
		res, body := office.post("/settings/accounts", url.Values{"existing": {"1"}, "name": {name}, "role": {role}, "unit": {unit},
			"password": {password}, "disabled": {disabled}}, true)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("account %s: %d %s", name, res.StatusCode, body)
		}
	}
	edu = e.login("edu")
	edu.get(unitPage)
	account("edu", "unit", "市教育局", "", "1")
	if res, _ := edu.get(unitPage); res.StatusCode != http.StatusSeeOther {
		t.Errorf("a disabled account's session still works: %d", res.StatusCode)
	}
	account("edu", "unit", "市教育局", "", "")

	fgw := e.login("fgw")
	fgw.get("/units/" + esc("市发改委"))
	account("fgw", "unit", "市发改委", "another horse", "")
	if res, _ := fgw.get("/units/" + esc("市发改委")); res.StatusCode != http.StatusSeeOther {
		t.Errorf("a session survived its password's change: %d", res.StatusCode)
	}

	viewer := e.login("viewer")
	if res, _ := viewer.get("/notices"); res.StatusCode != 200 {
		t.Fatalf("viewer: %d", res.StatusCode)
	}
	account("viewer", "unit", "市教育局", "", "")
	if res, _ := viewer.get("/notices"); res.StatusCode != http.StatusForbidden {
		t.Errorf("the old role still applies: %d", res.StatusCode)
	}
	if res, _ := viewer.get(unitPage); res.StatusCode != 200 {
		t.Errorf("the new role does not apply: %d", res.StatusCode)
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
