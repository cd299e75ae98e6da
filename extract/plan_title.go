package extract

import (
	"strings"

	"github.com/duban/duban/internal/notation"
)

// A notice that lists its own requirements ("并提出如下要求：一、…二、…")
// before the signature starts its body there, so the title of the plan it
// prints, under 附件 further down, is not in the header the header parser
// reads. planTitleLater finds it anywhere after the body's start: a line
// that is exactly what the title says is printed ("关于印发X的通知": X).

// planTitleLater sets h.planTitle from a paragraph at or after start that
// repeats the printed object of the title, when the header held none, and
// marks that paragraph used.
func planTitleLater(h *header, ps []bodyPara, start int) {
	if h.planTitle != "" {
		return
	}
	m := printObjRe.FindStringSubmatch(h.title)
	if m == nil {
		return
	}
	want := notation.StripSpace(strings.Trim(m[1], "《》"))
	if want == "" {
		return
	}
	for i := start; i < len(ps); i++ {
		p := ps[i]
		if p.table != nil || len(p.text) > 4*len(want) {
			continue
		}
		if notation.StripSpace(p.text) == want {
			h.planTitle = notation.CleanText(p.text)
			if i < len(h.used) {
				h.used[i] = true
			}
			return
		}
	}
}
