package ofd

import (
	"reflect"
	"testing"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/hostile"
)

// TestOFDBudgets: an OFD of a few KB whose pages all name one content part
// padded with blank space unpacked it anew for every page (20 pages of
// 30 MB: 10.7 s and 2.7 GB allocated; 5,000 pages would take most of an
// hour). The pages' parts are summed, each reading counted, against
// limits.ZipTotalBytes before any is read; a part over limits.OFDPartBytes
// is refused unread. Under both, the padded notice
// reads as the plain one.
func TestOFDBudgets(t *testing.T) {
	want, err := Reader{}.Read("x.ofd", hostile.ZipBombOFD(3, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Blocks) != 9 || want.Blocks[1].Text != "1. 推进道路建设。（责任单位：市交通局，完成时间：2024年6月底前）" {
		t.Fatalf("the plain notice: %+v", want.Blocks)
	}
	for _, c := range []struct {
		name  string
		data  []byte
		err   string // "" for the notice read as the plain one
		maxMB uint64 // bytes allocated
	}{
		{"part-40MB", hostile.ZipBombOFD(1, 40), "x.ofd: page 1: Doc_0/Pages/Page_0/Content.xml: 41943983 bytes, more than an OFD part holds: bytes decompressed from one part over the limit of 33554432", 5},
		{"pages-20x30MB", hostile.ZipBombOFD(20, 30), "x.ofd: pages 1 to 6: bytes decompressed from the file over the limit of 167772160", 5},
		{"pages-5000x1MB", hostile.ZipBombOFD(5000, 1), "x.ofd: pages 1 to 160: bytes decompressed from the file over the limit of 167772160", 20},
		{"pages-3x1MB", hostile.ZipBombOFD(3, 1), "", 100},
	} {
		t.Run(c.name, func(t *testing.T) {
			var doc *document.Document
			var err error
			_, alloc := hostile.Cost(func() { doc, err = Reader{}.Read("x.ofd", c.data) })
			switch {
			case c.err != "" && (err == nil || err.Error() != c.err):
				t.Errorf("error %v\nwant %s", err, c.err)
			case c.err == "" && err != nil:
				t.Errorf("%v", err)
			case c.err == "" && !reflect.DeepEqual(doc.Blocks, want.Blocks):
				t.Errorf("blocks %+v", doc.Blocks)
			}
			if alloc > c.maxMB<<20 {
				t.Errorf("allocated %d MB, want under %d", alloc>>20, c.maxMB)
			}
		})
	}
}
