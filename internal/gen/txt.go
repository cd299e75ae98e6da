package gen

import (
	"regexp"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

var digitHanRe = regexp.MustCompile(`(\d)(\p{Han})|(\p{Han})(\d)`)

// TXT writes the notice as a text file in its encoding.
func (n *Notice) TXT() ([]byte, error) {
	nl := "\n"
	if n.Encoding == "gb18030" {
		nl = "\r\n"
	}
	var b strings.Builder
	for _, p := range n.Paras(false) {
		line := p.Text
		if n.Spaced {
			line = digitHanRe.ReplaceAllString(line, "$1$3 $2$4")
		}
		b.WriteString(line + nl)
		if n.BlankLines {
			b.WriteString(nl)
		}
	}
	switch n.Encoding {
	case "gb18030":
		return simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(b.String()))
	case "utf-8-bom":
		return []byte("\ufeff" + b.String()), nil
	}
	return []byte(b.String()), nil
}
