package notation

import (
	"strings"
	"unicode/utf8"
)

// isUnitSep reports whether r separates two units of a list.
func isUnitSep(r rune) bool {
	switch r {
	case '、', '，', ',', '；', ';', '､', '﹐', '﹑', '﹔':
		return true
	}
	return false
}

// SplitUnits splits a list of responsible units as a notice writes it
// ("市发改委、市财政局，各县（区）人民政府等") into unit names. It splits on
// 、，,；; outside brackets only — never on whitespace, 和 or 及, which occur
// inside names (区自然资源和规划局). Names are kept as written with whitespace
// removed; a label before a colon (责任单位：), trailing 。；.;, and
// duplicates are dropped. Brackets that are never closed count as text.
// A list closed by 等 is open (more units than named): "X、Y等" and
// "X等部门" name only X and Y, while a collective after 等 ("X等有关部门",
// "X等相关单位") is a unit of its own. A 等 followed by more of a name
// (市高等教育学会) is part of the name.
//
// It works on the bytes of the list in two passes, names cut from the
// list itself: one to find the brackets that are closed, one to cut the
// list at the separators outside them.
func SplitUnits(s string) (names []string, open bool) {
	src := StripSpace(s)
	if !utf8.ValidString(src) {
		src = string([]rune(src)) // each invalid byte becomes U+FFFD
	}
	var mbuf [512]bool // most unit lists are shorter
	var matched []bool // matched[i]: src[i] starts a bracket that is closed
	if len(src) <= len(mbuf) {
		matched = mbuf[:len(src)]
	} else {
		matched = make([]bool, len(src))
	}
	markClosedBrackets(src, matched)

	depth := 0
	from, deng := 0, -1 // where the piece's name starts, its last 等
	cut := func(end int) {
		piece, d := trimUnitPiece(src[from:end], deng-from)
		if piece == "" {
			return
		}
		if d >= 0 {
			if before, after, ok := splitDeng(piece, d); ok {
				open = true
				names = addName(names, before)
				names = addName(names, after)
				return
			}
		}
		names = addName(names, piece)
	}
	for i := 0; i < len(src); {
		r, n := DecodeRune(src, i)
		switch {
		case matched[i] && isOpener(r):
			depth++
		case matched[i]:
			depth--
		case depth > 0:
		case isUnitSep(r):
			cut(i)
			from, deng = i+n, -1
		case r == '：' || r == ':':
			from, deng = i+n, -1 // a label before the colon goes
		case r == '等':
			deng = i
		}
		i += n
	}
	cut(len(src))
	return names, open
}

// markClosedBrackets sets matched[i] for every bracket of s, opening or
// closing, that has its partner: any closing bracket closes the innermost
// open one (notices mix （ and ) freely); brackets that are never closed,
// and closers with nothing open, count as plain text.
func markClosedBrackets(s string, matched []bool) {
	var sbuf [16]int
	stack := sbuf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		r := rune(c)
		switch {
		case c == 0xE3 || c == 0xEF: // lead byte of 〔【〈《「『 and （［｛
			r, _ = DecodeRune(s, i)
		case c >= utf8.RuneSelf:
			continue
		}
		if isOpener(r) {
			stack = append(stack, i)
		} else if isCloser(r) && len(stack) > 0 {
			matched[stack[len(stack)-1]] = true
			matched[i] = true
			stack = stack[:len(stack)-1]
		}
	}
}

// addName appends name unless it is empty or listed already.
func addName(names []string, name string) []string {
	if name == "" {
		return names
	}
	for _, n := range names {
		if n == name {
			return names
		}
	}
	return append(names, name)
}

// trimUnitPiece drops trailing sentence punctuation (。；.;，,、, and
// stray leading separators) from one piece of a unit list; deng, the offset of a 等 in
// it (or -1), moves with the start.
func trimUnitPiece(p string, deng int) (string, int) {
	for p != "" {
		r, n := utf8.DecodeLastRuneInString(p)
		if !IsClauseSep(r) && r != '.' && r != '、' {
			break
		}
		p = p[:len(p)-n]
	}
	for p != "" {
		r, n := utf8.DecodeRuneInString(p)
		if !IsClauseSep(r) && r != '.' && r != '、' {
			break
		}
		p, deng = p[n:], deng-n
	}
	return p, deng
}

// categorySuffixes end the nouns that may follow 等 to close a list
// ("X等部门", "X等5个单位", "X等职能部门"): without a collective word they
// add no unit.
var categorySuffixes = []string{"部门", "单位", "机构", "地区", "县区", "县（区）", "县(区)", "方面", "委办局", "企业", "部门和单位"}

// collectiveWords mark a collective unit after 等 ("有关部门", "相关单位",
// "各县区", "其他成员单位"), which is a unit of its own.
var collectiveWords = []string{"有关", "相关", "其他", "其它", "所有"}

// splitDeng reads a piece whose last 等 outside brackets is at byte
// offset i as a list closed by 等: a 等 followed by nothing, by a bare
// category (部门, 单位, 5个部门, 五部门) or by a collective (有关部门). It
// returns the name before 等 and the collective after it ("" when none). A
// 等 inside a name (市高等教育学校) is not a list end.
func splitDeng(p string, i int) (before, after string, ok bool) {
	if i < 0 || i >= len(p) {
		return "", "", false
	}
	b := strings.TrimRight(p[:i], "、，,；;")
	a := p[i+len("等"):]
	switch {
	case a == "":
		return b, "", true
	case isCollective(a):
		return b, a, true
	case isBareCategory(a):
		return b, "", true
	}
	return "", "", false // a 等 followed by more name is part of it
}

// isBareCategory reports whether s is a category noun after 等, possibly
// with a count or a qualifier: 部门, 单位, 5个部门, 十二家单位, 职能部门.
func isBareCategory(s string) bool {
	if isCollective(s) || utf8.RuneCountInString(s) > 8 {
		return false
	}
	for _, c := range categorySuffixes {
		if strings.HasSuffix(s, c) {
			return true
		}
	}
	return false
}

// isCollective reports whether s names a collective unit: 有关部门,
// 市各有关单位, 各县区, 其他成员单位.
func isCollective(s string) bool {
	for _, w := range collectiveWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	rs := []rune(s)
	return len(rs) > 1 && (rs[0] == '各' || len(rs) > 2 && rs[1] == '各')
}
