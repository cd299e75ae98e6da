package extract

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/duban/duban"
)

const enrSamplePath = "../seeds/lianyungang-2024-22.txt"

// enrStrip returns a copy of n without the fields Enrich adds.
func enrStrip(t *testing.T, n *duban.Notice) *duban.Notice {
	t.Helper()
	b, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	var c duban.Notice
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	for i := range c.Tasks {
		c.Tasks[i].Keywords = nil
		c.Tasks[i].Mentioned = nil
		for j := range c.Tasks[i].Units {
			c.Tasks[i].Units[j].Canonical = ""
		}
	}
	return &c
}

// The sample notice names every unit in its clauses: enriching it adds
// keywords, mentioned units and canonical names, and changes nothing else.
func TestEnrichSampleUnchanged(t *testing.T) {
	seg := enrSegmenter(t)
	plain, err := File(enrSamplePath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := File(enrSamplePath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A directory that knows every unit of the notice, one by an alias.
	var yml []byte
	yml = append(yml, "units:\n  - name: 市发展改革委\n    aliases: [市发改委]\n"...)
	for _, name := range noticeUnitNames(plain) {
		if name != "市发改委" {
			q, _ := json.Marshal(name)
			yml = append(yml, "  - name: "+string(q)+"\n"...)
		}
	}
	dir, err := duban.ParseDirectory(yml, "sample-units.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if ws := Enrich(n, dir, seg); len(ws) != 0 {
		t.Errorf("warnings for a directory listing every unit: %v", ws)
	}
	if got, want := enrStrip(t, n), enrStrip(t, plain); !reflect.DeepEqual(got, want) {
		for i := range want.Tasks {
			if i < len(got.Tasks) && !reflect.DeepEqual(got.Tasks[i], want.Tasks[i]) {
				t.Errorf("task %s changed:\n got %+v\nwant %+v", want.Tasks[i].ID, got.Tasks[i], want.Tasks[i])
			}
		}
		t.Fatal("enriching changed the sample's records beyond the new fields")
	}
	withKeywords := 0
	for _, task := range n.Tasks {
		if len(task.Keywords) > 0 {
			withKeywords++
		}
		for _, u := range task.Units {
			if u.Canonical == "" || u.Inferred {
				t.Errorf("%s: unit %+v", task.ID, u)
			}
			if u.Name == "市发改委" && u.Canonical != "市发展改革委" {
				t.Errorf("%s: 市发改委 canonical %q", task.ID, u.Canonical)
			}
		}
		if task.ID == "一.4" && !enrContains(task.Mentioned, "无锡市发改委") {
			t.Errorf("一.4 mentioned %v, want 无锡市发改委", task.Mentioned)
		}
	}
	if withKeywords < len(n.Tasks)*9/10 {
		t.Errorf("only %d of %d tasks got keywords", withKeywords, len(n.Tasks))
	}
}

// BenchmarkExtractSampleWithoutSegmenter is the sample TXT's extraction
// with the directory step only (as in a nojieba build).
func BenchmarkExtractSampleWithoutSegmenter(b *testing.B) {
	dir, err := duban.ParseDirectory([]byte("units:\n  - name: 市发展改革委\n    aliases: [市发改委]\n"), "units.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		n, err := File(enrSamplePath, Options{})
		if err != nil {
			b.Fatal(err)
		}
		Enrich(n, dir, nil)
	}
}

// BenchmarkExtractSampleWithSegmenter is the same with the segmenter
// (already loaded: loading is BenchmarkLoad in package segment).
func BenchmarkExtractSampleWithSegmenter(b *testing.B) {
	seg := enrSegmenter(b)
	dir, err := duban.ParseDirectory([]byte("units:\n  - name: 市发展改革委\n    aliases: [市发改委]\n"), "units.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n, err := File(enrSamplePath, Options{})
		if err != nil {
			b.Fatal(err)
		}
		Enrich(n, dir, seg)
	}
}
