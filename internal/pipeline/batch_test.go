package pipeline

import (
	"archive/zip"
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/extract"
	"github.com/duban/duban/internal/gen"
)

// expectedSlug derives a notice folder from a generated 文号 the way
// baseSlug names folders (连政办发〔2024〕22号 → 连政办发2024-22).
func expectedSlug(doc string) string {
	m := regexp.MustCompile(`^(.+?)[〔\[（](\d{4})[〕\]）](\d+)号$`).FindStringSubmatch(doc)
	return m[1] + m[2] + "-" + m[3]
}

func TestBatchStatuses(t *testing.T) {
	t.Parallel()
	in, out := t.TempDir(), t.TempDir()
	n0, n1, n2 := clauseNotice(t, 11, 0), clauseNotice(t, 11, 1), clauseNotice(t, 11, 2)
	a := writeGen(t, in, "good/a.txt", n0, "txt")
	b := writeGen(t, in, "good/b.pdf", n1, "pdf")
	writeGen(t, in, "good/c.docx", n2, "docx")
	// The same notices again: a byte copy, and another format.
	ab, _ := os.ReadFile(a)
	writeBytes(t, in, "z-dups/a.txt", ab)
	writeGen(t, in, "z-dups/b.docx", n1, "docx")
	// Corrupt and empty files.
	pb, _ := os.ReadFile(b)
	writeBytes(t, in, "bad/truncated.pdf", pb[:len(pb)/2])
	rnd := make([]byte, 4096)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range rnd {
		rnd[i] = byte(r.IntN(256))
	}
	writeBytes(t, in, "bad/random.pdf", rnd)
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("notes/readme.txt")
	w.Write([]byte("not a word document"))
	zw.Close()
	writeBytes(t, in, "bad/notdocx.docx", zb.Bytes())
	writeBytes(t, in, "bad/empty.txt", nil)
	// Not notices at all.
	writeBytes(t, in, "other/readme.md", []byte("# notes"))
	writeBytes(t, in, "other/scan.png", []byte("\x89PNG\r\n"))
	writeBytes(t, in, "other/old.doc", []byte("\xd0\xcf\x11\xe0"))
	writeBytes(t, in, ".hidden/x.txt", []byte("hidden folders are not walked"))

	opt := runOpt(in, out, nil)
	opt.Formats = []string{"pdf", "xlsx"}
	sum := mustRun(t, opt)
	want := map[string]string{
		"good/a.txt": StatusExtracted, "good/b.pdf": StatusExtracted, "good/c.docx": StatusExtracted,
		"z-dups/a.txt": StatusDuplicate, "z-dups/b.docx": StatusDuplicate,
		"bad/truncated.pdf": StatusFailed, "bad/random.pdf": StatusFailed, "bad/notdocx.docx": StatusFailed, "bad/empty.txt": StatusFailed,
		"other/readme.md": StatusSkipped, "other/scan.png": StatusSkipped, "other/old.doc": StatusSkipped,
	}
	got := statusOf(t, in, sum)
	for p, st := range want {
		g, ok := got[p]
		if !ok {
			t.Errorf("%s: not in summary", p)
			continue
		}
		if g.Status != st {
			t.Errorf("%s: status %s (%s), want %s", p, g.Status, g.Error, st)
		}
		if st == StatusFailed && !strings.Contains(g.Error, filepath.Base(p)) {
			t.Errorf("%s: error %q does not name the file", p, g.Error)
		}
	}
	if len(got) != len(want) {
		t.Errorf("summary has %d inputs, want %d: %v", len(got), len(want), got)
	}
	if d := got["z-dups/b.docx"].DuplicateOf; d != b {
		t.Errorf("z-dups/b.docx duplicate of %q, want %q", d, b)
	}
	if !sum.Failed() || sum.Counts.Failed != 4 || len(sum.Failures) != 4 {
		t.Errorf("failures: %+v", sum.Counts)
	}
	if c := sum.Counts; c.Extracted != 3 || c.Duplicate != 2 || c.Skipped != 3 || c.Notices != 3 {
		t.Errorf("counts: %+v", c)
	}
	// Each notice once, in the folder named for its 文号, with all its files.
	ents, _ := os.ReadDir(filepath.Join(out, "notices"))
	if len(ents) != 3 {
		t.Errorf("%d notice folders, want 3", len(ents))
	}
	for _, n := range []string{n0.DocNumber, n1.DocNumber, n2.DocNumber} {
		dir := filepath.Join(out, "notices", expectedSlug(n))
		rec, err := readNotice(filepath.Join(dir, "notice.json"))
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		if normDocNumber(rec.DocNumber) != normDocNumber(n) {
			t.Errorf("%s: records say %s", dir, rec.DocNumber)
		}
		for _, f := range []string{"tasks.csv", LedgerName + ".pdf", LedgerName + ".xlsx"} {
			if _, err := os.Stat(filepath.Join(dir, f)); err != nil && Default().Ledger != nil {
				t.Errorf("missing %s", err)
			}
		}
	}
	// summary.json on disk is the summary returned.
	disk, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil || !bytes.Contains(disk, []byte(`"status": "duplicate"`)) || !bytes.Contains(disk, []byte(`bad/random.pdf"`)) {
		t.Errorf("summary.json: %v\n%s", err, disk)
	}
	assertNoTemps(t, out)
}

func assertNoTemps(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), tmpMark) {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

func TestSecondRunExtractsNothing(t *testing.T) {
	t.Parallel()
	in, out := t.TempDir(), t.TempDir()
	for i, f := range []string{"txt", "pdf", "docx", "txt"} {
		writeGen(t, in, "n"+string(rune('0'+i))+"."+f, clauseNotice(t, 21, i), f)
	}
	writeGen(t, in, "zz-dup.docx", clauseNotice(t, 21, 0), "docx")
	be, calls := counting()
	first := mustRun(t, runOpt(in, out, be))
	if first.Counts.Extracted != 4 || first.Counts.Duplicate != 1 || first.Failed() {
		t.Fatalf("first run: %+v %+v", first.Counts, first.Failures)
	}
	before := tree(t, out)
	mtimes := modTimes(t, filepath.Join(out, "units"))
	calls.Store(0)
	second := mustRun(t, runOpt(in, out, be))
	if calls.Load() != 0 {
		t.Errorf("second run extracted %d notices, want 0", calls.Load())
	}
	if c := second.Counts; c.Unchanged != 4 || c.Duplicate != 1 || c.Extracted != 0 {
		t.Errorf("second run counts: %+v", c)
	}
	after := tree(t, out)
	// Nothing changed, so the unit sheets were not even rebuilt.
	if m := modTimes(t, filepath.Join(out, "units")); len(m) == 0 || !reflect.DeepEqual(m, mtimes) {
		t.Errorf("unit sheets rewritten although nothing changed (%d files)", len(m))
	}
	if second.Counts.Units != first.Counts.Units || second.Counts.Quarters != first.Counts.Quarters {
		t.Errorf("counts of skipped rebuild: %+v, first %+v", second.Counts, first.Counts)
	}
	delete(before, "summary.json")
	delete(after, "summary.json")
	assertSameTree(t, before, after)
	// --force redoes everything.
	calls.Store(0)
	opt := runOpt(in, out, be)
	opt.Force = true
	forced := mustRun(t, opt)
	if calls.Load() != 5 || forced.Counts.Extracted != 4 {
		t.Errorf("--force: %d extractions, counts %+v", calls.Load(), forced.Counts)
	}
}

func modTimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	m := map[string]time.Time{}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if info, err := e.Info(); err == nil {
			m[e.Name()] = info.ModTime()
		}
	}
	return m
}

func assertSameTree(t *testing.T, want, got map[string][]byte) {
	t.Helper()
	for p, b := range want {
		g, ok := got[p]
		switch {
		case !ok:
			t.Errorf("%s: missing", p)
		case !bytes.Equal(b, g) && !sameDocument(p, b, g):
			t.Errorf("%s: differs", p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: unexpected file", p)
		}
	}
}

func TestChangedAndAddedFiles(t *testing.T) {
	t.Parallel()
	in, out := t.TempDir(), t.TempDir()
	for i := range 4 {
		writeGen(t, in, "n"+string(rune('0'+i))+".txt", clauseNotice(t, 31, i), "txt")
	}
	be, calls := counting()
	mustRun(t, runOpt(in, out, be))
	units0 := tree(t, filepath.Join(out, "units"))
	notices0, _ := os.ReadDir(filepath.Join(out, "notices"))
	old1, err := readNotice(filepath.Join(out, "notices", expectedSlug(clauseNotice(t, 31, 1).DocNumber), "notice.json"))
	if err != nil {
		t.Fatal(err)
	}

	// n1 changes (another notice under the same name), n9 is new.
	changed, added := clauseNotice(t, 32, 1), clauseNotice(t, 31, 9)
	writeGen(t, in, "n1.txt", changed, "txt")
	writeGen(t, in, "n9.txt", added, "txt")
	calls.Store(0)
	sum := mustRun(t, runOpt(in, out, be))
	if calls.Load() != 2 || sum.Counts.Extracted != 2 || sum.Counts.Unchanged != 3 {
		t.Errorf("second run: %d extractions, counts %+v", calls.Load(), sum.Counts)
	}
	st := statusOf(t, in, sum)
	if st["n1.txt"].Status != StatusExtracted || st["n9.txt"].Status != StatusExtracted || st["n0.txt"].Status != StatusUnchanged {
		t.Errorf("statuses: %+v", st)
	}
	notices1, _ := os.ReadDir(filepath.Join(out, "notices"))
	if len(notices1) != len(notices0)+1 || sum.Counts.Notices != 5 {
		t.Errorf("notice folders: %d before, %d after (the changed notice replaces its old folder)", len(notices0), len(notices1))
	}
	if _, err := os.Stat(filepath.Join(out, "notices", expectedSlug(clauseNotice(t, 31, 1).DocNumber))); err == nil {
		t.Error("the old folder of the changed notice is still there")
	}
	if Default().UnitSheets == nil {
		t.Skip("unit sheets not available in this build")
	}
	units1 := tree(t, filepath.Join(out, "units"))
	// Only the sheets of units of the new notice, the changed notice and
	// what the changed notice was before change; at least one does.
	affected := map[string]bool{}
	for _, tk := range old1.Tasks {
		for _, u := range tk.Units {
			affected[u.Name] = true
		}
	}
	for _, slug := range []string{st["n1.txt"].Slug, st["n9.txt"].Slug} {
		n, err := readNotice(filepath.Join(out, "notices", slug, "notice.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range n.Tasks {
			for _, u := range tk.Units {
				affected[u.Name] = true
			}
		}
	}
	touched := 0
	for name, b := range units1 {
		if ob, ok := units0[name]; ok && (bytes.Equal(ob, b) || sameDocument(name, ob, b)) {
			continue
		}
		touched++
		if !affectedFile(name, affected) {
			t.Errorf("units/%s changed but belongs to no unit of the new or changed notice", name)
		}
	}
	if touched == 0 {
		t.Error("no unit sheet changed after adding a notice")
	}
}

func affectedFile(name string, units map[string]bool) bool {
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	for u := range units {
		if safe := Default().SafeFileName; safe != nil && strings.HasPrefix(stem, safe(u)) {
			return true
		}
	}
	return false
}

// cancelAfter cancels a run after k inputs are done.
type cancelAfter struct {
	k, done int
	cancel  context.CancelFunc
}

func (c *cancelAfter) Start(int)    {}
func (c *cancelAfter) Begin(string) {}
func (c *cancelAfter) Finish()      {}
func (c *cancelAfter) Done(Input) {
	if c.done++; c.done == c.k {
		c.cancel()
	}
}

func TestInterruptedRunFinishesNextTime(t *testing.T) {
	t.Parallel()
	in := t.TempDir()
	c, _ := testCorpus(t)
	formats := []string{"txt", "docx", "pdf"}
	const total = 6
	for i := range total {
		n := c.New(41, i)
		n.Style = []gen.Style{gen.StyleClause, gen.StyleLabelled, gen.StyleSemicolon}[i%3]
		writeGen(t, in, "n"+string(rune('a'+i))+"."+formats[i%3], n, formats[i%3])
	}
	dup := c.New(41, 4)
	dup.Style = gen.StyleLabelled
	writeGen(t, in, "zz-dup.txt", dup, "txt")
	whole, parts := t.TempDir(), t.TempDir()
	both := func(o Options) Options { o.Formats = []string{"pdf", "xlsx"}; return o }
	mustRun(t, both(runOpt(in, whole, nil)))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opt := both(runOpt(in, parts, nil))
	opt.Progress = &cancelAfter{k: 3, cancel: cancel}
	sum, err := Run(ctx, opt)
	if err == nil || !sum.Interrupted || sum.Counts.Pending == 0 {
		t.Fatalf("interrupted run: err %v, summary %+v", err, sum.Counts)
	}
	assertNoTemps(t, parts)
	be, calls := counting()
	sum2 := mustRun(t, both(runOpt(in, parts, be)))
	done := sum.Counts.Extracted + sum.Counts.Duplicate + sum.Counts.Failed
	if int(calls.Load()) > total+1-done+1 { // at most one duplicate recorded before its original is redone
		t.Errorf("resumed run extracted %d notices; %d were done before", calls.Load(), done)
	}
	if sum2.Interrupted || sum2.Counts.Pending != 0 {
		t.Errorf("resumed run: %+v", sum2.Counts)
	}
	a, b := tree(t, whole), tree(t, parts)
	delete(a, "summary.json")
	delete(b, "summary.json")
	assertSameTree(t, a, b)
}

func TestPanickingExtractorFailsOneInput(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeGen(t, in, "a.txt", clauseNotice(t, 51, 0), "txt")
	writeBytes(t, in, "boom.txt", []byte("boom"))
	be := Default()
	ext := be.Extract
	be.Extract = func(in *extract.Input, opt extract.Options) (*duban.Notice, error) {
		if string(in.Data) == "boom" {
			panic("reader bug")
		}
		return ext(in, opt)
	}
	sum := mustRun(t, runOpt(in, out, be))
	st := statusOf(t, in, sum)
	if st["a.txt"].Status != StatusExtracted || st["boom.txt"].Status != StatusFailed || !strings.Contains(st["boom.txt"].Error, "reader bug") {
		t.Errorf("statuses: %+v", st)
	}
}
