package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/store"
)

// A tampered state naming a notice folder outside the output folder makes
// the next run neither read nor remove anything there (issue 17, item 2):
// it used to os.RemoveAll the folder the slug named.
func TestTamperedStateRemovesNothingOutside(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	in, out := filepath.Join(root, "in"), filepath.Join(root, "a", "b", "out")
	victim := filepath.Join(root, "victim")
	writeBytes(t, victim, "keep.txt", []byte("precious"))
	writeBytes(t, victim, "notice.json", []byte("{}")) // a name duban writes, too
	p := writeGen(t, in, "n.txt", clauseNotice(t, 17, 0), "txt")
	mustRun(t, runOpt(in, out, nil))

	// Point the notice at ../../../../victim, as a tampered state would, and
	// change the notice so the run gives up the old folder.
	db, err := store.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := loadState(out, db)
	evil := "../../../../victim"
	for k := range st.Entries {
		st.Entries[k].Slug = evil
	}
	for k := range st.Paths {
		st.Paths[k] = evil
	}
	if err := db.Put(stateKeyName, st); err != nil {
		t.Fatal(err)
	}
	db.Close()
	writeGen(t, in, "n.txt", clauseNotice(t, 17, 1), "txt")

	sum := mustRun(t, runOpt(in, out, nil))
	for _, f := range []string{"keep.txt", "notice.json"} {
		if _, err := os.Stat(filepath.Join(victim, f)); err != nil {
			t.Errorf("%s outside the output folder: %v", f, err)
		}
	}
	warned := false
	for _, w := range sum.Warnings {
		warned = warned || (w.Code == "state" && strings.Contains(w.Message, "outside the output folder"))
	}
	if !warned {
		t.Errorf("no warning about the tampered state: %+v", sum.Warnings)
	}
	if st := statusOf(t, in, sum)["n.txt"]; st.Status != StatusExtracted {
		t.Errorf("%s: %+v", p, st)
	}
}

// A notice folder replaced by a link to a folder outside is neither written
// through nor emptied.
func TestLinkedNoticeFolderNotFollowed(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	in, out, victim := filepath.Join(root, "in"), filepath.Join(root, "out"), filepath.Join(root, "victim")
	writeBytes(t, victim, "notice.json", []byte("{}"))
	writeGen(t, in, "n.txt", clauseNotice(t, 17, 2), "txt")
	sum := mustRun(t, runOpt(in, out, nil))
	slug := sum.Inputs[0].Slug
	dir := filepath.Join(out, "notices", slug)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, dir); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	sum, _ = Run(t.Context(), Options{Inputs: []string{in}, Out: out, Jobs: 1, Now: fixedNow, Formats: []string{"xlsx"}, Force: true})
	if b, _ := os.ReadFile(filepath.Join(victim, "notice.json")); string(b) != "{}" {
		t.Errorf("written through a link out of the output folder: %.80s", b)
	}
	if _, err := os.Stat(filepath.Join(victim, "tasks.csv")); err == nil {
		t.Errorf("tasks.csv written through a link out of the output folder")
	}
	if sum == nil || sum.Counts.Failed != 1 || !strings.Contains(sum.Failures[0].Error, "outside the output folder") {
		t.Errorf("want the notice failed with why: %+v", sum)
	}
}
