package xmlpart

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// texts returns the character data of a part, or the first error.
func texts(data []byte) (string, error) {
	d := NewDecoder(data)
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", err
		}
		if c, ok := tok.(xml.CharData); ok {
			b.Write(c)
		}
	}
}

func TestEncodings(t *testing.T) {
	const doc = `<?xml version="1.0" encoding="%s"?><a><b>责任单位</b></a>`
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(strings.Replace(doc, "%s", "GBK", 1))
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.Replace(doc, "%s", "UTF-16", 1))
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().String(strings.Replace(doc, "%s", "UTF-16", 1))
	for name, data := range map[string]string{
		"utf8": strings.Replace(doc, "%s", "UTF-8", 1), "gbk": gbk, "utf16le-bom": le, "utf16be-nobom": be,
	} {
		got, err := texts([]byte(data))
		if err != nil || got != "责任单位" {
			t.Errorf("%s: %q, %v", name, got, err)
		}
	}
	if _, err := texts([]byte(strings.Replace(doc, "%s", "x-no-such", 1))); err == nil || !strings.Contains(err.Error(), "unknown encoding") {
		t.Errorf("unknown encoding: %v", err)
	}
}

func TestBudget(t *testing.T) {
	if _, err := texts([]byte(strings.Repeat("<a>", 300) + strings.Repeat("</a>", 300))); err == nil || !strings.Contains(err.Error(), "XML depth over the limit of 256") {
		t.Errorf("depth: %v", err)
	}
	if _, err := texts([]byte(strings.Repeat("<a>", 256) + strings.Repeat("</a>", 256))); err != nil {
		t.Errorf("depth 256: %v", err)
	}
	// Skip counts too
	d := NewDecoder([]byte("<r>" + strings.Repeat("<a>", 300) + strings.Repeat("</a>", 300) + "</r>"))
	if _, err := d.Token(); err != nil {
		t.Fatal(err)
	}
	if err := d.Skip(); err == nil {
		t.Errorf("Skip went past the depth budget")
	}
}

func TestElementBudget(t *testing.T) {
	// 4,000,002 self-closing elements: refused before parsing
	if _, err := texts([]byte("<r>" + strings.Repeat("<a/>", 4_000_000) + "</r>")); err == nil || !strings.Contains(err.Error(), "XML elements over the limit of 2000000") {
		t.Errorf("%v", err)
	}
	// 2,000,001 elements: refused while parsing
	if _, err := texts([]byte("<r>" + strings.Repeat("<a/>", 2_000_000) + "</r>")); err == nil || !strings.Contains(err.Error(), "XML elements over the limit of 2000000") {
		t.Errorf("%v", err)
	}
}
