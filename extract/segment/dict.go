//go:build cgo && !nojieba

package segment

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// dictFS holds cppjieba's dictionaries (see dict/README.md).
//
//go:embed dict/jieba.dict.utf8 dict/hmm_model.utf8 dict/user.dict.utf8 dict/idf.utf8 dict/stop_words.utf8
var dictFS embed.FS

// dictNames are the dictionary files in the order gojieba.NewJieba takes
// their paths.
var dictNames = []string{"jieba.dict.utf8", "hmm_model.utf8", "user.dict.utf8", "idf.utf8", "stop_words.utf8"}

// dictVersion is dictHash of the embedded dictionaries, fixed here so that
// a run does not read all 12 MB to hash them (TestDictVersion checks it):
// a new set gets a new cache folder, so a stale one is never used.
const dictVersion = "7bab4f9b212233d1"

// dictHash is a short hash of the dictionaries in fsys.
func dictHash(fsys fs.FS) (string, error) {
	h := sha256.New()
	for _, n := range dictNames {
		b, err := fs.ReadFile(fsys, "dict/"+n)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", n, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// cacheRoot is the folder the dictionaries go into: the user cache folder,
// else the temporary folder.
func cacheRoots() []string {
	var roots []string
	if d, err := os.UserCacheDir(); err == nil {
		roots = append(roots, filepath.Join(d, "duban"))
	}
	return append(roots, filepath.Join(os.TempDir(), fmt.Sprintf("duban-%d", os.Getuid())))
}

// writeDicts makes sure the dictionaries are on disk in
// <root>/jieba-<hash>/ for the first root that can be written, and returns
// their paths in dictNames order. Files already there with the right size
// are reused; others are written to a temporary name and renamed, so a
// concurrent or interrupted run never leaves a half-written dictionary.
func writeDicts(fsys fs.FS, roots []string) ([]string, error) {
	var firstErr error
	for _, root := range roots {
		paths, err := writeDictsIn(fsys, filepath.Join(root, "jieba-"+dictVersion))
		if err == nil {
			return paths, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = fmt.Errorf("no cache folder")
	}
	return nil, fmt.Errorf("segment: writing dictionaries: %w", firstErr)
}

func writeDictsIn(fsys fs.FS, dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	paths := make([]string, len(dictNames))
	for i, n := range dictNames {
		p := filepath.Join(dir, n)
		paths[i] = p
		want, err := fs.Stat(fsys, "dict/"+n)
		if err != nil {
			return nil, err
		}
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && fi.Size() == want.Size() {
			continue
		}
		b, err := fs.ReadFile(fsys, "dict/"+n)
		if err != nil {
			return nil, err
		}
		if err := writeFileAtomic(p, b); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
