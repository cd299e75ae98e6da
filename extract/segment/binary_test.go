//go:build cgo && !nojieba

package segment

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCopiedBinarySegments builds a small command with -trimpath, copies it
// to another folder, deletes the original and runs the copy with a fresh
// home folder: it must write its dictionaries to that home's cache and
// segment, twice (the second run reusing the cache).
func TestCopiedBinarySegments(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build with")
	}
	modCache, err := exec.Command(goBin, "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	built := filepath.Join(tmp, "build", "segcheck")
	build := exec.Command(goBin, "build", "-trimpath", "-o", built, "./internal/segcheck")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	bin, err := os.ReadFile(built)
	if err != nil {
		t.Fatal(err)
	}
	if mc := bytes.TrimSpace(modCache); len(mc) > 0 && bytes.Contains(bin, mc) {
		t.Errorf("-trimpath binary still names the module cache %s", mc)
	}
	copied := filepath.Join(tmp, "elsewhere", "segcheck")
	if err := os.MkdirAll(filepath.Dir(copied), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copied, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(tmp, "build")); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(tmp, "home")
	if err := os.Mkdir(home, 0o755); err != nil {
		t.Fatal(err)
	}
	var env []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "HOME=") && !strings.HasPrefix(e, "XDG_CACHE_HOME=") {
			env = append(env, e)
		}
	}
	env = append(env, "HOME="+home)
	for run := 1; run <= 2; run++ {
		cmd := exec.Command(copied, "由市发改委牵头开展对口帮扶")
		cmd.Dir = filepath.Dir(copied)
		cmd.Env = env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("run %d: %v\n%s", run, err, stderr.String())
		}
		if got := strings.TrimSpace(string(out)); !strings.HasPrefix(got, "由/市发改委/牵头/") {
			t.Errorf("run %d: segmented as %q", run, got)
		}
	}
	dicts, _ := filepath.Glob(filepath.Join(home, ".cache", "duban", "jieba-*", "*.utf8"))
	if len(dicts) != len(dictNames) {
		t.Errorf("dictionaries in the fresh home's cache: %v", dicts)
	}
}
