package remind

import (
	"github.com/duban/duban"
	"github.com/duban/duban/render"
)

// PDF lays out the reminder, portrait A4.
func (l Letter) PDF(font []byte) *render.Doc {
	d := render.NewDoc(render.PageSetup{Orientation: "P", Left: 20, Right: 18, Top: 22, Bottom: 18}, font)
	d.Now = l.AsOf
	d.Footer = l.Unit + Title
	d.Title(Title, 20)
	d.Space(4)
	d.Text("主送："+l.Unit, 12, "L")
	d.Space(2)
	d.Text("　　"+l.Body(), 12, "L")
	d.Space(3)
	t := &render.Table{Size: 9, Columns: []render.Column{{Label: Header[0], Width: 0.6, Align: "C"}, {Label: Header[1], Width: 1.3},
		{Label: Header[2], Width: 1.8}, {Label: Header[3], Width: 4.4}, {Label: Header[4], Width: 2, Align: "C"},
		{Label: Header[5], Width: 1.3}, {Label: Header[6], Width: 2, Align: "C"}, {Label: Header[7], Width: 1.4, Align: "C"}}}
	for i, it := range l.Items {
		r := render.Row{Cells: it.Cells(i + 1)}
		if it.Light == duban.LightOverdue {
			r.Color = "#C00000"
		}
		t.Rows = append(t.Rows, r)
	}
	d.Table(t)
	d.Space(10)
	d.Text(l.Office, 12, "R")
	d.Text(cn(l.AsOf), 12, "R")
	return d
}
