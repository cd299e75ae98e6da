// Package doc reads Word 97–2003 binary documents (.doc) and the .wps files
// WPS Office saves in the same compound-file format: the main text from the
// piece table, split into paragraphs and tables by the paragraph and cell
// marks, with field codes removed and field results kept.
//
// Word 6/95 files and the older WPS formats are refused with an error that
// says to re-save the file as .docx.
package doc

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/internal/limits"
	"github.com/richardlehane/mscfb"
)

// Bounds on what a file may make the reader do.
const (
	maxStream = 64 << 20 // bytes of one stream read into memory
	maxPieces = 1 << 16  // pieces of the piece table
	maxBlocks = 200000   // paragraphs and table cells
)

// Reader reads .doc (and Word-97 .wps) notices.
type Reader struct{}

// errOldFormat is the error for files duban does not read but Word and
// WPS can convert.
var errOldFormat = errors.New("re-save it as .docx")

// Read turns a Word 97–2003 file into a Document.
func (Reader) Read(name string, data []byte) (doc *document.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%s: damaged Word file (internal error: %v)", name, r)
		}
	}()
	return read(name, data)
}

// read is Read without the guard against panics (the fuzz test calls it
// to find them in this package's code).
func read(name string, data []byte) (*document.Document, error) {
	s, err := openStreams(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	f, err := parseFIB(s.word)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	table := s.table0
	if f.whichTable {
		table = s.table1
	}
	if table == nil {
		return nil, fmt.Errorf("%s: no table stream (%dTable)", name, b2i(f.whichTable))
	}
	pcs, err := parseCLX(table, f, len(s.word))
	if err != nil {
		return nil, fmt.Errorf("%s: piece table: %w", name, err)
	}
	text := mainText(s.word, pcs, f.ccpText)
	props := parsePapx(table, s.word, f)
	blocks, err := buildBlocks(text, props, parseLists(table, f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &document.Document{Format: "doc", Blocks: blocks}, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// streams are the compound file's streams the reader needs.
type streams struct {
	word, table0, table1 []byte
}

// cfbMagic opens every OLE compound file.
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// openStreams reads WordDocument, 0Table and 1Table from a compound file.
// A panic in the compound-file library is a damaged file.
func openStreams(data []byte) (s *streams, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("damaged compound file (%v)", r)
		}
	}()
	if !bytes.HasPrefix(data, cfbMagic) {
		return nil, fmt.Errorf("not a Word 97–2003 file (an older Word or WPS format?); %w", errOldFormat)
	}
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("damaged compound file: %v", err)
	}
	s = &streams{}
	var names []string
	for i := 0; i < 10000; i++ {
		e, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("damaged compound file: %v", err)
		}
		if len(e.Path) != 0 { // only the root storage's streams
			continue
		}
		var dst *[]byte
		switch e.Name {
		case "WordDocument":
			dst = &s.word
		case "0Table":
			dst = &s.table0
		case "1Table":
			dst = &s.table1
		default:
			names = append(names, e.Name)
			continue
		}
		if e.Size > maxStream || e.Size < 0 || e.Size > int64(len(data)) {
			return nil, fmt.Errorf("stream %s: %d bytes: %w", e.Name, e.Size, limits.Over("bytes of a stream (and no more than the file)", maxStream))
		}
		b := make([]byte, e.Size)
		n, err := io.ReadFull(e, b)
		if err != nil && err != io.ErrUnexpectedEOF {
			return nil, fmt.Errorf("stream %s: %v", e.Name, err)
		}
		*dst = b[:n]
	}
	if s.word == nil {
		for _, n := range names {
			if n == "Workbook" || n == "Book" {
				return nil, errors.New("a spreadsheet (Excel compound file), not a Word document")
			}
		}
		return nil, fmt.Errorf("no WordDocument stream (not a Word 97–2003 file; an older WPS format?); %w", errOldFormat)
	}
	return s, nil
}
