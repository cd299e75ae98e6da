package store

import (
	"database/sql"
	"errors"
	"fmt"
	"github.com/duban/duban"
	"strings"
)

// consoleSchema holds what the web console (duban serve) keeps: accounts,
// sessions, the audit log and the files uploaded. It is one migration
// appended to the list in schema.go; IF NOT EXISTS keeps it harmless if it
// is ever renumbered behind another.
const consoleSchema = `CREATE TABLE IF NOT EXISTS console_users (
		name       TEXT PRIMARY KEY,
		role       TEXT NOT NULL,            -- office, unit, viewer
		unit       TEXT NOT NULL DEFAULT '', -- the unit a unit user reports for
		hash       TEXT NOT NULL,            -- bcrypt
		created_at TEXT NOT NULL,
		disabled   INTEGER NOT NULL DEFAULT 0
	);
	CREATE TABLE IF NOT EXISTS console_sessions (
		token      TEXT PRIMARY KEY,         -- SHA-256 of the cookie's value
		name       TEXT NOT NULL,
		csrf       TEXT NOT NULL,
		created_at TEXT NOT NULL,
		expires_at TEXT NOT NULL
	);
	CREATE TABLE IF NOT EXISTS console_audit (
		id     INTEGER PRIMARY KEY,
		at     TEXT NOT NULL,
		by     TEXT NOT NULL,
		action TEXT NOT NULL,
		target TEXT NOT NULL DEFAULT '',
		detail TEXT NOT NULL DEFAULT ''
	);
	CREATE TABLE IF NOT EXISTS console_uploads (
		id       INTEGER PRIMARY KEY,
		stored   TEXT NOT NULL,              -- generated file name under uploads/
		original TEXT NOT NULL,              -- the name the browser sent (shown only)
		size     INTEGER NOT NULL,
		by       TEXT NOT NULL,
		at       TEXT NOT NULL,
		status   TEXT NOT NULL,              -- extracted, unchanged, duplicate, failed
		error    TEXT NOT NULL DEFAULT '',
		slug     TEXT NOT NULL DEFAULT ''
	);`

// Account is a console user.
type Account struct {
	Name     string
	Role     string // RoleOffice, RoleUnit, RoleViewer
	Unit     string
	Hash     string
	Created  string
	Disabled bool
}

// Console roles.
const (
	RoleOffice = "office" // 督查室: everything
	RoleUnit   = "unit"   // a unit's user: its tasks, progress only
	RoleViewer = "viewer" // read only
)

// ErrExists is returned when an account of that name exists.
var ErrExists = errors.New("exists")

// AddAccount creates an account.
func (s *Store) AddAccount(a Account) error {
	if a.Created == "" {
		a.Created = s.stamp()
	}
	_, err := s.db.Exec(`INSERT INTO console_users(name, role, unit, hash, created_at) VALUES(?,?,?,?,?)`,
		a.Name, a.Role, a.Unit, a.Hash, a.Created)
	if err != nil && strings.Contains(err.Error(), "UNIQUE") {
		return fmt.Errorf("account %s: %w", a.Name, ErrExists)
	}
	if err != nil {
		return fmt.Errorf("%s: account %s: %w", s.path, a.Name, err)
	}
	return nil
}

// SetAccount changes an account's role, unit, password hash (when not
// empty) and disabled flag.
func (s *Store) SetAccount(a Account) error {
	_, err := s.db.Exec(`UPDATE console_users SET role=?, unit=?, hash=CASE WHEN ?='' THEN hash ELSE ? END, disabled=? WHERE name=?`,
		a.Role, a.Unit, a.Hash, a.Hash, a.Disabled, a.Name)
	return err
}

// AccountByName returns the account, nil when there is none.
func (s *Store) AccountByName(name string) (*Account, error) {
	var a Account
	err := s.queryRow(`SELECT name, role, unit, hash, created_at, disabled FROM console_users WHERE name=?`, name).
		Scan(&a.Name, &a.Role, &a.Unit, &a.Hash, &a.Created, &a.Disabled)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: account %s: %w", s.path, name, err)
	}
	return &a, nil
}

// Accounts lists the accounts by name.
func (s *Store) Accounts() ([]Account, error) {
	rows, err := s.db.Query(`SELECT name, role, unit, hash, created_at, disabled FROM console_users ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		var a Account
		if err := rows.Scan(&a.Name, &a.Role, &a.Unit, &a.Hash, &a.Created, &a.Disabled); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Session is a logged-in browser or program.
type Session struct {
	Token   string // SHA-256 of the cookie value
	Name    string
	CSRF    string
	Created string
	Expires string // RFC 3339
}

// AddSession records a session.
func (s *Store) AddSession(x Session) error {
	if x.Created == "" {
		x.Created = s.stamp()
	}
	_, err := s.db.Exec(`INSERT INTO console_sessions(token, name, csrf, created_at, expires_at) VALUES(?,?,?,?,?)`,
		x.Token, x.Name, x.CSRF, x.Created, x.Expires)
	return err
}

// SessionByToken returns the session, nil when there is none.
func (s *Store) SessionByToken(token string) (*Session, error) {
	var x Session
	err := s.db.QueryRow(`SELECT token, name, csrf, created_at, expires_at FROM console_sessions WHERE token=?`, token).
		Scan(&x.Token, &x.Name, &x.CSRF, &x.Created, &x.Expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &x, err
}

// SessionAccount returns a session with its account in one query (the
// console asks on every request); nil, nil when there is no such session
// or account.
func (s *Store) SessionAccount(token string) (*Session, *Account, error) {
	var x Session
	var a Account
	err := s.queryRow(`SELECT s.token, s.name, s.csrf, s.created_at, s.expires_at, u.name, u.role, u.unit, u.hash, u.created_at, u.disabled
		FROM console_sessions s JOIN console_users u ON u.name = s.name WHERE s.token=?`, token).
		Scan(&x.Token, &x.Name, &x.CSRF, &x.Created, &x.Expires, &a.Name, &a.Role, &a.Unit, &a.Hash, &a.Created, &a.Disabled)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return &x, &a, nil
}

// DeleteSessions removes a session (token) or every session of an
// account (name); expired ones (before, RFC 3339) go too.
func (s *Store) DeleteSessions(token, name, before string) error {
	_, err := s.db.Exec(`DELETE FROM console_sessions WHERE token=? OR name=? OR expires_at < ?`, token, name, before)
	return err
}

// AuditEntry is one change made in the console.
type AuditEntry struct {
	ID                             int64
	At, By, Action, Target, Detail string
}

// Audit records a change.
func (s *Store) Audit(by, action, target, detail string) error {
	_, err := s.exec(`INSERT INTO console_audit(at, by, action, target, detail) VALUES(?,?,?,?,?)`,
		s.stamp(), by, action, target, detail)
	if err != nil {
		return fmt.Errorf("%s: audit: %w", s.path, err)
	}
	return nil
}

// AuditLog returns the latest limit entries, newest first.
func (s *Store) AuditLog(limit int) ([]AuditEntry, error) {
	rows, err := s.db.Query(`SELECT id, at, by, action, target, detail FROM console_audit ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.ID, &e.At, &e.By, &e.Action, &e.Target, &e.Detail); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Upload is a notice file sent through the console.
type Upload struct {
	ID                        int64
	Stored, Original          string
	Size                      int64
	By, At, Status, Err, Slug string
}

// AddUpload records an upload and returns its id.
func (s *Store) AddUpload(u Upload) (int64, error) {
	if u.At == "" {
		u.At = s.stamp()
	}
	res, err := s.db.Exec(`INSERT INTO console_uploads(stored, original, size, by, at, status, error, slug) VALUES(?,?,?,?,?,?,?,?)`,
		u.Stored, u.Original, u.Size, u.By, u.At, u.Status, u.Err, u.Slug)
	if err != nil {
		return 0, fmt.Errorf("%s: upload: %w", s.path, err)
	}
	return res.LastInsertId()
}

// Uploads lists the uploads, newest first.
func (s *Store) Uploads(limit int) ([]Upload, error) {
	rows, err := s.query(`SELECT id, stored, original, size, by, at, status, error, slug FROM console_uploads ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Upload
	for rows.Next() {
		var u Upload
		if err := rows.Scan(&u.ID, &u.Stored, &u.Original, &u.Size, &u.By, &u.At, &u.Status, &u.Err, &u.Slug); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Review says who marked a notice as reviewed and when.
type Review struct {
	By string `json:"by"`
	At string `json:"at"`
}

// SetReviewed marks a notice reviewed (by "" clears it).
func (s *Store) SetReviewed(slug, by string) error {
	if by == "" {
		_, err := s.db.Exec(`DELETE FROM kv WHERE key=?`, "reviewed/"+slug)
		return err
	}
	return s.Put("reviewed/"+slug, Review{By: by, At: s.stamp()})
}

// Reviewed returns the notice's review, nil when it is not reviewed.
func (s *Store) Reviewed(slug string) (*Review, error) {
	var r Review
	ok, err := s.Get("reviewed/"+slug, &r)
	if err != nil || !ok {
		return nil, err
	}
	return &r, nil
}

// CountReports counts the reports in the store (all notices).
func (s *Store) CountReports() (int, error) {
	var n int
	err := s.db.QueryRow(`SELECT COUNT(*) FROM reports`).Scan(&n)
	return n, err
}

// Generation changes whenever a notice, a correction or a report is
// written: the console keeps what it computed from the store until it does.
func (s *Store) Generation() (string, error) {
	notices, reports, err := s.Generations()
	return fmt.Sprintf("%s/%d", notices, reports), err
}

// Generations is Generation in two parts: notices changes when a notice or
// a correction is written, reports when a report is.
func (s *Store) Generations() (notices string, reports int64, err error) {
	var n, c int64
	var up string
	err = s.queryRow(`SELECT (SELECT COUNT(*) FROM notices), (SELECT COALESCE(MAX(updated_at), '') FROM notices),
		(SELECT COALESCE(MAX(id), 0) FROM corrections), (SELECT COALESCE(MAX(id), 0) FROM reports)`).Scan(&n, &up, &c, &reports)
	if err != nil {
		return "", 0, fmt.Errorf("%s: %w", s.path, err)
	}
	return fmt.Sprintf("%d/%s/%d", n, up, c), reports, nil
}

// CurrentNotice is Notice with the latest report of each task and unit
// read by the index alone, not through the whole history: the console
// asks for it on every page.
func (s *Store) CurrentNotice(slug string, reparse Reparse) (*duban.Notice, []Conflict, error) {
	n, conf, err := s.CorrectedNotice(slug, reparse)
	if err != nil || n == nil {
		return n, conf, err
	}
	latest, err := s.LatestReports(slug)
	if err != nil {
		return nil, nil, err
	}
	AttachLatest(n, latest)
	return n, conf, nil
}

// CorrectedNotice is the notice as extracted with the corrections in force,
// without progress: what changes only when a notice or a correction is
// written.
func (s *Store) CorrectedNotice(slug string, reparse Reparse) (*duban.Notice, []Conflict, error) {
	n, err := s.Extracted(slug)
	if err != nil || n == nil {
		return n, nil, err
	}
	cs, err := s.Corrections(slug)
	if err != nil {
		return nil, nil, err
	}
	conf := Apply(n, cs, reparse)
	for i := range n.Tasks {
		n.Tasks[i].Progress = nil
	}
	return n, conf, nil
}

// TaskProgress is a report of one unit on one task.
type TaskProgress struct {
	ID       int64 // the report's row: later written, higher
	Slug     string
	Task     string
	Progress duban.Progress
}

// LatestReports returns the latest report (latest round, then latest
// written) of each task and unit of a notice, in the order written.
func (s *Store) LatestReports(slug string) ([]TaskProgress, error) {
	return s.taskProgress(`SELECT id, slug, task, unit, round, status, detail, problems, next_steps, done_date, note, file, at FROM reports r
		WHERE slug = ? AND id = (SELECT id FROM reports d WHERE d.slug = r.slug AND d.task = r.task AND d.unit = r.unit
			ORDER BY round DESC, id DESC LIMIT 1) ORDER BY id`, slug)
}

// ReportsSince returns every report, of any notice, written after the
// report with ID after, oldest first: what to fold into LatestReports
// read then (reports are only ever added, and a report's ID is visible
// only once every lower one is: SQLite has one writer at a time).
func (s *Store) ReportsSince(after int64) ([]TaskProgress, error) {
	return s.taskProgress(`SELECT id, slug, task, unit, round, status, detail, problems, next_steps, done_date, note, file, at FROM reports
		WHERE id > ? ORDER BY id`, after)
}

func (s *Store) taskProgress(q string, args ...any) ([]TaskProgress, error) {
	rows, err := s.query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: reports: %w", s.path, err)
	}
	defer rows.Close()
	var out []TaskProgress
	for rows.Next() {
		var tp TaskProgress
		var st string
		p := &tp.Progress
		if err := rows.Scan(&tp.ID, &tp.Slug, &tp.Task, &p.Unit, &p.Round, &st, &p.Detail, &p.Problems, &p.NextSteps, &p.DoneDate, &p.Note, &p.File, &p.Reported); err != nil {
			return nil, err
		}
		p.Status = duban.Status(st)
		out = append(out, tp)
	}
	return out, rows.Err()
}

// AttachLatest sets each task's progress to its latest reports (tasks
// whose ID no report names get none).
func AttachLatest(n *duban.Notice, latest []TaskProgress) {
	idx := make(map[string]int, len(n.Tasks))
	for i := range n.Tasks {
		idx[n.Tasks[i].ID] = i
		n.Tasks[i].Progress = nil
	}
	for _, tp := range latest {
		if i, ok := idx[tp.Task]; ok {
			n.Tasks[i].Progress = append(n.Tasks[i].Progress, tp.Progress)
		}
	}
}
