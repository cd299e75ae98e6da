package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/store"
)

// The unit directory the console stored (设置) is the one `duban run` uses
// when none is named: an alias gets its canonical name; --units still wins.
func TestRunUsesStoredDirectory(t *testing.T) {
	out := t.TempDir()
	st, err := store.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetDirectory("units:\n  - name: 市发展改革委\n    aliases: [市发改委]\n"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	canonical := func() map[string]int {
		t.Helper()
		m, _ := filepath.Glob(filepath.Join(out, "notices", "*", "notice.json"))
		if len(m) != 1 {
			t.Fatalf("notice.json files: %v", m)
		}
		b, err := os.ReadFile(m[0])
		if err != nil {
			t.Fatal(err)
		}
		var n duban.Notice
		if err := json.Unmarshal(b, &n); err != nil {
			t.Fatal(err)
		}
		c := map[string]int{}
		for _, x := range n.Tasks {
			for _, u := range x.Units {
				if u.Name == "市发改委" {
					c[u.Canonical]++
				}
			}
		}
		return c
	}
	if code, _, errs := cli(t, "run", "-q", "--formats", "xlsx", "-o", out, "../../seeds/lianyungang-2024-22.txt"); code != 0 {
		t.Fatalf("run: %d %s", code, errs)
	}
	if c := canonical(); c["市发展改革委"] == 0 || c[""] != 0 {
		t.Errorf("市发改委 with the stored directory: canonical names %v", c)
	}
	units := filepath.Join(t.TempDir(), "units.yaml")
	os.WriteFile(units, []byte("units:\n  - name: 发改委\n    aliases: [市发改委]\n"), 0o644)
	if code, _, errs := cli(t, "run", "-q", "--force", "--formats", "xlsx", "--units", units, "-o", out, "../../seeds/lianyungang-2024-22.txt"); code != 0 {
		t.Fatalf("run --units: %d %s", code, errs)
	}
	if c := canonical(); c["发改委"] == 0 || c["市发展改革委"] != 0 {
		t.Errorf("市发改委 with --units: canonical names %v", c)
	}
}
