package docx

import (
	"strings"
	"testing"
)

// lvl writes one w:lvl; extra is more of its content (w:lvlRestart, w:isLgl,
// w:pStyle).
func levelXML(ilvl, fmt, text, extra string) string {
	return `<w:lvl w:ilvl="` + ilvl + `"><w:start w:val="1"/><w:numFmt w:val="` + fmt + `"/>` +
		`<w:lvlText w:val="` + text + `"/>` + extra + `</w:lvl>`
}

func abstractXML(id string, levels ...string) string {
	return `<w:abstractNum w:abstractNumId="` + id + `">` + strings.Join(levels, "") + `</w:abstractNum>`
}

// num writes one w:num; overrides is the inside after w:abstractNumId.
func numXML(id, abs, overrides string) string {
	return `<w:num w:numId="` + id + `"><w:abstractNumId w:val="` + abs + `"/>` + overrides + `</w:num>`
}

func overrideXML(ilvl, v string) string {
	return `<w:lvlOverride w:ilvl="` + ilvl + `"><w:startOverride w:val="` + v + `"/></w:lvlOverride>`
}

// style writes a paragraph style; pPr is the inside of its w:pPr.
func styleXML(id, basedOn, pPr string) string {
	s := `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + id + `"/>`
	if basedOn != "" {
		s += `<w:basedOn w:val="` + basedOn + `"/>`
	}
	return s + `<w:pPr>` + pPr + `</w:pPr></w:style>`
}

func numIDXML(id string) string  { return `<w:numPr><w:numId w:val="` + id + `"/></w:numPr>` }
func pStyleXML(id string) string { return `<w:pStyle w:val="` + id + `"/>` }

// readTexts reads a DOCX built from body, numbering and styles and returns
// its paragraph texts.
func readTexts(t *testing.T, body, numbering, styles string) []string {
	t.Helper()
	doc, err := Reader{}.Read("n.docx", makeDOCX(t, body, numbering, styles))
	if err != nil {
		t.Fatal(err)
	}
	return blockTexts(doc)
}

func checkTexts(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// Instances of one abstract list share its counter; an instance with a
// start override restarts the level the first time it is used there, and
// the count goes on from that restart.
func TestDOCXNumberingAcrossInstances(t *testing.T) {
	numbering := abstractXML("1", levelXML("0", "decimal", "%1.", "")) +
		numXML("1", "1", "") + numXML("2", "1", "") + numXML("3", "1", overrideXML("0", "1")) +
		abstractXML("2", levelXML("0", "decimal", "（%1）", "")) + numXML("4", "2", "")
	body := p(numPr("1", "0"), "甲") +
		p(numPr("1", "0"), "乙") +
		p("", "说明") +
		p(numPr("2", "0"), "丙") + // another instance: goes on
		p(numPr("4", "0"), "另一列表") + // another abstract list: its own count
		p(numPr("3", "0"), "丁") + // restarted
		p(numPr("3", "0"), "戊") +
		p(numPr("1", "0"), "己") // the first instance again: from the restart on
	checkTexts(t, readTexts(t, body, numbering, ""),
		"1.甲", "2.乙", "说明", "3.丙", "（1）另一列表", "1.丁", "2.戊", "3.己")
}

// A level restarts after any higher level by default, only after the
// level w:lvlRestart names, or never (w:lvlRestart 0).
func TestDOCXNumberingRestartRules(t *testing.T) {
	numbering := abstractXML("1",
		levelXML("0", "chineseCounting", "%1、", ""),
		levelXML("1", "chineseCounting", "（%2）", ""),
		levelXML("2", "decimal", "%3.", `<w:lvlRestart w:val="1"/>`),
		levelXML("3", "decimal", "（%4）", `<w:lvlRestart w:val="0"/>`),
		levelXML("4", "decimalEnclosedCircle", "%5", `<w:lvlRestart w:val="7"/>`), // a later level: ignored
	) + numXML("1", "1", "")
	body := p(numPr("1", "0"), "甲") +
		p(numPr("1", "1"), "子") +
		p(numPr("1", "2"), "a") +
		p(numPr("1", "4"), "圈") +
		p(numPr("1", "2"), "b") +
		p(numPr("1", "4"), "圈") + // restarted by the ilvl 2 paragraph (default rule)
		p(numPr("1", "1"), "丑") +
		p(numPr("1", "2"), "c") + // not restarted by level 2
		p(numPr("1", "3"), "x") +
		p(numPr("1", "0"), "乙") +
		p(numPr("1", "1"), "子") + // restarted by level 1
		p(numPr("1", "2"), "a") + // restarted by level 1
		p(numPr("1", "3"), "y") // never restarted
	checkTexts(t, readTexts(t, body, numbering, ""),
		"一、甲", "（一）子", "1.a", "①圈", "2.b", "①圈", "（二）丑", "3.c", "（1）x",
		"二、乙", "（一）子", "1.a", "（2）y")
}

// Numbering comes from the paragraph style, through w:basedOn; a
// paragraph's own numId or ilvl overrides the style's, numId 0 (on the
// paragraph or on a nearer style) turns numbering off, and a style that
// names the list but no level takes the level linked to it.
func TestDOCXNumberingFromStyles(t *testing.T) {
	numbering := abstractXML("1",
		levelXML("0", "chineseCounting", "%1、", ""),
		levelXML("1", "chineseCounting", "（%2）", `<w:pStyle w:val="H2"/>`),
		levelXML("2", "decimal", "%3.", ""),
	) + numXML("5", "1", "")
	styles := styleXML("Base", "", numPr("5", "0")) +
		styleXML("H1", "Base", "") + // inherits list and level
		styleXML("H2", "Normal", numIDXML("5")) + // level from w:lvl/w:pStyle
		styleXML("Body", "H1", numIDXML("0")) + // numbering off
		styleXML("Loop1", "Loop2", "") + styleXML("Loop2", "Loop1", "") + // a cycle
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>`
	body := p(pStyleXML("H1"), "总体要求") +
		p(pStyleXML("H2"), "分项") +
		p(pStyleXML("H1")+`<w:numPr><w:ilvl w:val="2"/></w:numPr>`, "条目") + // level from the paragraph
		p(pStyleXML("Body"), "正文") +
		p(pStyleXML("H1")+numIDXML("0"), "不编号") +
		p(pStyleXML("Loop1"), "循环") +
		p("", "默认样式") +
		p(pStyleXML("H1"), "重点任务") +
		p(pStyleXML("H2"), "再分项")
	checkTexts(t, readTexts(t, body, numbering, styles),
		"一、总体要求", "（一）分项", "1.条目", "正文", "不编号", "循环", "默认样式", "二、重点任务", "（一）再分项")
}

// A default paragraph style with a list numbers the paragraphs without a
// style of their own.
func TestDOCXNumberingDefaultStyle(t *testing.T) {
	numbering := abstractXML("1", levelXML("0", "decimal", "%1、", "")) + numXML("1", "1", "")
	styles := `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:pPr>` + numPr("1", "0") + `</w:pPr></w:style>` +
		styleXML("Plain", "", numIDXML("0"))
	checkTexts(t, readTexts(t, p("", "甲")+p(pStyleXML("Plain"), "乙")+p("", "丙"), numbering, styles),
		"1、甲", "乙", "2、丙")
}

// The number texts of Chinese notices, multi-level texts, legal numbering
// (w:isLgl), a custom format Word writes with a fallback, and a level
// override.
func TestDOCXNumberingTexts(t *testing.T) {
	custom := `<w:lvl w:ilvl="0"><w:start w:val="1"/>` +
		`<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
		`<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="①, ②, ③, ..."/></mc:Choice>` +
		`<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>` +
		`<w:lvlText w:val="%1"/></w:lvl>`
	numbering := abstractXML("1",
		levelXML("0", "chineseCountingThousand", "%1、", ""),
		levelXML("1", "decimal", "%1.%2", ""),
		levelXML("2", "decimal", "%1.%2.%3", `<w:isLgl/>`),
	) +
		abstractXML("2", levelXML("0", "decimal", "（%1）", "")) +
		abstractXML("3", levelXML("0", "decimal", "%1.", "")) +
		abstractXML("4", levelXML("0", "decimal", "%1、", "")) +
		abstractXML("5", levelXML("0", "decimalEnclosedCircle", "%1", "")) +
		abstractXML("6", levelXML("0", "ideographTraditional", "%1、", "")) +
		abstractXML("7", custom) +
		numXML("1", "1", "") + numXML("2", "2", "") + numXML("3", "3", overrideXML("0", "9")) + numXML("4", "4", "") +
		numXML("5", "5", "") + numXML("6", "6", "") + numXML("7", "7", "") +
		// a whole level redefined for one instance; its w:start restarts
		numXML("8", "4", `<w:lvlOverride w:ilvl="0">`+levelXML("0", "chineseCounting", "第%1条", "")+`</w:lvlOverride>`)
	body := p(numPr("1", "0"), "甲") + p(numPr("1", "1"), "乙") + p(numPr("1", "2"), "丙") +
		p(numPr("2", "0"), "丁") + p(numPr("3", "0"), "戊") + p(numPr("3", "0"), "己") +
		p(numPr("4", "0"), "庚") + p(numPr("5", "0"), "辛") + p(numPr("5", "0"), "壬") +
		p(numPr("6", "0"), "癸") + p(numPr("7", "0"), "子") + p(numPr("8", "0"), "丑")
	checkTexts(t, readTexts(t, body, numbering, ""),
		"一、甲", "一.1乙", "1.1.1丙", "（1）丁", "9.戊", "10.己", "1、庚", "①辛", "②壬", "甲、癸", "①子", "第一条丑")
}

func TestFormatListNumber(t *testing.T) {
	cases := []struct {
		f    string
		v    int
		want string
	}{
		{"chineseCounting", 1, "一"}, {"chineseCounting", 10, "十"}, {"chineseCounting", 11, "十一"},
		{"chineseCounting", 20, "二十"}, {"chineseCounting", 99, "九十九"}, {"chineseCounting", 100, "一〇〇"},
		{"chineseCountingThousand", 15, "十五"}, {"chineseCountingThousand", 100, "一百"},
		{"chineseCountingThousand", 101, "一百零一"}, {"chineseCountingThousand", 110, "一百一十"},
		{"chineseCountingThousand", 1010, "一千零一十"}, {"chineseCountingThousand", 10000, "一万"},
		{"chineseCountingThousand", 10500, "一万零五百"}, {"chineseCountingThousand", 20010, "二万零一十"},
		{"chineseCountingThousand", 0, "0"},
		{"chineseLegalSimplified", 12, "壹拾贰"}, {"ideographDigital", 10, "一〇"},
		{"ideographTraditional", 1, "甲"}, {"ideographTraditional", 10, "癸"}, {"ideographTraditional", 11, "甲"},
		{"ideographEnclosedCircle", 2, "㈡"}, {"ideographZodiac", 12, "亥"},
		{"decimalEnclosedCircle", 1, "①"}, {"decimalEnclosedCircle", 20, "⑳"}, {"decimalEnclosedCircle", 21, "㉑"},
		{"decimalEnclosedCircle", 50, "㊿"}, {"decimalEnclosedCircle", 51, "51"},
		{"decimalEnclosedParen", 3, "⑶"}, {"decimalEnclosedFullstop", 3, "⒊"}, {"decimalZero", 3, "03"},
		{"decimalFullWidth", 12, "１２"}, {"lowerRoman", 4, "iv"}, {"upperLetter", 27, "AA"},
		{"decimal", 1234567, "1234567"}, {"ordinal", 2, "2"},
	}
	for _, c := range cases {
		if got := formatListNumber(c.v, c.f); got != c.want {
			t.Errorf("%s %d = %q, want %q", c.f, c.v, got, c.want)
		}
	}
}

// A tracked change's earlier paragraph settings do not number the
// paragraph.
func TestDOCXNumberingIgnoresEarlierRevision(t *testing.T) {
	numbering := abstractXML("1", levelXML("0", "decimal", "%1.", "")) + numXML("1", "1", "") + numXML("2", "1", "")
	body := p(numPr("2", "0")+`<w:pPrChange w:id="1"><w:pPr>`+numPr("1", "0")+`</w:pPr></w:pPrChange>`, "甲") +
		p(`<w:pPrChange w:id="2"><w:pPr>`+numPr("1", "0")+`</w:pPr></w:pPrChange>`, "乙")
	checkTexts(t, readTexts(t, body, numbering, ""), "1.甲", "乙")
}
