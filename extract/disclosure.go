package extract

import (
	"github.com/duban/duban"
	"github.com/duban/duban/internal/notation"
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
		label, value, ok := notation.DisclosureField(notation.StripSpace(p.text))
		if !ok || value == "" {
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
			if m := notation.DocNumberRe.FindString(value); m != "" {
				h.docNumber = m
			}
		}
		h.used[i] = true
	}
	// The page repeats the 文号 under the title; the header parser, having
	// taken the 文号 from the table, would offer that line as a plan title.
	if pt := notation.StripSpace(h.planTitle); pt != "" && notation.DocNumberRe.FindString(pt) == pt {
		h.planTitle = ""
	}
}
