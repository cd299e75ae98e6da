package extract

import (
	"strings"

	"github.com/duban/duban"
)

// A web page's information-disclosure table (政府信息公开 属性表) states
// the header outright; the HTML reader hands its fields over as labelled
// paragraphs before the body ("发文机关：国务院", "成文日期：2019年01月27日",
// "发文字号：国发〔2019〕5号"). They take precedence over what the header
// parser infers from the notice's own lines: the signature of a State
// Council notice (国务院) is too short to be told from a body line.

// disclosureHeader applies the labelled disclosure fields among the
// paragraphs before the body to h and marks them used.
func disclosureHeader(h *header, ps []bodyPara, bodyStart int) {
	for i, p := range ps[:bodyStart] {
		label, value, ok := disclosureField(stripSpace(p.text))
		if !ok {
			continue
		}
		switch label {
		case "发文机关":
			h.issuer = value
		case "成文日期":
			if t, ok := parseDate(value); ok {
				h.issue = t.Format(duban.DateLayout)
			}
		case "发文字号":
			if m := docNumberRe.FindString(value); m != "" {
				h.docNumber = m
			}
		}
		h.used[i] = true
	}
	// The page repeats the 文号 under the title; the header parser, having
	// taken the 文号 from the table, would offer that line as a plan title.
	if pt := stripSpace(h.planTitle); pt != "" && docNumberRe.FindString(pt) == pt {
		h.planTitle = ""
	}
}

// disclosureField splits "label：value" for the disclosure labels.
func disclosureField(s string) (label, value string, ok bool) {
	for _, l := range []string{"索引号", "发文机关", "发文字号", "成文日期", "发布日期"} {
		rest, found := strings.CutPrefix(s, l)
		if !found {
			continue
		}
		for _, colon := range []string{"：", ":"} {
			if v, found := strings.CutPrefix(rest, colon); found && v != "" {
				return l, v, true
			}
		}
	}
	return "", "", false
}
