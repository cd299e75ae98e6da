package html

import (
	"net/url"
	"path"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/duban/duban/extract/document"
)

// attachmentExts are the extensions of the files notices attach.
var attachmentExts = map[string]bool{
	".doc": true, ".docx": true, ".wps": true, ".pdf": true, ".ofd": true, ".xls": true,
	".xlsx": true, ".et": true, ".zip": true, ".rar": true, ".7z": true, ".txt": true,
}

// maxAttachments bounds the links listed.
const maxAttachments = 200

// attachments lists the page's links to files (附件): the link's text as
// its name (else the file name) and its address, resolved against the
// page's <base> when it has one. duban does not fetch them.
func attachments(page *goquery.Document) []document.Attachment {
	var base *url.URL
	if href, ok := page.Find("base[href]").First().Attr("href"); ok {
		base, _ = url.Parse(strings.TrimSpace(href))
	}
	var out []document.Attachment
	seen := map[string]bool{}
	page.Find("a[href]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		href := strings.TrimSpace(s.AttrOr("href", ""))
		u, err := url.Parse(href)
		if err != nil || !attachmentExts[strings.ToLower(path.Ext(u.Path))] {
			return true
		}
		addr := href // as the page writes it
		if base != nil {
			u = base.ResolveReference(u)
			addr = u.String()
		}
		if seen[addr] {
			return true
		}
		seen[addr] = true
		name := tidy(s.Text())
		if name == "" {
			name = path.Base(u.Path)
		}
		out = append(out, document.Attachment{Name: name, URL: addr})
		return len(out) < maxAttachments
	})
	return out
}
