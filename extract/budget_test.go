package extract

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/txt"
	"github.com/duban/duban/internal/hostile"
)

// TestTextBudgets: the text notices of issue 16 that took minutes (the
// sample repeated to 200 MB: 463 s, 2 GB; one clause naming 100,000 units:
// 61 s) are errors naming the file and the limit, at once; their
// neighbours under the limits are read in time linear in their size.
func TestTextBudgets(t *testing.T) {
	sample, err := os.ReadFile("../seeds/lianyungang-2024-22.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		want string // error; "" for a notice read
	}{
		{"sample-20MB", hostile.Repeat(sample, 20<<20), "x.txt: 20" /* … bytes of text: bytes of text over the limit of 16000000 */},
		{"units-100000", hostile.ManyUnitsTXT(100_000), "x.txt: line 3: 1188926 characters: characters per line over the limit of 1000000"},
		{"units-50000", hostile.ManyUnitsTXT(50_000), "x.txt: a clause names more than 2000 units: units per clause over the limit of 2000"},
		{"units-2000", hostile.ManyUnitsTXT(2_000), ""},
		{"units-2001", hostile.ManyUnitsTXT(2_001), "x.txt: a clause names more than 2000 units: units per clause over the limit of 2000"},
		{"line-1100000", hostile.LongLineTXT(1_100_000), "x.txt: line 3: 1100030 characters: characters per line over the limit of 1000000"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			d, alloc := hostile.Cost(func() { _, err = Bytes("x.txt", c.data, Options{}) })
			switch {
			case c.want == "" && err != nil:
				t.Errorf("%v", err)
			case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
				t.Errorf("error %v, want %s", err, c.want)
			}
			if d > 20*time.Second || alloc > 400<<20 {
				t.Errorf("took %v and %d MB", d, alloc>>20)
			}
		})
	}
}

// TestNoticeCharsBudget: over limits.NoticeChars characters in all (here
// from a document a reader produced) is an error naming the limit.
func TestNoticeCharsBudget(t *testing.T) {
	line := strings.Repeat("字", 900_000)
	doc := &document.Document{}
	for i := 0; i < 5; i++ {
		doc.Blocks = append(doc.Blocks, document.Block{Text: line, Line: i + 1})
	}
	_, err := Parse("x.docx", doc, Options{})
	if err == nil || err.Error() != "x.docx: more than 4000000 characters of text: characters per notice over the limit of 4000000" {
		t.Errorf("%v", err)
	}
	if _, err := (txt.Reader{}).Read("x.txt", make([]byte, 16_000_001)); err == nil || !strings.Contains(err.Error(), "over the limit of 16000000") {
		t.Errorf("%v", err)
	}
}
