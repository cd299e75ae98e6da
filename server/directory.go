package server

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/duban/duban"
	"gopkg.in/yaml.v3"
)

// The unit directory (aliases and groups) edited on the 设置 page. It is
// stored in the store as YAML (the format of `duban run --units`), and the
// next extraction the console runs (an upload) uses it.

// dirRow is one unit or group as the form shows it: the names it lists
// joined with 、.
type dirRow struct {
	Name, Names string
}

// directory returns the unit directory in force: the store's, nil when none
// was stored or it is empty.
func (s *Server) directory() (*duban.Directory, error) {
	v, err := s.st.Directory()
	if err != nil || v == nil {
		return nil, err
	}
	d, err := duban.ParseDirectory([]byte(v.YAML), "单位名录")
	if err != nil {
		return nil, err
	}
	if d.Empty() {
		return nil, nil
	}
	return d, nil
}

// directoryRows is the directory as the form's rows, with blank rows to
// fill in.
func (s *Server) directoryRows() (units, groups []dirRow, at string, err error) {
	v, err := s.st.Directory()
	if err != nil {
		return nil, nil, "", err
	}
	if v != nil {
		d, err := duban.ParseDirectory([]byte(v.YAML), "单位名录")
		if err != nil {
			return nil, nil, "", err
		}
		for _, u := range d.Units {
			units = append(units, dirRow{u.Name, strings.Join(u.Aliases, "、")})
		}
		for _, g := range d.Groups {
			groups = append(groups, dirRow{g.Name, strings.Join(g.Members, "、")})
		}
		at = v.At
	}
	for range 3 {
		units = append(units, dirRow{})
		groups = append(groups, dirRow{})
	}
	return units, groups, at, nil
}

// splitNames reads "甲、乙，丙" as a list of names.
func splitNames(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || r == '；' || r == ';' || r == '\n'
	}) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// directoryFromForm builds the directory the form describes and checks it
// as `--units` would (a name in two units, a group naming itself, …).
func directoryFromForm(r *http.Request) (yml string, units, groups int, err error) {
	var d struct {
		Units  []map[string]any `yaml:"units,omitempty"`
		Groups []map[string]any `yaml:"groups,omitempty"`
	}
	rows := func(nameKey, listKey, what, listName string) ([]map[string]any, error) {
		names, lists := r.PostForm[nameKey], r.PostForm[listKey]
		var out []map[string]any
		for i, n := range names {
			n = strings.TrimSpace(n)
			var l []string
			if i < len(lists) {
				l = splitNames(lists[i])
			}
			if n == "" {
				if len(l) > 0 {
					return nil, fmt.Errorf("第 %d 行%s：缺少名称", i+1, what)
				}
				continue
			}
			if len([]rune(n)) > 100 {
				return nil, fmt.Errorf("第 %d 行%s：名称过长", i+1, what)
			}
			if l == nil {
				l = []string{}
			}
			out = append(out, map[string]any{"name": n, listName: l})
		}
		return out, nil
	}
	if d.Units, err = rows("unit_name", "unit_aliases", "单位", "aliases"); err != nil {
		return "", 0, 0, err
	}
	if d.Groups, err = rows("group_name", "group_members", "统称", "members"); err != nil {
		return "", 0, 0, err
	}
	b, err := yaml.Marshal(d)
	if err != nil {
		return "", 0, 0, err
	}
	if _, err := duban.ParseDirectory(b, "单位名录"); err != nil {
		return "", 0, 0, err
	}
	return string(b), len(d.Units), len(d.Groups), nil
}

func (s *Server) directorySubmit(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		s.badRequest(w, r, "表单有误")
		return
	}
	y, units, groups, err := directoryFromForm(r)
	if err != nil {
		s.badRequest(w, r, "单位名录有误："+err.Error())
		return
	}
	changed, err := s.st.SetDirectory(y)
	s.dropUnitDirectory()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if changed {
		u := userOf(r)
		s.st.Audit(u.Name, "修改单位名录", "", fmt.Sprintf("%d 个单位，%d 个统称", units, groups))
	}
	http.Redirect(w, r, "/settings?ok=directory#directory", http.StatusSeeOther)
}
