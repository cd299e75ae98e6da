package gen

import (
	"regexp"
	"sort"
	"strings"
)

// Corpus is the material notices are made of.
type Corpus struct {
	Tasks    []string // task texts without number or unit clause
	Sections []string // section titles (一、…)
	Units    []string // unit names
}

var (
	sectionRe = regexp.MustCompile(`^\s*[一二三四五六七八九十]+、\s*(.+?)\s*$`)
	taskRe    = regexp.MustCompile(`^\s*(?:\d+\s*[.．、]|[（(][一二三四五六七八九十]+[）)])\s*(.+)$`)
	labelRe   = regexp.MustCompile(`(?:牵头单位|责任单位|配合单位|负责部门)\s*[:：]`)
	inlineRe  = regexp.MustCompile(`[（(]([^（()）]+?)(?:牵头|负责)[，,]?`)
	spaceRe   = regexp.MustCompile(`\s+`)
)

// LoadCorpus mines notice texts (UTF-8) for task texts, section titles and
// unit names.
func LoadCorpus(texts ...string) *Corpus {
	c := &Corpus{}
	tasks, sections, units := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, text := range texts {
		for _, line := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
			if m := sectionRe.FindStringSubmatch(line); m != nil {
				if t := squeeze(m[1]); len([]rune(t)) >= 4 && len([]rune(t)) <= 20 {
					sections[t] = true
				}
				continue
			}
			for _, loc := range labelRe.FindAllStringIndex(line, -1) {
				for _, u := range splitUnits(clauseAt(line[loc[1]:])) {
					units[u] = true
				}
			}
			for _, m := range inlineRe.FindAllStringSubmatch(line, -1) {
				for _, u := range splitUnits(m[1]) {
					units[u] = true
				}
			}
			if m := taskRe.FindStringSubmatch(line); m != nil {
				if t := taskText(m[1]); len([]rune(t)) >= 12 {
					tasks[t] = true
				}
			}
		}
	}
	c.Tasks, c.Sections, c.Units = keys(tasks), keys(sections), keys(units)
	return c
}

// taskText cuts a numbered line before its unit clause and keeps whole
// sentences.
func taskText(s string) string {
	s = squeeze(s)
	if loc := labelRe.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	if inlineRe.MatchString(s) || strings.Contains(s, "参与）") {
		return ""
	}
	if i := strings.LastIndex(s, "。"); i >= 0 {
		s = s[:i+len("。")]
	} else {
		return ""
	}
	if strings.ContainsAny(s, "（(〔") && strings.Count(s, "（")+strings.Count(s, "(") != strings.Count(s, "）")+strings.Count(s, ")") {
		return ""
	}
	return s
}

// squeeze removes spaces next to Chinese characters, as a clean notice has.
func squeeze(s string) string {
	return strings.TrimSpace(spaceRe.ReplaceAllString(s, ""))
}

// clauseAt returns the unit list at the start of s: up to the first
// separator or unmatched closing bracket outside parentheses.
func clauseAt(s string) string {
	depth := 0
	for i, r := range s {
		switch r {
		case '（', '(':
			depth++
		case '）', ')', '〕', ']':
			if depth == 0 {
				return s[:i]
			}
			depth--
		case '，', ',', '；', ';', '。':
			if depth == 0 {
				return s[:i]
			}
		}
	}
	return s
}

// splitUnits splits a unit list on 、 outside parentheses and drops a
// trailing 等.
func splitUnits(s string) []string {
	var out []string
	depth, start := 0, 0
	flush := func(end int) {
		u := squeeze(s[start:end])
		for _, suf := range []string{"按职责分工", "分别", "等"} {
			u = strings.TrimSuffix(u, suf)
		}
		if n := len([]rune(u)); n >= 2 && n <= 24 && !strings.ContainsAny(u, "：:") {
			out = append(out, u)
		}
	}
	for i, r := range s {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			depth--
		case '、':
			if depth == 0 {
				flush(i)
				start = i + len("、")
			}
		}
	}
	flush(len(s))
	return out
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
