package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/duban/duban"
)

func sample() *duban.Notice {
	return &duban.Notice{
		DocNumber: "连政办发〔2024〕22号", Year: 2024, IssueDate: "2024-05-11",
		Source: duban.Source{Path: "a.txt", SHA256: "abc"},
		Tasks: []duban.Task{
			{ID: "一.1", Text: "任务一", Units: []duban.Unit{{Name: "市发改委", Role: duban.RoleLead}},
				Deadline: &duban.Deadline{Raw: "6月底前", Date: "2024-06-30", Kind: duban.KindMonthEnd, Quarter: "2024Q2"}},
			{ID: "一.2", Text: "任务二", Units: []duban.Unit{{Name: "市财政局", Role: duban.RoleResponsible}},
				Deadline: &duban.Deadline{Raw: "9月底前", Date: "2024-09-30", Kind: duban.KindMonthEnd, Quarter: "2024Q3"}},
		},
	}
}

// reparse understands "N月底前" for the tests.
func reparse(raw string, n *duban.Notice) *duban.Deadline {
	var m int
	if _, err := fmt.Sscanf(raw, "%d月底前", &m); err != nil {
		return nil
	}
	t := time.Date(n.Year, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
	return &duban.Deadline{Raw: raw, Date: duban.NullString(t.Format(duban.DateLayout)), Kind: duban.KindMonthEnd, Quarter: duban.NullString(duban.QuarterOf(t))}
}

func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestMigrateFromFirstSchema(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	old, err := openAt(p, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.PutExtractedV1("n1", sample()); err != nil {
		t.Fatal(err)
	}
	if _, err := old.AddCorrection(Correction{Slug: "n1", Task: "一.1", Field: FieldText, Old: "任务一", New: "任务一（改）", Base: "任务一", By: "张三"}); err != nil {
		t.Fatal(err)
	}
	if err := old.Put("pipeline", map[string]int{"version": 1}); err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err := OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(); v != Version {
		t.Fatalf("schema %d after migration, want %d", v, Version)
	}
	n, conf, err := s.Notice("n1", reparse)
	if err != nil || n == nil {
		t.Fatalf("notice after migration: %v %v", n, err)
	}
	if len(conf) != 0 || n.Tasks[0].Text != "任务一（改）" {
		t.Fatalf("correction lost in migration: %q %v", n.Tasks[0].Text, conf)
	}
	var kv map[string]int
	if ok, err := s.Get("pipeline", &kv); !ok || err != nil || kv["version"] != 1 {
		t.Fatalf("bookkeeping lost: %v %v %v", ok, err, kv)
	}
	if _, err := s.AddReport(Report{Slug: "n1", Task: "一.1", Progress: duban.Progress{Unit: "市发改委", Status: duban.StatusDone}}); err != nil {
		t.Fatalf("new table after migration: %v", err)
	}
}

// PutExtractedV1 writes a notice with the first schema's columns only.
func (s *Store) PutExtractedV1(slug string, n *duban.Notice) error {
	_, err := s.db.Exec(`INSERT INTO notices(slug, keys, extracted, updated_at) VALUES(?, '[]', ?, '2024-01-01')`, slug,
		`{"doc_number":"`+n.DocNumber+`","year":2024,"tasks":[{"id":"一.1","text":"任务一"}]}`)
	return err
}

func TestNewerStoreRefused(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	s, err := OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", Version+1))
	s.Close()
	_, err = OpenFile(p)
	if !errors.Is(err, ErrNewer) || !strings.Contains(err.Error(), p) {
		t.Fatalf("newer store: %v", err)
	}
}

func TestCorrectionSurvivesReextraction(t *testing.T) {
	s := open(t)
	n := sample()
	s.PutExtracted("n", nil, n)
	cur, _, _ := s.Notice("n", reparse)
	edited, _, _ := s.Notice("n", reparse)
	edited.Tasks[0].Text = "任务一，已改"
	edited.Tasks[1].Deadline.Raw = "11月底前" // 完成时限 alone: the date follows
	edited.Tasks = edited.Tasks[:2]
	edited.Tasks = append(edited.Tasks, duban.Task{ID: "二.1", Text: "新增任务", Deadline: &duban.Deadline{Raw: "3月底前"}})
	ext, _ := s.Extracted("n")
	cs := Diff("n", ext, cur, edited, "任务分解表.xlsx", "李四")
	if len(cs) != 3 {
		t.Fatalf("diff: %+v", cs)
	}
	for _, c := range cs {
		if _, err := s.AddCorrection(c); err != nil {
			t.Fatal(err)
		}
	}
	// Re-extraction: task 一.1 unchanged, 一.2's raw changed under a correction.
	n2 := sample()
	n2.Tasks[1].Deadline.Raw = "10月底前"
	s.PutExtracted("n", nil, n2)
	got, conf, err := s.Notice("n", reparse)
	if err != nil {
		t.Fatal(err)
	}
	if got.Tasks[0].Text != "任务一，已改" {
		t.Errorf("correction lost: %q", got.Tasks[0].Text)
	}
	d := got.Tasks[1].Deadline
	if d.Raw != "11月底前" || d.Date != "2024-11-30" || d.Quarter != "2024Q4" {
		t.Errorf("raw edit did not redate: %+v", d)
	}
	if len(conf) != 1 || conf[0].Task != "一.2" || conf[0].Now != "10月底前" || conf[0].Was != "9月底前" {
		t.Errorf("conflicts: %+v", conf)
	}
	if len(got.Tasks) != 3 || got.Tasks[2].ID != "二.1" || got.Tasks[2].Deadline.Quarter != "2024Q1" {
		t.Errorf("added row: %+v", got.Tasks)
	}
	// Deleting a row withdraws it; history keeps it.
	cur = got
	edited, _, _ = s.Notice("n", reparse)
	edited.Tasks = edited.Tasks[1:]
	for _, c := range Diff("n", n2, cur, edited, "x.xlsx", "") {
		s.AddCorrection(c)
	}
	got, _, _ = s.Notice("n", reparse)
	if len(got.Tasks) != 2 || got.Tasks[0].ID != "一.2" {
		t.Errorf("withdrawn row still there: %+v", got.Tasks)
	}
	h, _ := s.History("n")
	if len(h) != 4 || h[3].Field != FieldWithdrawn || h[0].By != "李四" || h[0].Origin != "任务分解表.xlsx" {
		t.Errorf("history: %+v", h)
	}
	// The same edit again changes nothing.
	for _, c := range Diff("n", n2, got, edited, "x.xlsx", "") {
		if ok, _ := s.AddCorrection(c); ok {
			t.Errorf("same edit recorded again: %+v", c)
		}
	}
}

func TestDateEditWins(t *testing.T) {
	s := open(t)
	s.PutExtracted("n", nil, sample())
	cur, _, _ := s.Notice("n", reparse)
	ed, _, _ := s.Notice("n", reparse)
	ed.Tasks[0].Deadline.Raw = "8月底前"
	ed.Tasks[0].Deadline.Date = "2024-12-15"
	ext, _ := s.Extracted("n")
	for _, c := range Diff("n", ext, cur, ed, "cli", "") {
		s.AddCorrection(c)
	}
	got, _, _ := s.Notice("n", reparse)
	if d := got.Tasks[0].Deadline; d.Raw != "8月底前" || d.Date != "2024-12-15" || d.Quarter != "2024Q4" {
		t.Errorf("%+v", d)
	}
}

func TestReports(t *testing.T) {
	s := open(t)
	s.PutExtracted("n", nil, sample())
	r := Report{Slug: "n", Task: "一.1", Progress: duban.Progress{Unit: "市发改委", Status: duban.StatusBehind, Detail: "进行中", Round: "2024Q2"}}
	if ok, err := s.AddReport(r); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if ok, _ := s.AddReport(r); ok {
		t.Error("same report stored twice")
	}
	r.Status, r.Round = duban.StatusDone, "2024Q3"
	s.AddReport(r)
	r.Round = "2024Q1"
	if _, err := s.AddReport(r); !errors.Is(err, ErrOlderRound) {
		t.Errorf("older round: %v", err)
	}
	n, _, _ := s.Notice("n", reparse)
	if p := n.Tasks[0].Progress; len(p) != 1 || p[0].Status != duban.StatusDone {
		t.Errorf("latest: %+v", p)
	}
	if h, _ := s.Reports("n"); len(h) != 2 {
		t.Errorf("history: %d", len(h))
	}
}

// Two connections writing at once (the CLI and a web console) never see
// "database is locked".
func TestConcurrentWriters(t *testing.T) {
	dir := t.TempDir()
	a, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	for i, s := range []*Store{a, b} {
		wg.Go(func() {
			for k := range 100 {
				_, err := s.AddCorrection(Correction{Slug: "n", Task: fmt.Sprint(i, k), Field: FieldText, New: "x"})
				if err == nil {
					err = s.PutExtracted(fmt.Sprint("n", i, k%5), nil, sample())
				}
				if err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}
