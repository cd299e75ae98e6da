// Package html reads notices published as web pages (.html, .htm): the
// page's charset is found from its BOM, its <meta> or the bytes; the
// notice's body is found inside the site's chrome; paragraphs, tables
// (row and column spans expanded), the information-disclosure table
// (索引号, 发文机关, 成文日期, 发文字号, 发布日期) and the attachment links
// become a document.Document.
package html

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/PuerkitoBio/goquery"
	xhtml "golang.org/x/net/html"

	"github.com/duban/duban/extract/document"
)

// Reader reads HTML notices.
type Reader struct{}

// Read decodes the page, finds the notice in it and returns its blocks:
// the disclosure table's fields first, as "label：value" paragraphs the
// header parser reads, then the body in reading order.
func (Reader) Read(name string, data []byte) (*document.Document, error) {
	return readPage(name, data, "")
}

// readPage reads a page; label is the charset its container names (a web
// archive's Content-Type), if any.
func readPage(name string, data []byte, label string) (*document.Document, error) {
	text, err := decode(data, label)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	root, err := xhtml.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("%s: parsing HTML: %w", name, err)
	}
	page := goquery.NewDocumentFromNode(root)
	w := newWalker()
	fields, title, disclosure := disclosureFields(page)
	for _, f := range fields {
		w.para(f.label + "：" + f.value)
	}
	nFields := len(w.blocks)
	w.skip = disclosure
	w.walk(noticeBody(page), 0)
	w.flush()
	if title != "" && !opensWith(w.blocks[nFields:], title) {
		// the title stands outside the content box: put it where the
		// header parser looks for it
		for i := nFields; i < len(w.blocks); i++ {
			w.blocks[i].Line++
			if t := w.blocks[i].Table; t != nil {
				for _, row := range t.Rows {
					for k := range row {
						row[k].Line++
					}
				}
			}
		}
		w.blocks = slices.Insert(w.blocks, nFields, document.Block{Text: title, Line: nFields + 1})
	}
	if w.err != nil {
		return nil, fmt.Errorf("%s: %w", name, w.err)
	}
	if len(w.blocks) == 0 {
		return nil, fmt.Errorf("%s: no text in the page", name)
	}
	return &document.Document{Format: "html", Blocks: w.blocks, Attachments: attachments(page)}, nil
}

// opensWith reports whether the title is among the first paragraphs of
// the body (perhaps wrapped over several).
func opensWith(body []document.Block, title string) bool {
	var b strings.Builder
	for i, p := range body {
		if i == 12 {
			break
		}
		b.WriteString(squeeze(p.Text))
	}
	return strings.Contains(b.String(), squeeze(title))
}
