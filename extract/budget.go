package extract

import (
	"fmt"
	"unicode/utf8"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/limits"
)

// checkTextBudget bounds what the structure parser is given: the
// characters of the whole notice and of each paragraph or cell
// (limits.NoticeChars, limits.LineChars), whatever the reader.
func checkTextBudget(doc *document.Document) error {
	total := 0
	count := func(s string, line int) error {
		n := utf8.RuneCountInString(s)
		if n > limits.LineChars {
			return fmt.Errorf("line %d: %d characters: %w", line, n, limits.Over("characters per line", limits.LineChars))
		}
		if total += n; total > limits.NoticeChars {
			return fmt.Errorf("more than %d characters of text: %w", limits.NoticeChars, limits.Over("characters per notice", limits.NoticeChars))
		}
		return nil
	}
	for _, b := range doc.Blocks {
		if err := count(b.Text, b.Line); err != nil {
			return err
		}
		if b.Table == nil {
			continue
		}
		for _, r := range b.Table.Rows {
			for _, c := range r {
				if err := count(c.Text, c.Line); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
