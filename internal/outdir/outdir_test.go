package outdir

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestCheckName(t *testing.T) {
	for _, bad := range []string{"", ".", "..", "../x", "a/b", `a\b`, "/etc", "a\x00b", "C:x"} {
		if err := CheckName(bad); err == nil || !errors.Is(err, ErrEscape) {
			t.Errorf("CheckName(%q) = %v, want ErrEscape", bad, err)
		}
	}
	for _, good := range []string{"连政办发2024-22", "a..b", "_", "x.pdf"} {
		if err := CheckName(good); err != nil {
			t.Errorf("CheckName(%q) = %v", good, err)
		}
	}
}

func TestJoinRefusesLinks(t *testing.T) {
	root, other := t.TempDir(), t.TempDir()
	if err := os.Symlink(other, filepath.Join(root, "notices")); err != nil {
		t.Skip(err)
	}
	if _, err := Join(root, "notices", "x"); !errors.Is(err, ErrEscape) {
		t.Errorf("Join through a link: %v", err)
	}
	if p, err := Join(root, "units", "x"); err != nil || p != filepath.Join(root, "units", "x") {
		t.Errorf("Join of a missing folder: %q %v", p, err)
	}
}

func TestRemoveFilesKeepsOthers(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "n", "s")
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	for _, f := range []string{"notice.json", "mine.txt"} {
		os.WriteFile(filepath.Join(dir, f), nil, 0o644)
	}
	ours := func(name string) bool { return name == "notice.json" || name == "sub" }
	if err := RemoveFiles(root, ours, "n", "s"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "notice.json")); err == nil {
		t.Error("notice.json not removed")
	}
	for _, f := range []string{"mine.txt", "sub"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s removed: %v", f, err)
		}
	}
	os.Remove(filepath.Join(dir, "mine.txt"))
	os.Remove(filepath.Join(dir, "sub"))
	os.WriteFile(filepath.Join(dir, "notice.json"), nil, 0o644)
	RemoveFiles(root, ours, "n", "s")
	if _, err := os.Stat(dir); err == nil {
		t.Error("emptied folder left behind")
	}
}

func TestWithin(t *testing.T) {
	root := t.TempDir()
	link := filepath.Join(t.TempDir(), "l")
	if err := os.Symlink(root, link); err != nil {
		t.Skip(err)
	}
	for p, want := range map[string]bool{
		root: true, filepath.Join(root, "a", "b"): true, filepath.Join(link, "x"): true,
		filepath.Dir(root): false, filepath.Join(root, "..", "y"): false,
	} {
		if got := Within(root, p); got != want {
			t.Errorf("Within(%q) = %v", p, got)
		}
	}
}
