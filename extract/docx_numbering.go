package extract

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// numbering holds the list definitions of numbering.xml and styles.xml and
// the running counters, so that the number Word shows in front of a list
// paragraph ("一、", "（一）", "1.") can be written into its text.
type numbering struct {
	abstract  map[string]map[int]*numLevel // abstractNumId → ilvl → level
	nums      map[string]string            // numId → abstractNumId
	overrides map[string]map[int]int       // numId → ilvl → start override
	styles    map[string]styleNum          // styleId → list of the style
	counters  map[string]*[9]int           // numId → counter per level (0: not started)
}

type numLevel struct {
	start int
	fmt   string
	text  string
}

type styleNum struct {
	numID string
	ilvl  int
}

func newNumbering() *numbering {
	return &numbering{
		abstract:  map[string]map[int]*numLevel{},
		nums:      map[string]string{},
		overrides: map[string]map[int]int{},
		styles:    map[string]styleNum{},
		counters:  map[string]*[9]int{},
	}
}

// parseNumbering reads numbering.xml.
func (n *numbering) parseNumbering(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var abs, num string
	var lvl *numLevel
	ovLvl := -1
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("malformed XML: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if ee, ok := tok.(xml.EndElement); ok {
				switch ee.Name.Local {
				case "abstractNum":
					abs = ""
				case "num":
					num = ""
				case "lvl":
					lvl = nil
				case "lvlOverride":
					ovLvl = -1
				}
			}
			continue
		}
		v, _ := attr(se, "val")
		switch se.Name.Local {
		case "abstractNum":
			abs, _ = attr(se, "abstractNumId")
			if n.abstract[abs] == nil {
				n.abstract[abs] = map[int]*numLevel{}
			}
		case "lvl":
			il, _ := attr(se, "ilvl")
			i := atoiSmall(il)
			if abs != "" && i < 9 {
				lvl = &numLevel{start: 1, fmt: "decimal"}
				n.abstract[abs][i] = lvl
			}
		case "start":
			if lvl != nil {
				lvl.start = atoiSmall(v)
			}
		case "numFmt":
			if lvl != nil {
				lvl.fmt = v
			}
		case "lvlText":
			if lvl != nil {
				lvl.text = v
			}
		case "num":
			num, _ = attr(se, "numId")
		case "abstractNumId":
			if num != "" {
				n.nums[num] = v
			}
		case "lvlOverride":
			il, _ := attr(se, "ilvl")
			ovLvl = atoiSmall(il)
		case "startOverride":
			if num != "" && ovLvl >= 0 && ovLvl < 9 {
				if n.overrides[num] == nil {
					n.overrides[num] = map[int]int{}
				}
				n.overrides[num][ovLvl] = atoiSmall(v)
			}
		}
	}
}

// parseStyles reads the list settings (w:numPr) of paragraph styles.
func (n *numbering) parseStyles(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	style := ""
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("malformed XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			v, _ := attr(t, "val")
			switch t.Name.Local {
			case "style":
				style, _ = attr(t, "styleId")
			case "numId":
				if style != "" {
					s := n.styles[style]
					s.numID = v
					n.styles[style] = s
				}
			case "ilvl":
				if style != "" {
					s := n.styles[style]
					s.ilvl = atoiSmall(v)
					n.styles[style] = s
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" {
				style = ""
			}
		}
	}
}

// label advances the counters for a paragraph and returns the number text
// Word shows in front of it, or "" when the paragraph is not in a list.
func (n *numbering) label(p *docxPara) string {
	numID, ilvl := p.numID, p.ilvl
	if numID == "" {
		s, ok := n.styles[p.style]
		if !ok {
			return ""
		}
		numID = s.numID
		if !p.hasLv {
			ilvl = s.ilvl
		}
	}
	if numID == "" || numID == "0" || ilvl < 0 || ilvl > 8 {
		return ""
	}
	levels := n.abstract[n.nums[numID]]
	lv := levels[ilvl]
	if lv == nil {
		return ""
	}
	c := n.counters[numID]
	if c == nil {
		c = new([9]int)
		n.counters[numID] = c
	}
	if c[ilvl] == 0 {
		c[ilvl] = n.startOf(numID, ilvl, lv)
	} else {
		c[ilvl]++
	}
	for i := ilvl + 1; i < 9; i++ {
		c[i] = 0
	}
	if lv.fmt == "bullet" || lv.fmt == "none" {
		return ""
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			k := int(t[i+1] - '1')
			i++
			v, f := c[k], "decimal"
			if l := levels[k]; l != nil {
				f = l.fmt
				if v == 0 {
					v = n.startOf(numID, k, l)
				}
			}
			b.WriteString(formatListNumber(v, f))
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String()
}

func (n *numbering) startOf(numID string, ilvl int, lv *numLevel) int {
	if s, ok := n.overrides[numID][ilvl]; ok {
		return s
	}
	return lv.start
}

// formatListNumber writes v in one of Word's number formats (w:numFmt).
func formatListNumber(v int, f string) string {
	switch f {
	case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital":
		if s, ok := chineseCount(v); ok {
			return s
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if v >= 1 && v <= 20 {
			return string(rune('①' + v - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, r := range strconv.Itoa(v) {
			b.WriteRune(r - '0' + '０')
		}
		return b.String()
	case "upperLetter", "lowerLetter":
		if v >= 1 && v <= 26*4 {
			s := strings.Repeat(string(rune('A'+(v-1)%26)), (v-1)/26+1)
			if f == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if s := roman(v); s != "" {
			if f == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "ideographTraditional":
		if v >= 1 && v <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[v-1])
		}
	}
	return strconv.Itoa(v)
}

// chineseCount writes 1–99 as 一…九十九.
func chineseCount(v int) (string, bool) {
	digits := []rune("〇一二三四五六七八九")
	switch {
	case v >= 1 && v < 10:
		return string(digits[v]), true
	case v >= 10 && v < 100:
		s := ""
		if v/10 > 1 {
			s = string(digits[v/10])
		}
		s += "十"
		if v%10 != 0 {
			s += string(digits[v%10])
		}
		return s, true
	}
	return "", false
}

func roman(v int) string {
	if v < 1 || v > 3999 {
		return ""
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}
