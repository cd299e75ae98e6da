package store

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/duban/duban"
)

// Reparse reads a deadline as written (完成时限) into date, kind and
// quarter for a notice (its year and issue date); nil leaves only Raw set.
type Reparse func(raw string, n *duban.Notice) *duban.Deadline

// Conflict is a corrected field whose extracted value changed after the
// correction: the person's value is kept and the change reported.
type Conflict struct {
	Slug      string `json:"notice"`
	Task      string `json:"task"`
	Field     string `json:"field"`
	Corrected string `json:"corrected"` // the person's value, kept
	Was       string `json:"was"`       // what extraction gave when it was corrected
	Now       string `json:"now"`       // what extraction gives now
	By        string `json:"by"`
}

// Fields are the task fields a person can correct, in ledger order.
var Fields = []string{FieldSection, FieldText, FieldUnits, FieldDeadlineRaw, FieldDeadlineDate}

// Value is a task's field as a correction stores it.
func Value(t *duban.Task, field string) string {
	switch field {
	case FieldText:
		return t.Text
	case FieldSection:
		return string(t.Section)
	case FieldUnits:
		type u struct {
			Name string     `json:"name"`
			Role duban.Role `json:"role"`
		}
		us := make([]u, 0, len(t.Units))
		for _, x := range t.Units {
			us = append(us, u{x.Name, x.Role})
		}
		slices.SortStableFunc(us, func(a, b u) int {
			if a.Role != b.Role {
				return roleOrder(a.Role) - roleOrder(b.Role)
			}
			return 0
		})
		b, _ := json.Marshal(us)
		return string(b)
	case FieldDeadlineRaw:
		if t.Deadline == nil {
			return ""
		}
		return t.Deadline.Raw
	case FieldDeadlineDate:
		if t.Deadline == nil {
			return ""
		}
		return string(t.Deadline.Date)
	}
	return ""
}

func roleOrder(r duban.Role) int {
	switch r {
	case duban.RoleLead:
		return 0
	case duban.RoleResponsible:
		return 1
	}
	return 2
}

// Apply changes the extracted notice n into the corrected one: corrected
// fields take the person's value, deleted rows are dropped, added rows
// appended. It returns the corrections whose extracted value moved.
func Apply(n *duban.Notice, cs []Correction, reparse Reparse) []Conflict {
	byTask := map[string][]Correction{}
	var added []Correction
	for _, c := range cs {
		if c.Field == FieldAdded {
			added = append(added, c)
			continue
		}
		byTask[c.Task] = append(byTask[c.Task], c)
	}
	var conf []Conflict
	var kept []duban.Task
	for _, t := range n.Tasks {
		withdrawn := false
		rawSet, dateSet := false, false
		for _, c := range byTask[t.ID] {
			if c.Field == FieldWithdrawn {
				withdrawn = c.New == "1"
				continue
			}
			now := Value(&t, c.Field)
			if now != c.Base && now != c.New {
				conf = append(conf, Conflict{Slug: c.Slug, Task: t.ID, Field: c.Field, Corrected: c.New, Was: c.Base, Now: now, By: c.By})
			}
			switch c.Field {
			case FieldDeadlineRaw:
				rawSet = true
			case FieldDeadlineDate:
				dateSet = true
			}
			set(&t, c.Field, c.New)
		}
		if rawSet && !dateSet {
			redate(n, &t, reparse)
		} else if dateSet {
			requarter(&t)
		}
		if !withdrawn {
			kept = append(kept, t)
		}
	}
	have := map[string]bool{}
	for _, t := range kept {
		have[t.ID] = true
	}
	for _, c := range added {
		var t duban.Task
		if json.Unmarshal([]byte(c.New), &t) != nil || have[t.ID] {
			continue
		}
		withdrawn := false
		for _, d := range byTask[t.ID] {
			if d.Field == FieldWithdrawn {
				withdrawn = d.New == "1"
			} else {
				set(&t, d.Field, d.New)
			}
		}
		if t.Deadline != nil && t.Deadline.Raw != "" && t.Deadline.Date == "" {
			redate(n, &t, reparse)
		} else {
			requarter(&t)
		}
		if !withdrawn {
			kept = insertAfter(kept, c.Base, t)
			have[t.ID] = true
		}
	}
	n.Tasks = kept
	return conf
}

// insertAfter puts t behind the task with ID after (an added row's Base:
// the row it was split from or added below), else at the end.
func insertAfter(ts []duban.Task, after string, t duban.Task) []duban.Task {
	at := len(ts)
	if after != "" {
		for i := range ts {
			if ts[i].ID == after {
				at = i + 1
			}
		}
		// Behind the rows already added below the same one.
		for at < len(ts) && strings.HasPrefix(ts[at].ID, after+"-") {
			at++
		}
	}
	return slices.Insert(ts, at, t)
}

func set(t *duban.Task, field, v string) {
	switch field {
	case FieldText:
		t.Text = v
	case FieldSection:
		t.Section = duban.NullString(v)
	case FieldUnits:
		var us []duban.Unit
		if json.Unmarshal([]byte(v), &us) == nil {
			t.Units = us
		}
	case FieldDeadlineRaw:
		if t.Deadline == nil {
			t.Deadline = &duban.Deadline{Kind: duban.KindUnknown}
		}
		t.Deadline.Raw = v
	case FieldDeadlineDate:
		if t.Deadline == nil {
			t.Deadline = &duban.Deadline{Kind: duban.KindDate}
		}
		t.Deadline.Date = duban.NullString(v)
	}
}

// redate recomputes date, kind and quarter from the corrected 完成时限.
func redate(n *duban.Notice, t *duban.Task, reparse Reparse) {
	raw := t.Deadline.Raw
	if raw == "" {
		t.Deadline = nil
		return
	}
	if reparse != nil {
		if d := reparse(raw, n); d != nil {
			d.Raw = raw
			t.Deadline = d
			return
		}
	}
	t.Deadline = &duban.Deadline{Raw: raw, Kind: duban.KindUnknown}
}

func requarter(t *duban.Task) {
	if t.Deadline == nil {
		return
	}
	t.Deadline.SetDate(string(t.Deadline.Date))
	if t.Deadline.Date != "" && (t.Deadline.Kind == "" || t.Deadline.Kind == duban.KindUnknown) {
		t.Deadline.Kind = duban.KindDate
	}
}

// Diff lists the corrections that turn notice cur (as the store gives it
// now) into edited (as a person saved it), against the extraction ext.
func Diff(slug string, ext, cur, edited *duban.Notice, origin, by string) []Correction {
	base := map[string]*duban.Task{}
	if ext != nil {
		for i := range ext.Tasks {
			base[ext.Tasks[i].ID] = &ext.Tasks[i]
		}
	}
	curT := map[string]*duban.Task{}
	for i := range cur.Tasks {
		curT[cur.Tasks[i].ID] = &cur.Tasks[i]
	}
	var out []Correction
	seen := map[string]bool{}
	for i := range edited.Tasks {
		e := &edited.Tasks[i]
		seen[e.ID] = true
		c, ok := curT[e.ID]
		if !ok {
			t := *e
			t.Progress = nil
			b, _ := json.Marshal(t)
			if _, extracted := base[e.ID]; extracted {
				// A withdrawn row brought back.
				out = append(out, Correction{Slug: slug, Task: e.ID, Field: FieldWithdrawn, Old: "1", New: "0", Origin: origin, By: by})
				c = base[e.ID]
			} else {
				out = append(out, Correction{Slug: slug, Task: e.ID, Field: FieldAdded, New: string(b), Origin: origin, By: by})
				continue
			}
		}
		for _, f := range Fields {
			if f == FieldDeadlineDate && Value(e, FieldDeadlineRaw) != Value(c, FieldDeadlineRaw) && Value(e, f) == Value(c, f) {
				continue // 完成时限 edited alone: the date follows it
			}
			if nv, ov := Value(e, f), Value(c, f); nv != ov {
				b := ""
				if x := base[e.ID]; x != nil {
					b = Value(x, f)
				}
				out = append(out, Correction{Slug: slug, Task: e.ID, Field: f, Old: ov, New: nv, Base: b, Origin: origin, By: by})
			}
		}
	}
	for _, t := range cur.Tasks {
		if !seen[t.ID] {
			out = append(out, Correction{Slug: slug, Task: t.ID, Field: FieldWithdrawn, Old: "0", New: "1", Origin: origin, By: by})
		}
	}
	return out
}
