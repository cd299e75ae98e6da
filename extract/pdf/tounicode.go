package pdf

import (
	"strconv"
	"unicode/utf16"
)

// This file decodes CMaps: the ToUnicode maps that turn a font's character
// codes into text, and the codespace ranges that say how many bytes one
// code takes. The library's own range decoding only increments the last
// byte of a range's destination, which turns a single identity range over
// the whole code space (<0000> <FFFF> <0000>, as fpdf writes it) into
// garbage; here the whole destination value is offset.

// Limits on one CMap, so that a hostile file cannot make us expand a huge
// map or loop over one.
const (
	cmapMaxBytes   = 4 << 20 // decoded CMap stream size
	cmapMaxEntries = 1 << 17 // bfchar entries plus expanded range codes
	cmapExpand     = 256     // ranges up to this many codes go into the map
	cmapMaxArray   = 1 << 16 // elements of one bfrange destination array
)

// codeRange is one codespace range: codes of n bytes whose every byte lies
// between the corresponding bytes of lo and hi.
type codeRange struct {
	n      int
	lo, hi [4]byte
}

// uniRange maps the codes lo..hi (n bytes each) to text: either dst plus
// the code's offset from lo, or one entry of list.
type uniRange struct {
	n      int
	lo, hi uint32
	dst    []rune
	list   []string
}

// cmap is a parsed CMap: codespace ranges plus code-to-text mappings (for
// ToUnicode) or code-to-CID mappings (for an embedded encoding CMap).
type cmap struct {
	space  []codeRange
	chars  map[uint64]string // key: n<<32 | code
	ranges []uniRange
	cids   []cidRange
}

// cidRange maps codes lo..hi (n bytes) to CIDs starting at cid.
type cidRange struct {
	n      int
	lo, hi uint32
	cid    uint32
}

func codeKey(n int, code uint32) uint64 { return uint64(n)<<32 | uint64(code) }

// nextCode splits the first code off s according to the codespace ranges
// and returns it with its length. Without ranges, def bytes make a code.
// A byte sequence matching no range is consumed with the length of the
// shortest range, as the PDF reference suggests.
func (m *cmap) nextCode(s string, def int) (code uint32, n int) {
	if m == nil || len(m.space) == 0 {
		n = def
	} else {
		n = 0
		for _, r := range m.space {
			if r.n > len(s) {
				continue
			}
			ok := true
			for i := 0; i < r.n; i++ {
				if s[i] < r.lo[i] || s[i] > r.hi[i] {
					ok = false
					break
				}
			}
			if ok && (n == 0 || r.n < n) {
				n = r.n
			}
		}
		if n == 0 {
			n = m.space[0].n
			for _, r := range m.space {
				if r.n < n {
					n = r.n
				}
			}
		}
	}
	if n > len(s) {
		n = len(s)
	}
	if n < 1 {
		n = 1
	}
	for i := 0; i < n; i++ {
		code = code<<8 | uint32(s[i])
	}
	return code, n
}

// lookup returns the text of a code, and whether the map has it.
func (m *cmap) lookup(code uint32, n int) (string, bool) {
	if m == nil {
		return "", false
	}
	if s, ok := m.chars[codeKey(n, code)]; ok {
		return s, true
	}
	for i := range m.ranges {
		r := &m.ranges[i]
		if r.n != n || code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.list != nil {
			if int(off) < len(r.list) {
				return r.list[off], true
			}
			return "", true
		}
		return offsetText(r.dst, off), true
	}
	return "", false
}

// cid returns the CID of a code under an embedded encoding CMap.
func (m *cmap) cid(code uint32, n int) (uint32, bool) {
	for _, r := range m.cids {
		if r.n == n && code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo, true
		}
	}
	return 0, false
}

// offsetText adds off to the last character of dst.
func offsetText(dst []rune, off uint32) string {
	if len(dst) == 0 {
		return ""
	}
	if off == 0 {
		return string(dst)
	}
	out := make([]rune, len(dst))
	copy(out, dst)
	out[len(out)-1] += rune(off)
	return string(out)
}

// decodeUTF16BE decodes a big-endian UTF-16 destination string.
func decodeUTF16BE(b string) []rune {
	if len(b) == 1 {
		return []rune{rune(b[0])}
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return utf16.Decode(u)
}

func bytesCode(b string) (uint32, int) {
	var c uint32
	n := len(b)
	if n > 4 {
		n = 4
	}
	for i := 0; i < n; i++ {
		c = c<<8 | uint32(b[i])
	}
	return c, n
}

// cmapToken is one token of a CMap: a keyword or name (kind 'k', '/'), a
// hex or literal string ('s'), a number ('n'), or an array of strings
// ('[' with list).
type cmapToken struct {
	kind byte
	text string
	list []string
}

// cmapLexer tokenizes CMap PostScript: only what CMaps use.
type cmapLexer struct {
	lexer
	depth int
}

// next returns the next token; ok is false at the end of input.
func (l *cmapLexer) next() (t cmapToken, ok bool) {
	l.skipSpace()
	if l.pos >= len(l.data) {
		return t, false
	}
	c := l.data[l.pos]
	switch c {
	case '<':
		if l.pos+1 < len(l.data) && l.data[l.pos+1] == '<' {
			l.pos += 2
			return cmapToken{kind: 'k', text: "<<"}, true
		}
		var buf [64]byte // most CMap strings are short
		return cmapToken{kind: 's', text: string(l.appendHex(buf[:0]))}, true
	case '>':
		l.pos++
		if l.pos < len(l.data) && l.data[l.pos] == '>' {
			l.pos++
		}
		return cmapToken{kind: 'k', text: ">>"}, true
	case '(':
		var buf [64]byte
		return cmapToken{kind: 's', text: string(l.appendLiteral(buf[:0]))}, true
	case '[':
		l.pos++
		if l.depth > 8 { // nested arrays do not occur in CMaps
			return cmapToken{kind: 'k', text: "["}, true
		}
		l.depth++
		var list []string
		for len(list) < cmapMaxArray {
			t, ok := l.next()
			if !ok || (t.kind == 'k' && t.text == "]") {
				break
			}
			if t.kind == 's' {
				list = append(list, t.text)
			}
		}
		l.depth--
		return cmapToken{kind: '[', list: list}, true
	case ']', '{', '}', ')':
		l.pos++
		return cmapToken{kind: 'k', text: string(c)}, true
	case '/':
		l.pos++
		return cmapToken{kind: '/', text: string(l.word())}, true
	}
	w := string(l.word())
	if w == "" { // a delimiter we do not know: skip it
		l.pos++
		return cmapToken{kind: 'k'}, true
	}
	if _, err := strconv.ParseFloat(w, 64); err == nil {
		return cmapToken{kind: 'n', text: w}, true
	}
	return cmapToken{kind: 'k', text: w}, true
}

// parseCMap parses a CMap program. It never fails: what it cannot read it
// skips, and a map it cannot use comes back empty.
func parseCMap(data []byte) *cmap {
	if len(data) > cmapMaxBytes {
		data = data[:cmapMaxBytes]
	}
	m := &cmap{chars: map[uint64]string{}}
	l := &cmapLexer{lexer: lexer{data: data}}
	var operands []cmapToken
	entries := 0
	for {
		t, ok := l.next()
		if !ok {
			break
		}
		if t.kind != 'k' {
			if len(operands) < 3*cmapMaxArray {
				operands = append(operands, t)
			}
			continue
		}
		switch t.text {
		case "endcodespacerange":
			for i := 0; i+1 < len(operands); i += 2 {
				lo, hi := operands[i].text, operands[i+1].text
				if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
					continue
				}
				r := codeRange{n: len(lo)}
				copy(r.lo[:], lo)
				copy(r.hi[:], hi)
				m.space = append(m.space, r)
			}
		case "endbfchar":
			for i := 0; i+1 < len(operands) && entries < cmapMaxEntries; i += 2 {
				src, dst := operands[i], operands[i+1]
				if src.kind != 's' || len(src.text) == 0 {
					continue
				}
				code, n := bytesCode(src.text)
				text := ""
				switch dst.kind {
				case 's':
					text = string(decodeUTF16BE(dst.text))
				case '/':
					text = glyphNameText(dst.text)
				}
				m.chars[codeKey(n, code)] = text
				entries++
			}
		case "endbfrange":
			for i := 0; i+2 < len(operands) && entries < cmapMaxEntries; i += 3 {
				m.addRange(operands[i], operands[i+1], operands[i+2], &entries)
			}
		case "endcidrange":
			for i := 0; i+2 < len(operands); i += 3 {
				lo, hi, dst := operands[i], operands[i+1], operands[i+2]
				if lo.kind != 's' || hi.kind != 's' || dst.kind != 'n' || len(lo.text) == 0 {
					continue
				}
				l, n := bytesCode(lo.text)
				h, _ := bytesCode(hi.text)
				c, err := strconv.ParseUint(dst.text, 10, 32)
				if err != nil || h < l {
					continue
				}
				m.cids = append(m.cids, cidRange{n: n, lo: l, hi: h, cid: uint32(c)})
			}
		case "endcidchar":
			for i := 0; i+1 < len(operands); i += 2 {
				src, dst := operands[i], operands[i+1]
				if src.kind != 's' || dst.kind != 'n' || len(src.text) == 0 {
					continue
				}
				code, n := bytesCode(src.text)
				c, err := strconv.ParseUint(dst.text, 10, 32)
				if err != nil {
					continue
				}
				m.cids = append(m.cids, cidRange{n: n, lo: code, hi: code, cid: uint32(c)})
			}
		}
		operands = operands[:0]
	}
	return m
}

// addRange adds one bfrange entry: small ranges are expanded into the
// char map, large ones are kept as ranges.
func (m *cmap) addRange(lo, hi, dst cmapToken, entries *int) {
	if lo.kind != 's' || hi.kind != 's' || len(lo.text) == 0 || len(lo.text) != len(hi.text) {
		return
	}
	l, n := bytesCode(lo.text)
	h, _ := bytesCode(hi.text)
	if h < l {
		return
	}
	r := uniRange{n: n, lo: l, hi: h}
	switch dst.kind {
	case 's':
		r.dst = decodeUTF16BE(dst.text)
	case '[':
		r.list = make([]string, len(dst.list))
		for i, s := range dst.list {
			r.list[i] = string(decodeUTF16BE(s))
		}
	default:
		return
	}
	size := h - l + 1
	if size <= cmapExpand && *entries+int(size) <= cmapMaxEntries {
		for off := uint32(0); off < size; off++ {
			key := codeKey(n, l+off)
			if _, dup := m.chars[key]; dup {
				continue // bfchar entries read earlier win
			}
			if r.list != nil {
				if int(off) < len(r.list) {
					m.chars[key] = r.list[off]
				}
			} else {
				m.chars[key] = offsetText(r.dst, off)
			}
		}
		*entries += int(size)
		return
	}
	m.ranges = append(m.ranges, r)
	*entries++
}
