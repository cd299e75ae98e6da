package sheet

import (
	"strings"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/notation"
)

// headerRow reports whether a row is a task table's header row, by the
// parser's own test of a header (notation.TableHeader), and the columns
// the table spans (its first to its last heading).
func headerRow(row []string) (first, last int, ok bool) {
	first, last = -1, -1
	cells := make([]document.Cell, len(row))
	for i, c := range row {
		if strings.TrimSpace(c) == "" {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
		cells[i].Text = c
	}
	if first < 0 {
		return 0, 0, false
	}
	_, ok = notation.TableHeader(cells)
	return first, last, ok
}
