package doc

import (
	"encoding/binary"
	"strings"
	"unicode/utf16"

	"github.com/duban/duban/extract/docx"
)

// This file numbers Word's automatic lists, whose numbers a .doc does not
// store as text: the list definitions (PlfLst, each followed in the table
// stream by its levels' LVLs), the list instances (PlfLfo, with their
// start-at overrides) and the paragraphs' ilfo and ilvl give each
// numbered paragraph its label, counted as Word counts: lists sharing a
// definition share counters, a level restarts after a higher one is used.
// Numbering a paragraph style carries (rather than the paragraph itself)
// is not read.

const (
	maxLevels  = 9
	maxLists   = 4096
	lstfSize   = 28
	lvlfSize   = 28
	lfoSize    = 16
	lfolvlSize = 8
)

// listLevel is one level of a list definition.
type listLevel struct {
	start      int
	format     string   // ST_NumberFormat name
	text       []uint16 // the label's template: values < 9 stand for a level's number
	restartLim int      // 0: restart after any higher level; else after levels < this
	legal      bool     // every level's number in decimal
}

type listDef struct {
	levels [maxLevels]*listLevel
}

type listInst struct {
	lsid   uint32
	starts map[int]int // level → start-at override
	used   [maxLevels]bool
}

// numbering is the document's lists and their counters.
type numbering struct {
	defs  map[uint32]*listDef
	insts []*listInst
	vals  map[uint32]*[maxLevels]int // per definition: current numbers
	set   map[uint32]*[maxLevels]bool
}

// nfcNames maps MS-DOC's nfc values to ST_NumberFormat names.
var nfcNames = map[byte]string{
	0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter",
	10: "ideographDigital", 14: "decimalFullWidth", 18: "decimalEnclosedCircle", 19: "decimalFullWidth2",
	22: "decimalZero", 23: "bullet", 26: "decimalEnclosedFullstop", 27: "decimalEnclosedParen",
	28: "decimalEnclosedCircleChinese", 29: "ideographEnclosedCircle", 30: "ideographTraditional",
	31: "ideographZodiac", 33: "taiwaneseCounting", 34: "ideographLegalTraditional",
	35: "taiwaneseCountingThousand", 36: "taiwaneseDigital", 37: "chineseCounting",
	38: "chineseLegalSimplified", 39: "chineseCountingThousand", 255: "none",
}

// parseLists reads the list definitions and instances; nil when the
// document has none or they do not read.
func parseLists(table []byte, f *fib) *numbering {
	le := binary.LittleEndian
	in := func(fc, lcb uint32) bool {
		return lcb >= 2 && uint64(fc)+uint64(lcb) <= uint64(len(table))
	}
	if !in(f.fcPlfLst, f.lcbPlfLst) || !in(f.fcPlfLfo, f.lcbPlfLfo) {
		return nil
	}
	n := &numbering{defs: map[uint32]*listDef{}, vals: map[uint32]*[maxLevels]int{}, set: map[uint32]*[maxLevels]bool{}}
	lst := table[f.fcPlfLst : f.fcPlfLst+f.lcbPlfLst]
	cLst := int(int16(le.Uint16(lst)))
	if cLst <= 0 || cLst > maxLists || 2+lstfSize*cLst > len(lst) {
		return nil
	}
	// the LVLs follow the PlfLst
	pos := int(f.fcPlfLst + f.lcbPlfLst)
	for i := range cLst {
		lstf := lst[2+lstfSize*i:]
		lsid := le.Uint32(lstf)
		levels := maxLevels
		if lstf[26]&1 != 0 { // fSimpleList
			levels = 1
		}
		d := &listDef{}
		for l := range levels {
			lv, next, ok := readLVL(table, pos)
			if !ok {
				return nil
			}
			d.levels[l], pos = lv, next
		}
		n.defs[lsid] = d
	}
	lfo := table[f.fcPlfLfo : f.fcPlfLfo+f.lcbPlfLfo]
	if len(lfo) < 4 {
		return nil
	}
	lfoMac := int(le.Uint32(lfo))
	if lfoMac < 0 || lfoMac > maxLists || 4+lfoSize*lfoMac > len(lfo) {
		return nil
	}
	data := 4 + lfoSize*lfoMac // the LFOData follow the LFOs
	for i := range lfoMac {
		rec := lfo[4+lfoSize*i:]
		inst := &listInst{lsid: le.Uint32(rec), starts: map[int]int{}}
		clfolvl := int(rec[12])
		if data+4 > len(lfo) {
			if clfolvl == 0 {
				n.insts = append(n.insts, inst)
				continue
			}
			return n
		}
		data += 4 // cp
		for range clfolvl {
			if data+lfolvlSize > len(lfo) {
				return n
			}
			start, flags := int(int32(le.Uint32(lfo[data:]))), le.Uint32(lfo[data+4:])
			data += lfolvlSize
			if flags&0x10 != 0 { // fStartAt
				inst.starts[int(flags&0xF)%maxLevels] = start
			}
			if flags&0x20 != 0 { // fFormatting: an LVL follows
				_, next, ok := readLVL(lfo, data)
				if !ok {
					return n
				}
				data = next
			}
		}
		n.insts = append(n.insts, inst)
	}
	return n
}

// readLVL reads one LVL at pos: its LVLF, the paragraph and character
// properties it skips, and its number text.
func readLVL(b []byte, pos int) (*listLevel, int, bool) {
	le := binary.LittleEndian
	if pos < 0 || pos+lvlfSize+2 > len(b) {
		return nil, 0, false
	}
	lvlf := b[pos:]
	lv := &listLevel{start: int(int32(le.Uint32(lvlf))), format: nfcNames[lvlf[4]], restartLim: -1, legal: lvlf[5]&0x04 != 0}
	if lv.format == "" {
		lv.format = "decimal"
	}
	if lvlf[5]&0x08 != 0 { // fNoRestart: ilvlRestartLim says after which levels
		lv.restartLim = int(lvlf[26])
	}
	pos += lvlfSize + int(lvlf[24]) + int(lvlf[25])
	if pos+2 > len(b) {
		return nil, 0, false
	}
	cch := int(le.Uint16(b[pos:]))
	pos += 2
	if cch > 255 || pos+2*cch > len(b) {
		return nil, 0, false
	}
	lv.text = make([]uint16, cch)
	for i := range lv.text {
		lv.text[i] = le.Uint16(b[pos+2*i:])
	}
	return lv, pos + 2*cch, true
}

// label counts a paragraph of list instance ilfo (1-based) at level ilvl
// and returns its number as displayed ("1.", "（一）"); "" for no list, a
// bullet, or a reference that does not resolve.
func (n *numbering) label(ilfo, ilvl int) string {
	if n == nil || ilfo <= 0 || ilfo > len(n.insts) || ilvl < 0 || ilvl >= maxLevels {
		return ""
	}
	inst := n.insts[ilfo-1]
	def := n.defs[inst.lsid]
	if def == nil || def.levels[ilvl] == nil {
		return ""
	}
	vals, set := n.vals[inst.lsid], n.set[inst.lsid]
	if vals == nil {
		vals, set = &[maxLevels]int{}, &[maxLevels]bool{}
		n.vals[inst.lsid], n.set[inst.lsid] = vals, set
	}
	start := func(l int) int {
		if s, ok := inst.starts[l]; ok {
			return s
		}
		if lv := def.levels[l]; lv != nil {
			return lv.start
		}
		return 1
	}
	if !inst.used[ilvl] {
		inst.used[ilvl] = true
		if _, ok := inst.starts[ilvl]; ok {
			set[ilvl] = false
		}
	}
	if set[ilvl] {
		vals[ilvl]++
	} else {
		vals[ilvl], set[ilvl] = start(ilvl), true
	}
	for l := ilvl + 1; l < maxLevels; l++ {
		lim := l
		if lv := def.levels[l]; lv != nil && lv.restartLim >= 0 {
			lim = min(lv.restartLim, l)
			if lv.restartLim == 0 {
				continue
			}
		}
		if ilvl < lim {
			set[l] = false
		}
	}
	lv := def.levels[ilvl]
	if lv.format == "bullet" || lv.format == "none" {
		return ""
	}
	var b strings.Builder
	for _, c := range lv.text {
		if c < maxLevels {
			k := int(c)
			v, f := vals[k], "decimal"
			if !set[k] {
				v = start(k)
			}
			if l := def.levels[k]; l != nil && !lv.legal {
				f = l.format
			}
			b.WriteString(docx.FormatListNumber(v, f))
			continue
		}
		b.WriteString(string(utf16.Decode([]uint16{c})))
	}
	return b.String()
}
