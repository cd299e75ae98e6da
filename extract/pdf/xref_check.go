package pdf

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/duban/duban/internal/limits"
)

// This file walks a PDF's cross-reference chain before the library does.
// The library sizes its table by the largest object number a section names
// and allocates it at once: a subsection starting at 2^32, an xref stream
// with /Size 2^31 or /Index [4294967290 7] asks for 64–128 GiB, a fatal
// out-of-memory that no recover catches, and starts of 10^8 cost gigabytes.
// It also follows /Prev without remembering where it has been, so a section
// naming itself (or a pair naming each other) loops until the read budget
// is spent. Here every section is read once, its object numbers checked
// against limits.PDFObjects, and a /Prev leading back to a section already
// visited is blanked out (in a copy of the file), which ends the chain there.

// xrefTail is how far from the end the last startxref is looked for.
const xrefTail = 1024

// checkXref returns the data to hand to the library: data itself, or a
// copy whose looping /Prev entries are blanked. An error says what is out
// of bounds; the caller then rebuilds the table (repair) or refuses the
// file. A file without a startxref is returned as it is: the library's
// error leads to the same rebuilding.
func checkXref(data []byte) ([]byte, error) {
	off, ok := lastStartxref(data)
	if !ok {
		return data, nil
	}
	out := data
	seen := map[int64]bool{}
	for sections := 0; ; sections++ {
		if off < 0 || off >= int64(len(data)) {
			return nil, fmt.Errorf("cross-reference section at offset %d, outside the file (%d bytes)", off, len(data))
		}
		if sections >= limits.PDFXrefSections {
			return nil, fmt.Errorf("cross-reference chain: %w", limits.Over("sections", limits.PDFXrefSections))
		}
		seen[off] = true
		dict, err := checkXrefSection(data, int(off))
		if err != nil {
			return nil, fmt.Errorf("cross-reference section at offset %d: %w", off, err)
		}
		prev := dict.key("Prev")
		if prev == nil || prev.kind != rawInt {
			return out, nil // the end of the chain (or the library's own error)
		}
		if seen[prev.num] {
			// a loop: end the chain at this section
			k := bytes.LastIndex(data[dict.start:prev.start], []byte("/Prev"))
			if k < 0 {
				return nil, fmt.Errorf("cross-reference chain loops at offset %d", prev.num)
			}
			if &out[0] == &data[0] {
				out = append([]byte(nil), data...)
			}
			for i := dict.start + k; i < prev.end; i++ {
				out[i] = ' '
			}
			return out, nil
		}
		off = prev.num
	}
}

// lastStartxref reads the offset after the last "startxref" near the
// end of the file.
func lastStartxref(data []byte) (int64, bool) {
	from := max(0, len(data)-xrefTail)
	i := bytes.LastIndex(data[from:], []byte("startxref"))
	if i < 0 {
		return 0, false
	}
	p := &rawParser{lexer: lexer{data: data, pos: from + i + len("startxref")}}
	v, ok := p.value(0)
	if !ok || v.kind != rawInt {
		return 0, false
	}
	return v.num, true
}

// checkXrefSection reads the section at off (a table with its trailer,
// or an xref stream's dictionary), checks its object numbers and returns
// its trailer dictionary.
func checkXrefSection(data []byte, off int) (*raw, error) {
	p := &rawParser{lexer: lexer{data: data, pos: off}}
	p.skipSpace()
	if bytes.HasPrefix(data[p.pos:], []byte("xref")) {
		p.pos += len("xref")
		for {
			p.skipSpace()
			if bytes.HasPrefix(data[p.pos:], []byte("trailer")) {
				p.pos += len("trailer")
				break
			}
			start, ok1 := xrefInt(p)
			count, ok2 := xrefInt(p)
			if !ok1 || !ok2 {
				return nil, fmt.Errorf("malformed table")
			}
			if err := checkObjectRange(start, count); err != nil {
				return nil, err
			}
			for i := int64(0); i < 3*count; i++ { // offset, generation, n or f
				p.skipSpace()
				if len(p.word()) == 0 {
					return nil, fmt.Errorf("malformed table")
				}
			}
		}
		dict, ok := p.value(0)
		if !ok || dict.kind != rawDict {
			return nil, fmt.Errorf("no trailer dictionary")
		}
		return dict, nil
	}
	// an xref stream: "N G obj << … >> stream"
	for _, w := range []string{"", "", "obj"} {
		p.skipSpace()
		word := p.word()
		if w != "" && string(word) != w || w == "" && len(word) == 0 {
			return nil, fmt.Errorf("neither a table nor a stream")
		}
	}
	dict, ok := p.value(0)
	if !ok || dict.kind != rawDict || dict.key("Type").name() != "XRef" {
		return nil, fmt.Errorf("neither a table nor a stream")
	}
	size := dict.key("Size").int(-1)
	if size < 0 || size > limits.PDFObjects {
		return nil, fmt.Errorf("/Size %d: %w", size, limits.Over("objects", limits.PDFObjects))
	}
	if idx := dict.key("Index"); idx != nil {
		if idx.kind != rawArray || len(idx.arr)%2 != 0 {
			return nil, fmt.Errorf("malformed /Index")
		}
		for i := 0; i < len(idx.arr); i += 2 {
			start, count := idx.arr[i].int(-1), idx.arr[i+1].int(-1)
			if err := checkObjectRange(start, count); err != nil {
				return nil, err
			}
		}
	}
	if w := dict.key("W"); w != nil && w.kind == rawArray {
		for _, x := range w.arr {
			if n := x.int(-1); n < 0 || n > 8 {
				return nil, fmt.Errorf("malformed /W")
			}
		}
	}
	return dict, nil
}

// xrefInt reads one integer of a table's subsection header.
func xrefInt(p *rawParser) (int64, bool) {
	p.skipSpace()
	n, err := strconv.ParseInt(string(p.word()), 10, 64)
	return n, err == nil
}

// checkObjectRange checks a subsection of count objects from start.
func checkObjectRange(start, count int64) error {
	if start < 0 || count < 0 || start > limits.PDFObjects || count > limits.PDFObjects-start {
		return fmt.Errorf("objects %d to %d: %w", start, start+count, limits.Over("object numbers", limits.PDFObjects))
	}
	return nil
}
