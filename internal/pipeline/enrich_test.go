package pipeline

import (
	"errors"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/segment"
)

const enrichNotice = "连云港市人民政府办公室\n\n连政办发〔2024〕98号\n\n关于印发测试计划的通知\n\n连云港市人民政府办公室\n2024年3月1日\n\n测试计划\n\n" +
	"一、重点工作\n1.推进项目建设。（责任单位：市发改委，完成时间：2024年6月底前）\n" +
	"2.由市发改委牵头，市财政局配合，建立项目储备库。（完成时间：2024年11月底前）\n"

func parseDir(t *testing.T, yaml string) *duban.Directory {
	t.Helper()
	d, err := duban.ParseDirectory([]byte(yaml), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A segmenter that cannot be loaded costs the inferred units, not the
// canonical names, and the run says why once.
func TestEnrichSegmenterUnavailable(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeBytes(t, in, "a.txt", []byte(enrichNotice))
	writeBytes(t, in, "b.txt", []byte(strings.NewReplacer("98号", "97号", "推进项目建设", "推进园区建设").Replace(enrichNotice)))
	be := Default()
	var segCalls atomic.Int64
	be.Segmenter = func() (*segment.Segmenter, error) {
		segCalls.Add(1)
		return nil, errors.New("no dictionaries")
	}
	opt := runOpt(in, out, be)
	opt.Directory = parseDir(t, "units:\n  - name: 市发展改革委\n    aliases: [市发改委]\n")
	opt.Segment = SegmentOn
	sum := mustRun(t, opt)
	if sum.Counts.Extracted != 2 {
		t.Fatalf("counts %+v, want two notices extracted", sum.Counts)
	}
	if segCalls.Load() != 1 {
		t.Fatalf("segmenter loaded %d times, want once", segCalls.Load())
	}
	segWarns := 0
	for _, w := range sum.Warnings {
		if w.Code == "segment" {
			segWarns++
		}
	}
	if segWarns != 1 {
		t.Errorf("%d segment warnings, want 1: %+v", segWarns, sum.Warnings)
	}
	n, err := readNotice(filepath.Join(out, "notices", "连政办发2024-98", "notice.json"))
	if err != nil {
		t.Fatal(err)
	}
	if c := n.Tasks[0].Units[0].Canonical; c != "市发展改革委" {
		t.Errorf("canonical %q without the segmenter", c)
	}
}

func TestOptionsHashCoversDirectoryAndSegment(t *testing.T) {
	base := Options{}
	d1 := parseDir(t, "units:\n  - name: 市发展改革委\n    aliases: [市发改委]\n")
	d1c := parseDir(t, "# a comment\n\nunits:\n  - name: 市发展改革委\n    aliases: [市发改委]\n")
	d2 := parseDir(t, "units:\n  - name: 市发展改革委\n    aliases: [市发改委, 发改委]\n")
	h := func(d *duban.Directory, m SegmentMode) string {
		o := base
		o.Directory, o.Segment = d, m
		return optionsHash(o)
	}
	if h(nil, "") != h(nil, SegmentAuto) {
		t.Error("the zero segment mode is not auto")
	}
	if h(nil, SegmentAuto) == h(nil, SegmentOn) || h(nil, SegmentOn) == h(nil, SegmentOff) {
		t.Error("segment mode not in the options hash")
	}
	if h(nil, "") == h(d1, "") || h(d1, "") == h(d2, "") {
		t.Error("directory content not in the options hash")
	}
	if h(d1, "") != h(d1c, "") {
		t.Error("a comment in the directory changes the options hash")
	}
	if _, err := ParseSegmentMode("sometimes"); err == nil {
		t.Error("bad segment mode accepted")
	}
}
