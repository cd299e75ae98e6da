package pipeline

import (
	"fmt"
	"sort"
	"sync"

	"github.com/duban/duban"
)

// member is one notice input as the registry knows it.
type member struct {
	path     string
	stateKey string
	keys     []string
	hasRec   bool   // its records were extracted or reloaded in this run
	fresh    bool   // extracted in this run
	written  bool   // its records are in notices/<slug>
	loadedAs string // slug its records were reloaded from
	format   string
	docNum   string
	tasks    int
	warnings []duban.Warning
}

// group is every input holding the same notice.
type group struct {
	members []*member
	winner  *member
	slug    string
}

// registry groups inputs into notices as they finish, picks the input each
// notice is processed from (the lowest path among those with records) and
// gives each notice a folder name that no other notice has.
type registry struct {
	mu     sync.Mutex
	parent map[string]string // union-find over keys
	groups map[string]*group // root key → group
	owner  map[string]*group // slug → group
	stale  map[string]bool   // slugs given up in this run
	locks  map[string]*sync.Mutex
	safe   func(string) string
}

func newRegistry(safe func(string) string) *registry {
	return &registry{
		parent: map[string]string{}, groups: map[string]*group{},
		owner: map[string]*group{}, stale: map[string]bool{},
		locks: map[string]*sync.Mutex{}, safe: safe,
	}
}

func (r *registry) find(k string) string {
	for {
		p, ok := r.parent[k]
		if !ok {
			r.parent[k] = k
			return k
		}
		if p == k {
			return k
		}
		r.parent[k] = r.parent[p]
		k = p
	}
}

// add registers m and returns the slug to write m's records to, or "" when
// m is (for now) a duplicate of another input.
func (r *registry) add(m *member, n *duban.Notice) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var g *group
	var root string
	for _, k := range m.keys {
		rk := r.find(k)
		og := r.groups[rk]
		if g == nil {
			g, root = og, rk
			if g == nil {
				g = &group{}
				r.groups[rk] = g
			}
			continue
		}
		if rk == root {
			continue
		}
		r.parent[rk] = root
		if og != nil {
			delete(r.groups, rk)
			r.merge(g, og)
		}
	}
	if g == nil { // a notice with no keys at all is its own group
		g = &group{}
		r.groups["path:"+m.path] = g
	}
	g.members = append(g.members, m)
	r.elect(g, m, n)
	if g.winner == m {
		return g.slug
	}
	return ""
}

// merge moves og's members into g; the notice keeps the folder of the
// better of the two winners and the other folder is given up.
func (r *registry) merge(g, og *group) {
	g.members = append(g.members, og.members...)
	keep, drop := g, og
	if g.winner == nil || (og.winner != nil && og.winner.path < g.winner.path) {
		keep, drop = og, g
	}
	if drop.slug != "" && drop.slug != keep.slug {
		if r.owner[drop.slug] == drop {
			delete(r.owner, drop.slug)
		}
		r.stale[drop.slug] = true
	}
	if drop.winner != nil {
		drop.winner.written = false
	}
	g.winner, g.slug = keep.winner, keep.slug
	if g.slug != "" {
		r.owner[g.slug] = g
	}
}

// elect picks the group's winner: the lowest path among members with
// records. n is the notice of m, the member just added.
func (r *registry) elect(g *group, m *member, n *duban.Notice) {
	var w *member
	for _, c := range g.members {
		if c.hasRec && (w == nil || c.path < w.path) {
			w = c
		}
	}
	if w == nil || w == g.winner {
		return
	}
	if g.winner != nil {
		g.winner.written = false
	}
	g.winner = w
	if w != m {
		return
	}
	slug := baseSlug(n, m.path, r.safe)
	if g.slug != "" && g.slug != slug && r.owner[g.slug] == g {
		delete(r.owner, g.slug)
		r.stale[g.slug] = true
	}
	for i := 2; r.owner[slug] != nil && r.owner[slug] != g; i++ {
		slug = fmt.Sprintf("%s-%d", baseSlug(n, m.path, r.safe), i)
	}
	r.owner[slug] = g
	delete(r.stale, slug)
	g.slug = slug
}

// stillWinner reports whether m is still its notice's input with this slug.
func (r *registry) stillWinner(m *member, slug string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	g := r.groupOf(m)
	return g != nil && g.winner == m && g.slug == slug
}

func (r *registry) markWritten(m *member) {
	r.mu.Lock()
	m.written = true
	r.mu.Unlock()
}

func (r *registry) groupOf(m *member) *group {
	if len(m.keys) == 0 {
		return r.groups["path:"+m.path]
	}
	return r.groups[r.find(m.keys[0])]
}

// lock serialises writes into one notice folder.
func (r *registry) lock(slug string) *sync.Mutex {
	r.mu.Lock()
	l := r.locks[slug]
	if l == nil {
		l = &sync.Mutex{}
		r.locks[slug] = l
	}
	r.mu.Unlock() // never wait for a folder while holding the registry
	l.Lock()
	return l
}

// orphans are the members of groups with no records at all: duplicates
// reloaded from the state whose original is gone. They must be extracted.
func (r *registry) orphans() []*member {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []*member
	for _, g := range r.groups {
		if g.winner == nil && len(g.members) > 0 {
			sort.Slice(g.members, func(i, j int) bool { return g.members[i].path < g.members[j].path })
			out = append(out, g.members[0])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// remove drops a member (before it is extracted again).
func (r *registry) remove(m *member) {
	r.mu.Lock()
	defer r.mu.Unlock()
	g := r.groupOf(m)
	if g == nil {
		return
	}
	for i, c := range g.members {
		if c == m {
			g.members = append(g.members[:i], g.members[i+1:]...)
			break
		}
	}
}

// fillState records in st every member whose records are safely on disk:
// written winners, and duplicates of a written winner.
func (r *registry) fillState(st *state) {
	r.mu.Lock()
	defer r.mu.Unlock()
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, g := range r.groups {
		if g.winner == nil || !g.winner.written {
			continue
		}
		for _, m := range g.members {
			if m.stateKey == "" {
				continue
			}
			st.Entries[m.stateKey] = &stateEntry{Slug: g.slug, Keys: m.keys, Duplicate: m != g.winner}
			st.Paths[m.path] = g.slug
		}
	}
}

// results gives every member's final status.
func (r *registry) results() []Input {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Input
	for _, g := range r.groups {
		for _, m := range g.members {
			in := Input{Path: m.path, Format: m.format, DocNumber: m.docNum, Tasks: m.tasks, Slug: g.slug}
			switch {
			case g.winner == nil:
				in.Status, in.Error, in.Slug = StatusFailed, "duplicate of a notice that is no longer there", ""
			case m == g.winner && m.fresh:
				in.Status = StatusExtracted
			case m == g.winner:
				in.Status = StatusUnchanged
			default:
				in.Status, in.DuplicateOf = StatusDuplicate, g.winner.path
			}
			out = append(out, in)
		}
	}
	return out
}

// slugs are the notice folders this run owns.
func (r *registry) slugs() map[string]bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := map[string]bool{}
	for slug := range r.owner {
		s[slug] = true
	}
	return s
}

// winners are the members whose records are in the output, with their slug.
func (r *registry) winners() map[*member]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	w := map[*member]string{}
	for _, g := range r.groups {
		if g.winner != nil {
			w[g.winner] = g.slug
		}
	}
	return w
}
