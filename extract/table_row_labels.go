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
// unless the first cell is a label and the second is content.
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
	hasDeadline := cols.Deadline >= 0
	b := newRowBuilder(full, p)
	var label, content []string
	var deadline string
	var first bodyPara
	flush := func() {
		if len(content) == 0 {
			return
		}
		row := []string{strconv.Itoa(len(b.rows)), strings.Join(label, ""), strings.Join(content, "")}
		if hasDeadline {
			row = append(row, deadline)
		}
		b.add(append(row, make([]string, len(full)-len(row))...), first, false)
		label, content, deadline = nil, nil, ""
	}
	for _, c := range cells {
		t := strings.TrimFunc(c.text, notation.IsSpace)
		switch {
		case hasDeadline && len(content) > 0 && isDeadlineCell(t):
			deadline = t
			flush()
		case isRowLabel(t):
			flush()
			if len(label) == 0 {
				first = c
			}
			label = append(label, notation.StripSpace(t))
		default:
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

func headerRow(texts []string) []document.Cell {
	row := make([]document.Cell, len(texts))
	for i, t := range texts {
		row[i] = document.Cell{Text: t}
	}
	return row
}
