// Package docx reads Word (OOXML, .docx) notices into a document.Document:
// paragraphs and tables in body order, with the list numbers Word
// generates written in front of the paragraphs they number.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/limits"
	"github.com/duban/duban/internal/notation"
	"github.com/duban/duban/internal/xmlpart"
)

// Reader reads Word (OOXML) notices: the body's paragraphs and tables
// in document order. Merged cells (w:gridSpan, w:vMerge) are repeated into
// every grid position they cover, and the numbers Word generates for list
// paragraphs (w:numPr with the levels of numbering.xml) are written in
// front of the paragraph text as the reader of the printed page sees them.
type Reader struct{}

// Limits that keep a hostile file (zip bomb, endless XML) from exhausting
// memory (variables, so that tests can lower them).
var (
	maxPart   = limits.ZipEntryBytes // decompressed bytes of one XML part
	maxTotal  = limits.ZipTotalBytes // decompressed bytes of all parts read
	maxBlocks = 200000               // paragraphs and table cells
)

const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// Read implements document.Reader. A paragraph's line is its 1-based position among
// all paragraphs of the body (table cells included); a paragraph holding
// manual line breaks (w:br) gives one block per line, all with that line.
func (Reader) Read(name string, data []byte) (doc *document.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%s: malformed docx: %v", name, r)
		}
	}()
	return readDOCX(name, data)
}

// readDOCX is Read without the guard against panics (fuzz tests call it to
// find them).
func readDOCX(name string, data []byte) (*document.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: not a docx (zip) file: %w", name, err)
	}
	pkg := &wordPackage{zr: zr, left: maxTotal}
	main, err := pkg.mainPart()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	body, err := pkg.read(main)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if body == nil {
		return nil, fmt.Errorf("%s: not a docx file: %s missing", name, main)
	}
	r := &bodyParser{num: newNumbering()}
	for _, part := range []struct {
		rel   string
		parse func([]byte) error
	}{{"numbering", r.num.parseNumbering}, {"styles", r.num.parseStyles}} {
		path := pkg.related(main, part.rel)
		b, err := pkg.read(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if b == nil {
			continue
		}
		if err := part.parse(b); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", name, path, err)
		}
	}
	if err := r.parseBody(body); err != nil {
		return nil, fmt.Errorf("%s: %s: %w", name, main, err)
	}
	return &document.Document{Format: "docx", Blocks: r.blocks}, nil
}

// bodyParser walks document.xml as a token stream, so that paragraphs
// inside w:sdt, w:ins, w:hyperlink or text boxes are found wherever they
// nest.
type bodyParser struct {
	num    *numbering
	blocks []document.Block
	line   int // paragraphs seen so far
	cells  int // table cells so far, merged cells counted in every place

	// paragraph being read; nested paragraphs (text boxes) stack up
	paras []*paragraph
	// tables being read; nested tables stack up
	tables []*tableState
}

type paragraph struct {
	text  strings.Builder
	style string
	numID string
	ilvl  int
	hasLv bool
	line  int
	inPPr bool
}

type tableState struct {
	rows [][]document.Cell
	row  []document.Cell
	// per cell being read
	inCell  bool
	span    int
	vMerge  string // "", "restart", "continue"
	cell    []string
	cellLn  int
	skipped int // w:gridBefore
}

func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func (p *bodyParser) parseBody(data []byte) error {
	d := xmlpart.NewDecoder(data)
	var inText bool
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if len(p.paras) > 0 || len(p.tables) > 0 {
				return fmt.Errorf("malformed XML: paragraph or table not closed")
			}
			break
		}
		if err != nil {
			return fmt.Errorf("malformed XML: %w", err)
		}
		if len(p.blocks) > maxBlocks {
			return limits.Over("paragraphs and table cells", int64(maxBlocks))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "Fallback" && strings.Contains(t.Name.Space, "markup-compatibility") ||
				t.Name.Local == "pPrChange" {
				// the same text box again, for old readers; a tracked
				// change's earlier paragraph settings
				if err := d.Skip(); err != nil {
					return fmt.Errorf("malformed XML: %w", err)
				}
				continue
			}
			if t.Name.Space != wordNS && t.Name.Space != "" {
				continue
			}
			if err := p.start(t, &inText); err != nil {
				return err
			}
		case xml.EndElement:
			if t.Name.Space != wordNS && t.Name.Space != "" {
				continue
			}
			if t.Name.Local == "t" {
				inText = false
			}
			if err := p.end(t); err != nil {
				return err
			}
		case xml.CharData:
			if inText && len(p.paras) > 0 {
				p.paras[len(p.paras)-1].text.Write(t)
			}
		}
	}
	return nil
}

func (p *bodyParser) para() *paragraph {
	if len(p.paras) == 0 {
		return nil
	}
	return p.paras[len(p.paras)-1]
}

func (p *bodyParser) table() *tableState {
	if len(p.tables) == 0 {
		return nil
	}
	return p.tables[len(p.tables)-1]
}

func (p *bodyParser) start(t xml.StartElement, inText *bool) error {
	cur := p.para()
	switch t.Name.Local {
	case "p":
		p.line++
		p.paras = append(p.paras, &paragraph{line: p.line})
	case "pPr":
		if cur != nil {
			cur.inPPr = true
		}
	case "pStyle":
		if cur != nil && cur.inPPr {
			cur.style, _ = attr(t, "val")
		}
	case "numId":
		if cur != nil && cur.inPPr {
			cur.numID, _ = attr(t, "val")
		}
	case "ilvl":
		if cur != nil && cur.inPPr {
			v, _ := attr(t, "val")
			cur.ilvl, cur.hasLv = atoiSmall(v), true
		}
	case "t":
		*inText = true
	case "tab":
		if cur != nil && !cur.inPPr {
			cur.text.WriteByte('\t')
		}
	case "br", "cr":
		if cur != nil {
			cur.text.WriteByte('\n')
		}
	case "tbl":
		if len(p.tables) >= limits.TableDepth {
			return fmt.Errorf("tables nested %d deep: %w", len(p.tables)+1, limits.Over("table depth", limits.TableDepth))
		}
		p.tables = append(p.tables, &tableState{})
	case "tr":
		if tb := p.table(); tb != nil {
			tb.row = nil
			tb.skipped = 0
		}
	case "gridBefore":
		if tb := p.table(); tb != nil {
			v, _ := attr(t, "val")
			tb.skipped = min(atoiSmall(v), limits.CellSpan)
		}
	case "tc":
		if tb := p.table(); tb != nil {
			tb.inCell, tb.span, tb.vMerge, tb.cell, tb.cellLn = true, 1, "", nil, 0
		}
	case "gridSpan":
		if tb := p.table(); tb != nil && tb.inCell {
			v, _ := attr(t, "val")
			if n := atoiSmall(v); n > 1 {
				tb.span = min(n, limits.CellSpan)
			}
		}
	case "vMerge":
		if tb := p.table(); tb != nil && tb.inCell {
			v, _ := attr(t, "val")
			if v == "restart" {
				tb.vMerge = "restart"
			} else {
				tb.vMerge = "continue"
			}
		}
	}
	return nil
}

func (p *bodyParser) end(t xml.EndElement) error {
	switch t.Name.Local {
	case "pPr":
		if cur := p.para(); cur != nil {
			cur.inPPr = false
		}
	case "p":
		cur := p.para()
		if cur == nil {
			return nil
		}
		p.paras = p.paras[:len(p.paras)-1]
		text := p.num.label(cur) + cur.text.String()
		text = strings.ReplaceAll(text, "\t", " ")
		if tb := p.table(); tb != nil && tb.inCell {
			if tb.cellLn == 0 {
				tb.cellLn = cur.line
			}
			tb.cell = append(tb.cell, text)
			return nil
		}
		for _, l := range strings.Split(text, "\n") {
			if strings.TrimFunc(l, notation.IsSpace) != "" {
				p.blocks = append(p.blocks, document.Block{Text: l, Line: cur.line})
			}
		}
	case "tc":
		tb := p.table()
		if tb == nil || !tb.inCell {
			return nil
		}
		tb.inCell = false
		if p.cells += tb.skipped + tb.span; p.cells > limits.TableCells {
			return fmt.Errorf("%w", limits.Over("table cells (merged cells counted in every place they cover)", limits.TableCells))
		}
		for tb.skipped > 0 {
			tb.row = append(tb.row, document.Cell{})
			tb.skipped--
		}
		c := document.Cell{Text: strings.Join(tb.cell, "\n"), Line: tb.cellLn}
		if len(c.Text) > limits.NoticeBytes {
			return fmt.Errorf("a table cell of %d bytes: %w", len(c.Text), limits.Over("bytes of text", limits.NoticeBytes))
		}
		if tb.vMerge == "continue" {
			col := len(tb.row)
			if n := len(tb.rows); n > 0 && col < len(tb.rows[n-1]) {
				c = tb.rows[n-1][col]
			}
		}
		for i := 0; i < tb.span; i++ {
			tb.row = append(tb.row, c)
		}
	case "tr":
		if tb := p.table(); tb != nil {
			tb.rows = append(tb.rows, tb.row)
			tb.row = nil
		}
	case "tbl":
		tb := p.table()
		if tb == nil {
			return nil
		}
		p.tables = p.tables[:len(p.tables)-1]
		if outer := p.table(); outer != nil && outer.inCell {
			// A table nested in a cell: its text joins the cell's, each
			// merged cell once (repeated into every place it covers, it
			// multiplied the text at every level of nesting).
			for i, r := range tb.rows {
				for j, c := range r {
					if j > 0 && r[j-1] == c || i > 0 && j < len(tb.rows[i-1]) && tb.rows[i-1][j] == c {
						continue
					}
					outer.cell = append(outer.cell, c.Text)
				}
			}
			return nil
		}
		if len(tb.rows) == 0 {
			return nil
		}
		line := 0
		for _, r := range tb.rows {
			for _, c := range r {
				if c.Line > 0 && (line == 0 || c.Line < line) {
					line = c.Line
				}
			}
		}
		p.blocks = append(p.blocks, document.Block{Table: &document.Table{Rows: tb.rows}, Line: line})
	}
	return nil
}

// atoiSmall reads a small non-negative decimal number, 0 if it is none.
func atoiSmall(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' || n > 1e6 {
			return n
		}
		n = n*10 + int(r-'0')
	}
	return n
}
