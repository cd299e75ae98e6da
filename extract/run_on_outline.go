package extract

import (
	"regexp"
	"strings"

	"github.com/duban/duban/internal/notation"
)

// A notice copied onto one line (a document site's text): its outline
// numbers (一、 (一) 1、) stand inside the line after a sentence's end, and
// the site's page markers ("第1页共6页") are glued in. When no paragraph
// of the notice starts with a number, a long paragraph is cut before each
// number that follows a sentence's end and continues its kind's count
// (一 then 二; 1 then 2), and the page markers are dropped. A closing
// bracket ends a sentence too ("…。(责任单位:X)2、…").

// runOnMinBytes is how long a paragraph must be to be read as a run-on
// notice (about 200 characters).
const runOnMinBytes = 600

// pageMarkRe matches a document site's page marker.
var pageMarkRe = regexp.MustCompile(`第\d{1,4}页\s*共\d{1,4}页`)

// splitRunOnOutline cuts run-on paragraphs at their outline numbers.
func splitRunOnOutline(ps []bodyPara) []bodyPara {
	long := false
	for _, p := range ps {
		if p.table != nil {
			return ps
		}
		if k, _, _ := notation.ParseMarker(p.text); k != notation.MarkNone {
			return ps // the notice has numbered paragraphs
		}
		long = long || len(p.text) >= runOnMinBytes
	}
	if !long {
		return ps
	}
	var out []bodyPara
	for i, p := range ps {
		if len(p.text) < runOnMinBytes {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		pieces := cutAtOutline(pageMarkRe.ReplaceAllString(p.text, ""))
		if len(pieces) < 3 {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		if out == nil {
			out = append(make([]bodyPara, 0, len(ps)+len(pieces)), ps[:i]...)
		}
		for _, s := range pieces {
			out = append(out, bodyPara{text: s, line: p.line, page: p.page})
		}
	}
	if out == nil {
		return ps
	}
	return out
}

// cutAtOutline cuts s before each outline number that follows a
// sentence's end and continues the count of its kind.
func cutAtOutline(s string) []string {
	last := map[notation.MarkerKind]int{}
	var pieces []string
	from := 0
	for i, r := range s {
		if i == 0 || !strings.ContainsRune("。；;！!）)", r) {
			continue
		}
		at := i + len(string(r))
		k, canon, rest := notation.ParseMarker(s[at:])
		if k == notation.MarkNone || k == notation.MarkCircled || rest == "" {
			continue
		}
		n, ok := notation.ParseNumber(strings.Trim(canon, "（）()"))
		if !ok || (n != 1 && n != last[k]+1) {
			continue
		}
		last[k] = n
		if t := strings.TrimFunc(s[from:at], notation.IsSpace); t != "" {
			pieces = append(pieces, t)
		}
		from = at
	}
	if t := strings.TrimFunc(s[from:], notation.IsSpace); t != "" {
		pieces = append(pieces, t)
	}
	return pieces
}
