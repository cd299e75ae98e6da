// Package xmlpart reads one XML part of a document package (DOCX, XLSX,
// OFD) within the budgets of package limits: whatever its encoding (UTF-8,
// UTF-16 with or without a byte-order mark, or a legacy charset such as GBK
// that the declaration names), with its nesting depth and element count
// bounded.
package xmlpart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/duban/duban/internal/limits"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// Decoder is an xml.Decoder that counts what it reads: Token returns an
// error once the part nests deeper than limits.XMLDepth or holds more than
// limits.XMLElements elements.
type Decoder struct {
	*xml.Decoder
	depth, elems int
	err          error // returned by Token before anything is read
}

// NewDecoder returns a non-strict decoder over data. UTF-16 data is
// recognised by its byte-order mark or by its first character ('<' with a
// zero byte beside it) and read as such; another declared encoding is
// decoded by its name.
func NewDecoder(data []byte) *Decoder {
	var utf16 bool
	data, utf16 = fromUTF16(data)
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		l := strings.ToLower(strings.TrimSpace(label))
		if utf16 && strings.HasPrefix(l, "utf-16") || l == "utf-8" || l == "utf8" {
			return r, nil // already UTF-8
		}
		enc, err := htmlindex.Get(l)
		if err != nil {
			return nil, fmt.Errorf("unknown encoding %q", label)
		}
		return enc.NewDecoder().Reader(r), nil
	}
	x := &Decoder{Decoder: d}
	// An element has one or two '<': far more of them is over the budget
	// before a token is read (a count costs milliseconds, parsing seconds).
	if n := bytes.Count(data, []byte("<")); n > 2*limits.XMLElements {
		x.err = fmt.Errorf("%d tags: %w", n, limits.Over("XML elements", limits.XMLElements))
	}
	return x
}

// fromUTF16 converts UTF-16 data to UTF-8; ok reports whether it was
// UTF-16.
func fromUTF16(data []byte) ([]byte, bool) {
	var e unicode.Endianness
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), len(data) >= 2 && data[0] == '<' && data[1] == 0:
		e = unicode.LittleEndian
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), len(data) >= 2 && data[0] == 0 && data[1] == '<':
		e = unicode.BigEndian
	default:
		return data, false
	}
	out, err := unicode.UTF16(e, unicode.UseBOM).NewDecoder().Bytes(data)
	if err != nil {
		return data, false
	}
	return out, true
}

// Token implements xml.Decoder.Token within the budget.
func (d *Decoder) Token() (xml.Token, error) {
	if d.err != nil {
		return nil, d.err
	}
	tok, err := d.Decoder.Token()
	switch tok.(type) {
	case xml.StartElement:
		d.depth++
		d.elems++
		if d.depth > limits.XMLDepth {
			return nil, fmt.Errorf("elements nested %d deep: %w", d.depth, limits.Over("XML depth", limits.XMLDepth))
		}
		if d.elems > limits.XMLElements {
			return nil, fmt.Errorf("%w", limits.Over("XML elements", limits.XMLElements))
		}
	case xml.EndElement:
		if d.depth > 0 {
			d.depth--
		}
	}
	return tok, err
}

// Skip skips the current element within the budget (xml.Decoder.Skip
// would not count).
func (d *Decoder) Skip() error {
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}
