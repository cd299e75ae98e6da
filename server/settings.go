package server

import (
	"errors"
	"net/http"
	"strings"

	"github.com/duban/duban/store"
)

func (s *Server) settingsPage(w http.ResponseWriter, r *http.Request) {
	as, err := s.st.Accounts()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	log, err := s.st.AuditLog(200)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	units, err := s.unitNames()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// A unit account bound to a name that notices of two places now share
	// (市发改委 → 市发改委（连云港市）、市发改委（无锡市）) sees no tasks: say so.
	rebind := map[string]string{}
	known := map[string]bool{}
	for _, x := range units {
		known[x.Name] = true
	}
	for _, a := range as {
		if a.Role != store.RoleUnit || known[a.Unit] {
			continue
		}
		if ks, err := s.placedKeys(a.Unit); err == nil && len(ks) > 0 {
			rebind[a.Unit] = strings.Join(ks, " 或 ")
		}
	}
	du, dg, dat, err := s.directoryRows()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "settings", pageData{Title: "设置", Nav: "settings", Data: map[string]any{"Accounts": as, "Audit": log, "Units": units, "Rebind": rebind,
		"DirUnits": du, "DirGroups": dg, "DirAt": dat}})
}

// accountSubmit adds an account, or changes one (role, unit, password,
// disabled) when "existing" is set.
func (s *Server) accountSubmit(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	u := userOf(r)
	name := strings.TrimSpace(r.PostFormValue("name"))
	role, ok := ParseRole(r.PostFormValue("role"))
	unit := strings.TrimSpace(r.PostFormValue("unit"))
	pw := r.PostFormValue("password")
	var err error
	switch {
	case name == "" || len([]rune(name)) > 64:
		err = errors.New("用户名应为 1–64 个字符")
	case !ok:
		err = errors.New("角色应为 督查室、单位用户 或 只读")
	case role == store.RoleUnit && unit == "":
		err = errors.New("单位用户须指定所属单位")
	}
	if err != nil {
		s.badRequest(w, r, err.Error())
		return
	}
	if role != store.RoleUnit {
		unit = ""
	}
	hash := ""
	if pw != "" || r.PostFormValue("existing") == "" {
		if hash, err = HashPassword(pw, s.opt.BcryptCost); err != nil {
			s.badRequest(w, r, "密码至少 8 个字符，至多 72 字节")
			return
		}
	}
	a := store.Account{Name: name, Role: role, Unit: unit, Hash: hash, Disabled: r.PostFormValue("disabled") == "1"}
	action := "新增账户"
	if r.PostFormValue("existing") != "" {
		action = "修改账户"
		if name == u.Name && (a.Disabled || role != store.RoleOffice) {
			s.badRequest(w, r, "不能停用自己或取消自己的督查室角色")
			return
		}
		err = s.st.SetAccount(a)
		s.sessions.drop("", name) // the role, unit or flag read again
		if err == nil && (a.Disabled || hash != "") {
			err = s.endSessions("", name)
		}
	} else {
		err = s.st.AddAccount(a)
	}
	if errors.Is(err, store.ErrExists) {
		s.badRequest(w, r, "用户名已存在")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.st.Audit(u.Name, action, name, RoleLabel(role)+" "+unit)
	http.Redirect(w, r, "/settings?ok=account", http.StatusSeeOther)
}
