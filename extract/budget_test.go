package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/txt"
	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/internal/limits"
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

// TestUnitsPerNotice: a notice naming more distinct units than get
// documents of their own says so, naming the count and the limit; one at
// the limit does not.
func TestUnitsPerNotice(t *testing.T) {
	for _, n := range []int{limits.UnitsPerNotice, limits.UnitsPerNotice + 1, 2_000} {
		notice, err := Bytes("x.txt", hostile.DistinctUnitsTXT(n, 500), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range notice.Warnings {
			if w.Code == duban.WarnManyUnits {
				got = append(got, w.Message)
			}
		}
		want := fmt.Sprintf("通知列出%d个不同的责任单位，超过每个通知200个的上限：前200个单位各有任务清单、填报表和日历，其余%d个单位的任务只保留在记录和任务分解表中", n, n-200)
		switch {
		case n <= limits.UnitsPerNotice && len(got) != 0:
			t.Errorf("%d units: %q", n, got)
		case n > limits.UnitsPerNotice && (len(got) != 1 || got[0] != want):
			t.Errorf("%d units: %q\nwant %q", n, got, want)
		}
		if u := len(notice.Tasks[len(notice.Tasks)-1].Units); u != (n-1)%500+1 {
			t.Errorf("%d units: the last task keeps %d units", n, u)
		}
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
