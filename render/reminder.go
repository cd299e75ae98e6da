package render

import (
	"time"

	"github.com/duban/duban/templates"
)

// Reminder is the content of a 催办单 (package remind decides what it
// says): the plain official layout of title, 主送 unit, body, a table of
// tasks, office and date.
type Reminder struct {
	Title  string
	Unit   string
	Body   string
	Header []string   // table header
	Widths []float64  // relative column widths (len(Header))
	Rows   [][]string // table rows
	Red    []bool     // rows drawn in red (overdue)
	Office string
	Date   string // as printed under the office
	Now    time.Time
}

// ReminderPDF writes the reminder as a portrait A4 PDF to path.
func ReminderPDF(r Reminder, path string) error {
	return r.pdf().WriteFile(path)
}

// ReminderPDFBytes is the reminder's PDF.
func ReminderPDFBytes(r Reminder) ([]byte, error) { return r.pdf().Bytes() }

func (r Reminder) pdf() *pdfDoc {
	d := newPDFDoc(pageSetup{Orientation: "P", Left: 20, Right: 18, Top: 22, Bottom: 18}, templates.Font())
	d.Now = r.Now
	d.Footer = r.Unit + r.Title
	d.Title(r.Title, 20)
	d.Space(4)
	d.Text("主送："+r.Unit, 12, "L")
	d.Space(2)
	d.Text("　　"+r.Body, 12, "L")
	d.Space(3)
	t := &pdfTable{Size: 9}
	for i, h := range r.Header {
		c := tableColumn{Label: h, Width: 1, Fit: numberLabel(h)}
		if i < len(r.Widths) {
			c.Width = r.Widths[i]
		}
		if i != 3 {
			c.Align = "C"
		}
		t.Columns = append(t.Columns, c)
	}
	for i, cells := range r.Rows {
		row := tableRow{Cells: cells}
		if i < len(r.Red) && r.Red[i] {
			row.Color = "#C00000"
		}
		t.Rows = append(t.Rows, row)
	}
	d.Table(t)
	d.Space(10)
	d.Text(r.Office, 12, "R")
	d.Text(r.Date, 12, "R")
	return d
}
