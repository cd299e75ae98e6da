package ofd

import (
	"os"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/internal/limits"
)

// FuzzOFD reads arbitrary bytes with the reader's code unguarded.
func FuzzOFD(f *testing.F) {
	for _, p := range []string{"testdata/ofdrw-hello.ofd", "testdata/ofdrw-signout.ofd"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	// issue 16: the small notice; the corpus files zipbomb-2x33MB (a part
	// of 33 MB, 34 KB zipped, that two pages name), zipbomb-6x30MB (six
	// pages naming one 30 MB part: 180 MB read in all), pages-6x3MB
	// (parts under limits.OFDPartBytes, 18 MB in all) and
	// elements-1x510000 (a part of 510,000 elements)
	f.Add(hostile.NoticeOFD())
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := read("f.ofd", data)
		if err == nil && d == nil {
			t.Fatal("nil document without error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "f.ofd: ") {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}

// FuzzContent reads arbitrary page content (the XML a zip would hold).
func FuzzContent(f *testing.F) {
	f.Add([]byte(`<Page><Content><Layer><TextObject Boundary="10 10 50 8" CTM="0.35 0 0 0.35 0 0" Size="12"><TextCode X="0" Y="10" DeltaX="g 3 12">一二三四</TextCode></TextObject><PathObject Boundary="0 0 100 1"><AbbreviatedData>M 0 0 L 100 0 C</AbbreviatedData></PathObject></Layer></Content></Page>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, _, err := parseXML(data, limits.OFDElements)
		if err != nil {
			return
		}
		w := &walker{height: 297}
		if c := n.child("Content"); c != nil {
			for _, l := range c.children {
				w.objects(l, 0)
			}
		}
		if len(w.glyphs) > maxGlyphs || len(w.segs) > maxSegments {
			t.Fatalf("%d glyphs, %d segments", len(w.glyphs), len(w.segs))
		}
	})
}
