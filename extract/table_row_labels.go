package extract

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/notation"
)

// A table whose first column has no header: short row labels (组织领导,
// 业务职责, 单位内部⏎卫生 split over two lines) head each row, then the
// row's content (one cell, or several lines 1.…⏎2.…), then, when the
// header names one, its deadline. Without bars or a 序号 the rows are
// found by the labels: a short line without punctuation after content
// starts the next row, and a deadline closes the row it ends.
//
//	任 务 目 标⏎完成时限⏎组织领导⏎成立…。⏎4月份⏎单位内部⏎卫生⏎1.…⏎2.…⏎…

// maxRowLabelRunes bounds a row label (or one line of it).
const maxRowLabelRunes = 8

// isRowLabel reports whether a cell is a short label: no punctuation,
// no outline marker, no digits, and not a deadline.
func isRowLabel(s string) bool {
	s = notation.StripSpace(s)
	n := utf8.RuneCountInString(s)
	if n < 2 || n > maxRowLabelRunes || strings.ContainsAny(s, "0123456789０１２３４５６７８９") ||
		notation.ContainsAnyRune(s, "。，,；;：:、（）()《》“”") {
		return false
	}
	if k, _, _ := notation.ParseMarker(s); k != notation.MarkNone {
		return false
	}
	return !isDeadlineCell(s)
}

// isDeadlineCell reports whether a short cell is a deadline the parser
// understands (4月份, 4-12月份, 年底前, 长期坚持).
func isDeadlineCell(s string) bool {
	s = notation.StripSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 16 || notation.ContainsAnyRune(s, "。；;") {
		return false
	}
	d := parseDeadline(s, 2000, time.Time{})
	return d != nil && d.Kind != duban.KindUnknown
}

// rowLabelTable reads cells as rows headed by an unheaded label column;
// hdr is the header as written (without the label column). It gives nil
// unless the first cell is a label and the second is content. After a
// row's content, the columns after the text column take the cells that
// fit them in turn: a unit column a list of organisation names, a
// deadline column a deadline; a cell that fits none is the next label or
// more content.
func rowLabelTable(hdr []string, cells []bodyPara, p bodyPara) *document.Table {
	if len(cells) < 2 || !isRowLabel(cells[0].text) || isRowLabel(cells[1].text) || isDeadlineCell(cells[1].text) {
		return nil
	}
	// rows are numbered in order, as a 序号 column would number them
	full := append([]string{"序号", notation.CategoryHeader}, hdr...)
	if !headerOf(full) {
		return nil
	}
	cols, _ := notation.TableHeader(headerRow(full))
	if cols.Task != 2 {
		return nil // the text column must come first after the labels
	}
	kinds := make([]byte, len(full)) // 'u' unit, 'd' deadline, 0 other
	for _, uc := range cols.Units {
		kinds[uc.Col] = 'u'
	}
	if cols.Deadline >= 0 {
		kinds[cols.Deadline] = 'd'
	}
	b := newRowBuilder(full, p)
	var label, content []string
	row := make([]string, len(full))
	pos := 3 // the next column after the text to fill
	var first bodyPara
	flush := func() {
		if len(content) > 0 {
			row[0] = strconv.Itoa(len(b.rows))
			row[1] = strings.Join(label, "")
			row[2] = strings.Join(content, "")
			b.add(row, first, false)
		}
		label, content, row, pos = nil, nil, make([]string, len(full)), 3
	}
	// fill puts t in the next column it fits, if any.
	fill := func(t string) bool {
		for k := pos; k < len(full); k++ {
			if kinds[k] == 'u' && isUnitListCell(t) || kinds[k] == 'd' && isDeadlineCell(t) {
				row[k], pos = t, k+1
				return true
			}
		}
		return false
	}
	for _, c := range cells {
		t := strings.TrimFunc(c.text, notation.IsSpace)
		switch {
		case len(content) > 0 && fill(t):
			if pos == len(full) {
				flush()
			}
		case isRowLabel(t) && !(len(cols.Units) > 0 && isUnitListCell(t)):
			if len(content) > 0 {
				flush()
			}
			if len(label) == 0 {
				first = c
			}
			label = append(label, notation.StripSpace(t))
		default:
			if pos > 3 {
				flush() // a row without its label: under the label above
			}
			if len(label) == 0 && len(content) == 0 {
				first = c
			}
			content = append(content, t)
		}
	}
	flush()
	if len(b.rows) < 2 {
		return nil
	}
	return b.table()
}

// isUnitListCell reports whether a cell is a list of organisation names.
func isUnitListCell(s string) bool {
	names := strings.FieldsFunc(notation.StripSpace(s), func(r rune) bool { return strings.ContainsRune("、，,；;", r) })
	return len(names) > 0 && len(names) <= 40 && allOrgNames(names) && longNames(names)
}

func headerRow(texts []string) []document.Cell {
	row := make([]document.Cell, len(texts))
	for i, t := range texts {
		row[i] = document.Cell{Text: t}
	}
	return row
}
