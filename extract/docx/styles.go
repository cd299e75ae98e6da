package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// styleSheet holds what styles.xml says about lists: which list and level
// each style's paragraphs are in (w:pPr/w:numPr), inherited through
// w:basedOn, and the default paragraph style.
type styleSheet struct {
	byID        map[string]*styleDef
	defaultPara string
}

type styleDef struct {
	basedOn string
	numID   string
	hasNum  bool
	ilvl    int
	hasLvl  bool
}

// maxStyleChain bounds a w:basedOn chain (Word allows far fewer; a cycle
// in a hostile file stops here too).
const maxStyleChain = 32

func (s *styleSheet) parse(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var cur *styleDef
	// depth inside the current w:style, and the depth of its w:pPr
	depth, pPrDepth := 0, -1
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
			if cur == nil {
				if t.Name.Local == "style" {
					id, _ := attr(t, "styleId")
					cur = &styleDef{}
					s.byID[id] = cur
					depth, pPrDepth = 0, -1
					typ, _ := attr(t, "type")
					if def, ok := attr(t, "default"); ok && isOn(def) && (typ == "paragraph" || typ == "") {
						s.defaultPara = id
					}
				}
				continue
			}
			depth++
			v, _ := attr(t, "val")
			switch t.Name.Local {
			case "pPrChange":
				if err := d.Skip(); err != nil {
					return fmt.Errorf("malformed XML: %w", err)
				}
				depth--
			case "basedOn":
				if depth == 1 {
					cur.basedOn = v
				}
			case "pPr":
				if depth == 1 {
					pPrDepth = depth
				}
			case "numId":
				if pPrDepth == 1 && depth == 3 {
					cur.numID, cur.hasNum = v, true
				}
			case "ilvl":
				if pPrDepth == 1 && depth == 3 {
					cur.ilvl, cur.hasLvl = atoiSmall(v), true
				}
			}
		case xml.EndElement:
			if cur == nil {
				continue
			}
			if depth == 0 {
				cur = nil // the w:style closes
				continue
			}
			if t.Name.Local == "pPr" && depth == pPrDepth {
				pPrDepth = -1
			}
			depth--
		}
	}
}

// listOf follows a style's w:basedOn chain and returns the list its
// paragraphs are in (numId, "" for none) and their level, if one is set.
// The nearest style that sets a property wins; each property is inherited
// on its own, as Word merges paragraph properties.
func (s *styleSheet) listOf(id string) (numID string, ilvl int, hasLvl bool) {
	hasNum := false
	for i := 0; id != "" && i < maxStyleChain; i++ {
		st := s.byID[id]
		if st == nil {
			break
		}
		if !hasNum && st.hasNum {
			numID, hasNum = st.numID, true
		}
		if !hasLvl && st.hasLvl {
			ilvl, hasLvl = st.ilvl, true
		}
		if hasNum && hasLvl {
			break
		}
		id = st.basedOn
	}
	return numID, ilvl, hasLvl
}
