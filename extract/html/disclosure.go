package html

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	xhtml "golang.org/x/net/html"

	"github.com/duban/duban/internal/notation"
)

type field struct{ label, value string }

// disclosureFields finds the disclosure table's fields: an element whose
// whole text is a label ("发文字号：", "索 引 号：") followed by an element
// holding the value, or one element holding "label：value". It returns
// the fields in disclosureLabels order and the elements that held them,
// which the body walk skips (the table when they were in one).
//
// The table's 标题 is returned too: some sites keep the title above the
// content box, outside the body.
func disclosureFields(page *goquery.Document) (fields []field, title string, skip map[*xhtml.Node]bool) {
	found := map[string]string{}
	skip = map[*xhtml.Node]bool{}
	page.Find("td, th, dt, dd, li, span, label, p, div").Each(func(_ int, s *goquery.Selection) {
		n := s.Nodes[0]
		if hasBlockChild(n) {
			return
		}
		text, short := limitedText(n, maxFieldLen)
		if !short {
			return
		}
		if title == "" && strings.TrimRight(squeeze(text), "：:") == "标题" {
			// a label cell of the table, beside its value cell
			if next := s.Next(); next.Length() > 0 && (n.Data == "td" || n.Data == "th" || n.Data == "dt" || n.Data == "span") && !containsTable(next.Nodes[0]) {
				v, short := limitedText(next.Nodes[0], maxFieldLen)
				if short {
					title = tidy(v)
				}
			}
			return
		}
		label, value, ok := notation.DisclosureField(squeeze(text))
		if !ok || found[label] != "" {
			return
		}
		if value == "" {
			next := s.Next()
			if next.Length() == 0 {
				return
			}
			v, short := limitedText(next.Nodes[0], maxFieldLen)
			if value = tidy(v); !short || isLabel(squeeze(value)) {
				return
			}
		}
		if value == "" {
			return
		}
		found[label] = value
		skip[holder(n)] = true
	})
	for _, l := range notation.DisclosureLabels {
		if v := found[l]; v != "" {
			fields = append(fields, field{l, v})
		}
	}
	return fields, title, skip
}

// isLabel reports whether a cell holds a label of the disclosure table
// and nothing else: the value cell of a label whose value is missing.
func isLabel(s string) bool {
	for _, l := range []string{"标题", "主题分类", "主题词"} {
		if strings.TrimRight(s, "：:") == l {
			return true
		}
	}
	_, v, ok := notation.DisclosureField(s)
	return ok && v == ""
}

// squeeze drops every kind of space ("索 引 号", "标　　题").
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if isCollapsible(r) || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

// holder is the element the body walk skips for a field: its table if it
// is in one, else the element itself.
func holder(n *xhtml.Node) *xhtml.Node {
	for p := n; p != nil; p = p.Parent {
		if p.Type == xhtml.ElementNode && p.Data == "table" {
			return p
		}
	}
	return n
}

// maxFieldLen bounds the text of a disclosure field's label or value: the
// fields are short, and reading no more keeps the search linear.
const maxFieldLen = 400

// limitedText is the text under n if it is at most limit bytes; short is
// false (and the text cut) otherwise.
func limitedText(n *xhtml.Node, limit int) (text string, short bool) {
	var b strings.Builder
	stack := []*xhtml.Node{n}
	for visits := 0; len(stack) > 0; visits++ {
		if visits > 4*limit { // a label holds few elements
			return b.String(), false
		}
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == xhtml.TextNode {
			if b.Len()+len(c.Data) > limit {
				return b.String(), false
			}
			b.WriteString(c.Data)
			continue
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return b.String(), true
}
