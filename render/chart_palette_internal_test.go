package render

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"

	"golang.org/x/image/font/opentype"
)

// A chart drawn as an image comes out of its PNG paletted: every pixel of
// one of its 256 most frequent colours as drawn, every other (an
// anti-aliased edge) the nearest of them; a flat image is kept exactly.
func TestPaletted(t *testing.T) {
	ttf, err := os.ReadFile("../templates/fonts/wqy-microhei.ttf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := opentype.Parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	c := barChart{Labels: []string{"市教育局", "市体育局", "市发改委（连云港市）"}, Values: []int{4, 1, 2},
		Stacks: [][]int{{3, 1}, {1, 0}, {0, 2}}, StackColors: []string{"#2E7D32", "#C62828"}, Legend: []string{"已完成", "逾期"}}
	c.defaults()
	g, parts := c.split(160, 200)
	cv := newRasterCanvas(160, g.height(len(parts[0].Labels)), chartDPI, f)
	parts[0].draw(cv, g, 0, 0)
	if cv.err != nil {
		t.Fatal(cv.err)
	}
	p := paletted(cv.img)
	var buf bytes.Buffer
	if err := png.Encode(&buf, p); err != nil {
		t.Fatal(err)
	}
	back, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := back.(*image.Paletted); !ok {
		t.Errorf("decoded as %T", back)
	}
	b := cv.img.Bounds()
	if back.Bounds() != b {
		t.Fatalf("bounds %v, drawn %v", back.Bounds(), b)
	}
	inPal := map[color.RGBA]bool{}
	for _, c := range p.Palette {
		inPal[c.(color.RGBA)] = true
	}
	exact, near := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			got, want := color.RGBAModel.Convert(back.At(x, y)).(color.RGBA), cv.img.RGBAAt(x, y)
			if inPal[want] {
				if got != want {
					t.Fatalf("pixel %d,%d of a kept colour: %v, drawn %v", x, y, got, want)
				}
				exact++
				continue
			}
			if got != p.Palette[p.Palette.Index(want)] {
				t.Fatalf("pixel %d,%d: %v, not the nearest kept colour to %v", x, y, got, want)
			}
			near++
		}
	}
	if exact < 50*near {
		t.Errorf("%d pixels kept exactly, %d moved to the nearest colour", exact, near)
	}
	for _, c := range []string{"#2E7D32", "#C62828", "#FFFFFF"} {
		if !inPal[rgb(c)] {
			t.Errorf("colour %s not kept", c)
		}
	}

	flat := image.NewRGBA(image.Rect(0, 0, 30, 2))
	for x := range 30 {
		flat.SetRGBA(x, 0, color.RGBA{uint8(x), 0, 0, 255})
		flat.SetRGBA(x, 1, color.RGBA{255, 255, 255, 255})
	}
	fp := paletted(flat)
	for x := range 30 {
		for y := range 2 {
			if color.RGBAModel.Convert(fp.At(x, y)) != flat.RGBAAt(x, y) {
				t.Fatalf("flat image pixel %d,%d changed", x, y)
			}
		}
	}
}
