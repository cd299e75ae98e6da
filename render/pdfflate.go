package render

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
)

// fpdf compresses each page with a zlib writer of its own, and a new
// writer allocates about 1 MB of tables. A batch renders tens of thousands
// of pages (2,000 notices: 48 GB of the run's 83 GB of allocation), so the
// collector ran far more often than the documents needed. Documents are
// therefore written by fpdf uncompressed, and deflatePages compresses their
// page streams with pooled writers: the same zlib level fpdf uses, so the
// file is byte for byte what fpdf would have written.

// zlibWriters are reset, never remade, between pages and documents.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// deflateStream compresses b as fpdf does (zlib, best speed).
func deflateStream(dst *bytes.Buffer, b []byte) error {
	w := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(w)
	w.Reset(dst)
	if _, err := w.Write(b); err != nil {
		return err
	}
	return w.Close()
}

// deflateWriter takes fpdf's output and keeps it with the pages
// compressed. fpdf hands over the whole file in one write, which is
// compressed at once, so that no second uncompressed copy is made.
type deflateWriter struct {
	out    []byte
	raw    []byte // the file, when it came in parts
	writes int
}

func (w *deflateWriter) Write(b []byte) (int, error) {
	w.writes++
	if w.writes == 1 {
		if out, err := deflatePages(b); err == nil {
			w.out = out
			return len(b), nil
		}
	} else if w.out != nil {
		return 0, errors.New("pdf: written after its end")
	}
	w.raw = append(w.raw, b...)
	return len(b), nil
}

// result is the file with its pages compressed.
func (w *deflateWriter) result() ([]byte, error) {
	if w.out != nil {
		return w.out, nil
	}
	return deflatePages(w.raw)
}

// deflatePages rewrites a PDF that fpdf wrote without compression: every
// page's content stream (the objects named by /Contents) gets /Filter
// /FlateDecode, and the cross-reference table is rebuilt for the new
// offsets. Everything else is copied as it is.
func deflatePages(pdf []byte) ([]byte, error) {
	xref, offs, tail, err := fpdfXref(pdf)
	if err != nil {
		return nil, err
	}
	contents := pageContents(pdf[:xref], len(offs))
	// Objects in file order (fpdf writes the page tree's root after the
	// pages): each runs to the start of the next, the last to the xref.
	order := make([]int, 0, len(offs))
	for i := 1; i < len(offs); i++ {
		order = append(order, i)
	}
	slices.SortFunc(order, func(a, b int) int { return offs[a] - offs[b] })
	var out bytes.Buffer
	out.Grow(len(pdf) / 2)
	first := xref
	if len(order) > 0 {
		first = offs[order[0]]
	}
	out.Write(pdf[:first])
	newOffs := make([]int, len(offs))
	for k, obj := range order {
		end := xref
		if k+1 < len(order) {
			end = offs[order[k+1]]
		}
		newOffs[obj] = out.Len()
		if !contents[obj] {
			out.Write(pdf[offs[obj]:end])
			continue
		}
		if err := deflateObject(&out, pdf[offs[obj]:end], obj); err != nil {
			return nil, err
		}
	}
	start := out.Len()
	out.WriteString("xref\n0 " + strconv.Itoa(len(offs)) + "\n0000000000 65535 f \n")
	for _, o := range newOffs[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	out.Write(tail)
	out.WriteString("startxref\n" + strconv.Itoa(start) + "\n%%EOF\n")
	return out.Bytes(), nil
}

// pageContents lists the objects fpdf names as pages' contents
// ("/Contents n 0 R" in each page object).
func pageContents(objs []byte, n int) []bool {
	is := make([]bool, n)
	key := []byte("/Contents ")
	for {
		i := bytes.Index(objs, key)
		if i < 0 {
			return is
		}
		objs = objs[i+len(key):]
		num, _, _ := bytes.Cut(objs, []byte(" "))
		if k, err := strconv.Atoi(string(num)); err == nil && k > 0 && k < n {
			is[k] = true
		}
	}
}

// deflateObject writes object obj (its bytes in b) to out, its stream
// compressed when it is a bare one (<</Length n>>, as fpdf writes pages).
func deflateObject(out *bytes.Buffer, b []byte, obj int) error {
	head := strconv.Itoa(obj) + " 0 obj\n<</Length "
	rest, ok := bytes.CutPrefix(b, []byte(head))
	if !ok {
		out.Write(b)
		return nil
	}
	i := bytes.Index(rest, []byte(">>\nstream\n"))
	if i < 0 {
		out.Write(b)
		return nil
	}
	n, err := strconv.Atoi(string(rest[:i]))
	data := rest[i+len(">>\nstream\n"):]
	if err != nil || n < 0 || n > len(data) || !bytes.Equal(data[n:], []byte("\nendstream\nendobj\n")) {
		out.Write(b)
		return nil
	}
	var z bytes.Buffer
	if err := deflateStream(&z, data[:n]); err != nil {
		return fmt.Errorf("compressing object %d: %w", obj, err)
	}
	out.WriteString(strconv.Itoa(obj) + " 0 obj\n<</Filter /FlateDecode /Length " + strconv.Itoa(z.Len()) + ">>\nstream\n")
	out.Write(z.Bytes())
	out.WriteString("\nendstream\nendobj\n")
	return nil
}

// fpdfXref reads the end of a PDF as fpdf writes it: the offset of the
// cross-reference table, the object offsets it lists (index = object
// number; 0 unused) and the trailer between the table and startxref.
func fpdfXref(pdf []byte) (xref int, offs []int, tail []byte, err error) {
	bad := func(what string) (int, []int, []byte, error) {
		return 0, nil, nil, fmt.Errorf("pdf: %s", what)
	}
	s := bytes.LastIndex(pdf, []byte("startxref\n"))
	if s < 0 {
		return bad("no startxref")
	}
	num, _, _ := bytes.Cut(pdf[s+len("startxref\n"):], []byte("\n"))
	xref, err = strconv.Atoi(string(num))
	if err != nil || xref < 0 || xref >= s {
		return bad("bad startxref")
	}
	t := pdf[xref:s]
	t, ok := bytes.CutPrefix(t, []byte("xref\n0 "))
	if !ok {
		return bad("no xref table at startxref")
	}
	cnt, t, _ := bytes.Cut(t, []byte("\n"))
	n, err := strconv.Atoi(string(cnt))
	if err != nil || n < 1 || len(t) < n*20 {
		return bad("bad xref table")
	}
	offs = make([]int, n)
	for i := 1; i < n; i++ {
		e := t[i*20 : i*20+20]
		o, err := strconv.Atoi(string(e[:10]))
		if err != nil || o <= 0 || o >= xref || string(e[10:]) != " 00000 n \n" {
			return bad("bad xref entry " + strconv.Itoa(i))
		}
		offs[i] = o
	}
	return xref, offs, t[n*20:], nil
}
