package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/internal/gen"
	"github.com/duban/duban/store"
	"github.com/duban/duban/templates"
)

var (
	corpusOnce sync.Once
	corpus     *gen.Corpus
	fontBytes  []byte
	corpusErr  error
)

// testCorpus is the generator's material: the sample and the style files.
func testCorpus(t testing.TB) (*gen.Corpus, []byte) {
	t.Helper()
	corpusOnce.Do(func() {
		var texts []string
		for _, p := range []string{"../../seeds/lianyungang-2024-22.txt", "../../testdata/styles/haichuan-2025-7.txt", "../../testdata/styles/dongling-2025-19.txt"} {
			b, err := os.ReadFile(p)
			if err != nil {
				corpusErr = err
				return
			}
			texts = append(texts, string(b))
		}
		corpus = gen.LoadCorpus(texts...)
		fontBytes = templates.Font()
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpus, fontBytes
}

// clauseNotice is generated notice i in the trailing-clause style of the
// sample, the style every extractor version reads.
func clauseNotice(t testing.TB, seed int64, i int) *gen.Notice {
	c, _ := testCorpus(t)
	n := c.New(seed, i)
	n.Style = gen.StyleClause
	return n
}

func writeGen(t testing.TB, dir, name string, n *gen.Notice, format string) string {
	t.Helper()
	_, font := testCorpus(t)
	b, err := gen.Encode(n, format, font)
	if err != nil {
		t.Fatal(err)
	}
	return writeBytes(t, dir, name, b)
}

func writeBytes(t testing.TB, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// fixedNow keeps footers equal between runs.
var fixedNow = time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)

// counting wraps the real backend and counts extractions.
func counting() (*Backend, *atomic.Int64) {
	be := Default()
	var n atomic.Int64
	ext := be.Extract
	be.Extract = func(in *extract.Input, opt extract.Options) (*duban.Notice, error) {
		n.Add(1)
		return ext(in, opt)
	}
	return be, &n
}

// runOpt renders workbooks only, to keep the tests fast; the tests that
// need PDFs ask for them.
func runOpt(in, out string, be *Backend) Options {
	return Options{Inputs: []string{in}, Out: out, Jobs: 2, Now: fixedNow, Backend: be, Formats: []string{"xlsx"}}
}

func mustRun(t testing.TB, opt Options) *Summary {
	t.Helper()
	sum, err := Run(context.Background(), opt)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return sum
}

// statusOf maps input paths (relative to dir) to their status.
func statusOf(t testing.TB, dir string, sum *Summary) map[string]Input {
	t.Helper()
	m := map[string]Input{}
	for _, in := range sum.Inputs {
		rel, err := filepath.Rel(dir, in.Path)
		if err != nil {
			t.Fatal(err)
		}
		m[filepath.ToSlash(rel)] = in
	}
	return m
}

// tree reads every file under dir except the state, keyed by relative path.
func tree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if os.IsNotExist(err) {
			return nil
		}
		if err != nil || d.IsDir() || d.Name() == StateFile || d.Name() == LockFile || strings.HasPrefix(d.Name(), store.FileName) {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
