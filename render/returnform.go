package render

import (
	"strings"
	"time"

	"github.com/duban/duban/templates"
)

// ReturnForm is the content of a return sheet (填报表) printed to be filled
// by hand (package returns decides what it says): title, the header block,
// the tasks with empty room for the unit's words, the 合计 line and the
// signature and seal lines.
type ReturnForm struct {
	Title    string     // <unit>重点任务进展情况填报表
	Unit     string     // 填报单位
	ReportBy string     // 报送截止日期 as printed ("" leaves a line to fill)
	Round    string     // 报送轮次
	Note     string     // the instructions line
	Header   []string   // table header
	Widths   []float64  // relative column widths (len(Header))
	Text     []bool     // left-aligned running-text columns
	Rows     [][]string // one per task
	Red      []bool     // rows drawn in red (overdue)
	Total    string     // the 合计 line
	Now      time.Time
}

// ReturnFormPDF writes the form as an A4 landscape PDF to path.
func ReturnFormPDF(f ReturnForm, path string) error { return f.pdf().WriteFile(path) }

// ReturnFormPDFBytes is the form's PDF.
func ReturnFormPDFBytes(f ReturnForm) ([]byte, error) { return f.pdf().Bytes() }

// fillLine is a line to write on by hand.
const fillLine = "＿＿＿＿＿＿＿＿＿＿"

func (f ReturnForm) pdf() *pdfDoc {
	d := newPDFDoc(pageSetup{Orientation: "L", Left: 12, Right: 12, Top: 12, Bottom: 14}, templates.Font())
	d.Now = f.Now
	d.Footer = f.Title
	d.Title(f.Title, 16)
	d.Space(1)
	reportBy := f.ReportBy
	if reportBy == "" {
		reportBy = fillLine
	}
	d.Text("填报单位："+f.Unit+"　　　联系人："+fillLine+"　　　联系电话："+fillLine, 11, "L")
	d.Text("分管领导："+fillLine+"　　　报送截止日期："+reportBy+"　　　报送轮次："+f.Round, 11, "L")
	if f.Note != "" {
		d.Text(f.Note, 9, "L")
	}
	d.Space(1)
	t := &pdfTable{Size: 9}
	for i, h := range f.Header {
		c := tableColumn{Label: h, Width: 1, Align: "C", Fit: numberLabel(h)}
		if i < len(f.Widths) {
			c.Width = f.Widths[i]
		}
		if i < len(f.Text) && f.Text[i] {
			c.Align = "L"
		}
		t.Columns = append(t.Columns, c)
	}
	for i, cells := range f.Rows {
		row := tableRow{Cells: cells}
		// Room to write: at least three lines in every row.
		if len(cells) > 0 && strings.Count(cells[len(cells)-1], "\n") < 2 {
			c := append([]string(nil), cells...)
			c[len(c)-1] += "\n\n"
			row.Cells = c
		}
		if i < len(f.Red) && f.Red[i] {
			row.Color = "#C00000"
		}
		t.Rows = append(t.Rows, row)
	}
	d.Table(t)
	d.NeedRoom(24) // the 合计 and the signature stay together
	if f.Total != "" {
		d.Space(1)
		d.Text(f.Total, 10, "L")
	}
	d.Space(6)
	d.Text("单位负责人签字："+fillLine+"　　　　　　（盖章）　　　　　　填报日期：＿＿＿＿年＿＿月＿＿日", 11, "L")
	return d
}
