// Package ocr reads scanned notices — PDF pages without a text layer and
// page images (.jpg, .png, .tif) — through the tesseract command: word
// boxes (TSV) per page, pages in parallel, then lines and paragraphs
// rebuilt from the boxes and the usual OCR damage to Chinese text
// repaired. PDF pages are rendered with pdftoppm (poppler-utils).
//
// Text read this way needs a person's look: the Document says it came
// from OCR, and the records say so too.
package ocr

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/duban/duban/extract/document"
)

// Reader reads scans. The zero value is ready to use.
type Reader struct {
	// Jobs is the number of pages recognised at once (default: the
	// number of CPUs). Each tesseract runs on one thread.
	Jobs int
	// Lang is tesseract's language (default "chi_sim").
	Lang string
}

const (
	maxPages = 500
	// dpi at which PDF pages are rendered: scans are mostly 200–300 dpi.
	dpi = 200
)

// Formats are the formats (as document.Sniff names them) Reader reads.
var Formats = []string{"pdf", "jpg", "png", "tif"}

// Read recognises the text of a scanned PDF or a page image.
func (r Reader) Read(name string, data []byte) (*document.Document, error) {
	return r.ReadContext(context.Background(), name, data)
}

// ReadContext is Read stopping early when ctx is done.
func (r Reader) ReadContext(ctx context.Context, name string, data []byte) (*document.Document, error) {
	format := document.Sniff(name, data)
	if format != "pdf" && format != "jpg" && format != "png" && format != "tif" {
		return nil, fmt.Errorf("%s: not a scan (a PDF or a JPEG, PNG or TIFF image)", name)
	}
	lang := r.Lang
	if lang == "" {
		lang = "chi_sim"
	}
	if err := checkTools(format == "pdf", lang); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	dir, err := os.MkdirTemp("", "duban-ocr-")
	if err != nil {
		return nil, fmt.Errorf("%s: OCR: %w", name, err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in."+format)
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, fmt.Errorf("%s: OCR: %w", name, err)
	}
	var pages []pageWords
	if format == "pdf" {
		pages, err = r.pdfPages(ctx, dir, in, lang)
	} else {
		var ws []Word
		ws, err = recognise(ctx, in, lang)
		pages = splitPages(ws)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: OCR: %w", name, err)
	}
	return buildDocument(format, pages), nil
}

// pageWords is the words of one page; page numbers start at 1.
type pageWords struct {
	page  int
	words []Word
}

// splitPages splits a multi-page image's words by page.
func splitPages(ws []Word) []pageWords {
	var out []pageWords
	for _, w := range ws {
		if len(out) == 0 || out[len(out)-1].page != w.Page {
			out = append(out, pageWords{page: w.Page})
		}
		out[len(out)-1].words = append(out[len(out)-1].words, w)
	}
	return out
}

// buildDocument turns the pages' words into paragraphs.
func buildDocument(format string, pages []pageWords) *document.Document {
	d := &document.Document{Format: format, OCR: true}
	lineNo := 0
	for i, p := range pages {
		for j := range p.words {
			p.words[j].Page = i + 1
		}
		d.Blocks = append(d.Blocks, paragraphs(pageLines(p.words), &lineNo)...)
	}
	d.Pages = len(pages)
	return d
}

// pdfPages renders and recognises a PDF's pages, Jobs at a time.
func (r Reader) pdfPages(ctx context.Context, dir, pdf, lang string) ([]pageWords, error) {
	n, err := pdfPageCount(ctx, pdf)
	if err != nil {
		return nil, err
	}
	if n > maxPages {
		return nil, fmt.Errorf("%d pages, more than a notice has (limit %d)", n, maxPages)
	}
	jobs := r.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	pages := make([]pageWords, n)
	errs := make([]error, n)
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				errs[i] = ctx.Err()
				return
			}
			img, err := renderPage(ctx, dir, pdf, i+1)
			if err == nil {
				pages[i].words, err = recognise(ctx, img, lang)
				os.Remove(img)
			}
			pages[i].page = i + 1
			if err != nil {
				errs[i] = fmt.Errorf("page %d: %w", i+1, err)
				cancel()
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return pages, nil
}

// Missing tools are named with the Debian packages that bring them.
var (
	toolsOnce sync.Once
	langs     string
	toolsErr  error
)

func checkTools(pdf bool, lang string) error {
	toolsOnce.Do(func() {
		langs, toolsErr = listLangs()
	})
	if toolsErr != nil {
		return toolsErr
	}
	for _, l := range strings.Split(lang, "+") {
		if !strings.Contains("\n"+langs+"\n", "\n"+l+"\n") {
			return fmt.Errorf("scanned; tesseract has no %s language data: install tesseract-ocr-%s", l, strings.ReplaceAll(l, "_", "-"))
		}
	}
	if pdf {
		for _, t := range []string{"pdftoppm", "pdfinfo"} {
			if _, err := lookPath(t); err != nil {
				return fmt.Errorf("scanned; reading a scanned PDF needs %s: install poppler-utils", t)
			}
		}
	}
	return nil
}
