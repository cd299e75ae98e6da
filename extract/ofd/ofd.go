// Package ofd reads OFD documents (GB/T 33190, the fixed-layout format of
// many 公文 systems): OFD.xml → DocRoot → the pages' Content.xml layers,
// the text objects' glyphs placed by X/Y/DeltaX (with the "g N d"
// shorthand), the CTM and the Boundary, path objects as table rulings.
// Templates, annotations and signatures (seals) are not read. The glyphs
// are laid out into lines, paragraphs and tables by extract/layout, as the
// PDF reader's are.
package ofd

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/duban/duban/extract/document"
	"github.com/duban/duban/extract/layout"
	"github.com/duban/duban/internal/limits"
)

// Reader reads .ofd notices.
type Reader struct{}

// Bounds on what a file may make the reader do.
const (
	maxEntries  = 20000
	maxPart     = limits.OFDPartBytes // bytes of one XML part, uncompressed
	maxTotal    = limits.OFDBytes     // bytes of all parts read, uncompressed
	maxPages    = 5000
	maxGlyphs   = 2000000 // in the whole document
	maxSegments = 100000  // per page
)

// mmToPt converts OFD's millimetres to the points the layout works in.
const mmToPt = 72 / 25.4

// Read turns an OFD file into a Document.
func (Reader) Read(name string, data []byte) (doc *document.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%s: damaged OFD file (internal error: %v)", name, r)
		}
	}()
	return read(name, data)
}

// read is Read without the guard against panics (the fuzz test calls it).
func read(name string, data []byte) (*document.Document, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: not an OFD file (not a zip package: %v)", name, err)
	}
	if len(z.File) > maxEntries {
		return nil, fmt.Errorf("%s: %d entries: %w", name, len(z.File), limits.Over("entries of an OFD package", maxEntries))
	}
	pkg := &pkg{files: map[string]*zip.File{}, lower: map[string]*zip.File{}, left: maxTotal, elems: limits.OFDElements}
	for _, f := range z.File {
		n := strings.TrimPrefix(path.Clean("/"+f.Name), "/")
		pkg.files[n] = f
		pkg.lower[strings.ToLower(n)] = f
	}
	pages, err := pkg.pages()
	if err == nil {
		err = pkg.checkPages(pages)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	glyphs := 0
	laid := make([]*layout.Page, 0, len(pages))
	for i, p := range pages {
		gs, segs, box, err := pkg.page(p)
		if err != nil {
			return nil, fmt.Errorf("%s: page %d: %w", name, i+1, err)
		}
		if glyphs += len(gs); glyphs > maxGlyphs {
			return nil, fmt.Errorf("%s: page %d: %w", name, i+1, limits.Over("glyphs of an OFD", maxGlyphs))
		}
		laid = append(laid, layout.LayoutPage(gs, segs, box, i+1))
	}
	if !layout.HasText(laid) {
		return nil, fmt.Errorf("%s: no text (a scan saved as OFD?)", name)
	}
	d := layout.Assemble(laid)
	d.Format, d.Pages = "ofd", len(pages)
	return d, nil
}

// pkg is the OFD package: its parts by clean path.
type pkg struct {
	files, lower map[string]*zip.File
	left         uint64 // bytes the parts still to read may unpack to
	elems        int    // XML elements they may hold
}

// part reads one part, resolving loc against the folder dir (loc may be
// absolute within the package).
func (k *pkg) part(dir, loc string) (*node, string, error) {
	f, p := k.lookup(dir, loc)
	if f == nil {
		return nil, p, fmt.Errorf("%s missing from the package", p)
	}
	if f.UncompressedSize64 > maxPart {
		return nil, p, fmt.Errorf("%s: %d bytes decompressed: %w", p, f.UncompressedSize64, errPartBytes)
	}
	// Pages may all name one part: each reading counts.
	if f.UncompressedSize64 > k.left {
		return nil, p, fmt.Errorf("%s: %d bytes decompressed, %d read before it: %w", p, f.UncompressedSize64, maxTotal-k.left, errBytes)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, p, fmt.Errorf("%s: %v", p, err)
	}
	defer rc.Close()
	// archive/zip fails a part that unpacks to more than its entry
	// declares, so a buffer of that size (under maxPart) is not grown.
	buf := bytes.NewBuffer(make([]byte, 0, f.UncompressedSize64+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(rc, maxPart+1)); err != nil {
		return nil, p, fmt.Errorf("%s: %v", p, err)
	}
	data := buf.Bytes()
	if len(data) > maxPart {
		return nil, p, fmt.Errorf("%s: more bytes decompressed than its zip entry declares: %w", p, errPartBytes)
	}
	if uint64(len(data)) > k.left {
		return nil, p, fmt.Errorf("%s: %d bytes decompressed, %d read before it: %w", p, len(data), maxTotal-k.left, errBytes)
	}
	k.left -= uint64(len(data))
	n, elems, err := parseXML(data, k.elems)
	k.elems -= elems
	if err != nil {
		return nil, p, fmt.Errorf("%s: %w", p, err)
	}
	return n, p, nil
}

// The package's byte budgets as errors.
var (
	errPartBytes = limits.Over("bytes decompressed from one part of an OFD package", maxPart)
	errBytes     = limits.Over("bytes decompressed from an OFD package", maxTotal)
)

// lookup finds the part loc names, resolved against the folder dir: nil
// when the package lacks it.
func (k *pkg) lookup(dir, loc string) (*zip.File, string) {
	loc = strings.TrimSpace(strings.ReplaceAll(loc, "\\", "/"))
	var p string
	if strings.HasPrefix(loc, "/") {
		p = path.Clean(loc)
	} else {
		p = path.Clean("/" + path.Join(dir, loc))
	}
	p = strings.TrimPrefix(p, "/")
	f := k.files[p]
	if f == nil {
		f = k.lower[strings.ToLower(p)]
	}
	return f, p
}

// checkPages refuses, before any page is read, a document with a page
// whose content part unpacks to more than limits.OFDPartBytes, or whose
// pages' content parts unpack to more than what is left of limits.ZipTotalBytes
// by the sizes the zip directory declares (archive/zip fails a part that
// unpacks to more), a part named by several pages counted each time: 20
// pages naming one part of 30 MB took 10 s to reach the limit page by
// page.
func (k *pkg) checkPages(pages []pageRef) error {
	var sum uint64
	for i, p := range pages {
		f, name := k.lookup(p.dir, p.loc)
		if f == nil {
			continue // page() says it is missing
		}
		if f.UncompressedSize64 > maxPart {
			return fmt.Errorf("page %d: %s: %d bytes decompressed: %w", i+1, name, f.UncompressedSize64, errPartBytes)
		}
		if sum += f.UncompressedSize64; sum > k.left {
			return fmt.Errorf("pages 1 to %d: %d bytes decompressed: %w", i+1, sum, errBytes)
		}
	}
	return nil
}

// pageRef is one page of the document: its content part and the page
// area the document gives by default.
type pageRef struct {
	dir, loc string
	area     [4]float64
	hasArea  bool
}

// pages follows OFD.xml to the first document's page list.
func (k *pkg) pages() ([]pageRef, error) {
	root, _, err := k.part("", "OFD.xml")
	if err != nil {
		return nil, fmt.Errorf("not an OFD file (%v)", err)
	}
	dr := root.find("DocRoot")
	if dr == nil || strings.TrimSpace(dr.text.String()) == "" {
		return nil, errors.New("OFD.xml names no DocRoot")
	}
	doc, docPath, err := k.part("", dr.text.String())
	if err != nil {
		return nil, err
	}
	dir := path.Dir(docPath)
	var area [4]float64
	hasArea := false
	if pa := doc.find("PageArea"); pa != nil {
		if pb := pa.child("PhysicalBox"); pb != nil {
			area, hasArea = box(pb.text.String())
		}
	}
	ps := doc.find("Pages")
	if ps == nil {
		return nil, errors.New("the document lists no pages")
	}
	var out []pageRef
	for _, p := range ps.children {
		if p.name != "Page" {
			continue
		}
		if len(out) >= maxPages {
			return nil, limits.Over("pages of an OFD", maxPages)
		}
		out = append(out, pageRef{dir: dir, loc: p.attr("BaseLoc"), area: area, hasArea: hasArea})
	}
	if len(out) == 0 {
		return nil, errors.New("the document lists no pages")
	}
	return out, nil
}
