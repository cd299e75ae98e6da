package notation

import "strings"

// DisclosureLabels are the fields of a web page's information-disclosure
// table (政府信息公开 属性表) that the HTML reader passes on as "label：value"
// paragraphs before the body, in that order; the parser reads 发文字号,
// 发文机关 and 成文日期 from them as header fields.
var DisclosureLabels = []string{"索引号", "发文机关", "发文字号", "成文日期", "发布日期"}

// DisclosureField splits "label：value" (full- or half-width colon) for a
// disclosure label; s has no spaces. value may be empty ("发文字号：" in a
// cell of its own).
func DisclosureField(s string) (label, value string, ok bool) {
	for _, l := range DisclosureLabels {
		rest, found := strings.CutPrefix(s, l)
		if !found {
			continue
		}
		if rest == "" {
			return l, "", true
		}
		for _, colon := range []string{"：", ":"} {
			if v, found := strings.CutPrefix(rest, colon); found {
				return l, v, true
			}
		}
	}
	return "", "", false
}
