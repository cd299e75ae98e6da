package render_test

import (
	"archive/zip"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban"
	"github.com/duban/duban/render"
)

// The DOCX 通报 carries the chart stacked by status, as the PDF and the
// workbook do: PNG pictures in word/media, each named by a relationship
// the document's drawing embeds, declared as image/png, decoding to the
// size the drawing gives it at the chart's resolution, with the overdue
// red and the not-reported grey of the stacks and dark label text, and
// every unit of the ranking on one of them.
func TestBulletinDOCXChart(t *testing.T) {
	n := loadNotice(t, "../testdata/lianyungang-2024-22.gold.json")
	report(t, n, "一.6", "无锡工作队", duban.StatusDone, "已建立工作机制。", "")
	dir := outDir(t, "bulletin-docx-chart")
	asOf := time.Date(2024, 11, 15, 0, 0, 0, 0, time.UTC)
	if _, err := render.Bulletin([]*duban.Notice{n}, dir, []string{"2024Q4"}, render.Options{Now: testNow, AsOf: asOf, Formats: []string{"pdf"}}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "2024Q4通报.docx")
	z, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[f.Name] = f
	}
	read := func(name string) []byte {
		f := files[name]
		if f == nil {
			t.Fatalf("%s: no part %s", p, name)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	var types struct {
		Default []struct {
			Extension   string `xml:"Extension,attr"`
			ContentType string `xml:"ContentType,attr"`
		}
	}
	if err := xml.Unmarshal(read("[Content_Types].xml"), &types); err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(types.Default, func(d struct {
		Extension   string `xml:"Extension,attr"`
		ContentType string `xml:"ContentType,attr"`
	}) bool {
		return d.Extension == "png" && d.ContentType == "image/png"
	}) {
		t.Errorf("%s: png not declared image/png: %+v", p, types.Default)
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(read("word/_rels/document.xml.rels"), &rels); err != nil {
		t.Fatal(err)
	}
	targets := map[string]string{}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, "/relationships/image") {
			targets[r.ID] = r.Target
		}
	}

	// The drawings: extent and the relationship they embed.
	type drawing struct {
		cx, cy int
		embed  string
		descr  string
	}
	var drawings []drawing
	dec := xml.NewDecoder(strings.NewReader(string(read("word/document.xml"))))
	var cur *drawing
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if ee, ok := tok.(xml.EndElement); ok && ee.Name.Local == "inline" && cur != nil {
				drawings = append(drawings, *cur)
				cur = nil
			}
			continue
		}
		attr := func(local string) string {
			for _, a := range se.Attr {
				if a.Name.Local == local {
					return a.Value
				}
			}
			return ""
		}
		switch se.Name.Local {
		case "inline":
			cur = &drawing{}
		case "extent":
			if cur != nil {
				cur.cx, cur.cy = atoi(t, attr("cx")), atoi(t, attr("cy"))
			}
		case "docPr":
			if cur != nil {
				cur.descr = attr("descr")
			}
		case "blip":
			if cur != nil {
				cur.embed = attr("embed")
			}
		}
	}
	if len(drawings) == 0 {
		t.Fatalf("%s: no drawing", p)
	}
	if len(drawings) != len(targets) {
		t.Errorf("%d drawings, %d image relationships", len(drawings), len(targets))
	}
	shown := map[string]bool{}
	overdue := 0
	for _, d := range drawings {
		target, ok := targets[d.embed]
		if !ok {
			t.Errorf("drawing embeds %q, which no image relationship names", d.embed)
			continue
		}
		img, err := png.Decode(strings.NewReader(string(read(path.Join("word", target)))))
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		// 200 dpi: pixels = EMU / 914400 × 200.
		b := img.Bounds()
		if wantW, wantH := float64(d.cx)/914400*200, float64(d.cy)/914400*200; math.Abs(float64(b.Dx())-wantW) > 1.5 || math.Abs(float64(b.Dy())-wantH) > 1.5 {
			t.Errorf("%s: %d×%d px, the drawing wants %.0f×%.0f", target, b.Dx(), b.Dy(), wantW, wantH)
		}
		if d.cx > 247*36000 || d.cy > 160*36000 {
			t.Errorf("%s: %d×%d EMU does not fit the page's text area", target, d.cx, d.cy)
		}
		colours := count(img, map[string]color.RGBA{
			"overdue": {0xC0, 0x00, 0x00, 0xff}, "none": {0xD9, 0xD9, 0xD9, 0xff}, "done": {0x70, 0xAD, 0x47, 0xff}})
		if colours["none"] == 0 || colours["done"] == 0 {
			t.Errorf("%s: no stacks or legend drawn: %v", target, colours)
		}
		overdue += colours["overdue"]
		if dark := darkPixels(img, b.Dx()/4); dark < 500 {
			t.Errorf("%s: %d dark pixels in the label column: no labels", target, dark)
		}
		for _, u := range strings.Split(strings.TrimPrefix(d.descr, "各单位到期任务完成情况图："), "、") {
			shown[u] = true
		}
	}
	if overdue < 1000 { // 市民政局 and 市工信局 have overdue tasks: red bars, not only the legend's swatches
		t.Errorf("%d overdue red pixels", overdue)
	}
	if !shown["市教育局"] || !shown["无锡工作队"] || !shown["市工信局"] {
		t.Errorf("units on the charts: %v", shown)
	}
	if x := xmlOf(t, p, "word/document.xml"); !strings.Contains(x, "三、各单位到期任务完成情况图") || !strings.Contains(x, "四、逾期未完成任务") {
		t.Errorf("%s: the chart's part is not numbered as in the PDF", p)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	v := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("number %q", s)
		}
		v = v*10 + int(c-'0')
	}
	return v
}

// count counts the pixels of each named colour.
func count(img image.Image, want map[string]color.RGBA) map[string]int {
	out := map[string]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			for k, c := range want {
				if uint8(r>>8) == c.R && uint8(g>>8) == c.G && uint8(bl>>8) == c.B {
					out[k]++
				}
			}
		}
	}
	return out
}

// darkPixels counts the nearly black pixels left of x.
func darkPixels(img image.Image, x int) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for i := b.Min.X; i < x; i++ {
			r, g, bl, _ := img.At(i, y).RGBA()
			if r < 0x4000 && g < 0x4000 && bl < 0x4000 {
				n++
			}
		}
	}
	return n
}
