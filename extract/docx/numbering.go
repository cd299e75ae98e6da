package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// numbering holds the list definitions of numbering.xml and styles.xml and
// the running counters, so that the number Word shows in front of a list
// paragraph ("一、", "（一）", "1.") can be written into its text.
//
// Counting follows Word: every numbering instance (w:num) that uses the
// same abstract definition (w:abstractNum) counts on one shared counter, so
// a list split into several instances goes on where the previous one
// stopped; an instance with a w:startOverride for a level restarts that
// level, the first time one of its paragraphs is at that level. A level
// restarts when a higher level is used after it, or only after the level
// its w:lvlRestart names (0: never).
type numbering struct {
	abstract map[string]*abstractNum // abstractNumId → definition
	nums     map[string]*numInst     // numId → instance
	styles   styleSheet
	counters map[string]*listCounter // abstractNumId (resolved) → counts
}

// maxLevels is the number of list levels Word has (ilvl 0–8).
const maxLevels = 9

type abstractNum struct {
	levels [maxLevels]*numLevel
	// styleLink is a w:numStyleLink: the levels are those of the list
	// the named numbering style points at.
	styleLink string
}

type numLevel struct {
	start   int
	fmt     string
	custom  bool // fmt comes from a w:numFmt w:val="custom" Word understood
	text    string
	restart int    // w:lvlRestart (1-based level; 0 never); -1 when absent
	legal   bool   // w:isLgl: every number of the level's text in decimal
	pStyle  string // paragraph style linked to the level
}

// numInst is one w:num: its abstract definition and its overrides.
type numInst struct {
	abs      string
	start    [maxLevels]int
	hasStart [maxLevels]bool      // w:startOverride (or w:start of an overriding w:lvl)
	levels   [maxLevels]*numLevel // w:lvlOverride/w:lvl
	used     [maxLevels]bool      // a paragraph of this instance was numbered at the level
}

type listCounter struct {
	val [maxLevels]int
	set [maxLevels]bool // the level has a current value (not restarted since)
}

func newNumbering() *numbering {
	return &numbering{
		abstract: map[string]*abstractNum{},
		nums:     map[string]*numInst{},
		styles:   styleSheet{byID: map[string]*styleDef{}},
		counters: map[string]*listCounter{},
	}
}

// parseNumbering reads numbering.xml.
func (n *numbering) parseNumbering(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var abs *abstractNum
	var inst *numInst
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
		if ee, ok := tok.(xml.EndElement); ok {
			switch ee.Name.Local {
			case "abstractNum":
				abs = nil
			case "num":
				inst = nil
			case "lvl":
				lvl = nil
			case "lvlOverride":
				ovLvl = -1
			}
			continue
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		v, _ := attr(se, "val")
		switch se.Name.Local {
		case "pPrChange", "rPrChange", "numberingChange":
			// an earlier revision's settings
			if err := d.Skip(); err != nil {
				return fmt.Errorf("malformed XML: %w", err)
			}
		case "abstractNum":
			id, _ := attr(se, "abstractNumId")
			abs = &abstractNum{}
			n.abstract[id] = abs
		case "numStyleLink":
			if abs != nil {
				abs.styleLink = v
			}
		case "lvl":
			il, _ := attr(se, "ilvl")
			i := atoiSmall(il)
			if i >= maxLevels {
				break
			}
			lvl = &numLevel{start: 1, fmt: "decimal", restart: -1}
			switch {
			case abs != nil:
				abs.levels[i] = lvl
			case inst != nil && ovLvl >= 0:
				inst.levels[ovLvl] = lvl
			default:
				lvl = nil
			}
		case "start":
			if lvl != nil {
				lvl.start = atoiSmall(v)
				if inst != nil && ovLvl >= 0 && !inst.hasStart[ovLvl] {
					inst.start[ovLvl], inst.hasStart[ovLvl] = lvl.start, true
				}
			}
		case "numFmt":
			if lvl == nil {
				break
			}
			if v == "custom" {
				f, _ := attr(se, "format")
				if known := customNumFormat(f); known != "" {
					lvl.fmt, lvl.custom = known, true
				}
			} else if !lvl.custom {
				lvl.fmt = v
			}
		case "lvlText":
			if lvl != nil {
				lvl.text = v
			}
		case "lvlRestart":
			if lvl != nil {
				lvl.restart = atoiSmall(v)
			}
		case "isLgl":
			if lvl != nil {
				lvl.legal = isOn(v)
			}
		case "pStyle":
			if lvl != nil {
				lvl.pStyle = v
			}
		case "num":
			id, _ := attr(se, "numId")
			inst = &numInst{}
			n.nums[id] = inst
		case "abstractNumId":
			if inst != nil {
				inst.abs = v
			}
		case "lvlOverride":
			il, _ := attr(se, "ilvl")
			if i := atoiSmall(il); inst != nil && i < maxLevels {
				ovLvl = i
			}
		case "startOverride":
			if inst != nil && ovLvl >= 0 {
				inst.start[ovLvl], inst.hasStart[ovLvl] = atoiSmall(v), true
			}
		}
	}
}

// isOn reads an OOXML on/off value.
func isOn(v string) bool {
	switch v {
	case "0", "false", "off":
		return false
	}
	return true
}

// parseStyles reads the list settings of styles.xml.
func (n *numbering) parseStyles(data []byte) error {
	return n.styles.parse(data)
}

// resolveAbstract follows a numbering instance to the abstract definition
// that holds its levels (through w:numStyleLink, as Word writes lists
// defined by a numbering style) and returns its id and levels, the
// instance's level overrides laid over them.
func (n *numbering) resolveAbstract(inst *numInst) (string, [maxLevels]*numLevel, bool) {
	var levels [maxLevels]*numLevel
	id := inst.abs
	a := n.abstract[id]
	for hops := 0; a != nil && a.styleLink != "" && hops < 8; hops++ {
		numID, _, ok := n.styles.listOf(a.styleLink)
		next := n.nums[numID]
		if !ok || next == nil || n.abstract[next.abs] == nil {
			break
		}
		id, a = next.abs, n.abstract[next.abs]
	}
	if a == nil {
		return "", levels, false
	}
	levels = a.levels
	for i, l := range inst.levels {
		if l != nil {
			levels[i] = l
		}
	}
	return id, levels, true
}

// listOf finds the list a paragraph belongs to: its own w:numPr, else
// its paragraph style's (through w:basedOn), a numId of 0 on the way
// meaning no list. A style that names the list and not the level takes
// the level linked to it (w:lvl/w:pStyle).
func (n *numbering) listOf(p *paragraph) (string, int, bool) {
	style := p.style
	if style == "" {
		style = n.styles.defaultPara
	}
	numID, ilvl, hasLvl := p.numID, p.ilvl, p.hasLv
	if numID == "" || !hasLvl {
		sNum, sLvl, sHasLvl := n.styles.listOf(style)
		if numID == "" {
			numID = sNum
		}
		if !hasLvl && sHasLvl {
			ilvl, hasLvl = sLvl, true
		}
	}
	if numID == "" || numID == "0" {
		return "", 0, false
	}
	if !hasLvl && style != "" {
		if inst := n.nums[numID]; inst != nil {
			if _, levels, ok := n.resolveAbstract(inst); ok {
				for i, l := range levels {
					if l != nil && l.pStyle == style {
						ilvl = i
						break
					}
				}
			}
		}
	}
	if ilvl < 0 || ilvl >= maxLevels {
		return "", 0, false
	}
	return numID, ilvl, true
}

// label advances the counters for a paragraph and returns the number text
// Word shows in front of it, or "" when the paragraph is not in a list.
func (n *numbering) label(p *paragraph) string {
	numID, ilvl, ok := n.listOf(p)
	if !ok {
		return ""
	}
	inst := n.nums[numID]
	if inst == nil {
		return ""
	}
	key, levels, ok := n.resolveAbstract(inst)
	if !ok || levels[ilvl] == nil {
		return ""
	}
	lv := levels[ilvl]
	c := n.counters[key]
	if c == nil {
		c = &listCounter{}
		n.counters[key] = c
	}
	if !inst.used[ilvl] {
		inst.used[ilvl] = true
		if inst.hasStart[ilvl] {
			c.set[ilvl] = false
		}
	}
	if c.set[ilvl] {
		c.val[ilvl]++
	} else {
		c.val[ilvl], c.set[ilvl] = startOf(inst, ilvl, lv), true
	}
	for i := ilvl + 1; i < maxLevels; i++ {
		if restartsAfter(levels[i], i, ilvl) {
			c.set[i] = false
		}
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
			v, f := c.val[k], "decimal"
			if l := levels[k]; l != nil {
				if !lv.legal {
					f = l.fmt
				}
				if !c.set[k] {
					v = startOf(inst, k, l)
				}
			}
			b.WriteString(formatListNumber(v, f))
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String()
}

// restartsAfter reports whether level i (0-based), defined by l, starts
// again after a paragraph at the higher level used.
func restartsAfter(l *numLevel, i, used int) bool {
	limit := i // by default: after any higher level
	if l != nil && l.restart >= 0 {
		switch {
		case l.restart == 0:
			return false
		case l.restart <= i:
			limit = l.restart // only after level restart (1-based) or higher
		}
	}
	return used < limit
}

func startOf(inst *numInst, ilvl int, lv *numLevel) int {
	if inst.hasStart[ilvl] {
		return inst.start[ilvl]
	}
	return lv.start
}
