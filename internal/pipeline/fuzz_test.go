package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban"
)

// FuzzReadRecords: any bytes given to duban render as records give
// notices with tasks or an error naming the file, never a panic.
func FuzzReadRecords(f *testing.F) {
	f.Add([]byte(`{"doc_number":"连政办发〔2024〕22号","tasks":[{"id":"一.1","text":"x","units":[],"deadline":null}]}`))
	f.Add([]byte(`[{"tasks":[{"id":"1"}]},{"tasks":[]}]`))
	f.Add([]byte("{\"tasks\":[{\"id\":\"1\"}]}\n{\"tasks\":[{\"id\":\"2\"}]}\n"))
	f.Add([]byte("\xef\xbb\xbf[]"))
	f.Add([]byte(`{"tasks":[{"deadline":{"date":5}}]}`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "records.json")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		ns, err := ReadRecords(p, &Backend{})
		if err != nil {
			if !strings.Contains(err.Error(), "records.json") {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		if len(ns) == 0 {
			t.Error("no notices and no error")
		}
		for _, n := range ns {
			if n == nil || len(n.Tasks) == 0 {
				t.Error("a notice without tasks accepted")
			}
		}
	})
}

// FuzzSlug: every 文号 and file name gives a non-empty folder name that is
// one path element, safe on Linux and Windows.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"连政办发〔2024〕22号", "a/b\\c:d", "..", "", "CON", "x〔2024〕第 3 号", strings.Repeat("长", 300)} {
		f.Add(s, "dir/notice.txt")
	}
	safe := Default().SafeFileName
	f.Fuzz(func(t *testing.T, doc, file string) {
		s := baseSlug(&duban.Notice{DocNumber: doc}, file, safe)
		if s == "" || s == "." || s == ".." || strings.ContainsAny(s, "/\\:*?\"<>|\x00") {
			t.Errorf("%q, %q: unsafe slug %q", doc, file, s)
		}
	})
}
