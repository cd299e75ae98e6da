package docx

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/duban/duban/internal/limits"
	"github.com/duban/duban/internal/xmlpart"
)

// wordPackage reads the parts of a Word package within a budget of
// decompressed bytes, each part and all together.
type wordPackage struct {
	zr   *zip.Reader
	left int // decompressed bytes still allowed
}

const (
	relOfficeDocument = "/officeDocument"
	defaultMainPart   = "word/document.xml"
)

// mainPart returns the name of the main document part: the target of the
// package's officeDocument relationship (_rels/.rels), not always
// word/document.xml.
func (p *wordPackage) mainPart() (string, error) {
	if t := p.relTarget("_rels/.rels", "", relOfficeDocument); t != "" {
		return t, nil
	}
	return defaultMainPart, nil
}

// related returns the part the main part's relationships name for a type
// ("numbering", "styles"), or the usual name beside the main part.
func (p *wordPackage) related(main, kind string) string {
	dir, file := path.Split(main)
	if t := p.relTarget(dir+"_rels/"+file+".rels", dir, "/"+kind); t != "" {
		return t
	}
	return dir + kind + ".xml"
}

// relTarget reads a relationships part and returns the target of the first
// relationship whose type ends in typ, resolved against dir; "" when there
// is none (or the part is missing or unreadable: the usual names are used
// then).
func (p *wordPackage) relTarget(rels, dir, typ string) string {
	data, err := p.read(rels)
	if err != nil || data == nil {
		return ""
	}
	d := xmlpart.NewDecoder(data)
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		t, _ := attr(se, "Type")
		target, _ := attr(se, "Target")
		mode, _ := attr(se, "TargetMode")
		if !strings.HasSuffix(t, typ) || target == "" || strings.EqualFold(mode, "External") {
			continue
		}
		if strings.HasPrefix(target, "/") {
			return strings.TrimPrefix(path.Clean(target), "/")
		}
		return strings.TrimPrefix(path.Clean("/"+dir+target), "/")
	}
}

// read returns the decompressed bytes of one part, nil when the part does
// not exist, and an error when it is damaged or over the budget.
func (p *wordPackage) read(part string) ([]byte, error) {
	for _, f := range p.zr.File {
		if !strings.EqualFold(strings.TrimPrefix(f.Name, "/"), part) {
			continue
		}
		limit := min(maxPart, p.left)
		if f.UncompressedSize64 > uint64(limit) {
			return nil, fmt.Errorf("%s: %d bytes decompressed: %w", part, f.UncompressedSize64, p.over(limit))
		}
		// A damaged end record can place entries before the archive's
		// start; archive/zip then reports a negative offset.
		if off, err := f.DataOffset(); err != nil || off < 0 {
			return nil, fmt.Errorf("%s: damaged zip archive: the part is not where the archive's directory says", part)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: damaged zip archive: %w", part, err)
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, int64(limit)+1))
		if err != nil {
			return nil, fmt.Errorf("%s: damaged zip archive: %w", part, err)
		}
		if len(b) > limit {
			return nil, fmt.Errorf("%s: %w", part, p.over(limit))
		}
		p.left -= len(b)
		return b, nil
	}
	return nil, nil
}

// over names the budget that limit came from.
func (p *wordPackage) over(limit int) error {
	if limit == maxPart {
		return limits.Over("bytes decompressed from one part", int64(maxPart))
	}
	return limits.Over("bytes decompressed from the file", int64(maxTotal))
}
