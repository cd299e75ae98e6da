package server

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/duban/duban/store"
	"golang.org/x/crypto/bcrypt"
)

// Cookie names.
const (
	sessionCookie = "duban_session"
	preCookie     = "duban_pre" // CSRF token of the login and setup forms
	sessionTTL    = 12 * time.Hour
)

// roleSet says who may use a route.
type roleSet map[string]bool

var (
	anyRole   = roleSet{store.RoleOffice: true, store.RoleUnit: true, store.RoleViewer: true}
	readers   = roleSet{store.RoleOffice: true, store.RoleViewer: true}
	office    = roleSet{store.RoleOffice: true}
	reporters = roleSet{store.RoleOffice: true, store.RoleUnit: true}
)

// RoleLabel is the Chinese name of a role.
func RoleLabel(role string) string {
	switch role {
	case store.RoleOffice:
		return "督查室"
	case store.RoleUnit:
		return "单位用户"
	case store.RoleViewer:
		return "只读"
	}
	return role
}

// ParseRole accepts a role by its code or Chinese name.
func ParseRole(s string) (string, bool) {
	switch strings.TrimSpace(s) {
	case store.RoleOffice, "督查室":
		return store.RoleOffice, true
	case store.RoleUnit, "单位", "单位用户":
		return store.RoleUnit, true
	case store.RoleViewer, "只读", "查看":
		return store.RoleViewer, true
	}
	return "", false
}

// HashPassword hashes a password with bcrypt (cost 0: the default).
func HashPassword(pw string, cost int) (string, error) {
	if cost == 0 {
		cost = bcrypt.DefaultCost
	}
	if len(pw) < 8 {
		return "", errors.New("password shorter than 8 characters")
	}
	if len(pw) > 72 {
		return "", errors.New("password longer than 72 bytes")
	}
	b, err := bcrypt.GenerateFromPassword([]byte(pw), cost)
	return string(b), err
}

type ctxKey struct{}

// user is the account of a request with its session.
type user struct {
	store.Account
	sess *store.Session
}

func userOf(r *http.Request) *user {
	u, _ := r.Context().Value(ctxKey{}).(*user)
	return u
}

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b)
}

func tokenHash(tok string) string {
	h := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(h[:])
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// auth wraps a handler: the request needs a live session of one of roles,
// and a state-changing request the session's CSRF token.
func (s *Server) auth(roles roleSet, h http.HandlerFunc) http.Handler {
	return s.authFor(roles, false, h)
}

// authStreaming is auth for a handler that reads a multipart body as a
// stream and checks the CSRF token in it itself.
func (s *Server) authStreaming(roles roleSet, h http.HandlerFunc) http.Handler {
	return s.authFor(roles, true, h)
}

func (s *Server) authFor(roles roleSet, streaming bool, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := s.sessionUser(r)
		if u == nil {
			if isAPI(r) || r.Method != http.MethodGet {
				jsonError(w, http.StatusUnauthorized, "未登录")
				return
			}
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if !roles[u.Role] {
			s.forbidden(w, r, "无权访问")
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			tok := r.Header.Get("X-CSRF-Token")
			multi := strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/")
			switch {
			case tok != "":
			case multi && streaming:
				// The upload handler reads the token from the stream,
				// before any file, bounded by its own limit.
				tok = u.sess.CSRF
			case multi:
				tok = "" // no multipart bodies elsewhere: they would be parsed unbounded
			default:
				r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
				tok = r.PostFormValue("csrf")
			}
			if subtle.ConstantTimeCompare([]byte(tok), []byte(u.sess.CSRF)) != 1 {
				s.forbidden(w, r, "表单已失效（缺少或错误的 CSRF 令牌），请刷新页面后重试")
				return
			}
		}
		h(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, u)))
	})
}

func (s *Server) sessionUser(r *http.Request) *user {
	c, err := r.Cookie(sessionCookie)
	if err != nil || len(c.Value) != 64 {
		return nil
	}
	token := tokenHash(c.Value)
	sess, a, mark, ok := s.sessions.get(token)
	if !ok {
		ss, aa, err := s.st.SessionAccount(token)
		if err != nil || ss == nil || aa == nil {
			return nil
		}
		sess, a = ss, *aa
		s.sessions.put(sess, a, mark)
	}
	if a.Disabled {
		return nil
	}
	if exp, err := time.Parse(time.RFC3339, sess.Expires); err != nil || s.opt.Now().After(exp) {
		return nil
	}
	return &user{Account: a, sess: sess}
}

// endSessions ends a session (token) or every session of an account
// (name), in the store and in the cache.
func (s *Server) endSessions(token, name string) error {
	err := s.st.DeleteSessions(token, name, "")
	s.sessions.drop(token, name)
	return err
}

func (s *Server) forbidden(w http.ResponseWriter, r *http.Request, msg string) {
	if isAPI(r) || r.Method != http.MethodGet {
		jsonError(w, http.StatusForbidden, msg)
		return
	}
	w.WriteHeader(http.StatusForbidden)
	s.render(w, r, "error", pageData{Title: "无权访问", Data: msg})
}

func jsonError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func clientIP(r *http.Request) string {
	h, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return h
}

// preToken returns the login form's CSRF token, setting its cookie.
func (s *Server) preToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(preCookie); err == nil && len(c.Value) == 64 {
		return c.Value
	}
	tok := randomToken()
	http.SetCookie(w, &http.Cookie{Name: preCookie, Value: tok, Path: "/", HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode})
	return tok
}

func checkPre(r *http.Request) bool {
	c, err := r.Cookie(preCookie)
	if err != nil || len(c.Value) != 64 {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.PostFormValue("csrf"))) == 1
}

// login checks a name and password against the lockout and the store and
// starts a session. code is the HTTP status of a refusal.
func (s *Server) login(w http.ResponseWriter, r *http.Request, name, pw string) (u *user, code int, msg string) {
	ip := clientIP(r)
	if until := s.lock.locked(name, ip); !until.IsZero() {
		return nil, http.StatusTooManyRequests, "登录失败次数过多，已锁定至 " + until.Local().Format("15:04") + "，请稍后再试"
	}
	a, err := s.st.AccountByName(name)
	if err != nil {
		return nil, http.StatusInternalServerError, "内部错误"
	}
	hash := s.dummyHash() // the same work for names that do not exist
	if a != nil {
		hash = a.Hash
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) != nil || a == nil || a.Disabled {
		s.lock.fail(name, ip)
		s.st.Audit(name, "登录失败", ip, "")
		return nil, http.StatusUnauthorized, "用户名或密码错误"
	}
	s.lock.succeed(name, ip)
	tok := randomToken()
	now := s.opt.Now()
	sess := &store.Session{Token: tokenHash(tok), Name: a.Name, CSRF: randomToken(), Expires: now.Add(sessionTTL).UTC().Format(time.RFC3339)}
	s.st.DeleteSessions("", "", now.UTC().Format(time.RFC3339))
	if err := s.st.AddSession(*sess); err != nil {
		return nil, http.StatusInternalServerError, "内部错误"
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: tok, Path: "/", HttpOnly: true, Secure: r.TLS != nil,
		SameSite: http.SameSiteStrictMode, MaxAge: int(sessionTTL / time.Second)})
	s.st.Audit(a.Name, "登录", ip, "")
	return &user{Account: *a, sess: sess}, 0, ""
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, "login", pageData{Title: "登录", CSRF: s.preToken(w, r), Data: map[string]string{"Next": safeNext(r.URL.Query().Get("next"))}})
}

func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if !checkPre(r) {
		s.forbidden(w, r, "表单已失效，请刷新登录页后重试")
		return
	}
	next := safeNext(r.PostFormValue("next"))
	_, code, msg := s.login(w, r, strings.TrimSpace(r.PostFormValue("name")), r.PostFormValue("password"))
	if code != 0 {
		w.WriteHeader(code)
		s.render(w, r, "login", pageData{Title: "登录", CSRF: s.preToken(w, r), Error: msg, Data: map[string]string{"Next": next}})
		return
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// safeNext keeps a redirect target on this site.
func safeNext(n string) string {
	if n == "" || !strings.HasPrefix(n, "/") || strings.HasPrefix(n, "//") || strings.Contains(n, "\\") {
		return "/"
	}
	return n
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	s.endSessions(u.sess.Token, "")
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	s.st.Audit(u.Name, "退出", "", "")
	if isAPI(r) {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (s *Server) apiLogin(w http.ResponseWriter, r *http.Request) {
	var in struct{ Name, Password string }
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&in); err != nil {
		jsonError(w, http.StatusBadRequest, "请求体应为 JSON：{\"name\":…,\"password\":…}")
		return
	}
	u, code, msg := s.login(w, r, strings.TrimSpace(in.Name), in.Password)
	if code != 0 {
		jsonError(w, code, msg)
		return
	}
	writeJSON(w, map[string]string{"name": u.Name, "role": u.Role, "unit": u.Unit, "csrf": u.sess.CSRF})
}

// setupKey is where the one-time setup token's hash is kept.
const setupKey = "console/setup"

// SetupLink returns a one-time link that creates the first 督查室 account,
// or "" when an account exists.
func (s *Server) SetupLink(base string) (string, error) {
	as, err := s.st.Accounts()
	if err != nil || len(as) > 0 {
		return "", err
	}
	tok := randomToken()
	if err := s.st.Put(setupKey, tokenHash(tok)); err != nil {
		return "", err
	}
	return strings.TrimRight(base, "/") + "/setup?token=" + tok, nil
}

func (s *Server) setupValid(tok string) bool {
	var h string
	ok, err := s.st.Get(setupKey, &h)
	if err != nil || !ok || h == "" || len(tok) != 64 {
		return false
	}
	as, err := s.st.Accounts()
	if err != nil || len(as) > 0 {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(h), []byte(tokenHash(tok))) == 1
}

func (s *Server) setupPage(w http.ResponseWriter, r *http.Request) {
	tok := r.URL.Query().Get("token")
	if !s.setupValid(tok) {
		s.forbidden(w, r, "初始化链接无效或已使用")
		return
	}
	s.render(w, r, "setup", pageData{Title: "初始化", CSRF: s.preToken(w, r), Data: tok})
}

func (s *Server) setupSubmit(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	tok := r.PostFormValue("token")
	if !checkPre(r) || !s.setupValid(tok) {
		s.forbidden(w, r, "初始化链接无效或已使用")
		return
	}
	name := strings.TrimSpace(r.PostFormValue("name"))
	hash, err := HashPassword(r.PostFormValue("password"), s.opt.BcryptCost)
	if err == nil && name == "" {
		err = errors.New("请填写用户名")
	}
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		s.render(w, r, "setup", pageData{Title: "初始化", CSRF: s.preToken(w, r), Data: tok, Error: err.Error()})
		return
	}
	if err := s.st.AddAccount(store.Account{Name: name, Role: store.RoleOffice, Hash: hash}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.st.Put(setupKey, "")
	s.st.Audit(name, "初始化", "账户", name)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (s *Server) dummyHash() string {
	s.dummyOnce.Do(func() {
		h, _ := bcrypt.GenerateFromPassword([]byte(randomToken()[:32]), s.cost())
		s.dummy = string(h)
	})
	return s.dummy
}

func (s *Server) cost() int {
	if s.opt.BcryptCost == 0 {
		return bcrypt.DefaultCost
	}
	return s.opt.BcryptCost
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	writeJSONBody(w, v)
}

func writeJSONBody(w http.ResponseWriter, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	s.opt.Logf("duban serve: %s %s: %v", r.Method, r.URL.Path, err)
	if isAPI(r) || r.Method != http.MethodGet {
		jsonError(w, http.StatusInternalServerError, "内部错误："+err.Error())
		return
	}
	w.WriteHeader(http.StatusInternalServerError)
	s.render(w, r, "error", pageData{Title: "出错了", Data: err.Error()})
}
