package extract

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/gold"
)

// goldenCases pairs each sample notice with its gold records.
func goldenCases(t testing.TB) [][2]string {
	cases := [][2]string{
		{"../seeds/lianyungang-2024-22.txt", "../testdata/lianyungang-2024-22.gold.json"},
		{"../testdata/lianyungang-2024-22.docx", "../testdata/lianyungang-2024-22.gold.json"},
	}
	styles, err := filepath.Glob("../testdata/styles/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range styles {
		ext := strings.ToLower(filepath.Ext(f))
		if ext != ".txt" && ext != ".docx" {
			continue
		}
		base := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		base = strings.TrimSuffix(base, ".gb18030")
		cases = append(cases, [2]string{f, filepath.Join(filepath.Dir(f), base+".gold.json")})
	}
	return cases
}

// TestGolden checks every field the gold records have, for every TXT and
// DOCX sample.
func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(filepath.Base(c[0]), func(t *testing.T) {
			got := checkGold(t, c[0], c[1])
			for _, task := range got.Tasks {
				if task.Source.Line <= 0 {
					t.Errorf("task %s: no source line", task.ID)
				}
			}
			if got.Source.SHA256 == "" || got.Source.Path != c[0] {
				t.Errorf("source = %+v", got.Source)
			}
		})
	}
}

// checkGold extracts a notice, reports every difference from its gold
// records as a test error and returns the extracted records.
func checkGold(t *testing.T, notice, goldFile string) *duban.Notice {
	t.Helper()
	got, err := File(notice, Options{})
	if err != nil {
		t.Fatal(err)
	}
	gold.Check(t, got, goldFile)
	return got
}
