// Package txt reads plain-text notices (UTF-8, UTF-16, GB18030) into a
// document.Document: one block per line, tab-separated task tables as
// tables.
package txt

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/notation"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Reader reads plain-text notices: UTF-8 with or without a byte-order
// mark, UTF-16 with a byte-order mark, or GB18030/GBK (the usual encoding of
// text saved on Chinese Windows), with LF, CRLF or CR line ends. A form feed
// (as pdftotext writes between pages) starts a new page.
type Reader struct{}

// Read implements document.Reader. Every non-blank physical line becomes one block.
func (Reader) Read(name string, data []byte) (*document.Document, error) {
	text, err := decodeText(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	doc := &document.Document{Format: "txt"}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	paged := strings.Contains(text, "\f")
	doc.Blocks = make([]document.Block, 0, strings.Count(text, "\n")+1)
	page := 1
	line := 0
	for len(text) > 0 {
		line++
		var l string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			l, text = text, ""
		}
		for {
			i := strings.IndexByte(l, '\f')
			if i < 0 {
				break
			}
			page++
			l = l[:i] + l[i+1:]
		}
		if notation.TrimFunc(l, notation.IsSpace) == "" {
			continue
		}
		b := document.Block{Text: notation.UnspaceLine(l), Line: line}
		if paged {
			b.Page = page
		}
		doc.Blocks = append(doc.Blocks, b)
	}
	doc.Blocks = txtTables(doc.Blocks)
	if paged {
		doc.Pages = page
	}
	return doc, nil
}

// decodeText turns a text file's bytes into a string: a UTF-8 byte-order
// mark is dropped, UTF-16 is recognised by its mark, valid UTF-8 is taken as
// is and anything else is decoded as GB18030 (a superset of GBK and
// GB2312). Bytes that are not text in any of these are an error.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("decoding UTF-16: %w", err)
		}
		return checkText(string(s))
	}
	text := string(data)
	if st := notation.ScanText(text); st.Valid {
		return checkStats(text, st)
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("not UTF-8 and not GB18030 text: %w", err)
	}
	if bytes.Count(s, []byte("\uFFFD")) > len(s)/200 {
		return "", fmt.Errorf("bad encoding: neither UTF-8 nor GB18030/GBK")
	}
	return checkText(string(s))
}

// checkText rejects binary data: text files carry no NUL bytes and few
// other control characters.
func checkText(s string) (string, error) {
	return checkStats(s, notation.ScanText(s))
}

// checkStats is checkText with s already scanned.
func checkStats(s string, st notation.TextStats) (string, error) {
	if st.NUL {
		return "", fmt.Errorf("binary data, not a text file")
	}
	if ctrl := st.Ctrl; ctrl > 8 && ctrl > len(s)/100 {
		return "", fmt.Errorf("binary data, not a text file")
	}
	return s, nil
}
