package render

import (
	"path/filepath"

	"github.com/duban/duban/templates"
)

// quarterlyLayout is the PDF layout of a quarterly report: the report
// itself (titles, labels, colours, the table of tasks due) and the columns
// of its other tables, each a document kind of the layout format.
type quarterlyLayout struct {
	main, units, sections, other, next docLayout
}

// The document kinds of a quarterly report and the column keys each knows.
var quarterlyKinds = []struct {
	kind string
	keys []string
}{
	{"quarterly", []string{"seq", "unit", "id", "text", "role", "partners", "deadline", "date", "quarter", "status", "section", "notice"}},
	{"quarterly_units", []string{"seq", "unit", "count", "lead", "overdue", "soon"}},
	{"quarterly_sections", []string{"seq", "section", "count", "overdue", "soon"}},
	{"quarterly_other", []string{"seq", "kind", "id", "text", "units", "deadline", "section", "notice"}},
	{"quarterly_next", []string{"seq", "date", "id", "text", "units", "deadline", "status", "section", "notice", "quarter"}},
}

// loadQuarterlyLayout takes each quarterly document kind from the run's
// layout.yaml when it defines it, else from quarterly.yaml (the one in
// the templates folder, or the embedded one).
func loadQuarterlyLayout(res *resources) (*quarterlyLayout, error) {
	own, err := quarterlyFile(res.Dir)
	if err != nil {
		return nil, err
	}
	docs := make([]docLayout, len(quarterlyKinds))
	for i, k := range quarterlyKinds {
		src := res.Layout
		if _, ok := src.Documents[k.kind]; !ok {
			src = own
		}
		d, err := src.Doc(k.kind)
		if err != nil {
			return nil, err
		}
		if err := d.CheckColumns(k.kind, k.keys...); err != nil {
			return nil, err
		}
		if i > 0 && d.Orientation == "" {
			d.Orientation = docs[0].Orientation
		}
		docs[i] = d
	}
	// The tables take their sizes and fills from the report's entry
	// unless they set their own.
	m := docs[0]
	for i := 1; i < len(docs); i++ {
		d := &docs[i]
		if !hasOwn(res, own, quarterlyKinds[i].kind, func(x docLayout) bool { return x.TableSize > 0 }) {
			d.TableSize = m.TableSize
		}
		if !hasOwn(res, own, quarterlyKinds[i].kind, func(x docLayout) bool { return x.HeaderSize > 0 }) {
			d.HeaderSize = m.HeaderSize
		}
		if d.HeaderFill == "" {
			d.HeaderFill = m.HeaderFill
		}
		if d.GroupFill == "" {
			d.GroupFill = m.GroupFill
		}
	}
	return &quarterlyLayout{main: docs[0], units: docs[1], sections: docs[2], other: docs[3], next: docs[4]}, nil
}

// quarterlyFile reads quarterly.yaml: the embedded one, with the entries
// of the one in dir (when there is one) replacing it kind by kind.
func quarterlyFile(dir string) (*layoutFile, error) {
	b, err := templates.OpenQuarterly("", templates.QuarterlyLayoutFile)
	if err != nil {
		return nil, err
	}
	def, err := decodeLayout("embedded "+templates.QuarterlyLayoutFile, b)
	if err != nil || dir == "" {
		return def, err
	}
	b, err = templates.OpenQuarterly(dir, templates.QuarterlyLayoutFile)
	if err != nil {
		return nil, err
	}
	l, err := decodeLayout(filepath.Join(dir, templates.QuarterlyLayoutFile), b)
	if err != nil {
		return nil, err
	}
	for k, d := range def.Documents {
		if _, ok := l.Documents[k]; !ok {
			l.Documents[k] = d
		}
	}
	return l, nil
}

// hasOwn reports whether the raw entry of kind (before defaults) sets what
// set checks.
func hasOwn(res *resources, own *layoutFile, kind string, set func(docLayout) bool) bool {
	if d, ok := res.Layout.Documents[kind]; ok {
		return set(d)
	}
	if own != nil {
		if d, ok := own.Documents[kind]; ok {
			return set(d)
		}
	}
	return false
}
