package render

// ScaledTable adds a table narrower than the page: its columns get the
// widths the same weights would have in a table whose weights add up to
// ref and that spans the page, so that short tables of a document (counts
// beside a wide task list) keep the task list's scale instead of being
// stretched. Columns dropped as empty (HideEmpty) give their width up. With
// ref ≤ 0, or weights adding up to ref or more, it is Table.
func (d *pdfDoc) ScaledTable(t *pdfTable, ref float64) {
	d.blocks = append(d.blocks, &scaledTable{t: t, ref: ref})
}

type scaledTable struct {
	t   *pdfTable
	ref float64
}

func (s *scaledTable) place(l *layout) {
	s.t.dropEmpty()
	sum := 0.0
	for _, c := range s.t.Columns {
		sum += weight(c.Width)
	}
	if s.ref <= 0 || sum >= s.ref {
		s.t.place(l)
		return
	}
	full := l.width
	l.width = full * sum / s.ref
	defer func() { l.width = full }()
	s.t.place(l)
}

// weightSum adds up the column weights of a layout.
func weightSum(cols []columnLayout) float64 {
	sum := 0.0
	for _, c := range cols {
		sum += weight(c.Width)
	}
	return sum
}
