// Package server is duban's web console (duban serve): the 督查室 uploads
// notices, reviews what was extracted beside the notice's text, corrects it,
// follows the units' progress and downloads the ledger, unit sheets and
// 通报; each unit's users see their own tasks and report progress.
//
// It works on the same store (duban.db) as the command line, which may run
// at the same time. Pages are rendered on the server with html/template
// (every value escaped) and a little JavaScript; every asset is embedded,
// nothing is fetched from the internet. The same operations are offered as
// JSON under /api/ with the same sessions and authorisation.
//
// Security: passwords are bcrypt hashes; a session is a random token in an
// HttpOnly, SameSite=Strict cookie (only its SHA-256 is stored); every
// form and every state-changing API call carries the session's CSRF token;
// repeated failed logins lock the account name and the address out for a
// while; uploads are bounded in size (413), checked for type and stored
// under generated names; every change is written to the audit log.
package server
