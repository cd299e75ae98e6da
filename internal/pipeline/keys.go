package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/duban/duban"
	"golang.org/x/text/width"
)

// docNumberRe splits a 文号 such as 连政办发〔2024〕22号 into its prefix,
// year and number, whatever brackets it uses.
var docNumberRe = regexp.MustCompile(`^(.*?)[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*第?\s*(\d+)\s*号?$`)

// normDocNumber folds widths and removes spaces so the same 文号 written
// with other brackets or digits compares equal.
func normDocNumber(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, width.Fold.String(s))
	if m := docNumberRe.FindStringSubmatch(s); m != nil {
		return m[1] + "〔" + m[2] + "〕" + m[3] + "号"
	}
	return s
}

// noticeKeys are the identities of a notice: its 文号 and its task texts.
// Two inputs sharing any key are the same notice.
func noticeKeys(n *duban.Notice) []string {
	var keys []string
	if d := normDocNumber(n.DocNumber); d != "" {
		keys = append(keys, "doc:"+d)
	}
	if len(n.Tasks) > 0 {
		h := sha256.New()
		for _, t := range n.Tasks {
			h.Write([]byte(normText(t.Text)))
			h.Write([]byte{0})
		}
		keys = append(keys, "tasks:"+hex.EncodeToString(h.Sum(nil)[:12]))
	}
	return keys
}

// normText keeps only letters and digits, width-folded, so a task read
// from a PDF and from a DOCX of the same notice compare equal.
func normText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, width.Fold.String(s))
}

// baseSlug is the folder name of a notice: from its 文号 (连政办发〔2024〕22号
// → 连政办发2024-22), else from its file name.
func baseSlug(n *duban.Notice, path string, safe func(string) string) string {
	s := ""
	if d := normDocNumber(n.DocNumber); d != "" {
		if m := docNumberRe.FindStringSubmatch(d); m != nil {
			s = m[1] + m[2] + "-" + m[3]
		} else {
			s = d
		}
	}
	if s == "" {
		b := filepath.Base(path)
		s = strings.TrimSuffix(b, filepath.Ext(b))
	}
	if safe != nil {
		s = safe(s)
	}
	if s == "" || s == "." || s == ".." {
		s = "notice"
	}
	return s
}
