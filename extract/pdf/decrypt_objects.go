package pdf

import (
	"bytes"
	"strconv"
)

// This file finds, in an encrypted PDF, what decryption must rewrite: every
// top-level "N G obj" with the spans of its strings and of its stream
// data, and the trailers (classic ones and cross-reference streams). The
// library cannot tell us which object a stream or string belongs to, and
// each is encrypted with a key made from its object number, so we locate
// them ourselves. Objects are read one after another, a stream's data
// skipped by its length, so nothing inside encrypted data is taken for
// syntax.

// rawKind is the kind of a parsed PDF value.
type rawKind uint8

const (
	rawNull rawKind = iota
	rawDict
	rawArray
	rawString
	rawName
	rawInt
	rawReal
	rawRef
	rawKeyword // true, false and anything else bare
)

// raw is a parsed PDF value with its span in the file.
type raw struct {
	kind       rawKind
	start, end int // bytes [start, end) of the file
	dict       map[string]*raw
	arr        []*raw
	str        []byte // string bytes (escapes resolved); name; keyword
	num        int64  // integer; object number of a reference
	gen        int64  // generation of a reference
}

// key returns a dictionary entry, or nil.
func (v *raw) key(k string) *raw {
	if v == nil || v.kind != rawDict {
		return nil
	}
	return v.dict[k]
}

// int returns an integer value, or def.
func (v *raw) int(def int64) int64 {
	if v == nil || v.kind != rawInt {
		return def
	}
	return v.num
}

// name returns a name's text, or "".
func (v *raw) name() string {
	if v == nil || v.kind != rawName {
		return ""
	}
	return string(v.str)
}

// bytes returns a string's bytes, or nil.
func (v *raw) bytes() []byte {
	if v == nil || v.kind != rawString {
		return nil
	}
	return v.str
}

// rawObject is one top-level "N G obj ... endobj" of the file.
type rawObject struct {
	num, gen int64
	val      *raw
	strings  []*raw // every string in val, outermost first
	// stream data, when the object is a stream: bytes [dataStart, dataEnd)
	dataStart, dataEnd int
	hasStream          bool
}

// rawFile is what decryption needs to know of a file.
type rawFile struct {
	objects  []*rawObject
	trailers []*raw // trailer dictionaries, in file order
	index    map[[2]int64]*rawObject
}

// Bounds on parsing.
const (
	rawMaxDepth   = 64
	rawMaxObjects = 1 << 20
)

// rawParser reads PDF values from data.
type rawParser struct {
	lexer
	strings []*raw
}

// value reads one value; ok is false at the end of the data or at a
// closing delimiter (left unread).
func (p *rawParser) value(depth int) (*raw, bool) {
	p.skipSpace()
	if p.pos >= len(p.data) || depth > rawMaxDepth {
		return nil, false
	}
	start := p.pos
	c := p.data[p.pos]
	switch {
	case c == '<' && p.pos+1 < len(p.data) && p.data[p.pos+1] == '<':
		p.pos += 2
		v := &raw{kind: rawDict, start: start, dict: map[string]*raw{}}
		for {
			p.skipSpace()
			if p.pos+1 < len(p.data) && p.data[p.pos] == '>' && p.data[p.pos+1] == '>' {
				p.pos += 2
				break
			}
			k, ok := p.value(depth + 1)
			if !ok {
				if p.pos < len(p.data) {
					p.pos++ // a stray delimiter
					continue
				}
				break
			}
			if k.kind != rawName {
				continue
			}
			val, ok := p.value(depth + 1)
			if !ok {
				continue
			}
			v.dict[string(k.str)] = val
		}
		v.end = p.pos
		return v, true
	case c == '[':
		p.pos++
		v := &raw{kind: rawArray, start: start}
		for {
			p.skipSpace()
			if p.pos < len(p.data) && p.data[p.pos] == ']' {
				p.pos++
				break
			}
			e, ok := p.value(depth + 1)
			if !ok {
				if p.pos < len(p.data) {
					p.pos++
					continue
				}
				break
			}
			v.arr = append(v.arr, e)
		}
		v.end = p.pos
		return v, true
	case c == '(':
		v := &raw{kind: rawString, start: start, str: p.appendLiteral(nil)}
		v.end = p.pos
		p.strings = append(p.strings, v)
		return v, true
	case c == '<':
		v := &raw{kind: rawString, start: start, str: p.appendHex(nil)}
		v.end = p.pos
		p.strings = append(p.strings, v)
		return v, true
	case c == '/':
		p.pos++
		w := p.word()
		return &raw{kind: rawName, start: start, end: p.pos, str: unescapeName(w)}, true
	case isDelim(c):
		return nil, false
	}
	w := p.word()
	if n, err := strconv.ParseInt(string(w), 10, 64); err == nil {
		v := &raw{kind: rawInt, start: start, end: p.pos, num: n}
		// "N G R" is a reference
		save := p.pos
		p.skipSpace()
		g := p.word()
		if gen, err := strconv.ParseInt(string(g), 10, 64); err == nil && len(g) > 0 && g[0] != '+' && g[0] != '-' {
			p.skipSpace()
			if r := p.word(); string(r) == "R" {
				return &raw{kind: rawRef, start: start, end: p.pos, num: n, gen: gen}, true
			}
		}
		p.pos = save
		return v, true
	}
	if _, err := strconv.ParseFloat(string(w), 64); err == nil {
		return &raw{kind: rawReal, start: start, end: p.pos}, true
	}
	if len(w) == 0 {
		p.pos++ // a byte no value starts with
		return &raw{kind: rawKeyword, start: start, end: p.pos}, true
	}
	if string(w) == "null" {
		return &raw{kind: rawNull, start: start, end: p.pos}, true
	}
	return &raw{kind: rawKeyword, start: start, end: p.pos, str: w}, true
}

// unescapeName resolves #xx escapes in a name.
func unescapeName(w []byte) []byte {
	if bytes.IndexByte(w, '#') < 0 {
		return w
	}
	out := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		if w[i] == '#' && i+2 < len(w) {
			if h, ok := hexByte(w[i+1], w[i+2]); ok {
				out = append(out, h)
				i += 2
				continue
			}
		}
		out = append(out, w[i])
	}
	return out
}

func hexByte(a, b byte) (byte, bool) {
	h, ok1 := hexDigit(a)
	l, ok2 := hexDigit(b)
	return h<<4 | l, ok1 && ok2
}

// scanObjects reads the top-level objects and trailers of data.
func scanObjects(data []byte) *rawFile {
	f := &rawFile{}
	var streams [][2]int // data spans, to skip when looking for trailers
	ends := endstreams{from: -1}
	pos := 0
	for len(f.objects) < rawMaxObjects {
		m := objRE.FindSubmatchIndex(data[pos:])
		if m == nil {
			break
		}
		num, err1 := strconv.ParseInt(string(data[pos+m[2]:pos+m[3]]), 10, 64)
		gen, err2 := strconv.ParseInt(string(data[pos+m[4]:pos+m[5]]), 10, 64)
		p := &rawParser{lexer: lexer{data: data, pos: pos + m[1]}}
		pos += m[1]
		if err1 != nil || err2 != nil {
			continue
		}
		val, ok := p.value(0)
		if !ok {
			continue
		}
		o := &rawObject{num: num, gen: gen, val: val, strings: p.strings}
		f.objects = append(f.objects, o)
		pos = p.pos
		p.skipSpace()
		if val.kind != rawDict || !bytes.HasPrefix(data[p.pos:], []byte("stream")) {
			continue
		}
		s := p.pos + len("stream")
		if s < len(data) && data[s] == '\r' {
			s++
		}
		if s < len(data) && data[s] == '\n' {
			s++
		}
		end, ok := streamEnd(data, s, val.key("Length").int(-1), &ends)
		if !ok {
			continue
		}
		o.hasStream, o.dataStart, o.dataEnd = true, s, end
		streams = append(streams, [2]int{s, end})
		pos = end
		if val.key("Type").name() == "XRef" {
			f.trailers = append(f.trailers, val)
		}
	}
	// classic trailers, outside stream data
	for i, si := 0, 0; ; {
		j := bytes.Index(data[i:], []byte("trailer"))
		if j < 0 {
			break
		}
		at := i + j
		i = at + len("trailer")
		for si < len(streams) && streams[si][1] <= at {
			si++
		}
		if si < len(streams) && streams[si][0] <= at {
			continue
		}
		p := &rawParser{lexer: lexer{data: data, pos: i}}
		if v, ok := p.value(0); ok && v.kind == rawDict {
			f.trailers = append(f.trailers, v)
			i = p.pos
		}
	}
	return f
}

// streamEnd returns where stream data starting at s ends: after length
// bytes when "endstream" follows there, else before the next "endstream".
func streamEnd(data []byte, s int, length int64, ends *endstreams) (int, bool) {
	if length >= 0 && length <= int64(len(data)-s) {
		e := s + int(length)
		rest := data[e:]
		k := 0
		for k < len(rest) && k < 4 && isWhite(rest[k]) {
			k++
		}
		if bytes.HasPrefix(rest[k:], []byte("endstream")) {
			return e, true
		}
	}
	e := ends.next(data, s)
	if e < 0 {
		return 0, false
	}
	if e > s && data[e-1] == '\n' {
		e--
	}
	if e > s && data[e-1] == '\r' {
		e--
	}
	return e, true
}

// endstreams finds the next "endstream", remembering the last search so
// that many streams without a usable length cost one pass over the file.
type endstreams struct {
	from, at int // the first "endstream" at or after from is at at (-1: none)
}

func (f *endstreams) next(data []byte, s int) int {
	if f.from >= 0 && f.from <= s && (f.at < 0 || s <= f.at) {
		return f.at
	}
	f.from, f.at = s, -1
	if j := bytes.Index(data[s:], []byte("endstream")); j >= 0 {
		f.at = s + j
	}
	return f.at
}

// object returns the last definition of object num gen, or nil.
func (f *rawFile) object(num, gen int64) *rawObject {
	if f.index == nil {
		f.index = make(map[[2]int64]*rawObject, len(f.objects))
		for _, o := range f.objects {
			f.index[[2]int64{o.num, o.gen}] = o
		}
	}
	return f.index[[2]int64{num, gen}]
}
