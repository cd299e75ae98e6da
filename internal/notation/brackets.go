package notation

// IsOpenBracket and IsCloseBracket recognise the brackets notices use
// around clauses, in any mix of widths.
func IsOpenBracket(r rune) bool {
	switch r {
	case '（', '(', '〔', '[', '［', '【':
		return true
	}
	return false
}

func IsCloseBracket(r rune) bool {
	switch r {
	case '）', ')', '〕', ']', '］', '】':
		return true
	}
	return false
}

// QuickSpace reports whether r is whitespace, as IsSpace does, without a
// Unicode table lookup for the common characters of Chinese text.
func QuickSpace(r rune) bool {
	switch {
	case r < 0x80:
		return r <= ' ' || r == 0x7F
	case r < 0x2000:
		return r == 0x85 || r == 0xA0 || r == 0x1680
	case r <= 0x200D:
		return true
	}
	switch r {
	case 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF:
		return true
	}
	return false
}

// OpenBrackets counts the brackets s leaves open.
func OpenBrackets(s string) int {
	open := 0
	for _, r := range s {
		switch {
		case IsOpenBracket(r):
			open++
		case IsCloseBracket(r) && open > 0:
			open--
		}
	}
	return open
}
