package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/notation"
)

// Rows whose cells stand apart by single spaces, as a page's text gives a
// table laid out with no-break spaces, under a header written the same
// way ("序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位"):
//
//	1 加强水资源保 护 严守…红线 实施…。到2020年,…以内。 市水利局 市发展改革委、… 各县(市、区)…
//	2  严守用水 效率控制 红线 落实…。 市水利局 …
//	3   抓好工业节水。…。 市工业和信息化委、水利局 …
//
// A cell wrapped inside the table keeps a space at each wrap (加强水资源保
// 护), and a row-spanned cell is empty (two spaces in a row). The row's
// long text — the first piece with a sentence in it — belongs to the
// header's last text column; each piece after it is one unit or deadline
// cell (unit lists hold no spaces), and the pieces before it fill the
// columns before it: empty pieces are empty cells (the row above's
// values), and of the rest the shortest piece joins the one before it
// (the end of a wrapped line) until they are as many as the columns.

// singleSpaceHeader reads a header line of single-space-separated header
// words starting with 序号; nil when it is not one.
func singleSpaceHeader(s string) []string {
	if !strings.HasPrefix(s, "序号") || strings.Contains(s, "|") {
		return nil
	}
	hdr := strings.FieldsFunc(s, isCellSpace)
	if len(hdr) < 4 || len(hdr) > maxHeaderCells {
		return nil
	}
	for _, h := range hdr {
		if !headerWordCell(h) {
			return nil
		}
	}
	if !headerOf(hdr) {
		return nil
	}
	return hdr
}

func isCellSpace(r rune) bool { return r == ' ' || r == '\u00a0' }

// singleSpaceTable reads the rows under a single-space header at ps[i].
func singleSpaceTable(ps []bodyPara, i int) (*document.Table, int) {
	hdr := singleSpaceHeader(ps[i].text)
	if hdr == nil {
		return nil, 0
	}
	cols, _ := notation.TableHeader(headerRow(hdr))
	if cols.Seq != 0 {
		return nil, 0
	}
	long := cols.Task
	for _, m := range cols.More {
		long = max(long, m)
	}
	if long <= 0 {
		return nil, 0
	}
	b := newRowBuilder(hdr, ps[i])
	b.left = true
	var prev []string
	n := 1
	for ; i+n < len(ps) && ps[i+n].table == nil; n++ {
		row := singleSpaceRow(ps[i+n].text, len(hdr), long, n, prev)
		if row == nil {
			break
		}
		b.add(row, ps[i+n], i+n == len(ps)-1)
		prev = row
	}
	if n == 1 {
		return nil, 0
	}
	return b.table(), n
}

// singleSpaceRow parts one row numbered seq into width cells; nil when
// the line is not that row or its pieces do not fit.
func singleSpaceRow(s string, width, long, seq int, prev []string) []string {
	pieces := splitSingleSpaces(s)
	if len(pieces) < 3 || pieces[0] != strconv.Itoa(seq) {
		return nil
	}
	at := -1
	for k := 1; k < len(pieces); k++ {
		if notation.ContainsAnyRune(pieces[k], "。；;") || utf8.RuneCountInString(pieces[k]) >= 40 {
			at = k
			break
		}
	}
	if at < 0 {
		if len(pieces) == width && !slices.Contains(pieces, "") {
			return pieces // short cells, one piece each
		}
		return nil
	}
	after := pieces[at+1:]
	if len(after) > width-long-1 {
		return nil
	}
	row := make([]string, width)
	row[0] = pieces[0]
	row[long] = pieces[at]
	copy(row[long+1:], after)
	// the columns between the number and the long text
	before := pieces[1:at]
	if len(before) > maxHeaderCells {
		return nil // not cells: words apart by spaces
	}
	c := 1
	for len(before) > 0 && before[0] == "" && c < long {
		if prev != nil {
			row[c] = prev[c] // a row-spanned cell
		}
		before, c = before[1:], c+1
	}
	for _, p := range before {
		if p == "" {
			return nil // an empty cell after text: not this layout
		}
	}
	before = mergeWrapped(append([]string(nil), before...), long-c)
	if len(before) > long-c {
		return nil
	}
	// fewer pieces than columns: the later columns have them
	copy(row[long-len(before):long], before)
	for k := c; k < long-len(before); k++ {
		if prev != nil {
			row[k] = prev[k]
		}
	}
	return row
}

// splitSingleSpaces splits at every space, keeping the empty pieces that
// spaces in a row leave.
func splitSingleSpaces(s string) []string {
	s = strings.TrimFunc(s, notation.IsSpace)
	var out []string
	from := 0
	for i, r := range s {
		if isCellSpace(r) {
			out = append(out, s[from:i])
			from = i + utf8.RuneLen(r)
		}
	}
	return append(out, s[from:])
}

// mergeWrapped joins the shortest piece to the one before it (the first
// to the one after) until there are at most k pieces.
func mergeWrapped(ps []string, k int) []string {
	for len(ps) > k && len(ps) > 1 {
		j := 0
		for m := range ps {
			if utf8.RuneCountInString(ps[m]) < utf8.RuneCountInString(ps[j]) {
				j = m
			}
		}
		if j == 0 {
			ps[0] += ps[1]
			ps = append(ps[:1], ps[2:]...)
			continue
		}
		ps[j-1] += ps[j]
		ps = append(ps[:j], ps[j+1:]...)
	}
	return ps
}
