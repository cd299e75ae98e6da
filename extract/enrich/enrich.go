package enrich

import (
	"fmt"
	"strings"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/segment"
)

// KeywordsPerTask is how many TF-IDF keywords Apply gives each task.
const KeywordsPerTask = 5

// Apply adds to an extracted notice what the unit directory and the
// segmenter know, and returns the warnings it added to n.Warnings:
//
//   - every unit gets Canonical from dir; with a non-empty dir, a name it
//     does not know is warned about once per notice (WarnUnknownUnit);
//   - a task without units gets the units its text names with a role word
//     ("由X牵头，Y配合", "X要会同Y…", "X负责"), marked Inferred, and loses
//     its no_unit warning;
//   - every task gets up to KeywordsPerTask Keywords;
//   - every task gets Mentioned: units its text names that are not its own.
//
// dir and seg may be nil. Without a segmenter (a nojieba build, or Load
// failed) only the first step runs. The notice's unit names and the
// directory's names are added to seg as organisation words before any text
// is segmented.
func Apply(n *duban.Notice, dir *duban.Directory, seg *segment.Segmenter) []duban.Warning {
	if n == nil {
		return nil
	}
	if seg != nil {
		seg.AddUnits(noticeUnitNames(n))
		seg.AddUnits(dir.Names())
		known := enrichKnownNames(n, dir)
		inferred := map[string]bool{}
		for i := range n.Tasks {
			t := &n.Tasks[i]
			ms := findMentions(seg, t.Text, known)
			if len(t.Units) == 0 {
				if units := inferUnits(t.Text, ms); len(units) > 0 {
					t.Units = units
					inferred[t.ID] = true
				}
			}
			t.Mentioned = unassignedMentions(ms, t.Units, dir)
			t.Keywords = taskKeywords(seg, t.Text, ms)
		}
		if len(inferred) > 0 {
			n.Warnings = dropNoUnitWarnings(n.Warnings, inferred)
		}
	}
	added := canonicalise(n, dir)
	n.Warnings = append(n.Warnings, added...)
	return added
}

// canonicalise sets each unit's Canonical from dir and warns about names a
// non-empty dir does not know, once per name, at its first task.
func canonicalise(n *duban.Notice, dir *duban.Directory) []duban.Warning {
	if dir.Empty() {
		return nil
	}
	type unknown struct {
		first string
		tasks []string
	}
	var order []string
	seen := map[string]*unknown{}
	for i := range n.Tasks {
		t := &n.Tasks[i]
		for j := range t.Units {
			u := &t.Units[j]
			if c, ok := dir.Canonical(u.Name); ok {
				u.Canonical = c
				continue
			}
			u.Canonical = ""
			x := seen[u.Name]
			if x == nil {
				x = &unknown{first: t.ID}
				seen[u.Name] = x
				order = append(order, u.Name)
			}
			if len(x.tasks) == 0 || x.tasks[len(x.tasks)-1] != t.ID {
				x.tasks = append(x.tasks, t.ID)
			}
		}
	}
	var ws []duban.Warning
	for _, name := range order {
		x := seen[name]
		where := strings.Join(x.tasks, "、")
		if len(x.tasks) > 5 {
			where = strings.Join(x.tasks[:5], "、") + fmt.Sprintf("等%d项任务", len(x.tasks))
		}
		ws = append(ws, duban.Warning{
			Task:    x.first,
			Code:    duban.WarnUnknownUnit,
			Message: fmt.Sprintf("单位“%s”不在单位目录中（任务%s），请核对名称或补入目录", name, where),
		})
	}
	return ws
}

// noticeUnitNames lists every unit name the notice's tasks carry, once.
func noticeUnitNames(n *duban.Notice) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range n.Tasks {
		for _, u := range t.Units {
			if !seen[u.Name] {
				seen[u.Name] = true
				out = append(out, u.Name)
			}
		}
	}
	return out
}

// enrichKnownNames is the set of names that count as units wherever they
// appear: the notice's own unit names and the directory's names.
func enrichKnownNames(n *duban.Notice, dir *duban.Directory) map[string]bool {
	known := map[string]bool{}
	for _, s := range noticeUnitNames(n) {
		known[s] = true
	}
	for _, s := range dir.Names() {
		known[s] = true
	}
	return known
}

// unassignedMentions returns the mentioned names that are not the task's
// own units (compared by name and, with a directory, by canonical name).
func unassignedMentions(ms []mention, units []duban.Unit, dir *duban.Directory) []string {
	own := map[string]bool{}
	for _, u := range units {
		own[u.Name] = true
		if c, ok := dir.Canonical(u.Name); ok {
			own[c] = true
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, m := range ms {
		if !m.strong || own[m.name] || seen[m.name] {
			continue
		}
		if c, ok := dir.Canonical(m.name); ok && own[c] {
			continue
		}
		seen[m.name] = true
		out = append(out, m.name)
	}
	return out
}

// taskKeywords returns the task's top TF-IDF words, without the role words
// and the words that are part of a unit named in the text.
func taskKeywords(seg *segment.Segmenter, text string, ms []mention) []string {
	cands := seg.Keywords(text, 3*KeywordsPerTask)
	var out []string
	for _, w := range cands {
		if len(out) == KeywordsPerTask {
			break
		}
		if startsWithRoleWord(w) || partOfMention(w, ms) {
			continue
		}
		out = append(out, w)
	}
	return out
}

func partOfMention(w string, ms []mention) bool {
	for _, m := range ms {
		if strings.Contains(m.name, w) {
			return true
		}
	}
	return false
}

// dropNoUnitWarnings removes the no_unit warnings of the given tasks.
func dropNoUnitWarnings(ws []duban.Warning, tasks map[string]bool) []duban.Warning {
	out := ws[:0]
	for _, w := range ws {
		if w.Code == duban.WarnNoUnit && tasks[w.Task] {
			continue
		}
		out = append(out, w)
	}
	return out
}
