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
// limits.OFDBytes before any is read; a part over limits.OFDPartBytes is
// refused unread; the elements of all parts read are counted against
// limits.OFDElements. Under the bounds, the padded notice reads as the
// plain one, and what is allocated is bounded by the bytes read.
func TestOFDBudgets(t *testing.T) {
	plain := func(pages int) []document.Block {
		want, err := Reader{}.Read("x.ofd", hostile.ZipBombOFD(pages, 0))
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Blocks) != 3*pages || want.Blocks[1].Text != "1. 推进道路建设。（责任单位：市交通局，完成时间：2024年6月底前）" {
			t.Fatalf("the plain notice: %+v", want.Blocks)
		}
		return want.Blocks
	}
	for _, c := range []struct {
		name  string
		pages int
		data  []byte
		err   string // "" for the notice read as the plain one
		maxMB uint64 // bytes allocated
	}{
		{"part-40MB", 1, hostile.ZipBombOFD(1, 40), "x.ofd: page 1: Doc_0/Pages/Page_0/Content.xml: 41943983 bytes decompressed: bytes decompressed from one part of an OFD package over the limit of 4194304", 1},
		{"part-5MB", 1, hostile.ZipBombOFD(1, 5), "x.ofd: page 1: Doc_0/Pages/Page_0/Content.xml: 5243823 bytes decompressed: bytes decompressed from one part of an OFD package over the limit of 4194304", 5},
		{"pages-20x30MB", 20, hostile.ZipBombOFD(20, 30), "x.ofd: page 1: Doc_0/Pages/Page_0/Content.xml: 31458223 bytes decompressed: bytes decompressed from one part of an OFD package over the limit of 4194304", 5},
		// under the part's bound, over the package's: refused before a
		// page is read (5 pages of 31 MB parsed 155 MB of blank space
		// in 2.2 s when the bound was limits.ZipTotalBytes)
		{"pages-6x3MB", 6, hostile.ZipBombOFD(6, 3), "x.ofd: pages 1 to 6: 18880026 bytes decompressed: bytes decompressed from an OFD package over the limit of 16777216", 5},
		{"pages-5000x1MB", 5000, hostile.ZipBombOFD(5000, 1), "x.ofd: pages 1 to 16: 16792304 bytes decompressed: bytes decompressed from an OFD package over the limit of 16777216", 20},
		{"pages-3x1MB", 3, hostile.ZipBombOFD(3, 1), "", 15},
		// just under the package's bound: 15 MB of blank space parsed
		{"pages-5x3MB", 5, hostile.ZipBombOFD(5, 3), "", 64},
		// elements: the second page's part holds more than are left of
		// limits.OFDElements, the first part more than the limit; both
		// are found by counting its tags, before it is parsed
		{"elements-2x300000", 2, hostile.ManyElementsOFD(2, 300000), "x.ofd: page 2: Doc_0/Pages/Page_0/Content.xml: 300011 elements: XML elements of an OFD package over the limit of 500000", 120},
		{"elements-1x510000", 1, hostile.ManyElementsOFD(1, 510000), "x.ofd: page 1: Doc_0/Pages/Page_0/Content.xml: 510011 elements: XML elements of an OFD package over the limit of 500000", 20},
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
			case c.err == "" && !reflect.DeepEqual(doc.Blocks, plain(c.pages)):
				t.Errorf("blocks %+v", doc.Blocks)
			}
			if alloc > c.maxMB<<20 {
				t.Errorf("allocated %d MB, want under %d", alloc>>20, c.maxMB)
			}
		})
	}
}
