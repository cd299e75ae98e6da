package render

import (
	"strings"

	"github.com/duban/duban"
)

// The colours of a task's light (正常 has none), shared by the PDF rows and
// the workbook cells of the unit sheets and the ledger.
func lightFill(l duban.Light) string {
	switch l {
	case duban.LightOverdue:
		return "#F4B6B6"
	case duban.LightNear:
		return "#FFE699"
	case duban.LightDone:
		return "#C6EFCE"
	}
	return ""
}

// markLights fills the cell of column key in each row filled from
// x.FirstRow with the colour of its light, keeping the cell's template
// style otherwise.
func markLights(x *xlsxTemplate, key string, lights []duban.Light) error {
	c := x.Column(key)
	if c == 0 {
		return nil
	}
	cache := map[duban.Light]int{}
	for i, l := range lights {
		fill := lightFill(l)
		if fill == "" {
			continue
		}
		id, ok := cache[l]
		if !ok {
			st, err := x.File.GetStyle(x.styles[c-1])
			if err != nil {
				return err
			}
			st.Fill.Type, st.Fill.Pattern, st.Fill.Color = "pattern", 1, []string{strings.TrimPrefix(fill, "#")}
			if id, err = x.File.NewStyle(st); err != nil {
				return err
			}
			cache[l] = id
		}
		x.Restyle(i, c, id)
	}
	return nil
}
