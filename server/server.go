package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/duban/duban/store"
	"github.com/duban/duban/templates"
)

//go:embed assets
var assets embed.FS

//go:embed templates
var templateFS embed.FS

// Options configure a Server.
type Options struct {
	// Out is the output folder: the store, uploads/ and the rendered tree.
	Out string
	// Store is the open store of Out.
	Store *store.Store
	// MaxUpload bounds the bytes of one upload request (0: 32 MiB).
	MaxUpload int64
	// BcryptCost is the cost of new password hashes (0: bcrypt's default).
	BcryptCost int
	// WarnDays is how close a deadline is 临期 (0: 15 days, as the
	// command line's --warn-days).
	WarnDays int
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// Logf logs errors (nil: the log package).
	Logf func(format string, a ...any)
	// Lockout is how many failed logins lock a name or address out, and
	// for how long (zero: 5 and 15 minutes).
	LockoutFailures int
	LockoutFor      time.Duration
}

// Server is the console's HTTP handler.
type Server struct {
	opt      Options
	st       *store.Store
	mux      *http.ServeMux
	pages    map[string]*template.Template
	lock     *lockout
	sessions sessionCache
	runMu    sync.Mutex // one pipeline run at a time

	snapMu sync.Mutex // one request brings the snapshot up to date
	snap   atomic.Pointer[snapshot]
	rows   rowCache // the unit page's rows as HTML
	docMu  sync.Mutex
	docs   map[string][]textLine // notice texts as read, by checksum
	units  unitDir               // the directory the unit lists use (data.go)

	dummyOnce sync.Once
	dummy     string
}

// New makes the console for a store.
func New(opt Options) (*Server, error) {
	if opt.Store == nil {
		return nil, fmt.Errorf("server: no store")
	}
	if opt.MaxUpload == 0 {
		opt.MaxUpload = 32 << 20
	}
	if opt.WarnDays == 0 {
		opt.WarnDays = 15
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Logf == nil {
		opt.Logf = log.Printf
	}
	if opt.LockoutFailures == 0 {
		opt.LockoutFailures = 5
	}
	if opt.LockoutFor == 0 {
		opt.LockoutFor = 15 * time.Minute
	}
	s := &Server{opt: opt, st: opt.Store, mux: http.NewServeMux()}
	s.lock = newLockout(opt.LockoutFailures, opt.LockoutFor, opt.Now)
	if err := s.parseTemplates(); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

func (s *Server) uploadDir() string { return filepath.Join(s.opt.Out, "uploads") }

// ServeHTTP serves the console with its security headers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
	s.mux.ServeHTTP(w, r)
}

// cached lets the browser keep the embedded assets for a day (pages and
// documents are never cached).
func cached(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "private, max-age=86400")
		h.ServeHTTP(w, r)
	})
}

func (s *Server) routes() {
	static, _ := fs.Sub(assets, "assets")
	fileServer := http.StripPrefix("/static/", http.FileServer(http.FS(static)))
	s.mux.Handle("GET /static/", cached(fileServer))
	// The CJK font the PDFs are set in, as the last fallback of the pages:
	// a browser without a Chinese system font (a bare Linux desktop)
	// fetches it, one with Microsoft YaHei or PingFang never does.
	s.mux.Handle("GET /font/wqy-microhei.ttf", cached(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "font/ttf")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(templates.Font()))
	})))

	s.mux.HandleFunc("GET /login", s.loginPage)
	s.mux.HandleFunc("POST /login", s.loginSubmit)
	s.mux.HandleFunc("GET /setup", s.setupPage)
	s.mux.HandleFunc("POST /setup", s.setupSubmit)
	s.mux.Handle("POST /logout", s.auth(anyRole, s.logout))

	s.mux.Handle("GET /{$}", s.auth(anyRole, s.home))
	s.mux.Handle("GET /notices", s.auth(readers, s.noticesPage))
	s.mux.Handle("POST /notices/upload", s.authStreaming(office, s.uploadSubmit))
	s.mux.Handle("GET /notices/{slug}", s.auth(readers, s.reviewPage))
	s.mux.Handle("POST /notices/{slug}/tasks/{task}", s.auth(office, s.correctSubmit))
	s.mux.Handle("POST /notices/{slug}/tasks", s.auth(office, s.addTask))
	s.mux.Handle("POST /notices/{slug}/tasks/{task}/split", s.auth(office, s.splitTask))
	s.mux.Handle("POST /notices/{slug}/tasks/{task}/merge", s.auth(office, s.mergeTask))
	s.mux.Handle("POST /notices/{slug}/reviewed", s.auth(office, s.reviewedSubmit))
	s.mux.Handle("GET /units", s.auth(anyRole, s.unitsPage))
	s.mux.Handle("GET /units/{unit}", s.auth(anyRole, s.unitPage))
	s.mux.Handle("POST /units/{unit}/report", s.auth(reporters, s.reportSubmit))
	s.mux.Handle("POST /units/{unit}/returns", s.authStreaming(reporters, s.returnUpload))
	s.mux.Handle("POST /api/units/{unit}/returns", s.authStreaming(reporters, s.returnUpload))
	s.mux.Handle("GET /overview", s.auth(readers, s.overviewPage))
	s.mux.Handle("GET /tasks", s.auth(readers, s.taskListPage))
	s.mux.Handle("GET /downloads", s.auth(anyRole, s.downloadsPage))
	s.mux.Handle("GET /download/units/all.zip", s.auth(anyRole, s.downloadAllUnits))
	s.mux.Handle("GET /download/{kind}/{name}", s.auth(anyRole, s.download))
	s.mux.Handle("GET /settings", s.auth(office, s.settingsPage))
	s.mux.Handle("POST /settings/accounts", s.auth(office, s.accountSubmit))
	s.mux.Handle("POST /settings/directory", s.auth(office, s.directorySubmit))

	s.mux.HandleFunc("POST /api/login", s.apiLogin)
	s.mux.Handle("POST /api/logout", s.auth(anyRole, s.logout))
	s.mux.Handle("GET /api/notices", s.auth(readers, s.apiNotices))
	s.mux.Handle("GET /api/notices/{slug}", s.auth(readers, s.apiNotice))
	s.mux.Handle("GET /api/units/{unit}/tasks", s.auth(anyRole, s.apiUnitTasks))
	s.mux.Handle("POST /api/units/{unit}/reports", s.auth(reporters, s.apiReport))
	s.mux.Handle("GET /api/overview", s.auth(readers, s.overviewPage))
	s.mux.Handle("GET /api/tasks", s.auth(readers, s.taskListPage))
	s.mux.Handle("POST /api/notices/{slug}/tasks", s.auth(office, s.addTask))
	s.mux.Handle("POST /api/notices/{slug}/tasks/{task}/split", s.auth(office, s.splitTask))
	s.mux.Handle("POST /api/notices/{slug}/tasks/{task}/merge", s.auth(office, s.mergeTask))
	s.mux.Handle("GET /api/download/units/all.zip", s.auth(anyRole, s.downloadAllUnits))
	s.mux.Handle("GET /api/download/{kind}/{name}", s.auth(anyRole, s.download))
}
