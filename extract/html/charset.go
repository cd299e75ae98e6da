package html

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// decode returns the page as UTF-8. The charset comes from a byte-order
// mark or the container's label, else from the bytes when they are valid
// UTF-8, else from the <meta> (or an XML declaration), else it is taken
// for GB18030, the encoding of Chinese pages that declare none. GB2312 and GBK labels are decoded as
// GB18030, their superset: Go's GBK decoder turns GB18030's four-byte
// characters (rare names of people and places) into U+FFFD.
//
// label, when not empty, is the charset the page's container declares (a
// web archive's part header); it comes before the page's own <meta>.
func decode(data []byte, label string) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("decoding UTF-16: %w", err)
		}
		return out, nil
	}
	// DetermineEncoding is certain of a BOM only; a <meta> it finds comes
	// back uncertain, and so does its windows-1252 default.
	enc, name, certain := charset.DetermineEncoding(data, "")
	if label != "" {
		if e, n := charset.Lookup(label); e != nil {
			enc, name, certain = e, n, true
		}
	}
	if !certain {
		switch {
		case utf8.Valid(data):
			// Also a page whose <meta> says gb2312 but whose bytes are
			// UTF-8 (a site re-encoded, its template not): GB text is
			// never valid UTF-8 once it holds a Chinese character.
			return data, nil
		case name == "windows-1252":
			enc, name = simplifiedchinese.GB18030, "gb18030"
		}
	}
	switch strings.ToLower(name) {
	case "utf-8":
		return data, nil
	case "gbk", "gb2312", "gb18030", "x-gbk":
		enc = simplifiedchinese.GB18030
	}
	out, err := decodeWith(enc, data)
	if err != nil {
		return nil, fmt.Errorf("decoding %s: %w", name, err)
	}
	return out, nil
}

func decodeWith(enc encoding.Encoding, data []byte) ([]byte, error) {
	return enc.NewDecoder().Bytes(data)
}
