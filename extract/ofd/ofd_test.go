package ofd_test

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/duban/duban/extract"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/ofd"
	"github.com/duban/duban/internal/gold"
)

func read(t testing.TB, path string) *document.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ofd.Reader{}.Read(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestGold: the sample notice as OFD gives exactly the sample's gold
// records.
func TestGold(t *testing.T) {
	const path = "testdata/lianyungang-2024-22.ofd"
	d := read(t, path)
	if d.Format != "ofd" || d.Pages != 13 {
		t.Errorf("format %q, %d pages", d.Format, d.Pages)
	}
	got, err := extract.Parse(path, d, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	gold.Check(t, got, "../../testdata/lianyungang-2024-22.gold.json")
}

// texts lists a document's paragraphs, a table as "[cell|cell…]" per row.
func texts(d *document.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Table == nil {
			out = append(out, b.Text)
			continue
		}
		for _, r := range b.Table.Rows {
			var cs []string
			for _, c := range r {
				cs = append(cs, c.Text)
			}
			out = append(out, "["+strings.Join(cs, "|")+"]")
		}
	}
	return out
}

// inOrder checks that each wanted text starts some paragraph, in this
// order.
func inOrder(t *testing.T, got []string, want ...string) {
	t.Helper()
	i := 0
	for _, g := range got {
		if i < len(want) && strings.HasPrefix(g, want[i]) {
			i++
		}
	}
	if i < len(want) {
		t.Errorf("%q not found in order in\n%s", want[i], strings.Join(got, "\n"))
	}
}

// The real OFD files of ofdrw's tests read in reading order.
func TestOfdrw(t *testing.T) {
	t.Run("hello", func(t *testing.T) {
		d := read(t, "testdata/ofdrw-hello.ofd")
		got := texts(d)
		inOrder(t, got, "拿来主义", "鲁迅", "中国一向是所谓“闭关主义”，自己不去，别人也不许来。", "但我们没有人根据了“礼尚往来”的仪节，说道：拿来！",
			"所以我们要运用脑髓，放出眼光，自己来拿！", "总之，我们要拿来。")
		if d.Pages != 2 || d.Blocks[len(d.Blocks)-1].Page != 2 {
			t.Errorf("%d pages, last block on page %d", d.Pages, d.Blocks[len(d.Blocks)-1].Page)
		}
	})
	t.Run("n (红头 with a seal)", func(t *testing.T) {
		got := texts(read(t, "testdata/ofdrw-n.ofd"))
		inOrder(t, got, "测试符路桥区卫生局文件", "路卫发〔2011〕76号", "关于同意张阿三同志辞职的批复", "区中医院：",
			"你院《关于给张阿三同志辞职的请示》（路中医发〔2011〕10号）收悉。", "张阿三，男，1978年2月出生",
			"测试符路桥区卫生局办公室", "2011年3月10日")
	})
	t.Run("signout (文件处理笺, placed by CTM)", func(t *testing.T) {
		got := texts(read(t, "testdata/ofdrw-signout.ofd"))
		inOrder(t, got, "XX市政府文件处理", "[来文文号|府办专督〔2020〕", "[来文日期|", "[收文日期|2020年06月15日11:28:09",
			"[收文机关|秘书股", "[紧急程度|常规|公开方式", "[公文标题|市委主要领导同志调研后续落实事项的通知", "[拟办意见|1、呈小明、张三、",
			"[处理意见|", "[备注|")
	})
	t.Run("testPathFillOpacity (函, drawn header, background shapes)", func(t *testing.T) {
		got := texts(read(t, "testdata/ofdrw-testPathFillOpacity.ofd"))
		inOrder(t, got, "关于加快南货场铁路涵洞下穿建设的函", "蚌山区政府：",
			"根据我市2023年房地产用地供应计划，蚌山区东海大道北侧、解放路西侧居住地块", "此函。", "2023年7月12日")
	})
}

func TestErrors(t *testing.T) {
	sample, err := os.ReadFile("testdata/ofdrw-hello.ofd")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"a.ofd", []byte("not a zip"), "a.ofd: not an OFD file (not a zip package"},
		{"b.ofd", zipOf(t, map[string]string{"x.xml": "<a/>"}), "b.ofd: not an OFD file (OFD.xml missing from the package)"},
		{"c.ofd", zipOf(t, map[string]string{"OFD.xml": "<OFD><DocBody/></OFD>"}), "c.ofd: OFD.xml names no DocRoot"},
		{"d.ofd", zipOf(t, map[string]string{"OFD.xml": "<OFD><DocBody><DocRoot>/D/Document.xml</DocRoot></DocBody></OFD>",
			"D/Document.xml": `<Document><Pages><Page BaseLoc="P/Content.xml"/></Pages></Document>`}), "d.ofd: page 1: D/P/Content.xml missing from the package"},
		{"e.ofd", zipOf(t, map[string]string{"OFD.xml": "<OFD><DocRoot>" + strings.Repeat("<a>", 100) + "</DocRoot></OFD>"}), "e.ofd: not an OFD file (OFD.xml: XML nested too deep)"},
		{"f.ofd", sample[:len(sample)/2], "f.ofd: not an OFD file (not a zip package"},
	} {
		_, err := ofd.Reader{}.Read(c.name, c.data)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

func zipOf(t *testing.T, files map[string]string) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for n, s := range files {
		f, err := w.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(s))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile("testdata/lianyungang-2024-22.ofd")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := (ofd.Reader{}).Read("x.ofd", data); err != nil {
			b.Fatal(err)
		}
	}
}
