package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/duban/duban/internal/atomicfile"
)

// The 通报 as an editable Word document (offices edit before sending): a
// minimal WordprocessingML package whose varying text goes through
// xml.EscapeText. A4 landscape, the same parts as the PDF; the chart is
// the PDF's drawing as PNG images (word/media/chartN.png), each an inline
// picture of the size the PDF draws it.

const (
	bDocxTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	bDocxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	bDocxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>`
	bDocxTail  = `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
	bDocxWidth = 14002 // text width in twips
	// bDocxHeight is the text height in twips (A4 landscape less the
	// top and bottom margins).
	bDocxHeight = 11906 - 2*1418
	twipsPerMM  = 1440 / 25.4
	emuPerMM    = 36000
)

type docxWriter struct {
	b     strings.Builder
	media []docxMedia
}

// docxMedia is a picture of the document: its part name under word/, its
// relationship id and its bytes.
type docxMedia struct {
	name, id string
	data     []byte
}

// picture places a PNG w × h mm in a centred paragraph of its own.
func (w *docxWriter) picture(data []byte, wMM, hMM float64, descr string) {
	n := len(w.media) + 1
	m := docxMedia{name: fmt.Sprintf("media/chart%d.png", n), id: fmt.Sprintf("rIdImg%d", n), data: data}
	w.media = append(w.media, m)
	cx, cy := int(math.Round(wMM*emuPerMM)), int(math.Round(hMM*emuPerMM))
	fmt.Fprintf(&w.b, `<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:before="60" w:after="60"/></w:pPr><w:r><w:drawing>`+
		`<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%[1]d" cy="%[2]d"/><wp:docPr id="%[3]d" name="图表%[3]d" descr="%[4]s"/>`+
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`+
		`<pic:nvPicPr><pic:cNvPr id="%[3]d" name="chart%[3]d.png"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="%[5]s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%[1]d" cy="%[2]d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`, cx, cy, n, xmlText(descr), m.id)
}

// rels is word/_rels/document.xml.rels: the pictures.
func (w *docxWriter) rels() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, m := range w.media {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="%s"/>`, m.id, m.name)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// xmlText escapes s for XML text and attribute values (quotes too).
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (w *docxWriter) run(text, font string, size int, bold bool) {
	fmt.Fprintf(&w.b, `<w:r><w:rPr><w:rFonts w:ascii="%[1]s" w:eastAsia="%[1]s" w:hAnsi="%[1]s"/>`, xmlText(font))
	if bold {
		w.b.WriteString(`<w:b/>`)
	}
	fmt.Fprintf(&w.b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, size, size, xmlText(text))
}

func (w *docxWriter) para(text, align, font string, size int, bold bool, indent int) {
	fmt.Fprintf(&w.b, `<w:p><w:pPr><w:jc w:val="%s"/>`, align)
	if indent > 0 {
		fmt.Fprintf(&w.b, `<w:ind w:firstLine="%d"/>`, indent)
	}
	w.b.WriteString(`<w:spacing w:before="60" w:after="60"/></w:pPr>`)
	if text != "" {
		w.run(text, font, size, bold)
	}
	w.b.WriteString(`</w:p>`)
}

// table writes a bordered table whose columns share width in proportion
// to weights; the header row repeats on every page.
func (w *docxWriter) table(header []string, rows [][]string, weights []float64, share float64) {
	sum := 0.0
	for i := range header {
		sum += weightAt(weights, i)
	}
	widths := make([]int, len(header))
	for i := range header {
		widths[i] = int(share * bDocxWidth * weightAt(weights, i) / sum)
	}
	fitDocxColumns(header, rows, widths)
	w.b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(&w.b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	w.b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for _, x := range widths {
		fmt.Fprintf(&w.b, `<w:gridCol w:w="%d"/>`, x)
	}
	w.b.WriteString(`</w:tblGrid>`)
	row := func(cells []string, head bool) {
		w.b.WriteString(`<w:tr>`)
		if head {
			w.b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
		}
		for i, c := range cells {
			align := "center"
			if !head && i < len(header) && bulletinTextColumn(header[i]) {
				align = "left"
			}
			fmt.Fprintf(&w.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:jc w:val="%s"/></w:pPr>`, widths[min(i, len(widths)-1)], align)
			font := "仿宋_GB2312"
			if head {
				font = "黑体"
			}
			w.run(c, font, 21, false)
			w.b.WriteString(`</w:p></w:tc>`)
		}
		w.b.WriteString(`</w:tr>`)
	}
	row(header, true)
	for _, r := range rows {
		row(r, false)
	}
	w.b.WriteString(`</w:tbl>`)
}

// fitDocxColumns widens the columns of short values (序号, a task's
// number, dates, statuses) to their widest value at 10.5 pt, so that
// 四（一）2 or 2024-10-31 does not wrap, taking the room from the columns of
// running text in proportion to their widths; they keep at least half.
func fitDocxColumns(header []string, rows [][]string, widths []int) {
	const margins = 2*108 + 80 // Word's cell margins and some slack, twips
	textW := 0
	grow := make([]int, len(header))
	total := 0
	for i, h := range header {
		if bulletinTextColumn(h) {
			textW += widths[i]
			continue
		}
		need := 0.0
		for _, r := range rows {
			if i < len(r) {
				for _, line := range strings.Split(r[i], "\n") {
					need = max(need, estWidth(line, 10.5)*1.25) // digits run wider than half an em in many fonts
				}
			}
		}
		grow[i] = max(int(need*twipsPerMM)+margins-widths[i], 0)
		total += grow[i]
	}
	if textW == 0 || total == 0 {
		return
	}
	scale := min(1, float64(textW/2)/float64(total))
	taken := 0
	for i := range header {
		g := int(float64(grow[i]) * scale)
		widths[i] += g
		taken += g
	}
	for i, h := range header {
		if bulletinTextColumn(h) {
			widths[i] -= taken * widths[i] / textW
		}
	}
}

func weightAt(ws []float64, i int) float64 {
	if i < len(ws) && ws[i] > 0 {
		return ws[i]
	}
	return 1
}

// docx is the bulletin as a DOCX package; its chart is drawn with the
// font ttf at size pt, as in the PDF.
func (b *bulletin) docx(ttf []byte, size float64) ([]byte, error) {
	var w docxWriter
	const body, head = "仿宋_GB2312", "黑体"
	w.b.WriteString(bDocxHead)
	w.para(b.title, "center", "方正小标宋简体", 40, false, 0)
	w.para(b.subtitle, "center", "楷体_GB2312", 30, false, 0)
	for _, s := range b.sources {
		w.para("来源文件："+s, "left", body, 24, false, 0)
	}
	part := 0
	heading := func(name string) {
		part++
		w.para(chineseNumeral(part)+"、"+name, "left", head, 30, false, 640)
	}
	heading(bPartOverview)
	w.para(b.overview(), "both", body, 30, false, 640)
	if b.total.due > 0 {
		w.table(bulletinTotalsHeader(), b.totalsRows(), nil, 1)
		heading(bPartUnits)
		w.table(bulletinUnitsHeader(), b.unitRows(), []float64{0.8, 3.2, 0.9, 1, 1.2, 1, 1, 1, 1, 1.1}, 1)
		w.para(bUnitsNote, "left", body, 21, false, 0)
		// The chart in parts of at most a page below the heading.
		imgs, err := b.chart(size).pngParts(bDocxWidth/twipsPerMM, bDocxHeight/twipsPerMM-20, ttf)
		if err != nil {
			return nil, err
		}
		heading(bPartChart)
		for _, img := range imgs {
			w.picture(img.PNG, img.W, img.H, bPartChart+"："+strings.Join(img.Labels, "、"))
		}
		for _, p := range []struct {
			name  string
			items []bItem
		}{{bPartOverdue, b.overdue}, {bPartBehind, b.behind}} {
			heading(p.name)
			if len(p.items) == 0 {
				w.para("无。", "left", body, 30, false, 640)
				continue
			}
			w.table(bulletinItemsHeader, itemRows(p.items), []float64{0.6, 1.8, 1.5, 4.2, 1.3, 1.1, 3, 3}, 1)
		}
	}
	heading(bPartCompare)
	w.para(b.comparison(), "both", body, 30, false, 640)
	if b.total.due > 0 {
		w.table(bulletinCompareHeader, b.compareRows(), []float64{2, 1, 1, 1.4}, 0.5)
	}
	w.para("", "left", body, 30, false, 0)
	w.para(chineseDate(b.asOf), "right", body, 30, false, 0)
	w.b.WriteString(bDocxTail)

	var out bytes.Buffer
	z := zip.NewWriter(&out)
	parts := [][2]string{{"[Content_Types].xml", bDocxTypes}, {"_rels/.rels", bDocxRels}, {"word/document.xml", w.b.String()},
		{"word/_rels/document.xml.rels", w.rels()}}
	for _, m := range w.media {
		parts = append(parts, [2]string{"word/" + m.name, string(m.data)})
	}
	for _, f := range parts {
		method := zip.Deflate
		if strings.HasSuffix(f[0], ".png") {
			method = zip.Store // compressed already
		}
		fw, err := z.CreateHeader(&zip.FileHeader{Name: f[0], Method: method, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write([]byte(f[1])); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// writeDOCX saves the DOCX to path through a temporary file.
func (b *bulletin) writeDOCX(path string, ttf []byte, size float64) error {
	data, err := b.docx(ttf, size)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return atomicfile.WriteFile(path, data)
}
