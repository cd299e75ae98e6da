package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/notation"
	"golang.org/x/text/width"
)

// normDocNumber folds widths and removes spaces so the same 文号 written
// with other brackets or digits compares equal.
func normDocNumber(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, width.Fold.String(s))
	if prefix, year, num, ok := notation.SplitDocNumber(s); ok {
		return prefix + "〔" + year + "〕" + num + "号"
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
		if prefix, year, num, ok := notation.SplitDocNumber(d); ok {
			s = prefix + year + "-" + num
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
