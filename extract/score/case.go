package score

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/duban/duban"
)

// Case is one case file (extract/testdata/cases/README.md describes the
// format): a notice and the records expected from it.
type Case struct {
	Notice string
	Year   int // the options section's year, 0 when none
	Want   *duban.Notice
}

// ParseCase reads a case file's text. The expected tasks hold the fields
// the records section states: id (and path), section, subsection, text,
// units, open, deadline and leader.
func ParseCase(name string, data []byte) (*Case, error) {
	c := &Case{Want: &duban.Notice{}}
	section := ""
	var notice []string
	var task *duban.Task
	for i, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		if s, ok := strings.CutPrefix(l, "=== "); ok {
			section = strings.TrimSpace(s)
			continue
		}
		switch section {
		case "notice":
			notice = append(notice, l)
		case "options":
			if k, v, _ := strings.Cut(l, ":"); strings.TrimSpace(k) == "year" {
				c.Year, _ = strconv.Atoi(strings.TrimSpace(v))
			}
		case "records":
			t := strings.TrimSpace(l)
			if t == "" || strings.HasPrefix(t, "#") {
				continue
			}
			if id, ok := strings.CutPrefix(t, "task "); ok && !strings.HasPrefix(l, " ") {
				c.Want.Tasks = append(c.Want.Tasks, duban.Task{ID: strings.TrimSpace(id), Path: idPath(strings.TrimSpace(id))})
				task = &c.Want.Tasks[len(c.Want.Tasks)-1]
				continue
			}
			k, v, ok := strings.Cut(t, ":")
			if !ok {
				return nil, fmt.Errorf("%s:%d: want key: value", name, i+1)
			}
			if err := setField(c.Want, task, strings.TrimSpace(k), strings.TrimSpace(v)); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, i+1, err)
			}
		}
	}
	for len(notice) > 0 && strings.TrimSpace(notice[len(notice)-1]) == "" {
		notice = notice[:len(notice)-1]
	}
	c.Notice = strings.Join(notice, "\n") + "\n"
	return c, nil
}

// idPath gives the path of a task id ("一.（一）.2#2" → 一 （一） 2).
func idPath(id string) []string {
	id, _, _ = strings.Cut(id, "#")
	return strings.Split(id, ".")
}

func dash(v string) string {
	if v == "-" {
		return ""
	}
	return v
}

func setField(n *duban.Notice, t *duban.Task, k, v string) error {
	if t == nil {
		switch k {
		case "doc_number":
			n.DocNumber = dash(v)
		case "issuer":
			n.Issuer = dash(v)
		case "issue_date":
			n.IssueDate = duban.NullString(dash(v))
		case "title":
			n.Title = dash(v)
		case "plan_title":
			n.PlanTitle = duban.NullString(dash(v))
		case "year":
			n.Year, _ = strconv.Atoi(v)
		}
		return nil
	}
	switch k {
	case "section":
		t.Section = duban.NullString(dash(v))
	case "subsection":
		t.Subsection = duban.NullString(dash(v))
	case "text":
		t.Text = v
	case "leader":
		t.Leader = dash(v)
	case "open":
		t.UnitsOpen = v == "true"
	case "units":
		us, err := ParseUnits(v)
		if err != nil {
			return err
		}
		t.Units = us
	case "deadline":
		d, err := ParseDeadline(v)
		if err != nil {
			return err
		}
		t.Deadline = d
	}
	return nil
}

// ParseUnits reads "lead A; co B; responsible C" ("-" for none).
func ParseUnits(v string) ([]duban.Unit, error) {
	if v == "-" || v == "" {
		return nil, nil
	}
	var us []duban.Unit
	for _, part := range strings.Split(v, "; ") {
		role, name, ok := strings.Cut(strings.TrimSpace(part), " ")
		switch duban.Role(role) {
		case duban.RoleLead, duban.RoleCo, duban.RoleResponsible:
		default:
			ok = false
		}
		if !ok {
			return nil, fmt.Errorf("unit %q: want ROLE NAME", part)
		}
		us = append(us, duban.Unit{Name: name, Role: duban.Role(role)})
	}
	return us, nil
}

// ParseDeadline reads "RAW => DATE KIND" ("-" for none, "-" for no date).
func ParseDeadline(v string) (*duban.Deadline, error) {
	if v == "-" || v == "" {
		return nil, nil
	}
	raw, rest, ok := strings.Cut(v, " => ")
	date, kind, ok2 := strings.Cut(strings.TrimSpace(rest), " ")
	if !ok || !ok2 {
		return nil, fmt.Errorf("deadline %q: want RAW => DATE KIND", v)
	}
	return &duban.Deadline{Raw: raw, Date: duban.NullString(dash(date)), Kind: duban.DeadlineKind(kind)}, nil
}
