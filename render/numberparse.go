package render

import (
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/notation"
)

// numberPath reads the 任务编号 a person typed on a new ledger row into an
// id and path, so that the row numbered as the documents number tasks
// (duban.Task.Number: 五（一）2, 一、3, 二（二）第2项) gets the id extraction
// would give it (五.（一）.2, 一.3, 二.（二）#2). A dotted id is read the
// same way. A cell that is not a number of outline markers keeps the text
// as its id, split at its dots.
func numberPath(cell string) (id string, path []string) {
	path, dup, ok := parseNumber(strings.TrimSpace(cell))
	if !ok {
		return cell, pathOf(cell)
	}
	id = strings.Join(path, ".")
	if dup != "" {
		id += "#" + dup
	}
	return id, path
}

// parseNumber splits s into outline markers in their canonical form (一,
// （一）, 1, （1）, ①) and the duplicate's ordinal of a trailing 第k项 or #k.
func parseNumber(s string) (path []string, dup string, ok bool) {
	sep := false // a separator was read after the last marker
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == '.' || r == '．' || r == '、' || r == '-':
			if len(path) == 0 || sep {
				return nil, "", false
			}
			sep, s = true, s[n:]
			continue
		case r == '（' || r == '(':
			kind, canon, after := notation.ParseMarker(s)
			if kind != notation.MarkParenCN && kind != notation.MarkParenArabic {
				return nil, "", false
			}
			path, s = append(path, canon), after
		case r >= '①' && r <= '⑳':
			path, s = append(path, string(r)), s[n:]
		case notation.IsCNNumeral(r):
			i := 0
			for i < len(s) {
				c, m := utf8.DecodeRuneInString(s[i:])
				if !notation.IsCNNumeral(c) {
					break
				}
				i += m
			}
			path, s = append(path, s[:i]), s[i:]
		case r == '第' || r == '#':
			if len(path) == 0 || sep {
				return nil, "", false
			}
			digits, rest := leadingDigits(s[n:])
			if r == '第' {
				var found bool
				rest, found = strings.CutPrefix(rest, "项")
				if !found {
					return nil, "", false
				}
			}
			if digits == "" || rest != "" {
				return nil, "", false
			}
			return path, digits, true
		default:
			digits, rest := leadingDigits(s)
			if digits == "" || len(digits) > 3 {
				return nil, "", false
			}
			path, s = append(path, digits), rest
		}
		sep = false
	}
	return path, "", len(path) > 0 && !sep
}

// leadingDigits reads the digits (ASCII or full-width) s starts with, in
// ASCII, and what follows them.
func leadingDigits(s string) (digits, rest string) {
	var b strings.Builder
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		v, ok := notation.DigitValue(r)
		if !ok {
			break
		}
		b.WriteByte(byte('0' + v))
		s = s[n:]
	}
	return b.String(), s
}
