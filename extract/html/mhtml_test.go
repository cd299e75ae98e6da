package html

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A web archive as IE and Chrome write them: a quoted-printable HTML part
// whose charset (gb2312) is named in the part header only, with 𠀀, a
// four-byte GB18030 character, in it.
func TestMHTMLQuotedPrintableGB2312(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String("<p>关于𠀀的通知</p>")
	if err != nil {
		t.Fatal(err)
	}
	var qp strings.Builder
	for i := 0; i < len(gb); i++ {
		c := gb[i]
		if c >= 0x80 || c == '=' {
			qp.WriteString("=" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
		} else {
			qp.WriteByte(c)
		}
		if i%20 == 19 {
			qp.WriteString("=\r\n") // soft line break
		}
	}
	archive := "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"; type=\"text/html\"\r\n\r\n" +
		"--b1\r\nContent-Type: text/css\r\n\r\np{}\r\n" +
		"--b1\r\nContent-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + qp.String() + "\r\n--b1--\r\n"
	doc, err := MHTMLReader{}.Read("t.mhtml", []byte(archive))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Text != "关于𠀀的通知" {
		t.Errorf("blocks %+v", doc.Blocks)
	}
}

func TestMHTMLErrors(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"<html>not an archive", "x.mhtml: not a web archive"},
		{"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n", "x.mhtml: web archive without an HTML page"},
	} {
		_, err := MHTMLReader{}.Read("x.mhtml", []byte(c.data))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("err = %v, want %q…", err, c.want)
		}
	}
}
