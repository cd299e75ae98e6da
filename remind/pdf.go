package remind

import (
	"github.com/duban/duban"
	"github.com/duban/duban/render"
)

// document is the reminder as render lays it out.
func (l Letter) document() render.Reminder {
	r := render.Reminder{Title: Title, Unit: l.Unit, Body: l.Body(), Header: Header,
		Widths: []float64{0.8, 1.1, 2.1, 4.0, 1.8, 1.5, 1.8, 1.4}, Office: l.Office, Date: cn(l.AsOf), Now: l.AsOf}
	for i, it := range l.Items {
		r.Rows = append(r.Rows, it.Cells(i+1))
		r.Red = append(r.Red, it.Light == duban.LightOverdue)
	}
	return r
}

// PDF is the reminder as a portrait A4 PDF.
func (l Letter) PDF() ([]byte, error) { return render.ReminderPDFBytes(l.document()) }

// WritePDF writes the PDF to path.
func (l Letter) WritePDF(path string) error { return render.ReminderPDF(l.document(), path) }
