package html

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"

	"github.com/duban/duban/extract/document"
)

// MHTMLReader reads web pages saved as one file (.mhtml, .mht: "Save as
// single file" in browsers and IE's web archive): the first text/html part
// of the MIME message is read as Reader reads a page; the images and
// style sheets beside it are not needed.
type MHTMLReader struct{}

// Read finds the page in the archive and reads it.
func (MHTMLReader) Read(name string, data []byte) (*document.Document, error) {
	page, label, err := mhtmlPage(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return readPage(name, page, label)
}

// mhtmlPage returns the bytes of the archive's HTML part and the charset
// its Content-Type names.
func mhtmlPage(data []byte) ([]byte, string, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return nil, "", fmt.Errorf("not a web archive (MIME message): %w", err)
	}
	media, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return nil, "", fmt.Errorf("web archive without a readable Content-Type: %w", err)
	}
	if media == "text/html" {
		body, err := decodePart(msg.Body, msg.Header.Get("Content-Transfer-Encoding"))
		return body, params["charset"], err
	}
	if !strings.HasPrefix(media, "multipart/") || params["boundary"] == "" {
		return nil, "", fmt.Errorf("web archive of %s, not a page", media)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := mr.NextPart() // decodes quoted-printable itself
		if err == io.EOF {
			return nil, "", errors.New("web archive without an HTML page")
		}
		if err != nil {
			return nil, "", fmt.Errorf("damaged web archive: %w", err)
		}
		media, params, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if media != "text/html" {
			continue
		}
		body, err := decodePart(part, part.Header.Get("Content-Transfer-Encoding"))
		return body, params["charset"], err
	}
}

// decodePart reads a part's body, undoing base64 (quoted-printable is
// undone by the multipart reader).
func decodePart(r io.Reader, encoding string) ([]byte, error) {
	if strings.EqualFold(strings.TrimSpace(encoding), "base64") {
		r = base64.NewDecoder(base64.StdEncoding, r) // line breaks are skipped
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("damaged web archive part: %w", err)
	}
	return b, nil
}
