package duban

import (
	"slices"
	"unique"
)

// Compact makes a notice's records take less memory without changing
// them, for a batch that holds the records of every notice at once (the
// quarterly summaries, the 通报, the return sheets): the strings that repeat
// across tasks and notices (unit names and roles, task ids and paths,
// sections, deadlines, keywords, the units' reports' names and statuses)
// share one copy, and the slices a JSON decoder grew are cut to their
// length. Texts written once (a task's text, a report's words) stay as
// they are.
func (n *Notice) Compact() {
	if n == nil {
		return
	}
	n.Issuer = intern(n.Issuer)
	n.Publicity = intern(n.Publicity)
	n.Source.Format = intern(n.Source.Format)
	n.CC = internAll(n.CC)
	n.Tasks = clip(n.Tasks)
	for i := range n.Tasks {
		n.Tasks[i].compact()
	}
	n.Warnings = clip(n.Warnings)
	for i := range n.Warnings {
		w := &n.Warnings[i]
		w.Task, w.Code = intern(w.Task), intern(w.Code)
	}
}

func (t *Task) compact() {
	t.ID = intern(t.ID)
	t.Path = internAll(t.Path)
	t.Section = NullString(intern(string(t.Section)))
	t.Subsection = NullString(intern(string(t.Subsection)))
	t.Units = clip(t.Units)
	for i := range t.Units {
		u := &t.Units[i]
		u.Name, u.Canonical = intern(u.Name), intern(u.Canonical)
		u.Role = Role(intern(string(u.Role)))
	}
	if d := t.Deadline; d != nil {
		d.Raw = intern(d.Raw)
		d.Date = NullString(intern(string(d.Date)))
		d.Kind = DeadlineKind(intern(string(d.Kind)))
		d.Quarter = NullString(intern(string(d.Quarter)))
	}
	t.Leader = intern(t.Leader)
	t.Keywords = internAll(t.Keywords)
	t.Mentioned = internAll(t.Mentioned)
	t.Progress = clip(t.Progress)
	for i := range t.Progress {
		p := &t.Progress[i]
		p.Unit, p.Status = intern(p.Unit), Status(intern(string(p.Status)))
		p.DoneDate, p.Round = intern(p.DoneDate), intern(p.Round)
		p.Reported, p.File = intern(p.Reported), intern(p.File)
	}
}

// intern is the one shared copy of s.
func intern(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}

func internAll(ss []string) []string {
	ss = clip(ss)
	for i, s := range ss {
		ss[i] = intern(s)
	}
	return ss
}

// clip is s in an array of its length; nil stays nil and empty stays
// empty (and not nil), so records encode as before.
func clip[S ~[]E, E any](s S) S {
	switch {
	case cap(s) == len(s):
		return s
	case len(s) == 0:
		return S{}
	}
	return slices.Clone(s)
}
