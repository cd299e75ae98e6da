package enrich

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/segment"
)

// mention is a unit named inside a task's text, at text[start:end].
type mention struct {
	name       string
	start, end int
	// strong is set for a name the notice or the directory knows, and for a
	// government body's name with an administrative or place qualifier
	// ("市人社局", "省有关部门", "无锡市发改委"); only these are listed as
	// mentioned. Weaker names (institutions, companies) count only where a
	// role word makes them a task's unit.
	strong bool
}

// tokSpan is a piece of a task text while mentions are searched: one token of the
// segmenter, or a whole known unit name.
type tokSpan struct {
	word, pos  string
	start, end int
	known      bool
}

// Organisation endings: a noun ending in one of these names a body
// ("市财政局", "县委宣传部", "市民政局", "经济技术开发区管委会").
var orgSuffixes = []string{
	"局", "委", "办", "厅", "部", "院", "署", "处", "室", "中心", "政府", "公司", "集团",
	"队", "所", "站", "商会", "协会", "学会", "联合会", "工会", "联", "社", "科协",
	"银行", "分行", "海关", "部门", "单位",
}

// Words with an organisation ending that name no body.
var notOrgWords = map[string]bool{
	"干部": true, "全部": true, "内部": true, "外部": true, "局部": true, "东部": true,
	"西部": true, "南部": true, "北部": true, "中部": true, "俱乐部": true, "格局": true,
	"布局": true, "大局": true, "结局": true, "开局": true, "场所": true, "住所": true,
	"网站": true, "车站": true, "队伍": true, "团队": true, "梯队": true, "社会": true,
	"结社": true, "剧院": true, "庭院": true, "各处": true, "好处": true,
	"部署": true, "签署": true,
}

// Endings of government bodies, the units that take tasks.
var govSuffixes = []string{
	"局", "委", "办", "厅", "部", "署", "部门", "单位", "政府", "办公室", "工作队",
	"妇联", "工商联", "残联", "侨联", "文联", "科协", "工会", "法院", "检察院", "海关",
}

// Names that stand for "the bodies concerned" only with a qualifier before
// them ("有关部门", "相关单位"); alone they are ordinary nouns.
var needsQualifier = map[string]bool{"部门": true, "单位": true}

// Qualifiers and administrative prefixes that may start a unit name.
var unitPrefixWords = map[string]bool{
	"市": true, "县": true, "区": true, "省": true, "镇": true, "乡": true, "街道": true,
	"市委": true, "县委": true, "区委": true, "省委": true, "市政府": true, "县政府": true,
	"区政府": true, "各": true, "各级": true, "有关": true, "相关": true, "市级": true,
	"县级": true, "区级": true, "市直": true, "各有关": true, "各相关": true, "全市": true,
	"各县区": true, "各县": true, "各区": true, "各镇": true, "国家": true, "中央": true,
	"省级": true, "市属": true,
}

// Anchor words made of a bare organisation kind ("局", "委员会"): only
// these take ordinary nouns before them into the name ("发展改革委员会").
var bareOrgWords = map[string]bool{
	"局": true, "委": true, "办": true, "厅": true, "部": true, "委员会": true,
	"办公室": true, "中心": true, "政府": true, "人民政府": true, "公司": true,
	"集团": true, "管委会": true, "工作队": true,
}

// Single characters that never start or continue a unit name.
const notNameChars = "由在和与及要将等的对向从为并把被同会于以按经至让请使就"

// Role words, longest first within each group.
var (
	leadWords  = []string{"负责牵头", "牵头负责", "牵头"}
	withWords  = []string{"会同"}
	coWords    = []string{"协同配合", "支持配合", "做好配合", "配合", "参与", "协助", "协同", "协作"}
	respWords  = []string{"按职责分工负责", "按职能分工负责", "分工负责", "具体负责", "分别负责", "共同负责", "负责"}
	fillWords  = []string{"按照职责", "按职责", "依职责", "各自", "共同", "分别", "应当", "必须", "要", "将", "应", "须", "等单位", "等部门", "等"}
	listJoints = []string{"以及", "、", "和", "及", "与", "，", ","}
)

// startsWithRoleWord reports whether w begins with a role word.
func startsWithRoleWord(w string) bool {
	for _, ws := range [][]string{leadWords, withWords, coWords, respWords} {
		if hasRolePrefix(w, ws) {
			return true
		}
	}
	return false
}

func isRoleWord(w string) bool {
	for _, ws := range [][]string{leadWords, withWords, coWords, respWords} {
		for _, x := range ws {
			if w == x {
				return true
			}
		}
	}
	return false
}

// findMentions finds the units named in text: known names wherever they
// appear, and nouns with an organisation ending together with the place
// and administrative words before them ("无锡市发改委", "县委宣传部").
func findMentions(seg *segment.Segmenter, text string, known map[string]bool) []mention {
	spans := tokenSpans(seg, text, known)
	var out []mention
	for i := len(spans) - 1; i >= 0; i-- {
		a := spans[i]
		if !isAnchor(a) {
			continue
		}
		// Walk back over the words that may begin the name. Ordinary nouns
		// ("市场" in "县市场监管局") are taken only when a qualifier such as
		// 县 or a place name comes before them; otherwise the name starts
		// after them ("两地民政局" → "民政局").
		j, k := i, i
		qualified, tentative := false, 0
		for k > 0 && utf8.RuneCountInString(text[spans[k-1].start:a.end]) <= 24 {
			p := spans[k-1]
			switch {
			case canPrefix(p, a):
				k--
				if unitPrefixWords[p.word] || p.pos == "ns" {
					qualified, tentative = true, 0
				}
				if tentative == 0 {
					j = k
				}
				continue
			case !a.known && tentative < 2 && isNameLike(p.word) && !isRoleWord(p.word) &&
				(strings.HasPrefix(p.pos, "n") || p.pos == "vn" || p.pos == "l" || p.pos == "j"):
				k--
				tentative++
				continue
			}
			break
		}
		start := spans[j].start
		// An unknown chunk of the HMM may have swallowed the word before
		// the name ("由市" in "由市发改委牵头").
		if r, n := utf8.DecodeRuneInString(spans[j].word); spans[j].pos == "x" && j < i && n < len(spans[j].word) && strings.ContainsRune(notNameChars, r) {
			start += n
		}
		name := text[start:a.end]
		if r, _ := utf8.DecodeRuneInString(name); strings.ContainsRune("市县区省镇乡各", r) {
			qualified = true
		}
		strong := a.known || qualified && hasAnySuffix(name, govSuffixes)
		if !a.known {
			if needsQualifier[a.word] && !qualified {
				continue
			}
			if j == i && utf8.RuneCountInString(name) < 3 {
				continue // "局", "商会" alone
			}
		}
		out = append(out, mention{name: name, start: start, end: a.end, strong: strong})
		i = j
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}

// tokenSpans tags text and merges the tokens covering a known name into
// one tokSpan.
func tokenSpans(seg *segment.Segmenter, text string, known map[string]bool) []tokSpan {
	type rng struct{ s, e int }
	var ks []rng
	if len(known) > 0 {
		names := make([]string, 0, len(known))
		for k := range known {
			if k != "" {
				names = append(names, k)
			}
		}
		covered := make([]bool, len(text))
		// Longest names first, so "海州区（连云港高新区）" wins over "海州区".
		sort.Slice(names, func(i, j int) bool {
			if len(names[i]) != len(names[j]) {
				return len(names[i]) > len(names[j])
			}
			return names[i] < names[j]
		})
		for _, k := range names {
			for off := 0; ; {
				i := strings.Index(text[off:], k)
				if i < 0 {
					break
				}
				s, e := off+i, off+i+len(k)
				free := true
				for p := s; p < e; p++ {
					free = free && !covered[p]
				}
				if free {
					for p := s; p < e; p++ {
						covered[p] = true
					}
					ks = append(ks, rng{s, e})
				}
				off = e
			}
		}
	}
	inKnown := func(p int) (rng, bool) {
		for _, r := range ks {
			if p >= r.s && p < r.e {
				return r, true
			}
		}
		return rng{}, false
	}
	var out []tokSpan
	pos := 0
	for _, tk := range splitRoleTokens(seg.Tag(text)) {
		i := strings.Index(text[pos:], tk.Word)
		if tk.Word == "" || i < 0 {
			continue
		}
		s, e := pos+i, pos+i+len(tk.Word)
		pos = e
		for s < e {
			if r, ok := inKnown(s); ok {
				if len(out) == 0 || out[len(out)-1].start != r.s {
					out = append(out, tokSpan{word: text[r.s:r.e], pos: "nt", start: r.s, end: r.e, known: true})
				}
				s = r.e
				continue
			}
			// The part of the token before the next known name, if any.
			cut := e
			for p := s; p < e; p++ {
				if _, ok := inKnown(p); ok {
					cut = p
					break
				}
			}
			p := tk.POS
			if cut != e || s != pos-len(tk.Word) {
				p = "x"
			}
			out = append(out, tokSpan{word: text[s:cut], pos: p, start: s, end: cut})
			s = cut
		}
	}
	return out
}

// splitRoleTokens splits a role word off the front of a longer token: the
// dictionary has place names such as 会同县 that swallow the start of
// "会同县市场监管局".
func splitRoleTokens(toks []segment.Token) []segment.Token {
	var out []segment.Token
	for _, tk := range toks {
		split := false
		for _, ws := range [][]string{withWords, leadWords, coWords, respWords} {
			for _, w := range ws {
				if len(tk.Word) > len(w) && strings.HasPrefix(tk.Word, w) && !isRoleWord(tk.Word) {
					out = append(out, segment.Token{Word: w, POS: "v"}, segment.Token{Word: tk.Word[len(w):], POS: "x"})
					split = true
					break
				}
			}
			if split {
				break
			}
		}
		if !split {
			out = append(out, tk)
		}
	}
	return out
}

// isAnchor reports whether a tokSpan can end a unit name.
func isAnchor(s tokSpan) bool {
	if s.known {
		return true
	}
	if notOrgWords[s.word] || isRoleWord(s.word) {
		return false
	}
	switch {
	case strings.HasPrefix(s.pos, "n"), s.pos == "j", s.pos == "x", s.pos == "vn":
	default:
		return false
	}
	if !isNameLike(s.word) {
		return false
	}
	return hasAnySuffix(s.word, orgSuffixes)
}

func hasAnySuffix(s string, sufs []string) bool {
	for _, suf := range sufs {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// canPrefix reports whether p may be part of the name ending in anchor a.
func canPrefix(p, a tokSpan) bool {
	if p.known || !isNameLike(p.word) || isRoleWord(p.word) {
		return false
	}
	if unitPrefixWords[p.word] || p.pos == "ns" {
		return true
	}
	if a.known {
		return false // a known name is complete; only a place may precede it
	}
	if utf8.RuneCountInString(p.word) == 1 {
		return !strings.Contains(notNameChars, p.word) && p.pos != "p" && p.pos != "c" && p.pos != "u" && p.pos != "d" && p.pos != "r" && p.pos != "m"
	}
	if p.pos == "x" || p.pos == "nt" {
		return true
	}
	if bareOrgWords[a.word] {
		return strings.HasPrefix(p.pos, "n") || p.pos == "vn" || p.pos == "j" || p.pos == "l"
	}
	return false
}

// isNameLike reports whether w is made of letters and the brackets unit
// names may contain, and has at least one letter.
func isNameLike(w string) bool {
	letter := false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case strings.ContainsRune("（）()", r):
		default:
			return false
		}
	}
	return letter
}

// inferUnits reads roles off the mentions of a task's text: lists of units
// followed by 牵头 (lead), 会同 (lead, and the list after it co), 配合,
// 参与, 协助 (co) or 负责 (responsible), or preceded by 会同 (co). Mentions
// without a role word are not units.
func inferUnits(text string, ms []mention) []duban.Unit {
	lists := mentionLists(text, ms)
	roles := make([]duban.Role, len(lists))
	for k, l := range lists {
		after := stripRoleFillers(text[l[len(l)-1].end:])
		switch {
		case hasRolePrefix(after, leadWords):
			roles[k] = duban.RoleLead
		case hasRolePrefix(after, withWords):
			roles[k] = duban.RoleLead
			if k+1 < len(lists) {
				between := stripRoleFillers(strings.TrimPrefix(after, "会同"))
				if strings.HasPrefix(between, lists[k+1][0].name) {
					roles[k+1] = duban.RoleCo
				}
			}
		case hasRolePrefix(after, coWords):
			roles[k] = duban.RoleCo
		case hasRolePrefix(after, respWords):
			roles[k] = duban.RoleResponsible
		case roles[k] == "" && strings.HasSuffix(strings.TrimRightFunc(text[:l[0].start], unicode.IsSpace), "会同"):
			roles[k] = duban.RoleCo
		}
	}
	var out []duban.Unit
	seen := map[string]bool{}
	for k, l := range lists {
		if roles[k] == "" {
			continue
		}
		for _, m := range l {
			if !seen[m.name] {
				seen[m.name] = true
				out = append(out, duban.Unit{Name: m.name, Role: roles[k], Inferred: true})
			}
		}
	}
	return out
}

// mentionLists groups mentions joined only by list punctuation or
// conjunctions ("市财政局、市人社局和市教育局") into lists.
func mentionLists(text string, ms []mention) [][]mention {
	var lists [][]mention
	for i, m := range ms {
		if i > 0 && isListJoint(text[ms[i-1].end:m.start]) {
			lists[len(lists)-1] = append(lists[len(lists)-1], m)
			continue
		}
		lists = append(lists, []mention{m})
	}
	return lists
}

func isListJoint(s string) bool {
	if s == "" {
		return true
	}
	for _, j := range listJoints {
		if s == j {
			return true
		}
	}
	return false
}

func hasRolePrefix(s string, ws []string) bool {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// stripRoleFillers removes modal and qualifying words ("要", "按职责",
// "等部门") from the start of s.
func stripRoleFillers(s string) string {
	for {
		t := strings.TrimLeftFunc(s, unicode.IsSpace)
		for _, f := range fillWords {
			if strings.HasPrefix(t, f) {
				t = t[len(f):]
				break
			}
		}
		if t == s {
			return s
		}
		s = t
	}
}
