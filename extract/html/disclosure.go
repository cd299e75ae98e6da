package html

import (
	"slices"
	"strings"

	"github.com/PuerkitoBio/goquery"
	xhtml "golang.org/x/net/html"
)

// disclosureLabels are the fields of the information-disclosure table
// (政府信息公开 属性表) the reader passes on, in the order it emits them.
// The parser reads 发文字号, 发文机关 and 成文日期 as header fields.
var disclosureLabels = []string{"索引号", "发文机关", "发文字号", "成文日期", "发布日期"}

type field struct{ label, value string }

// disclosureFields finds the disclosure table's fields: an element whose
// whole text is a label ("发文字号：", "索 引 号：") followed by an element
// holding the value, or one element holding "label：value". It returns
// the fields in disclosureLabels order and the elements that held them,
// which the body walk skips (the table when they were in one).
func disclosureFields(page *goquery.Document) ([]field, map[*xhtml.Node]bool) {
	found := map[string]string{}
	skip := map[*xhtml.Node]bool{}
	page.Find("td, th, dt, dd, li, span, label, p, div").Each(func(_ int, s *goquery.Selection) {
		n := s.Nodes[0]
		if hasBlockChild(n) {
			return
		}
		text := squeeze(s.Text())
		label, value, ok := splitLabel(text)
		if !ok || found[label] != "" || !slices.Contains(disclosureLabels, label) {
			return
		}
		if value == "" {
			next := s.Next()
			if next.Length() == 0 {
				return
			}
			value = tidy(next.Text())
			if _, _, isLabel := splitLabel(squeeze(value)); isLabel {
				return
			}
		}
		if value == "" {
			return
		}
		found[label] = value
		skip[holder(n)] = true
	})
	var fields []field
	for _, l := range disclosureLabels {
		if v := found[l]; v != "" {
			fields = append(fields, field{l, v})
		}
	}
	return fields, skip
}

// splitLabel splits "label：value" (value may be empty) for a disclosure
// label; s has no spaces.
func splitLabel(s string) (label, value string, ok bool) {
	for _, l := range append(disclosureLabels, "标题", "主题分类", "主题词") {
		if rest, found := strings.CutPrefix(s, l); found {
			if rest == "" {
				return l, "", true
			}
			for _, colon := range []string{"：", ":"} {
				if v, found := strings.CutPrefix(rest, colon); found {
					return l, v, true
				}
			}
		}
	}
	return "", "", false
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
