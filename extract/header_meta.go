package extract

import (
	"strings"

	"github.com/duban/duban"
	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/notation"
)

// The metadata block of a government information-disclosure page, kept
// in the text a web page gives:
//
//	索引号 126104007700221260/2022-00662 主题分类 政务督查
//	文号 咸政发〔2022〕4号 发布机构 市政府办公室
//	发文日期: | 2023-08-21 | 发布机构: | 张店区人民政府办公室 |
//
// as label-value lines or a table's rows, and the page's chrome
// (breadcrumbs "首页>政府信息公开>…"). It gives the 文号, the issuer and
// the date when the notice itself does not, and none of it may leak into
// the header's fields: the paragraphs are taken out before the header is
// read.

// pageMetaLabels are the labels of a metadata block, longest first where
// one ends another.
var pageMetaLabels = []string{
	"发文字号", "发文文号", "发文机关", "发布机构", "发布机关", "发文单位", "成文日期", "发文日期", "发布日期", "公开日期", "生效日期",
	"索引号", "主题分类", "组配分类", "体裁分类", "有效性", "主题词", "公开方式", "公开形式", "公开目录", "公开责任部门", "内容概述",
	"文件名称", "信息来源", "浏览次数", "访问量", "关联稿件", "文号", "标题", "名称", "来源", "作者", "字体", "时间", "日期",
}

// pageMeta is what a metadata block says.
type pageMeta struct {
	docNumber, issuer, date, written string // date: published; written: 成文日期
}

// takePageMeta removes the metadata and chrome paragraphs before the
// notice's body from ps and returns what they say.
func takePageMeta(ps []bodyPara) ([]bodyPara, pageMeta) {
	var m pageMeta
	var out []bodyPara
	for i, p := range ps {
		if p.table != nil {
			if m.readTable(p.table) {
				if out == nil {
					out = append(make([]bodyPara, 0, len(ps)), ps[:i]...)
				}
				continue
			}
			if out != nil {
				out = append(out, ps[i:]...)
			}
			break
		}
		if k, _, _ := notation.ParseMarker(p.text); k != notation.MarkNone {
			if out != nil {
				out = append(out, ps[i:]...)
			}
			break
		}
		if !isChrome(p.text) && !m.read(p.text) {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		if out == nil {
			out = append(make([]bodyPara, 0, len(ps)), ps[:i]...)
		}
	}
	if out == nil {
		return ps, m
	}
	return out, m
}

// isChrome reports whether a paragraph is a page's breadcrumb.
func isChrome(s string) bool {
	if strings.IndexByte(s, '>') < 0 {
		return false
	}
	s = notation.StripSpace(s)
	return strings.Contains(s, ">") && (strings.HasPrefix(s, "首页") || notation.ContainsAnyOf(s, "当前位置", "现在的位置", "您的位置", "当前所在位置"))
}

// read reads one paragraph as metadata: it must start with a label; each
// label's value runs to the next label.
func (m *pageMeta) read(s string) bool {
	s = strings.TrimFunc(s, notation.IsSpace)
	if strings.HasPrefix(s, "[") || strings.HasPrefix(s, "【") {
		// a news page's "[日期:2015-06-11] 来源:办公室 作者: [字体: ]"
		s = strings.TrimFunc(metaBrackets.Replace(s), notation.IsSpace)
	}
	if !startsWithMetaLabel(s) {
		return false
	}
	s = strings.ReplaceAll(s, "|", " ")
	type hit struct{ at, end int }
	var hits []hit
	for i := 0; i < len(s); {
		if i == 0 || s[i-1] == ' ' || strings.HasPrefix(s[i:], "【") {
			if n := metaLabelAt(s[i:]); n > 0 {
				hits = append(hits, hit{i, i + n})
				i += n
				continue
			}
		}
		i++
	}
	for k, h := range hits {
		end := len(s)
		if k+1 < len(hits) {
			end = hits[k+1].at
		}
		label := s[h.at:h.end]
		v := strings.TrimFunc(strings.TrimLeft(strings.TrimFunc(s[h.end:end], notation.IsSpace), ":："), notation.IsSpace)
		m.set(label, v)
	}
	return true
}

// metaBrackets blanks the brackets a news page sets its labels in.
var metaBrackets = strings.NewReplacer("[", " ", "]", " ", "【", " ", "】", " ")

func startsWithMetaLabel(s string) bool {
	return metaLabelAt(s) > 0
}

// metaLabelAt gives the length of the label s starts with (followed by a
// colon, a space or the end), or 0.
func metaLabelAt(s string) int {
	for _, l := range pageMetaLabels {
		if !strings.HasPrefix(s, l) {
			continue
		}
		rest := s[len(l):]
		if rest == "" || rest[0] == ' ' || rest[0] == ':' || strings.HasPrefix(rest, "：") {
			return len(l)
		}
	}
	return 0
}

func (m *pageMeta) set(label, v string) {
	v = notation.StripSpace(v)
	if v == "" {
		return
	}
	switch label {
	case "文号", "发文字号", "发文文号":
		if m.docNumber == "" && notation.DocNumberRe.MatchString(v) {
			m.docNumber = notation.DocNumberRe.FindString(v)
		}
	case "发文机关", "发布机构", "发布机关", "发文单位":
		if m.issuer == "" && allOrgNames([]string{v}) {
			m.issuer = v
		}
	case "成文日期":
		if t, ok := parseDate(v); ok && m.written == "" {
			m.written = t.Format(duban.DateLayout)
		}
	case "发文日期", "发布日期", "公开日期", "日期", "时间":
		if len(v) > 10 && v[4] == '-' {
			v = v[:10] // 2022-04-22 11:00:00
		}
		if t, ok := parseDate(v); ok && m.date == "" {
			m.date = t.Format(duban.DateLayout)
		}
	}
}

// fill gives the header what the metadata says and the notice does not.
func (m pageMeta) fill(h *header) {
	if h.docNumber == "" {
		h.docNumber = m.docNumber
	}
	if h.issuer == "" {
		h.issuer = titleIssuer(h.title)
	}
	if h.issuer == "" {
		h.issuer = m.issuer
	}
	if h.issue == "" {
		h.issue = m.written
	}
	if h.issue == "" {
		h.issue = m.date
	}
}

// titleIssuer is the office a title names before 关于 ("国务院关于…的意见",
// "咸阳市人民政府关于…"), when that is a whole organisation's name.
func titleIssuer(title string) string {
	i := strings.Index(title, "关于")
	if i <= 0 {
		return ""
	}
	org := title[:i]
	if strings.ContainsAny(org, "《》“”\"") || len([]rune(org)) < 3 || !allOrgNames([]string{org}) {
		return ""
	}
	return org
}

// readTable reads a table whose rows are label-value cells ("发布机构 |
// 区人民政府办公室 | 文号 | 蔡政办〔2023〕1号") as metadata; it reports
// whether every row was.
func (m *pageMeta) readTable(t *document.Table) bool {
	if len(t.Rows) == 0 {
		return false
	}
	var rows []string
	for _, r := range t.Rows {
		var b strings.Builder
		for _, c := range r {
			b.WriteString(strings.TrimFunc(c.Text, notation.IsSpace))
			b.WriteByte(' ')
		}
		row := strings.TrimFunc(b.String(), notation.IsSpace)
		if !startsWithMetaLabel(row) {
			return false
		}
		rows = append(rows, row)
	}
	for _, r := range rows {
		m.read(r)
	}
	return true
}
