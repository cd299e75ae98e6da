package duban

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/duban/duban/internal/limits"
)

// Directory is the unit directory (`--units FILE`): the canonical name of
// each unit with the other ways notices write it, and the collective names
// (groups) that stand for several units.
//
//	units:
//	  - name: 市发展改革委
//	    aliases: [市发改委, 连云港市发展和改革委员会]
//	groups:
//	  - name: 相关县区
//	    members: [东海县, 灌云县]
//
// Names are matched exactly after removing whitespace and folding
// half-width parentheses to full-width ones, so "海州区(连云港高新区)" finds
// "海州区（连云港高新区）". Build one with ParseDirectory or LoadDirectory;
// the zero Directory is empty and knows no names.
type Directory struct {
	Units  []DirUnit  `yaml:"units"`
	Groups []DirGroup `yaml:"groups"`

	canon  map[string]string // name key → canonical name (units, aliases, members)
	groups map[string]int    // name key → index in Groups
}

// DirUnit is one unit of the directory.
type DirUnit struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Line    int      `yaml:"-"` // line of the entry in its file
}

// DirGroup is a collective name standing for its members.
type DirGroup struct {
	Name    string   `yaml:"name"`
	Members []string `yaml:"members"`
	Line    int      `yaml:"-"` // line of the entry in its file
}

// LoadDirectory reads a unit directory from a YAML file.
func LoadDirectory(path string) (*Directory, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("unit directory: %w", err)
	}
	return ParseDirectory(data, path)
}

// ParseDirectory parses a unit directory; name is the file name used in
// errors, which also give the line of the offending entry. An empty
// document gives an empty directory.
func ParseDirectory(data []byte, name string) (*Directory, error) {
	d := &Directory{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(d); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := d.index(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}

// UnmarshalYAML reads a unit entry and remembers its line.
func (u *DirUnit) UnmarshalYAML(n *yaml.Node) error {
	if err := checkKeys(n, "unit", "name", "aliases"); err != nil {
		return err
	}
	type plain DirUnit
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*u = DirUnit(p)
	u.Line = n.Line
	return nil
}

// UnmarshalYAML reads a group entry and remembers its line.
func (g *DirGroup) UnmarshalYAML(n *yaml.Node) error {
	if err := checkKeys(n, "group", "name", "members"); err != nil {
		return err
	}
	type plain DirGroup
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*g = DirGroup(p)
	g.Line = n.Line
	return nil
}

// checkKeys rejects an entry that is not a mapping or has a key other than
// the allowed ones (a misspelt "alias:" would otherwise be dropped silently).
func checkKeys(n *yaml.Node, what string, allowed ...string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a %s must be a mapping with %s", n.Line, what, strings.Join(allowed, ", "))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		ok := false
		for _, a := range allowed {
			if k.Value == a {
				ok = true
			}
		}
		if !ok {
			return fmt.Errorf("line %d: unknown %s field %q (want %s)", k.Line, what, k.Value, strings.Join(allowed, ", "))
		}
	}
	return nil
}

// index checks the entries and builds the lookup tables.
func (d *Directory) index() error {
	d.canon = map[string]string{}
	d.groups = map[string]int{}
	owner := map[string]int{} // key → line that claimed it
	claim := func(name, canonical string, line int) error {
		k := nameKey(name)
		if k == "" {
			return fmt.Errorf("line %d: empty name", line)
		}
		if c, ok := d.canon[k]; ok && c != canonical {
			return fmt.Errorf("line %d: %q already names %q (line %d)", line, name, c, owner[k])
		}
		if _, ok := d.groups[k]; ok {
			return fmt.Errorf("line %d: %q is already a group (line %d)", line, name, owner[k])
		}
		if _, ok := d.canon[k]; !ok {
			d.canon[k] = canonical
			owner[k] = line
		}
		return nil
	}
	for i := range d.Units {
		u := &d.Units[i]
		u.Name = strings.TrimSpace(u.Name)
		if err := claim(u.Name, u.Name, u.Line); err != nil {
			return err
		}
		for _, a := range u.Aliases {
			if err := claim(a, u.Name, u.Line); err != nil {
				return err
			}
		}
	}
	for i := range d.Groups {
		g := &d.Groups[i]
		g.Name = strings.TrimSpace(g.Name)
		k := nameKey(g.Name)
		if k == "" {
			return fmt.Errorf("line %d: empty group name", g.Line)
		}
		if c, ok := d.canon[k]; ok {
			return fmt.Errorf("line %d: group %q is already the unit %q (line %d)", g.Line, g.Name, c, owner[k])
		}
		if _, ok := d.groups[k]; ok {
			return fmt.Errorf("line %d: group %q is listed twice (line %d)", g.Line, g.Name, owner[k])
		}
		d.groups[k] = i
		owner[k] = g.Line
	}
	// Members not listed as units are known names of their own.
	for _, g := range d.Groups {
		for _, m := range g.Members {
			k := nameKey(m)
			if k == "" {
				return fmt.Errorf("line %d: group %q has an empty member", g.Line, g.Name)
			}
			if _, ok := d.canon[k]; !ok {
				if _, isGroup := d.groups[k]; !isGroup {
					d.canon[k] = strings.TrimSpace(m)
				}
			}
		}
	}
	return nil
}

// Empty reports whether the directory lists no unit and no group.
func (d *Directory) Empty() bool {
	return d == nil || (len(d.Units) == 0 && len(d.Groups) == 0)
}

// Canonical returns the canonical name for a unit name as a notice writes
// it: the unit whose name or alias it is, a group's own name, or a group
// member's name. ok is false for a name the directory does not know.
func (d *Directory) Canonical(name string) (string, bool) {
	if d == nil {
		return "", false
	}
	k := nameKey(name)
	if c, ok := d.canon[k]; ok {
		return c, true
	}
	if i, ok := d.groups[k]; ok {
		return d.Groups[i].Name, true
	}
	return "", false
}

// IsGroup reports whether name (or its canonical form) is a group.
func (d *Directory) IsGroup(name string) bool {
	if d == nil {
		return false
	}
	_, ok := d.groups[nameKey(name)]
	return ok
}

// Members returns the canonical names of a group's members, with nested
// groups expanded, each once, in the order listed; nil for a name that is
// not a group.
func (d *Directory) Members(group string) []string {
	if d == nil {
		return nil
	}
	i, ok := d.groups[nameKey(group)]
	if !ok {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	visiting := map[int]bool{}
	var walk func(i int)
	walk = func(i int) {
		if visiting[i] {
			return // a group listing itself, directly or not
		}
		visiting[i] = true
		for _, m := range d.Groups[i].Members {
			if j, ok := d.groups[nameKey(m)]; ok {
				walk(j)
				continue
			}
			c, _ := d.Canonical(m)
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	walk(i)
	return out
}

// Names returns every name the directory knows — canonical names, aliases,
// groups and members — each once, for use as segmentation user words.
func (d *Directory) Names() []string {
	if d == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, u := range d.Units {
		add(u.Name)
		for _, a := range u.Aliases {
			add(a)
		}
	}
	for _, g := range d.Groups {
		add(g.Name)
		for _, m := range g.Members {
			add(m)
		}
	}
	return out
}

// nameKey is the form names are compared in: no whitespace, half-width
// parentheses as full-width ones.
func nameKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r == '(':
			r = '（'
		case r == ')':
			r = '）'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SheetKey is the name of the unit sheet a unit's tasks go on: its
// canonical name when set, else the name as written.
func SheetKey(u Unit) string {
	if u.Canonical != "" {
		return u.Canonical
	}
	return u.Name
}

// Assignment is one task on one unit's sheet.
type Assignment struct {
	Notice *Notice
	Task   *Task
	// Unit is the task's unit entry that put the task on the sheet: the unit
	// itself, or for a group assignment the group (its Role is the member's
	// role too).
	Unit Unit
	// Index is Unit's index in Task.Units.
	Index int
	// Via is the group's name when the task reaches this sheet because the
	// unit is a member of a group the task is assigned to; "" for a direct
	// assignment.
	Via string
	// Name is the sheet's unit as the task's records name it (SheetKey of
	// the unit, or the member): the name its reports are kept under. It is
	// the sheet's key unless the key carries the issuer's place.
	Name string
}

// UnitAssignments sorts the tasks of notices onto unit sheets, keyed by
// SheetKey. Every unit of a task, groups included, gets the task on its own
// sheet; when dir lists a group's members, each member's sheet also gets the
// task with Via set to the group, unless the task names that member
// directly. Within one sheet a task appears once per unit entry, in notice
// and task order. dir may be nil or empty (no group expansion).
//
// This is the one place a unit becomes "its unit" across notices: a name
// named in notices of different issuing places (市发改委 of a 连云港 and of
// a 无锡 notice) is two units, keyed and shown with the place
// (市发改委（连云港市）, see IssuerPlace); a name of one place, or one that
// carries its place (连云港市发改委), stays as it is.
//
// A notice gets sheets for at most limits.UnitsPerNotice units: those
// past it keep their tasks in the records, on no sheet (the notice's
// WarnManyUnits says so).
func UnitAssignments(notices []*Notice, dir *Directory) map[string][]Assignment {
	sh := NewSheets(notices, dir)
	out := map[string][]Assignment{}
	for _, n := range notices {
		if n == nil {
			continue
		}
		for ti := range n.Tasks {
			sh.Each(n, &n.Tasks[ti], func(key string, a Assignment) {
				out[key] = append(out[key], a)
			})
		}
	}
	return out
}

// Sheets puts tasks on unit sheets as UnitAssignments does, one task at a
// time: a document that needs the sheets of a few tasks (a quarter's) asks
// for those, without a map of every task of the batch. It holds only which
// unit names are qualified with their notice's place, which depends on
// every notice of the batch.
type Sheets struct {
	keys unitKeys
	dir  *Directory

	mu sync.Mutex
	// capped holds, for each notice naming more than
	// limits.UnitsPerNotice units, the units that get sheets; a notice
	// within the limit is in it as nil.
	capped map[*Notice]map[string]bool
}

// NewSheets prepares the sheets of notices' tasks under dir (nil: no group
// expansion). The notices are those UnitAssignments would be given.
func NewSheets(notices []*Notice, dir *Directory) *Sheets {
	return &Sheets{keys: newUnitKeys(notices, dir), dir: dir, capped: map[*Notice]map[string]bool{}}
}

// allowed is the set of units of n that get sheets, nil when all do: the
// first limits.UnitsPerNotice units the notice names, in task order, each
// task's own units before the members its groups reach.
func (s *Sheets) allowed(n *Notice) map[string]bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if set, ok := s.capped[n]; ok {
		return set
	}
	given := map[string]bool{}
	over := false
	add := func(k string) {
		if given[k] {
			return
		}
		if len(given) < limits.UnitsPerNotice {
			given[k] = true
		} else {
			over = true
		}
	}
	for ti := range n.Tasks {
		t := &n.Tasks[ti]
		for _, u := range t.Units {
			add(SheetKey(u))
		}
		for _, u := range t.Units {
			for _, m := range s.dir.Members(SheetKey(u)) {
				add(m)
			}
		}
	}
	if !over {
		given = nil
	}
	s.capped[n] = given
	return given
}

// Each calls f with every sheet task t of notice n goes on (its key and the
// assignment), in the order UnitAssignments lists them: the task's units
// in order, then the members its groups reach.
func (s *Sheets) Each(n *Notice, t *Task, f func(key string, a Assignment)) {
	ok := s.allowed(n)
	direct := map[string]bool{}
	for i, u := range t.Units {
		k := SheetKey(u)
		direct[k] = true
		if ok != nil && !ok[k] {
			continue
		}
		f(s.keys.of(n, k), Assignment{Notice: n, Task: t, Unit: u, Index: i, Name: k})
	}
	via := map[string]bool{}
	for i, u := range t.Units {
		for _, m := range s.dir.Members(SheetKey(u)) {
			if direct[m] || via[m] || ok != nil && !ok[m] {
				continue
			}
			via[m] = true
			f(s.keys.of(n, m), Assignment{Notice: n, Task: t, Unit: u, Index: i, Via: SheetKey(u), Name: m})
		}
	}
}
