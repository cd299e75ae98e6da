package notation

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The first splitUnits, on a slice of runes with a depth per rune: slower
// but plain, kept as the reference the byte-based splitter must agree
// with.

// refBracketDepths gives, for each rune of rs, how deep it sits inside
// brackets that are closed. Any closing bracket closes the innermost open
// one (notices mix （ and ) freely); brackets that are never closed, and
// closers with nothing open, count as plain text, so an unbalanced list
// still splits outside them.
func refBracketDepths(rs []rune) []int {
	var mbuf [256]bool // most unit lists are shorter
	var matched []bool
	if len(rs) <= len(mbuf) {
		matched = mbuf[:len(rs)]
	} else {
		matched = make([]bool, len(rs))
	}
	var sbuf [16]int
	stack := sbuf[:0]
	for i, r := range rs {
		if isOpener(r) {
			stack = append(stack, i)
		} else if isCloser(r) && len(stack) > 0 {
			matched[stack[len(stack)-1]] = true
			matched[i] = true
			stack = stack[:len(stack)-1]
		}
	}
	depth := make([]int, len(rs))
	d := 0
	for i, r := range rs {
		if matched[i] {
			if isOpener(r) {
				d++
				depth[i] = d
				continue
			}
			depth[i] = d
			d--
			continue
		}
		depth[i] = d
	}
	return depth
}

// refSplitUnits splits a list of responsible units as a notice writes it
// ("市发改委、市财政局，各县（区）人民政府等") into unit names. It splits on
// 、，,；; outside brackets only — never on whitespace, 和 or 及, which occur
// inside names (区自然资源和规划局). Names are kept as written with whitespace
// removed; a label before a colon (责任单位：), trailing 。；.;, and
// duplicates are dropped. Brackets that are never closed count as text.
// A list closed by 等 is open (more units than named): "X、Y等" and
// "X等部门" name only X and Y, while a collective after 等 ("X等有关部门",
// "X等相关单位") is a unit of its own. A 等 followed by more of a name
// (市高等教育学会) is part of the name.
func refSplitUnits(s string) (names []string, open bool) {
	src := StripSpace(s)
	rs := []rune(src)
	rs = rs[:len(rs):len(rs)] // so that a piece's start is len(rs)-cap(piece)
	depth := refBracketDepths(rs)
	// off[i] is the byte offset of rs[i] in src: pieces of valid UTF-8
	// are cut from src rather than built from their runes.
	var off []int
	if utf8.ValidString(src) {
		off = make([]int, len(rs)+1)
		n := 0
		for i, r := range rs {
			off[i] = n
			n += utf8.RuneLen(r)
		}
		off[len(rs)] = n
	}
	text := func(p []rune) string {
		if off == nil {
			return string(p)
		}
		i := len(rs) - cap(p)
		return src[off[i]:off[i+len(p)]]
	}
	seen := map[string]bool{}
	add := func(name string) {
		if name != "" && !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	start := 0
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && (depth[i] != 0 || !isUnitSep(rs[i])) {
			continue
		}
		piece := rs[start:i]
		pieceDepth := depth[start:i]
		start = i + 1
		piece, pieceDepth = refDropLabel(piece, pieceDepth)
		piece, pieceDepth = refTrimUnitPiece(piece, pieceDepth)
		if len(piece) == 0 {
			continue
		}
		before, after, ok := refSplitDeng(piece, pieceDepth)
		if !ok {
			add(text(piece))
			continue
		}
		open = true
		add(before)
		if after != "" {
			add(after)
		}
	}
	return names, open
}

// refDropLabel drops a label left before a unit name ("责任单位：市发改委"):
// names never hold a colon outside brackets, so everything up to the last
// such colon goes.
func refDropLabel(p []rune, d []int) ([]rune, []int) {
	for i := len(p) - 1; i >= 0; i-- {
		if (p[i] == '：' || p[i] == ':') && d[i] == 0 {
			return p[i+1:], d[i+1:]
		}
	}
	return p, d
}

// refTrimUnitPiece drops trailing sentence punctuation (and stray leading
// separators) from one piece of a unit list.
func refTrimUnitPiece(p []rune, d []int) ([]rune, []int) {
	for len(p) > 0 && strings.ContainsRune("。；.;，,、", p[len(p)-1]) && d[len(p)-1] == 0 {
		p, d = p[:len(p)-1], d[:len(d)-1]
	}
	for len(p) > 0 && strings.ContainsRune("。；.;，,、", p[0]) && d[0] == 0 {
		p, d = p[1:], d[1:]
	}
	return p, d
}

// refSplitDeng looks for a 等 at bracket depth 0 that closes a unit list:
// the last 等 in the piece followed by nothing, by a bare category
// (部门, 单位, 5个部门, 五部门) or by a collective (有关部门). It returns
// the name before 等 and the collective after it ("" when none). A 等
// inside a name (市高等教育学校) is not a list end.
func refSplitDeng(p []rune, d []int) (before, after string, ok bool) {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] != '等' || d[i] != 0 {
			continue
		}
		b := strings.TrimRight(string(p[:i]), "、，,；;")
		a := string(p[i+1:])
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
	return "", "", false
}

func TestSplitUnitsMatchesReference(t *testing.T) {
	for _, tt := range splitUnitsCases {
		checkSplitUnitsReference(t, tt.in)
	}
}

func FuzzSplitUnitsReference(f *testing.F) {
	for _, tt := range splitUnitsCases {
		f.Add(tt.in)
	}
	f.Fuzz(checkSplitUnitsReference)
}

func checkSplitUnitsReference(t *testing.T, s string) {
	names, open := SplitUnits(s)
	want, wantOpen := refSplitUnits(s)
	if strings.Join(names, "|") != strings.Join(want, "|") || len(names) != len(want) || open != wantOpen {
		t.Fatalf("SplitUnits(%q) = %q, %v; the reference gives %q, %v", s, names, open, want, wantOpen)
	}
}
